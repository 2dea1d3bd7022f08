"""Persons: known officials, the body a person speaks for, titles in apposition.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.resolve.names import (
    body_of_role,
    join_names,
    role_words_of,
    stateless_body,
)
from diplograph.extract.resolve.states import context_state
from diplograph.extract.syntax import (
    child_of,
    np_body,
)
from diplograph.extract.words import W
from diplograph.model import Actor
from diplograph.schema.reference import FOREIGN_MINISTRY, STATE_ROLE, Official, slug

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.resolve import Resolver


def person(self: Resolver, ent: Span, ctx: Context) -> Actor:
    ref = self.ref
    name_toks = [t for t in ent if t.lower_.strip(".") not in W.title_words
                 and t.lower_ not in ref.roles and not t.ent_type_.startswith("DIP_G")]
    # drop leading title words that NER folded into the name
    while name_toks and (name_toks[0].lower_ in ref.roles or name_toks[0].lower_ in W.titles):
        name_toks = name_toks[1:]
    name = join_names(name_toks) or ent.text
    name = re.sub(r"'s$", "", name).strip()
    longer = False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ == "DIP_PERSON" and nxt is not None and nxt.pos_ == "PROPN" and \
            nxt.text[:1].isupper() and not nxt.ent_type_.startswith("DIP_"):
        # "Park Jin Hyok" is not the official "Park Jin": the name goes on
        end = ent.end
        while end < len(ent.doc) and ent.doc[end].pos_ == "PROPN" and \
                ent.doc[end].text[:1].isupper() and not ent.doc[end].ent_type_.startswith("DIP_"):
            end += 1
        first = name_toks[0].i if name_toks else ent.start
        name = join_names(list(ent.doc[first:end]))
        longer = True
    if " " not in name and name.lower() in ctx.full_names:
        name = ctx.full_names[name.lower()]  # "Lam", after "Carrie Lam"
    low = name.lower()
    if low in ctx.persons:
        return ctx.persons[low]
    for known in list(ctx.persons.values()):
        parts = known.label.lower().split()
        if len(name_toks) == 1 and low in parts:
            return known
    off = None if longer else ref.official(name, ctx.article.date)
    country = off.country if off else None
    actor = Actor(id=off.id if off else f"person-{slug(name)}", label=off.name if off else name,
                  kind="Person", country=country, wikidata=off.wikidata if off else None)
    role_words = role_words_of(ent, ref)
    state = country or self.np_state(ent.root, ctx, fallback=False, ent=ent)
    body_id = None
    body_ent = np_body(ent.root)
    if body_ent is not None:
        bkind, _, bkey = body_ent.ent_id_.partition(":")
        if bkind == "body":
            src = ref.body_actor(bkey, None)
            state = state or (src.country if src else None)
            if src:
                self.register(ctx, actor, name, src)
                return actor
        body_id = bkey
    if body_id is None and role_words:
        body_id = ref.roles.get(role_words)
        if (body_id == FOREIGN_MINISTRY and role_words in W.spokespersons
                and ctx.last_source is not None and ctx.last_source.kind == "GovernmentBody"
                and (state is None or ctx.last_source.country == state)):
            # "Spokesman X said" after "the commerce ministry said": its spokesman
            self.register(ctx, replace(actor, country=ctx.last_source.country), name,
                           ctx.last_source)
            return ctx.persons[name.lower()]
    if body_id is None and off is not None:
        body_id = self.official_body(off)
    if body_id is not None and stateless_body(body_id, ref):
        src = self.body_source(body_id, None)
        if src is not None:
            self.register(ctx, actor, name, src)
            return actor
    if body_id is not None and state is None:
        state = context_state(ent.root, ctx, last_source=True)
    if body_id is not None and state is not None:
        actor = replace(actor, country=actor.country or state)
        src = self.body_source(body_id, state)
        if src is not None:
            self.register(ctx, actor, name, src)
            return actor
    self.register(ctx, actor, name, None)
    return actor


def title_in_apposition(self: Resolver, h: Token, person: Actor, ctx: Context) -> None:
    """ "Ali Shamkhani, secretary of Iran's security council": he speaks for Iran."""
    for ap in h.children:
        if ap.dep_ != "appos" or ap.pos_ != "NOUN":
            continue
        words = " ".join(t.lower_ for t in ap.subtree if t.i <= ap.i and t.pos_ in (
            "NOUN", "ADJ", "PROPN"))
        role = next((r for r in (words, ap.lemma_.lower()) if r in self.ref.roles), None)
        owner = next((c for c in ap.children if c.dep_ in ("poss", "compound", "nmod")
                      and c.ent_type_ in ("DIP_ORG", "DIP_IGO")), None) or next(
            (o for p in ap.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("DIP_ORG", "DIP_IGO")),
            None)  # "the prosecutor of the International Criminal Court"
        org = self.entity_actor(owner, ctx) if owner is not None else None
        if org is not None:  # "Mohammed Abdulsalam, the Houthis' spokesman": speaks for them
            self.register(ctx, replace(person, country=person.country or org.country),
                           person.label, org)
            return
        state = self.np_state(ap, ctx, fallback=False)
        if state is None:
            for p in ap.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "for"):
                    pobj = child_of(p, {"pobj"})
                    if pobj is not None:
                        state = self.np_state(pobj, ctx, fallback=False) or next(
                            (a.country for a in self.actors(pobj, ctx) if a.country), None)
        if state is None:
            continue
        body = self.ref.roles.get(role or "", STATE_ROLE)
        src = (self.ref.state_actor(state) if body == STATE_ROLE or body.startswith("igo:")
               else self.ref.body_actor(body, state)) or self.ref.state_actor(state)
        if src is not None:
            self.register(ctx, replace(person, country=person.country or state),
                           person.label, src)
        return


def official_by_name(self: Resolver, name: str, ctx: Context) -> Actor | None:
    """A known official by full name, with the body they speak for."""
    off = self.ref.official(name, ctx.article.date)
    if off is None:
        return None
    actor = Actor(id=off.id, label=off.name, kind="Person", country=off.country,
                  wikidata=off.wikidata)
    body_id = self.official_body(off)
    src = self.body_source(body_id, off.country) if body_id is not None else None
    self.register(ctx, actor, name, src)
    return actor


def official_body(self: Resolver, off: Official) -> str | None:
    """The body a known official speaks for, or else their state."""
    ref = self.ref
    return ref.roles.get(off.role) or body_of_role(off.role, ref) or (
        STATE_ROLE if off.country else None)


def body_source(self: Resolver, body_id: str, state: str | None) -> Actor | None:
    """The party a title speaks for: an IGO, a named body, or a state or one of its bodies."""
    ref = self.ref
    if stateless_body(body_id, ref):
        return ref.igos.get(body_id[4:]) if body_id.startswith("igo:") else \
            ref.body_actor(body_id, None)
    if state is None:
        return None
    return ref.state_actor(state) if body_id == STATE_ROLE else ref.body_actor(body_id, state)


def register(self: Resolver, ctx: Context, actor: Actor, name: str, source: Actor | None) -> None:
    ctx.persons[name.lower()] = actor
    ctx.persons[actor.label.lower()] = actor
    if source is not None:
        ctx.person_source[actor.id] = source
    elif actor.id not in ctx.person_source:
        ctx.person_source[actor.id] = actor
