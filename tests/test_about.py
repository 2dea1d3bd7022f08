"""``about``: the phrase an event is about, whole, or cut where a phrase ends."""

from __future__ import annotations

import diplograph as dg


def _about(text: str, type_: str) -> str:
    events = [ev for ev in dg.extract_text(text) if ev.type == type_]
    assert events, f"no {type_} in {text!r}"
    assert events[0].about is not None
    return events[0].about


def test_a_long_demand_is_kept_whole() -> None:
    about = _about("Norway urged Sweden to return the three fishing boats it seized near the "
                   "maritime border last week together with their crews and all of their cargo.",
                   "DEMAND")
    assert about.endswith("all of their cargo"), about


def test_an_over_long_phrase_ends_at_a_phrase_boundary_and_says_it_was_cut() -> None:
    text = ("Chile urged Peru to release the two detained fishermen, Ana Rojas and Luis Soto, "
            "who were held for more than a thousand days on charges that Santiago says were "
            "invented by the prosecutors in Lima as a reprisal for the arrest of a senior "
            "official of the Peruvian fisheries ministry earlier that year.")
    about = _about(text, "DEMAND")
    assert about.endswith(" …"), about
    assert about.startswith("to release the two detained fishermen")
    kept = about.removesuffix(" …")
    assert kept in text
    after = text[text.index(kept) + len(kept):]
    assert after[:1] in (",", ";", " "), f"cut inside a word: {about!r}"
    assert after.lstrip().startswith((",", "who")), f"not cut at a phrase boundary: {after[:20]!r}"
