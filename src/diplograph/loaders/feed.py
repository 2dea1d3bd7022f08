"""RSS 2.0 and Atom feeds (also RSS 1.0): one article per item.

An item's text is its full content when the feed carries it, else its
summary; with ``follow_links`` it is the page the item links to, fetched
and read like any web page (what the page does not say, the item does).
Headline, author and URL come from the item, the date from the item's own
published (or updated) field as written, the publisher from the item's
``<source>`` or the feed's title. The document id comes from the item's link
(or guid), so an item keeps its id as the feed moves on.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from diplograph.errors import SourceError, SourceWarning
from diplograph.loaders.dates import find_date
from diplograph.loaders.html import drop_chrome, html_to_paragraphs
from diplograph.loaders.text import normalize
from diplograph.model import Article

if TYPE_CHECKING:
    from diplograph.loaders import LoadOptions

_XML_DECL_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(html_to_paragraphs(value))
    return normalize(text).strip() or None


def _entry_text(entry: Mapping[str, Any]) -> list[str]:
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return html_to_paragraphs(best["value"])
    return html_to_paragraphs(entry.get("summary") or "")


def _entry_date(entry: Mapping[str, Any], day_first: bool | None) -> str | None:
    for key in ("published", "created", "updated", "dc_date"):
        found = find_date(entry.get(key) or "", day_first)
        if found:
            return found
    for key in ("published_parsed", "created_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return None


def _entry_id(entry: Mapping[str, Any], stem: str, n: int) -> str:
    from diplograph.loaders.url import url_id

    link = entry.get("link")
    if link and re.match(r"https?://", link):
        return url_id(link)
    guid = entry.get("id")
    if guid:
        if re.match(r"https?://", guid):
            return url_id(guid)
        slug = re.sub(r"[^a-z0-9]+", "-", guid.lower()).strip("-")
        if slug:
            return f"{stem}-{slug[:80]}"
    return f"{stem}-{n}"


def parse_feed(text: str, source: str, stem: str, options: LoadOptions,
               base_url: str | None = None) -> Iterator[Article | SourceError]:
    """Articles from the items of an RSS or Atom feed."""
    import feedparser

    # feedparser reads bytes; the text is already decoded, so say so in the declaration
    data = _XML_DECL_ENCODING.sub(r"\1\2utf-8\2", text.lstrip("\ufeff"), count=1)
    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(io.BytesIO(data.encode("utf-8")), response_headers=headers)
    if not parsed.entries:
        if parsed.get("version"):
            yield SourceError(source, "no items in the feed")
        else:
            exc = parsed.get("bozo_exception")
            why = exc.getMessage() if hasattr(exc, "getMessage") else str(exc or "")
            yield SourceError(source, "not an RSS or Atom feed" + (f" ({why})" if why else ""))
        return
    feed_title = _plain(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}: item {n}"
        try:
            yield _entry_article(entry, n, stem, source, feed_title, options)
        except SourceError as err:
            if err.source in (source, ""):
                yield SourceError(where, err.reason)
            else:  # the linked page failed: name it too
                yield SourceError(f"{where} ({err.source})", err.reason)


def _entry_article(entry: Mapping[str, Any], n: int, stem: str, source: str,
                   feed_title: str | None, options: LoadOptions) -> Article:
    headline = _plain(entry.get("title"))
    date = _entry_date(entry, options.day_first)
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    author = ", ".join(dict.fromkeys(authors)) if authors else _plain(entry.get("author"))
    src = entry.get("source") or {}
    publisher = _plain(src.get("title")) or feed_title
    link = entry.get("link") or None
    doc_id = _entry_id(entry, stem, n)
    paras = drop_chrome((normalize(p) for p in _entry_text(entry)), headline)
    if options.follow_links:
        try:
            return _followed(entry, link, doc_id, headline, date, author, publisher, options)
        except SourceError as err:
            if not paras:
                raise
            # the page is gone or unreadable, but the item carries its own text: keep that
            where = f" ({err.source})" if err.source not in (source, "") else ""
            warnings.warn(SourceWarning(
                f"{source}: item {n}{where}: {err.reason}; read the item's own text instead"),
                stacklevel=2)
    if not paras:
        raise SourceError(source, f"no text in the item{_named(headline)} (use --follow-links "
                                  f"to read the linked page)")
    body = "\n\n".join(paras)
    text = f"{headline}\n\n{body}" if headline else body
    return Article(id=doc_id, text=text, headline=headline, date=date, publisher=publisher,
                   author=author, url=link, source=f"{source}#item{n}",
                   headline_in_text=bool(headline))


def _named(headline: str | None) -> str:
    return f" {headline!r}" if headline else ""


def _followed(entry: Mapping[str, Any], link: str | None, doc_id: str, headline: str | None,
              date: str | None, author: str | None, publisher: str | None,
              options: LoadOptions) -> Article:
    """The page an item links to, with the item's metadata where the page says nothing."""
    from dataclasses import replace

    from diplograph.loaders.briefing import briefing_article
    from diplograph.loaders.html import page_article, read_page
    from diplograph.loaders.text import decode, is_prose
    from diplograph.loaders.url import fetch

    if not link:
        raise SourceError("", f"no link to follow in the item{_named(headline)}")
    page = fetch(link, options)
    if page.content_type not in (None, "text/html", "application/xhtml+xml"):
        raise SourceError(link, f"linked page is {page.content_type}, not HTML")
    parsed = read_page(decode(page.data, link, declared=page.charset), link, page.url,
                       options.day_first)
    meta = parsed.meta
    briefing = briefing_article(parsed.paragraphs, doc_id, link, headline=meta.headline or headline,
                                publisher=meta.publisher or publisher, url=meta.url or link,
                                day_first=options.day_first)
    if briefing is not None:
        return briefing
    if not any(is_prose(p) for p in parsed.paragraphs):
        raise SourceError(link, "no article text found in the page")
    meta.headline = meta.headline or headline
    meta.date = meta.date or date
    meta.author = meta.author or author
    meta.publisher = meta.publisher or publisher
    meta.url = meta.url or link
    return replace(page_article(parsed, doc_id, link), source=link)
