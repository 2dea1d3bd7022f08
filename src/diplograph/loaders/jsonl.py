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
                      fallback_id: str) -> Article:
    """One record (a JSON object or CSV row) to an Article, or SourceError."""
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
                   date=find_date(raw_date) if raw_date else None, url=opt("url"),
                   publisher=opt("publisher"), author=opt("author"), source=where,
                   headline_in_text=bool(headline))


def parse_jsonl(text: str, source: str, stem: str,
                fields: Mapping[str, str] | None = None) -> Iterator[Article | SourceError]:
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
            yield record_to_article(rec, where, fields or {}, f"{stem}-{n}")
        except SourceError as err:
            yield err
