"""The reference data: every code it uses exists, every date and QID is well formed."""

from __future__ import annotations

import re

import pytest

from diplograph.schema.reference import reference

QID = re.compile(r"Q[1-9][0-9]*")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@pytest.fixture(scope="module")
def ref():
    return reference()


def test_every_country_code_is_a_known_state(ref):
    known = set(ref.states)
    used = {o.country for o in ref.officials if o.country}
    used |= {g.country for g in ref.groups.values() if g.country}
    used |= {b.country for b in ref.bodies.values() if b.country}
    assert used - known == set()


def test_qids_are_well_formed(ref):
    qids = [o.wikidata for o in ref.officials] + [g.wikidata for g in ref.groups.values()] + \
        [s.wikidata for s in ref.states.values()] + [i.wikidata for i in ref.igos.values()]
    bad = [q for q in qids if q and not QID.fullmatch(q)]
    assert bad == []


def test_official_periods_are_dates_in_order(ref):
    for o in ref.officials:
        assert DATE.fullmatch(o.start), o
        assert not o.end or DATE.fullmatch(o.end), o
        assert not o.end or o.start <= o.end, o


def test_one_qid_names_one_person(ref):
    seen: dict[str, str] = {}
    for o in ref.officials:
        if o.wikidata:
            assert seen.setdefault(o.wikidata, o.name) == o.name, o


def test_named_groups_are_organisations_or_companies(ref):
    assert {g.kind for g in ref.groups.values()} <= {"Organization", "Company"}
    assert len({g.id for g in ref.groups.values()}) == len(ref.groups)
    assert ref.groups["lazarus"].country == "PRK"
    assert "APT38" in ref.groups["lazarus"].aliases


@pytest.mark.parametrize("name,date,country,role", [
    ("Joe Biden", "2015-06-01", "USA", "vice president"),
    ("Joe Biden", "2022-06-01", "USA", "president"),
    ("Nicolas Maduro", "2019-01-23", "VEN", "president"),
    ("Zhao Lijian", "2021-07-20", "CHN", "foreign ministry spokesperson"),
])
def test_officials_are_found_by_name_and_date(ref, name, date, country, role):
    off = ref.official(name, date)
    assert off is not None and (off.country, off.role) == (country, role)


def test_officials_of_no_state_speak_for_an_international_body(ref):
    """An official with no country (UN, EU, NATO, IAEA) must map to an IGO, or the extractor
    would give them the country of whatever state the article names."""
    loose = {o.role for o in ref.officials
             if not o.country and not (ref.roles.get(o.role) or "").startswith("igo:")}
    assert loose == set()
    assert all(ref.roles[r][4:] in ref.igos for r in ref.roles if ref.roles[r].startswith("igo:"))
