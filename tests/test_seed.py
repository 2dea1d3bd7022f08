"""The seed article, from page to queryable graph (read from ../shared/bench)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SEED_GOLD, SHARED

SCORER = SHARED / "bench" / "score.py"


@pytest.fixture(scope="module")
def seed_kg(tmp_path_factory):
    import diplograph as dg
    from conftest import SEED

    kg = dg.open(str(tmp_path_factory.mktemp("seed") / "store"))
    report = kg.ingest([str(SEED)])
    assert report.articles == 1 and report.failed == 0
    yield kg
    kg.close()


def test_seed_extraction_scores_at_least_090_strict(seed_path, tmp_path):
    out = tmp_path / "seed.jsonl"
    with out.open("w") as fh:
        subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", str(seed_path)],
                       stdout=fh, check=True)
    res = subprocess.run([sys.executable, str(SCORER), str(SEED_GOLD), str(out), "--show", "20"],
                         capture_output=True, text=True, check=True)
    last = res.stdout.strip().splitlines()[-1]
    strict = float(last.split()[0].split("=")[1])
    assert strict >= 0.90, res.stdout


def test_seed_charges_name_both_persons(seed_kg):
    rows = seed_kg.query("""
        SELECT ?label WHERE { ?e a dip:Charge ; dip:target ?p . ?p a dip:Person ; rdfs:label ?label }
    """).values()
    assert sorted({r["label"] for r in rows}) == ["Zhang Shilong", "Zhu Hua"]
    n = seed_kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dip:Charge }").rows[0][0]
    assert int(n.value) == 2


def test_seed_charges_say_what_with(seed_kg):
    rows = seed_kg.query("""
        SELECT ?who ?act WHERE { ?p dip:chargedWith ?act ; rdfs:label ?who }""").values()
    assert {r["who"] for r in rows} == {"Zhu Hua", "Zhang Shilong"}


def test_seed_hua_chunying_speaks_for_china(seed_kg):
    rows = seed_kg.query("""
        SELECT DISTINCT ?country WHERE {
          ?e dip:speaker ?p ; dip:source ?s . ?p rdfs:label "Hua Chunying" . ?s dip:country ?country }
    """).values()
    assert [r["country"] for r in rows] == ["CHN"]
    n = seed_kg.query("""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e dip:speaker ?p . ?p rdfs:label "Hua Chunying" }""").rows[0][0]
    assert int(n.value) >= 5  # "she said" statements count too


def test_seed_article_metadata(seed_kg):
    rows = seed_kg.query("""
        SELECT ?headline ?date ?publisher ?author WHERE {
          ?a a schema:NewsArticle ; schema:headline ?headline ; schema:datePublished ?date ;
             schema:publisher/schema:name ?publisher ; schema:author/schema:name ?author }
    """).values()
    assert rows == [{"headline": "US fabricated cyber espionage charges, Beijing says",
                     "date": "2018-12-22", "publisher": "China Daily", "author": "Zhou Jin"}]


def test_every_seed_event_keeps_its_sentence_and_offsets(seed_kg, seed_path):
    from diplograph.loaders.text import parse_text

    article = parse_text(seed_path.read_text(encoding="utf-8"), seed_path.stem)
    events = seed_kg.events(article=seed_path.stem)
    assert events
    for ev in events:
        assert article.text[ev.start : ev.end] == ev.sentence


def test_ingesting_twice_changes_nothing(seed_path, store_dir):
    import diplograph as dg

    kg = dg.open(store_dir)
    kg.ingest([str(seed_path)])
    before = sorted(str(q) for q in kg.backend.quads())
    report = kg.ingest([str(seed_path)])
    after = sorted(str(q) for q in kg.backend.quads())
    kg.close()
    assert report.unchanged == 1 and report.articles == 0
    assert before == after


def test_remove_leaves_only_reference_data(seed_path, cli, store_dir):
    from diplograph.graph import iris

    assert cli("ingest", seed_path, "--store", store_dir).exit_code == 0
    res = cli("remove", seed_path.stem, "--store", store_dir)
    assert res.exit_code == 0, res.output
    import diplograph as dg

    kg = dg.open(store_dir)
    holding = {g for g in kg.backend.graph_names() if any(True for _ in kg.backend.quads(g))}
    assert holding == {iris.ONTOLOGY_GRAPH, iris.REFERENCE_GRAPH, iris.META_GRAPH}
    kg.close()


def test_seed_store_validates(seed_path, cli, store_dir):
    assert cli("ingest", seed_path, "--store", store_dir).exit_code == 0
    res = cli("validate", "--store", store_dir)
    assert res.exit_code == 0, res.output
    assert "valid" in res.output
