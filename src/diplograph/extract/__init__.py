"""Articles to events.

``extract_articles`` parses each article's paragraphs with spaCy in batches
(``nlp.pipe``), then runs the rules of :mod:`diplograph.extract.engine` over
each article in order. ``jobs > 1`` spreads articles over worker processes;
the output order and content are the same as with one job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from diplograph.extract.document import layout
from diplograph.model import Article, Event

if TYPE_CHECKING:
    from diplograph.extract.engine import Extractor

__all__ = ["Chunk", "extract_article", "extract_articles", "extract_text", "paragraphs"]

_PARA = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[\"“]?[A-Z])")
#: Paragraphs are parsed in pieces of at most this many characters, cut at sentence ends.
MAX_CHUNK = 20_000
#: A run of text with no sentence end longer than this (a table, a list, a line of names)
#: is cut into pieces: the parser would take it as one sentence, and one sentence of
#: thousands of words costs the parser and the rules far more than its size. The events
#: found in such a piece say so (``Event.note``).
MAX_RUN = 1_500
CUT_NOTE = f"sentence cut: the text ran over {MAX_RUN:,} characters without a sentence end"
#: A batch of articles is parsed together and its spaCy docs live until the batch is done:
#: it closes at ``batch_size`` articles or at this many characters, whichever comes first,
#: so memory does not grow with the size of the articles.
BATCH_CHARS = 500_000
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")
_SOFT_BREAKS = (re.compile(r"[,;:]\s+"), re.compile(r"\s+"))


class Chunk(NamedTuple):
    """A piece of an article the parser reads: its offset, its text, and whether it was
    cut where no sentence ended."""

    offset: int
    text: str
    cut: bool = False


def paragraphs(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Chunk]:
    """The pieces of an article's text the parser reads: paragraphs, very long ones cut at
    sentence ends, and runs with no sentence end cut at :data:`MAX_RUN` characters. A span
    of ``skip`` that opens a paragraph (a dateline, a transcript label) is left out."""
    skipped = dict(skip)
    out: list[Chunk] = []
    pos = 0
    for m in _PARA.finditer(text + "\n\n"):
        first = pos + len(text[pos:m.start()]) - len(text[pos:m.start()].lstrip())
        out.extend(_pieces(text, skipped.get(first, pos), m.start()))
        pos = m.end()
    return out


def _pieces(text: str, start: int, end: int) -> Iterator[Chunk]:
    """The pieces of the paragraph ``text[start:end]``."""
    runs: list[tuple[int, int, bool]] = []  # (start, end, cut) in text
    at = start
    for m in [*_SENT_END.finditer(text, start, end), None]:
        stop = m.end() if m else end
        forced = False
        while stop - at > MAX_RUN:  # no sentence end for too long: cut at a comma or space
            cut = at + MAX_RUN
            for rx in _SOFT_BREAKS:  # after the last comma, else the last space, in the window
                found = [b.end() for b in rx.finditer(text, at + MAX_RUN // 2, at + MAX_RUN)]
                if found:
                    cut = found[-1]
                    break
            runs.append((at, cut, True))
            at, forced = cut, True
        if stop > at:
            runs.append((at, stop, forced))  # the rest of a run that was cut is cut too
        at = stop
    piece_start = piece_end = None
    for a, b, cut in runs:
        if cut:
            if piece_start is not None:
                yield from _chunk(text, piece_start, piece_end, False)  # type: ignore[arg-type]
                piece_start = None
            yield from _chunk(text, a, b, True)
            continue
        if piece_start is not None and b - piece_start > MAX_CHUNK:
            yield from _chunk(text, piece_start, piece_end, False)  # type: ignore[arg-type]
            piece_start = None
        if piece_start is None:
            piece_start = a
        piece_end = b
    if piece_start is not None:
        yield from _chunk(text, piece_start, piece_end, False)  # type: ignore[arg-type]


def _chunk(text: str, a: int, b: int, cut: bool) -> Iterator[Chunk]:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped:
        yield Chunk(a + len(piece) - len(piece.lstrip()), stripped, cut)


_EXTRACTORS: dict[bool, Extractor] = {}


def load_extractor(use_model: bool = True) -> tuple[object, Extractor]:
    from diplograph.extract.engine import Extractor
    from diplograph.extract.nlp import has_parser, load_nlp
    from diplograph.schema.reference import reference

    nlp = load_nlp(use_model)
    ex = _EXTRACTORS.get(use_model)
    if ex is None or ex.vocab is not nlp.vocab:  # a new pipeline: rebuilt, it may lack a parser
        ex = _EXTRACTORS[use_model] = Extractor(reference(), nlp.vocab, parsed=has_parser(nlp))
    return nlp, ex


def extract_articles(articles: Iterable[Article], jobs: int = 1, batch_size: int = 64,
                     use_model: bool = True) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article, in input order."""
    if jobs > 1:
        from diplograph.extract.parallel import extract_parallel

        yield from extract_parallel(articles, jobs, batch_size, use_model)
        return
    it = iter(articles)
    first = next(it, None)
    if first is None:  # nothing to parse (say, a re-ingest where nothing changed):
        return  # the model is never loaded
    nlp, extractor = load_extractor(use_model)
    batch: list[Article] = []
    chars = 0
    for article in itertools.chain([first], it):
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield from _run_batch(nlp, extractor, batch)
            batch, chars = [], 0
    if batch:
        yield from _run_batch(nlp, extractor, batch)


def _run_batch(nlp: object, extractor: Extractor,
               batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
    layouts = [layout(a) for a in batch]
    paras = [(n, chunk) for n, a in enumerate(batch)
             for chunk in paragraphs(a.text, layouts[n].skip)]
    # 64 paragraphs a batch: faster than 256 or 1000 for paragraph-sized docs (bench/extract.py)
    docs = nlp.pipe((c.text for _, c in paras), batch_size=64)  # type: ignore[attr-defined]
    per_article: list[list[tuple[int, object]]] = [[] for _ in batch]
    cuts: list[list[tuple[int, int]]] = [[] for _ in batch]
    for (n, chunk), doc in zip(paras, docs, strict=True):
        per_article[n].append((chunk.offset, doc))
        if chunk.cut:
            cuts[n].append((chunk.offset, chunk.offset + len(chunk.text)))
    for article, docs_of, cut, lay in zip(batch, per_article, cuts, layouts, strict=True):
        events = extractor.extract(article, docs_of, lay)  # type: ignore[arg-type]
        if cut:
            events = [replace(ev, note=CUT_NOTE) if any(a <= ev.start < b for a, b in cut)
                      else ev for ev in events]
        yield article, events


def extract_article(article: Article, use_model: bool = True) -> list[Event]:
    """Events of one article."""
    return next(extract_articles([article], use_model=use_model))[1]


def extract_text(text: str, doc: str = "text", date: str | None = None,
                 headline: str | None = None) -> list[Event]:
    """Events in a piece of text, without a store."""
    from diplograph.loaders.text import normalize

    return extract_article(Article(id=doc, text=normalize(text), date=date, headline=headline))
