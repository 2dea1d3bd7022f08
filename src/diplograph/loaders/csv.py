"""Corpora as CSV (or TSV) exports: one article per row.

The first row names the columns. Columns default to ``id``, ``text``,
``title``, ``date``, ``url``, ``publisher``, ``author`` and can be remapped
(``--field text=body``); rows become articles exactly as JSON Lines records
do (:func:`~diplograph.loaders.jsonl.record_to_article`). The delimiter is
comma, tab, semicolon or bar, whichever the header uses. A bad row is
reported with the line it starts on and the other rows still load.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from diplograph.errors import SourceError
from diplograph.loaders.jsonl import DEFAULT_FIELDS, check_fields, record_to_article
from diplograph.loaders.text import normalize
from diplograph.model import Article

DELIMITERS = ",\t;|"


def _delimiter(header: str, source: str) -> str:
    if source.lower().endswith(".tsv"):
        return "\t"
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(text: str, source: str, stem: str, fields: Mapping[str, str] | None = None,
              day_first: bool | None = None) -> Iterator[Article | SourceError]:
    """One article per row; a bad row becomes a SourceError naming ``source:LINE``."""
    fields = fields or {}
    try:
        check_fields(fields, source)
    except SourceError as err:
        yield err
        return
    text = normalize(text)
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line, source))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield SourceError(source, "empty file")
        return
    except csv.Error as exc:
        yield SourceError(f"{source}:1", f"bad CSV header ({exc})")
        return
    want = {**DEFAULT_FIELDS, **fields}
    if want["text"] not in header:
        yield SourceError(source, f"no column {want['text']!r} for the article text "
                                  f"(columns: {', '.join(header)}; map one with --field "
                                  f"text=COLUMN)")
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield SourceError(f"{source}:{line}", f"bad CSV row ({exc})")
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        where = f"{source}:{start}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield SourceError(where, f"{len(row)} fields where the header has {len(header)}")
            continue
        try:
            yield record_to_article(dict(zip(header, row, strict=True)), where, fields,
                                    f"{stem}-{start}", day_first)
        except SourceError as err:
            yield err
