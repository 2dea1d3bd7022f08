"""A store written by an older diplograph: refused with the way out, then converted in
place by ``diplograph migrate``, after which it reads as a new store of the same articles
does."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

import diplograph as dg
from conftest import DATA, EXAMPLES
from diplograph.errors import StoreError
from diplograph.graph import iris

FORMAT_1 = DATA / "stores" / "format-1.nq.gz"  # two examples, as diplograph 0.1 (format 1) stored them
DOCS = ["2014-us-china-pla-hacking-indictment", "2018-uk-russia-salisbury-expulsions"]


@pytest.fixture
def old_store(tmp_path: Path) -> str:
    path = str(tmp_path / "old")
    store = ox.Store(path)
    store.extend(ox.parse(gzip.decompress(FORMAT_1.read_bytes()), format=ox.RdfFormat.N_QUADS))
    store.flush()
    del store
    return path


def test_an_old_store_is_refused_with_the_way_to_convert_it(old_store, cli):
    with pytest.raises(StoreError, match=r"store format 1.*diplograph migrate"):
        dg.open(old_store)
    res = cli("stats", "--store", old_store)
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"Error: {old_store}: written by an older diplograph (store "
                                  f"format 1, this version reads 2): run 'diplograph migrate "
                                  f"--store {old_store}' once")


def test_migrate_converts_in_place_and_the_store_reads_like_a_new_one(old_store, cli, tmp_path):
    res = cli("migrate", "--store", old_store)
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == f"{old_store}: converted 2 articles from store format 1 to 2"
    again = cli("migrate", "--store", old_store)
    assert again.stdout.strip() == f"{old_store}: already in store format 2"

    fresh = str(tmp_path / "fresh")
    with dg.open(fresh) as kg:
        kg.ingest([str(EXAMPLES / f"{d}.txt") for d in DOCS])
    with dg.open(old_store) as old, dg.open(fresh, read_only=True) as new:
        assert old.articles() == new.articles() == DOCS
        assert len(old.events()) == len(new.events()) > 10
        # every actor described once, in the entities graph, and named by its articles
        for kg in (old, new):
            repeated = kg.query("SELECT ?a ?l (COUNT(*) AS ?n) WHERE { ?a rdfs:label ?l "
                                "FILTER EXISTS { ?e dip:source|dip:target ?a } } "
                                "GROUP BY ?a ?l HAVING (COUNT(*) > 1)").rows
            assert repeated == []
        mentioned = old.query("SELECT DISTINCT ?a WHERE { ?art dip:mentions ?a }").rows
        described = {q.subject.value for q in old.backend.quads(iris.ENTITIES_GRAPH)}
        assert {r[0].value for r in mentioned} <= described
        assert old.validate().conforms
