"""The one place that wires the pipeline: sources → loaders → extract → graph.

    ingest(store, sources)   read, extract and store; an IngestReport comes back
    extract(sources)         read and extract, without a store: (article, events)

The command line and the Python API both come here. The sources are expanded
once (:func:`diplograph.loaders.plan`); an :class:`Observer` (the progress
bar) is shown that plan, then told of each article as it is stored, skipped
or fails, with how far into the input reading has got.

:class:`KnowledgeGraph` is the handle ``dg.open()`` returns: a
:class:`~diplograph.graph.kg.GraphStore` that can also ingest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from diplograph.errors import SourceError
from diplograph.graph.kg import GraphStore, open_backend
from diplograph.loaders import Ids, LoadOptions, Position, Source, plan, read
from diplograph.model import Article, Event

__all__ = ["IngestReport", "KnowledgeGraph", "Observer", "extract", "ingest", "open_graph",
           "open_reader"]


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: articles stored, events in them, articles unchanged (skipped),
    sources or articles that failed, and one line for each failure."""

    articles: int = 0
    events: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.events} events, {self.unchanged} unchanged "
                f"(skipped), {self.failed} failed")


class Observer(Protocol):
    """What follows an ingest or an extraction (the progress bar)."""

    def start(self, sources: Sequence[Source]) -> None:
        """The expanded sources, before anything is read."""

    def article(self, status: str, item: Article | SourceError, events: int,
                position: Position) -> None:
        """One article ``ok`` (stored, with its number of events), ``unchanged`` or
        ``failed`` (``item`` is then the error), and how far reading has got."""


Sources = Iterable[str] | str


def _plan(sources: Sources, observer: Observer | None) -> list[Source]:
    planned = plan([sources] if isinstance(sources, str) else sources)
    if observer is not None:
        observer.start(planned)
    return planned


def extract(sources: Sources, fmt: str = "auto", fields: Mapping[str, str] | None = None,
            options: LoadOptions | None = None, jobs: int = 1, use_model: bool = True,
            observer: Observer | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article of the sources, in order; a source that
    cannot be read is told to the observer as ``failed`` and skipped."""
    from diplograph.extract import extract_articles

    positions: deque[Position] = deque()

    def articles() -> Iterator[Article]:
        for position, item in read(_plan(sources, observer), fmt, fields, options):
            if isinstance(item, SourceError):
                if observer is not None:
                    observer.article("failed", item, 0, position)
                continue
            positions.append(position)
            yield item

    for article, events in extract_articles(articles(), jobs=jobs, use_model=use_model):
        position = positions.popleft()
        if observer is not None:
            observer.article("ok", article, len(events), position)
        yield article, events


def ingest(store: GraphStore, sources: Sources, fmt: str = "auto",
           fields: Mapping[str, str] | None = None, options: LoadOptions | None = None,
           jobs: int = 1, use_model: bool = True,
           observer: Observer | None = None) -> IngestReport:
    """Read, extract and store the sources; see :meth:`KnowledgeGraph.ingest`."""
    from diplograph.extract import extract_articles

    claims = store.article_claims()
    errors: list[str] = []
    unchanged = 0
    positions: deque[Position] = deque()

    def fresh() -> Iterator[Article]:
        nonlocal unchanged
        for position, item in read(_plan(sources, observer), fmt, fields, options,
                                   Ids(claims)):
            if isinstance(item, SourceError):
                errors.append(str(item))
                if observer is not None:
                    observer.article("failed", item, 0, position)
            elif claims.get(item.id, (None, None))[1] == item.content_hash:
                unchanged += 1
                if observer is not None:
                    observer.article("unchanged", item, 0, position)
            else:
                positions.append(position)
                yield item

    def stored(status: str, item: Article | SourceError, events: int) -> None:
        position = positions.popleft()  # the store reports articles in the order they came
        if observer is not None:
            observer.article(status, item, events, position)

    report = store.add_extracted(extract_articles(fresh(), jobs=jobs, use_model=use_model),
                                 on_item=stored)
    return IngestReport(articles=report.articles, events=report.events, unchanged=unchanged,
                        failed=len(errors) + report.failed, errors=(*errors, *report.errors))


class KnowledgeGraph(GraphStore):
    """A diplograph store that can also read and extract sources: ``dg.open()``."""

    def ingest(self, sources: Sources, fmt: str = "auto", jobs: int = 1,
               fields: Mapping[str, str] | None = None, options: LoadOptions | None = None,
               use_model: bool = True, observer: Observer | None = None) -> IngestReport:
        """Load sources (files, folders, globs, ``-``, URLs) into the store.

        ``fmt``: the input format (``auto`` picks by extension, content type and
        content). ``fields`` remaps corpus columns (``{"text": "body"}``). ``options``
        (:class:`diplograph.loaders.LoadOptions`) say how sources are read: date
        locale, feed links, private addresses, fetch limits. ``jobs``: extraction
        processes. ``use_model=False`` extracts rules-only, without a parser.

        An unchanged article is skipped, a changed one replaces its graph; an article
        whose id another source already holds gets its own (with a warning). Bad
        sources are counted in the report and do not stop the batch.
        """
        return ingest(self, sources, fmt=fmt, fields=fields, options=options, jobs=jobs,
                      use_model=use_model, observer=observer)

    def ingest_articles(self, articles: Iterable[Article], jobs: int = 1,
                        use_model: bool = True) -> IngestReport:
        """Extract and store articles you made yourself (``Article`` values)."""
        from diplograph.extract import extract_articles

        report = self.add_extracted(extract_articles(articles, jobs=jobs, use_model=use_model))
        return IngestReport(articles=report.articles, events=report.events,
                            failed=report.failed, errors=report.errors)


def open_reader(location: str | None = None) -> KnowledgeGraph:
    """A store opened to read: a folder read-only (it opens beside a running ingest),
    a remote store without writes; ``memory:`` as it is (there is nothing to read beside)."""
    return open_graph(location, read_only=location != "memory:")


def open_graph(location: str | None = None, read_only: bool = False,
               wait: float = 0.0) -> KnowledgeGraph:
    """Open a store (see :func:`diplograph.graph.kg.open_backend`) as a KnowledgeGraph."""
    return KnowledgeGraph(open_backend(location, read_only=read_only, wait=wait))
