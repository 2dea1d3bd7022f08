"""Articles to events.

``extract_articles`` parses each article's paragraphs with spaCy in batches
(``nlp.pipe``), then runs the rules of :mod:`diplograph.extract.rules` over
each article in order. ``jobs > 1`` spreads articles over worker processes;
the output order and content are the same as with one job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplograph.model import Article, Event

if TYPE_CHECKING:
    from diplograph.extract.rules import Extractor

__all__ = ["extract_article", "extract_articles", "extract_text", "paragraphs"]

_PARA = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[\"“]?[A-Z])")
MAX_CHUNK = 20_000
#: A batch of articles is parsed together and its spaCy docs live until the batch is done:
#: it closes at ``batch_size`` articles or at this many characters, whichever comes first,
#: so memory does not grow with the size of the articles.
BATCH_CHARS = 500_000
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph; very long paragraphs are cut at sentence ends."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _PARA.finditer(text + "\n\n"):
        chunk = text[pos : m.start()]
        _add_chunk(out, pos, chunk)
        pos = m.end()
    return out


def _add_chunk(out: list[tuple[int, str]], pos: int, chunk: str) -> None:
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    pos += lead
    chunk = stripped
    while len(chunk) > MAX_CHUNK:
        cut = None
        for m in _SENT_END.finditer(chunk, 0, MAX_CHUNK):
            cut = m.end()
        if not cut or cut < MAX_CHUNK // 4:
            cut = chunk.rfind(" ", 0, MAX_CHUNK)
            if cut <= 0:
                cut = MAX_CHUNK
        out.append((pos, chunk[:cut].rstrip()))
        rest = chunk[cut:]
        pos += cut + (len(rest) - len(rest.lstrip()))
        chunk = rest.lstrip()
    if chunk:
        out.append((pos, chunk))


_EXTRACTORS: dict[bool, Extractor] = {}


def _extractor(use_model: bool = True) -> tuple[object, Extractor]:
    from diplograph.extract.pipeline import has_parser, load_nlp
    from diplograph.extract.rules import Extractor
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
    nlp, extractor = _extractor(use_model)
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
    paras = [(n, off, text) for n, a in enumerate(batch) for off, text in paragraphs(a.text)]
    # 64 paragraphs a batch: faster than 256 or 1000 for paragraph-sized docs (bench/extract.py)
    docs = nlp.pipe((t for _, _, t in paras), batch_size=64)  # type: ignore[attr-defined]
    per_article: list[list[tuple[int, object]]] = [[] for _ in batch]
    for (n, off, _), doc in zip(paras, docs, strict=True):
        per_article[n].append((off, doc))
    for article, docs_of in zip(batch, per_article, strict=True):
        yield article, extractor.extract(article, docs_of)  # type: ignore[arg-type]


def extract_article(article: Article, use_model: bool = True) -> list[Event]:
    """Events of one article."""
    return next(extract_articles([article], use_model=use_model))[1]


def extract_text(text: str, doc: str = "text", date: str | None = None,
                 headline: str | None = None) -> list[Event]:
    """Events in a piece of text, without a store."""
    from diplograph.loaders.text import normalize

    return extract_article(Article(id=doc, text=normalize(text), date=date, headline=headline))
