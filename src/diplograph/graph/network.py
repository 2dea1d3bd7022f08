"""Events as networkx graphs: the per-event MultiDiGraph and its aggregated views.

Three shapes, each for its own use:

* :func:`to_multidigraph` -- one node per actor, one edge per event (keyed by
  the event's IRI), carrying everything needed to trace it back: type, date,
  speaker, sentence, the words that carry the act, article, headline, URL.
  This is what ``kg.network()`` returns.
* :func:`aggregate` -- a :class:`networkx.DiGraph` with one edge per ordered
  pair of actors. A DiGraph cannot hold two edges between the same pair, so
  the edge carries the total ``count`` (also as ``weight``), the first and
  last dates, and a ``types`` breakdown ``{type: {count, first, last}}``.
  Restrict it to one or more types with ``types=`` to get the per-type
  variant (``aggregate(g, types=["ACCUSE"])`` is the accusation network).
  This is the shape for networkx algorithms (PageRank, betweenness).
* :func:`aggregate_by_type` -- a :class:`networkx.MultiDiGraph` with exactly
  one edge per (source, type, target), keyed by the type. This is what the
  HTML page draws.

:func:`collapse_states` merges governments into their states (the scoring
keys of ``events.md``), for analyses at the level of countries.

Nothing here holds a store; analytics live in :mod:`diplograph.graph.analytics`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from diplograph.graph import iris
from diplograph.model import Actor, Event

if TYPE_CHECKING:
    import networkx as nx

#: Node attributes every actor node carries.
NODE_ATTRS = ("label", "kind", "country", "wikidata", "iri")
#: Edge attributes every event edge carries (all strings but ``confidence``,
#: ``mark_start`` and ``mark_end``; missing values are empty strings).
EDGE_ATTRS = ("type", "date", "speaker", "speaker_id", "sentence", "trigger", "mark_start",
              "mark_end", "about", "article", "article_iri", "headline", "url", "iri", "cameo",
              "plover", "mode", "confidence")


def _node_attrs(a: Actor) -> dict[str, Any]:
    return {"label": a.label, "kind": a.kind, "country": a.country or "",
            "wikidata": a.wikidata or "", "iri": iris.actor(a.id)}


def trigger_span(ev: Event) -> tuple[int, int]:
    """Where the words that carry the act sit in the sentence, or (-1, -1).

    Uses the trigger's offset in the article when it agrees with the
    sentence, else the first case-insensitive occurrence of the trigger.
    """
    trig = ev.trigger or ""
    if not trig:
        return -1, -1
    if ev.trigger_start is not None:
        i = ev.trigger_start - ev.start
        if i >= 0 and ev.sentence[i:i + len(trig)] == trig:
            return i, i + len(trig)
    i = ev.sentence.lower().find(trig.lower())
    return (i, i + len(trig)) if i >= 0 else (-1, -1)


def to_multidigraph(events: Iterable[Event],
                    articles: Mapping[str, Mapping[str, str | None]] | None = None
                    ) -> nx.MultiDiGraph:
    """One node per actor, one edge per event with a target.

    ``articles`` maps document ids to ``{"headline": ..., "url": ...}``.
    Edges are keyed by the event IRI and carry :data:`EDGE_ATTRS`. Events
    without a target add their source as a node and are counted in
    ``g.graph["untargeted"]``; ``g.graph["events"]`` counts all events.
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    g.graph.update(events=0, untargeted=0)
    articles = articles or {}
    for ev in events:
        g.graph["events"] += 1
        if ev.source.id not in g:
            g.add_node(ev.source.id, **_node_attrs(ev.source))
        if ev.target is None:
            g.graph["untargeted"] += 1
            continue
        if ev.target.id not in g:
            g.add_node(ev.target.id, **_node_attrs(ev.target))
        art = articles.get(ev.doc, {})
        mark = trigger_span(ev)
        iri = iris.event(ev)
        g.add_edge(ev.source.id, ev.target.id, key=iri, type=ev.type, date=ev.date or "",
                   speaker=ev.speaker.label if ev.speaker else "",
                   speaker_id=ev.speaker.id if ev.speaker else "",
                   sentence=ev.sentence, trigger=ev.trigger or "", mark_start=mark[0],
                   mark_end=mark[1], about=ev.about or "", article=ev.doc,
                   article_iri=iris.article(ev.doc), headline=art.get("headline") or "",
                   url=art.get("url") or "", iri=iri, cameo=ev.cameo or "",
                   plover=ev.plover or "", mode=ev.mode or "", confidence=float(ev.confidence))
    return g


def _widen(rec: dict[str, Any], date: str) -> None:
    if date and (not rec["first"] or date < rec["first"]):
        rec["first"] = date
    if date and date > rec["last"]:
        rec["last"] = date


def aggregate(g: nx.MultiDiGraph, types: Iterable[str] | None = None) -> nx.DiGraph:
    """One edge per ordered pair of actors, with counts and first and last dates.

    Each edge has ``count`` and ``weight`` (the number of events), ``first``
    and ``last`` (ISO dates, empty when no event is dated), ``types``
    (``{type: {"count", "first", "last"}}``) and ``events`` (the event IRIs).
    With ``types``, only events of those types count: the per-type view.
    Every node of ``g`` is kept, with its attributes.
    """
    import networkx as nx

    keep = {t.upper() for t in types} if types is not None else None
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        if keep is not None and data["type"] not in keep:
            continue
        e = edges.get((u, v))
        if e is None:
            e = edges[(u, v)] = {"count": 0, "weight": 0, "types": {}, "first": "", "last": "",
                                 "events": []}
        e["count"] += 1
        e["weight"] = e["count"]
        e["events"].append(key)
        t = e["types"].get(data["type"])
        if t is None:
            t = e["types"][data["type"]] = {"count": 0, "first": "", "last": ""}
        t["count"] += 1
        date = data.get("date") or ""
        _widen(e, date)
        _widen(t, date)
    out = nx.DiGraph()
    out.add_nodes_from(g.nodes(data=True))
    out.add_edges_from((u, v, d) for (u, v), d in edges.items())
    return out


def aggregate_by_type(g: nx.MultiDiGraph, types: Iterable[str] | None = None
                      ) -> nx.MultiDiGraph:
    """Exactly one edge per (source, type, target), keyed by the type.

    Each edge has ``type``, ``count`` and ``weight``, ``first``, ``last`` and
    ``events`` (the event IRIs, in date order). Every node of ``g`` is kept.
    """
    import networkx as nx

    keep = {t.upper() for t in types} if types is not None else None
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        typ = data["type"]
        if keep is not None and typ not in keep:
            continue
        e = edges.get((u, v, typ))
        if e is None:
            e = edges[(u, v, typ)] = {"type": typ, "count": 0, "weight": 0, "first": "",
                                      "last": "", "events": []}
        e["count"] += 1
        e["weight"] = e["count"]
        date = data.get("date") or ""
        e["events"].append((date, key))
        _widen(e, date)
    for e in edges.values():
        e["events"] = [k for _, k in sorted(e["events"])]
    out = nx.MultiDiGraph()
    out.add_nodes_from(g.nodes(data=True))
    out.add_edges_from((u, v, typ, d) for (u, v, typ), d in edges.items())
    return out


def collapse_states(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge every State and GovernmentBody node into the state of its country.

    ``chn-foreign-ministry`` and ``chn`` become one node ``chn`` labelled
    China. Persons, companies, IGOs and groups stay as they are. Edges keep
    their attributes; edges that become self-loops (a ministry "accusing"
    its own state) are kept, as in the data.
    """
    import networkx as nx

    from diplograph.schema.reference import reference

    ref = reference()
    mapping: dict[str, str] = {}
    attrs: dict[str, dict[str, Any]] = {}
    for n, d in g.nodes(data=True):
        country = d.get("country") or ""
        if d.get("kind") in ("State", "GovernmentBody") and country:
            state = ref.state_actor(country)
            if state is not None:
                mapping[n] = state.id
                attrs[state.id] = _node_attrs(state)
                continue
            if d.get("kind") == "State":
                mapping[n] = n
                attrs[n] = dict(d)
                continue
        mapping[n] = n
        attrs.setdefault(n, dict(d))
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    for n in g.nodes:
        m = mapping[n]
        if m not in out:
            out.add_node(m, **attrs[m])
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(mapping[u], mapping[v], key=key, **data)
    return out
