"""Parties found through the discourse: the act a definite noun refers back to, the
author of an earlier act, the party that caused a reaction or must meet a condition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.consolidate import same_party, side_key
from diplograph.extract.context import Candidate, Context
from diplograph.extract.resolve.names import state_of_ent
from diplograph.extract.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    child_of,
    prep_of,
)
from diplograph.extract.words import M, W
from diplograph.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.engine import Extractor


def envoy_state(self: Extractor, person: Actor, ctx: Context) -> Actor:
    """The state an envoy speaks for, or the envoy when it is not known."""
    acting = self.state_for(self.acting_for(person, ctx))
    if acting.kind == "State":
        return acting
    st = self.ref.state_actor(person.country) if person.country else None
    return st or person


def holder_of(self: Extractor, act: Token, sources: list[Actor], ctx: Context) -> list[Actor]:
    """Who holds, tries or expels in "the detention of X in Tehran" or "the jailing of X"
    when no agent is named: the state where it happens, else whoever the article last
    reported doing it."""
    for t in act.subtree:
        if t.dep_ == "prep" and t.lower_ == "in":
            place = child_of(t, {"pobj"})
            if place is not None and place.ent_type_ in ("DIP_CAPITAL", "DIP_STATE"):
                acts = [self.state_for(a) for a in self.actors(place, ctx)]
                if acts:
                    return acts[:1]
    kind = M.noun_acts.get(act.lemma_.lower(), (None,))[0]
    for cand in reversed(ctx.acts):
        if cand.type in (kind, "ARREST", "CHARGE") and not any(
                same_party(cand.source, s) for s in sources):
            return [self.state_for(cand.source)]
    return []


def alleged_patrons(self: Extractor, tok: Token, ctx: Context) -> list[Actor]:
    """States an act alleges someone worked for: "spying for X", "acting on behalf of X"."""
    out: list[Actor] = []
    for t in tok.subtree:
        if t.dep_ != "prep" or t.lower_ not in ("for", "on"):
            continue
        if t.head.lemma_.lower() not in W.agency_words:
            continue
        pobj = child_of(t, {"pobj"})
        if pobj is None:
            continue
        if pobj.lower_ in W.behalf:
            of = prep_of(pobj, "of")
            pobj = child_of(of, {"pobj"}) if of is not None else None
            if pobj is None:
                continue
        for a in self.actors(pobj, ctx) or self.owner_of(pobj, ctx):
            st = self.state_for(a)
            if st.kind == "State" and st not in out:
                out.append(st)
        if not out:
            state = self.np_state(pobj, ctx, fallback=False)
            st_actor = self.ref.state_actor(state) if state else None
            if st_actor is not None:
                out.append(st_actor)
    return out


def prior_act(self: Extractor, etype: str, sources: list[Actor], ctx: Context) -> Actor | None:
    """The party behind the last act of this type ("condemned the detention")."""
    sides = {side_key(a) for a in sources}
    for c in reversed(ctx.acts):
        if c.type == etype and side_key(c.source) not in sides:
            return self.state_for(c.source)
    return None


def referred_act(self: Extractor, noun: Token, sources: list[Actor], ctx: Context) -> Candidate | None:
    """The act "the drills", "the protest", "the resolution" refers back to: the last one of
    its kind the article reported, by a party other than ``sources``."""
    lemma = noun.lemma_.lower()
    wanted = ("COOPERATE",) if lemma in W.joint_activities else M.answerable.get(lemma)
    if wanted is None or not any(c.lower_ in ("the", "these", "those", "this", "that")
                                 for c in noun.children):
        return None
    sides = {side_key(a) for a in sources} | {a.country for a in sources if a.country}
    return next((c for c in reversed(ctx.acts[-8:]) if c.type in wanted
                 and side_key(c.source) not in sides and c.source.country not in sides), None)


def authors_of(self: Extractor, noun: Token, sources: list[Actor], ctx: Context) -> list[Actor]:
    """Every party behind "the drills" ("Chinese and Russian warships began joint drills")."""
    act = self.referred_act(noun, sources, ctx)
    if act is None:
        return []
    tok = act.trigger.tok
    return list(dict.fromkeys(self.state_for(x.source) for x in ctx.acts
                              if x.trigger.tok.i == tok.i and x.trigger.tok.doc is tok.doc))


def answered_act(self: Extractor, tok: Token, sources: list[Actor], ctx: Context) -> Actor | None:
    """ "Seoul rejected the protest", "rejected the resolution": a definite act noun with no
    owner named refers back to an act the article reported; its author is the target."""
    obj = child_of(tok, OBJ)
    if obj is None or obj.lemma_.lower() not in M.answerable:
        return None
    act = self.referred_act(obj, sources, ctx)
    return self.state_for(act.source) if act is not None else None


def accuser_of(self: Extractor, sources: list[Actor], ctx: Context) -> Actor | None:
    """The party whose accusation a denial answers: the last one aimed at the denier."""
    sides = {side_key(a) for a in sources} | {a.country for a in sources if a.country}
    for c in reversed(ctx.acts):
        if c.type in ("ACCUSE", "CRITICIZE", "CHARGE", "SANCTION", "ARREST", "PROTEST") and \
                c.target is not None and (side_key(c.target) in sides
                                          or c.target.country in sides) and \
                side_key(c.source) not in sides:
            return c.source
    return None


def cause_party(self: Extractor, tok: Token, ctx: Context, sources: list[Actor]) -> list[Actor]:
    """A reaction is aimed at whoever caused it: "protested after Chinese ships entered"."""
    src = {side_key(a) for a in sources}
    obj = child_of(tok, OBJ)
    heads = [*tok.children, *(obj.children if obj is not None and obj.lemma_.lower() in
                              W.hostile_nouns else ())]  # "vowed revenge for the killing"
    for c in heads:
        if c.dep_ in ("advcl", "prep") and c.lower_ in ("after", "over", "because", "following",
                                                         "for") and (
                c.lower_ != "for" or c.head.lemma_.lower() in W.hostile_nouns):
            clause = c if c.dep_ == "advcl" else child_of(c, {"pobj", "pcomp"})
            if clause is None:
                continue
            subj = child_of(clause, SUBJ | PASS_SUBJ) or clause
            st = self.np_state(subj, ctx, fallback=False)
            extra = [x for x in [self.ref.state_actor(st) if st else None] if x is not None]
            for a in self.actors(subj, ctx) + self.owner_of(subj, ctx) + extra:
                a = self.state_for(a)
                if side_key(a) not in src:
                    return [a]
        if c.dep_ == "advcl" and any(m.lower_ in ("after", "because") for m in c.children):
            csubj = child_of(c, SUBJ | PASS_SUBJ)
            if csubj is not None:
                st = self.np_state(csubj, ctx, fallback=False)
                extra = [x for x in [self.ref.state_actor(st) if st else None] if x is not None]
                for a in self.actors(csubj, ctx) + extra:
                    a = self.state_for(a)
                    if side_key(a) not in src:
                        return [a]
    return []


def condition_party(self: Extractor, tok: Token, ctx: Context) -> list[Actor]:
    """A threat is aimed at whoever must meet its condition: "... unless Baghdad accepts"."""
    cur = tok
    for _ in range(3):
        for c in cur.subtree:
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                subj = child_of(c, SUBJ | PASS_SUBJ)
                if subj is not None:
                    acts = [self.acting_for(a, ctx) for a in self.actors(subj, ctx)]
                    if acts:
                        return acts
        if cur.dep_ in ("xcomp", "conj"):
            cur = cur.head
            continue
        break
    return []


def search_preps(self: Extractor, head: Token, preps: tuple[str, ...], ctx: Context) -> list[Actor]:
    """Actors in prepositional phrases anywhere under a noun phrase, not crossing clauses."""
    stack = [head]
    seen = 0
    while stack and seen < 40:
        cur = stack.pop(0)
        seen += 1
        for child in cur.children:
            if child.dep_ in ("relcl", "ccomp", "advcl", "conj", "punct", "appos"):
                continue
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = child_of(child, {"pobj"})
                if pobj is not None:
                    acts = self.actors(pobj, ctx) or self.owner_of(pobj, ctx)
                    if acts:
                        return acts
            stack.append(child)
    return []


def clause_accused(self: Extractor, clause: Token, ctx: Context, sources: list[Actor]) -> list[Actor]:
    """Whom an alleged clause implicates: a state or state organ in it first."""
    src_ids = {a.id for a in sources}
    found: list[Actor] = []
    for t in clause.subtree:
        if t.ent_type_ and t.ent_iob_ == "B":
            for a in self.actors(t, ctx) or state_of_ent(t, self.ref):
                if a.id not in src_ids and a not in found:
                    found.append(a)
    states = [a for a in found if a.kind in ("State", "GovernmentBody")]
    return states[:1] or found[:1]


def involved(self: Extractor, about: Token, ctx: Context) -> list[Actor]:
    out: list[Actor] = []
    for t in about.subtree:
        if t.ent_iob_ == "B" and t.ent_type_ in ("ORG", "DIP_COMPANY"):
            for a in self.actors(t, ctx):
                if a.kind in ("Company", "Organization") and a not in out:
                    out.append(a)
    return out
