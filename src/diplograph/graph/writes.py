"""Writing to a store: articles in, articles out, and the graphs kept beside them.

Each article is one named graph. The actors, publishers and authors that
articles bring in are described once, in the entities graph, and linked from
each article that names them (``dip:mentions``, ``schema:publisher``,
``schema:author``). The entities graph is kept right in the same transaction
as the article: a new description is added when the first article names an
entity (the first description is kept), and dropped when the last article
that names it is replaced or removed.

New articles are gathered and written many at a time, each batch in one
transaction (``Store.extend``); a changed article is replaced on its own, in
one SPARQL Update. A crash leaves every article whole or absent.

The store says which layout it holds (:data:`FORMAT`, in the meta graph); a
store of an older layout is refused with the way to convert it
(:mod:`diplograph.graph.migrate`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.errors import DiplographError, SourceError, StoreError
from diplograph.graph import iris
from diplograph.graph.rdf import (
    article_quads,
    entity_quads,
    ontology_quads,
    reference_ids,
    reference_quads,
)
from diplograph.graph.store import Backend, term_value
from diplograph.model import Article, Event
from diplograph.schema import ONTOLOGY_PATH, SCHEMA_DIR
from diplograph.schema.reference import reference

#: The layout of the store: 1 described actors in every article graph; 2 describes them
#: once, in the entities graph.
FORMAT = 2
#: New articles are written in batches of about this many quads, one transaction each ...
BULK_QUADS = 100_000
#: ... or whatever has gathered after this many seconds, so that progress keeps moving.
BULK_SECONDS = 1.0
#: After adding this many new quads, compact the store (queries get several times faster).
OPTIMIZE_QUADS = 500_000

_DIP = "https://w3id.org/diplograph#"
_CONTENT_HASH = ox.NamedNode(_DIP + "contentHash")
_FORMAT = ox.NamedNode(_DIP + "formatVersion")
#: how an article graph links the entities it brings in
LINKS = "dip:mentions|schema:publisher|schema:author"

OnItem = Callable[[str, Article | SourceError, int], None]


@dataclass(frozen=True)
class StoreReport:
    """What storing a batch of extracted articles did."""

    articles: int = 0
    events: int = 0
    failed: int = 0
    errors: tuple[str, ...] = ()


def _resource_hash() -> str:
    h = hashlib.sha256()
    for p in [*sorted(SCHEMA_DIR.glob("*.tsv")), ONTOLOGY_PATH]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def ensure_reference(backend: Backend) -> None:
    """The ontology and reference graphs, rewritten when the files they come from change."""
    want = _resource_hash()
    ref = iris.REFERENCE_GRAPH
    res = backend.query(f"SELECT ?h WHERE {{ GRAPH <{ref}> {{ <{ref}> dip:contentHash ?h }} }}")
    if res.rows and term_value(res.rows[0][0]) == want:
        return
    ref_quads = reference_quads(reference())
    ref_quads.append(ox.Quad(ox.NamedNode(ref), _CONTENT_HASH, ox.Literal(want), ox.NamedNode(ref)))
    backend.replace_graph(iris.ONTOLOGY_GRAPH, ontology_quads())
    backend.replace_graph(ref, ref_quads)


def store_format(backend: Backend) -> int | None:
    """The layout a store declares, 1 for an older store with articles, None when empty."""
    res = backend.query(f"SELECT ?v WHERE {{ GRAPH <{iris.META_GRAPH}> {{ <{iris.STORE}> "
                        f"dip:formatVersion ?v }} }}")
    if res.rows:
        return int(str(res.rows[0][0].value))
    has_articles = backend.query("ASK { ?a a schema:NewsArticle }").boolean
    return 1 if has_articles else None


def set_format(backend: Backend, version: int = FORMAT) -> None:
    g = ox.NamedNode(iris.META_GRAPH)
    backend.replace_graph(iris.META_GRAPH, [
        ox.Quad(ox.NamedNode(iris.STORE), _FORMAT,
                ox.Literal(str(version), datatype=ox.NamedNode(
                    "http://www.w3.org/2001/XMLSchema#integer")), g)])


def check_format(backend: Backend) -> None:
    """Refuse a store of another layout, saying what to do; mark a new store as current."""
    have = store_format(backend)
    if have == FORMAT:
        return
    if have is None:
        if backend.writable:
            set_format(backend)
        return
    if have < FORMAT:
        raise StoreError(f"{backend.location}: written by an older diplograph (store format "
                         f"{have}, this version reads {FORMAT}): run 'diplograph migrate "
                         f"--store {backend.location}' once")
    raise StoreError(f"{backend.location}: written by a newer diplograph (store format {have}, "
                     f"this version reads {FORMAT}): upgrade diplograph")


def _orphans(graph: str) -> str:
    """Drop the descriptions of the entities only ``graph`` links to."""
    return (f"DELETE {{ GRAPH <{iris.ENTITIES_GRAPH}> {{ ?x ?p ?o }} }} WHERE {{ "
            f"GRAPH <{graph}> {{ ?art {LINKS} ?x }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?a2 {LINKS} ?x }} "
            f"FILTER (?other != <{graph}>) }} "
            f"GRAPH <{iris.ENTITIES_GRAPH}> {{ ?x ?p ?o }} }}")


def _describe_if_new(entities: dict[str, list[ox.Quad]]) -> str:
    """Add each entity's description unless it has one (the first description is kept)."""
    from diplograph.graph.sparql import sparql_term

    ops = []
    for iri, quads in entities.items():
        body = " ".join(f"{sparql_term(q.subject)} {sparql_term(q.predicate)} "  # type: ignore[arg-type]
                        f"{sparql_term(q.object)} ." for q in quads)  # type: ignore[arg-type]
        ops.append(f"INSERT {{ GRAPH <{iris.ENTITIES_GRAPH}> {{ {body} }} }} WHERE {{ "
                   f"FILTER NOT EXISTS {{ GRAPH <{iris.ENTITIES_GRAPH}> {{ <{iri}> ?p ?o }} }} }}")
    return " ;\n".join(ops)


def replace_article(backend: Backend, graph: str, quads: list[ox.Quad],
                    entities: dict[str, list[ox.Quad]]) -> None:
    """Replace one article graph and keep the entities graph right, in one transaction."""
    backend.replace_graph(graph, quads, before=_orphans(graph), after=_describe_if_new(entities))


def remove_article(backend: Backend, graph: str) -> None:
    """Drop one article graph and the descriptions nothing else needs, in one transaction."""
    backend.drop_graph(graph, before=_orphans(graph))


def described(backend: Backend) -> set[str]:
    """The entities the store describes."""
    res = backend.query(f"SELECT DISTINCT ?x WHERE {{ GRAPH <{iris.ENTITIES_GRAPH}> "
                        f"{{ ?x ?p ?o }} }}")
    return {str(r[0].value) for r in res.rows}


def _links(backend: Backend, graph: str) -> set[str]:
    res = backend.query(f"SELECT DISTINCT ?x WHERE {{ GRAPH <{graph}> {{ ?a {LINKS} ?x }} }}")
    return {str(r[0].value) for r in res.rows}


def add_extracted(backend: Backend, extracted: Iterable[tuple[Article, list[Event]]],
                  on_item: OnItem | None = None) -> StoreReport:
    """Store (article, events) pairs; see :meth:`diplograph.graph.kg.GraphStore.add_extracted`."""
    stored = events_stored = 0
    errors: list[str] = []
    ref_ids = reference_ids(reference())
    add_new = getattr(backend, "add_graphs", None)
    existing = set(backend.graph_names()) if add_new is not None else set()
    known = described(backend)
    unsure: set[str] = set()  # described before a replace that may have dropped them
    pending: list[tuple[Article, list[Event], str, list[ox.Quad], dict[str, list[ox.Quad]]]] = []
    size, opened, added = 0, time.monotonic(), 0

    def done(article: Article, events: list[Event], err: DiplographError | None) -> None:
        nonlocal stored, events_stored
        if err is not None:
            errors.append(f"{article.source or article.id}: {err}")
            if on_item:
                on_item("failed", SourceError(article.source or article.id, str(err)), 0)
            return
        stored += 1
        events_stored += len(events)
        if on_item:
            on_item("ok", article, len(events))

    def replace(graph: str, quads: list[ox.Quad],
                entities: dict[str, list[ox.Quad]]) -> DiplographError | None:
        try:
            before = _links(backend, graph)
            replace_article(backend, graph, quads, entities)
        except DiplographError as exc:
            return exc
        unsure.update(before - set(entities))
        known.difference_update(before - set(entities))
        known.update(entities)
        return None

    def new_descriptions(entities: dict[str, list[ox.Quad]]) -> list[ox.Quad]:
        out = []
        for iri, quads in entities.items():
            if iri in known:
                continue
            if iri in unsure and backend.query(f"ASK {{ GRAPH <{iris.ENTITIES_GRAPH}> "
                                               f"{{ <{iri}> ?p ?o }} }}").boolean:
                known.add(iri)
                continue
            out.extend(quads)
            known.add(iri)
        return out

    def flush() -> None:
        nonlocal size, opened
        if pending:
            batch = [q for *_, quads, _ in pending for q in quads]
            kept = set(known)
            for *_, entities in pending:
                batch.extend(new_descriptions(entities))
            try:
                add_new(batch)  # type: ignore[misc]
            except DiplographError:  # find the culprit: one transaction per article
                known.intersection_update(kept)
                for article, events, graph, quads, entities in pending:
                    done(article, events, replace(graph, quads, entities))
            else:
                for article, events, *_ in pending:
                    done(article, events, None)
        pending.clear()
        size, opened = 0, time.monotonic()

    for article, events in extracted:
        try:
            if not article.id.strip():
                raise StoreError("the article has an empty id")
            graph = iris.article_graph(article.id)
            quads = article_quads(article, events, ref_ids)
            entities = entity_quads(article, events, ref_ids)
        except DiplographError as exc:
            done(article, events, exc)
            continue
        if add_new is None or graph in existing:  # a known article (or a repeat): replace
            flush()
            done(article, events, replace(graph, quads, entities))
            continue
        existing.add(graph)
        pending.append((article, events, graph, quads, entities))
        size += len(quads)
        added += len(quads)
        if size >= BULK_QUADS or time.monotonic() - opened >= BULK_SECONDS:
            flush()
    flush()
    if added >= OPTIMIZE_QUADS and hasattr(backend, "optimize"):
        backend.optimize()
    return StoreReport(stored, events_stored, len(errors), tuple(errors))
