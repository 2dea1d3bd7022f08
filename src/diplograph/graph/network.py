"""Events as networkx graphs, and the analytics behind ``diplograph stats``.

Free functions over lists of events or networkx graphs: nothing here holds a
store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from diplograph.graph import iris
from diplograph.model import Actor, Event

if TYPE_CHECKING:
    import networkx as nx


def _node_attrs(a: Actor) -> dict[str, Any]:
    return {"label": a.label, "kind": a.kind, "country": a.country or "",
            "wikidata": a.wikidata or "", "iri": iris.actor(a.id)}


def to_multidigraph(events: Iterable[Event],
                    articles: Mapping[str, Mapping[str, str | None]] | None = None
                    ) -> nx.MultiDiGraph:
    """One node per actor, one edge per event (with its type, date, speaker, quote)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    articles = articles or {}
    for ev in events:
        g.add_node(ev.source.id, **_node_attrs(ev.source))
        if ev.target is None:
            continue
        g.add_node(ev.target.id, **_node_attrs(ev.target))
        art = articles.get(ev.doc, {})
        g.add_edge(ev.source.id, ev.target.id, key=iris.event(ev), type=ev.type,
                   date=ev.date or "", speaker=ev.speaker.label if ev.speaker else "",
                   sentence=ev.sentence, trigger=ev.trigger or "", about=ev.about or "",
                   article=ev.doc, headline=art.get("headline") or "", url=art.get("url") or "",
                   iri=iris.event(ev), cameo=ev.cameo or "", plover=ev.plover or "",
                   confidence=ev.confidence)
    return g


def aggregate(g: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per (source, type, target) with counts and first and last dates.

    A DiGraph holds one edge per ordered pair, so edges are keyed by pair and
    carry a ``types`` dict of per-type counts and dates.
    """
    import networkx as nx

    out = nx.DiGraph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, data in g.edges(data=True):
        if not out.has_edge(u, v):
            out.add_edge(u, v, count=0, types={}, first="", last="")
        e = out.edges[u, v]
        e["count"] += 1
        t = e["types"].setdefault(data["type"], {"count": 0, "first": "", "last": ""})
        t["count"] += 1
        d = data.get("date") or ""
        for rec in (e, t):
            if d and (not rec["first"] or d < rec["first"]):
                rec["first"] = d
            if d and d > rec["last"]:
                rec["last"] = d
    return out


def stats(events: list[Event], n_articles: int) -> dict[str, Any]:
    """Counts, the most active sources and targets, and mutual accusations."""
    by_type = Counter(ev.type for ev in events)
    actors: set[str] = set()
    src: Counter[str] = Counter()
    tgt: Counter[str] = Counter()
    hostile = {"ACCUSE", "CRITICIZE", "PROTEST", "THREATEN", "SANCTION"}
    pairs: Counter[tuple[str, str]] = Counter()
    label: dict[str, str] = {}
    speakers: dict[str, Counter[str]] = {}
    for ev in events:
        label[ev.source.id] = ev.source.label
        actors.add(ev.source.id)
        if ev.target is not None:
            label[ev.target.id] = ev.target.label
            actors.add(ev.target.id)
        if ev.type in hostile:
            src[ev.source.id] += 1
            if ev.target is not None:
                tgt[ev.target.id] += 1
                pairs[(_side(ev.source), _side(ev.target))] += 1
        if ev.speaker is not None:
            speakers.setdefault(ev.source.country or ev.source.label, Counter())[ev.speaker.label] += 1
    mutual = []
    for (a, b), n in sorted(pairs.items()):
        if a < b and (b, a) in pairs:
            mutual.append({"a": a, "b": b, "a_to_b": n, "b_to_a": pairs[(b, a)]})
    return {
        "articles": n_articles,
        "events": len(events),
        "actors": len(actors),
        "events_by_type": dict(sorted(by_type.items())),
        "top_sources": [{"actor": label[k], "events": n} for k, n in src.most_common(10)],
        "top_targets": [{"actor": label[k], "events": n} for k, n in tgt.most_common(10)],
        "reciprocity": mutual,
        "speakers": {k: dict(v.most_common()) for k, v in sorted(speakers.items())},
    }


def _side(a: Actor) -> str:
    return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.label
