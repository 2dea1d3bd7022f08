"""Who says what: the attribution of clauses to a speaker and the party spoken for
(verbs of saying, "according to", transcript turns, quotes that close later), and
who answers in a press-briefing transcript.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.context import Attribution, Context
from diplograph.extract.resolve.names import body_of_role
from diplograph.extract.syntax import (
    FIRST_PERSON,
    PERSONAL,
    QUOTE_CLOSERS,
    SUBJ,
    child_of,
    ent_of,
    is_pronoun,
    quote_open_after,
)
from diplograph.extract.words import W
from diplograph.model import Actor, Article
from diplograph.schema.reference import FOREIGN_MINISTRY, STATE_ROLE, slug

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.engine import Extractor


def briefer(self: Extractor, article: Article, ctx: Context,
            spokesperson: str | None = None) -> Attribution | None:
    """Who answers in a press-briefing transcript, and for whom: the spokesperson a
    briefing loader found, or the one the document stage read off the title."""
    speaker_name = article.speaker or spokesperson
    if not speaker_name:
        return None
    ref = self.ref
    off = ref.official(speaker_name, article.date)
    role = (article.speaker_role or (off.role if off else "") or "").lower()
    state = (off.country if off else None) or ctx.default_state
    body_id = ref.roles.get(role) or body_of_role(role, ref) or FOREIGN_MINISTRY
    if not role or any(w in role for w in W.briefer_of_foreign_ministry):
        body_id = FOREIGN_MINISTRY  # a briefing is the foreign ministry's, unless an office says
    person = Actor(id=off.id if off else f"person-{slug(speaker_name)}",
                   label=off.name if off else speaker_name, kind="Person", country=state,
                   wikidata=off.wikidata if off else None)
    source = (ref.state_actor(state) if body_id == STATE_ROLE else ref.body_actor(body_id, state)) \
        if state else None
    if source is None:
        return None
    self.register(ctx, person, person.label, source)
    return Attribution(None, person, source, set())


def issuer(self: Extractor, headline: Span, ctx: Context) -> Attribution | None:
    """Who issues a statement, a press release or a briefing, from its headline: "Statement
    of the Ministry of Foreign Affairs of Poland on ...", "Media release — Australian
    Federal Police", "Noon briefing by X, Spokesman for the Secretary-General". The
    headline must open with such a document's name; its first state, body or IGO, or the
    party its first person speaks for, issues it."""
    opening = [t for t in headline if not t.is_punct][:6]
    if not any(t.lemma_.lower() in W.issue_nouns or t.lower_ in W.issue_nouns for t in opening):
        return None
    for tok in headline:
        if tok.ent_iob_ != "B":
            continue
        ent = ent_of(tok)
        for actor in self.actors(ent.root if ent is not None else tok, ctx):
            if actor.kind == "Person":
                party = ctx.person_source.get(actor.id)
                if party is not None and party.kind in ("State", "GovernmentBody", "IGO"):
                    return Attribution(None, actor, party, set())
            elif actor.kind in ("State", "GovernmentBody", "IGO"):
                return Attribution(None, None, actor, set())
    return None


def attributions(self: Extractor, sent: Span, ctx: Context) -> list[Attribution]:
    out: list[Attribution] = []
    for tok in self.tokens(sent):
        if tok.lemma_.lower() == "according" and tok.dep_ == "prep":
            pobj = next((c for c in tok.children if c.dep_ == "prep"), None)
            pobj = next((c for c in pobj.children if c.dep_ == "pobj"), None) if pobj else None
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                speaker, source = self.speaker(pobj, ctx)
                if source:
                    out.append(Attribution(tok, speaker, source,
                                           indices(sent) - {t.i for t in tok.subtree}))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.lex.say:
            continue
        subj = child_of(tok, SUBJ)
        if subj is None and tok.dep_ in ("advcl", "conj", "xcomp"):
            # "..., Hua said, adding that ..." shares the subject of "said"
            subj = child_of(tok.head, SUBJ)
        if subj is None:
            continue
        speaker, source = self.speaker(subj, ctx)
        content = set()
        for child in tok.children:
            if child.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and child.pos_ in (
                "VERB", "AUX", "NOUN", "PROPN", "ADJ"
            ):
                content |= {t.i for t in child.subtree}
        if tok.dep_ == "ROOT" and any(t.text in QUOTE_CLOSERS for t in self.tokens(sent)
                                       if t.i < subj.left_edge.i and t.i > sent.start):
            # '"...," the spokesman told a briefing': what was said is the quote
            content |= set(range(sent.start, max(subj.left_edge.i, sent.start)))
        if tok.dep_ == "parataxis" or (tok.dep_ == "ROOT" and not content):
            # "This, she said, was ..." or a quote before "she said"
            content = indices(sent) - {t.i for t in tok.subtree}
            if tok.dep_ == "ROOT":
                content = indices(sent) - {t.i for t in subj.subtree} - {tok.i}
        if not content:
            continue
        out.append(Attribution(tok, speaker, source, content))
        if source is not None:
            ctx.last_source, ctx.last_speaker = source, speaker
    return out


def turn_label(self: Extractor, sent: Span, ctx: Context) -> Attribution | None:
    """ "Hua Chunying: ..." or "Q: ..." at the start of a sentence: who speaks from here on.
    A question label gives an attribution with no source (the floor passes to no party)."""
    toks = self.tokens(sent)[:9]
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    head = toks[:colon]
    if (colon == 1 and head[0].lower_ in W.question_labels) or \
            " ".join(t.lower_ for t in head) in W.question_labels:
        ctx.turn = Attribution(None, None, None, set())
        return ctx.turn
    if not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") for t in head):
        return None
    person = next((t for t in reversed(head) if t.ent_type_ in ("PERSON", "DIP_PERSON")), None)
    if person is None:
        return None
    speaker, source = self.speaker(person, ctx)
    if source is None:
        return None
    content = set(range(toks[colon].i + 1, sent.end))
    ctx.turn = Attribution(None, speaker, source, content)
    ctx.last_source, ctx.last_speaker = source, speaker
    return ctx.turn


def quote_speaker(self: Extractor, following: list[Span], ctx: Context) -> Attribution | None:
    """Who speaks a quote that stays open: the attribution of the sentence that closes it."""
    for nxt in following:
        if not quote_open_after(nxt.text, False):
            continue  # no quote mark, or one that opens and closes: still inside the quote
        scratch = replace(ctx, persons=dict(ctx.persons), person_source=dict(ctx.person_source),
                          recent=list(ctx.recent), last_group=list(ctx.last_group))
        atts = [a for a in self.attributions(nxt, scratch) if a.source is not None]
        return atts[0] if atts else None
    return None


def speaker(self: Extractor, tok: Token, ctx: Context) -> tuple[Actor | None, Actor | None]:
    """(speaking person, party spoken for) for the subject of a verb of saying."""
    low = tok.lower_ if is_pronoun(tok) else ""
    if low in PERSONAL:
        return ctx.last_speaker, ctx.last_source
    if low in FIRST_PERSON:
        return ctx.last_speaker, ctx.last_source
    if low in ("it", "they") and ctx.last_source:
        return None, ctx.last_source
    actors = self.actors(tok, ctx)
    if not actors:
        return None, None
    actor = actors[0]
    if actor.kind == "Person":
        return actor, ctx.person_source.get(actor.id, actor)
    return None, actor


def indices(span: Span) -> set[int]:
    """The token indices of a span (a sentence), as attribution content."""
    return set(range(span.start, span.end))
