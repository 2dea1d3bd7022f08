"""Analytics behind `diplograph stats`: rankings, reciprocity, centrality, timelines, speakers."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

import diplograph as dg
from diplograph.graph import analytics as an
from diplograph.graph.network import aggregate, to_multidigraph
from test_network import CHN, DOJ, EVENTS, HUA, MFA, USA, ZHU, ev


@pytest.fixture
def g():
    return to_multidigraph(EVENTS)


def test_top_sources_and_targets_count_events(g):
    assert an.top_actors(g, "source", n=2) == [
        {"id": "chn", "actor": "China", "events": 2},
        {"id": "usa", "actor": "United States", "events": 2}]
    assert an.top_actors(g, "target", n=1) == [{"id": "usa", "actor": "United States",
                                                "events": 4}]
    assert an.top_actors(g, "source", types=["CHARGE"]) == [
        {"id": DOJ.id, "actor": DOJ.label, "events": 1}]
    with pytest.raises(ValueError):
        an.top_actors(g, "speaker")


def test_top_actors_by_type_covers_each_type_present(g):
    by_type = an.top_actors_by_type(g, "target")
    assert set(by_type) == {"ACCUSE", "PROTEST", "DEMAND", "CHARGE", "SUPPORT"}
    assert by_type["ACCUSE"] == [{"id": "usa", "actor": "United States", "events": 2},
                                 {"id": "chn", "actor": "China", "events": 1}]


def test_reciprocity_lists_mutual_dyads_with_both_directions(g):
    rows = an.reciprocity(g)
    assert rows == [{"a": "China", "b": "United States", "a_id": "chn", "b_id": "usa",
                     "a_to_b": 2, "b_to_a": 1, "by_type": {"ACCUSE": [2, 1]}}]
    # DEMAND is not in the disapprove family; with all types it counts
    rows = an.reciprocity(g, types=None)
    assert rows[0]["b_to_a"] == 2 and rows[0]["by_type"]["DEMAND"] == [0, 1]
    assert an.reciprocity(g, types=["SUPPORT"]) == []


def test_reciprocated_share_is_the_share_of_answered_directed_dyads(g):
    assert an.reciprocated_share(g) == pytest.approx(2 / 3)  # chn->usa, usa->chn; mfa->usa
    assert an.reciprocated_share(g, types=["SUPPORT"]) == 0.0


def test_pagerank_matches_networkx_reference():
    rng = nx.gnm_random_graph(60, 240, directed=True, seed=3)
    d = nx.DiGraph()
    d.add_nodes_from(rng.nodes)
    for i, (u, v) in enumerate(rng.edges):
        d.add_edge(u, v, weight=1 + i % 4)
    ours = an.pagerank(d)
    ref = _pagerank_python(d, weight="weight", tol=1e-12, max_iter=500)
    assert ours == pytest.approx(ref, abs=1e-6)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_centrality_has_degrees_pagerank_and_betweenness(g):
    rows = {r["id"]: r for r in an.centrality(g)}
    assert rows["usa"]["in_degree"] == 3 and rows["usa"]["in_events"] == 4
    assert rows["usa"]["out_degree"] == 1 and rows["usa"]["out_events"] == 2
    assert rows["person-zhu-hua"]["out_events"] == 0
    # usa lies on the paths gbr->chn and mfa->chn
    assert rows["usa"]["betweenness"] > 0 and rows["gbr"]["betweenness"] == 0
    ranked = an.centrality(g)
    assert [r["pagerank"] for r in ranked] == sorted((r["pagerank"] for r in ranked),
                                                     reverse=True)
    agg = aggregate(g)
    expected = nx.betweenness_centrality(agg)
    assert rows["chn"]["betweenness"] == pytest.approx(expected["chn"], abs=1e-6)


def test_timelines_count_events_per_month(g):
    tl = an.timelines(g)
    assert tl[("chn", "usa")] == {"2020-01": 1, "2020-03": 1}
    assert tl[("usa", "chn")] == {"2019-12": 1, "undated": 1}
    assert an.timelines(g, types=["DEMAND"]) == {("usa", "chn"): {"undated": 1}}


def test_speakers_are_grouped_by_the_state_they_speak_for():
    events = [*EVENTS, ev(MFA, "DENY", USA, speaker=HUA),
              ev(USA, "ACCUSE", CHN, speaker=ZHU)]
    assert an.speakers(events) == {"China": {"Hua Chunying": 2},
                                   "United States": {"Zhu Hua": 1}}


def test_summary_by_state_merges_governments():
    per_actor = an.summary(EVENTS, n_articles=2)
    by_state = an.summary(EVENTS, n_articles=2, by_state=True)
    assert per_actor["events"] == by_state["events"] == len(EVENTS)
    assert per_actor["untargeted"] == 1
    assert by_state["reciprocity"]["dyads"][0]["a_to_b"] == 3  # ministry's protest counts
    assert per_actor["reciprocity"]["dyads"][0]["a_to_b"] == 2
    assert by_state["actors"] < per_actor["actors"]
    json.dumps(per_actor)  # plain data


def test_betweenness_is_sampled_on_big_graphs(monkeypatch):
    monkeypatch.setattr(an, "BETWEENNESS_SAMPLE", 3)
    data = an.summary(EVENTS, n_articles=2)
    assert data["betweenness_sampled"] == 3


ARTICLE = ("Title: Quarrel\nDate: 2021-03-04\n\n"
           "Sweden condemned Belarus over the arrest of two journalists.\n\n"
           "Belarus accused Sweden of interference in its affairs.\n")


@pytest.fixture
def store(cli, tmp_path, store_dir):
    p = tmp_path / "quarrel.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", p, "--store", store_dir).exit_code == 0
    return store_dir


def test_stats_json_has_every_section(cli, store):
    res = cli("stats", "--format", "json", "--store", store)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    for key in ("top_sources", "top_targets", "top_sources_by_type", "top_targets_by_type",
                "reciprocity", "centrality", "timelines", "speakers"):
        assert key in data, key
    kg = dg.open(store, read_only=True)
    try:
        assert data == json.loads(json.dumps(kg.stats()))
    finally:
        kg.close()
    assert data["reciprocity"]["dyads"][0]["a"] in ("Belarus", "Sweden")
    assert data["timelines"][0]["months"] == {"2021-03": 1}


def test_stats_table_shows_reciprocity_and_centrality(cli, store):
    res = cli("stats", "--store", store)
    assert res.exit_code == 0, res.output
    assert "Belarus <-> Sweden" in res.output or "Sweden <-> Belarus" in res.output
    assert "pagerank" in res.output and "2021-03 1" in res.output


def test_stats_filters_by_type(cli, store):
    res = cli("stats", "--format", "json", "--type", "ACCUSE", "--store", store)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data["events_by_type"]) == {"ACCUSE"}
    assert data["reciprocity"]["dyads"] == []
