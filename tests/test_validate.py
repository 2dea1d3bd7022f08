"""``diplograph validate``: SHACL validation of the store against schema/shapes.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph as dg
from diplograph.cli import main
from diplograph.errors import ValidationFailed
from diplograph.graph import iris
from diplograph.model import Actor, Article, Event

IND = Actor(id="ind", label="India", kind="State", country="IND", wikidata="Q668")
PAK = Actor(id="pak", label="Pakistan", kind="State", country="PAK", wikidata="Q843")
TEXT = ("New Delhi accused Islamabad of shelling border posts overnight. "
        "Islamabad denied it had fired first.")


def events() -> list[Event]:
    first = TEXT.index(".") + 1
    return [
        Event(doc="border-note", type="ACCUSE", source=IND, target=PAK, speaker=None,
              sentence=TEXT[:first], start=0, end=first, about="shelling border posts",
              date="2019-03-01", confidence=0.8, trigger="accused", trigger_start=10),
        Event(doc="border-note", type="DENY", source=PAK, target=None, speaker=None,
              sentence=TEXT[first + 1:], start=first + 1, end=len(TEXT),
              date="2019-03-01", confidence=0.7, trigger="denied", trigger_start=first + 11),
    ]


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "store")
    art = Article(id="border-note", text=TEXT, headline="Border note", date="2019-03-01")
    kg = dg.open(path)
    try:
        kg.add_extracted([(art, events())])
    finally:
        kg.close()
    return path


def test_a_store_built_by_diplograph_is_valid(store: str) -> None:
    res = CliRunner().invoke(main, ["validate", "--store", store])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("valid: ") and "conform to the shapes" in res.output


def test_an_event_without_source_fails_and_is_named(store: str) -> None:
    broken = iris.event(events()[0])
    kg = dg.open(store)
    try:
        kg.backend.update(f"DELETE WHERE {{ GRAPH ?g {{ <{broken}> dip:source ?s }} }}")
    finally:
        kg.close()

    res = CliRunner().invoke(main, ["validate", "--store", store])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert lines[-1] == "Error: 1 violation of the shapes"
    assert lines[0] == (f"violation: {broken} (India accuses Pakistan): dip:source: "
                        "an event needs exactly one source actor")
    assert "Traceback" not in res.output

    kg = dg.open(store, read_only=True)
    try:
        report = kg.validate()
    finally:
        kg.close()
    assert not report.conforms
    assert [(v.focus, v.path) for v in report.violations] == [(broken, "dip:source")]

    kg = dg.open(store, read_only=True)
    try:
        with pytest.raises(ValidationFailed, match=r"^1 violation of the shapes$") as failed:
            kg.validate(strict=True)
    finally:
        kg.close()
    assert failed.value.report.violations == report.violations


def test_validate_shows_at_most_max_violations(store: str) -> None:
    kg = dg.open(store)
    try:
        kg.backend.update("DELETE WHERE { GRAPH ?g { ?e dip:sentence ?s } }")
    finally:
        kg.close()
    res = CliRunner().invoke(main, ["validate", "--store", store, "--max", "1"])
    assert res.exit_code == 1
    err = res.stderr.strip().splitlines()
    assert err[0].startswith("violation: ") and "keeps the sentence" in err[0]
    assert err[1] == "... and 1 more"
    assert err[2] == "Error: 2 violations of the shapes"


def test_one_name_in_two_states_is_two_persons_and_the_store_stays_valid(tmp_path: Path) -> None:
    texts = {
        "chile": "Title: Chile\nDate: 2021-05-02\n\nChilean police arrested opposition "
                 "lawmaker Ana Rojas on Monday.\n",
        "peru": "Title: Peru\nDate: 2021-05-03\n\nPeruvian police arrested Ana Rojas, a "
                "Peruvian activist, on Tuesday.\n",
        "nobody": "Title: Elsewhere\nDate: 2021-05-04\n\nThe court charged Ana Rojas with "
                  "fraud, the newspaper said.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    with dg.open(str(tmp_path / "store")) as kg:
        kg.ingest([str(tmp_path / f"{n}.txt") for n in texts])
        rows = kg.query("SELECT DISTINCT ?p ?c WHERE { ?e dip:target ?p . ?p rdfs:label "
                        "\"Ana Rojas\" OPTIONAL { ?p dip:country ?c } }").rows
        persons = {r[0].value: r[1].value if r[1] else None for r in rows}
        assert len(persons) == len(set(persons)) >= 2
        assert kg.validate().conforms
