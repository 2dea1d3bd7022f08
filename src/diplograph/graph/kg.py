"""The handle an analyst holds: ``dg.open(location)`` returns a KnowledgeGraph.

It is deliberately small: it loads articles into the store, reads events
back, runs SPARQL, and hands out a networkx view. Analysis lives in free
functions (:mod:`diplograph.graph.network`), files in :mod:`diplograph.output`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

import pyoxigraph as ox

from diplograph.errors import (
    QueryError,
    StoreError,
    ValidationFailed,
)
from diplograph.graph import iris, writes
from diplograph.graph.rdf import SHORTCUTS
from diplograph.graph.store import Backend, OxigraphBackend, QueryResult, term_value
from diplograph.graph.writes import OnItem, StoreReport
from diplograph.model import Actor, Article, Event
from diplograph.schema import namespaces

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

    from diplograph.graph.validate import ValidationReport

DEFAULT_STORE = "./diplograph-store"
DIP = str(namespaces.DIP)
SCHEMA = str(namespaces.SCHEMA)


@dataclass(frozen=True)
class Filters:
    """The filters ``export``, ``html``, ``events`` and ``network`` share."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    articles: tuple[str, ...] = ()

    @classmethod
    def of(cls, types: Iterable[str] = (), actors: Iterable[str] = (), since: str | None = None,
           until: str | None = None, articles: Iterable[str] = ()) -> Filters:
        """Filters from option values (types in any case)."""
        return cls(types=tuple(t.upper() for t in types), actors=tuple(actors), since=since,
                   until=until, articles=tuple(articles))

    def match_actor(self, ev: Event) -> bool:
        if not self.actors:
            return True
        return any(_actor_matches(a, q) for q in self.actors
                   for a in (ev.source, ev.target) if a is not None)

    def match(self, ev: Event) -> bool:
        if self.types and ev.type not in self.types:
            return False
        if self.since and (not ev.date or ev.date < self.since):
            return False
        if self.until and (not ev.date or ev.date > self.until):
            return False
        if self.articles and ev.doc not in self.articles:
            return False
        return self.match_actor(ev)


def _filters(types: str | Iterable[str] | None, actors: str | Iterable[str] | None,
             since: str | None, until: str | None,
             articles: str | Iterable[str] | None) -> Filters:
    def many(x: str | Iterable[str] | None) -> tuple[str, ...]:
        return (x,) if isinstance(x, str) else tuple(x or ())

    return Filters(types=tuple(t.upper() for t in many(types)), actors=many(actors),
                   since=since, until=until, articles=many(articles))


def _actor_matches(a: Actor, q: str) -> bool:
    ql = q.strip().lower()
    return ql in (a.id.lower(), a.label.lower(), (a.country or "").lower(),
                  iris.actor(a.id).lower()) or (a.wikidata or "").lower() == ql


class GraphStore:
    """A diplograph store: articles, events and reference data, read and written.

    It knows nothing of sources or extraction: :class:`diplograph.KnowledgeGraph` (in
    :mod:`diplograph.pipeline`) adds ``ingest``, which reads and extracts, then stores
    here with :meth:`add_extracted`.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        writes.check_format(backend)
        if backend.writable:
            writes.ensure_reference(backend)

    @property
    def location(self) -> str:
        return self.backend.location

    # ------------------------------------------------------------- loading

    def article_hashes(self) -> dict[str, str]:
        """Each stored article's content hash, by doc id."""
        return {doc: content_hash for doc, (_, content_hash) in self.article_claims().items()}

    def article_claims(self) -> dict[str, tuple[str | None, str]]:
        """Each stored article's source (file or URL) and content hash, by doc id."""
        res = self.backend.query(
            "SELECT ?doc ?h ?src WHERE { ?a a schema:NewsArticle ; dip:docId ?doc ; "
            "dip:contentHash ?h OPTIONAL { ?a dip:sourceFile ?src } }")
        return {str(r[0].value): (term_value(r[2]), str(r[1].value)) for r in res.rows}

    def add_extracted(self, extracted: Iterable[tuple[Article, list[Event]]],
                      on_item: OnItem | None = None) -> StoreReport:
        """Store (article, events) pairs, e.g. from ``extract_articles`` or your own extractor.

        An article whose graph exists is replaced on its own, in one transaction.
        New articles are gathered and written many at a time, each batch in one
        transaction: a crash leaves every article whole or absent, and the next
        ingest adds the missing ones. ``on_item(status, article, events)`` hears of
        each article in the order given: ``ok`` or ``failed`` (with the error).
        See :mod:`diplograph.graph.writes`.
        """
        return writes.add_extracted(self.backend, extracted, on_item)

    def remove(self, article: str) -> bool:
        """Drop one article (by doc id or IRI) and everything derived from it."""
        doc = iris.doc_of(article) or article
        graph = iris.article_graph(doc)
        if graph not in self.backend.graph_names():
            return False
        writes.remove_article(self.backend, graph)
        return True

    # ------------------------------------------------------------- reading

    def query(self, sparql: str, params: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> QueryResult:
        """SPARQL over the union of all graphs; ``params`` are bound, never pasted.

        ``timeout`` (seconds) stops waiting for a slow query with a QueryError.
        """
        from diplograph.graph.sparql import check_params

        subs = {k: to_term(v) for k, v in (params or {}).items()}
        check_params(sparql, subs)
        return self.backend.query(sparql, subs, timeout=timeout)

    def articles(self) -> list[str]:
        return sorted(d for g in self.backend.graph_names() if (d := iris.doc_of(g)))

    def events(self, type: str | Iterable[str] | None = None, actor: str | None = None,
               source: str | None = None, target: str | None = None, since: str | None = None,
               until: str | None = None, article: str | None = None) -> list[Event]:
        """Events in the store, filtered; actors match by id, label, country code or QID."""
        types = (type,) if isinstance(type, str) else tuple(type or ())
        flt = Filters(types=tuple(t.upper() for t in types), actors=(actor,) if actor else (),
                      since=since, until=until, articles=(article,) if article else ())
        out = []
        for ev in self._all_events():
            if not flt.match(ev):
                continue
            if source and not _actor_matches(ev.source, source):
                continue
            if target and (ev.target is None or not _actor_matches(ev.target, target)):
                continue
            out.append(ev)
        return out

    def filtered_events(self, flt: Filters) -> list[Event]:
        return [ev for ev in self._all_events() if flt.match(ev)]

    def _actors(self) -> dict[str, Actor]:
        res = self.backend.query("""
            SELECT ?a ?id ?label ?kind ?country ?wd WHERE {
              ?a dip:actorId ?id ; dip:kind ?kind ; rdfs:label ?label .
              OPTIONAL { ?a dip:country ?country }
              OPTIONAL { ?a owl:sameAs ?wd }
            }""")
        out: dict[str, Actor] = {}
        for a, ident, label, kind, country, wd in res.rows:
            key = str(a.value)
            if key in out:
                continue
            out[key] = Actor(id=str(ident.value), label=str(label.value), kind=str(kind.value),
                             country=term_value(country),
                             wikidata=str(wd.value).rsplit("/", 1)[-1] if wd is not None else None)
        return out

    def _all_events(self) -> list[Event]:
        actors = self._actors()
        res = self.backend.query("""
            SELECT ?e ?type ?src ?tgt ?spk ?about ?sentence ?date ?doc ?cameo ?plover ?mode
                   ?conf ?trigger ?note ?start ?end WHERE {
              ?e dip:eventType ?type ; dip:source ?src ; dip:sentence ?sentence ;
                 dip:inArticle ?art .
              ?art dip:docId ?doc .
              OPTIONAL { ?e dip:target ?tgt }
              OPTIONAL { ?e dip:speaker ?spk }
              OPTIONAL { ?e dip:about ?about }
              OPTIONAL { ?e dip:date ?date }
              OPTIONAL { ?e dip:cameo ?cameo }
              OPTIONAL { ?e dip:plover ?plover }
              OPTIONAL { ?e dip:mode ?mode }
              OPTIONAL { ?e dip:confidence ?conf }
              OPTIONAL { ?e dip:trigger ?trigger }
              OPTIONAL { ?e dip:note ?note }
              OPTIONAL { ?e dip:quote/oa:hasSelector ?ps . ?ps oa:start ?start ; oa:end ?end }
            } ORDER BY ?doc ?start ?e""")
        out: list[Event] = []
        seen: set[str] = set()
        for row in res.rows:
            (e, typ, src, tgt, spk, about, sentence, date, doc, cameo, plover, mode, conf,
             trigger, note, start, end) = row
            if e.value in seen:
                continue
            seen.add(e.value)

            def actor(term: Any) -> Actor | None:
                if term is None:
                    return None
                return actors.get(str(term.value)) or Actor(
                    id=str(term.value).rsplit("/", 1)[-1], label=str(term.value).rsplit("/", 1)[-1],
                    kind="Organization")

            source = actor(src)
            assert source is not None
            out.append(Event(
                doc=str(doc.value), type=str(typ.value), source=source, target=actor(tgt),
                speaker=actor(spk), sentence=str(sentence.value),
                start=int(start.value) if start is not None else 0,
                end=int(end.value) if end is not None else 0,
                plover=term_value(plover), mode=term_value(mode), cameo=term_value(cameo),
                about=term_value(about), date=term_value(date),
                confidence=float(conf.value) if conf is not None else 0.5,
                trigger=term_value(trigger), note=term_value(note), iri=str(e.value),
            ))
        return out

    def network(self, types: str | Iterable[str] | None = None,
                actors: str | Iterable[str] | None = None, since: str | None = None,
                until: str | None = None, articles: str | Iterable[str] | None = None
                ) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph over actors, one edge per event (keyed by its IRI).

        Edges carry type, date, speaker, sentence, article, headline, url and
        iri (see :mod:`diplograph.graph.network`); the filters are those of
        ``export``. ``network.aggregate(G)`` gives one edge per pair with
        counts and dates.
        """
        from diplograph.graph.network import to_multidigraph

        return to_multidigraph(self.filtered_events(_filters(types, actors, since, until,
                                                             articles)), self._headlines())

    def _headlines(self) -> dict[str, dict[str, str | None]]:
        res = self.backend.query("""
            SELECT ?doc ?headline ?url ?date WHERE { ?a a schema:NewsArticle ; dip:docId ?doc .
              OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a schema:url ?url }
              OPTIONAL { ?a schema:datePublished ?date } }""")
        return {str(r[0].value): {"headline": term_value(r[1]), "url": term_value(r[2]),
                                  "date": term_value(r[3])} for r in res.rows}

    def stats(self, types: str | Iterable[str] | None = None,
              actors: str | Iterable[str] | None = None, since: str | None = None,
              until: str | None = None, articles: str | Iterable[str] | None = None,
              top: int = 10, by_state: bool = False) -> dict[str, Any]:
        """Counts, top sources and targets, reciprocity, centrality, timelines, speakers.

        See :func:`diplograph.graph.analytics.summary`; the filters are those
        of :meth:`network`.
        """
        from diplograph.graph.analytics import summary

        flt = _filters(types, actors, since, until, articles)
        events = self.filtered_events(flt)
        n_articles = len({ev.doc for ev in events}) if flt != Filters() else len(self.articles())
        return summary(events, n_articles, top=top, by_state=by_state,
                       articles=self._headlines())

    def quads(self, flt: Filters | None = None) -> list[ox.Quad]:
        """All quads, or those of the events the filters keep (with articles and actors)."""
        if flt is None or flt == Filters():
            return list(self.backend.quads())
        events = self.filtered_events(flt)
        keep_events = {iris.event(ev) for ev in events}
        docs = {ev.doc for ev in events}
        actor_ids = {iris.actor(a.id) for ev in events for a in (ev.source, ev.target, ev.speaker)
                     if a is not None}
        out: list[ox.Quad] = []
        linked = set(actor_ids)  # and the publishers and authors of the kept articles
        for doc in docs:
            art = iris.article(doc)
            for q in self.backend.quads(iris.article_graph(doc)):
                s = q.subject.value if isinstance(q.subject, ox.NamedNode) else ""
                base = s.split("/quote")[0]
                if base.startswith(f"{iris.BASE}event/"):
                    if base in keep_events:
                        out.append(q)
                elif s == art:
                    obj = q.object.value if isinstance(q.object, ox.NamedNode) else None
                    if q.predicate.value == f"{DIP}mentions" and obj not in actor_ids:
                        continue  # an actor only of events the filters drop
                    out.append(q)
                    if obj and q.predicate.value in (f"{SCHEMA}publisher", f"{SCHEMA}author"):
                        linked.add(obj)
                elif s in actor_ids and not (q.predicate.value.startswith(DIP) and
                                             q.predicate.value[len(DIP):] in SHORTCUTS):
                    out.append(q)  # dip:chargedWith; shortcuts are re-derived below
        for graph in (iris.REFERENCE_GRAPH, iris.ENTITIES_GRAPH):
            for q in self.backend.quads(graph):
                if isinstance(q.subject, ox.NamedNode) and q.subject.value in linked:
                    out.append(q)
        from diplograph.graph.rdf import EVENT_CLASSES, dip

        for ev in events:
            if ev.target is not None:
                g = ox.NamedNode(iris.article_graph(ev.doc))
                out.append(ox.Quad(ox.NamedNode(iris.actor(ev.source.id)),
                                   dip(EVENT_CLASSES[ev.type][1]),
                                   ox.NamedNode(iris.actor(ev.target.id)), g))
        return list(dict.fromkeys(out))

    @property
    def rdf(self) -> rdflib.Dataset:
        """The store as an rdflib Dataset (oxrdflib), for anything the API does not cover."""
        import rdflib
        from oxrdflib import OxigraphStore

        store = getattr(self.backend, "store", None)
        if store is None:
            raise StoreError(f"{self.location}: no rdflib view of this store")
        return rdflib.Dataset(store=OxigraphStore(store=store))

    def validate(self, strict: bool = False) -> ValidationReport:
        """SHACL validation of the whole store against the shapes.

        Returns the report; with ``strict``, raises :class:`ValidationFailed` (which
        carries it) when anything violates the shapes.
        """
        from diplograph.graph.validate import validate

        report = validate(self)
        if strict and not report.conforms:
            raise ValidationFailed(report, len(report.violations))
        return report

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()





def to_term(value: Any) -> ox.NamedNode | ox.Literal:
    """A Python value as an RDF term for binding: IRIs stay IRIs, the rest are literals."""
    from diplograph.schema.namespaces import PREFIXES

    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(),
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    text = str(value)
    prefix, sep, local = text.partition(":")
    if text.startswith("<") and text.endswith(">") and " " not in text:
        iri = text[1:-1]
    elif text.startswith(("http://", "https://", "urn:")) and " " not in text:
        iri = text
    elif sep and prefix in PREFIXES and local and " " not in local:
        iri = PREFIXES[prefix] + local
    else:
        return ox.Literal(text)
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"{text!r} looks like an IRI but is not a valid one") from None


def open_backend(location: str | None = None, read_only: bool = False,
                 wait: float = 0.0) -> Backend:
    """The backend for a location: a folder (created if needed), ``memory:``, or the
    ``http(s)://`` URL of a SPARQL 1.1 endpoint (query, update and Graph Store Protocol;
    see :mod:`diplograph.graph.remote`). Without a location: ``$DIPLOGRAPH_STORE``, else
    ``./diplograph-store``. ``read_only`` opens a folder beside a running writer;
    ``wait`` is how many seconds a writer waits for another to let go of a folder."""
    import os

    location = location or os.environ.get("DIPLOGRAPH_STORE") or DEFAULT_STORE
    if location == "memory:":
        return OxigraphBackend(None)
    if location.startswith(("http://", "https://")):
        from diplograph.graph.remote import RemoteBackend

        return RemoteBackend(location, read_only=read_only)
    return OxigraphBackend(location, read_only=read_only, wait=wait)
