"""The acting party of a trigger: its subject (carried across conjuncts and control), a
passive agent, the owner of a nominal act, or the party that reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.consolidate import side_key
from diplograph.extract.context import Attribution, Context, Trigger
from diplograph.extract.lexicon import holds_to_account
from diplograph.extract.syntax import (
    FIRST_PERSON,
    OBJ,
    PASS_SUBJ,
    PERSONAL,
    SUBJ,
    child_of,
    has_subject,
    is_passive,
    is_pronoun,
    prep_of,
)
from diplograph.extract.words import W
from diplograph.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.engine import Extractor


def sources(self: Extractor, trig: Trigger, reporter: Attribution | None,
             ctx: Context) -> tuple[list[Actor], Actor | None, float]:
    tok = trig.tok
    speaker = reporter.speaker if reporter else None
    if tok.pos_ == "NOUN":
        actors = self.noun_owner(tok, ctx)
        if actors:
            return actors, speaker, 0.75
        first = tok
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "VERB"):
            first = first.head  # "imposed asset freezes and travel bans"
        head = first.head
        if first.dep_ in OBJ and head.lemma_.lower() in W.light_verbs:
            actors = self.subject_actors(head, ctx, reporter)
            if actors:
                return actors, speaker, 0.8
        if tok.dep_ == "nsubjpass" and head.lemma_.lower() in W.light_verbs and \
                trig.entry.type == "SANCTION":
            agent = prep_of(head, "by") or child_of(head, {"agent"})
            by = self.actors(child_of(agent, {"pobj"}), ctx) if agent is not None else []
            prior = last_sanctioner(ctx)
            if not by and prior is not None:
                by = [prior]  # "Sanctions were also imposed on ...": whoever sanctioned last
            if by:
                return by, None, 0.6
        between = prep_of(tok, "between")
        if between is not None and trig.entry.type == "CONSULT":
            parties = [self.acting_for(a, ctx) for a in self.actors(child_of(between, {"pobj"}), ctx)]
            if len(parties) > 1:
                return parties, None, 0.6
        if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and (
                trig.entry.type == "CONSULT" or (
                    trig.entry.type == "CHARGE"
                    and head.head.lemma_.lower() in W.warrant_seeking_verbs)):
            # "held talks in ...", "applied for arrest warrants for X"
            actors = self.subject_actors(head.head, ctx, reporter)
            if actors:
                return actors, self.subject_person(head.head, ctx) or speaker, 0.75
        return [], None, 0.0
    if tok.pos_ == "ADJ":
        actors = self.subject_actors(tok, ctx, reporter)
        if actors:
            return actors, speaker, 0.75
        if reporter is not None and reporter.source is not None and not has_subject(tok):
            return [reporter.source], speaker, 0.6
        return [], None, 0.0
    if (tok.tag_ == "VBN" and child_of(tok, PASS_SUBJ) is not None) or is_passive(tok):
        agent = prep_of(tok, "by") or child_of(tok, {"agent"})
        named_agent = False
        if agent is not None:
            pobj = child_of(agent, {"pobj"})
            actors = self.actors(pobj, ctx) if pobj is not None else []
            if actors:
                return [self.acting_for(a, ctx) for a in actors], speaker, 0.85
            named_agent = pobj is not None and pobj.pos_ in ("PROPN", "NOUN")
        if trig.entry.lemma in W.stance_words or (
                tok.dep_ in ("ROOT", "ccomp", "conj") and prep_of(tok, "to") is not None
                and trig.entry.type in ("CRITICIZE", "REJECT", "AGREE", "SUPPORT")):
            subj = child_of(tok, PASS_SUBJ)
            if subj is not None:
                actors = self.subject_np(subj, ctx, reporter)
                if actors:
                    return actors, speaker, 0.8
        if trig.entry.type == "ARREST":
            where = prep_of(tok, "in")
            pobj = child_of(where, {"pobj"}) if where is not None else None
            actors = [a for a in self.actors(pobj, ctx) if a.kind == "State"] if pobj is not None else []
            if actors:
                return actors, None, 0.6
        if holds_to_account(trig.entry) and reporter is not None and \
                reporter.source is not None:
            # "... must be held accountable, Cameron said": the speaker holds them so
            return [reporter.source], speaker, 0.7
        if trig.entry.type in ("CHARGE", "ARREST", "ACCUSE") and ctx.legal_sources:
            # "X is accused of ...": the accuser is the party that charged them
            return [ctx.legal_sources[0]], None, 0.6
        if trig.entry.type == "SANCTION" and prep_of(tok, "on") is not None:
            prior = last_sanctioner(ctx)
            if prior is not None:
                # "Sanctions were also imposed on ...", after "X ordered the expulsion of"
                return [prior], None, 0.6
        if trig.entry.type in ("CHARGE", "ARREST", "SANCTION", "PROTEST") and not named_agent \
                and reporter is not None and reporter.source is not None \
                and reporter.source.country:
            # "X was detained", "the envoy was summoned", announced by a state's organ with
            # no other agent named: that state did it
            return [reporter.source], speaker, 0.6
        return [], None, 0.0
    actors = self.subject_actors(tok, ctx, reporter)
    if actors:
        return actors, self.subject_person(tok, ctx) or speaker, 0.9
    if reporter is not None and reporter.source is not None and tok.dep_ == "conj" and \
            child_of(tok, SUBJ) is None and tok.lemma_.lower() in W.speech_acts:
        # "Modi said the forces had been given a free hand and warned ...": the parser
        # hung "warned" on the reported clause; who warns is the one speaking
        return [reporter.source], speaker, 0.6
    subj = child_of(tok, SUBJ)
    if subj is not None and subj.lemma_.lower() in W.document_nouns and trig.entry.type in (
            "ACCUSE", "CHARGE"):
        # "the case alleged ...": the party that brought it
        if reporter is not None and reporter.source is not None:
            return [reporter.source], speaker, 0.6
        if ctx.legal_sources:
            return [ctx.legal_sources[0]], None, 0.6
    if reporter is not None and reporter.source is not None and not has_subject(tok):
        return [reporter.source], speaker, 0.7
    return [], None, 0.0


def subject_actors(self: Extractor, verb: Token, ctx: Context,
                    reporter: Attribution | None) -> list[Actor]:
    """The acting parties of a verb: its subject, carried across conjuncts and control."""
    cur = verb
    for step in range(6):
        subj = child_of(cur, SUBJ) or (child_of(cur, PASS_SUBJ) if step or cur.pos_ == "ADJ"
                                     else None)
        if subj is not None:
            return self.subject_np(subj, ctx, reporter)
        if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX", "ADJ"):
            cur = cur.head
            continue
        if cur.dep_ in ("acomp",) and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
            continue
        if cur.pos_ == "ADP" and cur.dep_ == "prep":
            cur = cur.head
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in OBJ | {"pobj"}:
                cur = cur.head if cur.dep_ in OBJ else cur.head.head
            continue
        if cur.dep_ in ("xcomp", "advcl") and cur.head.pos_ in ("VERB", "AUX", "ADJ"):
            obj = child_of(cur.head, OBJ)
            if cur.dep_ == "xcomp" and obj is not None and cur.head.lemma_.lower() in W.object_control_verbs:
                return self.actors(obj, ctx)
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return self.actors(cur.head, ctx)
        if cur.dep_ == "pcomp" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head
            continue
        break
    return []


def subject_person(self: Extractor, verb: Token, ctx: Context) -> Actor | None:
    """The person who is the subject of an act ("Hua urged", "she urged"), if any."""
    cur = verb
    for _ in range(4):
        subj = child_of(cur, SUBJ)
        if subj is not None:
            if is_pronoun(subj) and subj.lower_ in PERSONAL:
                return ctx.last_speaker
            if subj.ent_type_ in ("PERSON", "DIP_PERSON"):
                persons = [a for a in self.head_actors(subj, ctx) if a.kind == "Person"]
                return persons[0] if persons else None
            persons = [a for a in ctx.recent[-2:] if a.kind == "Person"]
            appos = [c for c in subj.children if c.dep_ == "appos"]
            if appos and persons:
                return persons[-1]
            return None
        if cur.dep_ != "conj":
            return None
        cur = cur.head
    return None


def subject_np(self: Extractor, subj: Token, ctx: Context, reporter: Attribution | None) -> list[Actor]:
    low = subj.lower_ if is_pronoun(subj) else ""
    if low in FIRST_PERSON:
        return [reporter.source] if reporter and reporter.source else []
    if low in PERSONAL:
        if reporter and reporter.speaker and reporter.source:
            return [reporter.source]
        return [ctx.last_source] if ctx.last_source else []
    if low == "they" and len(ctx.last_joint) > 1:
        return list(ctx.last_joint)
    if low in ("it", "they", "its"):
        # "Beijing said that it ...": the party whose statement this is
        if reporter and reporter.source:
            return [reporter.source]
        return [ctx.last_source] if ctx.last_source else []
    if low in ("this", "that") or subj.pos_ == "VERB":
        inner = child_of(subj, SUBJ) if subj.pos_ == "VERB" else None
        if inner is not None:
            return self.subject_np(inner, ctx, reporter)
        return list(ctx.last_doers)
    found = [self.acting_for(a, ctx) for a in self.actors(subj, ctx)]
    for c in subj.children:  # "the United States, joined by Britain, ...", "X along with Y"
        partner = None
        if c.dep_ == "acl" and c.lemma_.lower() in W.joining_verbs:
            by = prep_of(c, "by") or child_of(c, {"agent"})
            partner = child_of(by, {"pobj"}) if by is not None else None
        elif c.dep_ == "prep" and (c.lower_ == "alongside" or (c.lower_ == "with" and any(
                g.lower_ in ("along", "together") for g in c.children))):
            partner = child_of(c, {"pobj"})
        if partner is not None:
            found += [a for a in (self.acting_for(x, ctx) for x in self.actors(partner, ctx))
                      if a not in found]
    if not found and subj.pos_ == "NOUN" and subj.lemma_.lower() not in W.group_nouns:
        found = [self.state_for(a) for a in self.owner_of(subj, ctx)
                 if a.kind in ("State", "GovernmentBody", "IGO")]
    of = prep_of(subj, "of")
    if len(found) <= 1 and subj.tag_ == "NNS" and any(
            t.dep_ == "conj" for t in (*subj.lefts, *(of.subtree if of is not None else ()))
            for t in (t, *t.children)):
        # "Chinese and Russian warships", "the militaries of India and Pakistan": each state
        owners = [self.state_for(a) for a in self.owner_of(subj, ctx)
                  if a.kind in ("State", "GovernmentBody", "IGO")]
        if len({side_key(a) for a in owners}) > 1:
            found = owners
    return found


def noun_owner(self: Extractor, noun: Token, ctx: Context) -> list[Actor]:
    """Who owns a nominal act: "China's protest", "US sanctions", "accusations from X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            if is_pronoun(child) and child.lower_ in ("its", "their"):
                np = noun.head if noun.dep_ == "appos" else noun  # "began X, their drills"
                verb = np.head
                own = np.dep_ in OBJ or any(c.lower_ == "own" for c in noun.children)
                if own and verb.pos_ in ("VERB", "AUX"):
                    # "Beijing hit back, announcing its own measures": Beijing's
                    doers = [a for a in self.subject_actors(verb, ctx, None)
                             if a.kind in ("State", "GovernmentBody", "IGO")]
                    if doers:
                        return doers
                for a in reversed(ctx.recent):
                    if a.kind in ("State", "GovernmentBody", "IGO"):
                        return [a]
                return []
            return [self.acting_for(a, ctx) for a in self.actors(child, ctx)]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in (
            "DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL", "DIP_IGO", "DIP_BODY", "GPE", "NORP"
        ):
            actors = self.actors(child, ctx)
            if actors:
                return actors
    for prep in ("from", "by"):
        p = prep_of(noun, prep)
        pobj = child_of(p, {"pobj"}) if p is not None else None
        if pobj is not None:
            actors = self.actors(pobj, ctx)
            if actors:
                return [self.acting_for(a, ctx) for a in actors]
    return []


def last_sanctioner(ctx: Context) -> Actor | None:
    """Who imposed the sanctions the article reported last: "Sanctions were also imposed on"."""
    return next((c.source for c in reversed(ctx.acts[-6:]) if c.type == "SANCTION"), None)
