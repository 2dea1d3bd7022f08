"""The networkx view: one edge per event, the aggregated views, and kg.network() filters."""

from __future__ import annotations

import pytest

import diplograph as dg
from diplograph.graph import iris
from diplograph.graph.network import (
    aggregate,
    aggregate_by_type,
    collapse_states,
    to_multidigraph,
    trigger_span,
)
from diplograph.model import Actor, Event

CHN = Actor("chn", "China", "State", "CHN", "Q148")
USA = Actor("usa", "United States", "State", "USA", "Q30")
GBR = Actor("gbr", "United Kingdom", "State", "GBR", "Q145")
MFA = Actor("chn-foreign-ministry", "China Ministry of Foreign Affairs", "GovernmentBody", "CHN")
HUA = Actor("person-hua-chunying", "Hua Chunying", "Person", "CHN")
DOJ = Actor("usa-justice-department", "US Department of Justice", "GovernmentBody", "USA")
ZHU = Actor("person-zhu-hua", "Zhu Hua", "Person", "CHN")


def ev(src, typ, tgt, date="2020-01-05", doc="d1", speaker=None, sentence=None, trigger=None,
       start=0):
    sentence = sentence or f"{src.label} did {typ.lower()} to {tgt.label if tgt else 'nobody'}."
    return Event(doc=doc, type=typ, source=src, target=tgt, speaker=speaker, sentence=sentence,
                 start=start, end=start + len(sentence), date=date, trigger=trigger,
                 trigger_start=start + sentence.find(trigger) if trigger else None)


EVENTS = [
    ev(CHN, "ACCUSE", USA, "2020-01-05", sentence="China accused the US of spying.",
       trigger="accused"),
    ev(CHN, "ACCUSE", USA, "2020-03-01", doc="d2"),
    ev(MFA, "PROTEST", USA, "2020-02-10", speaker=HUA),
    ev(USA, "ACCUSE", CHN, "2019-12-30"),
    ev(USA, "DEMAND", CHN, ""),
    ev(DOJ, "CHARGE", ZHU, "2018-12-20"),
    ev(GBR, "SUPPORT", USA, "2020-02-01"),
    ev(CHN, "THREATEN", None, "2020-02-02"),
]
ARTICLES = {"d1": {"headline": "Story one", "url": "https://example.org/1"},
            "d2": {"headline": "Story two", "url": None}}


@pytest.fixture
def g():
    return to_multidigraph(EVENTS, ARTICLES)


def test_one_edge_per_event_keyed_by_its_iri(g):
    assert g.number_of_edges() == len([e for e in EVENTS if e.target is not None])
    assert set(g.nodes) == {"chn", "usa", "gbr", "chn-foreign-ministry",
                            "usa-justice-department", "person-zhu-hua"}
    key = iris.event(EVENTS[0])
    data = g.edges["chn", "usa", key]
    assert data["type"] == "ACCUSE" and data["date"] == "2020-01-05"
    assert data["sentence"] == "China accused the US of spying."
    assert data["article"] == "d1" and data["iri"] == key
    assert data["article_iri"] == iris.article("d1")
    assert data["headline"] == "Story one" and data["url"] == "https://example.org/1"
    assert data["sentence"][data["mark_start"]:data["mark_end"]] == "accused"


def test_event_edge_names_its_speaker(g):
    (data,) = [d for _, _, d in g.edges(data=True) if d["type"] == "PROTEST"]
    assert data["speaker"] == "Hua Chunying" and data["speaker_id"] == HUA.id


def test_nodes_carry_actor_attributes(g):
    assert g.nodes["chn"] == {"label": "China", "kind": "State", "country": "CHN",
                              "wikidata": "Q148", "iri": iris.actor("chn")}


def test_events_without_a_target_are_counted_not_drawn(g):
    assert g.graph == {"events": len(EVENTS), "untargeted": 1}
    assert all(d["type"] != "THREATEN" for _, _, d in g.edges(data=True))


def test_aggregate_has_one_edge_per_pair_with_type_breakdown(g):
    agg = aggregate(g)
    assert agg.number_of_edges() == 5
    e = agg.edges["chn", "usa"]
    assert e["count"] == e["weight"] == 2
    assert (e["first"], e["last"]) == ("2020-01-05", "2020-03-01")
    assert e["types"] == {"ACCUSE": {"count": 2, "first": "2020-01-05", "last": "2020-03-01"}}
    back = agg.edges["usa", "chn"]
    assert back["count"] == 2 and set(back["types"]) == {"ACCUSE", "DEMAND"}
    assert back["types"]["DEMAND"] == {"count": 1, "first": "", "last": ""}
    assert (back["first"], back["last"]) == ("2019-12-30", "2019-12-30")
    assert set(agg.nodes) == set(g.nodes)


def test_aggregate_restricted_to_one_type_is_that_types_network(g):
    acc = aggregate(g, types=["accuse"])
    assert sorted(acc.edges) == [("chn", "usa"), ("usa", "chn")]
    assert acc.edges["usa", "chn"]["count"] == 1


def test_aggregate_by_type_keeps_one_edge_per_source_type_target(g):
    by_type = aggregate_by_type(g)
    keys = sorted(by_type.edges(keys=True))
    assert keys == sorted([("chn", "usa", "ACCUSE"), ("chn-foreign-ministry", "usa", "PROTEST"),
                           ("usa", "chn", "ACCUSE"), ("usa", "chn", "DEMAND"),
                           ("usa-justice-department", "person-zhu-hua", "CHARGE"),
                           ("gbr", "usa", "SUPPORT")])
    e = by_type.edges["chn", "usa", "ACCUSE"]
    assert e["count"] == 2 and e["events"] == [iris.event(EVENTS[0]), iris.event(EVENTS[1])]


def test_collapse_states_merges_governments_into_their_state(g):
    s = collapse_states(g)
    assert "chn-foreign-ministry" not in s and "usa-justice-department" not in s
    assert s.nodes["chn"]["label"] == "China"
    assert s.number_of_edges("chn", "usa") == 3
    assert s.has_edge("usa", "person-zhu-hua")  # persons stay themselves


def test_trigger_span_falls_back_to_search_when_offsets_disagree():
    e = ev(CHN, "ACCUSE", USA, sentence="Beijing Accused Washington.", trigger="accused")
    moved = Event(**{**e.__dict__, "trigger_start": 999})
    assert trigger_span(moved) == (8, 15)
    assert trigger_span(ev(CHN, "ACCUSE", USA)) == (-1, -1)


TEXT = ("Title: Two quarrels\nDate: 2021-03-04\n\n"
        "Sweden condemned Belarus over the arrest of two journalists.\n\n"
        "Belarus accused Sweden of interference.\n\n"
        "Japan urged South Korea to respect the treaty.\n")
LATER = "Title: Later\nDate: 2022-06-01\n\nFrance urged Russia to free the prisoners.\n"


@pytest.fixture(scope="module")
def small_kg(tmp_path_factory):
    folder = tmp_path_factory.mktemp("net")
    (folder / "quarrels.txt").write_text(TEXT, encoding="utf-8")
    (folder / "later.txt").write_text(LATER, encoding="utf-8")
    kg = dg.open("memory:")
    report = kg.ingest([str(folder)])
    assert report.articles == 2, report.errors
    yield kg
    kg.close()


def test_kg_network_edges_match_the_stored_events(small_kg):
    g = small_kg.network()
    events = [e for e in small_kg.events() if e.target is not None]
    assert g.number_of_edges() == len(events) >= 4
    assert {(u, v, d["type"]) for u, v, d in g.edges(data=True)} == \
        {(e.source.id, e.target.id, e.type) for e in events}
    for _, _, d in g.edges(data=True):
        assert d["iri"].startswith(iris.BASE + "event/") and d["sentence"] and d["article"]


@pytest.mark.parametrize(("kwargs", "check"), [
    ({"types": "DEMAND"}, lambda d, u, v: d["type"] == "DEMAND"),
    ({"types": ["criticize", "ACCUSE"]}, lambda d, u, v: d["type"] in ("CRITICIZE", "ACCUSE")),
    ({"actors": "Sweden"}, lambda d, u, v: "swe" in (u, v)),
    ({"since": "2022-01-01"}, lambda d, u, v: d["date"] >= "2022-01-01"),
    ({"until": "2021-12-31"}, lambda d, u, v: d["date"] <= "2021-12-31"),
    ({"articles": ["later"]}, lambda d, u, v: d["article"] == "later"),
])
def test_kg_network_filters_like_export(small_kg, kwargs, check):
    full = small_kg.network()
    g = small_kg.network(**kwargs)
    assert 0 < g.number_of_edges() < full.number_of_edges()
    assert all(check(d, u, v) for u, v, d in g.edges(data=True))
    kept = sum(1 for u, v, d in full.edges(data=True) if check(d, u, v))
    assert g.number_of_edges() == kept
