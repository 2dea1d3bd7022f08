"""Corpora as JSON Lines: one article per line, fields ``id``, ``text`` and
optional ``title``, ``date``, ``url``, ``publisher``, ``author``."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from diplograph.errors import SourceError
from diplograph.loaders.dates import find_date
from diplograph.loaders.text import normalize
from diplograph.model import Article

DEFAULT_FIELDS = {"id": "id", "text": "text", "title": "title", "date": "date", "url": "url",
                  "publisher": "publisher", "author": "author"}


def record_to_article(rec: Mapping[str, object], where: str, fields: Mapping[str, str],
                      fallback_id: str, day_first: bool | None = None) -> Article:
    """One record (a JSON object or CSV row) to an Article; raises SourceError.

    ``fields`` maps our field names (``id``, ``text``, ``title``, ``date``,
    ``url``, ``publisher``, ``author``) to the record's keys where they differ.
    """
    f = {**DEFAULT_FIELDS, **fields}
    text = rec.get(f["text"])
    if not isinstance(text, str) or not text.strip():
        raise SourceError(where, f"no '{f['text']}' field with text")

    def opt(name: str) -> str | None:
        v = rec.get(f[name])
        return str(v).strip() if v not in (None, "") else None

    raw_id = rec.get(f["id"])
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
    headline = opt("title")
    raw_date = opt("date")
    body = normalize(text).strip()
    full = f"{normalize(headline)}\n\n{body}" if headline else body
    return Article(id=doc_id, text=full, headline=normalize(headline) if headline else None,
                   date=find_date(raw_date, day_first) if raw_date else None, url=opt("url"),
                   publisher=opt("publisher"), author=opt("author"), source=where,
                   headline_in_text=bool(headline))


def check_fields(fields: Mapping[str, str], source: str) -> None:
    """Raise SourceError when ``fields`` remaps a name that is not one of ours."""
    unknown = sorted(set(fields) - set(DEFAULT_FIELDS))
    if unknown:
        raise SourceError(source, f"unknown field {unknown[0]!r} in --field "
                                  f"(known: {', '.join(DEFAULT_FIELDS)})")


def parse_jsonl(text: str, source: str, stem: str, fields: Mapping[str, str] | None = None,
                day_first: bool | None = None) -> Iterator[Article | SourceError]:
    """One article per line; a bad line becomes a SourceError naming ``source:LINE``."""
    try:
        check_fields(fields or {}, source)
    except SourceError as err:
        yield err
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            yield SourceError(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        try:
            yield record_to_article(rec, where, fields or {}, f"{stem}-{n}", day_first)
        except SourceError as err:
            yield err
