"""No crash on any text: the loaders, the extractor and the store on arbitrary Unicode.

The properties and strategies live in ``bench/fuzz.py``, which runs them with
10,000 examples each; here they run with fewer (at least 500 for the
extractor) so that ``make test`` stays quick.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import ROOT


def _load_fuzz():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()


def fuzzed(examples: int):  # type: ignore[no-untyped-def]
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@fuzzed(500)
@given(fuzz.batches)
def test_extractor_returns_events_or_nothing_on_any_text(batch):
    fuzz.prop_extract(batch)


@fuzzed(150)
@given(fuzz.texts())
def test_extract_text_never_raises(text):
    fuzz.prop_extract_text(text)


@fuzzed(300)
@given(fuzz.texts())
def test_parse_text_gives_an_article_or_a_source_error(text):
    fuzz.prop_parse_text(text)


@fuzzed(300)
@given(fuzz.properties()["decode"][1])
def test_decode_gives_text_or_a_source_error(data):
    fuzz.prop_decode(data)


@fuzzed(300)
@given(fuzz.jsonl_lines())
def test_jsonl_lines_give_articles_or_errors_naming_the_line(corpus):
    fuzz.prop_jsonl(corpus)


@fuzzed(100)
@given(fuzz.properties()["store"][1])
def test_any_article_id_and_text_can_be_stored(batch):
    fuzz.prop_store(batch)


def test_html_pages_give_an_article_or_a_source_error():
    if "html" not in fuzz.properties():
        pytest.fail("the HTML loader (diplograph.loaders.html) is missing")

    @fuzzed(150)
    @given(fuzz.html_pages())
    def check(page):  # type: ignore[no-untyped-def]
        fuzz.prop_html(page)

    check()


def test_jsonl_with_lone_surrogates_is_stored_with_replacement_characters(tmp_path, cli):
    import diplograph as dg

    src = tmp_path / "odd.jsonl"
    src.write_text('{"id": "odd\\ud800", "text": "China urged Japan \\udfff to resume the talks '
                   'on fishing rights."}\n', encoding="utf-8")
    store = str(tmp_path / "store")
    res = cli("ingest", src, "--store", store)
    assert res.exit_code == 0, res.output
    kg = dg.open(store, read_only=True)
    try:
        assert kg.articles() == ["odd\ufffd"]
        body = kg.query("SELECT ?t WHERE { ?a schema:articleBody ?t }").values()[0]["t"]
        assert "Japan \ufffd to resume" in body
    finally:
        kg.close()
