"""One sentence: its attributions, its triggers and the acts they carry, and the rarer
constructions, in order; what the sentence leaves in the discourse memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from diplograph.extract.attribution import indices
from diplograph.extract.context import Attribution, Candidate, Context
from diplograph.extract.resolve.names import state_of_ent
from diplograph.extract.syntax import (
    in_statement_before_question,
    quote_open_after,
)
from diplograph.extract.words import W

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.engine import Extractor


def sentence(self: Extractor, sent: Span, ctx: Context, briefer: Attribution | None = None,
              question: bool = False, following: list[Span] | None = None
              ) -> Iterator[Candidate]:
    text = sent.text.strip()
    if not text or not any(ch.isalpha() for ch in text):
        return
    label = self.turn_label(sent, ctx)
    if label is not None:
        question = question or label.source is None
    attributions = self.attributions(sent, ctx)
    if label is not None and label.source is not None and not attributions:
        attributions = [label]
    ctx.sentence_state = next((a.source.country for a in attributions
                               if a.source is not None and a.source.country), None)
    quote_carry = None
    starts_quote = text[:1] in "\"“'‘"
    if briefer is not None and not attributions:
        # an answer at a press briefing: the spokesperson says all of it
        quote_carry = Attribution(None, briefer.speaker, briefer.source, indices(sent))
        ctx.last_source, ctx.last_speaker = briefer.source, briefer.speaker
    elif question:
        quote_carry = None  # a journalist's question is no act of the journalist
    elif not attributions and ctx.turn is not None and ctx.turn.source is not None:
        # a transcript: whoever took the floor last says this too
        quote_carry = Attribution(None, ctx.turn.speaker, ctx.turn.source,
                                  indices(sent))
    elif not attributions and starts_quote and not ctx.in_quote and \
            quote_open_after(text, False) and (ahead := self.quote_speaker(following or [], ctx)):
        # a quote of several sentences, attributed where it closes: "S1. S2," she said.
        quote_carry = Attribution(None, ahead.speaker, ahead.source, indices(sent))
    elif not attributions and (ctx.in_quote or starts_quote) and ctx.last_source:
        quote_carry = Attribution(None, ctx.last_speaker, ctx.last_source,
                                  indices(sent))
    ctx.in_quote = quote_open_after(text, ctx.in_quote)
    question = text.rstrip("\"”’' ").endswith("?")
    for c in self.tokens(sent):  # "Chinese ships": whose ships, for later "the ships"
        if c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL") and c.dep_ in (
                "amod", "compound", "poss") and c.head.pos_ == "NOUN":
            noun = c.head.lemma_.lower()
            if noun not in ctx.noun_owners:
                owner = state_of_ent(c, self.ref)
                if owner:
                    ctx.noun_owners[noun] = owner[0]
    triggers = self.triggers(sent)
    trig_index = {t.tok.i: t for t in triggers}
    for trig in triggers:
        if question and not in_statement_before_question(trig.tok):
            continue
        if self.subsumed(trig, trig_index):
            continue
        reporter = innermost(attributions, trig.tok) or quote_carry
        for cand in self.trigger_events(trig, reporter, ctx, trig_index):
            ctx.acts.append(cand)
            yield cand
    # self-exculpatory negations and obligations in reported speech
    for att in attributions + ([quote_carry] if quote_carry else []):
        if att.source is None:
            continue
        for cand in (*self.reported_denials(sent, att, ctx, trig_index),
                     *self.reported_obligations(sent, att, ctx, trig_index),
                     *self.reported_judgements(sent, att, ctx)):
            ctx.acts.append(cand)
            yield cand
    # the rarer constructions, each only where its key word or relation occurs
    toks = self.tokens(sent)
    lemmas = {t.lemma_.lower() for t in toks}
    extra: list[Iterator[Candidate]] = []
    if lemmas & W.name_calling:
        extra.append(self.name_calling(sent, ctx))
    if lemmas & W.request_nouns:
        extra.append(self.at_request(sent, ctx))
    if any(t.dep_ == "appos" for t in toks):
        extra.append(self.group_named(sent, ctx, trig_index))
    if ctx.acts and lemmas & (W.including_verbs | {"be"}):
        extra.append(self.list_continued(sent, ctx))
    for found in extra:
        for cand in found:
            ctx.acts.append(cand)
            yield cand
    for att in attributions:
        if att.source is not None:
            ctx.last_source = att.source
            ctx.last_speaker = att.speaker
    if not attributions and quote_carry is None:
        ctx.in_quote = ctx.in_quote and bool(ctx.last_source)


def innermost(atts: list[Attribution], tok: Token) -> Attribution | None:
    best = None
    for a in atts:
        if tok.i in a.content and (best is None or len(a.content) < len(best.content)):
            best = a
    return best
