"""``diplograph query`` on an embedded store: prefixes, formats, parameters bound
safely, syntax errors on one line, a timeout that gives control back."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner, Result

import diplograph as dg
from conftest import store_events
from diplograph.cli import main
from diplograph.graph import iris
from diplograph.graph.sparql import bind_values, sparql_term
from diplograph.model import Actor, Article, Event

CHN = Actor(id="chn", label="China", kind="State", country="CHN", wikidata="Q148")
USA = Actor(id="usa", label="United States", kind="State", country="USA", wikidata="Q30")
SPOKESMAN = Actor(id="person-tao-lin", label="Tao Lin", kind="Person", country="CHN")

#: Values written to break out of a string literal or of the query around it.
EVIL = [
    'x" } UNION { ?s ?p ?o } #',
    "x' } UNION { ?s ?p ?o } #",
    'Tao Lin" ) || true || ("',
    '\\" } ; DROP ALL ; #',
    "\\u0022 } UNION { ?s ?p ?o } #",
    "\\\\u0022) } #",
    "\\U00000022 }",
    'line one\nline two """ \'\'\' \r',
    "<http://example.org/x> } UNION { ?s ?p ?o",
    "?s ?p ?o } #",
    "Tao Lin",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with one article written for these tests: one demand, voiced by a spokesman.

    The tests only read it (the injection test checks it is still whole)."""
    path = str(tmp_path_factory.mktemp("query") / "store")
    text = "Beijing urged Washington to drop the new tariffs at once, Tao Lin said."
    art = Article(id="tariff-note", text=text, headline="A note on tariffs", date="2022-05-06",
                  publisher="Test Wire", source="tariff-note.txt")
    ev = Event(doc="tariff-note", type="DEMAND", source=CHN, target=USA, speaker=SPOKESMAN,
               sentence=text, start=0, end=len(text), about="to drop the new tariffs",
               date="2022-05-06", confidence=0.9, trigger="urged", trigger_start=8)
    store_events(path, art, [ev])
    return path


def query(*args: str) -> Result:
    return CliRunner().invoke(main, ["query", *args], catch_exceptions=False)


def test_prefixes_are_predefined_and_all_graphs_are_the_default(store: str) -> None:
    res = query("SELECT ?t WHERE { ?e a dip:Demand ; dip:target/owl:sameAs ?t . "
                "?e prov:wasDerivedFrom/schema:headline ?h }", "--store", store, "--format", "csv")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["t", "http://www.wikidata.org/entity/Q30"]


def test_formats_csv_tsv_json_and_table(store: str) -> None:
    q = "SELECT ?who ?what WHERE { ?e dip:source/rdfs:label ?who ; dip:about ?what }"
    out = {f: query(q, "--store", store, "--format", f) for f in ("csv", "tsv", "json", "table")}
    assert all(r.exit_code == 0 for r in out.values())
    assert list(csv.reader(io.StringIO(out["csv"].output))) == \
        [["who", "what"], ["China", "to drop the new tariffs"]]
    assert out["tsv"].output == "who\twhat\nChina\tto drop the new tariffs\n"
    doc = json.loads(out["json"].output)
    assert doc["head"]["vars"] == ["who", "what"]
    assert doc["results"]["bindings"] == [
        {"who": {"type": "literal", "value": "China"},
         "what": {"type": "literal", "value": "to drop the new tariffs"}}]
    assert "China" in out["table"].output and "(1 row)" in out["table"].output


def test_ask_gives_true_or_false_and_sparql_json(store: str) -> None:
    res = query("ASK { ?s dip:demandsFrom ?o }", "--store", store, "--format", "json")
    assert json.loads(res.output) == {"head": {}, "boolean": True}
    assert query("ASK { ?s dip:accuses ?o }", "--store", store).output == "false\n"


def test_construct_gives_turtle_that_parses_back(store: str) -> None:
    res = query("CONSTRUCT { ?s dip:demandsFrom ?o } WHERE { ?s dip:demandsFrom ?o }",
                "--store", store, "--format", "ttl")
    assert res.exit_code == 0, res.output
    g = rdflib.Graph().parse(data=res.output, format="turtle")
    assert set(g) == {(rdflib.URIRef(iris.actor("chn")),
                       rdflib.URIRef("https://w3id.org/diplograph#demandsFrom"),
                       rdflib.URIRef(iris.actor("usa")))}


def test_describe_gives_turtle(store: str) -> None:
    res = query(f"DESCRIBE <{iris.article('tariff-note')}>", "--store", store)
    assert res.exit_code == 0
    g = rdflib.Graph().parse(data=res.output, format="turtle")
    assert (rdflib.URIRef(iris.article("tariff-note")), rdflib.RDFS.label,
            rdflib.Literal("A note on tariffs")) in g


def test_wrong_format_for_the_query_form_is_a_clear_error(store: str) -> None:
    res = query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--store", store, "--format", "ttl")
    assert res.exit_code == 1
    assert "Turtle output is for CONSTRUCT and DESCRIBE" in res.stderr
    res = query("CONSTRUCT WHERE { ?s dip:demandsFrom ?o }", "--store", store, "--format", "csv")
    assert res.exit_code == 1
    assert "use --format ttl" in res.stderr


def test_syntax_error_is_one_line_with_line_and_column(store: str) -> None:
    res = query("SELECT ?s WHERE {\n  ?s dip:source ?o .\n  FILTER (?o = ) }", "--store", store)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert re.search(r"SPARQL syntax error at line 3, column \d+", lines[0]), lines[0]
    assert "Traceback" not in res.output


def test_query_from_a_file_and_an_unknown_name(store: str, tmp_path: Path) -> None:
    rq = tmp_path / "mine.rq"
    rq.write_text("# my query\nSELECT (COUNT(*) AS ?n) WHERE { ?e a dip:Demand }\n")
    res = query(f"@{rq}", "--store", store, "--format", "csv")
    assert res.output.splitlines() == ["n", "1"]
    res = query("@" + str(tmp_path / "missing.rq"), "--store", store)
    assert res.exit_code == 1 and "no such query file" in res.stderr
    res = query("who-acused-whom", "--store", store)
    assert res.exit_code == 1 and "not a bundled query" in res.stderr


def test_param_binds_a_string_an_iri_and_a_prefixed_name(store: str) -> None:
    rows = {}
    for value in ("Tao Lin", iris.actor("person-tao-lin"), f"<{iris.actor('person-tao-lin')}>"):
        res = query("statements-by-speaker", "--store", store, "--param", f"speaker={value}",
                    "--format", "csv")
        assert res.exit_code == 0, res.output
        rows[value] = res.output
    assert len(set(rows.values())) == 1
    assert "to drop the new tariffs" in rows["Tao Lin"]
    res = query("accusations-against", "--store", store, "--param", "actor=wd:Q30")
    assert res.exit_code == 0 and "(0 rows)" in res.output


def test_param_naming_no_variable_of_the_query_is_refused(store: str) -> None:
    res = query("statements-by-speaker", "--store", store, "--param", "speakr=Tao Lin")
    assert res.exit_code == 1
    assert "no variable ?speakr" in res.stderr


@pytest.mark.parametrize("value", EVIL)
def test_param_value_cannot_break_out_of_the_query(store: str, value: str) -> None:
    # projected: pyoxigraph substitution; not projected: a VALUES block of escaped terms
    for q in ("SELECT ?v ?w WHERE { BIND(STR(?v) AS ?w) }",
              "SELECT ?w WHERE { BIND(STR(?v) AS ?w) }"):
        res = query(q, "--store", store, "--param", f"v={value}", "--format", "json")
        assert res.exit_code == 0, res.output
        rows = json.loads(res.output)["results"]["bindings"]
        assert [r["w"]["value"] for r in rows] == [value]
    res = query("statements-by-speaker", "--store", store, "--param", f"speaker={value}",
                "--format", "csv")
    assert res.exit_code == 0
    assert len(res.output.splitlines()) == (2 if value == "Tao Lin" else 1)
    kg = dg.open(store, read_only=True)
    try:
        assert len(kg.events()) == 1
    finally:
        kg.close()


@pytest.mark.parametrize("value", EVIL)
def test_bound_values_are_one_token_whatever_they_hold(value: str) -> None:
    q = "SELECT ?w WHERE { BIND(STR(?v) AS ?w) }"
    for term in (ox.Literal(value), ox.Literal(value, language="en-GB")):
        bound = bind_values(q, {"v": term})
        res = ox.Store().query(bound)
        assert [str(r["w"].value) for r in res] == [value]
        assert sparql_term(term) in bound


def test_timeout_stops_waiting_for_a_slow_query_with_one_line() -> None:
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    proc = subprocess.run([sys.executable, "-m", "diplograph.cli", "query", slow, "--store",
                           "memory:", "--timeout", "0.5"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr.strip().splitlines() == ["Error: query timed out after 0.5 s"]


def test_timeout_leaves_a_quick_query_alone(store: str) -> None:
    res = query("SELECT (COUNT(*) AS ?n) WHERE { ?e a dip:Demand }", "--store", store,
                "--timeout", "60", "--format", "csv")
    assert res.exit_code == 0 and res.output.splitlines() == ["n", "1"]


def _naive_unescape(text: str) -> str:
    """What an engine that decodes \\u escapes over the whole query text first sees."""
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


@pytest.mark.parametrize("value", EVIL)
def test_bound_values_survive_engines_that_decode_escapes_before_parsing(value: str) -> None:
    token = _naive_unescape(sparql_term(ox.Literal(value)))
    res = ox.Store().query(f"SELECT ?w WHERE {{ BIND({token} AS ?w) }}")
    assert [str(r["w"].value) for r in res] == [value]
