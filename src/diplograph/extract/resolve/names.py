"""Small helpers over names and roles for actor resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.syntax import (
    ent_of,
    ents_of,
)
from diplograph.extract.words import W
from diplograph.model import Actor
from diplograph.schema.reference import Reference

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token



def state_of_ent(tok: Token, ref: Reference) -> list[Actor]:
    """The state a demonym, capital or state name stands for ("an Indian proposal")."""
    if tok.ent_type_ not in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL"):
        return []
    ent = ent_of(tok)
    if ent is None:
        return []
    st = ref.state_actor(ent.ent_id_.partition(":")[2])
    return [st] if st else []


def join_names(toks: list[Token]) -> str:
    """Tokens as written: "Jean-Yves Le Drian", not "Jean - Yves Le Drian"."""
    return "".join(t.text + (t.whitespace_ if n < len(toks) - 1 and toks[n + 1].i == t.i + 1
                             else " ") for n, t in enumerate(toks)).strip()


def name_run(doc: Doc, start: int, stop: int) -> list[tuple[int, int]]:
    """ "A B, C D and E F": the (start, end) of each capitalised name in a list."""
    names: list[tuple[int, int]] = []
    i = start
    while i < stop:
        j = i
        while j < stop and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and \
                not doc[j].ent_type_.startswith(("DIP_STATE", "DIP_CAPITAL", "DIP_IGO", "DIP_BODY",
                                                 "DIP_DEMONYM", "DIP_GBODY")):
            j += 1
        if j - i < 2 and not (j > i and doc[i].ent_type_ in ("PERSON", "DIP_PERSON")):
            break
        names.append((i, j))
        if j < stop and doc[j].text == ",":
            i = j + 2 if j + 1 < stop and doc[j + 1].lower_ == "and" else j + 1
        elif j < stop and doc[j].lower_ == "and":
            i = j + 1
        else:
            break
    return names


def stateless_body(body_id: str, ref: Reference) -> bool:
    """An IGO or a body of one named state: it needs no state from the context."""
    return body_id.startswith("igo:") or (body_id in ref.bodies and bool(ref.bodies[body_id].country))


def last_actor_state(ctx: Context) -> str | None:
    """The country of the party that acted last: "India expelled ... The foreign ministry said"."""
    for cand in reversed(ctx.acts[-6:]):
        if cand.source.kind in ("State", "GovernmentBody") and cand.source.country:
            return cand.source.country
    return None


def role_words_of(ent: Span, ref: Reference) -> str | None:
    """The title before a name: "Foreign Ministry spokeswoman", "Defence Minister"."""
    doc = ent.doc
    words: list[str] = []
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 5:
        t = doc[i]
        if (t.pos_ in ("PROPN", "NOUN", "ADJ") or t.lower_ == "of") and not t.ent_type_.startswith(
                "DIP_S") and t.ent_type_ != "DIP_DEMONYM":
            words.insert(0, t.lower_)
            i -= 1
            continue
        break
    words.extend(t.lower_ for t in ent if t.lower_ in ref.roles or t.lower_ in W.office_words)
    for n in range(len(words)):
        cand = " ".join(words[n:])
        if cand in ref.roles:
            return cand
    for w in reversed(words):
        if w in ref.roles:
            return w
    return None


def body_of_role(role: str, ref: Reference) -> str | None:
    for key, body in ref.roles.items():
        if key in role:
            return body
    return None


def names_in_full(docs: list[tuple[int, Doc]]) -> dict[str, str]:
    """Surnames (and other single name words) to the one full name they belong to."""
    seen: dict[str, set[str]] = {}
    for _, doc in docs:
        for e in ents_of(doc):
            if e.label_ in ("PERSON", "DIP_PERSON") and len(e) >= 2:
                full = " ".join(t.text for t in e if t.text[:1].isupper() and t.is_alpha)
                if " " in full:
                    for part in full.split()[1:] + full.split()[:1]:
                        seen.setdefault(part.lower(), set()).add(full)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
