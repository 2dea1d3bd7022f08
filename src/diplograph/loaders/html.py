"""Web pages, saved or fetched: the story and its metadata.

The story comes from trafilatura, which drops navigation, share buttons,
related links, comments and footers; a short list of chrome lines it may
still let through ("Share", "Advertisement", "Related: ...") is dropped
after it. Headline, date, author, publisher and canonical URL come from the
page's own metadata first, in this order:

- JSON-LD (``NewsArticle`` and its kin, also inside ``@graph``),
- Open Graph and ``article:`` properties, then named ``<meta>`` tags and
  ``<link rel="canonical">``,
- what trafilatura reads from the markup (headline, author, site name; not
  the date, which it may guess from numeric forms),
- the visible text: ``<h1>``, ``itemprop`` and ``<time>`` dates, date and
  byline elements, "Updated: ..." lines, ``<title>`` ("Headline - Site").

No date is guessed: one the page does not state stays empty. Pages that are
press-briefing transcripts go to :mod:`diplograph.loaders.briefing`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from diplograph.errors import SourceError
from diplograph.loaders.dates import find_date
from diplograph.loaders.text import is_prose, normalize, parse_byline
from diplograph.model import Article

#: JSON-LD types that describe the story itself, best first.
ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Article", "BlogPosting",
                 "Report", "WebPage")

#: Lines trafilatura may keep that are never part of a story (matched whole, lower case).
CHROME_LINES = re.compile(
    r"^(share( this( story| article)?)?( on \w+)?|tweet|email|print|close|comments?( \(\d+\))?"
    r"|advertisement|sponsored( content)?|related( stories| articles| links)?:?"
    r"|read more:?.*|see also:?.*|most (read|viewed|popular)|follow us.*|subscribe.*"
    r"|sign up.*|copyright .*|©.*|all rights reserved\.?|photo:.*|file photo:.*"
    r"|back to top|top of page|skip to( main)? content)$", re.I)

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "section", "article", "header", "footer", "dd", "dt", "figcaption", "br", "table",
           "ul", "ol"}
_DATE_LINE = re.compile(r"\b(published|updated|posted|date|last modified)\b", re.I)
_BY = re.compile(r"^\s*by\s+(?P<name>[^|·•,\n]{3,80}?)\s*(?:[|·•,]|$)", re.I)


@dataclass
class PageMeta:
    """What a page says about itself; each field from the first place that has it."""

    headline: str | None = None
    date: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    origin: dict[str, str] = field(default_factory=dict)  # field -> where it came from

    def offer(self, name: str, value: Any, origin: str) -> None:
        """Set ``name`` from ``origin`` unless an earlier source already gave it."""
        if getattr(self, name) is not None or not isinstance(value, str):
            return
        value = " ".join(value.split())
        if value:
            setattr(self, name, value)
            self.origin[name] = origin


# ------------------------------------------------------------------ parsing

def _tree(html: str) -> Any:
    import lxml.html
    from lxml import etree

    # lxml refuses str input that carries an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError("html", f"not an HTML page ({exc})") from None


def _jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), '
                             '"ld+json")]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        yield from _walk_jsonld(data)


def _walk_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_jsonld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_jsonld(data["@graph"])


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type", [])
    return [str(x).rsplit("/", 1)[-1] for x in (t if isinstance(t, list) else [t])]


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organisation value: string, object or list."""
    if isinstance(value, str):
        return [] if value.startswith(("http://", "https://")) else [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _id_or_str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("@id", "url"):
            if isinstance(value.get(key), str):
                return str(value[key])
    if isinstance(value, list) and value:
        return _id_or_str(value[0])
    return None


def _meta(tree: Any) -> dict[str, str]:
    """``<meta>`` values by lower-cased name or property (the first of each)."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in out:
            out[key] = content
    return out


def page_metadata(tree: Any, base_url: str | None = None,
                  day_first: bool | None = None) -> PageMeta:
    """Headline, date, author, publisher and URL from the page's own markup."""
    meta = PageMeta()
    objects = list(_jsonld_objects(tree))
    ranked = sorted((o for o in objects if set(_types(o)) & set(ARTICLE_TYPES)),
                    key=lambda o: min(ARTICLE_TYPES.index(t) for t in _types(o)
                                      if t in ARTICLE_TYPES))
    for obj in ranked:
        meta.offer("headline", obj.get("headline") or obj.get("name"), "json-ld")
        for key in ("datePublished", "dateCreated", "dateModified"):
            meta.offer("date", find_date(str(obj.get(key) or ""), day_first), "json-ld")
        names = _names(obj.get("author"))
        meta.offer("author", ", ".join(dict.fromkeys(names)) if names else None, "json-ld")
        pubs = _names(obj.get("publisher")) or _names(obj.get("sourceOrganization"))
        meta.offer("publisher", pubs[0] if pubs else None, "json-ld")
        meta.offer("url", _id_or_str(obj.get("url")) or _id_or_str(obj.get("mainEntityOfPage")),
                   "json-ld")
    for obj in objects:  # a site-wide Organization or WebSite names the publisher too
        if set(_types(obj)) & {"NewsMediaOrganization", "Organization", "WebSite"}:
            names = _names(obj)
            meta.offer("publisher", names[0] if names else None, "json-ld")
    tags = _meta(tree)
    meta.offer("headline", tags.get("og:title") or tags.get("twitter:title")
               or tags.get("dc.title") or tags.get("title"), "meta")
    for key in ("article:published_time", "og:article:published_time", "datepublished",
                "date", "pubdate", "publishdate", "publish-date", "dc.date",
                "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date",
                "article:modified_time", "og:updated_time", "last-modified"):
        if key in tags:
            meta.offer("date", find_date(tags[key], day_first), "meta")
    author = tags.get("author") or tags.get("article:author") or tags.get("dc.creator") \
        or tags.get("byl") or tags.get("parsely-author") or tags.get("sailthru.author")
    if author and not author.startswith(("http://", "https://")):
        meta.offer("author", re.sub(r"^by\s+", "", author, flags=re.I), "meta")
    article_publisher = tags.get("article:publisher")  # often a Facebook page URL
    if article_publisher and article_publisher.startswith(("http://", "https://")):
        article_publisher = None
    meta.offer("publisher", tags.get("og:site_name") or tags.get("publisher")
               or tags.get("dc.publisher") or article_publisher, "meta")
    canonical = tree.xpath('//link[contains(concat(" ", translate(@rel, "CANONICAL", '
                           '"canonical"), " "), " canonical ")]/@href')
    meta.offer("url", canonical[0] if canonical else None, "link")
    meta.offer("url", tags.get("og:url"), "meta")
    if meta.url:
        absolute = urljoin(base_url, meta.url) if base_url else meta.url
        meta.url = absolute if urlsplit(absolute).scheme in ("http", "https") else None
    return meta


def _visible_metadata(tree: Any, meta: PageMeta, day_first: bool | None) -> None:
    """Fill what the markup did not say from the visible page."""
    h1 = tree.xpath("//h1")
    if h1:
        meta.offer("headline", h1[0].text_content(), "h1")
    for el in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]'):
        meta.offer("date", find_date(el.get("content") or el.get("datetime") or "", day_first)
                   or find_date(el.text_content(), day_first), "itemprop")
    if meta.date is None:
        for t in tree.xpath("//time"):
            meta.offer("date", find_date(t.get("datetime") or "", day_first)
                       or find_date(t.text_content(), day_first), "time")
    if meta.date is None:
        for el in tree.xpath('//*[contains(@class, "date") or contains(@class, "time") or '
                             'contains(@class, "byline") or contains(@class, "dateline") or '
                             'contains(@id, "date") or contains(@id, "time")]'):
            text = el.text_content()
            if len(text) < 200:
                meta.offer("date", find_date(text, day_first), "visible")
    if meta.date is None:
        for line in _lines(tree):
            if _DATE_LINE.search(line) and len(line) < 200:
                meta.offer("date", find_date(line, day_first), "visible")
    bylines = [" ".join(el.text_content().split()) for el in tree.xpath(
        '//*[contains(@class, "byline") or contains(@class, "author") or @rel="author" '
        'or contains(@class, "info") or contains(@class, "meta")]')]
    bylines += [line for line in _lines(tree) if _BY.match(line)]
    for text in bylines:
        if len(text) > 200:
            continue
        m = re.match(r"^\s*by\s+(?P<rest>.+)$", text, re.I)
        if m:
            author, publisher, date = parse_byline(m.group("rest"), day_first)
            meta.offer("author", author, "byline")
            meta.offer("publisher", publisher, "byline")
            meta.offer("date", date, "byline")
    title = tree.xpath("//title")
    if title:
        text = " ".join(title[0].text_content().split())
        parts = re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", text)
        meta.offer("headline", parts[0], "title")
        if len(parts) == 2 and meta.headline and _same(parts[0], meta.headline):
            meta.offer("publisher", parts[1], "title")  # "Headline - Site name"


def _lines(tree: Any) -> Iterator[str]:
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        for chunk in (el.text, el.tail):
            if chunk and chunk.strip():
                yield " ".join(chunk.split())


def html_to_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment (a feed item's content), one string per block."""
    import lxml.html
    from lxml import etree

    if not re.search(r"<[a-zA-Z!/]", fragment):
        return [p for p in (" ".join(x.split()) for x in re.split(r"\n\s*\n", fragment)) if p]
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(fragment.split())] if fragment.strip() else []
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    pieces: list[str] = []

    def walk(el: Any) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        if block:
            pieces.append("\n")
        if el.text:
            pieces.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if block:
            pieces.append("\n")

    walk(root)
    text = "".join(pieces)
    return [p for p in (" ".join(x.split()) for x in text.split("\n")) if p]


def _story(html: str) -> tuple[list[str], dict[str, str | None]]:
    """Story paragraphs and trafilatura's own metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        return [], {}
    info = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = info.get("text") or ""
    paras = [" ".join(line.split()) for line in text.split("\n")]
    found = {k: info.get(k) for k in ("title", "author", "sitename", "date", "url")}
    return [p for p in paras if p], found


def drop_chrome(paras: Iterable[str], headline: str | None) -> list[str]:
    """``paras`` without chrome lines, and without a first line repeating the headline."""
    out: list[str] = []
    for p in paras:
        if CHROME_LINES.match(p.strip()):
            continue
        if not out and headline and _same(p, headline):
            continue  # the page's own <h1> repeats the headline we put first
        out.append(p)
    return out


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return norm(a) == norm(b)


@dataclass
class Page:
    """A parsed page: its metadata and its story paragraphs (normalized)."""

    meta: PageMeta
    paragraphs: list[str]


def read_page(html: str, source: str, url: str | None = None,
              day_first: bool | None = None) -> Page:
    """Metadata and story of an HTML page; raises SourceError when it has no story."""
    html = normalize(html)
    try:
        tree = _tree(html)
    except SourceError as err:
        raise SourceError(source, err.reason) from None
    meta = page_metadata(tree, url, day_first)
    paras, found = _story(html)
    meta.offer("headline", found.get("title"), "trafilatura")
    meta.offer("author", found.get("author"), "trafilatura")
    meta.offer("publisher", found.get("sitename"), "trafilatura")
    _visible_metadata(tree, meta, day_first)
    if meta.url is None and url:
        meta.url = url
    paras = drop_chrome(paras, meta.headline)
    return Page(meta, paras)


def parse_html(html: str, doc_id: str, source: str, url: str | None = None,
               day_first: bool | None = None) -> Article:
    """An Article from an HTML page (a briefing transcript when it is one)."""
    from diplograph.loaders.briefing import briefing_article

    page = read_page(html, source, url, day_first)
    briefing = briefing_article(page.paragraphs, doc_id, source, headline=page.meta.headline,
                                publisher=page.meta.publisher, url=page.meta.url,
                                day_first=day_first)
    if briefing is not None:
        return briefing
    if not any(is_prose(p) for p in page.paragraphs):
        raise SourceError(source, "no article text found in the page")
    return page_article(page, doc_id, source)


def page_article(page: Page, doc_id: str, source: str) -> Article:
    """The Article of a parsed page: headline paragraph first, then the story."""
    m = page.meta
    body = "\n\n".join(page.paragraphs)
    text = f"{m.headline}\n\n{body}" if m.headline else body
    return Article(id=doc_id, text=text, headline=m.headline, date=m.date,
                   publisher=m.publisher, author=m.author, url=m.url, source=source,
                   headline_in_text=bool(m.headline))
