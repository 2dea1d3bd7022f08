"""Text the parser would choke on: a run with no sentence end is read in pieces, and the
events found in such a piece say so, in JSON Lines and in the store."""

from __future__ import annotations

import diplograph as dg
from diplograph.extract import CUT_NOTE, MAX_RUN, paragraphs
from diplograph.model import Article

NAMES = ["Chile urged Peru to free the fishermen", "Japan condemned the missile launch",
         "Norway thanked Sweden for its help", "Kenya accused Somalia of shelling"]


def run_on(n: int) -> str:
    """``n`` clauses joined by commas: a 'sentence' thousands of characters long."""
    return ", and ".join(NAMES[i % len(NAMES)] for i in range(n)) + "."


def test_a_run_with_no_sentence_end_is_read_in_pieces_at_commas():
    text = f"Ordinary prose opens the story. {run_on(200)}\n\nA short last paragraph."
    pieces = paragraphs(text)
    assert max(len(p.text) for p in pieces) <= MAX_RUN
    assert all(text[p.offset:p.offset + len(p.text)] == p.text for p in pieces)
    cut = [p for p in pieces if p.cut]
    assert len(cut) >= 5
    assert all(p.text.endswith(",") or p.text.endswith(".") for p in cut)  # at a comma
    assert not pieces[-1].cut and pieces[-1].text == "A short last paragraph."


def test_events_from_a_cut_piece_carry_a_note_and_the_store_keeps_it():
    text = f"Title: Run-on\nDate: 2021-01-01\n\nOrdinary prose: Canada urged China to talk. {run_on(120)}"
    article = Article(id="run-on", text=text.split("\n\n", 1)[1], date="2021-01-01")
    with dg.open("memory:") as kg:
        kg.ingest_articles([article])
        events = kg.events()
    noted = [e for e in events if e.note]
    plain = [e for e in events if not e.note]
    assert noted and all(e.note == CUT_NOTE for e in noted)
    assert any(e.source.key == "CAN" for e in plain)  # the normal sentence is not marked
    assert all(article.text[e.start:e.end] == e.sentence for e in events)
