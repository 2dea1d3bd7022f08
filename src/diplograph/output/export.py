"""Exports: RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD), graph files for other
tools (GraphML, GEXF 1.2, CSV as two files: edges and nodes) and the HTML page.

The graph files hold ``kg.network()``: one node per actor, one edge per event,
with the columns of :data:`NODE_FIELDS` and :data:`EDGE_FIELDS`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.schema.namespaces import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

    from diplograph.graph.kg import Filters, GraphStore

Exporter = Callable[["GraphStore", Path, "Filters"], None]


def _rdf(fmt: ox.RdfFormat, quads: bool) -> Exporter:
    def write(kg: GraphStore, path: Path, flt: Filters) -> None:
        data = kg.quads(flt)
        items: list[ox.Quad] | list[ox.Triple]
        if quads:
            items = data
        else:
            items = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in data))
        prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
        with path.open("wb") as fh:
            ox.serialize(items, fh, format=fmt, prefixes=prefixes)

    return write


def _jsonld(kg: GraphStore, path: Path, flt: Filters) -> None:
    import rdflib

    data = kg.quads(flt)
    ds = rdflib.Dataset()
    nquads = ox.serialize(data, format=ox.RdfFormat.N_QUADS) or b""
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    for p, iri in PREFIXES.items():
        ds.bind(p, iri)
    path.write_text(ds.serialize(format="json-ld", indent=2), encoding="utf-8")


#: Node columns of the graph files (GraphML, GEXF, CSV), with their types.
NODE_FIELDS: dict[str, type] = {"label": str, "kind": str, "country": str, "wikidata": str,
                                "iri": str, "events_out": int, "events_in": int}
#: Edge columns of the graph files: one edge per event. ``event_type`` is the
#: event type (``type`` means directed/undirected to GEXF and Gephi).
EDGE_FIELDS: dict[str, type] = {"event_type": str, "date": str, "speaker": str,
                                "speaker_id": str, "about": str, "sentence": str, "trigger": str,
                                "article": str, "article_iri": str, "headline": str, "url": str,
                                "cameo": str, "plover": str, "mode": str, "confidence": float,
                                "iri": str}


def flat_graph(kg: GraphStore, flt: Filters) -> nx.MultiDiGraph:
    """``kg.network()`` with the columns of :data:`NODE_FIELDS` and :data:`EDGE_FIELDS`.

    Every value is a string, an int or a float (no None), as GraphML and GEXF
    need; edges stay keyed by the event IRI.
    """
    import networkx as nx

    g = kg.network(types=flt.types, actors=flt.actors, since=flt.since, until=flt.until,
                   articles=flt.articles)
    out = nx.MultiDiGraph()
    out.graph.update({k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))})
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: typ(d.get(k) or typ()) for k, typ in NODE_FIELDS.items()
                           if k not in ("events_out", "events_in")},
                     events_out=g.out_degree(n), events_in=g.in_degree(n))
    for u, v, key, d in g.edges(keys=True, data=True):
        row = {k: typ(d.get(k) or typ()) for k, typ in EDGE_FIELDS.items() if k != "event_type"}
        out.add_edge(u, v, key=key, event_type=d["type"], **row)
    return out


def _graphml(kg: GraphStore, path: Path, flt: Filters) -> None:
    import networkx as nx

    nx.write_graphml(flat_graph(kg, flt), path, edge_id_from_attribute=None)


GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_VIZ_NS = "http://www.gexf.net/1.2draft/viz"
_GEXF_TYPES = {str: "string", int: "integer", float: "double"}


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 for Gephi: typed node and edge attributes, one edge per event.

    Edges have the event IRI as id, the event type as label and weight 1;
    nodes are coloured by actor kind and sized by events, as on the HTML page.
    Gephi merges parallel edges on import unless told not to.
    """
    import math
    from xml.etree import ElementTree as ET

    from diplograph.output.html import KIND_COLORS

    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", GEXF_VIZ_NS)

    def q(tag: str, ns: str = GEXF_NS) -> str:
        return f"{{{ns}}}{tag}"

    def text(value: object) -> str:
        if isinstance(value, float):
            return repr(value) if math.isfinite(value) else "0.0"
        return str(value)

    root = ET.Element(q("gexf"), {"version": "1.2"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "diplograph"
    ET.SubElement(meta, q("description")).text = (
        "Actors and the events between them, one edge per event")
    graph = ET.SubElement(root, q("graph"), {"defaultedgetype": "directed", "mode": "static",
                                             "idtype": "string"})
    for cls, fields in (("node", NODE_FIELDS), ("edge", EDGE_FIELDS)):
        attrs = ET.SubElement(graph, q("attributes"), {"class": cls, "mode": "static"})
        for name, typ in fields.items():
            if cls == "node" and name == "label":
                continue
            ET.SubElement(attrs, q("attribute"), {"id": f"{cls[0]}-{name}", "title": name,
                                                  "type": _GEXF_TYPES[typ]})
    nodes = ET.SubElement(graph, q("nodes"))
    for n, d in g.nodes(data=True):
        node = ET.SubElement(nodes, q("node"), {"id": str(n), "label": str(d.get("label", n))})
        vals = ET.SubElement(node, q("attvalues"))
        for name in NODE_FIELDS:
            if name != "label":
                ET.SubElement(vals, q("attvalue"), {"for": f"n-{name}", "value": text(d[name])})
        color = KIND_COLORS.get(str(d.get("kind")), "#999999")
        ET.SubElement(node, q("color", GEXF_VIZ_NS), {
            "r": str(int(color[1:3], 16)), "g": str(int(color[3:5], 16)),
            "b": str(int(color[5:7], 16))})
        size = 4.0 + 3.0 * math.log2(1 + d["events_out"] + d["events_in"])
        ET.SubElement(node, q("size", GEXF_VIZ_NS), {"value": f"{size:.2f}"})
    edges = ET.SubElement(graph, q("edges"))
    for u, v, key, d in g.edges(keys=True, data=True):
        edge = ET.SubElement(edges, q("edge"), {"id": str(key), "source": str(u),
                                                "target": str(v), "label": d["event_type"],
                                                "weight": "1.0"})
        vals = ET.SubElement(edge, q("attvalues"))
        for name in EDGE_FIELDS:
            ET.SubElement(vals, q("attvalue"), {"for": f"e-{name}", "value": text(d[name])})
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _gexf(kg: GraphStore, path: Path, flt: Filters) -> None:
    write_gexf(flat_graph(kg, flt), path)


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """Where ``export --format csv -o PATH`` writes: (edges, nodes).

    The edges (one row per event) go to PATH itself, the nodes beside it,
    named like PATH with ``.nodes`` before the extension.
    """
    path = Path(path)
    return path, path.with_name(path.stem + ".nodes" + (path.suffix or ".csv"))


def _csv(kg: GraphStore, path: Path, flt: Filters) -> None:
    """Two files: edges (one row per event) at PATH, nodes at PATH.nodes.csv."""
    g = flat_graph(kg, flt)
    edges_path, nodes_path = csv_paths(path)
    with nodes_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", *NODE_FIELDS])
        for n, d in g.nodes(data=True):
            w.writerow([n, *(d[c] for c in NODE_FIELDS)])
    with edges_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", *EDGE_FIELDS])
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, *(d[c] for c in EDGE_FIELDS)])


def _html(kg: GraphStore, path: Path, flt: Filters) -> None:
    from diplograph.output.html import html

    g = kg.network(types=flt.types, actors=flt.actors, since=flt.since, until=flt.until,
                   articles=flt.articles)
    html(g, path)


#: Export formats by the name ``--format`` takes.
EXPORTERS: dict[str, Exporter] = {
    "ttl": _rdf(ox.RdfFormat.TURTLE, quads=False),
    "nt": _rdf(ox.RdfFormat.N_TRIPLES, quads=False),
    "nq": _rdf(ox.RdfFormat.N_QUADS, quads=True),
    "trig": _rdf(ox.RdfFormat.TRIG, quads=True),
    "jsonld": _jsonld,
    "graphml": _graphml,
    "gexf": _gexf,
    "csv": _csv,
    "html": _html,
}
_EXT = {".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld",
        ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv",
        ".html": "html", ".htm": "html"}


def format_for_path(path: str | Path) -> str:
    ext = Path(path).suffix.lower()
    if ext not in _EXT:
        raise DiplographError(f"{path}: cannot tell the export format from the extension; "
                              f"give --format ({', '.join(EXPORTERS)})")
    return _EXT[ext]


def export(kg: GraphStore, path: str | Path, fmt: str | None = None,
           flt: Filters | None = None) -> Path:
    """Write the store (or the filtered part of it) to ``path``."""
    from diplograph.graph.kg import Filters

    fmt = fmt or format_for_path(path)
    if fmt not in EXPORTERS:
        raise DiplographError(f"unknown export format {fmt!r}; known: {', '.join(EXPORTERS)}")
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    EXPORTERS[fmt](kg, path, flt or Filters())
    return path
