"""The command line: exit codes, one-line errors, and effects checked through the library."""

from __future__ import annotations

import json

import diplograph as dg
from conftest import EXAMPLES

ARTICLE = ("Title: Test\nDate: 2021-03-04\nPublisher: Test Wire\n\n"
           "Sweden condemned the arrest of two journalists by Belarusian police.\n\n"
           "The Swedish foreign minister urged Minsk to release them at once.\n")


def write_article(tmp_path, name="sweden.txt", text=ARTICLE):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_help_lists_every_command(cli):
    res = cli("--help")
    assert res.exit_code == 0
    for cmd in ("ingest", "extract", "query", "export", "html", "stats", "remove", "validate"):
        assert cmd in res.output


def test_every_command_has_help_text(cli):
    from diplograph.cli import main

    for name, cmd in main.commands.items():
        assert cmd.help and len(cmd.help) > 20, name
        res = cli(name, "--help")
        assert res.exit_code == 0, name


def test_ingest_reports_and_stores(cli, tmp_path, store_dir):
    p = write_article(tmp_path)
    res = cli("ingest", p, "--store", store_dir)
    assert res.exit_code == 0, res.output
    assert "1 articles" in res.output and "0 failed" in res.output
    kg = dg.open(store_dir, read_only=True)
    assert kg.articles() == ["sweden"]
    assert any(e.type == "CRITICIZE" for e in kg.events())
    kg.close()


def test_ingest_bad_file_is_one_line_and_exit_1_while_good_file_lands(cli, tmp_path, store_dir):
    good = write_article(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = cli("ingest", good, empty, tmp_path / "missing.txt", "--store", store_dir)
    assert res.exit_code == 1
    err_lines = [ln for ln in res.output.splitlines() if ln.startswith("diplograph:")]
    assert any("empty.txt" in ln and "empty" in ln for ln in err_lines)
    assert any("missing.txt" in ln for ln in err_lines)
    assert "Traceback" not in res.output
    kg = dg.open(store_dir, read_only=True)
    assert kg.articles() == ["sweden"]
    kg.close()


def test_unknown_input_format_is_a_usage_error(cli, tmp_path, store_dir):
    res = cli("ingest", write_article(tmp_path), "--from", "pdfx", "--store", store_dir)
    assert res.exit_code == 2


def test_extract_writes_json_lines(cli, tmp_path):
    res = cli("extract", write_article(tmp_path))
    assert res.exit_code == 0
    events = [json.loads(line) for line in res.output.splitlines()]
    assert events and {"doc", "type", "source", "target", "sentence", "start", "end",
                        "plover", "cameo", "confidence"} <= set(events[0])
    assert events[0]["doc"] == "sweden"


def test_extract_csv_and_table(cli, tmp_path):
    p = write_article(tmp_path)
    assert cli("extract", p, "--format", "csv").output.startswith("doc,type,source")
    assert "CRITICIZE" in cli("extract", p, "--format", "table").output


def test_query_formats_and_bundled_names(cli, tmp_path, store_dir):
    cli("ingest", write_article(tmp_path), "--store", store_dir)
    res = cli("query", "SELECT ?t WHERE { ?e dip:eventType ?t }", "--format", "json",
              "--store", store_dir)
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert {b["t"]["value"] for b in data["results"]["bindings"]} >= {"CRITICIZE"}
    res = cli("query", "--list", "--store", store_dir)
    assert "who-accused-whom" in res.output
    res = cli("query", "who-accused-whom", "--format", "csv", "--store", store_dir)
    assert res.exit_code == 0 and res.output.startswith("source,target,events")


def test_query_syntax_error_is_one_line_exit_1(cli, tmp_path, store_dir):
    cli("ingest", write_article(tmp_path), "--store", store_dir)
    res = cli("query", "SELECT ?x WHERE { ?x ", "--store", store_dir)
    assert res.exit_code == 1
    assert len(res.output.strip().splitlines()) == 1
    assert "syntax" in res.output.lower()


def test_export_turtle_round_trips(cli, tmp_path, store_dir):
    import rdflib

    cli("ingest", write_article(tmp_path), "--store", store_dir)
    out = tmp_path / "g.ttl"
    res = cli("export", "-o", out, "--store", store_dir)
    assert res.exit_code == 0, res.output
    g = rdflib.Graph().parse(out, format="turtle")
    dip = rdflib.Namespace("https://w3id.org/diplograph#")
    assert (None, rdflib.RDF.type, dip.Criticism) in g
    assert not any(isinstance(t, rdflib.BNode) for tr in g for t in tr)


def test_export_filters_by_type(cli, tmp_path, store_dir):
    import rdflib

    cli("ingest", write_article(tmp_path), "--store", store_dir)
    out = tmp_path / "demands.nt"
    assert cli("export", "-o", out, "--type", "DEMAND", "--store", store_dir).exit_code == 0
    g = rdflib.Graph().parse(out, format="nt")
    types = {str(o) for o in g.objects(None, rdflib.URIRef("https://w3id.org/diplograph#eventType"))}
    assert types == {"DEMAND"}


def test_stats_counts(cli, tmp_path, store_dir):
    cli("ingest", write_article(tmp_path), "--store", store_dir)
    res = cli("stats", "--format", "json", "--store", store_dir)
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["articles"] == 1 and data["events"] >= 2
    assert "CRITICIZE" in data["events_by_type"]
    assert cli("stats", "--store", store_dir).exit_code == 0


def test_remove_unknown_article_fails(cli, tmp_path, store_dir):
    cli("ingest", write_article(tmp_path), "--store", store_dir)
    res = cli("remove", "nope", "--store", store_dir)
    assert res.exit_code == 1 and "nope" in res.output
    assert cli("remove", "sweden", "--store", store_dir).exit_code == 0
    kg = dg.open(store_dir, read_only=True)
    assert kg.articles() == []
    kg.close()


def test_changed_article_replaces_its_graph(cli, tmp_path, store_dir):
    p = write_article(tmp_path)
    cli("ingest", p, "--store", store_dir)
    p.write_text(ARTICLE.replace("Sweden condemned", "Sweden praised"), encoding="utf-8")
    res = cli("ingest", p, "--store", store_dir)
    assert "1 articles" in res.output
    kg = dg.open(store_dir, read_only=True)
    types = {e.type for e in kg.events()}
    kg.close()
    assert "CRITICIZE" not in types


def test_html_writes_one_file(cli, tmp_path, store_dir):
    cli("ingest", write_article(tmp_path), "--store", store_dir)
    out = tmp_path / "out" / "g.html"
    res = cli("html", "-o", out, "--store", store_dir)
    assert res.exit_code == 0, res.output
    assert out.exists() and sorted(p.name for p in out.parent.iterdir()) == ["g.html"]
    assert "vis.Network" in out.read_text(encoding="utf-8")


def test_validate_passes_on_ingested_examples(cli, store_dir):
    assert cli("ingest", EXAMPLES, "--store", store_dir).exit_code == 0
    res = cli("validate", "--store", store_dir)
    assert res.exit_code == 0, res.output


def test_query_on_missing_store_is_one_line_error(cli, tmp_path):
    res = cli("query", "ASK { ?s ?p ?o }", "--store", tmp_path / "nothing-here")
    assert res.exit_code == 1
    assert "nothing-here" in res.output


def test_a_reader_that_goes_away_is_a_normal_end(tmp_path, store_dir):
    """`diplograph extract ... | head -1` and `query ... | head -1`: no error, exit 0."""
    import subprocess
    import sys

    dg.open(store_dir).close()
    with dg.open(store_dir) as kg:
        kg.ingest([str(EXAMPLES)], use_model=False)
    for args in (["extract", str(EXAMPLES), "--rules-only"],
                 ["query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--store", store_dir]):
        proc = subprocess.Popen([sys.executable, "-m", "diplograph", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does once it has its line
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert err == b"", err


def test_extract_prints_no_exact_duplicate_and_ingest_counts_what_it_stores(cli, store_dir):
    res = cli("extract", EXAMPLES)
    lines = res.stdout.splitlines()
    assert len(lines) == len(set(lines))
    res = cli("ingest", EXAMPLES, "--store", store_dir)
    reported = int(res.stdout.split(" articles, ")[1].split(" events")[0])
    with dg.open(store_dir, read_only=True) as kg:
        stored = kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dip:inArticle ?a }")
        assert int(stored.rows[0][0].value) == reported == len(lines)
