"""States and their organs: the state a noun phrase belongs to, the owner of a noun,
the state a body or person acts for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.consolidate import side_key
from diplograph.extract.context import Context
from diplograph.extract.resolve.names import last_actor_state, state_of_ent
from diplograph.extract.syntax import (
    child_of,
    ent_of,
    is_pronoun,
    prep_of,
    strip_det,
)
from diplograph.extract.words import M, W
from diplograph.model import Actor
from diplograph.schema.reference import slug

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.resolve import Resolver


def np_state(self: Resolver, h: Token, ctx: Context, fallback: bool, ent: Span | None = None,
              states_only: bool = False) -> str | None:
    """The state a noun phrase belongs to: a demonym, a possessive, "of X", or context."""
    cands: list[Token] = []
    if ent is not None:
        for t in reversed(ent.doc[max(ent.start - 6, 0) : ent.start]):
            if t.pos_ in ("VERB", "PUNCT", "AUX") or t.dep_ in ("nsubj", "dobj"):
                break
            cands.append(t)
    cands.extend(c for c in h.children if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"))
    for c in list(cands):
        cands.extend(cc for cc in c.children if cc.dep_ in ("amod", "compound", "poss"))
    if ent is not None:
        cands = [c for c in cands if not ent.start <= c.i < ent.end]
    # states named outright come before bodies and persons that imply one
    cands.sort(key=lambda c: c.ent_type_ not in ("DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL"))
    if states_only:
        cands = [c for c in cands if c.ent_type_ in ("DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL")
                 and c.dep_ in ("poss", "amod", "compound", "nmod")]
    for c in cands:
        if c.ent_type_ in ("DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL"):
            e = ent_of(c)
            if e is not None:
                return e.ent_id_.partition(":")[2]
        if c.ent_type_ in ("DIP_BODY",):
            e = ent_of(c)
            body = self.ref.bodies.get(e.ent_id_.partition(":")[2]) if e is not None else None
            if body and body.country:
                return body.country
        if c.ent_type_ in ("DIP_PERSON", "PERSON"):
            e = ent_of(c)
            if e is not None:
                person = self.person(e, ctx)
                if person.country:
                    return person.country
    # every "of": "the Ministry of Foreign Affairs of the Republic of Poland"
    preps = [(c.lower_, child_of(c, {"pobj"})) for c in h.children
             if c.dep_ == "prep" and c.lower_ in ("of", "in", "for")]
    preps.sort(key=lambda x: ("of", "in", "for").index(x[0]))
    for prep, pobj in preps:
        if pobj is not None and pobj.ent_type_ == "DIP_BODY":
            e = ent_of(pobj)
            body = self.ref.bodies.get(e.ent_id_.partition(":")[2]) if e is not None else None
            named = self.np_state(pobj, ctx, fallback=False, ent=e, states_only=True)
            if named:
                return named
            if body is not None and body.country:
                return body.country
        if pobj is not None and pobj.ent_type_ in ("DIP_STATE", "DIP_CAPITAL"):
            e = ent_of(pobj)
            if e is not None:
                return e.ent_id_.partition(":")[2]
        if pobj is not None and prep == "of" and pobj.ent_type_ in ("DIP_PERSON", "PERSON"):
            e = ent_of(pobj)  # "the government of Bashar al-Assad"
            leader = self.person(e, ctx) if e is not None else None
            if leader is not None and leader.country:
                return leader.country
    if not fallback:
        return None
    clause = h.head if h.dep_ in ("nsubj", "nsubjpass") else None
    if clause is not None and clause.dep_ == "relcl" and any(
            c.lower_ in ("where", "whose") for c in clause.children) and \
            clause.head.ent_type_ in ("DIP_STATE", "DIP_CAPITAL"):
        e = ent_of(clause.head)  # "the United States, where prosecutors charged him"
        if e is not None:
            return e.ent_id_.partition(":")[2]
    if h.lemma_.lower() in W.legal_words and ctx.legal_sources and ctx.legal_sources[0].country:
        return ctx.legal_sources[0].country
    sent = h.sent
    for t in h.doc[sent.start:h.i]:
        if t.dep_ == "prep" and t.lower_ == "in" and t.head.dep_ == "ROOT":
            place = child_of(t, {"pobj"})  # "In Moscow, the foreign ministry said ..."
            if place is not None and place.ent_type_ in ("DIP_CAPITAL", "DIP_STATE"):
                e = ent_of(place)
                if e is not None:
                    return e.ent_id_.partition(":")[2]
    return context_state(h, ctx)


def context_state(h: Token, ctx: Context, last_source: bool = False) -> str | None:
    """The state a title with no state named ("President Daniel Noboa", "the ministry")
    belongs to, from the context: the state whose act the title's holder reports ("Ecuador
    will impose ..., President Daniel Noboa said"), whoever speaks in the sentence, the
    issuer of the statement, (the party that spoke last,) the last state named, the
    article's main state."""
    said = h.head if h.dep_ == "nsubj" else h.head.head if h.dep_ == "compound" else None
    for c in said.children if said is not None else ():
        subj = child_of(c, {"nsubj"}) if c.dep_ == "ccomp" else None
        if subj is not None and subj.ent_type_ in ("DIP_STATE", "DIP_CAPITAL") and \
                (e := ent_of(subj)) is not None:
            return e.ent_id_.partition(":")[2]
    issued = ctx.issuer.country if ctx.issuer is not None else None
    spoke = ctx.last_source.country if last_source and ctx.last_source is not None else None
    return ctx.sentence_state or issued or spoke or last_actor_state(ctx) or ctx.default_state


def owner_of(self: Resolver, tok: Token, ctx: Context) -> list[Actor]:
    """The party a non-actor noun belongs to: "China's cybersecurity", "the US embassy"."""
    by = prep_of(tok, "by")
    if by is None:
        part = next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        by = prep_of(part, "by") or child_of(part, {"agent"}) if part is not None else None
    agent = child_of(by, {"pobj"}) if by is not None else None
    if agent is not None:
        acts = [self.state_for(a) if a.kind == "GovernmentBody" else a
                for a in self.actors(agent, ctx)]
        if not acts:
            st = self.np_state(agent, ctx, fallback=False)
            acts = [a for a in [self.ref.state_actor(st) if st else None] if a]
        if acts:
            return acts
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            acts = self.actors(child, ctx)
            if acts:
                return acts
    of = prep_of(tok, "of")
    pobj = child_of(of, {"pobj"}) if of is not None else None
    if tok.lemma_.lower() in W.patient_nouns:
        pobj = None  # "the detention of X": X is held, not holding
        where = prep_of(tok, "in")
        place = child_of(where, {"pobj"}) if where is not None else None
        if place is not None:
            acts = [self.state_for(a) for a in self.actors(place, ctx)
                    if a.kind in ("State", "GovernmentBody")]
            if acts:
                return acts[:1]  # "the detention of two journalists in Tehran"
    if pobj is not None:
        acts = self.actors(pobj, ctx)
        if acts:
            return acts  # "the assets of X" belong to X, whatever "American" says
    found: list[Actor] = []
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_.startswith("DIP_"):
            for a in self.actors(child, ctx) or state_of_ent(child, self.ref):
                if a not in found:
                    found.append(a)
            for gc in child.children:
                if gc.dep_ in ("compound", "amod", "nmod", "conj") and gc.ent_type_.startswith(
                        "DIP_"):
                    found.extend(a for a in self.actors(gc, ctx) if a not in found)
    if found:
        return found
    of = prep_of(tok, "of")
    pobj = child_of(of, {"pobj"}) if of is not None else None
    if pobj is not None and tok.lemma_.lower() not in W.patient_nouns:
        # "the results of the Belarusian election": whose election
        return self.actors(pobj, ctx) or [
            a for c in pobj.children if c.dep_ in ("amod", "compound", "poss")
            and c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL")
            for a in state_of_ent(c, self.ref)]
    where = prep_of(tok, "in")  # "the coup in Niger": an event in a state is that state's
    pobj = child_of(where, {"pobj"}) if where is not None else None
    if pobj is not None and tok.lemma_.lower() in W.event_nouns:
        return [a for a in self.actors(pobj, ctx) if a.kind == "State"]
    return []


def earlier_owner(self: Resolver, noun: Token, ctx: Context,
                   speakers: list[Actor] | None = None) -> list[Actor]:
    """ "described the strike as ...": whose strike it was when the article first named it."""
    if is_pronoun(noun) and noun.lower_ in ("it", "this", "that"):
        mine = {side_key(a) for a in speakers or []}
        for c in reversed(ctx.acts[-4:]):
            if side_key(c.source) in mine or (c.source.country and c.source.country in {
                    a.country for a in speakers or []}):
                # "X described the strike as terrorism and called it reckless": the thing
                # X spoke of just before, so its target
                if c.target is not None:
                    return [self.state_for(c.target)]
                continue
            return [self.state_for(c.source)]
        owners = list(ctx.noun_owners.values())
        return owners[-1:]
    owner = ctx.noun_owners.get(noun.lemma_.lower())
    return [owner] if owner is not None else []


def state_for(self: Resolver, a: Actor) -> Actor:
    """A group or body of a state, seen as that state (for targets of reactions)."""
    if a.kind in ("Group", "GovernmentBody") and a.country:
        st = self.ref.state_actor(a.country)
        if st is not None:
            return st
    return a


def acting_for(self: Resolver, actor: Actor, ctx: Context) -> Actor:
    if actor.kind == "Person":
        return ctx.person_source.get(actor.id, actor)
    return actor


def patron_state(self: Resolver, h: Token, ctx: Context) -> Actor | None:
    """ "hackers working for the Chinese state", "militants backed by Iran": that state."""
    for c in h.children:
        if c.dep_ == "acl" and c.lemma_.lower() in W.patronage_verbs:
            for p in c.children:
                if p.dep_ in ("prep", "agent") and p.lower_ in ("for", "by", "to", "on", "with"):
                    obj = child_of(p, {"pobj"})
                    if obj is None:
                        continue
                    st = self.np_state(obj, ctx, fallback=False)
                    for a in self.actors(obj, ctx):
                        if a.kind in ("State", "GovernmentBody") and a.country:
                            return self.ref.state_actor(a.country)
                    if st and obj.lemma_.lower() in W.state_apparatus:
                        return self.ref.state_actor(st)
    return None


def entity_actor(self: Resolver, h: Token, ctx: Context) -> Actor | None:
    ent = ent_of(h)
    if ent is None:
        return None
    label = ent.label_
    ident = ent.ent_id_
    _, _, key = ident.partition(":")
    ref = self.ref
    if label in ("DIP_STATE", "DIP_CAPITAL", "DIP_DEMONYM"):
        if label == "DIP_DEMONYM" and h.dep_ in ("amod", "compound") and h.head.pos_ in ("NOUN", "PROPN"):
            return None
        if label == "DIP_DEMONYM" and h.tag_ in ("NNS", "NNPS") and any(
                c.dep_ in ("nummod", "quantmod", "det") and c.lower_ not in ("the",)
                for c in h.children):
            text = " ".join(t.text for t in h.subtree if t.i <= h.i and t.pos_ != "NUM"
                            and t.dep_ not in ("det", "nummod", "quantmod", "punct"))
            return Actor(id=f"group-{slug(text)}", label=text, kind="Group", country=key)
        return ref.state_actor(key)
    if label == "DIP_IGO":
        return ref.igos.get(key)
    if label == "DIP_ORG":
        return ref.groups.get(key)
    if label == "DIP_BODY":
        body = ref.body_actor(key, None)
        named = self.np_state(ent.root, ctx, fallback=False, ent=ent, states_only=True)
        if body is not None and named and named != body.country:
            # "Iran's Supreme National Security Council" is not the US one
            text = strip_det(ent.text)
            return Actor(id=f"{named.lower()}-{slug(text)}", label=text,
                         kind="GovernmentBody", country=named)
        return body
    if label == "DIP_GBODY":
        state = self.np_state(ent.root, ctx, fallback=True, ent=ent)
        return ref.body_actor(key, state) if state else None
    if label in ("DIP_PERSON", "PERSON"):
        return self.person(ent, ctx)
    if label == "NORP" and h.tag_ in ("NNS", "NNPS") and h.dep_ in ("pobj", "dobj") and any(
            c.dep_ in ("nummod", "quantmod") for c in h.children):
        # "ten Europeans", "two Uyghurs": people named by a group, not a state
        return Actor(id=f"group-{slug(h.text)}", label=h.text, kind="Group")
    if label in ("ORG", "GPE", "NORP", "PRODUCT") and len(ent) == 1 and (
            ent.text.lower() in self.ref.unique_surnames or ent.text.lower() in ctx.persons
            or ent.text.lower() in ctx.full_names):
        return self.person(ent, ctx)  # "Trump" tagged as an organisation
    if label == "ORG":
        words = {t.lower_.strip(".") for t in ent}
        text = strip_det(ent.text)
        if len(ent) == 1:
            for a in reversed(ctx.recent):
                if a.kind in ("IGO", "GovernmentBody", "Organization", "Company") and \
                        text.lower() in a.label.lower().split() and text.lower() != a.label.lower():
                    return a  # "the Council", after "the Council of the EU"
            bare = M.bare_names.get(text)
            if bare is not None and bare[0] in ctx.igos_named and bare[1] in ref.igos:
                return ref.igos[bare[1]]  # EU statements: "The Council today ..."
        for body_word, body_id in ref.generic_body_words.items():
            if body_word in text.lower() and len(body_word) > 4:
                state = self.np_state(ent.root, ctx, fallback=True, ent=ent)
                if state:
                    return ref.body_actor(body_id, state)
        if words & W.organ_words:
            state = self.np_state(ent.root, ctx, fallback=False, ent=ent)
            if state:
                return Actor(id=f"{state.lower()}-{slug(text)}", label=text,
                             kind="GovernmentBody", country=state)
        is_company = words & W.company_suffix or (text.isupper() and len(text) <= 5)
        kind_name = "Company" if is_company else "Organization"
        return Actor(id=f"org-{slug(text)}", label=text, kind=kind_name)
    return None


def generic_body_from_words(self: Resolver, h: Token, ctx: Context) -> Actor | None:
    body_id = self.ref.generic_body_words.get(h.lemma_.lower()) or self.ref.generic_body_words.get(
        h.lower_)
    if body_id is None:
        return None
    state = self.np_state(h, ctx, fallback=h.lemma_.lower() in W.government_nouns)
    return self.ref.body_actor(body_id, state) if state else None
