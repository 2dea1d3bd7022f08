"""One writer at a time; readers beside it.

An embedded store takes one writer. A second process that wants to write gets
"store is in use by another process" (exit 1, one line) and changes nothing.
``query``, ``stats``, ``export`` and ``validate`` open the store read-only and
work while a writer holds it, and see whole articles only.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

DIPLOGRAPH = [sys.executable, "-m", "diplograph.cli"]
TEXT = ("Title: Talks on the fishing crew\nDate: 2019-03-04\n\nChina urged Japan on Monday to "
        "release the detained fishing crew without delay, a spokesperson said in Beijing.\n")

HOLD = """
import sys
import diplograph as dg
kg = dg.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
kg.close()
"""


@pytest.fixture
def one_article_store(tmp_path: Path) -> tuple[str, Path]:
    import diplograph as dg

    src = tmp_path / "first.txt"
    src.write_text(TEXT)
    store = str(tmp_path / "store")
    kg = dg.open(store)
    try:
        assert kg.ingest([str(src)]).articles == 1
    finally:
        kg.close()
    return store, tmp_path


def _contents(store: str) -> set[str]:
    import pyoxigraph as ox

    import diplograph as dg

    kg = dg.open(store, read_only=True)
    try:
        return {str(q) for q in kg.backend.quads() if isinstance(q.graph_name, ox.NamedNode)}
    finally:
        kg.close()


def test_a_second_writer_is_refused_and_readers_work_beside_the_first(one_article_store, cli):
    store, tmp = one_article_store
    before = _contents(store)
    other = tmp / "second.txt"
    other.write_text(TEXT.replace("Japan", "Vietnam"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, store], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        # writers in a second process: the real command line, one line, no traceback
        for args in (["ingest", str(other)], ["remove", "first"]):
            res = subprocess.run([*DIPLOGRAPH, *args, "--store", store, "--wait", "0"],
                                 capture_output=True, text=True, cwd=ROOT)
            assert res.returncode == 1, res
            assert res.stderr.strip().splitlines() == [
                f"Error: {store}: store is in use by another process"], res.stderr
        res = subprocess.run([*DIPLOGRAPH, "remove", "first", "--store", store, "--wait", "0.5"],
                             capture_output=True, text=True, cwd=ROOT)
        assert res.returncode == 1
        assert res.stderr.strip().splitlines() == [
            f"diplograph: warning: {store}: store is in use by another process; waiting up "
            "to 0.5 s for it",
            f"Error: {store}: store is in use by another process (waited 0.5 s)"], res.stderr
        # readers in this process, beside the writer
        res = cli("query", "SELECT ?d WHERE { ?a dip:docId ?d }", "--store", store,
                  "--format", "csv")
        assert res.exit_code == 0, res.output
        assert res.stdout.split() == ["d", "first"]
        res = cli("stats", "--store", store, "--format", "json")
        assert res.exit_code == 0 and '"articles": 1' in res.stdout, res.output
        out = tmp / "out.ttl"
        res = cli("export", "-o", out, "--store", store)
        assert res.exit_code == 0 and out.stat().st_size > 0, res.output
        res = cli("validate", "--store", store)
        assert res.exit_code == 0, res.output
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0
    assert _contents(store) == before  # nothing changed, nothing corrupted
    res = cli("ingest", other, "--store", store)  # the store is free again
    assert res.exit_code == 0, res.output
    assert _contents(store) > before


def test_a_second_writer_waits_for_the_first_then_goes_in(one_article_store):
    store, tmp = one_article_store
    other = tmp / "second.txt"
    other.write_text(TEXT.replace("Japan", "Vietnam"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, store], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    waiter = subprocess.Popen([*DIPLOGRAPH, "ingest", str(other), "--store", store,
                               "--wait", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT)
    time.sleep(1.5)
    assert waiter.poll() is None  # still waiting, not failed
    holder.communicate("\n", timeout=30)
    out, err = waiter.communicate(timeout=120)
    assert waiter.returncode == 0, err
    assert err.splitlines()[0] == (f"diplograph: warning: {store}: store is in use by another "
                                   "process; waiting up to 60 s for it")
    assert out.startswith("ingested 1 articles")


@pytest.mark.slow
def test_readers_see_whole_articles_while_an_ingest_writes(tmp_path):
    import importlib.util

    import diplograph as dg

    spec = importlib.util.spec_from_file_location("bench_killtest",
                                                  ROOT / "bench" / "killtest.py")
    assert spec and spec.loader
    killtest = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = killtest
    spec.loader.exec_module(killtest)

    corpus = tmp_path / "corpus"
    killtest.write_corpus(corpus, 40, seed=2)
    store = str(tmp_path / "store")
    writer = subprocess.Popen([*DIPLOGRAPH, "ingest", str(corpus), "--store", store],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    errors: list[str] = []
    try:
        while writer.poll() is None:
            if not Path(store).exists():
                time.sleep(0.02)
                continue
            try:
                kg = dg.open(store, read_only=True)
            except Exception as exc:  # every open must work once the store exists
                if seen or "no store here" not in str(exc):
                    errors.append(f"open: {type(exc).__name__}: {exc}")
                continue
            try:
                # an article is there whole: its hash, its body, and events or none
                rows = kg.query("""SELECT ?d (COUNT(?h) AS ?hashes) (COUNT(?b) AS ?bodies)
                    WHERE { ?a dip:docId ?d . OPTIONAL { ?a dip:contentHash ?h }
                            OPTIONAL { ?a schema:articleBody ?b } } GROUP BY ?d""").values()
                bad = [r for r in rows if r["hashes"] != "1" or r["bodies"] != "1"]
                if bad:
                    errors.append(f"half an article: {bad[:2]}")
                seen.append(len(rows))
            finally:
                kg.close()
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert errors == []
    assert seen == sorted(seen), seen  # a reader never sees an article go away
    assert len(seen) >= 3, "the readers never ran while the writer wrote"
    kg = dg.open(store, read_only=True)
    try:
        assert len(kg.articles()) == 40
        assert kg.validate().conforms
    finally:
        kg.close()
