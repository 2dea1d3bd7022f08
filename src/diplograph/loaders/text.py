"""Plain text: clean articles with an optional front-matter block, and pages
saved as text with their menus, share buttons and footers still around the
story."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from diplograph.errors import SourceError
from diplograph.loaders.dates import find_date
from diplograph.model import Article

FRONT_KEYS = {"title": "headline", "headline": "headline", "date": "date",
              "publisher": "publisher", "author": "author", "url": "url", "id": "id",
              "source": "publisher", "byline": "author"}
_FRONT = re.compile(r"^([A-Za-z]+):[ \t]*(.*)$")
_BYLINE = re.compile(r"^\s*By[ \t]+(?P<rest>.+)$")
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s*$|[\"”]\s*$")


def normalize(text: str) -> str:
    """NFC, LF line ends, no BOM, no control characters but tab and newline (C0 and C1:
    none belongs in prose, and some drive terminals). (Lone surrogates become U+FFFD
    when the Article is made.)"""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", " ", text)
    return unicodedata.normalize("NFC", text)


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                       rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names near the top, if any."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii", "replace")


#: Labels that browsers read as a wider charset (WHATWG Encoding Standard).
_WIDER = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
          "ascii": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030"}


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    encoding = _WIDER.get(encoding.lower(), encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes to text: BOMs first, then UTF-8, then the charset the transport
    (``declared``) or the document itself names, then charset detection."""
    if not data.strip():
        raise SourceError(source, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"broken UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise SourceError(source, "binary file, not text")
    for encoding in ("utf-8", declared, declared_charset(data)):
        text = _try(data, encoding)
        if text is not None:
            return text
    bad_at = _damaged_utf8(data)
    if bad_at is not None:
        raise SourceError(source, f"invalid UTF-8 at byte {bad_at}")
    from charset_normalizer import from_bytes

    best = _best_guess(from_bytes(data[:1_000_000]))
    if best is None or best.encoding is None:
        raise SourceError(source, "cannot tell the text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(source, f"cannot decode as {best.encoding}") from None


_HIGH = bytes(range(0x80, 0x100))
#: Western single-byte encodings, preferred when the detector finds them as likely as others.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _best_guess(matches: Any) -> Any:
    """The detector's best match, but Windows-1252 (or Latin-1) when that fits as well.

    On a short French or German text the detector often rates Windows-1250 or
    -1257 level with Windows-1252 and lists one of them first, which turns "à"
    into "ŕ"; browsers read unlabelled legacy text as Windows-1252 too.
    """
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01]
    for name in _WESTERN:
        for m in tied:
            if m.encoding == name:
                return m
    return best


def _damaged_utf8(data: bytes) -> int | None:
    """Where UTF-8 text breaks, if ``data`` is UTF-8 with some bad bytes; None for text
    in another encoding.

    In UTF-8 every byte over 0x7F belongs to a multi-byte character; in Latin-1 or
    Windows-1252 text almost none of them form one. When at least half of them do,
    the file is UTF-8, damaged, and a legacy encoding would only turn it into mojibake.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    else:
        return None
    high = len(data) - len(data.translate(None, _HIGH))
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return first if high - bad >= bad else None


def parse_text(text: str, doc_id: str, source: str | None = None,
               day_first: bool | None = None) -> Article:
    """An Article from text: front matter if present, else saved-page heuristics.

    ``day_first`` says how to read numeric dates (see :func:`~diplograph.loaders.dates.find_date`).
    """
    text = normalize(text)
    if not text.strip():
        raise SourceError(source or doc_id, "empty file")
    meta, body = front_matter(text)
    if meta:
        headline = meta.get("headline")
        date = find_date(meta["date"], day_first) if meta.get("date") else None
        return _article(doc_id, headline, body, date, meta.get("publisher"), meta.get("author"),
                        meta.get("url"), source, meta.get("id"))
    return _saved_page(text, doc_id, source, day_first)


def _article(doc_id: str, headline: str | None, body: str, date: str | None,
             publisher: str | None, author: str | None, url: str | None, source: str | None,
             explicit_id: str | None = None) -> Article:
    body = body.strip()
    if headline:
        text = f"{headline}\n\n{body}"
        in_text = True
    else:
        text, in_text = body, False
    return Article(id=explicit_id or doc_id, text=text, headline=headline, date=date,
                   publisher=publisher or None, author=author or None, url=url or None,
                   source=source, headline_in_text=in_text)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``Title:``/``Date:``/... block at the top of a text, by field, and the rest;
    ``({}, text)`` when the text does not start with one."""
    lines = text.lstrip("\n").split("\n")
    meta: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[n + 1 :])
            return {}, text
        m = _FRONT.match(line)
        if not m or m.group(1).lower() not in FRONT_KEYS:
            return {}, text
        meta[FRONT_KEYS[m.group(1).lower()]] = m.group(2).strip()
    return {}, text


def is_prose(par: str) -> bool:
    words = par.split()
    return len(words) >= 8 and bool(_SENT_END.search(par)) and not par.isupper()


def _saved_page(text: str, doc_id: str, source: str | None,
                day_first: bool | None = None) -> Article:
    """Find the story in a page saved as text.

    The story is the longest run of prose paragraphs (eight words or more,
    ending like a sentence). The headline is the last title-like line above
    it (before the byline, if any); a byline "By NAME | PUBLISHER | DATE"
    gives author, publisher and date.
    """
    pars = [p.strip() for p in re.split(r"\n[ \t]*\n", text)]
    pars = [p for p in pars if p]
    # a paragraph may hold several short chrome lines: keep them as separate lines
    blocks: list[str] = []
    for p in pars:
        lines = [ln.strip() for ln in p.split("\n") if ln.strip()]
        if len(lines) > 1 and not all(is_prose(ln) for ln in lines):
            blocks.extend(lines)
        else:
            blocks.append(" ".join(lines))
    best: tuple[int, int] = (0, 0)
    start = None
    for i, b in enumerate([*blocks, ""]):
        if b and is_prose(b):
            if start is None:
                start = i
        elif start is not None:
            if sum(len(x) for x in blocks[start:i]) > sum(len(x) for x in blocks[best[0]:best[1]]):
                best = (start, i)
            start = None
    if best == (0, 0):
        if not any(ch.isalpha() for ch in text):
            raise SourceError(source or doc_id, "no text")
        return _article(doc_id, None, text, None, None, None, None, source)
    story = "\n\n".join(blocks[best[0] : best[1]])
    before = blocks[: best[0]]
    author = publisher = date = headline = None
    byline_at = None
    for i in range(len(before) - 1, -1, -1):
        m = _BYLINE.match(before[i])
        if m:
            byline_at = i
            author, publisher, date = parse_byline(m.group("rest"), day_first)
            break
    if date is None:
        for b in reversed(before):
            date = find_date(b, day_first)
            if date:
                break
    search_end = byline_at if byline_at is not None else len(before)
    for i in range(search_end - 1, -1, -1):
        cand = before[i]
        if _title_like(cand):
            headline = cand
            break
    return _article(doc_id, headline, story, date, publisher, author, None, source)


def _title_like(line: str) -> bool:
    words = line.split()
    return (4 <= len(words) <= 25 and not line.rstrip().endswith((".", ":"))
            and "/" not in line and "|" not in line and not line.isupper()
            and not re.match(r"^(File )?Photo", line, re.I))


def parse_byline(rest: str, day_first: bool | None = None
                 ) -> tuple[str | None, str | None, str | None]:
    """(author, publisher, date) from what follows "By" in "By NAME | PUBLISHER | DATE"."""
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", rest) if p.strip()]
    author = parts[0] if parts else None
    if author and author.isupper():
        author = author.title()
    publisher = date = None
    for p in parts[1:]:
        d = find_date(p, day_first)
        if d:
            date = date or d
        elif publisher is None and not re.search(r"\d", p):
            publisher = p
    return author, publisher, date
