"""From a trigger to candidate events: who acts, against whom, with which type; and a
candidate to an Event.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.codes import (
    NEEDS_TARGET,
    TYPE_DEFAULTS,
    demand_mode,
    refine_cameo,
)
from diplograph.extract.consolidate import same_party, side_key
from diplograph.extract.context import Attribution, Candidate, Context, Trigger
from diplograph.extract.lexicon import FALSE, SMEAR, SUFFER, WRONG, holds_to_account
from diplograph.extract.syntax import (
    DEMONSTRATIVE,
    OBJ,
    about_relations,
    about_text,
    child_of,
    is_conditional,
    is_future,
    is_hypothetical,
    is_negated,
)
from diplograph.extract.words import W
from diplograph.model import Actor, Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.engine import Extractor


def trigger_events(self: Extractor, trig: Trigger, reporter: Attribution | None, ctx: Context,
                    index: dict[int, Trigger]) -> Iterator[Candidate]:
    entry = trig.entry
    tok = trig.tok
    if entry.role == FALSE:
        yield from self.false_claim(trig, reporter, ctx)
        return
    negated = is_negated(tok)
    if entry.role == SUFFER:
        yield from self.consequence(trig, reporter, ctx, negated)
        return
    if negated and entry.lemma in W.acceptance_verbs \
            and tok.tag_ not in ("VBD", "VBN"):
        obj = child_of(tok, OBJ) or next((o for c in tok.children if c.dep_ == "conj"
                                        for o in [child_of(c, OBJ)] if o is not None), None)
        if obj is not None and obj.lower_ not in DEMONSTRATIVE:  # "neither accept nor recognise"
            sources, speaker, conf = self.sources(trig, reporter, ctx)
            rejected: list[Actor | None] = [*(self.actors(obj, ctx) or self.owner_of(obj, ctx))] \
                or [None]
            for src in sources:
                tgts = [t for t in rejected if t is None or not same_party(t, src)] or [None]
                for tgt in tgts:
                    yield Candidate("REJECT", src, tgt, speaker, trig, about_text(obj, tok),
                                    0.7)
        return
    if negated:
        return
    etype = entry.type
    if etype is None:
        return
    if tok.dep_ == "advcl" and any(m.lower_ in ("if", "unless") and m.dep_ == "mark"
                                   for m in tok.children):
        return  # "... would respond if Pyongyang took further steps": only a condition
    if is_hypothetical(tok) and etype not in ("THREATEN", "DEMAND") and \
            not holds_to_account(entry) and not (
            etype in ("CONSULT", "AGREE", "COOPERATE") and is_future(tok)
            and not any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may")
                        for c in tok.children)):
        if etype in ("SANCTION", "ARREST") and is_conditional(tok):
            etype = "THREATEN"
        else:
            return
    if entry.role in (WRONG, SMEAR):
        yield from self.reported_wrong(trig, reporter, ctx)
        return
    etype = self.refine_type(trig, etype)
    if etype is None:
        return
    if tok.pos_ == "NOUN" and etype in ("CRITICIZE", "ACCUSE") and any(
        c.dep_ == "amod" and c.lemma_.lower() in self.lex.adjs for c in tok.children
    ):
        etype = "ACCUSE"
    sources, speaker, conf = self.sources(trig, reporter, ctx)
    if not sources:
        return
    targets: list[Actor | None]
    targets, about, involved = self.targets(trig, etype, ctx, sources)
    if etype == "PROTEST":
        # "summoned Lithuania's charge d'affaires, Virginija Umbrasiene": the protest is
        # addressed to the state the envoy speaks for
        targets = [self.envoy_state(t, ctx) if t is not None and t.kind == "Person" else t
                   for t in targets]
    if etype in ("CHARGE", "ARREST", "SANCTION") and any(t is not None for t in targets):
        # "froze the assets of A, police chief B and security secretary C": the parser
        # often hangs the rest of the list on the verb
        for c in tok.children:
            if c.dep_ in ("npadvmod", "dep", "appos") and c.i > tok.i and \
                    c.ent_type_ in ("PERSON", "DIP_PERSON"):
                targets += [a for a in self.actors(c, ctx)
                            if a.kind == "Person" and a not in targets]
    if etype in ("CHARGE", "ARREST") and not targets:
        return
    if entry.lemma.split()[0] in W.signing_verbs and targets in ([], [None]) and len(sources) < 2:
        return  # a signing with no counterpart named says nothing about a dyad
    if etype == "SANCTION" and not targets and not about_relations(tok):
        return
    if etype == "DENY" and targets in ([], [None]):
        targets = [self.accuser_of(sources, ctx)]
    obj = child_of(tok, OBJ)
    if etype in ("REJECT", "DENY") and obj is not None and \
            obj.lemma_.lower() in W.accusation_nouns and targets not in ([], [None]) and \
            not self.noun_owner(obj, ctx):
        # "rejected the accusations against Damascus": Damascus is the accused
        accused = {side_key(a) for a in self.search_preps(obj, ("against",), ctx)}
        if accused and all(t is not None and side_key(t) in accused for t in targets):
            targets = [self.accuser_of(sources + [t for t in targets if t], ctx)]
    if etype in ("REJECT", "DENY") and targets in ([], [None]):
        answered = self.answered_act(tok, sources, ctx)
        if answered is not None:
            targets = [answered]
    if len(sources) > 1:
        ctx.last_joint = list(sources)
    if len(sources) > 1 and etype in ("SUPPORT", "AGREE", "CONSULT", "COOPERATE") and all(
            t is None or any(same_party(t, s) for s in sources) for t in targets):
        # "X and Y signed / met / agreed": each acts towards the other
        for src in sources:
            for other in sources:
                if other.id != src.id:
                    spk = speaker if speaker and same_side(src, reporter) else None
                    yield Candidate(etype, src, other, spk, trig, about, conf, tuple(involved))
        return
    stop_wrong = etype == "DEMAND" and stops_wrongdoing(tok)
    if etype in ("CHARGE", "ARREST", "ACCUSE"):
        # "arrested on suspicion of spying for Russia": an accusation against Russia
        for patron in self.alleged_patrons(tok, ctx):
            for src in sources:
                if not same_party(patron, src):
                    yield Candidate("ACCUSE", src, patron, speaker if same_side(src, reporter)
                                    else None, trig, about, 0.6)
    if etype in ("ACCUSE", "CHARGE") and reporter is not None and reporter.source is not None \
            and any(c.dep_ == "advmod" and c.lower_ in W.false_adverbs for c in tok.children):
        for src in sources:
            if not same_party(src, reporter.source):
                yield Candidate("DENY", reporter.source, src, reporter.speaker, trig, about,
                                0.7, answers=etype)
    for src in sources:
        tgts = [t for t in targets if t is None or not same_party(t, src)] or [None]
        if stop_wrong:
            for tgt in tgts:
                if tgt is not None:
                    yield Candidate("ACCUSE", src, tgt, speaker if same_side(src, reporter)
                                    else None, trig, about, 0.6)
        if etype in NEEDS_TARGET and tgts == [None] and (
                etype != "SANCTION" or not about_relations(tok)):
            continue
        for tgt in tgts:
            spk = speaker if speaker and (same_side(src, reporter) or reporter is None) else None
            yield Candidate(etype, src, tgt, spk, trig, about, conf, tuple(involved))
    if etype in ("CHARGE", "ARREST"):
        ctx.legal_sources[:0] = sources
    if etype in ("ACCUSE", "CRITICIZE", "CHARGE", "SANCTION"):
        ctx.last_doers = sources


def event(self: Extractor, cand: Candidate, sent: Span, offset: int, article: Article) -> Event:
    if cand.type == "SANCTION" and cand.target is not None and cand.target.kind == "Group" \
            and cand.target.country:
        # "expelled 60 Russians", "sanctions on Albanian rebels": unnamed nationals stand
        # for their state (a list that names them follows as events of their own)
        cand = replace(cand, target=self.state_for(cand.target))
    entry = cand.trigger.entry
    type_entry = entry if entry.type == cand.type else TYPE_DEFAULTS[cand.type]
    cameo = refine_cameo(cand.type, type_entry.cameo, cand.about)
    mode = type_entry.mode
    if cand.type == "DEMAND":
        mode, demanded = demand_mode(cand.about)
        cameo = demanded or cameo
    start = offset + sent.start_char
    end = offset + sent.end_char
    trig = cand.trigger
    return Event(
        doc=article.id,
        type=cand.type,
        source=cand.source,
        target=cand.target,
        speaker=cand.speaker,
        sentence=sent.text,
        start=start,
        end=end,
        plover=type_entry.plover,
        mode=mode,
        cameo=cameo,
        about=cand.about,
        date=article.date,
        confidence=round(cand.confidence, 2),
        trigger=trig.text,
        trigger_start=offset + trig.tok.idx,
        involved=cand.involved,
        answers=cand.answers,
    )


def same_side(src: Actor, reporter: Attribution | None) -> bool:
    if reporter is None or reporter.source is None:
        return False
    rs = reporter.source
    return src.id == rs.id or (src.country is not None and src.country == rs.country)


def stops_wrongdoing(tok: Token) -> bool:
    """ "to stop abusing export controls", "to end its attacks": the target is doing wrong."""
    for x in tok.children:
        if x.dep_ not in ("xcomp", "ccomp"):
            continue
        for v in (x, *(c for c in x.children if c.dep_ == "conj")):
            if v.lemma_.lower() in W.stop_verbs:
                obj = child_of(v, OBJ | {"xcomp"})
                if obj is not None and obj.pos_ in ("VERB", "NOUN"):
                    return True
    return False
