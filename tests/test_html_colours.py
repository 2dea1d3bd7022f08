"""The page's colours stay apart for colour-blind readers (no browser needed).

Colour-blindness is simulated with Machado et al. (2009) at severity 1.0 and
differences are CIEDE2000 (tests/colour_vision.py).
"""

from __future__ import annotations

import itertools

import pytest

from colour_vision import MACHADO, VISIONS, ciede2000, delta_e, lab, linear_rgb, simulate
from diplograph.model import ACTOR_KINDS, EVENT_TYPES
from diplograph.output.html import KIND_COLORS, TYPE_STYLES

# The smallest CIEDE2000 difference two colours with no other cue between them
# may have. 1 is a just-noticeable difference between large patches seen side
# by side; the usual reading of the scale puts "seen at a glance" at 2 to 10,
# and thin lines need several times more than big patches (Stone, Szafir &
# Setlur 2014, "An engineering model for color difference as a function of
# size"), so we take the top of that range. Okabe & Ito's palette, made for
# colour-blind readers, itself keeps 10.9 apart under the same simulation;
# the palette the page had before went down to 1.3 (PROTEST and SUPPORT,
# protanopia).
MIN_DELTA_E = 10.0


def close_pairs(colours: dict[str, str], vision: str) -> list[tuple[str, str, float]]:
    return [(a, b, round(d, 1)) for a, b in itertools.combinations(sorted(colours), 2)
            if (d := delta_e(colours[a], colours[b], vision)) < MIN_DELTA_E]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    # From table 1 of Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula".
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
])
def test_ciede2000_gives_the_published_differences(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_simulation_keeps_white_and_greys():
    assert lab(linear_rgb("#ffffff")) == pytest.approx((100.0, 0.0, 0.0), abs=1e-3)
    for vision in MACHADO:
        assert simulate("#808080", vision) == pytest.approx(linear_rgb("#808080"), abs=1e-3)


@pytest.mark.parametrize(("colour1", "colour2", "vision"), [
    ("#ff7f0e", "#2ca02c", "protanopia"),  # the old PROTEST and SUPPORT
    ("#5b1f6b", "#393b79", "deuteranopia"),  # the old SANCTION and ARREST
    ("#ff0099", "#ff6600", "tritanopia"),  # pink and orange
])
def test_simulation_confuses_what_each_dichromat_confuses(colour1, colour2, vision):
    assert delta_e(colour1, colour2, vision) < 6
    assert delta_e(colour1, colour2) > 12
    assert max(delta_e(colour1, colour2, v) for v in MACHADO) > 30


def test_every_event_type_and_actor_kind_has_a_colour():
    assert set(TYPE_STYLES) == set(EVENT_TYPES)
    assert set(KIND_COLORS) == set(ACTOR_KINDS)


@pytest.mark.parametrize("vision", VISIONS)
def test_event_types_without_a_second_cue_differ_in_colour(vision):
    # A dashed and a solid type are told apart by the dash; two types drawn
    # alike must be told apart by colour, whatever the reader's colour vision.
    for dashed in (False, True):
        colours = {t: s.color for t, s in TYPE_STYLES.items() if s.dashed == dashed}
        assert len(colours) > 1
        assert close_pairs(colours, vision) == []


@pytest.mark.parametrize("vision", VISIONS)
def test_actor_kinds_differ_in_colour(vision):
    assert close_pairs(KIND_COLORS, vision) == []


@pytest.mark.parametrize("vision", VISIONS)
def test_the_types_a_reader_could_not_tell_apart_differ_in_colour_alone(vision):
    # SANCTION, ARREST, CHARGE and DEMAND were reported as hard to tell apart;
    # they differ in colour even without their dashes.
    colours = {t: TYPE_STYLES[t].color for t in ("SANCTION", "ARREST", "CHARGE", "DEMAND")}
    assert close_pairs(colours, vision) == []
