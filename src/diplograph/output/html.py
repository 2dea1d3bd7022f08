"""The interactive graph page: one self-contained HTML file.

pyvis builds the node and edge lists; the page comes from our own template
(``page.html``) with vis-network inlined from the copy pyvis ships, so it
opens from a file with no network, asks no other host for anything (its
Content-Security-Policy forbids it) and writes nothing beside itself.

What the page shows:

* one node per actor, coloured by kind, sized by weighted degree (events in
  and out), labelled;
* one edge per (source, type, target), coloured by type (and dashed for
  verbal conflict: :data:`TYPE_STYLES`), with an arrow, its width showing
  the number of events; parallel edges between a pair are drawn as curves
  of growing bend;
* a tooltip per edge listing its events (date, speaker, the sentence with the
  act's words marked, the article's headline linking to its URL); click an
  edge to pin it;
* a legend of kinds and types; type checkboxes, a date range and an actor
  search that highlights the actor's neighbourhood.

Small graphs are laid out by vis-network's physics, which is switched off
once the layout has settled (stabilisation is not animated). Graphs above
:data:`PHYSICS_MAX_NODES` nodes get positions computed here
(:func:`diplograph.output.layout.force_layout`) and no physics at all.

Article text reaches the page only as JSON data, escaped for a script
element, and is put into the page with ``textContent``; links are made only
from ``http(s)`` URLs.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from diplograph.errors import DiplographError
from diplograph.model import ACTOR_KINDS, EVENT_TYPES, TYPES

if TYPE_CHECKING:
    import networkx as nx

#: Node colours by actor kind: Okabe & Ito's palette for colour-blind readers,
#: less its black (too heavy for a node).
KIND_COLORS = {"State": "#0072b2", "GovernmentBody": "#56b4e9", "IGO": "#009e73",
               "Person": "#e69f00", "Company": "#f0e442", "Organization": "#cc79a7",
               "Group": "#d55e00"}


class TypeStyle(NamedTuple):
    """How the edges of one event type are drawn."""

    color: str
    dashed: bool


#: Edge styles by event type, from ``schema/event_types.tsv``. Fourteen colours cannot
#: all stay apart for colour-blind readers, so the dash is a second cue: verbal conflict
#: (CAMEO 10-13) is dashed, in Okabe & Ito's palette less its yellow; the rest is solid,
#: in Paul Tol's "muted" palette less its sand and pale cyan (both too pale for a thin
#: line on white), cool for cooperation. Within each group every two colours stay apart
#: under simulated protanopia, deuteranopia and tritanopia (tests/test_html_colours.py).
TYPE_STYLES = {t.type: TypeStyle(t.color, t.dashed) for t in TYPES.values()}
#: For an edge whose type is not in the table.
UNKNOWN_TYPE = TypeStyle("#999999", dashed=False)

#: Above this many nodes the layout is computed in Python and physics stays off.
PHYSICS_MAX_NODES = 400
#: Pixels per unit of the precomputed layout (its ideal edge length is 1).
LAYOUT_SCALE = 90.0
LAYOUTS = ("auto", "physics", "precomputed")


def node_size(degree: int) -> float:
    """Node radius in pixels for a weighted degree: logarithmic, 8 to 60."""
    return round(min(60.0, 8.0 + 6.0 * math.log2(1 + max(degree, 0))), 1)


def edge_width(count: int) -> float:
    """Edge width in pixels for a number of events: logarithmic, 1 to 10."""
    return round(min(10.0, 1.0 + 1.6 * math.log2(max(count, 1))), 2)


def dash_pattern(width: float) -> list[float]:
    """Dash and gap lengths in pixels for a dashed edge: longer as the line is wider."""
    return [round(6 + 1.5 * width, 1), round(4 + width, 1)]


def _vis_js() -> str:
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise DiplographError("pyvis is not installed: cannot write the HTML page")
    lib = Path(spec.origin).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no "<", ">", "&", U+2028 or U+2029."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def safe_url(url: str | None) -> str:
    """``url`` if it is an absolute http(s) URL with a host, else an empty string."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if any(c in url for c in "\x00\t\n\r\"'<> "):
        return ""
    return url


def _utf16(text: str, i: int) -> int:
    """A code-point offset as the UTF-16 offset JavaScript strings use."""
    head = text[:i]
    return i if head.isascii() else len(head.encode("utf-16-le")) // 2


def _check(g: nx.MultiDiGraph) -> None:
    if not g.is_multigraph() or not g.is_directed():
        raise DiplographError("html() takes the MultiDiGraph of kg.network() (one edge per "
                              "event), not an aggregated graph")
    for _, _, d in g.edges(data=True):
        if "type" not in d:
            raise DiplographError("html() needs event edges with a 'type' (use kg.network())")
        break


def _positions(g: nx.MultiDiGraph, seed: int = 0) -> dict[str, tuple[float, float]]:
    from diplograph.output.layout import force_layout

    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pos = force_layout(len(nodes), [(index[u], index[v]) for u, v in g.edges()], seed=seed)
    return {n: (round(float(pos[i, 0]) * LAYOUT_SCALE, 1),
                round(float(pos[i, 1]) * LAYOUT_SCALE, 1)) for i, n in enumerate(nodes)}


def page_data(g: nx.MultiDiGraph, layout: str = "auto") -> dict[str, Any]:
    """What the page draws: nodes, aggregated edges with their events, legend, layout.

    ``layout`` is "physics" (vis-network settles it, then stops), "precomputed"
    (positions from :mod:`diplograph.output.layout`, no physics) or "auto"
    (physics up to :data:`PHYSICS_MAX_NODES` nodes).
    """
    from pyvis.network import Edge, Network

    from diplograph.graph.network import aggregate_by_type

    _check(g)
    if layout not in LAYOUTS:
        raise DiplographError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    if layout == "auto":
        layout = "physics" if g.number_of_nodes() <= PHYSICS_MAX_NODES else "precomputed"
    agg = aggregate_by_type(g)
    events_out: Counter[str] = Counter()
    events_in: Counter[str] = Counter()
    for u, v, d in agg.edges(data=True):
        events_out[u] += d["count"]
        events_in[v] += d["count"]
    pos = _positions(g) if layout == "precomputed" else {}

    net = Network(directed=True, cdn_resources="remote")
    for n, d in g.nodes(data=True):
        kind = d.get("kind", "")
        extra: dict[str, Any] = {}
        if n in pos:
            extra = {"x": pos[n][0], "y": pos[n][1]}
        degree = events_out[n] + events_in[n]
        size = node_size(degree)
        net.add_node(str(n), label=str(d.get("label") or n), shape="dot",
                     color=KIND_COLORS.get(kind, "#999999"), size=size,
                     font={"size": round(11 + (size - 8) / 3.5, 1)}, degree=degree, kind=kind,
                     country=d.get("country", ""), wikidata=d.get("wikidata", ""),
                     iri=d.get("iri", ""), events_out=events_out[n], events_in=events_in[n],
                     **extra)

    articles: dict[str, int] = {}
    article_rows: list[dict[str, str]] = []
    edge_data: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, key, d in g.edges(keys=True, data=True):
        doc = d.get("article", "")
        if doc not in articles:
            articles[doc] = len(article_rows)
            article_rows.append({"id": doc, "headline": d.get("headline", ""),
                                 "url": safe_url(d.get("url"))})
        sentence = d.get("sentence", "")
        ms, me = d.get("mark_start", -1), d.get("mark_end", -1)
        edge_data.setdefault((u, v, d["type"]), {})[key] = {
            "date": d.get("date", ""), "speaker": d.get("speaker", ""), "sentence": sentence,
            "mark": [_utf16(sentence, ms), _utf16(sentence, me)] if 0 <= ms < me else None,
            "about": d.get("about", ""), "article": articles[doc]}

    # Parallel edges between a pair (either direction) bend by growing amounts;
    # a lone edge is straight. "curvedCW" bends u->v and v->u to opposite sides.
    per_pair: Counter[frozenset[str]] = Counter()
    for u, v, _ in agg.edges(keys=True):
        per_pair[frozenset((u, v))] += 1
    seen: Counter[tuple[str, str]] = Counter()
    node_ids = set(net.node_ids)
    type_counts: Counter[str] = Counter()
    for i, (u, v, typ, d) in enumerate(agg.edges(keys=True, data=True)):
        if u not in node_ids or v not in node_ids:
            raise DiplographError(f"edge {u} -> {v} names a node that is not in the graph")
        events = edge_data[(u, v, typ)]
        if per_pair[frozenset((u, v))] > 1 or u == v:
            smooth: Any = {"enabled": True, "type": "curvedCW",
                           "roundness": round(0.12 + 0.14 * seen[(u, v)], 2)}
        else:
            smooth = False
        seen[(u, v)] += 1
        type_counts[typ] += d["count"]
        style = TYPE_STYLES.get(typ, UNKNOWN_TYPE)
        width = edge_width(d["count"])
        # pyvis's add_edge scans its node list for both ends on every call
        # (quadratic on big graphs); the ends are checked above, so build the
        # pyvis Edge directly.
        net.edges.append(Edge(str(u), str(v), directed=True, id=f"e{i}", type=typ,
                              count=d["count"], width=width, first=d["first"],
                              last=d["last"], color=style.color,
                              dashes=dash_pattern(width) if style.dashed else False,
                              smooth=smooth,
                              events=[events[k] for k in d["events"]]).options)

    kinds_present = {d.get("kind", "") for _, d in g.nodes(data=True)}
    dates = sorted(d["date"] for _, _, d in g.edges(data=True) if d.get("date"))
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "articles": article_rows,
        "kinds": {k: KIND_COLORS[k] for k in ACTOR_KINDS if k in kinds_present},
        "types": {t: {"color": TYPE_STYLES[t].color, "dashed": TYPE_STYLES[t].dashed,
                      "events": type_counts[t]}
                  for t in EVENT_TYPES if type_counts[t]},
        "layout": layout,
        "dates": [dates[0], dates[-1]] if dates else [],
        "untargeted": g.graph.get("untargeted", 0),
    }


def render(g: nx.MultiDiGraph, title: str = "diplograph", layout: str = "auto") -> str:
    """The page as a string."""
    data = page_data(g, layout)
    template = (Path(__file__).parent / "page.html").read_text(encoding="utf-8")
    safe_title = (title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                  .replace('"', "&quot;"))
    parts = {"<!--TITLE-->": safe_title,
             "/*VIS_JS*/": _vis_js().replace("</script", "<\\/script"),
             "/*DATA*/": script_json(data)}
    missing = [m for m in parts if m not in template]
    if missing:
        raise DiplographError(f"page template lacks {', '.join(missing)}")
    # One pass over the template: text put in is never searched for markers.
    pattern = re.compile("|".join(re.escape(m) for m in parts))
    return pattern.sub(lambda m: parts[m.group(0)], template)


def html(g: nx.MultiDiGraph, path: str | Path, title: str = "diplograph",
         layout: str = "auto") -> Path:
    """Write the interactive page for a MultiDiGraph from ``kg.network()`` to ``path``.

    Writes that one file and nothing else (the folder is created if needed).
    """
    page = render(g, title, layout)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
