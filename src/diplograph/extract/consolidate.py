"""Article-level clean-up of events, and who counts as the same party."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.model import TYPES, Actor, Event

if TYPE_CHECKING:
    pass


def side_key(a: Actor) -> str:
    return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.id


def same_party(a: Actor, b: Actor) -> bool:
    if a.id == b.id:
        return True
    state_like = ("State", "GovernmentBody")
    return (a.kind in state_like and b.kind in state_like and a.country is not None
            and a.country == b.country)


def consolidate(events: list[Event]) -> list[Event]:
    """Document-level clean-up: unnamed groups charged are the named persons charged."""
    def side(a: Actor) -> str:
        return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.id

    named = {(side(e.source), e.type) for e in events
             if e.type in ("CHARGE", "ARREST") and e.target and e.target.kind == "Person"}
    charged = {e.target.id for e in events if e.type in ("CHARGE", "ARREST") and e.target}
    chargers = {side(e.source) for e in events if e.type == "CHARGE"}
    out: list[Event] = []
    abouts: dict[str, list[str]] = {}
    involved: dict[str, list[Actor]] = {}
    for e in events:
        folded = (e.type in ("CHARGE", "ARREST") and e.target and e.target.kind == "Group"
                  and (side(e.source), e.type) in named) or (
            e.type == "ACCUSE" and e.target is not None and side(e.source) in chargers
            and (e.target.id in charged or e.target.kind == "Group"))
        if folded:
            # the unnamed group charged, or "they are accused of ...": the same charge,
            # which tells what the named persons are charged with
            if e.about:
                abouts.setdefault(side(e.source), []).append(e.about)
            involved.setdefault(side(e.source), []).extend(e.involved)
            continue
        out.append(e)
    for n, e in enumerate(out):
        if e.type == "ACCUSE" and e.target is not None and e.target.kind == "Person" \
                and side(e.source) in chargers and e.target.id not in charged:
            charge = TYPES["CHARGE"]
            out[n] = e = replace(e, type="CHARGE", cameo=charge.cameo, plover=charge.plover,
                                 mode=charge.mode)
        if e.type == "CHARGE" and e.target is not None and e.target.kind == "Person":
            k = side(e.source)
            about = e.about or next(iter(abouts.get(k, [])), None)
            extra = tuple(a for a in dict.fromkeys(involved.get(k, [])) if a not in e.involved)
            if about != e.about or extra:
                out[n] = replace(e, about=about, involved=e.involved + extra)
    return _distinct(_own_ids(out))


def _own_ids(events: list[Event]) -> list[Event]:
    """Persons and unnamed groups the article brings in get ids of their own.

    A name alone does not make two articles' persons one person: a person's id carries
    the state they belong to ("person-ana-rojas-chl"), or, with none known, the article
    ("person-ana-rojas-3f2a9c"). An unnamed group ("two officers", "hackers") is this
    article's group. Known officials keep their reference ids; within an article one
    person is one id (its first known state).
    """
    if not events:
        return events
    tag = hashlib.sha256(events[0].doc.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    country: dict[str, str] = {}
    for e in events:
        for a in (e.source, e.target, e.speaker, *e.involved):
            if a is not None and a.country and a.id not in country:
                country[a.id] = a.country
    renamed: dict[str, Actor] = {}

    def own(a: Actor) -> Actor:
        if not a.id.startswith(("person-", "group-")):
            return a
        if a.id not in renamed:
            where = country.get(a.id)
            scope = where.lower() if where and a.kind == "Person" else tag
            renamed[a.id] = replace(a, id=f"{a.id}-{scope}", country=where)
        return renamed[a.id]

    return [replace(e, source=own(e.source), target=e.target and own(e.target),
                    speaker=e.speaker and own(e.speaker), involved=tuple(map(own, e.involved)))
            for e in events]


def _distinct(events: list[Event]) -> list[Event]:
    """One event per identity (two rules can find the same act): the first, in text order."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for e in events:
        if e.identity not in seen:
            seen.add(e.identity)
            out.append(e)
    return out
