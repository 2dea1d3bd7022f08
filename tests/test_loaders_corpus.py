"""Corpora: CSV exports and JSON Lines, one article per row or line; bad rows
are reported with their line number and the rest still loads."""

from __future__ import annotations

import json

import diplograph as dg
from conftest import DATA, triples
from diplograph.errors import SourceError
from diplograph.extract import extract_articles
from diplograph.loaders import load

PAGES = DATA / "loaders"
CSV = PAGES / "corpus-export.csv"
JSONL = PAGES / "corpus.jsonl"
CSV_FIELDS = ("id=story_id", "title=headline", "date=published", "publisher=outlet",
              "author=byline", "url=link", "text=body")


def mapping(pairs=CSV_FIELDS) -> dict[str, str]:
    return dict(p.split("=", 1) for p in pairs)


def test_csv_rows_become_articles_with_remapped_fields():
    got = list(load([str(CSV)], fields=mapping()))
    arts = [a for a in got if not isinstance(a, SourceError)]
    assert [a.id for a in arts] == ["nw-101", "nw-102", "nw-105"]
    first, second, last = arts
    assert (first.headline, first.date, first.publisher, first.author, first.url) == (
        "Poland expels Russian diplomats", "2022-03-14", "Northern Wire", "Jan Nowak",
        "https://wire.example.net/101")
    assert second.author is None and second.date == "2022-03-16"
    # a quoted cell may hold a line break; the row still starts on line 3
    assert second.text.endswith("It said the activist had been held without trial for months.")
    assert second.source == f"{CSV}:3"
    assert last.source == f"{CSV}:7"


def test_csv_bad_rows_name_their_line():
    errors = [str(e) for e in load([str(CSV)], fields=mapping()) if isinstance(e, SourceError)]
    assert errors == [f"{CSV}:5: 4 fields where the header has 7",
                      f"{CSV}:6: no 'body' field with text"]


def test_csv_events_follow():
    arts = [a for a in load([str(CSV)], fields=mapping()) if not isinstance(a, SourceError)]
    found = {a.id: triples(evs) for a, evs in extract_articles(arts)}
    assert ("POL", "SANCTION", "RUS") in found["nw-101"]
    assert ("NOR", "DEMAND", "IRN") in found["nw-102"]
    assert ("JPN", "PROTEST", "RUS") in found["nw-105"]


def test_csv_ingest_reports_bad_rows_and_exits_1(cli, store_dir):
    args = [a for p in CSV_FIELDS for a in ("--field", p)]
    res = cli("ingest", CSV, "--store", store_dir, *args)
    assert res.exit_code == 1
    assert f"diplograph: {CSV}:5: 4 fields where the header has 7" in res.stderr
    assert f"diplograph: {CSV}:6: no 'body' field with text" in res.stderr
    assert res.stdout.strip().startswith("ingested 3 articles,")
    assert res.stdout.strip().endswith(", 2 failed")
    with dg.open(store_dir) as kg:
        assert kg.articles() == ["nw-101", "nw-102", "nw-105"]


def test_csv_without_the_text_column_says_how_to_map_it(cli):
    res = cli("extract", CSV)
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"diplograph: {CSV}: no column 'text' for the article text (columns: story_id, "
        "headline, published, outlet, byline, link, body; map one with --field text=COLUMN)")


def test_unknown_field_name_is_refused(cli):
    res = cli("extract", JSONL, "--field", "body=text")
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"diplograph: {JSONL}: unknown field 'body' in --field "
                                  "(known: id, text, title, date, url, publisher, author)")


def test_tsv_and_semicolon_exports(tmp_path):
    tsv = tmp_path / "x.tsv"
    tsv.write_text("id\ttitle\ttext\nt1\tA head\tIndia urged Pakistan on Monday to act.\n",
                   encoding="utf-8")
    semi = tmp_path / "y.csv"
    semi.write_text("id;title;text\ns1;B head;Peru and Chile agreed on Monday to talk.\n",
                    encoding="utf-8")
    arts = list(load([str(tsv), str(semi)]))
    assert [(a.id, a.headline) for a in arts] == [("t1", "A head"), ("s1", "B head")]


def test_jsonl_bad_lines_name_their_line_and_the_rest_loads(cli):
    res = cli("extract", JSONL, "--day-first")
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"diplograph: {JSONL}:2: not valid JSON (Expecting value)",
        f"diplograph: {JSONL}:4: expected a JSON object, got list",
        f"diplograph: {JSONL}:5: no 'text' field with text",
    ]
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert {(e["doc"], e["date"]) for e in events} == {("j-1", "2021-11-02"),
                                                      ("j-3", "2021-05-11")}
    assert {(e["source"]["country"], e["type"], e["target"]["country"]) for e in events
            if e["doc"] == "j-1"} >= {("TUR", "CRITICIZE", "IRQ")}


def test_jsonl_ambiguous_date_stays_empty_without_a_locale():
    arts = [a for a in load([str(JSONL)]) if not isinstance(a, SourceError)]
    assert {a.id: a.date for a in arts} == {"j-1": "2021-11-02", "j-3": None}
    month_first = [a for a in load([str(JSONL)], options=_opts(day_first=False))
                   if not isinstance(a, SourceError)]
    assert month_first[1].date == "2021-11-05"


def _opts(**kw):
    from diplograph.loaders import LoadOptions

    return LoadOptions(**kw)
