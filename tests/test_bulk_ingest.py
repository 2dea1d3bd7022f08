"""The fast path for new articles (many graphs in one transaction) stores exactly
what the one-article-at-a-time path stores, and re-ingesting changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import diplograph as dg
from diplograph.graph import iris
from diplograph.graph import writes as writes_module
from diplograph.graph.rdf import article_quads, entity_quads, reference_ids
from diplograph.graph.writes import replace_article
from diplograph.model import Actor, Article, Event
from diplograph.schema.reference import reference

CHN = Actor(id="chn", label="China", kind="State", country="CHN", wikidata="Q148")
USA = Actor(id="usa", label="United States", kind="State", country="USA", wikidata="Q30")
JPN = Actor(id="jpn", label="Japan", kind="State", country="JPN", wikidata="Q17")
SPEAKER = Actor(id="person-lin-mei", label="Lin Mei", kind="Person", country="CHN")


def made_up(doc: str, n_events: int, text_tag: str = "") -> tuple[Article, list[Event]]:
    """An article with ``n_events`` events, written for this test (no parsing needed)."""
    sentences = [f"Beijing accused Washington of unfair trade step {i}{text_tag}."
                 for i in range(n_events)]
    text = " ".join(sentences) or f"Nothing happened{text_tag}."
    article = Article(id=doc, text=text, headline=f"Headline of {doc}", date="2021-03-04",
                      publisher="Test Wire", author="A. Writer", source=f"{doc}.txt")
    events, pos = [], 0
    for i, sent in enumerate(sentences):
        source, target = (CHN, USA) if i % 2 == 0 else (JPN, CHN)
        events.append(Event(doc=doc, type="ACCUSE" if i % 3 else "DEMAND", source=source,
                            target=target, speaker=SPEAKER if i == 0 else None, sentence=sent,
                            start=pos, end=pos + len(sent), plover="ACCUSE", cameo="112",
                            about=f"trade step {i}", date="2021-03-04", confidence=0.8,
                            trigger="accused", trigger_start=pos + 8))
        pos += len(sent) + 1
    return article, events


def corpus(n_articles: int = 12) -> list[tuple[Article, list[Event]]]:
    return [made_up(f"doc-{i:03d}", i % 5) for i in range(n_articles)]


def quads_of(graph: dg.KnowledgeGraph) -> set:
    return set(graph.backend.quads())


def expected_quads(pairs: list[tuple[Article, list[Event]]]) -> set:
    """article_quads and entity_quads of the pairs, as a store gives them back (decimals
    canonical)."""
    ids = reference_ids(reference())
    store = ox.Store()
    store.extend(q for a, evs in pairs for q in article_quads(a, evs, ids))
    store.extend(q for a, evs in pairs for quads in entity_quads(a, evs, ids).values()
                 for q in quads)
    return set(store)


def expected_graph(pair: tuple[Article, list[Event]]) -> set:
    """article_quads of one pair, as a store gives them back."""
    store = ox.Store()
    store.extend(article_quads(*pair, reference_ids(reference())))
    return set(store)


def article_graph_quads(graph: dg.KnowledgeGraph, doc: str) -> set:
    return set(graph.backend.quads(iris.article_graph(doc)))


def test_new_articles_added_together_hold_the_same_quads_as_one_at_a_time(kg):
    pairs = corpus()
    one_by_one = dg.open("memory:")
    ids = reference_ids(reference())
    for article, events in pairs:  # the path of a changed article: one update each
        replace_article(one_by_one.backend, iris.article_graph(article.id),
                        article_quads(article, events, ids), entity_quads(article, events, ids))

    report = kg.add_extracted(pairs)

    assert (report.articles, report.events, report.failed) == (
        len(pairs), sum(len(e) for _, e in pairs), 0)
    bulk, each = quads_of(kg), quads_of(one_by_one)
    assert bulk == each, f"only in bulk: {len(bulk - each)}, only one by one: {len(each - bulk)}"
    assert expected_quads(pairs) <= bulk


def test_batches_split_by_size_store_the_same_quads(monkeypatch, kg):
    pairs = corpus(20)
    whole = dg.open("memory:")
    whole.add_extracted(pairs)
    monkeypatch.setattr(writes_module, "BULK_QUADS", 50)  # many small transactions

    seen: list[str] = []
    kg.add_extracted(pairs, on_item=lambda status, item, n: seen.append(item.id))

    assert quads_of(kg) == quads_of(whole)
    assert seen == [a.id for a, _ in pairs]  # every article reported once, in order


def test_adding_the_same_articles_again_changes_nothing(kg):
    pairs = corpus()
    kg.add_extracted(pairs)
    before = quads_of(kg)

    again = kg.add_extracted(pairs)

    assert again.failed == 0
    assert quads_of(kg) == before


def test_a_changed_article_replaces_its_graph_without_leftovers(kg):
    kg.add_extracted([made_up("doc-a", 4), made_up("doc-b", 2)])
    new_a = made_up("doc-a", 1, text_tag=" (corrected)")

    kg.add_extracted([new_a])

    assert article_graph_quads(kg, "doc-a") == expected_graph(new_a)
    assert article_graph_quads(kg, "doc-b") == expected_graph(made_up("doc-b", 2))


def test_a_doc_id_repeated_in_one_batch_keeps_only_the_later_version(kg):
    first, later = made_up("doc-x", 3), made_up("doc-x", 2, text_tag=" again")

    report = kg.add_extracted([first, made_up("doc-y", 1), later])

    assert report.articles == 3
    assert article_graph_quads(kg, "doc-x") == expected_graph(later)


def test_an_article_with_an_empty_id_fails_alone(kg):
    bad = (Article(id=" ", text="Beijing accused Washington."), [])

    report = kg.add_extracted([made_up("doc-1", 2), bad, made_up("doc-2", 1)])

    assert (report.articles, report.failed) == (2, 1)
    assert kg.articles() == ["doc-1", "doc-2"]


def test_a_batch_survives_closing_and_reopening_a_folder_store(tmp_path: Path):
    pairs = corpus(6)
    location = str(tmp_path / "store")
    with dg.open(location) as graph:
        graph.add_extracted(pairs)
        stored = quads_of(graph)

    with dg.open(location, read_only=True) as reopened:
        assert quads_of(reopened) == stored
        assert reopened.articles() == sorted(a.id for a, _ in pairs)


@pytest.mark.slow
def test_ingesting_a_folder_twice_changes_nothing(tmp_path: Path, kg):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, (state, other) in enumerate([("Japan", "China"), ("France", "Russia"),
                                        ("Canada", "India")]):
        (folder / f"note-{i}.txt").write_text(
            f"Title: Note {i}\nDate: 2022-05-0{i + 1}\n\n{state} accused {other} of spying on "
            f"its ministries.\n\n{other} denied the allegation and urged {state} to stop.\n",
            encoding="utf-8")
    first = kg.ingest([str(folder)])
    before = quads_of(kg)

    second = kg.ingest([str(folder)])

    assert (first.articles, first.failed) == (3, 0)
    assert first.events > 0
    assert (second.articles, second.unchanged, second.events) == (0, 3, 0)
    assert quads_of(kg) == before


def test_reingesting_unchanged_articles_never_loads_the_model(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "note.txt").write_text("Title: A note\n\nFrance urged Iran to return to talks.\n",
                                     encoding="utf-8")
    location = str(tmp_path / "store")
    with dg.open(location) as graph:
        assert graph.ingest([str(folder)]).articles == 1
    # a fresh interpreter: this test process may have loaded spaCy already
    code = ("import sys, diplograph as dg\n"
            f"kg = dg.open({location!r})\n"
            f"r = kg.ingest([{str(folder)!r}])\n"
            "kg.close()\n"
            "print(r.unchanged, r.articles, 'spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()

    assert out == ["1", "0", "False"]


def entities(graph: dg.KnowledgeGraph) -> set:
    return set(graph.backend.quads(iris.ENTITIES_GRAPH))


def test_entities_are_described_once_and_dropped_with_the_last_article_naming_them(kg):
    shared = Actor(id="person-ana-rojas-chl", label="Ana Rojas", kind="Person", country="CHL")
    only_b = Actor(id="group-protesters-x", label="protesters", kind="Group", country="CHL")

    def story(doc: str, *targets: Actor, publisher: str = "Test Wire"):
        text = " ".join(f"Chile charged {t.label} on Monday." for t in targets)
        art = Article(id=doc, text=text, date="2021-03-04", publisher=publisher)
        chl = Actor(id="chl", label="Chile", kind="State", country="CHL")
        evs = [Event(doc=doc, type="CHARGE", source=chl, target=t, speaker=None,
                     sentence=f"Chile charged {t.label} on Monday.", start=0, end=10)
               for t in targets]
        return art, evs

    kg.add_extracted([story("a", shared), story("b", shared, only_b, publisher="Other Wire")])
    subjects = {q.subject.value for q in entities(kg)}
    assert {iris.actor(shared.id), iris.actor(only_b.id), iris.publisher("Test Wire"),
            iris.publisher("Other Wire")} == subjects
    labels = kg.query(f"SELECT ?l WHERE {{ <{iris.actor(shared.id)}> rdfs:label ?l }}").rows
    assert len(labels) == 1  # once, however many articles name her

    kg.add_extracted([story("b", shared)])  # b changed: the group and Other Wire are gone
    assert {q.subject.value for q in entities(kg)} == {iris.actor(shared.id),
                                                       iris.publisher("Test Wire")}
    kg.remove("a")
    assert {q.subject.value for q in entities(kg)} == {iris.actor(shared.id),
                                                       iris.publisher("Test Wire")}
    kg.remove("b")
    assert entities(kg) == set()
