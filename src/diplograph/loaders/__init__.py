"""Sources to articles.

Each loader turns one kind of source into :class:`~diplograph.model.Article`
values. They sit in :data:`LOADERS`, keyed by the name ``--from`` takes;
``auto`` picks one from the file extension, the content type a server gave,
and the content itself. A source that cannot be read comes back as a
:class:`~diplograph.errors.SourceError` in the same stream, so that one bad
file never stops a batch.

Sources are files, folders (walked recursively, hidden files skipped), globs,
``-`` for stdin, and ``http(s)://`` URLs (fetched by
:mod:`diplograph.loaders.url`). Options that change how sources are read
(date locale, following feed links, private addresses, fetch limits) travel in
one :class:`LoadOptions` value.

The loader modules import their libraries (trafilatura, feedparser) only when
a source of their kind turns up.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from diplograph.errors import BadOption, SourceError
from diplograph.loaders.ids import Ids, absolute_source
from diplograph.loaders.jsonl import parse_jsonl
from diplograph.loaders.text import decode, parse_text
from diplograph.model import Article

__all__ = ["CONTENT_TYPES", "EXTENSIONS", "LOADERS", "PART_CHARS", "Ids", "LoadOptions",
           "Position", "RawSource", "Source", "check_format", "expand", "is_url", "load",
           "parse_fields", "plan", "read", "register", "sniff", "split_parts"]

MAX_BYTES = 200 * 1024 * 1024

Loaded = Article | SourceError


@dataclass(frozen=True)
class LoadOptions:
    """How sources are read. The defaults are the safe ones.

    ``day_first``: how to read numeric dates such as ``03/04/2018``: ``True``
    day/month/year, ``False`` month/day/year, ``None`` (default) leave dates
    that read both ways empty. ``follow_links``: a feed item becomes the page it
    links to, fetched, instead of its own content or summary.
    ``allow_private``: allow URLs on private, loopback and link-local
    addresses. ``timeout`` (seconds, for the whole fetch of one URL),
    ``max_url_bytes`` and ``max_redirects`` bound each fetch.
    """

    day_first: bool | None = None
    follow_links: bool = False
    allow_private: bool = False
    timeout: float = 20.0
    max_url_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class RawSource:
    """One source, read and decoded, before a loader turns it into articles."""

    text: str  # decoded text, as read (loaders normalize it)
    name: str  # the file, URL or "<stdin>", for messages and Article.source
    stem: str  # the default document id
    url: str | None = None  # where it was fetched from, for URLs
    content_type: str | None = None  # the media type the server gave, for URLs


Loader = Callable[[RawSource, Mapping[str, str], LoadOptions], Iterator[Loaded]]


def _text_loader(src: RawSource, fields: Mapping[str, str],
                 options: LoadOptions) -> Iterator[Loaded]:
    from diplograph.loaders.briefing import parse_briefing_text

    try:
        briefing = parse_briefing_text(src.text, src.stem, src.name, day_first=options.day_first)
        yield briefing or parse_text(src.text, src.stem, src.name, day_first=options.day_first)
    except SourceError as err:
        yield err


def _jsonl_loader(src: RawSource, fields: Mapping[str, str],
                  options: LoadOptions) -> Iterator[Loaded]:
    yield from parse_jsonl(src.text, src.name, src.stem, fields, day_first=options.day_first)


def _csv_loader(src: RawSource, fields: Mapping[str, str],
                options: LoadOptions) -> Iterator[Loaded]:
    from diplograph.loaders.csv import parse_csv

    yield from parse_csv(src.text, src.name, src.stem, fields, day_first=options.day_first)


def _html_loader(src: RawSource, fields: Mapping[str, str],
                 options: LoadOptions) -> Iterator[Loaded]:
    from diplograph.loaders.html import parse_html

    try:
        yield parse_html(src.text, src.stem, src.name, url=src.url, day_first=options.day_first)
    except SourceError as err:
        yield err


def _feed_loader(src: RawSource, fields: Mapping[str, str],
                 options: LoadOptions) -> Iterator[Loaded]:
    from diplograph.loaders.feed import parse_feed

    yield from parse_feed(src.text, src.name, src.stem, options, base_url=src.url)


def _briefing_loader(src: RawSource, fields: Mapping[str, str],
                     options: LoadOptions) -> Iterator[Loaded]:
    from diplograph.loaders.briefing import parse_briefing_html, parse_briefing_text

    try:
        if _looks_like_html(src.text):
            article = parse_briefing_html(src.text, src.stem, src.name, url=src.url,
                                          day_first=options.day_first)
        else:
            article = parse_briefing_text(src.text, src.stem, src.name,
                                          day_first=options.day_first)
    except SourceError as err:
        yield err
        return
    if article is None:
        yield SourceError(src.name, "not a press-briefing transcript (no title naming the "
                                    "spokesperson and the date, or no Q: and A: turns)")
    else:
        yield article


#: Loaders by the name ``--from`` takes.
LOADERS: dict[str, Loader] = {
    "text": _text_loader,
    "html": _html_loader,
    "feed": _feed_loader,
    "jsonl": _jsonl_loader,
    "csv": _csv_loader,
    "briefing": _briefing_loader,
}

#: File extensions ``auto`` maps to a loader (".xml" is decided by its content).
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}

#: Media types (from a server) ``auto`` maps to a loader; others are decided by content.
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "jsonl",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
}


def check_format(fmt: str) -> None:
    """Raise BadOption unless ``fmt`` is ``auto`` or the name of a loader."""
    if fmt != "auto" and fmt not in LOADERS:
        raise BadOption("--from", f"{fmt!r} is not one of auto, {', '.join(sorted(LOADERS))}")


def parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    """``["text=body", "title=headline"]`` as a field map; BadOption for a malformed pair."""
    out = {}
    for p in pairs:
        name, sep, col = p.partition("=")
        if not sep or not name.strip() or not col.strip():
            raise BadOption("--field", f"{p!r}: expected NAME=COLUMN, e.g. text=body")
        out[name.strip()] = col.strip()
    return out


def register(name: str, loader: Loader, extensions: Iterable[str] = (),
             content_types: Iterable[str] = ()) -> None:
    """Add a loader (and the extensions and media types ``auto`` maps to it)."""
    LOADERS[name] = loader
    for ext in extensions:
        EXTENSIONS[ext] = name
    for ctype in content_types:
        CONTENT_TYPES[ctype] = name


def _looks_like_html(text: str) -> bool:
    low = text.lstrip()[:4000].lower()
    return ("<html" in low or "<!doctype html" in low or "<body" in low
            or bool(re.search(r"<(p|div|article|h1|h2|meta|title)[\s>]", low)))


def _looks_like_feed(text: str) -> bool:
    low = text.lstrip()[:4000].lower()
    return "<rss" in low or bool(re.search(r"<feed[\s>]", low)) or "<rdf:rdf" in low


def _looks_like_csv(text: str, fields: Mapping[str, str]) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    want = fields.get("text", "text").lower()
    for sep in (",", "\t", ";", "|"):
        cols = [c.strip().strip('"') for c in first.split(sep)]
        if len(cols) > 1 and want in cols:
            return True
    return False


def sniff(name: str, text: str, content_type: str | None = None,
          fields: Mapping[str, str] | None = None) -> str:
    """The loader for a source: from its extension, then its media type, then its content."""
    ext = Path(name.split("?", 1)[0]).suffix.lower()
    if ext in EXTENSIONS and EXTENSIONS[ext] in LOADERS:
        return EXTENSIONS[ext]
    if content_type and CONTENT_TYPES.get(content_type) in LOADERS:
        return CONTENT_TYPES[content_type]
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    if head.startswith("{") and ("\n" in text.strip() or head.startswith('{"')):
        return "jsonl"
    if _looks_like_feed(head):
        return "feed"
    if _looks_like_html(head) or content_type in ("application/xml", "text/xml"):
        return "html"
    if _looks_like_csv(head, fields or {}):
        return "csv"
    return "text"


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_URL_SCHEMES = {"http", "https", "file", "ftp", "ftps", "sftp", "data", "gopher", "ws", "wss"}


def is_url(src: str) -> bool:
    """True for ``scheme://...`` and for the schemes a URL is known by (``file:``...)."""
    m = _SCHEME.match(src)
    return m is not None and ("://" in src or m.group(1).lower() in _URL_SCHEMES)


def expand(sources: Iterable[str]) -> Iterator[str]:
    """Files from paths, folders (recursive, hidden files skipped) and globs.

    A folder that cannot be read comes out as itself, so that reading it reports why.
    """
    for src in sources:
        if src == "-" or (is_url(src) and not _exists(src)):
            yield src
            continue
        if os.path.isdir(src):
            yield from _walk(src)
        elif _exists(src):
            yield src
        elif any(ch in src for ch in "*?["):
            matches = sorted(glob.glob(src, recursive=True))
            if not matches:
                yield src
            for m in matches:
                if not Path(m).name.startswith("."):
                    yield from expand([m])
        else:
            yield src


def _exists(path: str) -> bool:
    """Whether anything is at ``path``; one that cannot even be looked at counts as there
    (reading it will say why)."""
    try:
        os.stat(path)
    except (FileNotFoundError, ValueError):  # ValueError: a NUL in the path
        return False
    except OSError:
        return True
    return True


#: files that make a folder an embedded store (RocksDB, under Oxigraph), never input
_STORE_FILES = {"CURRENT", "IDENTITY", "LOCK"}


def _walk(folder: str) -> Iterator[str]:
    """The files under ``folder``: its own first (sorted), then each subfolder's; hidden
    names, links to folders and store folders (``diplograph ingest .`` beside
    ./diplograph-store) are skipped; an unreadable folder comes out as itself."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        yield folder
        return
    if {e.name for e in entries} >= _STORE_FILES:
        return
    dirs = []
    for e in entries:
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(e.path)
        elif not (e.is_symlink() and os.path.isdir(e.path)):
            yield e.path
    for d in dirs:
        yield from _walk(d)


@dataclass(frozen=True)
class Source:
    """One source to read, as expanded from the arguments: a file, a URL or ``-``."""

    name: str  # as given (or as found in a folder)
    size: int | None  # bytes, when known before reading (files)


class Position(NamedTuple):
    """How far reading has got: the index of the source in the plan, and the share of
    that source read so far (records, or characters of a split article)."""

    source: int
    fraction: float


def plan(sources: Iterable[str]) -> list[Source]:
    """The sources a batch will read, expanded once (folders walked, globs matched),
    with the size of each file."""
    out = []
    for name in expand(sources):
        try:
            size: int | None = os.stat(name).st_size if name != "-" and not is_url(name) else None
        except (OSError, ValueError):
            size = None  # reading it will say why
        out.append(Source(name, size))
    return out


def read(sources: Sequence[Source], fmt: str = "auto", fields: Mapping[str, str] | None = None,
         options: LoadOptions | None = None, ids: Ids | None = None
         ) -> Iterator[tuple[Position, Loaded]]:
    """Articles (or errors) from planned sources, each with how far reading has got.

    Every article gets an id no other source of the batch holds (nor, when ``ids``
    starts from a store's articles, any stored article from elsewhere): see
    :mod:`diplograph.loaders.ids`.
    """
    if fmt != "auto" and fmt not in LOADERS:
        raise ValueError(f"unknown input format {fmt!r}; known: auto, {', '.join(LOADERS)}")
    ids = ids if ids is not None else Ids()
    for n, src in enumerate(sources):
        for fraction, item in _read_one(src.name, fmt, fields or {}, options or LoadOptions(),
                                        ids):
            yield Position(n, fraction), item


def load(sources: Iterable[str], fmt: str = "auto", fields: Mapping[str, str] | None = None,
         options: LoadOptions | None = None, ids: Ids | None = None) -> Iterator[Loaded]:
    """Articles (or errors) from files, folders, globs, ``-`` (stdin) and URLs."""
    for _, item in read(plan(sources), fmt, fields, options, ids):
        yield item


def read_source(src: str, options: LoadOptions | None = None) -> RawSource:
    """Read and decode one file, URL or ``-``; raises SourceError."""
    options = options or LoadOptions()
    if src != "-" and is_url(src) and not _exists(src):
        from diplograph.loaders.url import fetch, url_id

        page = fetch(src, options)
        text = decode(page.data, src, declared=page.charset)
        return RawSource(text, src, url_id(page.url), url=page.url,
                         content_type=page.content_type)
    if src == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        # stdin has no name to tell one input from the next: its content names it
        name, stem = "<stdin>", f"stdin-{hashlib.sha256(data).hexdigest()[:8]}"
    else:
        path = Path(src)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise SourceError(src, "no such file or folder") from None
        except (OSError, ValueError) as exc:
            raise SourceError(src, getattr(exc, "strerror", None) or str(exc)) from None
        if stat.S_ISDIR(st.st_mode):
            try:
                os.listdir(src)
            except OSError as exc:
                raise SourceError(src, f"cannot read this folder ({exc.strerror})") from None
            raise SourceError(src, "a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(src, "not a regular file")
        if st.st_size > MAX_BYTES:
            raise SourceError(src, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
        name, stem = src, path.stem
    if len(data) > MAX_BYTES:
        raise SourceError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return RawSource(decode(data, name), name, stem)


_LINE = re.compile(r":(\d+)$")


def _read_one(src: str, fmt: str, fields: Mapping[str, str], options: LoadOptions,
              ids: Ids) -> Iterator[tuple[float, Loaded]]:
    """(share of the source read, article or error) from one file, URL or ``-``.

    An article's ``source`` is where it came from: an absolute path (with ``:LINE`` or
    ``#itemN`` for one record of a corpus or feed), a URL, or ``<stdin>``.
    """
    try:
        raw = read_source(src, options)
    except SourceError as err:
        yield 1.0, err
        return
    except OSError as exc:
        yield 1.0, SourceError(src, exc.strerror or str(exc))
        return
    kind = sniff(raw.url or raw.name, raw.text, raw.content_type, fields) if fmt == "auto" else fmt
    lines = raw.text.count("\n") + 1
    for item in LOADERS[kind](raw, fields, options):
        line = _LINE.search(item.source or "")
        at = min(1.0, int(line.group(1)) / lines) if line else None  # a record of a corpus
        if isinstance(item, SourceError):
            yield (at or 0.0), item
            continue
        item = ids.claim(dataclasses.replace(item, source=absolute_source(item.source)))
        done = 0
        for part in split_parts(item):
            done += len(part.text)
            yield (at if at is not None else min(1.0, done / max(1, len(item.text)))), part


#: An article longer than this (in characters) comes out as parts ``ID-part-0001``, ... so
#: that no single parse, extraction or store update has to hold all of it at once.
PART_CHARS = 500_000
_PART_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def split_parts(article: Article, limit: int | None = None) -> Iterator[Article]:
    """The article itself or, when its text is over ``limit`` characters (default
    :data:`PART_CHARS`), its parts: ids ``ID-part-0001``, ``ID-part-0002``, ... each with
    the article's metadata and at most ``limit`` characters of its text, cut at a
    paragraph break, else after a sentence, else at a space. Offsets of events in a
    part count from the start of the part."""
    limit = limit or PART_CHARS
    text = article.text
    if len(text) <= limit:
        yield article
        return
    n = pos = 0
    while pos < len(text):
        end = len(text) if len(text) - pos <= limit else _cut(text, pos, limit)
        piece = text[pos:end].strip()
        pos = end
        if piece:
            n += 1
            yield dataclasses.replace(article, id=f"{article.id}-part-{n:04d}", text=piece,
                                      headline_in_text=article.headline_in_text and n == 1)


def _cut(text: str, pos: int, limit: int) -> int:
    """Where a part that starts at ``pos`` ends: after the last break of the best kind
    in the second half of its window, or at the window's end."""
    lo, hi = pos + limit // 2, pos + limit
    for rx in _PART_BREAKS:
        last = None
        for m in rx.finditer(text, lo, hi):
            last = m.end()
        if last is not None:
            return last
    return hi
