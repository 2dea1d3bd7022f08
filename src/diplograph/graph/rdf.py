"""Events, articles and reference data as RDF quads (pyoxigraph terms).

One named graph per article holds the article, its events, the quotes they
were read from, the shortcut edges derived from the events, and which actors
it brings in. Those actors, publishers and authors are described once, in the
entities graph; reference data and the ontology have graphs of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from diplograph.graph import iris
from diplograph.model import TYPES, Actor, Article, Event
from diplograph.schema import ONTOLOGY_PATH
from diplograph.schema.namespaces import DIP, OA, PROV, SCHEMA
from diplograph.schema.reference import Reference

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
OWL_SAMEAS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = ox.NamedNode(XSD + "date")
XSD_DECIMAL = ox.NamedNode(XSD + "decimal")
XSD_INTEGER = ox.NamedNode(XSD + "integer")
XSD_ANYURI = ox.NamedNode(XSD + "anyURI")
WIKIDATA = "http://www.wikidata.org/entity/"

#: Event type code to (class local name, shortcut property local name), from
#: ``schema/event_types.tsv``.
EVENT_CLASSES: dict[str, tuple[str, str]] = {t.type: (t.rdf_class, t.shortcut)
                                             for t in TYPES.values()}
CLASS_TO_TYPE = {cls: code for code, (cls, _) in EVENT_CLASSES.items()}
SHORTCUTS = frozenset(shortcut for _, shortcut in EVENT_CLASSES.values())


def dip(local: str) -> ox.NamedNode:
    return ox.NamedNode(str(DIP) + local)


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=XSD_DATE)


def actor_quads(a: Actor, g: ox.NamedNode | ox.DefaultGraph,
                affiliation: Actor | None = None) -> Iterator[ox.Quad]:
    node = ox.NamedNode(iris.actor(a.id))
    yield ox.Quad(node, RDF_TYPE, dip(a.kind), g)
    yield ox.Quad(node, RDFS_LABEL, _lit(a.label), g)
    yield ox.Quad(node, dip("actorId"), _lit(a.id), g)
    yield ox.Quad(node, dip("kind"), _lit(a.kind), g)
    if a.country:
        yield ox.Quad(node, dip("country"), _lit(a.country), g)
        if a.kind != "State":
            yield ox.Quad(node, dip("countryActor"), ox.NamedNode(iris.actor(a.country.lower())), g)
    if a.wikidata:
        yield ox.Quad(node, OWL_SAMEAS, ox.NamedNode(WIKIDATA + a.wikidata), g)
    for alias in a.aliases:
        if alias != a.label:
            yield ox.Quad(node, SKOS_ALT, _lit(alias), g)
    if affiliation is not None and affiliation.id != a.id:
        yield ox.Quad(node, dip("affiliation"), ox.NamedNode(iris.actor(affiliation.id)), g)


def article_quads(article: Article, events: Iterable[Event],
                  reference_ids: frozenset[str] = frozenset()) -> list[ox.Quad]:
    """Everything one article says, in its own named graph: the article, its events and
    quotes, the shortcut edges, and ``dip:mentions`` for each actor it brings in. The
    actors, publisher and author themselves are described once for the whole store
    (:func:`entity_quads`): described in every article graph, a triple came back once per
    article over the union graph, and joins grew with the power of that count."""
    g = ox.NamedNode(iris.article_graph(article.id))
    art = ox.NamedNode(iris.article(article.id))
    out: list[ox.Quad] = []
    add = out.append
    add(ox.Quad(art, RDF_TYPE, ox.NamedNode(str(SCHEMA) + "NewsArticle"), g))
    add(ox.Quad(art, RDFS_LABEL, _lit(article.headline or article.id), g))
    add(ox.Quad(art, dip("docId"), _lit(article.id), g))
    add(ox.Quad(art, dip("contentHash"), _lit(article.content_hash), g))
    add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "articleBody"), _lit(article.text), g))
    if article.headline:
        add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "headline"), _lit(article.headline), g))
    if article.date:
        add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "datePublished"), _date(article.date), g))
    if article.url:
        add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "url"),
                    ox.Literal(article.url, datatype=XSD_ANYURI), g))
    if article.source:
        add(ox.Quad(art, dip("sourceFile"), _lit(article.source), g))
    if article.publisher:
        add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "publisher"),
                    ox.NamedNode(iris.publisher(article.publisher)), g))
    if article.author:
        add(ox.Quad(art, ox.NamedNode(str(SCHEMA) + "author"),
                    ox.NamedNode(iris.author(article.author)), g))
    events = list(events)
    out.extend(_answers(events, g))
    for ev in events:
        out.extend(event_quads(ev, art, g, article.text))
    for a, _ in _brought_in(events, reference_ids).values():
        add(ox.Quad(art, dip("mentions"), ox.NamedNode(iris.actor(a.id)), g))
    return list(dict.fromkeys(out))


def _brought_in(events: list[Event], reference_ids: frozenset[str]
                ) -> dict[str, tuple[Actor, Actor | None]]:
    """The actors of the events that are not reference data, each with the party it spoke
    for when it spoke."""
    actors: dict[str, tuple[Actor, Actor | None]] = {}
    for ev in events:
        for a in (ev.source, ev.target, *ev.involved):
            if a is not None and a.id not in reference_ids:
                actors.setdefault(a.id, (a, None))
        if (ev.speaker is not None and ev.speaker.id not in reference_ids
                and actors.get(ev.speaker.id, (None, None))[1] is None):
            actors[ev.speaker.id] = (ev.speaker, ev.source)
    return actors


def entity_quads(article: Article, events: Iterable[Event],
                 reference_ids: frozenset[str] = frozenset()) -> dict[str, list[ox.Quad]]:
    """The descriptions an article brings in, for the entities graph, by subject IRI: each
    actor that is not reference data, the publisher and the author. The store keeps the
    first description of each and drops it when no article links to it any more."""
    g = ox.NamedNode(iris.ENTITIES_GRAPH)
    out: dict[str, list[ox.Quad]] = {}
    for a, aff in _brought_in(list(events), reference_ids).values():
        out[iris.actor(a.id)] = list(actor_quads(a, g, aff))
    for name, iri, kind in ((article.publisher, iris.publisher, "Organization"),
                            (article.author, iris.author, "Person")):
        if name:
            node = ox.NamedNode(iri(name))
            out[node.value] = [ox.Quad(node, RDF_TYPE, ox.NamedNode(str(SCHEMA) + kind), g),
                               ox.Quad(node, ox.NamedNode(str(SCHEMA) + "name"), _lit(name), g),
                               ox.Quad(node, RDFS_LABEL, _lit(name), g)]
    return out


def _side(a: Actor) -> str:
    return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.id


def _answers(events: list[Event], g: ox.NamedNode) -> Iterator[ox.Quad]:
    """dip:answers from each denial to the accusation or charge it denies, when the article
    has one: the last earlier (or else the first later) act of the denied party against the
    denier."""
    denials = [(n, ev) for n, ev in enumerate(events) if ev.type == "DENY"]
    if not denials:
        return
    acts = [(n, e) for n, e in enumerate(events)
            if e.type in ("ACCUSE", "CHARGE", "CRITICIZE", "SANCTION") and e.target is not None]
    for n, ev in denials:
        denier = _side(ev.source)
        cands = [(m, e) for m, e in acts
                 if e.target is not None and (_side(e.target) == denier
                                              or e.target.country == ev.source.country)
                 and (ev.target is None or _side(e.source) == _side(ev.target))]
        if not cands:
            continue
        before = [e for m, e in cands if m < n]
        answered = before[-1] if before else cands[0][1]
        yield ox.Quad(ox.NamedNode(iris.event(ev)), dip("answers"),
                      ox.NamedNode(iris.event(answered)), g)


def event_quads(ev: Event, art: ox.NamedNode, g: ox.NamedNode, text: str) -> Iterator[ox.Quad]:
    node = ox.NamedNode(iris.event(ev))
    cls, shortcut = EVENT_CLASSES[ev.type]
    src = ox.NamedNode(iris.actor(ev.source.id))
    label = f"{ev.source.label} {TYPES[ev.type].verb}"
    if ev.target is not None:
        label += f" {ev.target.label}"
    yield ox.Quad(node, RDF_TYPE, dip(cls), g)
    yield ox.Quad(node, RDFS_LABEL, _lit(label), g)
    yield ox.Quad(node, dip("eventType"), _lit(ev.type), g)
    yield ox.Quad(node, dip("source"), src, g)
    if ev.target is not None:
        tgt = ox.NamedNode(iris.actor(ev.target.id))
        yield ox.Quad(node, dip("target"), tgt, g)
        yield ox.Quad(src, dip(shortcut), tgt, g)
        if ev.type == "CHARGE" and ev.about:
            yield ox.Quad(tgt, dip("chargedWith"), _lit(ev.about), g)
    if ev.speaker is not None:
        yield ox.Quad(node, dip("speaker"), ox.NamedNode(iris.actor(ev.speaker.id)), g)
    for other in ev.involved:
        yield ox.Quad(node, dip("involves"), ox.NamedNode(iris.actor(other.id)), g)
    if ev.about:
        yield ox.Quad(node, dip("about"), _lit(ev.about), g)
    for prop, value in (("cameo", ev.cameo), ("plover", ev.plover), ("mode", ev.mode),
                        ("trigger", ev.trigger)):
        if value:
            yield ox.Quad(node, dip(prop), _lit(value), g)
    yield ox.Quad(node, dip("sentence"), _lit(ev.sentence), g)
    if ev.note:
        yield ox.Quad(node, dip("note"), _lit(ev.note), g)
    if ev.date:
        yield ox.Quad(node, dip("date"), _date(ev.date), g)
    yield ox.Quad(node, dip("confidence"), ox.Literal(f"{ev.confidence:.2f}", datatype=XSD_DECIMAL), g)
    yield ox.Quad(node, ox.NamedNode(str(PROV) + "wasDerivedFrom"), art, g)
    yield ox.Quad(node, dip("inArticle"), art, g)
    quote = ox.NamedNode(str(node.value) + "/quote")
    tsel = ox.NamedNode(str(node.value) + "/quote/text")
    psel = ox.NamedNode(str(node.value) + "/quote/position")
    yield ox.Quad(node, dip("quote"), quote, g)
    yield ox.Quad(quote, RDF_TYPE, ox.NamedNode(str(OA) + "SpecificResource"), g)
    yield ox.Quad(quote, ox.NamedNode(str(OA) + "hasSource"), art, g)
    yield ox.Quad(quote, ox.NamedNode(str(OA) + "hasSelector"), tsel, g)
    yield ox.Quad(quote, ox.NamedNode(str(OA) + "hasSelector"), psel, g)
    yield ox.Quad(tsel, RDF_TYPE, ox.NamedNode(str(OA) + "TextQuoteSelector"), g)
    yield ox.Quad(tsel, ox.NamedNode(str(OA) + "exact"), _lit(ev.sentence), g)
    prefix = text[max(0, ev.start - 32) : ev.start]
    suffix = text[ev.end : ev.end + 32]
    if prefix:
        yield ox.Quad(tsel, ox.NamedNode(str(OA) + "prefix"), _lit(prefix), g)
    if suffix:
        yield ox.Quad(tsel, ox.NamedNode(str(OA) + "suffix"), _lit(suffix), g)
    yield ox.Quad(psel, RDF_TYPE, ox.NamedNode(str(OA) + "TextPositionSelector"), g)
    yield ox.Quad(psel, ox.NamedNode(str(OA) + "start"), ox.Literal(str(ev.start), datatype=XSD_INTEGER), g)
    yield ox.Quad(psel, ox.NamedNode(str(OA) + "end"), ox.Literal(str(ev.end), datatype=XSD_INTEGER), g)


def reference_quads(ref: Reference) -> list[ox.Quad]:
    """States, IGOs, named bodies and known officials, in the reference graph."""
    g = ox.NamedNode(iris.REFERENCE_GRAPH)
    out: list[ox.Quad] = []
    for st in ref.states.values():
        out.extend(actor_quads(st.actor, g))
        node = ox.NamedNode(iris.actor(st.iso3.lower()))
        for d in st.demonyms:
            out.append(ox.Quad(node, dip("demonym"), _lit(d), g))
        for c in st.capitals:
            out.append(ox.Quad(node, dip("capital"), _lit(c), g))
    for igo in ref.igos.values():
        out.extend(actor_quads(igo, g))
    for body in ref.bodies.values():
        if body.country:
            a = body.actor(None)
            if a is not None:
                out.extend(actor_quads(a, g))
    seen: set[str] = set()
    for off in ref.officials:
        if off.id in seen:
            continue
        seen.add(off.id)
        a = Actor(id=off.id, label=off.name, kind="Person", country=off.country,
                  wikidata=off.wikidata, aliases=off.aliases)
        out.extend(actor_quads(a, g))
        out.append(ox.Quad(ox.NamedNode(iris.actor(off.id)), dip("role"), _lit(off.role), g))
    return list(dict.fromkeys(out))


def reference_ids(ref: Reference) -> frozenset[str]:
    ids = {st.iso3.lower() for st in ref.states.values()}
    ids |= set(ref.igos)
    ids |= {b.id for b in ref.bodies.values() if b.country}
    ids |= {o.id for o in ref.officials}
    return frozenset(ids)


def ontology_quads() -> list[ox.Quad]:
    g = ox.NamedNode(iris.ONTOLOGY_GRAPH)
    with ONTOLOGY_PATH.open("rb") as fh:
        return [ox.Quad(t.subject, t.predicate, t.object, g)
                for t in ox.parse(fh, format=ox.RdfFormat.TURTLE)]
