"""Sources to articles.

Each loader turns one kind of source into :class:`~diplograph.model.Article`
values. They sit in :data:`LOADERS`, keyed by the name ``--from`` takes;
``auto`` picks one from the file name and content. A source that cannot be
read comes back as a :class:`~diplograph.errors.SourceError` in the same
stream, so that one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from diplograph.errors import SourceError
from diplograph.loaders.jsonl import parse_jsonl
from diplograph.loaders.text import decode, parse_text
from diplograph.model import Article

MAX_BYTES = 200 * 1024 * 1024

Loaded = Article | SourceError
Loader = Callable[[str, str, str, Mapping[str, str]], Iterator[Loaded]]


def _text_loader(text: str, source: str, stem: str, fields: Mapping[str, str]) -> Iterator[Loaded]:
    try:
        yield parse_text(text, stem, source)
    except SourceError as err:
        yield err


def _jsonl_loader(text: str, source: str, stem: str, fields: Mapping[str, str]) -> Iterator[Loaded]:
    yield from parse_jsonl(text, source, stem, fields)


#: Loaders by the name ``--from`` takes.
LOADERS: dict[str, Loader] = {
    "text": _text_loader,
    "jsonl": _jsonl_loader,
}

#: File extensions ``auto`` maps to a loader.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def register(name: str, loader: Loader, extensions: Iterable[str] = ()) -> None:
    """Add a loader (and the extensions ``auto`` maps to it)."""
    LOADERS[name] = loader
    for ext in extensions:
        EXTENSIONS[ext] = name


def sniff(name: str, text: str) -> str:
    """The loader for a source, from its extension or, failing that, its content."""
    ext = Path(name).suffix.lower()
    if ext in EXTENSIONS and EXTENSIONS[ext] in LOADERS:
        return EXTENSIONS[ext]
    head = text.lstrip()[:2000]
    if head.startswith("{") and "\n" in text.strip() or head.startswith("{\""):
        return "jsonl"
    low = head.lower()
    if "html" in LOADERS and ("<html" in low or "<!doctype html" in low or "<body" in low):
        return "html"
    if "feed" in LOADERS and ("<rss" in low or "<feed" in low):
        return "feed"
    return "text"


def expand(sources: Iterable[str]) -> Iterator[str]:
    """Files from paths, folders (recursive, hidden files skipped) and globs."""
    for src in sources:
        if src == "-" or "://" in src:
            yield src
            continue
        p = Path(src)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f)
        elif p.exists():
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


def load(sources: Iterable[str], fmt: str = "auto",
         fields: Mapping[str, str] | None = None) -> Iterator[Loaded]:
    """Articles (or errors) from files, folders, globs and ``-`` (stdin)."""
    if fmt != "auto" and fmt not in LOADERS:
        raise ValueError(f"unknown input format {fmt!r}; known: auto, {', '.join(LOADERS)}")
    for src in expand(sources):
        yield from load_one(src, fmt, fields or {})


def load_one(src: str, fmt: str = "auto", fields: Mapping[str, str] | None = None) -> Iterator[Loaded]:
    fields = fields or {}
    if "://" in src:
        if "url" not in LOADERS:
            yield SourceError(src, "URLs are not supported")
            return
        yield from LOADERS["url"](src, src, src, {**fields, "__from__": fmt})
        return
    try:
        if src == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            name, stem = "<stdin>", "stdin"
        else:
            path = Path(src)
            if not path.exists():
                raise SourceError(src, "no such file or folder")
            if not path.is_file():
                raise SourceError(src, "not a regular file")
            if path.stat().st_size > MAX_BYTES:
                raise SourceError(src, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            data = path.read_bytes()
            name, stem = src, path.stem
        if len(data) > MAX_BYTES:
            raise SourceError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = decode(data, name)
    except SourceError as err:
        yield err
        return
    except OSError as exc:
        yield SourceError(src, exc.strerror or str(exc))
        return
    kind = sniff(name, text) if fmt == "auto" else fmt
    yield from LOADERS[kind](text, name, stem, fields)
