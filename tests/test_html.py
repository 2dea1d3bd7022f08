"""The HTML page through its data (the browser tests are in test_html_browser.py)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import diplograph as dg
from diplograph.errors import DiplographError
from diplograph.graph.network import aggregate, to_multidigraph
from diplograph.model import Actor, Event
from diplograph.output.html import (
    PHYSICS_MAX_NODES,
    TYPE_STYLES,
    edge_width,
    node_size,
    page_data,
    render,
    safe_url,
    script_json,
)
from diplograph.output.layout import force_layout
from test_network import ARTICLES, EVENTS

DATA_RE = re.compile(r'<script id="graph-data" type="application/json">(.*?)</script>', re.S)


def data_of(page: str) -> dict:
    (found,) = DATA_RE.findall(page)
    return json.loads(found)


@pytest.fixture
def g():
    return to_multidigraph(EVENTS, ARTICLES)


def test_script_json_cannot_close_the_script_element():
    nasty = {"s": "</script><script>alert(1)</script><!-- & \u2028\u2029"}
    text = script_json(nasty)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == nasty


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=c", True),
    ("http://example.org", True),
    ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False),
    ("data:text/html,<b>x</b>", False),
    ("//example.org/x", False),
    ("https://exa mple.org", False),
    ('https://example.org/"onmouseover=x', False),
    ("", False),
    (None, False),
])
def test_only_http_urls_become_links(url, ok):
    assert (safe_url(url) != "") is ok


def test_page_data_has_one_edge_per_source_type_target(g):
    data = page_data(g)
    assert len(data["nodes"]) == g.number_of_nodes()
    triples = {(u, v, d["type"]) for u, v, d in g.edges(data=True)}
    assert {(e["from"], e["to"], e["type"]) for e in data["edges"]} == triples
    assert len(data["edges"]) == len(triples)
    assert sum(e["count"] for e in data["edges"]) == g.number_of_edges()
    assert sum(len(e["events"]) for e in data["edges"]) == g.number_of_edges()
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


def test_page_data_carries_what_the_tooltip_shows(g):
    data = page_data(g)
    (acc,) = [e for e in data["edges"] if (e["from"], e["to"], e["type"]) ==
              ("chn", "usa", "ACCUSE")]
    first = acc["events"][0]
    assert first["date"] == "2020-01-05"
    s, (i, j) = first["sentence"], first["mark"]
    assert s[i:j] == "accused"
    art = data["articles"][first["article"]]
    assert art == {"id": "d1", "headline": "Story one", "url": "https://example.org/1"}
    assert [ev["date"] for ev in acc["events"]] == sorted(ev["date"] for ev in acc["events"])
    (protest,) = [e for e in data["edges"] if e["type"] == "PROTEST"]
    assert protest["events"][0]["speaker"] == "Hua Chunying"


def test_mark_offsets_count_utf16_units_as_javascript_does():
    chn, usa = Actor("chn", "China", "State"), Actor("usa", "United States", "State")
    sentence = "\U0001F600 Beijing accused Washington."
    e = Event(doc="d", type="ACCUSE", source=chn, target=usa, speaker=None, sentence=sentence,
              start=0, end=len(sentence), trigger="accused", trigger_start=10)
    (edge,) = page_data(to_multidigraph([e]))["edges"]
    i, j = edge["events"][0]["mark"]
    assert sentence.encode("utf-16-le")[2 * i:2 * j].decode("utf-16-le") == "accused"


def test_nodes_are_coloured_by_kind_and_sized_by_weighted_degree(g):
    data = page_data(g)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["chn"]["color"] == data["kinds"]["State"]
    assert nodes["person-zhu-hua"]["color"] == data["kinds"]["Person"]
    agg = aggregate(g)
    deg = dict(agg.degree(weight="count"))
    assert nodes["usa"]["degree"] == deg["usa"] == 6
    assert nodes["usa"]["size"] > nodes["chn"]["size"] > nodes["gbr"]["size"]
    assert set(data["types"]) == {"ACCUSE", "PROTEST", "DEMAND", "CHARGE", "SUPPORT"}


def test_edges_and_the_legend_take_each_types_colour_and_dash(g):
    data = page_data(g)
    for t, legend in data["types"].items():
        assert (legend["color"], legend["dashed"]) == TYPE_STYLES[t]
    dashed = set()
    for e in data["edges"]:
        style = TYPE_STYLES[e["type"]]
        assert e["color"] == style.color
        assert bool(e["dashes"]) is style.dashed
        if style.dashed:
            dashed.add(e["type"])
            assert len(e["dashes"]) == 2 and all(x > 0 for x in e["dashes"])
    assert dashed and dashed != set(data["types"])


def test_sizes_and_widths_grow_with_counts_and_are_capped():
    assert node_size(0) < node_size(1) < node_size(10) < node_size(100) <= 60
    assert edge_width(1) == 1.0 and edge_width(1) < edge_width(4) < edge_width(10**6) == 10


def test_parallel_edges_bend_apart_and_a_lone_edge_is_straight(g):
    data = page_data(g)
    smooth = {(e["from"], e["to"], e["type"]): e["smooth"] for e in data["edges"]}
    assert smooth[("gbr", "usa", "SUPPORT")] is False
    pair = [smooth[k] for k in smooth if {k[0], k[1]} == {"chn", "usa"}]
    assert len(pair) == 3 and all(p and p["type"] == "curvedCW" for p in pair)
    usa_chn = sorted(smooth[k]["roundness"] for k in smooth if k[:2] == ("usa", "chn"))
    assert usa_chn[0] < usa_chn[1]


def test_layout_is_physics_for_small_graphs_and_precomputed_for_big_ones(g):
    assert page_data(g)["layout"] == "physics"
    assert all("x" not in n for n in page_data(g)["nodes"])
    pre = page_data(g, layout="precomputed")
    assert pre["layout"] == "precomputed"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in pre["nodes"])
    actors = [Actor(f"a{i}", f"Actor {i}", "Group") for i in range(PHYSICS_MAX_NODES + 2)]
    ring = [Event(doc="d", type="CONSULT", source=a, target=b, speaker=None, sentence="x",
                  start=0, end=1) for a, b in itertools.pairwise(actors)]
    assert page_data(to_multidigraph(ring))["layout"] == "precomputed"
    with pytest.raises(DiplographError):
        page_data(g, layout="circle")


def test_force_layout_is_deterministic_and_keeps_clusters_apart():
    two = nx.disjoint_union(nx.gnm_random_graph(60, 200, seed=1),
                            nx.gnm_random_graph(60, 200, seed=2))
    two.add_edge(0, 90)
    edges = list(two.edges())
    pos = force_layout(120, edges, seed=5)
    assert np.array_equal(pos, force_layout(120, edges, seed=5))
    a, b = pos[:60], pos[60:]
    gap = np.linalg.norm(a.mean(axis=0) - b.mean(axis=0))
    assert gap > 2 * max(a.std(axis=0).max(), b.std(axis=0).max())
    linked = np.mean([np.linalg.norm(pos[u] - pos[v]) for u, v in edges])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 120, size=(500, 2))
    anywhere = np.mean([np.linalg.norm(pos[u] - pos[v]) for u, v in pairs])
    assert linked < anywhere


def test_text_put_into_the_page_is_never_read_as_a_marker(g):
    page = render(g, title='/*DATA*/ <b>"x"</b> /*VIS_JS*/')
    assert len(DATA_RE.findall(page)) == 1
    assert "<title>/*DATA*/ &lt;b&gt;&quot;x&quot;&lt;/b&gt; /*VIS_JS*/</title>" in page
    assert page.count("</script>") == 3
    assert data_of(page)["edges"]


def test_page_loads_nothing_from_elsewhere(g):
    page = render(g)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"?https?:", page)


def test_html_writes_the_one_file_asked_for(g, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = dg.output.html(g, tmp_path / "pages" / "g.html")
    assert out == tmp_path / "pages" / "g.html"
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]
    assert list(cwd.iterdir()) == []


def test_html_refuses_an_aggregated_graph(g, tmp_path):
    with pytest.raises(DiplographError, match="MultiDiGraph"):
        dg.output.html(aggregate(g), tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_html_command_applies_filters_and_title(cli, tmp_path, store_dir):
    text = ("Title: Quarrel\nDate: 2021-03-04\n\n"
            "Sweden condemned Belarus over the arrest of two journalists.\n\n"
            "Japan urged South Korea to respect the treaty.\n")
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    assert cli("ingest", tmp_path / "q.txt", "--store", store_dir).exit_code == 0
    out = tmp_path / "demands.html"
    res = cli("html", "-o", out, "--type", "DEMAND", "--title", "Demands <only>",
              "--layout", "precomputed", "--store", store_dir)
    assert res.exit_code == 0, res.output
    assert f"wrote {out}" in res.output
    page = out.read_text(encoding="utf-8")
    data = data_of(page)
    assert {e["type"] for e in data["edges"]} == {"DEMAND"}
    assert data["layout"] == "precomputed"
    assert "<title>Demands &lt;only&gt;</title>" in page
    kg = dg.open(store_dir, read_only=True)
    try:
        assert len(data["nodes"]) == kg.network(types="DEMAND").number_of_nodes()
    finally:
        kg.close()


def test_html_command_rejects_an_unknown_layout(cli, tmp_path, store_dir):
    res = cli("html", "-o", tmp_path / "x.html", "--layout", "circle", "--store", store_dir)
    assert res.exit_code == 2 and "circle" in res.output
    assert not Path(tmp_path / "x.html").exists()
