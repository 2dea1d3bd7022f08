"""Crash safety: an article's graph is in the store whole or not at all.

The full run (20 kills or more) is ``bench/killtest.py``; here the same code
runs with 5 kills on a small corpus.
"""

from __future__ import annotations

import importlib.util
import sys

import pyoxigraph as ox
import pytest

from conftest import ROOT


def _bench(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_failing_update_leaves_the_old_graph(store_dir):
    # replace_graph sends DROP and INSERT DATA as one SPARQL Update: Oxigraph runs an
    # update as one transaction, so an update that fails after its DROP changes nothing.
    import diplograph as dg

    kg = dg.open(store_dir)
    try:
        g = "https://example.org/g"
        old = ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
                      ox.Literal("old"), ox.NamedNode(g))
        kg.backend.replace_graph(g, [old])
        with pytest.raises(RuntimeError, match="does not exist"):
            kg.backend.store.update(
                f'DROP SILENT GRAPH <{g}> ; INSERT DATA {{ GRAPH <{g}> {{ '
                f'<https://example.org/a> <https://example.org/p> "new" }} }} ; '
                f'DROP GRAPH <https://example.org/missing>')
        assert list(kg.backend.quads(g)) == [old]
        new = ox.Quad(old.subject, old.predicate, ox.Literal("new"), old.graph_name)
        kg.backend.replace_graph(g, [new])
        assert list(kg.backend.quads(g)) == [new]
    finally:
        kg.close()


@pytest.mark.slow
def test_killed_ingests_leave_whole_articles_and_the_next_run_completes(tmp_path):
    killtest = _bench("killtest")
    lines: list[str] = []
    res = killtest.run(kills=5, articles=40, seed=3, workdir=tmp_path, log=lines.append)
    report = "\n".join(lines + res.failures)
    assert res.failures == [], report
    assert res.kills == res.survived == 5, report
    # the kills landed while articles were being written, not only before or after
    assert res.partial >= 1, report


def test_the_kill_corpus_is_the_same_for_the_same_seed(tmp_path):
    killtest = _bench("killtest")
    a = [p.read_text() for p in killtest.write_corpus(tmp_path / "a", 12, seed=5)]
    b = [p.read_text() for p in killtest.write_corpus(tmp_path / "b", 12, seed=5)]
    changed = [p.read_text() for p in killtest.write_corpus(tmp_path / "c", 12, seed=5,
                                                            version=1)]
    assert a == b
    assert [n + 1 for n in range(12) if a[n] != changed[n]] == [1, 2, 4, 5, 7, 8, 10, 11]
