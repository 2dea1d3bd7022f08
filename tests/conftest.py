"""Shared fixtures. Tests that need the seed article or the PLOVER sentences
read them from ../shared/bench, never from a copy in this repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "bench" / "seed" / "chinadaily-2018-12-22.txt"
SEED_GOLD = SHARED / "bench" / "seed" / "gold.jsonl"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the seed article is missing: {SEED} (../shared must sit next to the repo)")
    return SEED


@pytest.fixture
def kg():
    import diplograph as dg

    graph = dg.open("memory:")
    yield graph
    graph.close()


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    return str(tmp_path / "store")


@pytest.fixture
def cli():
    """Run the CLI in-process: cli("ingest", path, "--store", s) -> Result."""
    from diplograph.cli import main

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def triples(events) -> set[tuple[str, str, str | None]]:
    """(source key, type, target key) as events.md section 6 scores them."""
    return {(e.source.key, e.type, e.target.key if e.target else None) for e in events}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def store_events(store: str, article, events) -> None:
    """Write an article and events made by hand into a store, without the extractor."""
    import diplograph as dg

    kg = dg.open(store)
    try:
        report = kg.add_extracted([(article, list(events))])
        assert report.failed == 0, report.errors
    finally:
        kg.close()
