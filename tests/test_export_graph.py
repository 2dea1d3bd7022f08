"""Graph files for other tools: GraphML, GEXF 1.2 (checked against a schema), CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

import diplograph as dg
from diplograph.output.export import EDGE_FIELDS, NODE_FIELDS, csv_paths

GEXF_XSD = Path(__file__).parent / "data" / "gexf-1.2" / "gexf.xsd"
NS = {"g": "http://www.gexf.net/1.2draft"}

ARTICLE = ("Title: A quarrel & a \"deal\"\nDate: 2021-03-04\nURL: https://example.org/q\n\n"
           "Sweden condemned Belarus over the arrest of two journalists.\n\n"
           "Belarus accused Sweden of interference in its affairs.\n\n"
           "Japan urged South Korea to respect the 1965 treaty.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exp")
    (folder / "quarrel.txt").write_text(ARTICLE, encoding="utf-8")
    location = str(folder / "store")
    kg = dg.open(location)
    assert kg.ingest([str(folder / "quarrel.txt")]).articles == 1
    kg.close()
    return location


@pytest.fixture(scope="module")
def network(store):
    kg = dg.open(store, read_only=True)
    try:
        yield kg.network()
    finally:
        kg.close()


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(GEXF_XSD)))


def export(cli, store, path, *args):
    res = cli("export", "-o", path, "--store", store, *args)
    assert res.exit_code == 0, res.output
    return path


def test_gexf_validates_against_the_gexf_1_2_schema(cli, store, schema, network, tmp_path):
    path = export(cli, store, tmp_path / "g.gexf")
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    assert len(doc.findall(".//g:node", NS)) == network.number_of_nodes()
    assert len(doc.findall(".//g:edge", NS)) == network.number_of_edges() >= 3


def test_gexf_attvalues_name_declared_attributes_and_parse_as_their_type(cli, store,
                                                                         tmp_path):
    doc = etree.parse(str(export(cli, store, tmp_path / "g.gexf")))
    parse = {"string": str, "integer": int, "double": float}
    for cls in ("node", "edge"):
        declared = {a.get("id"): a.get("type") for a in
                    doc.findall(f".//g:attributes[@class='{cls}']/g:attribute", NS)}
        assert declared
        for av in doc.findall(f".//g:{cls}/g:attvalues/g:attvalue", NS):
            assert av.get("for") in declared
            parse[declared[av.get("for")]](av.get("value"))


def test_gexf_edges_are_events_labelled_by_type(cli, store, network, tmp_path):
    g = nx.read_gexf(export(cli, store, tmp_path / "g.gexf"))
    assert g.number_of_edges() == network.number_of_edges()
    ours = {(u, v, d["type"]) for u, v, d in network.edges(data=True)}
    theirs = {(u, v, d["label"]) for u, v, d in g.edges(data=True)}
    assert theirs == ours
    assert {d["event_type"] for _, _, d in g.edges(data=True)} == {t for _, _, t in ours}
    headline = {d["headline"] for _, _, d in g.edges(data=True)}
    assert headline == {'A quarrel & a "deal"'}


def test_schema_rejects_an_event_type_in_the_gexf_edge_type(schema, network, tmp_path):
    """networkx's own writer puts an edge's 'type' attribute into GEXF's edge type."""
    path = tmp_path / "nx.gexf"
    nx.write_gexf(network, path)
    assert not schema.validate(etree.parse(str(path)))
    assert "type" in str(schema.error_log)


def test_schema_rejects_an_edge_to_an_unknown_node(cli, store, schema, tmp_path):
    doc = etree.parse(str(export(cli, store, tmp_path / "g.gexf")))
    doc.find(".//g:edge", NS).set("target", "nobody")
    assert not schema.validate(doc)


def test_graphml_round_trips_nodes_edges_and_attributes(cli, store, network, tmp_path):
    g = nx.read_graphml(export(cli, store, tmp_path / "g.graphml"), force_multigraph=True)
    assert sorted(g.nodes) == sorted(network.nodes)
    assert g.number_of_edges() == network.number_of_edges()
    for u, v, key, d in network.edges(keys=True, data=True):
        theirs = g.edges[u, v, key]
        assert theirs["event_type"] == d["type"] and theirs["sentence"] == d["sentence"]
        assert theirs["iri"] == key and theirs["confidence"] == pytest.approx(d["confidence"])
    n = next(iter(network.nodes))
    assert {k: g.nodes[n][k] for k in ("label", "kind", "iri")} == \
        {k: network.nodes[n][k] for k in ("label", "kind", "iri")}
    assert g.nodes[n]["events_out"] == network.out_degree(n)


def test_csv_is_two_files_nodes_and_edges(cli, store, network, tmp_path):
    path = tmp_path / "g.csv"
    res = cli("export", "-o", path, "--store", store)
    assert res.exit_code == 0, res.output
    edges_path, nodes_path = csv_paths(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "g.nodes.csv"]
    with nodes_path.open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with edges_path.open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0]) == ["id", *NODE_FIELDS]
    assert list(edges[0]) == ["source", "target", *EDGE_FIELDS]
    assert {r["id"] for r in nodes} == set(network.nodes)
    assert len(edges) == network.number_of_edges()
    assert {(r["source"], r["target"], r["event_type"]) for r in edges} == \
        {(u, v, d["type"]) for u, v, d in network.edges(data=True)}
    assert all(r["url"] == "https://example.org/q" for r in edges)


def test_graph_files_honour_filters(cli, store, tmp_path):
    path = export(cli, store, tmp_path / "d.csv", "--type", "DEMAND")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and {r["event_type"] for r in rows} == {"DEMAND"}
    g = nx.read_graphml(export(cli, store, tmp_path / "d.graphml", "--actor", "Japan"))
    assert g.number_of_edges() >= 1
    assert all("jpn" in (u, v) for u, v in g.edges())
