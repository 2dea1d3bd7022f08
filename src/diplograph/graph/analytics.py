"""Analytics over the event network: the numbers behind ``diplograph stats``.

Free functions over the MultiDiGraph of :func:`diplograph.graph.network.to_multidigraph`
(what ``kg.network()`` returns), and :func:`summary`, which puts them together
for the command and for ``kg.stats()``.

* :func:`top_actors` -- the most active sources or targets, overall and per type;
* :func:`reciprocity` -- dyads whose members act against each other, with the
  counts in both directions;
* :func:`centrality` -- in- and out-degree (partners and events), PageRank and
  betweenness on the aggregated graph;
* :func:`timelines` -- events per month for each dyad;
* :func:`speakers` -- who speaks for each state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from diplograph.model import Event

if TYPE_CHECKING:
    import networkx as nx

#: The "disapprove" family of events.md: the default for :func:`reciprocity`.
DISAPPROVE: tuple[str, ...] = ("ACCUSE", "CRITICIZE", "PROTEST")
#: Acts against the target (disapproval, threats and punishment).
HOSTILE: tuple[str, ...] = ("ACCUSE", "CRITICIZE", "PROTEST", "THREATEN", "SANCTION", "CHARGE",
                            "ARREST")
#: Above this many nodes, betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 500


def _label(g: nx.Graph, n: str) -> str:
    return str(g.nodes[n].get("label", n))


def _keep(types: Iterable[str] | None) -> set[str] | None:
    return {t.upper() for t in types} if types is not None else None


def top_actors(g: nx.MultiDiGraph, role: str = "source", types: Iterable[str] | None = None,
               n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` actors with the most events as ``role`` ("source" or "target").

    Each row: ``{"id", "actor", "events"}``; ties are broken by label.
    """
    if role not in ("source", "target"):
        raise ValueError(f"role must be 'source' or 'target', not {role!r}")
    keep = _keep(types)
    counts: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if keep is None or d["type"] in keep:
            counts[u if role == "source" else v] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], _label(g, kv[0])))[:n]
    return [{"id": k, "actor": _label(g, k), "events": c} for k, c in rows]


def top_actors_by_type(g: nx.MultiDiGraph, role: str = "source", n: int = 10
                       ) -> dict[str, list[dict[str, Any]]]:
    """:func:`top_actors` for each event type present in ``g``."""
    present = sorted({d["type"] for _, _, d in g.edges(data=True)})
    return {t: top_actors(g, role, [t], n) for t in present}


def reciprocity(g: nx.MultiDiGraph, types: Iterable[str] | None = DISAPPROVE
                ) -> list[dict[str, Any]]:
    """Dyads {a, b} where a acts against b and b against a (events of ``types``).

    Each row: ``a``, ``b`` (labels), ``a_id``, ``b_id``, ``a_to_b`` and
    ``b_to_a`` (event counts), and ``by_type`` (``{type: [a_to_b, b_to_a]}``).
    Sorted by the total, busiest first. Self-loops are not dyads.
    """
    keep = _keep(types)
    pair: Counter[tuple[str, str]] = Counter()
    by_type: dict[tuple[str, str], Counter[str]] = {}
    for u, v, d in g.edges(data=True):
        if u == v or (keep is not None and d["type"] not in keep):
            continue
        pair[(u, v)] += 1
        by_type.setdefault((u, v), Counter())[d["type"]] += 1
    rows: list[dict[str, Any]] = []
    for (a, b), n in pair.items():
        back = pair.get((b, a), 0)
        if not back or (_label(g, a), a) > (_label(g, b), b):
            continue
        types_seen = sorted(set(by_type[(a, b)]) | set(by_type[(b, a)]))
        rows.append({"a": _label(g, a), "b": _label(g, b), "a_id": a, "b_id": b,
                     "a_to_b": n, "b_to_a": back,
                     "by_type": {t: [by_type[(a, b)][t], by_type[(b, a)][t]] for t in types_seen}})
    rows.sort(key=lambda r: (-(r["a_to_b"] + r["b_to_a"]), r["a"], r["b"]))
    return rows


def reciprocated_share(g: nx.MultiDiGraph, types: Iterable[str] | None = DISAPPROVE) -> float:
    """The share of directed dyads (events of ``types``) whose reverse also exists."""
    keep = _keep(types)
    pairs = {(u, v) for u, v, d in g.edges(data=True)
             if u != v and (keep is None or d["type"] in keep)}
    if not pairs:
        return 0.0
    return sum((v, u) in pairs for u, v in pairs) / len(pairs)


def pagerank(g: nx.DiGraph, alpha: float = 0.85, weight: str | None = "weight",
             tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """PageRank by power iteration (numpy), as networkx defines it.

    networkx's own ``pagerank`` needs SciPy, which diplograph does not
    depend on. Dangling nodes spread their rank evenly, like networkx.
    """
    import numpy as np

    nodes = list(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {x: i for i, x in enumerate(nodes)}
    src, dst, w = [], [], []
    for u, v, d in g.edges(data=True):
        src.append(index[u])
        dst.append(index[v])
        w.append(float(d.get(weight, 1.0)) if weight else 1.0)
    s = np.asarray(src, dtype=np.int64)
    t = np.asarray(dst, dtype=np.int64)
    wt = np.asarray(w, dtype=float)
    out_w = np.bincount(s, weights=wt, minlength=n) if len(s) else np.zeros(n)
    dangling = out_w == 0
    share = np.divide(wt, out_w[s], out=np.zeros_like(wt), where=out_w[s] > 0) if len(s) else wt
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        prev = x
        flow = np.bincount(t, weights=prev[s] * share, minlength=n) if len(s) else np.zeros(n)
        x = alpha * (flow + prev[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - prev).sum() < n * tol:
            break
    x = x / x.sum()
    return {nodes[i]: float(x[i]) for i in range(n)}


def centrality(g: nx.MultiDiGraph, types: Iterable[str] | None = None,
               sample: int = BETWEENNESS_SAMPLE, seed: int = 0) -> list[dict[str, Any]]:
    """Degree, PageRank and betweenness for every actor, highest PageRank first.

    Each row: ``id``, ``actor``, ``kind``, ``out_degree`` and ``in_degree``
    (distinct partners), ``out_events`` and ``in_events`` (events),
    ``pagerank`` (weighted by event counts) and ``betweenness`` (normalised,
    on the aggregated graph, unweighted). On graphs with more than
    ``sample`` nodes, betweenness is estimated from ``sample`` source nodes
    chosen with ``seed``.
    """
    import networkx as nx

    from diplograph.graph.network import aggregate

    agg = aggregate(g, types)
    pr = pagerank(agg)
    k = sample if agg.number_of_nodes() > sample else None
    btw = nx.betweenness_centrality(agg, k=k, seed=seed if k else None)
    rows = []
    for x, d in agg.nodes(data=True):
        rows.append({
            "id": x, "actor": d.get("label", x), "kind": d.get("kind", ""),
            "out_degree": agg.out_degree(x), "in_degree": agg.in_degree(x),
            "out_events": int(agg.out_degree(x, weight="count")),
            "in_events": int(agg.in_degree(x, weight="count")),
            "pagerank": round(pr.get(x, 0.0), 6), "betweenness": round(btw.get(x, 0.0), 6),
        })
    rows.sort(key=lambda r: (-r["pagerank"], r["actor"]))
    return rows


def timelines(g: nx.MultiDiGraph, types: Iterable[str] | None = None
              ) -> dict[tuple[str, str], dict[str, int]]:
    """Events per month (``YYYY-MM``) for each ordered pair (source, target).

    Undated events are counted under ``"undated"``. Months are in order.
    """
    keep = _keep(types)
    out: dict[tuple[str, str], Counter[str]] = {}
    for u, v, d in g.edges(data=True):
        if keep is not None and d["type"] not in keep:
            continue
        date = d.get("date") or ""
        month = date[:7] if len(date) >= 7 else "undated"
        out.setdefault((u, v), Counter())[month] += 1
    return {k: dict(sorted(c.items())) for k, c in out.items()}


def speakers(events: Iterable[Event]) -> dict[str, dict[str, int]]:
    """Who speaks for each state: ``{state label: {speaker: events}}``.

    A speaker counts for the country of the party they speak for (China for
    the spokeswoman of China's foreign ministry); a party with no country
    counts under its own label. Busiest speakers first.
    """
    from diplograph.schema.reference import reference

    ref = reference()
    out: dict[str, Counter[str]] = {}
    for ev in events:
        if ev.speaker is None:
            continue
        state = ref.state_actor(ev.source.country) if ev.source.country else None
        name = state.label if state is not None else ev.source.label
        out.setdefault(name, Counter())[ev.speaker.label] += 1
    return {k: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
            for k, c in sorted(out.items())}


def summary(events: list[Event], n_articles: int, top: int = 10, by_state: bool = False,
            articles: dict[str, dict[str, str | None]] | None = None) -> dict[str, Any]:
    """Everything ``diplograph stats`` shows, as plain JSON-ready data.

    Counts cover all events; the network figures cover events with a
    target. With ``by_state``, governments are merged into their states
    first (:func:`diplograph.graph.network.collapse_states`).
    """
    from diplograph.graph.network import collapse_states, to_multidigraph

    g = to_multidigraph(events, articles)
    if by_state:
        g = collapse_states(g)
    tl = timelines(g)
    busiest = sorted(tl.items(), key=lambda kv: (-sum(kv[1].values()), _label(g, kv[0][0]),
                                                 _label(g, kv[0][1])))[:top]
    cent = centrality(g)
    return {
        "articles": n_articles,
        "events": len(events),
        "untargeted": g.graph.get("untargeted", 0),
        "actors": g.number_of_nodes(),
        "dyads": len(tl),
        "by_state": by_state,
        "events_by_type": dict(sorted(Counter(ev.type for ev in events).items())),
        "top_sources": top_actors(g, "source", n=top),
        "top_targets": top_actors(g, "target", n=top),
        "top_sources_by_type": top_actors_by_type(g, "source", n=top),
        "top_targets_by_type": top_actors_by_type(g, "target", n=top),
        "reciprocity": {"types": list(DISAPPROVE), "share": round(reciprocated_share(g), 4),
                        "dyads": reciprocity(g)},
        "centrality": cent[:top],
        "betweenness_sampled": (BETWEENNESS_SAMPLE if g.number_of_nodes() > BETWEENNESS_SAMPLE
                                else None),
        "timelines": [{"source": _label(g, u), "target": _label(g, v), "source_id": u,
                       "target_id": v, "events": sum(months.values()), "months": months}
                      for (u, v), months in busiest],
        "speakers": speakers(events),
    }
