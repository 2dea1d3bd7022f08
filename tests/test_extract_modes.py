"""Extraction modes: --jobs gives the same output; without a model, rules-only mode warns and works."""

from __future__ import annotations

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


def test_missing_model_falls_back_to_rules_only_with_a_warning(monkeypatch, capsys):
    import diplograph.extract as X
    from diplograph.extract import pipeline

    monkeypatch.setattr(pipeline, "MODEL_NAMES", ("no_such_model_pkg_xyz",))
    pipeline.load_nlp.cache_clear()
    monkeypatch.setattr(X, "_EXTRACTORS", {})
    try:
        nlp = pipeline.load_nlp(True)
        assert "parser" not in nlp.pipe_names
        assert "no English spaCy model" in capsys.readouterr().err
        from diplograph.extract import extract_article
        from diplograph.model import Article

        evs = extract_article(Article(id="r", text="Japan condemned North Korea on Monday."))
        assert [(e.source.key, e.type, e.target.key if e.target else None) for e in evs] == [
            ("JPN", "CRITICIZE", "PRK")]
    finally:
        pipeline.load_nlp.cache_clear()


def test_rules_only_mode_can_be_asked_for():
    from diplograph.extract import extract_article
    from diplograph.model import Article

    evs = extract_article(Article(id="r", text="Brazil urged Venezuela to free the observers."),
                          use_model=False)
    assert [(e.source.key, e.type, e.target.key) for e in evs] == [("BRA", "DEMAND", "VEN")]
