"""Acts carried by what a party says rather than by a verb of acting: reported
wrongdoing, false claims, self-denials, judgements, name-calling, obligations and
consequences.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from diplograph.extract.codes import (
    DEMAND_ENTRY,
    DENY_ENTRY,
)
from diplograph.extract.consolidate import same_party, side_key
from diplograph.extract.context import Attribution, Candidate, Context, Trigger
from diplograph.extract.lexicon import SMEAR, holds_to_account
from diplograph.extract.syntax import (
    CONSEQUENCE_MODALS,
    DEMONSTRATIVE,
    FIRST_PERSON,
    MODAL_OBLIGE,
    OBJ,
    PASS_SUBJ,
    PERSONAL,
    SELF_DENY_TENSES,
    SUBJ,
    about_text,
    child_of,
    is_negated,
    is_pronoun,
    prep_obj,
)
from diplograph.extract.words import M, W
from diplograph.model import Actor
from diplograph.schema.reference import LexEntry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.engine import Extractor


def reported_wrong(self: Extractor, trig: Trigger, reporter: Attribution | None,
                    ctx: Context) -> Iterator[Candidate]:
    """A reported smear or wrongdoing: the reporter accuses the doer."""
    tok = trig.tok
    entry = trig.entry
    if trig.tok.dep_ == "pcomp" or (tok.dep_ == "acl" and tok.head.lemma_ in W.accusation_nouns):
        return
    if tok.pos_ == "NOUN":
        doers = self.noun_owner(tok, ctx)
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        if not doers and (tok.dep_ in OBJ or tok.dep_ == "pobj") and head.pos_ == "VERB":
            doers = self.subject_actors(head, ctx, None)
        if not doers:
            return
        objs: list[Actor] = self.search_preps(tok, ("against", "on", "of"), ctx)
        about: str | None = about_text(tok, head) or tok.lemma_
        if reporter is not None and reporter.source is not None:
            for d in doers:
                if not same_party(d, reporter.source):
                    yield Candidate("ACCUSE", reporter.source, self.state_for(d),
                                    reporter.speaker, trig, about, 0.65)
        for d in doers:
            for o in objs:
                if not same_party(o, d) and reporter is None:
                    yield Candidate("ACCUSE", o, d, None, trig, about, 0.55)
        return
    doers = self.subject_actors(tok, ctx, None)
    if not doers and tok.dep_ == "compound" and tok.pos_ == "VERB":
        # "Putin bore responsibility" parsed as one noun phrase: the name before the verb
        names = [c for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i
                 and c.ent_type_]
        doers = [self.acting_for(a, ctx) for a in self.actors(names[-1], ctx)] if names else []
    if not doers and tok.lower_ in W.fabrication_words and tok.dep_ == "amod":
        return
    if not doers and child_of(tok, SUBJ) is not None:
        subj = child_of(tok, SUBJ)
        if subj is not None and subj.lower_ in ("this", "that", "it"):
            doers = list(ctx.last_doers)
    if not doers and tok.dep_ in ("ROOT",) and reporter is not None:
        doers = list(ctx.last_doers)
    objs = []
    obj = child_of(tok, OBJ)
    if obj is not None:
        objs = self.actors(obj, ctx) or self.owner_of(obj, ctx)
    if not objs:
        objs = self.search_preps(tok, ("to", "against", "on", "in"), ctx) if obj is None else []
    about = about_text(obj, tok) if obj is not None else tok.lemma_
    if entry.role == SMEAR:
        for d in doers:
            for o in objs:
                if o.id != d.id:
                    yield Candidate("ACCUSE", d, o, None, trig, about, 0.7)
    if reporter is not None and reporter.source is not None:
        for d in doers:
            if d.id != reporter.source.id and (d.country != reporter.source.country
                                               or d.country is None):
                yield Candidate("ACCUSE", reporter.source, d, reporter.speaker, trig,
                                f"{tok.lemma_} {about}".strip() if about != tok.lemma_ else about,
                                0.7)
    if doers:
        ctx.last_doers = doers


def false_claim(self: Extractor, trig: Trigger, reporter: Attribution | None,
                 ctx: Context) -> Iterator[Candidate]:
    """ "baseless accusations", "the charges are groundless": the reporter denies."""
    tok = trig.tok
    claim: Token | None = None
    if tok.dep_ == "amod" and tok.head.lemma_.lower() in W.accusation_nouns | W.reported_things:
        claim = tok.head
        # "the accusation rested on fabricated facts": the accusation is what is false
        clause = claim.head.head if claim.dep_ == "pobj" else claim.head
        csubj = child_of(clause, SUBJ)
        if csubj is not None and csubj.lemma_.lower() in W.accusation_nouns:
            claim = csubj
    elif tok.dep_ in ("acomp", "attr"):
        subj = child_of(tok.head, SUBJ)
        if subj is not None and (subj.lemma_.lower() in W.accusation_nouns
                                 or subj.lower_ in DEMONSTRATIVE):
            claim = subj
    speaker = reporter.speaker if reporter else None
    src = reporter.source if reporter else None
    called = False
    if claim is None and tok.dep_ in ("oprd", "xcomp", "advcl") and tok.head.pos_ == "VERB":
        # "China called the charges a fabrication / fabricated", "dismissed as fabricated
        # the US charges": the caller denies
        claim = child_of(tok.head, OBJ) or child_of(tok, OBJ)
        called = True
        callers = self.subject_actors(tok.head, ctx, reporter)
        if callers:
            src = callers[0]
            speaker = self.subject_person(tok.head, ctx) or speaker
    if claim is None:
        return
    if src is None:
        return
    owners = self.noun_owner(claim, ctx)
    if not owners and claim.dep_ in OBJ and not called:
        owners = self.subject_actors(claim.head, ctx, None)
    if not owners and claim.lower_ in DEMONSTRATIVE:
        owners = list(ctx.last_doers)
    if not owners and claim.lemma_.lower() in W.accusation_nouns:
        prior = self.prior_act("CHARGE", [src], ctx) or self.prior_act("ACCUSE", [src], ctx)
        owners = [prior] if prior is not None else []
    target = next((o for o in owners if not same_party(o, src)), None)
    yield Candidate("DENY", src, target, speaker, trig, about_text(claim, tok), 0.75,
                    answers="ACCUSE")
    if target is not None and claim.lemma_.lower() in W.claim_nouns:
        yield Candidate("ACCUSE", target, self.state_for(src), None, trig,
                        about_text(claim, tok), 0.6)
    if target is not None and tok.lemma_.lower() in W.fabrication_words:
        # calling the other side's claims fabricated accuses it of fabricating them
        yield Candidate("ACCUSE", src, target, speaker, trig, "fabrication", 0.6)


def reported_denials(self: Extractor, sent: Span, att: Attribution, ctx: Context,
                      index: dict[int, Trigger]) -> Iterator[Candidate]:
    """ "We have never hacked anyone", said by a party about itself: a denial."""
    assert att.source is not None
    for tok in self.tokens(sent):
        if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "conj" and is_negated(tok.head):
            continue
        neg = [c for c in tok.children if c.dep_ == "neg" or c.lower_ == "never"]
        obj = child_of(tok, OBJ)
        if not neg and obj is not None and any(c.lower_ == "no" and c.dep_ == "det"
                                               for c in obj.children) and (
                obj.lemma_.lower() in W.involvement_nouns
                or tok.tag_ in ("VBD", "VBN")):
            neg = [obj]  # "had no part in", "had sent no weapons"
        if not neg:
            continue
        subj = child_of(tok, SUBJ) or child_of(tok, PASS_SUBJ)
        if subj is None and tok.dep_ == "conj":
            subj = child_of(tok.head, SUBJ) or child_of(tok.head, PASS_SUBJ)
        lemma = tok.lemma_.lower()
        trig = index.get(tok.i)
        is_accept = lemma in W.accepting_verbs
        if subj is None:
            continue
        if subj.lower_ in FIRST_PERSON and is_pronoun(subj):
            actors = [att.source]
        elif subj.lower_ in PERSONAL and is_pronoun(subj):
            actors = [a for a in ctx.recent[-3:] if a.kind == "Person"][-1:] or []
        else:
            actors = [self.acting_for(a, ctx) for a in self.actors(subj, ctx)]
        if not any((a.country and a.country == att.source.country) or a.id == att.source.id
                   for a in actors):
            continue
        if is_accept:
            obj = child_of(tok, OBJ)
            if obj is None or not (obj.lower_ in DEMONSTRATIVE
                                   or obj.lemma_.lower() in W.accusation_nouns):
                continue
        elif tok.tag_ not in SELF_DENY_TENSES and not any(
            c.dep_ == "aux" and c.lemma_ in ("have", "do") for c in tok.children
        ) and not (neg and neg[0] is obj):
            continue
        if trig is not None and trig.entry.type in W.open_acts:
            continue  # "has not expelled any diplomats": an act not done, no denial
        target = ctx.last_doers[0] if ctx.last_doers and is_accept else None
        if target is not None and target.id == att.source.id:
            target = None
        if target is None:
            target = self.accuser_of([att.source], ctx)
        yield Candidate("DENY", att.source, target, att.speaker,
                        Trigger(tok, DENY_ENTRY, tok.i + 1),
                        about_text(tok, tok), 0.7)


def eval_in(self: Extractor, tok: Token) -> LexEntry | None:
    """A judgement word in a predicate: "arrogant", "a hostile act", "a violation"."""
    for t in tok.subtree:
        e = self.lex.evals.get(t.lemma_.lower()) or self.lex.evals.get(t.lower_)
        if e is not None and not is_negated(t.head if t.dep_ in ("amod", "acomp") else t):
            return e
    return None


def reported_judgements(self: Extractor, sent: Span, att: Attribution,
                         ctx: Context) -> Iterator[Candidate]:
    """ "The US is arrogant and selfish," she said: the speaker criticises the US."""
    assert att.source is not None
    for tok in self.tokens(sent):
        if tok.i not in att.content or tok.lemma_ != "be" or tok.dep_ not in (
                "ROOT", "ccomp", "conj", "parataxis", "advcl"):
            continue
        pred = child_of(tok, {"acomp", "attr"})
        subj = child_of(tok, SUBJ)
        if pred is None or subj is None:
            continue
        entry = self.eval_in(pred)
        if entry is None or entry.type is None:
            continue
        targets = [self.acting_for(a, ctx) for a in self.actors(subj, ctx)] or \
            self.owner_of(subj, ctx)
        for tgt in targets:
            if not same_party(tgt, att.source):
                yield Candidate(entry.type, att.source, tgt, att.speaker,
                                Trigger(pred, entry, pred.i + 1), about_text(pred, tok), 0.65)


def name_calling(self: Extractor, sent: Span, ctx: Context) -> Iterator[Candidate]:
    """ "Moscow called the expulsions a hostile act": criticism of whoever expelled."""
    for tok in self.tokens(sent):
        if tok.lemma_.lower() not in W.name_calling or \
                tok.pos_ != "VERB" or is_negated(tok):
            continue
        obj = child_of(tok, OBJ)
        pred = child_of(tok, {"oprd", "xcomp", "ccomp"}) or prep_obj(tok, ("as",))
        if obj is None and pred is None:
            continue
        if pred is None and obj is not None:
            # "called such statements absolutely unacceptable", parsed as a modifier
            pred = next((c for c in obj.children if c.dep_ == "amod" and c.i > obj.i), None)
        if pred is None:
            # "called the move an unprecedented hostile act": two objects in a row
            objs = [c for c in tok.children if c.dep_ in OBJ | {"npadvmod", "attr"}]
            if len(objs) < 2:
                continue
            obj, pred = objs[0], objs[1]
        entry = self.eval_in(pred)
        if entry is None or entry.type is None or obj is None:
            continue
        sources = self.subject_actors(tok, ctx, None)
        targets = self.actors(obj, ctx) or self.owner_of(obj, ctx)
        if not targets and obj.lemma_.lower() in M.noun_acts:
            prior = self.prior_act(M.noun_acts[obj.lemma_.lower()][0], sources, ctx)
            targets = [prior] if prior is not None else []
        if not targets:
            targets = self.earlier_owner(obj, ctx, sources)
        if not targets and obj.lemma_.lower() in W.accusation_nouns:
            # "called such statements unacceptable": whoever made them just before
            sides = {side_key(a) for a in sources}
            for act in reversed(ctx.acts[-6:]):
                if act.type in ("ACCUSE", "CRITICIZE", "CHARGE") and \
                        side_key(act.source) not in sides:
                    st = self.state_for(act.source)
                    if st not in targets:
                        targets.append(st)
        for src in sources:
            for tgt in targets:
                if not same_party(tgt, src):
                    yield Candidate(entry.type, src, self.state_for(tgt), None,
                                    Trigger(tok, entry, tok.i + 1), about_text(pred, tok), 0.65)


def reported_obligations(self: Extractor, sent: Span, att: Attribution, ctx: Context,
                          index: dict[int, Trigger]) -> Iterator[Candidate]:
    """ "X must stop ...", said by another party: a demand made of X."""
    assert att.source is not None
    for tok in self.tokens(sent):
        if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
            continue
        modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in MODAL_OBLIGE),
                     None)
        if modal is None or (is_negated(tok) and tok.lemma_ == "be"):
            continue
        if (trig := index.get(tok.i)) is not None and holds_to_account(trig.entry):
            continue  # "must be held accountable": an accusation, below
        subj = child_of(tok, SUBJ) or child_of(tok, PASS_SUBJ)
        if subj is None:
            continue
        targets = [self.acting_for(a, ctx) for a in self.actors(subj, ctx)]
        for tgt in targets:
            if tgt.id == att.source.id or (tgt.country and tgt.country == att.source.country):
                continue
            yield Candidate("DEMAND", att.source, tgt, att.speaker,
                            Trigger(tok, DEMAND_ENTRY, tok.i + 1),
                            about_text(tok, tok), 0.65)


def consequence(self: Extractor, trig: Trigger, reporter: Attribution | None, ctx: Context,
                 negated: bool) -> Iterator[Candidate]:
    """ "Washington will pay a price", "the attack will not go unpunished": whoever says
    it threatens the party the consequence awaits."""
    tok = trig.tok
    wants_negation = trig.entry.lemma.split()[-1].startswith("un")  # "go unpunished"
    if negated != wants_negation or reporter is None or reporter.source is None:
        return
    holder = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "need") else tok
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in CONSEQUENCE_MODALS
               for c in (*tok.children, *holder.children)):
        return  # "Iran paid a heavy price" is no threat
    subj_of = holder if child_of(tok, SUBJ | PASS_SUBJ) is None else tok
    src = reporter.source
    subj = child_of(subj_of, SUBJ | PASS_SUBJ)
    if subj is None:
        return
    if is_pronoun(subj) and subj.lower_ in ("it", "they"):
        # "It will have to live with the consequences": the party the speaker just named
        targets = self.pronoun_target(subj, ctx, [src])
        for tgt in targets:
            yield Candidate("THREATEN", src, self.state_for(tgt), reporter.speaker, trig,
                            None, 0.55)
        return
    targets = (self.actors(subj, ctx) or self.noun_owner(subj, ctx)
               or self.owner_of(subj, ctx) or self.pronoun_target(subj, ctx, [src]))
    for tgt in targets:
        if not same_party(tgt, src):
            yield Candidate("THREATEN", src, self.state_for(tgt), reporter.speaker, trig,
                            about_text(subj, tok), 0.6)
