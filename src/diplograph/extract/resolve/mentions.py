"""Actors a noun phrase names: entities, lists and conjuncts, appositions, groups,
pronouns; the first survey of an article's names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.consolidate import side_key
from diplograph.extract.context import Context
from diplograph.extract.resolve.names import name_run, names_in_full, state_of_ent
from diplograph.extract.syntax import (
    NUMBER_WORDS,
    OBJ,
    PASS_SUBJ,
    STATE_ENTS,
    SUBJ,
    child_of,
    conjuncts,
    conjuncts_any,
    ent_of,
    ents_of,
    is_pronoun,
    prep_of,
)
from diplograph.extract.words import M, W
from diplograph.model import Actor
from diplograph.schema.reference import STATE_ROLE, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from diplograph.extract.resolve import Resolver


def actors(self: Resolver, tok: Token | None, ctx: Context) -> list[Actor]:
    """The actors a noun phrase names, with conjuncts and appositions expanded."""
    if tok is None:
        return []
    heads = [tok, *conjuncts(tok)]
    if tok.ent_type_ in STATE_ENTS:
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": the parser may take
        # the second state for an apposition of the first
        for ap in tok.children:
            if ap.dep_ == "appos" and ap.ent_type_ in STATE_ENTS:
                heads += [ap, *conjuncts(ap)]
    out: list[Actor] = []
    for h in heads:
        for a in self.head_actors(h, ctx):
            if a not in out:
                out.append(a)
    ctx.mention(out)
    persons = [a for a in out if a.kind == "Person"]
    if len(persons) > 1:
        ctx.last_group = persons
    return out


def last_states(ctx: Context, n: int) -> list[Actor]:
    """The last ``n`` distinct states the article named, most recent first."""
    out: list[Actor] = []
    for a in reversed(ctx.recent):
        if a.kind == "State" and a not in out:
            out.append(a)
            if len(out) == n:
                break
    return out if len(out) == n else []


def definite_description(h: Token, ctx: Context) -> Actor | None:
    """The actor "the country", "the Ministry", "this ministry" or "the separatist group"
    refers back to: the issuer of the statement when it is such a body, else the last
    actor of that kind the article named."""
    det = next((c for c in h.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this") or h.pos_ not in ("NOUN", "PROPN") or \
            h.tag_ not in ("NN", "NNP") or h.ent_type_ not in ("", "ORG"):
        return None
    if any(c.dep_ not in ("det", "amod", "compound") or c.ent_type_ for c in h.children):
        return None  # "the ministry of X", "the Chinese ministry": named, not referred to
    lemma = h.lemma_.lower()
    plain = len(list(h.children)) == 1
    if lemma in W.country_nouns and plain:
        return next((a for a in reversed(ctx.recent) if a.kind == "State"), None)
    if lemma in W.body_nouns and plain:
        def fits(a: Actor) -> bool:
            return a.kind in ("GovernmentBody", "IGO") and (
                lemma in a.label.lower() or (lemma in W.igo_nouns and a.kind == "IGO"))
        if ctx.issuer is not None and fits(ctx.issuer):
            return ctx.issuer
        return next((a for a in reversed(ctx.recent) if fits(a)), None)
    if lemma in W.org_nouns:
        return next((a for a in reversed(ctx.recent) if a.kind in ("Organization", "Company")
                     or (a.kind == "Group" and not a.id.startswith("group-"))), None)
    return None


def head_actors(self: Resolver, h: Token, ctx: Context) -> list[Actor]:
    low = h.lower_
    if low in ("both", "they", "them") and h.dep_ in PASS_SUBJ | SUBJ | OBJ:
        return list(ctx.last_group) if low == "both" else []
    if h.pos_ == "NUM" and any(c.lower_ == "the" for c in h.children) and ctx.last_group:
        return list(ctx.last_group)  # "the five were charged"
    definite = definite_description(h, ctx)
    if definite is not None:
        return [definite]
    if h.lemma_.lower() in W.party_nouns and \
            h.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in h.children):
        # "the two sides also agreed", "urged both governments": the pair last named
        # together, else the last two states the article named
        return list(ctx.last_joint) if len(ctx.last_joint) > 1 else last_states(ctx, 2)
    if h.lemma_.lower() in W.party_nouns and h.tag_ == "NN" and any(
            c.lower_ in W.counterpart_words for c in h.children):
        # "the neighbouring government", "the other side": one of the last two states
        # named; the caller keeps the one that is not the acting party
        return last_states(ctx, 2)
    if h.pos_ == "PRON" and h.ent_type_ == "":
        return []
    if h.pos_ == "NOUN" and h.lemma_.lower() in W.org_nouns and not h.ent_type_:
        # "the Yemeni group", "the militia", "the movement": the organisation last named
        dem = next((c for c in h.children if c.dep_ in ("amod", "compound")
                    and c.ent_type_ == "DIP_DEMONYM"), None)
        country = state_of_ent(dem, self.ref)[0].country if dem is not None and \
            state_of_ent(dem, self.ref) else None
        if dem is not None or any(c.lower_ == "the" for c in h.children):
            for a in reversed(ctx.recent):
                if a.kind == "Organization" and (country is None or a.country == country):
                    return [a]
    if h.pos_ == "NOUN" and h.lemma_.lower() in W.state_nouns and not h.ent_type_:
        owner = next((c for c in h.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                      and c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL")), None)
        if owner is not None:  # "the Russian state", "the Chinese side", "Iran's leadership"
            return state_of_ent(owner, self.ref)
    if h.lower_ in M.halves and not h.ent_type_.startswith("DIP_") and any(
            c.lower_ == "the" for c in h.children):
        half, other = M.halves[h.lower_]  # "the North cut all lines with the South"
        if {half, other} <= ctx.states_named:
            st = self.ref.state_actor(half)
            return [st] if st else []
    appos = [c for c in h.children if c.dep_ == "appos"] \
        if h.ent_type_ not in ("PERSON", "DIP_PERSON") else []  # "X, a former marine"
    role_body = None
    if h.pos_ == "NOUN":
        mods = [c.lower_ for c in h.lefts if c.dep_ in ("amod", "compound") and not
                c.ent_type_.startswith(("DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL"))]
        for k in range(len(mods), -1, -1):  # "military chief", then "chief"
            role_body = self.ref.roles.get(" ".join([*mods[len(mods) - k:], h.lemma_.lower()]))
            if role_body:
                break
    for ap in appos:
        persons = [a for a in self.actors(ap, ctx) if a.kind == "Person"]
        if persons and role_body and len(persons) == 1:
            state = self.np_state(h, ctx, fallback=True)
            if state:
                if role_body == STATE_ROLE or role_body.startswith("igo:"):
                    src = (self.ref.igos.get(role_body[4:]) if role_body.startswith("igo:")
                           else self.ref.state_actor(state))
                else:
                    src = self.ref.body_actor(role_body, state)
                p = replace(persons[0], country=persons[0].country or state)
                if src is not None:
                    self.register(ctx, p, p.label, src)
                return [p]
        if persons and ((h.lemma_.lower() in W.group_nouns and h.tag_ == "NNS") or
                        h.pos_ == "NUM"):
            listed = self.listed_after(h, ctx)  # NER may have missed one name of the list
            if len(listed) > len(persons):
                persons = listed
        if persons:
            country = self.np_state(h, ctx, fallback=False)
            persons = [replace(p, country=p.country or country) for p in persons]
            for p in persons:
                ctx.persons[p.id] = p
            ctx.last_group = persons
            return persons
    if not h.ent_type_ and h.pos_ == "PROPN" and h.dep_ in ("conj", "appos") and \
            h.head.ent_type_ in ("PERSON", "DIP_PERSON") and h.i > h.head.i and not any(
                c.dep_ == "det" for c in h.children):
        # "A, B, C and D": the parser joined the names, NER tagged only some
        name = " ".join(t.text for t in h.subtree if t.i <= h.i and t.pos_ == "PROPN"
                        and (t.i == h.i or t.dep_ == "compound"))
        if name and name[0].isupper():
            person = Actor(id=f"person-{slug(name)}", label=name, kind="Person")
            ctx.persons[name.lower()] = person
            return [person]
    if not h.ent_type_ and h.pos_ == "PROPN" and h.lower_ in ctx.full_names and not any(
            c.dep_ == "compound" for c in h.children):
        full = ctx.full_names[h.lower_]  # "Modi said", after "Narendra Modi", untagged
        known = ctx.persons.get(full.lower()) or self.official_by_name(full, ctx)
        if known is not None:
            return [known]
    if h.ent_type_:
        actor = self.entity_actor(h, ctx)
        if actor is not None:
            if actor.kind == "Person" and ctx.person_source.get(actor.id, actor) is actor:
                self.title_in_apposition(h, actor, ctx)
            return [actor]
    lemma = h.lemma_.lower()
    if h.pos_ in ("NOUN", "PROPN") and h.tag_ in ("NNS", "NNPS"):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "among"):
                named = [a for a in self.actors(child_of(c, {"pobj"}), ctx)
                         if a.kind in ("Person", "Company", "Organization")]
                if named:
                    ctx.last_group = named
                    return named
    if h.pos_ in ("NOUN", "PROPN"):
        # "countries such as X", "those countries"
        if lemma in W.plural_states:
            such = prep_of(h, "as") or prep_of(h, "like") or prep_of(h, "including")
            if such is not None:
                acts = self.actors(child_of(such, {"pobj"}), ctx)
                if acts:
                    ctx.last_group = acts
                    return acts
            if any(c.lower_ in ("those", "these", "such") for c in h.children) and ctx.last_group:
                return list(ctx.last_group)
        for c in h.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "DIP_IGO" and (
                    lemma in self.ref.generic_body_words or lemma in self.ref.roles
                    or lemma in W.plural_states):
                igo = self.entity_actor(c, ctx)
                if igo is not None:
                    return [igo]
        body = self.generic_body_from_words(h, ctx)
        if body is not None:
            return [body]
        if lemma in W.part_nouns:
            of = prep_of(h, "of")
            inner = child_of(of, {"pobj"}) if of is not None else None
            if inner is not None:
                return self.actors(inner, ctx)
        if (lemma in self.ref.roles or low in self.ref.roles) and h.tag_ in ("NNS", "NNPS"):
            states = [e for c in h.children if c.dep_ in ("amod", "nmod", "compound")
                      for e in (c, *conjuncts_any(c))
                      if e.ent_type_ in ("DIP_DEMONYM", "DIP_STATE")]
            if len(states) > 1:
                return [a for e in states for a in state_of_ent(e, self.ref)]
        if (lemma in self.ref.roles or low in self.ref.roles or low[:-1] in self.ref.roles) \
                and h.tag_ in ("NNS", "NNPS"):
            named = self.listed_after(h, ctx)  # "two diplomats were expelled: A and B"
            if not named:  # "Presidents A and B", however the parser hung the names
                ents = [e for t in h.subtree if t.i > h.i and t.ent_iob_ == "B"
                        and t.ent_type_ in ("PERSON", "DIP_PERSON") for e in [ent_of(t)] if e]
                named = [self.person(e, ctx) for e in ents] if len(ents) > 1 else []
            if named:
                return named
        if lemma in self.ref.roles or low in self.ref.roles:
            state = self.np_state(h, ctx, fallback=False)
            if state is None and lemma in W.mission_staff and \
                    h.dep_ in OBJ | PASS_SUBJ and lemma in ctx.noun_owners:
                # "expelled four diplomats each", after "expelled Russian diplomats"
                state = ctx.noun_owners[lemma].country
            if state:
                role_body = self.ref.roles.get(lemma) or self.ref.roles.get(low)
                if role_body and role_body != STATE_ROLE and lemma not in W.spokespersons:
                    act = self.ref.body_actor(role_body, state)
                    if act:
                        return [act]
                st = self.ref.state_actor(state)
                return [st] if st else []
            if lemma in W.spokespersons:
                for_ = prep_of(h, "for") or prep_of(h, "of")
                named = self.actors(child_of(for_, {"pobj"}), ctx) if for_ is not None else []
                if named:
                    return [self.acting_for(a, ctx) for a in named]
                if ctx.last_source:
                    return [ctx.last_source]
        if lemma in W.group_nouns and h.tag_ in ("NNS", "NNPS"):
            named = self.named_in_clause(h, ctx) or self.listed_after(h, ctx)
            if named:
                return named
            patron = self.patron_state(h, ctx)
            if patron is not None:
                return [patron]
            country = self.np_state(h, ctx, fallback=False)
            label = " ".join(t.text for t in h.subtree if t.i <= h.i and t.i >= h.left_edge.i
                             and t.dep_ not in ("det", "punct", "nummod", "quantmod", "advmod")
                             and t.pos_ != "NUM")
            group = Actor(id=f"group-{slug(label)}", label=label, kind="Group", country=country)
            return [group]
    return []


def pronoun_target(self: Resolver, tok: Token, ctx: Context, exclude: list[Actor]) -> list[Actor]:
    """ "urge it to ...", "release them", "accusing him": the party last named."""
    if not is_pronoun(tok) or tok.lower_ not in ("it", "them", "him", "her", "he", "she",
                                                  "they"):
        return []
    ex = {side_key(a) for a in exclude if a is not None}
    if tok.lower_ == "them":
        # "identified 52 Iranian sites ... and would strike them": a plural thing named
        # earlier in the sentence, seen as its owner's
        for t in reversed(tok.doc[tok.sent.start:tok.i]):
            if t.tag_ == "NNS" and t.lemma_.lower() not in W.group_nouns and not t.ent_type_:
                owners = [self.state_for(a) for a in self.owner_of(t, ctx)
                          if a.kind in ("State", "GovernmentBody")]
                owners = [a for a in owners if side_key(a) not in ex]
                if owners:
                    return owners[:1]
                break
    if tok.lower_ in ("them", "they") and len(ctx.last_group) > 1:
        return list(ctx.last_group)
    want_person = tok.lower_ in ("him", "her", "he", "she")
    for a in reversed(ctx.recent):
        if side_key(a) in ex:
            continue
        if want_person != (a.kind == "Person"):
            continue
        if a.kind == "Person" and (side_key(ctx.person_source.get(a.id, a)) in ex or (
                a.country and a.country in {x.country for x in exclude if x is not None})):
            continue  # "Putin phoned Trump to thank him": not Putin
        return [a]
    if tok.lower_ in ("it", "they"):
        # a state named in this sentence or the one before but in no act so far
        doc = tok.doc
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for t in reversed(doc[start:tok.i]):
            if t.ent_type_ in ("DIP_STATE", "DIP_CAPITAL") and t.ent_iob_ == "B" and \
                    t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "compound"):
                found = [a for a in self.head_actors(t if t.dep_ != "compound" else t.head, ctx)
                         if side_key(a) not in ex]
                if found:
                    return found[:1]
    if want_person:
        # a person named earlier in the sentence but in no act so far
        for t in reversed(tok.doc[tok.sent.start:tok.i]):
            e = ent_of(t)
            if e is not None and e.label_ in ("PERSON", "DIP_PERSON") and t.i == e.end - 1:
                person = self.person(e, ctx)
                if side_key(person) not in ex:
                    return [person]
    return []


def named_in_clause(self: Resolver, h: Token, ctx: Context) -> list[Actor]:
    """ "two men, who travelled as A and B": the persons named in the group's clause."""
    for c in h.children:
        if c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in (
                "among", "including", "like")):
            names = [t for t in c.subtree if t.ent_type_ in ("PERSON", "DIP_PERSON")
                     and t.ent_iob_ == "B"]
            if len(names) >= 2 or (names and not any(x.pos_ == "NUM" for x in h.children)):
                out: list[Actor] = []
                for t in names:
                    out.extend(a for a in self.head_actors(t, ctx) if a.kind == "Person")
                if out:
                    ctx.last_group = out
                    return out
    return []


def listed_after(self: Resolver, h: Token, ctx: Context) -> list[Actor]:
    """ "three officers, A, B and C" or "... were charged, police said: A, B and C": the
    names listed after the group, however the parser attached them."""
    doc, sent = h.doc, h.sent
    count = next((int(c.text) if c.text.isdigit() else NUMBER_WORDS.get(c.lower_)
                  for c in h.children if c.dep_ == "nummod"), None)
    starts = [t.i + 1 for t in sent if t.text == ":" and t.i > h.i]
    edge = max([h.i] + [t.i for c in h.rights if c.dep_ not in ("appos", "punct", "conj", "cc")
                        for t in c.subtree])
    if edge + 1 < sent.end and doc[edge + 1].text == ",":
        starts.insert(0, edge + 2)
    for start in starts:
        if start >= sent.end or doc[start - 1].text not in (",", ":"):
            continue
        names = name_run(doc, start, sent.end)
        if len(names) >= 2 and (count is None or len(names) == count):
            out = []
            for first, end in names:
                span = doc[first:end]
                ent = ent_of(doc[end - 1])
                if ent is not None and ent.label_ in ("PERSON", "DIP_PERSON") and \
                        ent.start == first and ent.end == end:
                    out.append(self.person(ent, ctx))
                    continue
                name = span.text
                person = ctx.persons.get(name.lower()) or Actor(
                    id=f"person-{slug(name)}", label=name, kind="Person")
                ctx.persons[name.lower()] = person
                out.append(person)
            ctx.last_group = out
            return out
    return []


def members_named(self: Resolver, tok: Token, ctx: Context) -> list[Actor]:
    """ "11 Americans, among them A and B": the members the sentence names."""
    for t in tok.sent:
        if t.dep_ == "prep" and t.lower_ in ("among", "including") and any(
                c.lower_ in ("them", "whom") for c in t.children):
            head = t.head
            if head.ent_type_ in ("PERSON", "DIP_PERSON"):
                persons = [a for a in self.actors(head, ctx) if a.kind == "Person"]
                if persons:
                    return persons
    return []


def survey(self: Resolver, docs: list[tuple[int, Doc]], ctx: Context) -> None:
    """What the whole article names, before any sentence is read: the states (the most
    named one is the default for bodies with no state given), the IGOs, the full names."""
    counts: Counter[str] = Counter()
    igos: set[str] = set()
    for _, doc in docs:
        for e in ents_of(doc):
            if e.label_ in ("DIP_CAPITAL", "DIP_DEMONYM", "DIP_STATE"):
                counts[e.ent_id_.partition(":")[2]] += 2 if e.label_ == "DIP_CAPITAL" else 1
            elif e.label_ == "DIP_IGO":
                igos.add(e.ent_id_.partition(":")[2])
    ctx.default_state = counts.most_common(1)[0][0] if counts else None
    ctx.states_named = set(counts)
    ctx.igos_named = igos
    ctx.full_names = names_in_full(docs)
