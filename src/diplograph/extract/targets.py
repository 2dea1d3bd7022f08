"""The target of a trigger, and what the act is about: objects, addressees, prepositional
phrases by type, clauses, and the acts and parties the article named before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from diplograph.extract.consolidate import same_party, side_key
from diplograph.extract.context import Context, Trigger
from diplograph.extract.resolve.names import state_of_ent
from diplograph.extract.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    about_text,
    child_of,
    ent_of,
    is_passive,
    prep_obj,
    prep_of,
)
from diplograph.extract.words import M, W
from diplograph.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.engine import Extractor


def targets(self: Extractor, trig: Trigger, etype: str, ctx: Context,
             sources: list[Actor]) -> tuple[list[Actor | None], str | None, list[Actor]]:
    tok = trig.tok
    doc = tok.doc
    about_tok: Token | None = None
    targets: list[Actor] = []
    phrase_toks = [doc[i] for i in range(tok.i, trig.span_end)]

    def from_preps(heads: Iterable[Token], preps: tuple[str, ...]) -> list[Actor]:
        for h in heads:
            for p in preps:
                prep = prep_of(h, p)
                pobj = child_of(prep, {"pobj"}) if prep is not None else None
                if pobj is not None:
                    acts = self.actors(pobj, ctx) or self.owner_of(pobj, ctx)
                    if acts:
                        for c in h.children:
                            # "sanctions on X's minister, A, and its interior minister, B":
                            # the parser may hang the second one on "sanctions"
                            if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > pobj.i and any(
                                    g.dep_ == "appos" for g in c.children):
                                acts += [a for a in self.actors(c, ctx) if a not in acts]
                        return acts
        return []

    last = phrase_toks[-1]
    if len(phrase_toks) > 1 and last.pos_ == "ADP" and etype in (
            "SUPPORT", "COOPERATE", "AGREE", "CONSULT", "PROTEST", "ACCUSE", "CRITICIZE"):
        pobj = child_of(last, {"pobj"})  # "stand by Israel", "work with Seoul"
        if pobj is not None:
            targets = self.actors(pobj, ctx) or self.owner_of(pobj, ctx)
    obj = None
    for t in phrase_toks:
        obj = child_of(t, OBJ)
        if obj is not None and obj.lemma_.lower() not in trig.entry.lemma.split()[1:]:
            break
        obj = None
    if obj is None and tok.pos_ == "VERB" and etype in (
            "PROTEST", "ARREST", "CHARGE", "SANCTION", "DEMAND", "CONSULT", "ACCUSE"):
        # "summoned Japanese Ambassador Hideo Tarumi", the name parsed as an adverbial
        obj = next((c for c in tok.children if c.dep_ in ("npadvmod", "dep")
                    and tok.i < c.left_edge.i <= tok.i + 3
                    and c.ent_type_.startswith(("DIP_", "PERSON", "ORG", "GPE", "NORP"))), None)
    if tok.pos_ == "ADJ":
        about_tok = prep_obj(tok, ("by", "about", "over", "at", "with", "to"))
        if about_tok is not None:
            targets = self.actors(about_tok, ctx) or self.owner_of(about_tok, ctx)
    elif tok.pos_ == "NOUN":
        owner_ids = {a.id for a in sources}
        preps = {"ACCUSE": ("against", "of", "on", "into"), "CRITICIZE": ("of", "against"),
                 "PROTEST": ("to", "with", "against", "over"),
                 "CONSULT": ("between", "to", "with"), "COOPERATE": ("with", "to", "between"),
                 "CHARGE": ("against", "of") if tok.lemma_.lower() not in W.warrants else ("for",),
                 "SANCTION": ("on", "against", "with", "to"),
                 "ARREST": ("of",), "DEMAND": ("on", "for", "to"), "THREATEN": ("against", "to"),
                 "DENY": ("of",)}.get(etype, ("with", "to", "against"))
        targets = self.search_preps(tok, preps, ctx)
        if not targets and tok.dep_ == "nsubjpass":
            targets = self.search_preps(tok.head, preps, ctx)  # "were imposed on X"
        if not targets and etype == "SANCTION" and tok.lemma_.lower() in W.removal_nouns:
            of = child_of(prep_of(tok, "of"), {"pobj"})  # "the expulsion of 35 Russian diplomats"
            if of is not None:
                targets = [self.state_for(a) for a in self.actors(of, ctx) or
                           self.owner_of(of, ctx)]
        acl = next((c for c in tok.children
                    if c.dep_ == "acl" and c.lemma_.lower() in W.charging_participles), None)
        if not targets and etype in ("CHARGE", "ACCUSE") and acl is not None:
            # "unsealed a charge accusing him of ...": whoever the charge accuses
            accused = child_of(acl, OBJ)
            if accused is not None:
                targets = self.actors(accused, ctx) or self.pronoun_target(accused, ctx,
                                                                           sources)
        first = tok
        while not targets and first.dep_ == "conj":
            first = first.head  # "asset freezes and travel bans on X"
            targets = self.search_preps(first, preps, ctx)
        if not targets:
            for child in tok.children:
                if child.dep_ in ("compound", "amod") and child.ent_type_:
                    acts = [a for a in self.actors(child, ctx) if a.id not in owner_ids]
                    if acts and etype in ("SANCTION",):
                        targets = acts
        about_tok = prep_obj(tok, ("of", "for", "over", "concerning", "about"))
        if about_tok is None:
            about_tok = next((c for c in tok.children if c.dep_ == "acl"), None)
        if not targets and etype == "CONSULT" and tok.dep_ == "pobj":
            verb_obj = child_of(tok.head.head, OBJ)
            if verb_obj is not None:
                targets = [self.acting_for(a, ctx) for a in self.actors(verb_obj, ctx)]
    elif etype == "DEMAND":
        if obj is not None:
            targets = self.actors(obj, ctx)
        if not targets:  # "urged all parties, and the United States in particular, to ..."
            targets = [a for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                       and c.ent_type_ in ("DIP_STATE", "DIP_CAPITAL", "DIP_IGO")
                       for a in self.actors(c, ctx)]
        if not targets:
            targets = from_preps(phrase_toks, ("on", "upon", "of", "to", "for"))
        if not targets:
            for c in tok.children:  # "called for Russia to withdraw": a for-to clause
                if c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                        m.lower_ == "for" for m in c.children if m.dep_ == "mark"):
                    subj = child_of(c, SUBJ)
                    if subj is not None:
                        targets = self.actors(subj, ctx)
                        about_tok = c
        about_tok = child_of(tok, {"xcomp", "ccomp"})
        if about_tok is not None and not targets and about_tok.dep_ == "ccomp":
            subj = child_of(about_tok, SUBJ | PASS_SUBJ)
            if subj is not None:
                targets = self.actors(subj, ctx)
        if about_tok is None:
            about_tok = prep_obj(tok, ("for",)) or obj
        if about_tok is None:
            for t in phrase_toks[1:]:
                about_tok = prep_obj(t, ("for",)) or child_of(t, {"pobj"})
                if about_tok is not None:
                    break
    elif etype in ("CHARGE", "ARREST"):
        if is_passive(tok):
            subj = child_of(tok, PASS_SUBJ)
            targets = self.actors(subj, ctx) if subj is not None else []
            if not targets and subj is not None:
                targets = self.pronoun_target(subj, ctx, sources)  # "he was arrested"
        elif obj is not None:
            targets = self.actors(obj, ctx)
        about_tok = prep_obj(tok, ("with", "for", "over", "on"))
    elif etype in ("ACCUSE", "CRITICIZE", "REJECT", "SUPPORT", "SANCTION", "THREATEN",
                   "CONSULT", "COOPERATE", "AGREE", "PROTEST", "DENY"):
        stance = trig.entry.lemma in W.stance_words or (
            prep_of(tok, "to") is not None and etype in ("CRITICIZE", "REJECT", "AGREE", "SUPPORT"))
        if is_passive(tok) and not stance:
            subj = child_of(tok, PASS_SUBJ)
            if subj is not None:
                targets = self.actors(subj, ctx)
        if not targets and stance and prep_of(tok, "to") is not None:
            to_obj = child_of(prep_of(tok, "to"), {"pobj"})
            if to_obj is not None:
                targets = self.actors(to_obj, ctx) or self.owner_of(to_obj, ctx)
        if obj is not None and obj.lower_ in W.persona:
            # "declared the consul Igor Petrov persona non grata", parsed as one noun phrase
            ents = {id(e): e for t in obj.subtree for e in [ent_of(t)]
                    if e is not None and e.label_ in ("PERSON", "DIP_PERSON")}
            targets = [self.person(e, ctx) for e in ents.values()] or [
                a for t in obj.subtree if t.ent_type_ in ("DIP_DEMONYM", "DIP_STATE")
                for a in state_of_ent(t, self.ref)][:1]
        if not targets and etype == "COOPERATE":
            # "extradited X to the United States", "shared data with Britain": the partner
            # is the state it goes to, not the person or thing handed over
            targets = [a for a in from_preps(phrase_toks, ("to", "with"))
                       if a.kind in ("State", "GovernmentBody", "IGO")]
        if not targets and obj is not None:
            targets = self.actors(obj, ctx)
            if not targets:
                targets = self.owner_of(obj, ctx)
            if not targets and obj.lemma_.lower() in W.patient_nouns:
                targets = self.holder_of(obj, sources, ctx)
            if not targets:
                targets = self.search_preps(obj, ("with", "to", "against", "on", "of"), ctx)
            if obj.lemma_.lower() in W.envoy_titles and not targets:
                targets = self.owner_of(obj, ctx)
        if not targets:
            preps = {"ACCUSE": ("against", "to", "on"),
                     "CRITICIZE": ("against", "on", "to", "over", "about"),
                     "PROTEST": ("to", "with", "against"),
                     "CONSULT": ("with", "to", "in"), "COOPERATE": ("with", "to"),
                     "AGREE": ("with", "to"), "SUPPORT": ("to", "for", "with", "of"),
                     "SANCTION": ("on", "against", "with", "from", "to", "for"),
                     "THREATEN": ("against", "on", "to"),
                     "REJECT": ("from", "by", "of", "in"), "DENY": ("by", "from")}[etype]
            targets = from_preps(phrase_toks, preps)
            if not targets and obj is not None:
                targets = self.search_preps(obj, preps, ctx)
        if not targets and etype in ("REJECT", "AGREE", "THREATEN", "CONSULT", "SANCTION"):
            x = child_of(tok, {"xcomp"})
            if x is not None:
                xo = child_of(x, OBJ)
                if xo is not None:
                    targets = self.actors(xo, ctx) or self.owner_of(xo, ctx)
                if not targets:
                    targets = self.search_preps(x, ("with", "to", "against", "on", "from"), ctx)
        if not targets and etype == "REJECT" and obj is not None and \
                obj.lemma_.lower() in W.proposal_nouns:
            # "rejected a call for troops to be deployed in East Timor"
            targets = [a for a in self.clause_accused(obj, ctx, sources)
                       if a.kind in ("State", "GovernmentBody", "IGO")]
        if not targets and etype in ("AGREE", "REJECT") and len(sources) == 1:
            x = child_of(tok, {"xcomp"})
            if x is not None:
                targets = self.clause_accused(x, ctx, sources)
                if targets and targets[0].kind not in ("State", "GovernmentBody", "IGO"):
                    targets = []
        if not targets and etype in ("ACCUSE", "THREATEN", "CRITICIZE", "SUPPORT"):
            comp = child_of(tok, {"ccomp"})
            if comp is not None:
                targets = [a for a in self.clause_accused(comp, ctx, sources)
                           if not any(same_party(a, s) for s in sources)]
        about_tok = (prep_obj(tok, ("of", "for", "over", "about", "on")) or
                     child_of(tok, {"xcomp", "ccomp"}) or obj)
    if not targets and obj is not None:
        targets = self.pronoun_target(obj, ctx, sources)
    if not targets and tok.pos_ == "NOUN" and etype in ("DEMAND", "THREATEN", "PROTEST") and \
            tok.dep_ in OBJ and tok.head.pos_ == "VERB":
        to = prep_of(tok.head, "to")  # "issued a stern reminder to Iraq"
        if to is not None:
            targets = self.actors(child_of(to, {"pobj"}), ctx)
    if not targets and etype in ("CRITICIZE", "ACCUSE", "SUPPORT", "REJECT", "PROTEST"):
        head = obj if obj is not None else about_tok
        if head is not None and head.lemma_.lower() in M.noun_acts:
            prior = self.prior_act(M.noun_acts[head.lemma_.lower()][0], sources, ctx)
            if prior is not None:
                targets = [prior]
    if not targets and etype == "DEMAND" and about_tok is not None and any(
            t.lemma_.lower() in W.release_words for t in about_tok.subtree):
        prior = self.prior_act("ARREST", sources, ctx)
        if prior is not None:
            targets = [prior]
    if not targets and etype == "DEMAND" and about_tok is not None and about_tok.dep_ == "ccomp":
        subj = child_of(about_tok, SUBJ | PASS_SUBJ)
        if subj is not None:
            targets = self.pronoun_target(subj, ctx, sources)
    if not targets and etype == "THREATEN":
        targets = self.condition_party(tok, ctx)
    if not targets and etype == "THREATEN":
        # "urged Washington to revoke the decision, warning that China would respond":
        # the warning is aimed where the demand in the same sentence was
        sides = {side_key(a) for a in sources}
        for act in reversed(ctx.acts[-4:]):
            if act.type in ("DEMAND", "PROTEST", "CRITICIZE", "REJECT") and \
                    act.target is not None and act.trigger.tok.sent == tok.sent and \
                    side_key(act.source) in sides:
                targets = [self.state_for(act.target)]
                break
    if not targets and etype == "THREATEN":
        # "warned of serious consequences for relations with Turkey"
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "about"):
                warned = [a for t in p.subtree if t.ent_type_ in ("DIP_STATE", "DIP_CAPITAL")
                          and t.dep_ == "pobj" for a in self.actors(t, ctx)
                          if not any(same_party(a, s) for s in sources)]
                if warned:
                    targets = warned[:1]
                    break
    if not targets and etype == "THREATEN":
        comp = child_of(tok, {"ccomp"})
        subj = child_of(comp, SUBJ) if comp is not None else None
        if subj is not None:
            # "warned that the drills could trigger a response": whoever holds the drills
            targets = self.authors_of(subj, sources, ctx)
    if not targets and etype == "THREATEN":
        for t in tok.subtree:  # "revenge awaited those who carried out the killing"
            if t.pos_ == "NOUN" and t.i != tok.i and t.lemma_.lower() in ctx.noun_owners:
                owner = ctx.noun_owners[t.lemma_.lower()]
                if all(not same_party(owner, a) for a in sources):
                    targets = [owner]
                    break
    if not targets and etype == "THREATEN":
        sides = {side_key(a) for a in sources}
        for act in reversed(ctx.acts[-6:]):
            if act.type in ("CRITICIZE", "ACCUSE", "PROTEST", "SANCTION", "DENY") and \
                    side_key(act.source) in sides and act.target is not None:
                targets = [self.state_for(act.target)]
                break
    if not targets and etype in ("PROTEST", "CRITICIZE", "SANCTION", "THREATEN"):
        targets = self.cause_party(tok, ctx, sources)
    if not targets and etype == "SANCTION" and obj is not None:
        for rel in obj.children:  # "withdrew the trade status it had granted to Pakistan"
            if rel.dep_ == "relcl":
                granted = from_preps([rel], ("to", "with", "on"))
                if granted:
                    targets = [a for a in granted
                               if not any(same_party(a, s) for s in sources)]
                    break
    if not targets and etype == "SANCTION":
        for t in tok.subtree:  # "imposed travel bans and asset freezes on X", parsed askew;
            # "a tariff on all imports from X", "a ban on exports to X"
            if t.dep_ == "prep" and t.i > tok.i and (
                    (t.lower_ in ("on", "against") and tok.pos_ == "VERB") or (
                    t.lower_ in ("to", "from") and t.head.lemma_.lower() in W.trade_nouns)):
                pobj = child_of(t, {"pobj"})
                named = [a for a in self.actors(pobj, ctx) if not any(
                    same_party(a, s) for s in sources)] if pobj is not None else []
                if named:
                    targets = list(named)
                    break
    if not targets and etype == "SANCTION" and tok.lemma_.lower() in W.imposing_verbs:
        for act in reversed(ctx.acts):
            if act.type == "SANCTION" and act.target is not None and not any(
                    same_party(act.source, a) for a in sources):
                hit = act.target
                targets = [self.state_for(hit) if hit.kind != "Person" else hit]
                break
    if etype in ("CHARGE", "ARREST", "SANCTION") and targets and all(
            a is not None and a.kind == "Group" for a in targets):
        named = self.members_named(tok, ctx)
        if named:
            targets = named

    if etype in ("DEMAND", "SUPPORT", "AGREE"):
        # "urged its citizens to ...": a party's own people are no counterpart
        targets = [a for a in targets if a is None or not (
            a.kind == "Group" and a.label.lower().startswith(("its ", "their ", "our ")))]
    if etype not in ("CHARGE", "ARREST", "SANCTION"):
        acting = [self.acting_for(a, ctx) if a.kind == "Person" else a for a in targets]
        # keep what this mention says of a person ("Lithuania's charge d'affaires, X")
        targets = [a if b.kind == "Person" and not b.country and a.country else b
                   for a, b in zip(targets, acting, strict=True)]
    if etype == "PROTEST" and targets and all(
            a is not None and a.kind == "Person" and not a.country for a in targets):
        sides = {side_key(a) for a in sources}
        other = next((a for a in reversed(ctx.recent) if a.kind == "State"
                      and side_key(a) not in sides), None)
        if other is not None:
            targets = [other]
    about = about_text(about_tok, tok) if about_tok is not None else None
    involved = self.involved(about_tok, ctx) if about_tok is not None else []
    return (list(targets) if targets else [None]), about, involved
