"""Acts that reach more parties than one clause names: "at the request of", a group
named person by person, a list continued in the next sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from diplograph.extract.consolidate import same_party
from diplograph.extract.context import Candidate, Context, Trigger
from diplograph.extract.resolve.names import state_of_ent
from diplograph.extract.syntax import (
    OBJ,
    SUBJ,
    child_of,
    is_negated,
    is_passive,
    prep_of,
    strip_det,
)
from diplograph.extract.words import W
from diplograph.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span

    from diplograph.extract.engine import Extractor


def at_request(self: Extractor, sent: Span, ctx: Context) -> Iterator[Candidate]:
    """ "arrested X at the request of the United States", "at Washington's request": the
    requester asked whoever did it."""
    for tok in self.tokens(sent):
        if tok.lemma_.lower() not in W.request_nouns or tok.dep_ != "pobj" \
                or tok.head.lower_ not in ("at", "upon", "on", "under", "following", "after") \
                or tok.head.head.pos_ != "VERB":
            continue
        of = prep_of(tok, "of") or prep_of(tok, "from")
        who = child_of(of, {"pobj"}) if of is not None else child_of(tok, {"poss"})
        requesters = [self.acting_for(a, ctx) for a in self.actors(who, ctx)]
        if not requesters:
            continue
        verb = tok.head.head
        doers = self.subject_actors(verb, ctx, None) if not is_passive(verb) else []
        if not doers and is_passive(verb):
            agent = prep_of(verb, "by")
            doers = self.actors(child_of(agent, {"pobj"}), ctx) if agent is not None else []
        if not doers and is_passive(verb):
            # "were arrested in Malaysia at the request of ...", "he was arrested, police
            # said, under a request from ...": the state where it happened, or that spoke
            where = prep_of(verb, "in")
            place = child_of(where, {"pobj"}) if where is not None else None
            doers = [a for a in self.actors(place, ctx) if a.kind == "State"] \
                if place is not None else []
            if not doers:
                doers = [a for a in (self.prior_act("ARREST", requesters, ctx),) if a]
        entry = self.lex.entry("at_request")
        if entry is None:
            return
        obj = child_of(verb, OBJ)
        about = verb.lemma_ + (" " + strip_det(obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text)
                               if obj is not None else "")
        asked: list[Actor | None] = list(doers) or [None]
        for src in requesters:
            for tgt in asked:
                if tgt is None or not same_party(tgt, src):
                    yield Candidate("DEMAND", src, self.state_for(tgt) if tgt else None, None,
                                    Trigger(tok, entry, tok.i + 1), about, 0.6)


def group_named(self: Extractor, sent: Span, ctx: Context, index: dict[int, Trigger]
                 ) -> Iterator[Candidate]:
    """ "Five Chinese nationals were charged ... The Chinese defendants, A, B and C, remain
    at large": the group an earlier act named, now named person by person."""
    for tok in self.tokens(sent):
        if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "appos" for c in tok.children) \
                or tok.head.i in index or not any(c.lower_ == "the" for c in tok.children):
            continue
        demonym = state_of_ent(tok, self.ref) if tok.ent_type_ == "DIP_DEMONYM" else []
        country = self.np_state(tok, ctx, fallback=False) or (
            demonym[0].country if demonym else None)
        lemma = tok.lemma_.lower()
        earlier = [c for c in reversed(ctx.acts[-10:]) if c.type in ("CHARGE", "ARREST", "SANCTION")
                   and c.target is not None and c.target.kind == "Group" and (
                       (country and c.target.country == country)
                       or lemma in c.target.label.lower())]
        if not earlier:
            continue
        named = [a for a in self.actors(tok, ctx) if a.kind == "Person"]
        if len(named) < 2:
            continue
        done: set[tuple[str, str]] = set()
        for act in earlier:
            if (act.type, act.source.id) in done:
                continue  # one event per type and source
            done.add((act.type, act.source.id))
            for person in named:
                yield Candidate(act.type, act.source, person, None,
                                Trigger(tok, act.trigger.entry, tok.i + 1), act.about, 0.6)


def list_continued(self: Extractor, sent: Span, ctx: Context) -> Iterator[Candidate]:
    """ "The list also includes A, B and C", "Among them are A and B": more names for the
    sanctions, charges or arrests the article just reported."""
    recent = [c for c in reversed(ctx.acts[-8:]) if c.type in ("SANCTION", "CHARGE", "ARREST")
              and c.target is not None]
    # a list goes on the last verbal act ("imposed sanctions on"), or on an act against an
    # unnamed group ("measures against ten Europeans. They include ...")
    last = next((c for c in recent if c.trigger.tok.pos_ != "NOUN"
                 or (c.target is not None and c.target.kind == "Group")), None)
    if last is None or last.target is None:  # (the target check is for the type checker)
        return
    named: list[Actor] = []
    group = ctx.last_group
    for tok in self.tokens(sent):
        subj = child_of(tok, SUBJ)
        if tok.lemma_.lower() in W.including_verbs and subj is not None and \
                subj.lemma_.lower() in W.list_nouns and not is_negated(tok):
            named = self.actors(child_of(tok, OBJ), ctx)
        elif tok.lemma_.lower() == "be" and subj is not None and any(
                p.lower_ == "among" and any(c.lower_ in ("them", "those", "these")
                                            for c in p.children) for p in tok.children):
            named = self.actors(subj, ctx)
        elif tok.lemma_.lower() == "be" and subj is not None and \
                subj.lemma_.lower() in W.list_nouns | W.person_nouns and any(
                    c.lemma_.lower() in W.listing for c in subj.children
                    if c.dep_ in ("acl", "amod", "relcl")):
            named = self.actors(child_of(tok, {"attr"}), ctx)  # "The persons listed are A, B"
        elif tok.lemma_.lower() in W.listing_verbs and subj is not None and \
                subj.lower_ in ("they", "these", "those") and last.target.kind == "Group" and \
                not is_negated(tok):
            named = self.actors(child_of(tok, OBJ), ctx)  # "... ten Europeans. They include A"
        if named:
            break
    ctx.last_group = group
    kinds = ("Person", "Company", "Organization")
    for a in named:
        if a.kind in kinds and not same_party(a, last.source):
            yield Candidate(last.type, last.source, a, None, Trigger(tok, last.trigger.entry,
                                                                     tok.i + 1),
                            last.about, 0.6)
