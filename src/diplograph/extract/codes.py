"""CAMEO codes and PLOVER modes, refined from what an event is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.model import TYPES
from diplograph.schema.reference import HERE, LexEntry, read_tsv

if TYPE_CHECKING:
    pass


def entry_of(type_: str, cameo: str, plover: str | None, mode: str | None) -> LexEntry:
    return LexEntry(type_.lower(), "X", type_, cameo, plover, mode, "act")


DENY_ENTRY = entry_of("DENY", TYPES["DENY"].cameo, None, None)


DEMAND_ENTRY = entry_of("DEMAND", TYPES["DEMAND"].cameo, TYPES["DEMAND"].plover, None)


EXPEL_ENTRY = LexEntry("expel", "X", "SANCTION", "166", "SANCTION", None, "act")


#: Types whose events need a target, that can hold another act, that a decision is about.
NEEDS_TARGET = frozenset(t.type for t in TYPES.values() if t.needs_target)
CONTAINERS = frozenset(t.type for t in TYPES.values() if t.holds_acts)
DECIDED_ACTS = frozenset(t.type for t in TYPES.values() if t.decided)

#: The codes an event gets when its words give none finer (``schema/event_types.tsv``).
TYPE_DEFAULTS: dict[str, LexEntry] = {
    t.type: entry_of(t.type, t.cameo, t.plover, t.mode) for t in TYPES.values()}


@dataclass(frozen=True)
class CodeRule:
    """A row of ``schema/code_rules.tsv``: a finer code for what an event is about."""

    types: frozenset[str]
    mode: str | None
    cameo: str
    pattern: re.Pattern[str]


CODE_RULES: list[CodeRule] = [
    CodeRule(frozenset(r["type"].split()), r["mode"] or None, r["cameo"],
             re.compile(r["pattern"], re.I))
    for r in read_tsv(HERE / "code_rules.tsv")]


def refine_cameo(etype: str, cameo: str | None, about: str | None) -> str | None:
    """The finer CAMEO code of an accusation or a charge, from what it is about."""
    if not about:
        return cameo
    rule = next((r for r in CODE_RULES if etype in r.types and r.mode is None
                 and r.pattern.search(about)), None)
    return rule.cameo if rule is not None else cameo


def demand_mode(about: str | None) -> tuple[str | None, str | None]:
    """(PLOVER mode, CAMEO code) of a demand, from what it asks for; (None, None) if unknown."""
    if not about:
        return None, None
    rule = next((r for r in CODE_RULES if "DEMAND" in r.types and r.mode is not None
                 and r.pattern.search(about)), None)
    return (rule.mode, rule.cameo) if rule is not None else (None, None)
