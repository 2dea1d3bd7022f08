"""Article ids are unique per source and stable across runs: two files with one name in
different folders are two articles, every time, and the rename is said, never silent."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.errors import DuplicateIdWarning
from diplograph.loaders import load

A = "Title: A\nDate: 2021-05-02\n\nNorway urged Sweden to return the seized boats.\n"
B = "Title: B\nDate: 2021-05-03\n\nJapan condemned the missile launch by North Korea.\n"


@pytest.fixture
def two_statements(tmp_path: Path) -> Path:
    for folder, text in (("a", A), ("b", B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "statement.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_two_files_with_one_name_are_two_articles_and_the_rename_is_said(two_statements):
    with pytest.warns(DuplicateIdWarning, match="the id 'statement' belongs to .*a/statement"):
        first, second = load([str(two_statements)])
    assert first.id == "statement"
    assert re.fullmatch(r"statement-[0-9a-f]{8}", second.id)
    assert Path(first.source) == two_statements / "a" / "statement.txt"


def test_ids_are_the_same_in_every_run_and_reingest_changes_nothing(two_statements, cli):
    store = str(two_statements / "store")  # inside the folder: a store is never read as input
    first = cli("ingest", two_statements / "a", two_statements / "b", "--store", store)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("ingested 2 articles")
    assert "diplograph: warning: " in first.stderr and "this article is 'statement-" in first.stderr
    with dg.open(store, read_only=True) as kg:
        ids = kg.articles()
    assert len(ids) == 2

    again = cli("ingest", two_statements, "--store", store)
    assert again.stdout.startswith("ingested 0 articles, 0 events, 2 unchanged")
    # the second file alone, in another run, still finds its own article
    alone = cli("ingest", two_statements / "b", "--store", store)
    assert alone.stdout.startswith("ingested 0 articles, 0 events, 1 unchanged")
    with dg.open(store, read_only=True) as kg:
        assert kg.articles() == ids
        assert {e.source.key for e in kg.events()} == {"NOR", "JPN"}


def test_a_changed_file_still_replaces_its_own_article(two_statements, tmp_path_factory, cli):
    store = str(tmp_path_factory.mktemp("elsewhere") / "store")
    cli("ingest", two_statements, "--store", store)
    (two_statements / "b" / "statement.txt").write_text(B.replace("Japan", "South Korea"))
    res = cli("ingest", two_statements, "--store", store)
    assert res.stdout.startswith("ingested 1 articles"), res.output
    with dg.open(store, read_only=True) as kg:
        assert len(kg.articles()) == 2
        assert {e.source.key for e in kg.events()} == {"NOR", "KOR"}


def test_the_same_article_copied_elsewhere_keeps_its_id(tmp_path: Path):
    for folder in ("a", "copy"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "statement.txt").write_text(A, encoding="utf-8")
    ids = [a.id for a in load([str(tmp_path)])]
    assert ids == ["statement", "statement"]


def test_two_corpora_that_reuse_record_ids_keep_both(tmp_path: Path):
    for name, text in (("one.jsonl", A), ("two.jsonl", B)):
        (tmp_path / name).write_text(json.dumps({"id": "1", "text": text}) + "\n")
    with pytest.warns(DuplicateIdWarning):
        arts = list(load([str(tmp_path)]))
    assert arts[0].id == "1" and arts[1].id.startswith("1-") and len(arts) == 2
