"""The extractor: the rules of every stage, bound to the lexicon and the reference data.

:meth:`Extractor.extract` reads an article's parsed paragraphs sentence by sentence
(:mod:`~diplograph.extract.sentence`): attributions, triggers, then for each trigger
the acting party (:mod:`~diplograph.extract.sources`), the target
(:mod:`~diplograph.extract.targets`) and the type (:mod:`~diplograph.extract.types`),
and the constructions that carry acts without a trigger of their own
(:mod:`~diplograph.extract.reported`, :mod:`~diplograph.extract.lists`); the article's
events are then consolidated (:mod:`~diplograph.extract.consolidate`). The rules live in
those modules; this class lists them as its methods, so that each can call the others
as ``x.name(...)``, and holds what they share: the lexicon, indexed, and the reference
data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract import acts as acts_rules
from diplograph.extract import attribution as attribution_rules
from diplograph.extract import discourse as discourse_rules
from diplograph.extract import lists as lists_rules
from diplograph.extract import reported as reported_rules
from diplograph.extract import sentence as sentence_rules
from diplograph.extract import sources as sources_rules
from diplograph.extract import targets as targets_rules
from diplograph.extract import triggers as triggers_rules
from diplograph.extract import types as types_rules
from diplograph.extract.codes import NEEDS_TARGET
from diplograph.extract.consolidate import consolidate, side_key
from diplograph.extract.context import Candidate, Context, Trigger
from diplograph.extract.document import Layout
from diplograph.extract.document import layout as document_layout
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.resolve import Resolver
from diplograph.model import Article, Event
from diplograph.schema.reference import Reference

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class Extractor(Resolver):
    """Turns parsed paragraphs of one article into events."""

    def __init__(self, ref: Reference, nlp_vocab: object, parsed: bool = True) -> None:
        self.ref = ref
        self.vocab = nlp_vocab
        self.parsed = parsed
        self.lex = Lexicon(ref.lexicon)
        self._sent_key: tuple[int, int, int] | None = None
        self._sent_toks: list[Token] = []
        self.trigger_words = triggers_rules.start_words(self.lex)

    def extract(self, article: Article, docs: list[tuple[int, Doc]],
                layout: Layout | None = None) -> list[Event]:
        """Events of one article, from its paragraphs parsed as (offset, Doc), and its
        layout (datelines, transcript turns: :mod:`~diplograph.extract.document`)."""
        if not self.parsed:
            return self.extract_linear(article, docs)
        layout = layout if layout is not None else document_layout(article)
        ctx = Context(article=article, ref=self.ref)
        self.survey(docs, ctx)
        events: list[Event] = []
        headline_events: list[Event] = []
        transcript = bool(article.segments or layout.turns)
        briefer = self.briefer(article, ctx, layout.spokesperson) if transcript else None
        issuer = None
        if article.headline_in_text and docs:
            issuer = next((att for sent in docs[0][1].sents
                           if (att := self.issuer(sent, ctx)) is not None), None)
            if issuer is not None and issuer.source is not None:
                ctx.issuer = issuer.source
                ctx.mention([issuer.source])
                ctx.last_source, ctx.last_speaker = issuer.source, issuer.speaker
                if briefer is None and transcript:
                    briefer = issuer
        for n, (offset, doc) in enumerate(docs):
            is_headline = n == 0 and article.headline_in_text
            sents = list(doc.sents)
            for k, sent in enumerate(sents):
                at = offset + sent.start_char
                role = article.segment_at(at) if article.segments else layout.role_at(at)
                speaker = briefer if role == "answer" else None if transcript else issuer
                found = list(self.sentence(sent, ctx, None if is_headline else speaker,
                                            question=role == "question", following=sents[k + 1:k + 4]))
                for cand in found:
                    ev = self.event(cand, sent, offset, article)
                    (headline_events if is_headline else events).append(ev)
        body_triples = {(side_key(e.source), e.type, side_key(e.target) if e.target else None)
                        for e in events}
        for ev in reversed(headline_events):
            key = (side_key(ev.source), ev.type, side_key(ev.target) if ev.target else None)
            if key not in body_triples:
                events.insert(0, ev)
        return consolidate(events)

    def extract_linear(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
        """Without a parser: the rules-only coder of :mod:`diplograph.extract.linear`."""
        from diplograph.extract.linear import LinearCoder

        if not hasattr(self, "_linear"):
            self._linear = LinearCoder(self.ref)
        events = []
        for offset, doc in docs:
            for sent in doc.sents:
                for entry, src, tgt, i in self._linear.sentence(sent):
                    if entry.type in NEEDS_TARGET and tgt is None:
                        continue
                    trig = Trigger(doc[i], entry, i + 1)
                    cand = Candidate(entry.type or "ACCUSE", src, tgt, None, trig, None, 0.4)
                    events.append(self.event(cand, sent, offset, article))
        return events

    def tokens(self, sent: Span) -> list[Token]:
        """The sentence's tokens, made once: the rules walk each sentence several times."""
        key = (id(sent.doc), sent.start, sent.end)
        if self._sent_key != key:
            self._sent_key, self._sent_toks = key, list(sent)
        return self._sent_toks

    # attribution
    briefer = attribution_rules.briefer
    issuer = attribution_rules.issuer
    attributions = attribution_rules.attributions
    turn_label = attribution_rules.turn_label
    quote_speaker = attribution_rules.quote_speaker
    speaker = attribution_rules.speaker

    # sentence
    sentence = sentence_rules.sentence

    # triggers
    triggers = triggers_rules.triggers
    subsumed = triggers_rules.subsumed

    # acts
    trigger_events = acts_rules.trigger_events
    event = acts_rules.event

    # types
    refine_type = types_rules.refine_type

    # sources
    sources = sources_rules.sources
    subject_actors = sources_rules.subject_actors
    subject_person = sources_rules.subject_person
    subject_np = sources_rules.subject_np
    noun_owner = sources_rules.noun_owner

    # targets
    targets = targets_rules.targets

    # discourse
    envoy_state = discourse_rules.envoy_state
    holder_of = discourse_rules.holder_of
    alleged_patrons = discourse_rules.alleged_patrons
    prior_act = discourse_rules.prior_act
    referred_act = discourse_rules.referred_act
    authors_of = discourse_rules.authors_of
    answered_act = discourse_rules.answered_act
    accuser_of = discourse_rules.accuser_of
    cause_party = discourse_rules.cause_party
    condition_party = discourse_rules.condition_party
    search_preps = discourse_rules.search_preps
    clause_accused = discourse_rules.clause_accused
    involved = discourse_rules.involved

    # reported
    reported_wrong = reported_rules.reported_wrong
    false_claim = reported_rules.false_claim
    reported_denials = reported_rules.reported_denials
    eval_in = reported_rules.eval_in
    reported_judgements = reported_rules.reported_judgements
    name_calling = reported_rules.name_calling
    reported_obligations = reported_rules.reported_obligations
    consequence = reported_rules.consequence

    # lists
    at_request = lists_rules.at_request
    group_named = lists_rules.group_named
    list_continued = lists_rules.list_continued
