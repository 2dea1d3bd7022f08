"""CAMEO codes and PLOVER modes, refined from what an event is about."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.model import TYPES
from diplograph.schema.reference import LexEntry

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


_ESPIONAGE = re.compile(r"espionage|spy|spying|hack|cyber|intrusion|treason|intelligence", re.I)


_CRIME = re.compile(r"theft|steal|fraud|corruption|crime|criminal|launder|bribe", re.I)


_WARCRIME = re.compile(r"war crime|genocide|crimes against humanity|atrocit", re.I)


_AGGRESSION = re.compile(r"aggression|invasion|incursion|attack|occupation", re.I)


_RIGHTS = re.compile(r"human rights|torture|repression|abuse|persecution", re.I)


def refine_cameo(etype: str, cameo: str | None, about: str | None) -> str | None:
    if etype not in ("ACCUSE", "CHARGE") or not about:
        return cameo
    if _WARCRIME.search(about):
        return "1124"
    if _ESPIONAGE.search(about):
        return "1125"
    if _RIGHTS.search(about):
        return "1122"
    if _AGGRESSION.search(about):
        return "1123"
    if _CRIME.search(about):
        return "1121"
    return cameo


_YIELD = re.compile(r"\b(withdraw|stop|cancel|drop|release|lift|end|halt|cease|correct|respect|"
                    r"free|retract|revoke|abandon|refrain|return|pull|remove|renounce|back down)",
                    re.I)


_MEET = re.compile(r"\b(meet|talks|negotiat|dialogue|summit|meeting)", re.I)


_ASSIST = re.compile(r"\b(help|aid|assist|support|provide|supply)", re.I)


_CHANGE = re.compile(r"\b(reform|change|elections?|investigat|comply|adhere|cooperate|abide)", re.I)


def demand_mode(about: str | None) -> str | None:
    if not about:
        return None
    for mode, rx in (("yield", _YIELD), ("meet", _MEET), ("assist", _ASSIST), ("change", _CHANGE)):
        if rx.search(about):
            return mode
    return None
