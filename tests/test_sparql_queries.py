"""Every bundled query, run through ``diplograph query`` on the example corpus,
agrees with the same question answered in Python from ``kg.events()``.

The corpus (examples/*.txt) is ingested once for the module. The expected
answers are computed from the events, not written down, so the tests follow
the extractor; each test also checks that the corpus gives it something to
find, so none can pass on two empty sets.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph as dg
from diplograph.cli import main
from diplograph.graph import iris
from diplograph.graph.sparql import bundled_queries
from diplograph.model import Actor, Event

ROOT = Path(__file__).resolve().parent.parent
ACCUSATIONS = {"ACCUSE", "CRITICIZE", "PROTEST", "CHARGE"}
HOSTILE = ACCUSATIONS | {"THREATEN", "SANCTION"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("examples") / "store")
    kg = dg.open(path)
    try:
        report = kg.ingest(sorted(str(p) for p in (ROOT / "examples").glob("*.txt")))
    finally:
        kg.close()
    assert report.failed == 0, report.errors
    return path


@pytest.fixture(scope="module")
def events(store: str) -> list[Event]:
    kg = dg.open(store, read_only=True)
    try:
        return kg.events()
    finally:
        kg.close()


def run(store: str, name: str, *params: str) -> list[dict[str, str]]:
    """Rows of a bundled query, through the CLI, as CSV dicts."""
    args = ["query", name, "--store", store, "--format", "csv"]
    for p in params:
        args += ["--param", p]
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.output)))


def state_of(a: Actor) -> str:
    """The IRI an actor folds into: its state (dip:countryActor), or itself."""
    if a.kind != "State" and a.country:
        return iris.actor(a.country.lower())
    return iris.actor(a.id)


def need(items: object, what: str) -> None:
    if not items:
        pytest.fail(f"the example corpus has no {what} any more; the test has nothing to check")


# ------------------------------------------------------------------ the list


def test_query_list_names_every_bundled_query_with_its_parameters(store: str) -> None:
    res = CliRunner().invoke(main, ["query", "--list"])
    assert res.exit_code == 0
    bundled = bundled_queries()
    assert len(bundled) >= 10
    for name, bq in bundled.items():
        assert name in res.output
        assert bq.title and bq.title in res.output
        for pname in bq.params:
            assert f"--param {pname}=" in res.output


def test_every_bundled_query_has_a_header_an_example_and_a_test() -> None:
    tested = {name.replace("_", "-") for name in globals() if name.startswith("test_")}
    for name, bq in bundled_queries().items():
        text = bq.text
        assert bq.description, f"{name}: the header explains nothing beyond its title"
        assert "# Parameters:" in text, f"{name}: no Parameters line"
        assert f"# Example: diplograph query {name}" in text, f"{name}: no example"
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        for pname in bq.params:
            assert f"?{pname}" in body, f"{name}: ?{pname} is described but not used"
        assert any(name in t for t in tested), f"{name}: no test named after it"


# ------------------------------------------------------------- the queries


def test_who_accused_whom_counts_accusations_per_pair(store: str, events: list[Event]) -> None:
    want = Counter((e.source.label, e.target.label) for e in events
                   if e.type in ACCUSATIONS and e.target is not None)
    need(want, "accusations")
    rows = run(store, "who-accused-whom")
    assert {(r["source"], r["target"]): int(r["events"]) for r in rows} == dict(want)
    counts = [int(r["events"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_accusations_against_finds_the_actor_and_its_officials(store: str,
                                                                events: list[Event]) -> None:
    accused = Counter(state_of(e.target) for e in events
                      if e.type in ACCUSATIONS and e.target is not None)
    need(accused, "accusations with a target")
    actor_iri = accused.most_common(1)[0][0]
    want = {(e.type, e.source.label, e.target.label, e.doc) for e in events
            if e.type in ACCUSATIONS and e.target is not None
            and (iris.actor(e.target.id) == actor_iri or state_of(e.target) == actor_iri)}
    rows = run(store, "accusations-against", f"actor=<{actor_iri}>")
    assert {(r["type"], r["accuser"], r["target"], r["article"]) for r in rows} == want
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_accusations_against_matches_names_in_any_case_codes_and_wikidata(
        store: str, events: list[Event]) -> None:
    states = [e.target for e in events if e.type in ACCUSATIONS and e.target is not None
              and e.target.kind == "State" and e.target.wikidata]
    need(states, "accusations against a state with a Wikidata id")
    state = states[0]
    by_iri = run(store, "accusations-against", f"actor=<{iris.actor(state.id)}>")
    assert by_iri
    for value in (state.label.upper(), state.label.lower(), state.id.upper(),
                  f"wd:{state.wikidata}"):
        assert run(store, "accusations-against", f"actor={value}") == by_iri, value
    assert run(store, "accusations-against", "actor=Atlantis") == []


def test_statements_by_speaker_lists_what_the_person_voiced(store: str,
                                                             events: list[Event]) -> None:
    speakers = Counter(e.speaker.label for e in events if e.speaker is not None)
    need(speakers, "events with a speaker")
    name = speakers.most_common(1)[0][0]
    want = {(e.type, e.source.label, e.doc) for e in events
            if e.speaker is not None and e.speaker.label == name}
    rows = run(store, "statements-by-speaker", f"speaker={name.lower()}")
    assert {(r["type"], r["source"], r["article"]) for r in rows} == want
    assert {r["person"] for r in rows} == {name}
    everyone = run(store, "statements-by-speaker")
    assert {r["person"] for r in everyone} == set(speakers)


def test_dyad_timeline_gives_both_directions_in_date_order(store: str,
                                                           events: list[Event]) -> None:
    pairs = Counter(frozenset((state_of(e.source), state_of(e.target))) for e in events
                    if e.target is not None and state_of(e.source) != state_of(e.target))
    both_ways = [p for p in pairs if len({(state_of(e.source), state_of(e.target))
                                          for e in events if e.target is not None
                                          and frozenset((state_of(e.source),
                                                         state_of(e.target))) == p}) == 2]
    need(both_ways, "pair of actors acting on each other")
    a, b = sorted(both_ways[0])
    want = {(e.type, e.source.label, e.target.label, e.doc) for e in events
            if e.target is not None and {state_of(e.source), state_of(e.target)} == {a, b}}
    rows = run(store, "dyad-timeline", f"a=<{a}>", f"b=<{b}>")
    assert {(r["type"], r["source"], r["target"], r["article"]) for r in rows} == want
    assert run(store, "dyad-timeline", f"a=<{b}>", f"b=<{a}>") == rows
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_mutual_accusations_pairs_states_hostile_to_each_other(store: str,
                                                               events: list[Event]) -> None:
    directed = Counter()
    for e in {iris.event(e): e for e in events}.values():
        if e.type in HOSTILE and e.target is not None:
            directed[(state_of(e.source), state_of(e.target))] += 1
    want = {frozenset((x, y)): {x: n, y: directed[(y, x)]} for (x, y), n in directed.items()
            if x != y and directed[(y, x)]}
    need(want, "pair of actors hostile to each other")
    kg = dg.open(store, read_only=True)
    try:
        label = {iris.actor(a.id): a.label for a in kg._actors().values()}
    finally:
        kg.close()
    rows = run(store, "mutual-accusations")
    got = {frozenset((r["a"], r["b"])): (int(r["aToB"]), int(r["bToA"])) for r in rows}
    expect = {}
    for pair, counts in want.items():
        x, y = sorted(pair, key=lambda i: i)
        expect[frozenset((label.get(x, x), label.get(y, y)))] = (counts[x], counts[y])
    assert set(got) == set(expect)
    for r in rows:
        pair = frozenset((r["a"], r["b"]))
        assert sorted((int(r["aToB"]), int(r["bToA"]))) == sorted(expect[pair])


def test_persons_charged_names_people_and_the_act(store: str, events: list[Event]) -> None:
    want = {(e.target.label, e.source.label, e.about or "", e.doc) for e in events
            if e.type == "CHARGE" and e.target is not None
            and e.target.kind in ("Person", "Group")}
    need(want, "charges against people")
    rows = run(store, "persons-charged")
    assert {(r["person"], r["chargedBy"], r["act"], r["article"]) for r in rows} == want


def test_denials_of_accusations_pair_a_denial_with_what_it_answers(
        store: str, events: list[Event]) -> None:
    want = {(d.source.label, e.source.label, e.type, d.doc) for d in events if d.type == "DENY"
            for e in events if e.doc == d.doc and e.target is not None
            and e.type in ACCUSATIONS | {"SANCTION"} and state_of(e.target) == state_of(d.source)}
    need(want, "denial answering an accusation")
    rows = run(store, "denials-of-accusations")
    assert {(r["denier"], r["accuser"], r["accusation"], r["article"]) for r in rows} == want


def test_demands_lists_every_demand_and_whom_it_was_made_of(store: str,
                                                            events: list[Event]) -> None:
    want = {(e.source.label, e.target.label if e.target else "", e.about or "", e.doc)
            for e in events if e.type == "DEMAND"}
    need(want, "demands")
    rows = run(store, "demands")
    assert {(r["demander"], r["madeOf"], r["what"], r["article"]) for r in rows} == want


def test_article_events_gives_one_article_in_text_order(store: str,
                                                        events: list[Event]) -> None:
    docs = Counter(e.doc for e in events)
    need(docs, "articles with events")
    doc = docs.most_common(1)[0][0]
    mine = sorted((e for e in {iris.event(e): e for e in events}.values() if e.doc == doc),
                  key=lambda e: e.start)
    rows = run(store, "article-events", f"article={doc}")
    assert {r["doc"] for r in rows} == {doc}
    assert Counter((r["type"], r["source"]) for r in rows) == \
        Counter((e.type, e.source.label) for e in mine)
    starts = [int(r["start"]) for r in rows]
    assert starts == sorted(starts)
    assert run(store, "article-events", f"article={iris.article(doc)}") == rows


def test_actors_without_wikidata_are_exactly_the_unlinked_ones(store: str,
                                                               events: list[Event]) -> None:
    actors = {iris.actor(a.id): a for e in events for a in (e.source, e.target, e.speaker)
              if a is not None}
    want = {i for i, a in actors.items() if not a.wikidata}
    need(want, "actors without a Wikidata link")
    assert any(a.wikidata for a in actors.values())
    rows = run(store, "actors-without-wikidata")
    assert {r["iri"] for r in rows} == want
    counts = [int(r["events"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
