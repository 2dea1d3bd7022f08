"""``diplograph migrate``: a store written by an older diplograph, in this version's layout.

Format 1 described every actor, publisher and author in each article graph
that named them. Format 2 describes each once, in the entities graph, and an
article graph says which actors it names (``dip:mentions``). The conversion
works article by article, each in one transaction, and can be run again after
an interruption: an article already converted is left as it is. The store is
marked with the new format when every article is done.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.graph import iris
from diplograph.graph.store import Backend
from diplograph.graph.writes import FORMAT, replace_article, set_format, store_format
from diplograph.schema.namespaces import DIP, OWL, RDF, RDFS, SCHEMA, SKOS

#: what describes an actor, a publisher or an author (as against what an article says)
_DESCRIBING = {str(p) for p in (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, DIP.actorId,
                                 DIP.kind, DIP.country, DIP.countryActor, DIP.affiliation,
                                 SCHEMA.name)}
_ENTITY_PREFIXES = tuple(f"{iris.BASE}{kind}/" for kind in ("actor", "publisher", "author"))


@dataclass(frozen=True)
class MigrationReport:
    """What a migration did: the format found, the format now, articles converted."""

    found: int | None
    now: int
    articles: int


def migrate(backend: Backend) -> MigrationReport:
    """Convert the store behind ``backend`` to :data:`~diplograph.graph.writes.FORMAT`."""
    found = store_format(backend)
    converted = 0
    if found == 1:
        for graph in backend.graph_names():
            if graph.startswith(iris.ARTICLE_GRAPH_PREFIX) and _from_format_1(backend, graph):
                converted += 1
    if found != FORMAT:
        set_format(backend)
    return MigrationReport(found, FORMAT, converted)


def _from_format_1(backend: Backend, graph: str) -> bool:
    """Move the descriptions out of one article graph; False when there were none."""
    g = ox.NamedNode(graph)
    art = ox.NamedNode(iris.article(iris.doc_of(graph) or ""))
    kept: list[ox.Quad] = []
    entities: dict[str, list[ox.Quad]] = {}
    entities_graph = ox.NamedNode(iris.ENTITIES_GRAPH)
    for q in backend.quads(graph):
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else ""
        if s.startswith(_ENTITY_PREFIXES) and q.predicate.value in _DESCRIBING:
            entities.setdefault(s, []).append(
                ox.Quad(q.subject, q.predicate, q.object, entities_graph))
        else:
            kept.append(q)
    if not entities:
        return False
    reference = {str(r[0].value) for r in backend.query(
        f"SELECT DISTINCT ?a WHERE {{ GRAPH <{iris.REFERENCE_GRAPH}> {{ ?a dip:actorId ?id }} }}"
    ).rows}
    brought = {s: quads for s, quads in entities.items() if s not in reference}
    # a reference official's dip:affiliation in the article: the events say whom it spoke for
    mentions = [ox.Quad(art, ox.NamedNode(f"{DIP}mentions"), ox.NamedNode(s), g)
                for s in brought if s.startswith(f"{iris.BASE}actor/")]
    replace_article(backend, graph, kept + mentions, brought)
    return True


def migrate_store(location: str, wait: float = 0.0) -> MigrationReport:
    """Convert the store at ``location`` (see :func:`migrate`)."""
    from diplograph.graph.kg import open_backend

    backend = open_backend(location, wait=wait)
    try:
        return migrate(backend)
    finally:
        backend.close()
