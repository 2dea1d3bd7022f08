"""Actor resolution: which state, body, official, person or group a noun phrase names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.consolidate import (
    _side_key,
)
from diplograph.extract.context import (
    Context,
)
from diplograph.extract.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    _child,
    _conjuncts,
    _conjuncts_any,
    _ent,
    _ents,
    _is_pronoun,
    _np_body,
    _prep,
    _strip_det,
)
from diplograph.model import Actor
from diplograph.schema.reference import Official, Reference, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: nouns for happenings that belong to the state where they happen ("the coup in Niger")
EVENT_NOUNS = {"coup", "crackdown", "election", "vote", "referendum", "execution", "trial",
               "violence", "repression", "offensive", "test", "launch", "law", "ban", "policy",
               "decision", "ruling", "verdict", "sentence", "arrest", "detention", "killing"}
PATIENT_NOUNS = {"detention", "arrest", "jailing", "imprisonment", "sentencing", "prosecution",
                 "indictment", "expulsion", "execution", "abduction", "kidnapping", "killing",
                 "murder", "trial", "persecution", "deportation", "extradition"}
#: "the North" and "the South" in an article about both Koreas
HALVES = {"north": ("PRK", "KOR"), "south": ("KOR", "PRK")}
ORG_NOUNS = {"group", "movement", "militia", "organisation", "organization", "faction"}
STATE_NOUNS = {"state", "side", "nation", "country", "regime", "leadership"}
STATE_ENTS = ("DIP_STATE", "DIP_CAPITAL", "DIP_IGO")
PLURAL_STATES = {"country", "nation", "state", "government", "ally", "partner", "member"}


GROUP_NOUNS = {
    "hacker", "national", "citizen", "rebel", "militant", "suspect", "spy", "agent",
    "officer", "soldier", "activist", "protester", "individual", "person", "man", "woman",
    "people", "worker", "fighter", "insurgent", "journalist", "businessman", "executive",
    "student", "researcher", "missionary", "employee", "defendant", "operative", "member",
    "sailor", "fisherman", "seaman", "crew", "tourist", "blogger", "dissident",
    "lawmaker", "scientist", "engineer", "pilot", "priest", "pastor",
}


TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir"}


ORGAN_WORDS = {"command", "ministry", "army", "agency", "council", "office", "department", "bureau",
               "service", "guard", "force", "forces", "commission", "committee", "directorate",
               "administration", "court", "police", "navy"}


COMPANY_SUFFIX = {"co", "corp", "corporation", "inc", "ltd", "plc", "llc", "group", "company",
                  "enterprise", "technologies", "systems", "holdings", "ag", "sa", "gmbh", "bank"}


LEGAL_WORDS = {"jury", "court", "prosecutor", "judge", "tribunal", "police", "department"}


def _state_of_ent(tok: Token, ref: Reference) -> list[Actor]:
    """The state a demonym, capital or state name stands for ("an Indian proposal")."""
    if tok.ent_type_ not in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL"):
        return []
    ent = _ent(tok)
    if ent is None:
        return []
    st = ref.state_actor(ent.ent_id_.partition(":")[2])
    return [st] if st else []


def _join(toks: list[Token]) -> str:
    """Tokens as written: "Jean-Yves Le Drian", not "Jean - Yves Le Drian"."""
    return "".join(t.text + (t.whitespace_ if n < len(toks) - 1 and toks[n + 1].i == t.i + 1
                             else " ") for n, t in enumerate(toks)).strip()


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _name_run(doc: Doc, start: int, stop: int) -> list[tuple[int, int]]:
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


def _stateless_body(body_id: str, ref: Reference) -> bool:
    """An IGO or a body of one named state: it needs no state from the context."""
    return body_id.startswith("igo:") or (body_id in ref.bodies and bool(ref.bodies[body_id].country))


def _last_actor_state(ctx: Context) -> str | None:
    """The country of the party that acted last: "India expelled ... The foreign ministry said"."""
    for cand in reversed(ctx.acts[-6:]):
        if cand.source.kind in ("State", "GovernmentBody") and cand.source.country:
            return cand.source.country
    return None


def _role_words(ent: Span, ref: Reference) -> str | None:
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
    words.extend(t.lower_ for t in ent if t.lower_ in ref.roles or t.lower_ in (
        "minister", "secretary", "spokeswoman", "spokesman", "spokesperson"))
    for n in range(len(words)):
        cand = " ".join(words[n:])
        if cand in ref.roles:
            return cand
    for w in reversed(words):
        if w in ref.roles:
            return w
    return None


def _role_body(role: str, ref: Reference) -> str | None:
    for key, body in ref.roles.items():
        if key in role:
            return body
    return None


def _full_names(docs: list[tuple[int, Doc]]) -> dict[str, str]:
    """Surnames (and other single name words) to the one full name they belong to."""
    seen: dict[str, set[str]] = {}
    for _, doc in docs:
        for e in _ents(doc):
            if e.label_ in ("PERSON", "DIP_PERSON") and len(e) >= 2:
                full = " ".join(t.text for t in e if t.text[:1].isupper() and t.is_alpha)
                if " " in full:
                    for part in full.split()[1:] + full.split()[:1]:
                        seen.setdefault(part.lower(), set()).add(full)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


class ActorResolver:
    """Noun phrases to actors: states, bodies, officials, persons, groups.

    A mixin of :class:`~diplograph.extract.rules.Extractor`; it needs ``self.ref``.
    """

    ref: Reference

    def _acting_for(self, actor: Actor, ctx: Context) -> Actor:
        if actor.kind == "Person":
            return ctx.person_source.get(actor.id, actor)
        return actor

    def _members_named(self, tok: Token, ctx: Context) -> list[Actor]:
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

    def _earlier_owner(self, noun: Token, ctx: Context,
                       speakers: list[Actor] | None = None) -> list[Actor]:
        """ "described the strike as ...": whose strike it was when the article first named it."""
        if _is_pronoun(noun) and noun.lower_ in ("it", "this", "that"):
            mine = {_side_key(a) for a in speakers or []}
            for c in reversed(ctx.acts[-4:]):
                if _side_key(c.source) in mine or (c.source.country and c.source.country in {
                        a.country for a in speakers or []}):
                    # "X described the strike as terrorism and called it reckless": the thing
                    # X spoke of just before, so its target
                    if c.target is not None:
                        return [self._state_for(c.target)]
                    continue
                return [self._state_for(c.source)]
            owners = list(ctx.noun_owners.values())
            return owners[-1:]
        owner = ctx.noun_owners.get(noun.lemma_.lower())
        return [owner] if owner is not None else []

    def _state_for(self, a: Actor) -> Actor:
        """A group or body of a state, seen as that state (for targets of reactions)."""
        if a.kind in ("Group", "GovernmentBody") and a.country:
            st = self.ref.state_actor(a.country)
            if st is not None:
                return st
        return a

    def _owner_of(self, tok: Token, ctx: Context) -> list[Actor]:
        """The party a non-actor noun belongs to: "China's cybersecurity", "the US embassy"."""
        by = _prep(tok, "by")
        if by is None:
            part = next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
            by = _prep(part, "by") or _child(part, {"agent"}) if part is not None else None
        agent = _child(by, {"pobj"}) if by is not None else None
        if agent is not None:
            acts = [self._state_for(a) if a.kind == "GovernmentBody" else a
                    for a in self.actors(agent, ctx)]
            if not acts:
                st = self._np_state(agent, ctx, fallback=False)
                acts = [a for a in [self.ref.state_actor(st) if st else None] if a]
            if acts:
                return acts
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
                acts = self.actors(child, ctx)
                if acts:
                    return acts
        of = _prep(tok, "of")
        pobj = _child(of, {"pobj"}) if of is not None else None
        if tok.lemma_.lower() in PATIENT_NOUNS:
            pobj = None  # "the detention of X": X is held, not holding
            where = _prep(tok, "in")
            place = _child(where, {"pobj"}) if where is not None else None
            if place is not None:
                acts = [self._state_for(a) for a in self.actors(place, ctx)
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
                for a in self.actors(child, ctx) or _state_of_ent(child, self.ref):
                    if a not in found:
                        found.append(a)
                for gc in child.children:
                    if gc.dep_ in ("compound", "amod", "nmod", "conj") and gc.ent_type_.startswith(
                            "DIP_"):
                        found.extend(a for a in self.actors(gc, ctx) if a not in found)
        if found:
            return found
        of = _prep(tok, "of")
        pobj = _child(of, {"pobj"}) if of is not None else None
        if pobj is not None and tok.lemma_.lower() not in PATIENT_NOUNS:
            # "the results of the Belarusian election": whose election
            return self.actors(pobj, ctx) or [
                a for c in pobj.children if c.dep_ in ("amod", "compound", "poss")
                and c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL")
                for a in _state_of_ent(c, self.ref)]
        where = _prep(tok, "in")  # "the coup in Niger": an event in a state is that state's
        pobj = _child(where, {"pobj"}) if where is not None else None
        if pobj is not None and tok.lemma_.lower() in EVENT_NOUNS:
            return [a for a in self.actors(pobj, ctx) if a.kind == "State"]
        return []

    def actors(self, tok: Token | None, ctx: Context) -> list[Actor]:
        """The actors a noun phrase names, with conjuncts and appositions expanded."""
        if tok is None:
            return []
        heads = [tok, *_conjuncts(tok)]
        if tok.ent_type_ in STATE_ENTS:
            # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": the parser may take
            # the second state for an apposition of the first
            for ap in tok.children:
                if ap.dep_ == "appos" and ap.ent_type_ in STATE_ENTS:
                    heads += [ap, *_conjuncts(ap)]
        out: list[Actor] = []
        for h in heads:
            for a in self._head_actors(h, ctx):
                if a not in out:
                    out.append(a)
        ctx.mention(out)
        persons = [a for a in out if a.kind == "Person"]
        if len(persons) > 1:
            ctx.last_group = persons
        return out

    def pronoun_target(self, tok: Token, ctx: Context, exclude: list[Actor]) -> list[Actor]:
        """ "urge it to ...", "release them", "accusing him": the party last named."""
        if not _is_pronoun(tok) or tok.lower_ not in ("it", "them", "him", "her", "he", "she",
                                                      "they"):
            return []
        ex = {_side_key(a) for a in exclude if a is not None}
        if tok.lower_ == "them":
            # "identified 52 Iranian sites ... and would strike them": a plural thing named
            # earlier in the sentence, seen as its owner's
            for t in reversed(tok.doc[tok.sent.start:tok.i]):
                if t.tag_ == "NNS" and t.lemma_.lower() not in GROUP_NOUNS and not t.ent_type_:
                    owners = [self._state_for(a) for a in self._owner_of(t, ctx)
                              if a.kind in ("State", "GovernmentBody")]
                    owners = [a for a in owners if _side_key(a) not in ex]
                    if owners:
                        return owners[:1]
                    break
        if tok.lower_ in ("them", "they") and len(ctx.last_group) > 1:
            return list(ctx.last_group)
        want_person = tok.lower_ in ("him", "her", "he", "she")
        for a in reversed(ctx.recent):
            if _side_key(a) in ex:
                continue
            if want_person != (a.kind == "Person"):
                continue
            if a.kind == "Person" and (_side_key(ctx.person_source.get(a.id, a)) in ex or (
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
                    found = [a for a in self._head_actors(t if t.dep_ != "compound" else t.head, ctx)
                             if _side_key(a) not in ex]
                    if found:
                        return found[:1]
        if want_person:
            # a person named earlier in the sentence but in no act so far
            for t in reversed(tok.doc[tok.sent.start:tok.i]):
                e = _ent(t)
                if e is not None and e.label_ in ("PERSON", "DIP_PERSON") and t.i == e.end - 1:
                    person = self._person(e, ctx)
                    if _side_key(person) not in ex:
                        return [person]
        return []

    def _head_actors(self, h: Token, ctx: Context) -> list[Actor]:
        low = h.lower_
        if low in ("both", "they", "them") and h.dep_ in PASS_SUBJ | SUBJ | OBJ:
            return list(ctx.last_group) if low == "both" else []
        if h.pos_ == "NUM" and any(c.lower_ == "the" for c in h.children) and ctx.last_group:
            return list(ctx.last_group)  # "the five were charged"
        if h.pos_ == "NOUN" and h.tag_ == "NN" and any(c.lower_ == "the" for c in h.children) and \
                len(list(h.children)) == 1:
            lemma_h = h.lemma_.lower()
            if lemma_h in ("country", "nation", "kingdom", "republic"):
                # "the country": the state last named
                for a in reversed(ctx.recent):
                    if a.kind == "State":
                        return [a]
            if lemma_h in ("ministry", "department", "embassy", "office", "agency", "bloc",
                           "alliance", "organisation", "organization", "council", "commission"):
                for a in reversed(ctx.recent):  # "the ministry": the one last named
                    if a.kind in ("GovernmentBody", "IGO") and (
                            lemma_h in a.label.lower() or (lemma_h in ("bloc", "alliance",
                                                                        "organisation",
                                                                        "organization")
                                                           and a.kind == "IGO")):
                        return [a]
        if h.lemma_.lower() in ("side", "country", "nation", "government", "leader", "party") and \
                h.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in h.children) and \
                len(ctx.last_joint) > 1:
            return list(ctx.last_joint)  # "the two sides also agreed"
        if h.pos_ == "PRON" and h.ent_type_ == "":
            return []
        if h.pos_ == "NOUN" and h.lemma_.lower() in ORG_NOUNS and not h.ent_type_:
            # "the Yemeni group", "the militia", "the movement": the organisation last named
            dem = next((c for c in h.children if c.dep_ in ("amod", "compound")
                        and c.ent_type_ == "DIP_DEMONYM"), None)
            country = _state_of_ent(dem, self.ref)[0].country if dem is not None and \
                _state_of_ent(dem, self.ref) else None
            if dem is not None or any(c.lower_ == "the" for c in h.children):
                for a in reversed(ctx.recent):
                    if a.kind == "Organization" and (country is None or a.country == country):
                        return [a]
        if h.pos_ == "NOUN" and h.lemma_.lower() in STATE_NOUNS and not h.ent_type_:
            owner = next((c for c in h.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                          and c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL")), None)
            if owner is not None:  # "the Russian state", "the Chinese side", "Iran's leadership"
                return _state_of_ent(owner, self.ref)
        if h.lower_ in HALVES and not h.ent_type_.startswith("DIP_") and any(
                c.lower_ == "the" for c in h.children):
            half, other = HALVES[h.lower_]  # "the North cut all lines with the South"
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
                state = self._np_state(h, ctx, fallback=True)
                if state:
                    if role_body == "state" or role_body.startswith("igo:"):
                        src = (self.ref.igos.get(role_body[4:]) if role_body.startswith("igo:")
                               else self.ref.state_actor(state))
                    else:
                        src = self.ref.body_actor(role_body, state)
                    p = replace(persons[0], country=persons[0].country or state)
                    if src is not None:
                        self._register(ctx, p, p.label, src)
                    return [p]
            if persons and ((h.lemma_.lower() in GROUP_NOUNS and h.tag_ == "NNS") or
                            h.pos_ == "NUM"):
                listed = self._listed_after(h, ctx)  # NER may have missed one name of the list
                if len(listed) > len(persons):
                    persons = listed
            if persons:
                country = self._np_state(h, ctx, fallback=False)
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
            known = ctx.persons.get(full.lower()) or self._official_by_name(full, ctx)
            if known is not None:
                return [known]
        if h.ent_type_:
            actor = self._entity_actor(h, ctx)
            if actor is not None:
                if actor.kind == "Person" and ctx.person_source.get(actor.id, actor) is actor:
                    self._title_in_apposition(h, actor, ctx)
                return [actor]
        lemma = h.lemma_.lower()
        if h.pos_ in ("NOUN", "PROPN") and h.tag_ in ("NNS", "NNPS"):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("including", "among"):
                    named = [a for a in self.actors(_child(c, {"pobj"}), ctx)
                             if a.kind in ("Person", "Company", "Organization")]
                    if named:
                        ctx.last_group = named
                        return named
        if h.pos_ in ("NOUN", "PROPN"):
            # "countries such as X", "those countries"
            if lemma in PLURAL_STATES:
                such = _prep(h, "as") or _prep(h, "like") or _prep(h, "including")
                if such is not None:
                    acts = self.actors(_child(such, {"pobj"}), ctx)
                    if acts:
                        ctx.last_group = acts
                        return acts
                if any(c.lower_ in ("those", "these", "such") for c in h.children) and ctx.last_group:
                    return list(ctx.last_group)
            for c in h.children:
                if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "DIP_IGO" and (
                        lemma in self.ref.generic_body_words or lemma in self.ref.roles
                        or lemma in PLURAL_STATES):
                    igo = self._entity_actor(c, ctx)
                    if igo is not None:
                        return [igo]
            body = self._generic_body_from_words(h, ctx)
            if body is not None:
                return [body]
            if lemma in ("group", "delegation", "team", "member", "representative", "head",
                         "number", "pair"):
                of = _prep(h, "of")
                inner = _child(of, {"pobj"}) if of is not None else None
                if inner is not None:
                    return self.actors(inner, ctx)
            if (lemma in self.ref.roles or low in self.ref.roles) and h.tag_ in ("NNS", "NNPS"):
                states = [e for c in h.children if c.dep_ in ("amod", "nmod", "compound")
                          for e in (c, *_conjuncts_any(c))
                          if e.ent_type_ in ("DIP_DEMONYM", "DIP_STATE")]
                if len(states) > 1:
                    return [a for e in states for a in _state_of_ent(e, self.ref)]
            if (lemma in self.ref.roles or low in self.ref.roles or low[:-1] in self.ref.roles) \
                    and h.tag_ in ("NNS", "NNPS"):
                named = self._listed_after(h, ctx)  # "two diplomats were expelled: A and B"
                if not named:  # "Presidents A and B", however the parser hung the names
                    ents = [e for t in h.subtree if t.i > h.i and t.ent_iob_ == "B"
                            and t.ent_type_ in ("PERSON", "DIP_PERSON") for e in [_ent(t)] if e]
                    named = [self._person(e, ctx) for e in ents] if len(ents) > 1 else []
                if named:
                    return named
            if lemma in self.ref.roles or low in self.ref.roles:
                state = self._np_state(h, ctx, fallback=False)
                if state is None and lemma in ("diplomat", "envoy", "official", "staff") and \
                        h.dep_ in OBJ | PASS_SUBJ and lemma in ctx.noun_owners:
                    # "expelled four diplomats each", after "expelled Russian diplomats"
                    state = ctx.noun_owners[lemma].country
                if state:
                    role_body = self.ref.roles.get(lemma) or self.ref.roles.get(low)
                    if role_body and role_body != "state" and lemma not in (
                            "spokesman", "spokeswoman", "spokesperson"):
                        act = self.ref.body_actor(role_body, state)
                        if act:
                            return [act]
                    st = self.ref.state_actor(state)
                    return [st] if st else []
                if lemma in ("spokesman", "spokeswoman", "spokesperson"):
                    for_ = _prep(h, "for") or _prep(h, "of")
                    named = self.actors(_child(for_, {"pobj"}), ctx) if for_ is not None else []
                    if named:
                        return [self._acting_for(a, ctx) for a in named]
                    if ctx.last_source:
                        return [ctx.last_source]
            if lemma in GROUP_NOUNS and h.tag_ in ("NNS", "NNPS"):
                named = self._named_in_clause(h, ctx) or self._listed_after(h, ctx)
                if named:
                    return named
                patron = self._patron_state(h, ctx)
                if patron is not None:
                    return [patron]
                country = self._np_state(h, ctx, fallback=False)
                label = " ".join(t.text for t in h.subtree if t.i <= h.i and t.i >= h.left_edge.i
                                 and t.dep_ not in ("det", "punct", "nummod", "quantmod", "advmod")
                                 and t.pos_ != "NUM")
                group = Actor(id=f"group-{slug(label)}", label=label, kind="Group", country=country)
                return [group]
        return []

    def _title_in_apposition(self, h: Token, person: Actor, ctx: Context) -> None:
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
            org = self._entity_actor(owner, ctx) if owner is not None else None
            if org is not None:  # "Mohammed Abdulsalam, the Houthis' spokesman": speaks for them
                self._register(ctx, replace(person, country=person.country or org.country),
                               person.label, org)
                return
            state = self._np_state(ap, ctx, fallback=False)
            if state is None:
                for p in ap.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "for"):
                        pobj = _child(p, {"pobj"})
                        if pobj is not None:
                            state = self._np_state(pobj, ctx, fallback=False) or next(
                                (a.country for a in self.actors(pobj, ctx) if a.country), None)
            if state is None:
                continue
            body = self.ref.roles.get(role or "", "state")
            src = (self.ref.state_actor(state) if body == "state" or body.startswith("igo:")
                   else self.ref.body_actor(body, state)) or self.ref.state_actor(state)
            if src is not None:
                self._register(ctx, replace(person, country=person.country or state),
                               person.label, src)
            return

    def _named_in_clause(self, h: Token, ctx: Context) -> list[Actor]:
        """ "two men, who travelled as A and B": the persons named in the group's clause."""
        for c in h.children:
            if c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in (
                    "among", "including", "like")):
                names = [t for t in c.subtree if t.ent_type_ in ("PERSON", "DIP_PERSON")
                         and t.ent_iob_ == "B"]
                if len(names) >= 2 or (names and not any(x.pos_ == "NUM" for x in h.children)):
                    out: list[Actor] = []
                    for t in names:
                        out.extend(a for a in self._head_actors(t, ctx) if a.kind == "Person")
                    if out:
                        ctx.last_group = out
                        return out
        return []

    def _listed_after(self, h: Token, ctx: Context) -> list[Actor]:
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
            names = _name_run(doc, start, sent.end)
            if len(names) >= 2 and (count is None or len(names) == count):
                out = []
                for first, end in names:
                    span = doc[first:end]
                    ent = _ent(doc[end - 1])
                    if ent is not None and ent.label_ in ("PERSON", "DIP_PERSON") and \
                            ent.start == first and ent.end == end:
                        out.append(self._person(ent, ctx))
                        continue
                    name = span.text
                    person = ctx.persons.get(name.lower()) or Actor(
                        id=f"person-{slug(name)}", label=name, kind="Person")
                    ctx.persons[name.lower()] = person
                    out.append(person)
                ctx.last_group = out
                return out
        return []

    def _patron_state(self, h: Token, ctx: Context) -> Actor | None:
        """ "hackers working for the Chinese state", "militants backed by Iran": that state."""
        for c in h.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("work", "act", "back", "sponsor", "direct",
                                                         "employ", "link", "tie", "affiliate",
                                                         "associate", "connect"):
                for p in c.children:
                    if p.dep_ in ("prep", "agent") and p.lower_ in ("for", "by", "to", "on", "with"):
                        obj = _child(p, {"pobj"})
                        if obj is None:
                            continue
                        st = self._np_state(obj, ctx, fallback=False)
                        for a in self.actors(obj, ctx):
                            if a.kind in ("State", "GovernmentBody") and a.country:
                                return self.ref.state_actor(a.country)
                        if st and obj.lemma_.lower() in ("state", "government", "regime",
                                                          "intelligence", "military"):
                            return self.ref.state_actor(st)
        return None

    def _entity_actor(self, h: Token, ctx: Context) -> Actor | None:
        ent = _ent(h)
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
            named = self._np_state(ent.root, ctx, fallback=False, ent=ent, states_only=True)
            if body is not None and named and named != body.country:
                # "Iran's Supreme National Security Council" is not the US one
                text = _strip_det(ent.text)
                return Actor(id=f"{named.lower()}-{slug(text)}", label=text,
                             kind="GovernmentBody", country=named)
            return body
        if label == "DIP_GBODY":
            state = self._np_state(ent.root, ctx, fallback=True, ent=ent)
            return ref.body_actor(key, state) if state else None
        if label in ("DIP_PERSON", "PERSON"):
            return self._person(ent, ctx)
        if label == "NORP" and h.tag_ in ("NNS", "NNPS") and h.dep_ in ("pobj", "dobj") and any(
                c.dep_ in ("nummod", "quantmod") for c in h.children):
            # "ten Europeans", "two Uyghurs": people named by a group, not a state
            return Actor(id=f"group-{slug(h.text)}", label=h.text, kind="Group")
        if label in ("ORG", "GPE", "NORP", "PRODUCT") and len(ent) == 1 and (
                ent.text.lower() in self.ref.unique_surnames or ent.text.lower() in ctx.persons
                or ent.text.lower() in ctx.full_names):
            return self._person(ent, ctx)  # "Trump" tagged as an organisation
        if label == "ORG":
            words = {t.lower_.strip(".") for t in ent}
            text = _strip_det(ent.text)
            if len(ent) == 1:
                for a in reversed(ctx.recent):
                    if a.kind in ("IGO", "GovernmentBody", "Organization", "Company") and \
                            text.lower() in a.label.lower().split() and text.lower() != a.label.lower():
                        return a  # "the Council", after "the Council of the EU"
                if text == "Council" and "eu" in ctx.igos_named and "council-of-the-eu" in ref.igos:
                    return ref.igos["council-of-the-eu"]  # EU statements: "The Council today ..."
            for body_word, body_id in ref.generic_body_words.items():
                if body_word in text.lower() and len(body_word) > 4:
                    state = self._np_state(ent.root, ctx, fallback=True, ent=ent)
                    if state:
                        return ref.body_actor(body_id, state)
            if words & ORGAN_WORDS:
                state = self._np_state(ent.root, ctx, fallback=False, ent=ent)
                if state:
                    return Actor(id=f"{state.lower()}-{slug(text)}", label=text,
                                 kind="GovernmentBody", country=state)
            is_company = words & COMPANY_SUFFIX or (text.isupper() and len(text) <= 5)
            kind_name = "Company" if is_company else "Organization"
            return Actor(id=f"org-{slug(text)}", label=text, kind=kind_name)
        return None

    def _person(self, ent: Span, ctx: Context) -> Actor:
        ref = self.ref
        name_toks = [t for t in ent if t.lower_.strip(".") not in TITLE_WORDS
                     and t.lower_ not in ref.roles and not t.ent_type_.startswith("DIP_G")]
        # drop leading title words that NER folded into the name
        while name_toks and (name_toks[0].lower_ in ref.roles or name_toks[0].lower_ in (
                "spokesperson", "spokeswoman", "spokesman", "minister", "secretary", "president")):
            name_toks = name_toks[1:]
        name = _join(name_toks) or ent.text
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
            name = _join(list(ent.doc[first:end]))
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
        role_words = _role_words(ent, ref)
        state = country or self._np_state(ent.root, ctx, fallback=False, ent=ent)
        body_id = None
        body_ent = _np_body(ent.root)
        if body_ent is not None:
            bkind, _, bkey = body_ent.ent_id_.partition(":")
            if bkind == "body":
                src = ref.body_actor(bkey, None)
                state = state or (src.country if src else None)
                if src:
                    self._register(ctx, actor, name, src)
                    return actor
            body_id = bkey
        if body_id is None and role_words:
            body_id = ref.roles.get(role_words)
            if (body_id == "foreign-ministry" and role_words in ("spokesman", "spokeswoman",
                                                                 "spokesperson")
                    and ctx.last_source is not None and ctx.last_source.kind == "GovernmentBody"
                    and (state is None or ctx.last_source.country == state)):
                # "Spokesman X said" after "the commerce ministry said": its spokesman
                self._register(ctx, replace(actor, country=ctx.last_source.country), name,
                               ctx.last_source)
                return ctx.persons[name.lower()]
        if body_id is None and off is not None:
            body_id = self._official_body(off)
        if body_id is not None and _stateless_body(body_id, ref):
            src = self._body_source(body_id, None)
            if src is not None:
                self._register(ctx, actor, name, src)
                return actor
        if body_id is not None and state is None:
            state = ctx.sentence_state or (ctx.last_source.country if ctx.last_source else None) \
                or _last_actor_state(ctx) or ctx.default_state
        if body_id is not None and state is not None:
            actor = replace(actor, country=actor.country or state)
            src = self._body_source(body_id, state)
            if src is not None:
                self._register(ctx, actor, name, src)
                return actor
        self._register(ctx, actor, name, None)
        return actor

    def _official_body(self, off: Official) -> str | None:
        """The body a known official speaks for, or else their state."""
        ref = self.ref
        return ref.roles.get(off.role) or _role_body(off.role, ref) or (
            "state" if off.country else None)

    def _body_source(self, body_id: str, state: str | None) -> Actor | None:
        """The party a title speaks for: an IGO, a named body, or a state or one of its bodies."""
        ref = self.ref
        if _stateless_body(body_id, ref):
            return ref.igos.get(body_id[4:]) if body_id.startswith("igo:") else \
                ref.body_actor(body_id, None)
        if state is None:
            return None
        return ref.state_actor(state) if body_id == "state" else ref.body_actor(body_id, state)

    def _official_by_name(self, name: str, ctx: Context) -> Actor | None:
        """A known official by full name, with the body they speak for."""
        off = self.ref.official(name, ctx.article.date)
        if off is None:
            return None
        actor = Actor(id=off.id, label=off.name, kind="Person", country=off.country,
                      wikidata=off.wikidata)
        body_id = self._official_body(off)
        src = self._body_source(body_id, off.country) if body_id is not None else None
        self._register(ctx, actor, name, src)
        return actor

    def _register(self, ctx: Context, actor: Actor, name: str, source: Actor | None) -> None:
        ctx.persons[name.lower()] = actor
        ctx.persons[actor.label.lower()] = actor
        if source is not None:
            ctx.person_source[actor.id] = source
        elif actor.id not in ctx.person_source:
            ctx.person_source[actor.id] = actor

    def _generic_body_from_words(self, h: Token, ctx: Context) -> Actor | None:
        body_id = self.ref.generic_body_words.get(h.lemma_.lower()) or self.ref.generic_body_words.get(
            h.lower_)
        if body_id is None:
            return None
        state = self._np_state(h, ctx, fallback=h.lemma_.lower() in ("government", "authority"))
        return self.ref.body_actor(body_id, state) if state else None

    def _np_state(self, h: Token, ctx: Context, fallback: bool, ent: Span | None = None,
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
                e = _ent(c)
                if e is not None:
                    return e.ent_id_.partition(":")[2]
            if c.ent_type_ in ("DIP_BODY",):
                e = _ent(c)
                body = self.ref.bodies.get(e.ent_id_.partition(":")[2]) if e is not None else None
                if body and body.country:
                    return body.country
            if c.ent_type_ in ("DIP_PERSON", "PERSON"):
                e = _ent(c)
                if e is not None:
                    person = self._person(e, ctx)
                    if person.country:
                        return person.country
        for prep in ("of", "in", "for"):
            p = _prep(h, prep)
            pobj = _child(p, {"pobj"}) if p is not None else None
            if pobj is not None and pobj.ent_type_ == "DIP_BODY":
                e = _ent(pobj)
                body = self.ref.bodies.get(e.ent_id_.partition(":")[2]) if e is not None else None
                named = self._np_state(pobj, ctx, fallback=False, ent=e, states_only=True)
                if named:
                    return named
                if body is not None and body.country:
                    return body.country
            if pobj is not None and pobj.ent_type_ in ("DIP_STATE", "DIP_CAPITAL"):
                e = _ent(pobj)
                if e is not None:
                    return e.ent_id_.partition(":")[2]
            if pobj is not None and prep == "of" and pobj.ent_type_ in ("DIP_PERSON", "PERSON"):
                e = _ent(pobj)  # "the government of Bashar al-Assad"
                leader = self._person(e, ctx) if e is not None else None
                if leader is not None and leader.country:
                    return leader.country
        if not fallback:
            return None
        clause = h.head if h.dep_ in ("nsubj", "nsubjpass") else None
        if clause is not None and clause.dep_ == "relcl" and any(
                c.lower_ in ("where", "whose") for c in clause.children) and \
                clause.head.ent_type_ in ("DIP_STATE", "DIP_CAPITAL"):
            e = _ent(clause.head)  # "the United States, where prosecutors charged him"
            if e is not None:
                return e.ent_id_.partition(":")[2]
        if h.lemma_.lower() in LEGAL_WORDS and ctx.legal_sources and ctx.legal_sources[0].country:
            return ctx.legal_sources[0].country
        sent = h.sent
        for t in h.doc[sent.start:h.i]:
            if t.dep_ == "prep" and t.lower_ == "in" and t.head.dep_ == "ROOT":
                place = _child(t, {"pobj"})  # "In Moscow, the foreign ministry said ..."
                if place is not None and place.ent_type_ in ("DIP_CAPITAL", "DIP_STATE"):
                    e = _ent(place)
                    if e is not None:
                        return e.ent_id_.partition(":")[2]
        return ctx.sentence_state or _last_actor_state(ctx) or ctx.default_state

    def _survey(self, docs: list[tuple[int, Doc]], ctx: Context) -> None:
        """What the whole article names, before any sentence is read: the states (the most
        named one is the default for bodies with no state given), the IGOs, the full names."""
        counts: Counter[str] = Counter()
        igos: set[str] = set()
        for _, doc in docs:
            for e in _ents(doc):
                if e.label_ in ("DIP_CAPITAL", "DIP_DEMONYM", "DIP_STATE"):
                    counts[e.ent_id_.partition(":")[2]] += 2 if e.label_ == "DIP_CAPITAL" else 1
                elif e.label_ == "DIP_IGO":
                    igos.add(e.ent_id_.partition(":")[2])
        ctx.default_state = counts.most_common(1)[0][0] if counts else None
        ctx.states_named = set(counts)
        ctx.igos_named = igos
        ctx.full_names = _full_names(docs)
