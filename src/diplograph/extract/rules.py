"""Who did what to whom: general rules over a dependency parse.

The extractor walks each sentence once. It finds *triggers* (lexicon verbs,
phrases, nouns and adjectives), *attributions* (who says a clause), and then,
for each trigger, the acting party (subject, passive agent, possessor, or the
party that reports it), the target (object, addressee, ``against``/``with``/
``on`` phrases, the subject of a demanded clause), and what it is about.

Nothing here names a benchmark sentence: every rule is about English grammar
and the conventions of diplomatic reporting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.actors import (
    GROUP_NOUNS,
    PATIENT_NOUNS,
    ActorResolver,
    _role_body,
    _state_of_ent,
)
from diplograph.extract.codes import (
    _DEMAND_ENTRY,
    _DENY_ENTRY,
    _EXPEL_ENTRY,
    _TYPE_DEFAULTS,
    _demand_mode,
    _refine_cameo,
)
from diplograph.extract.consolidate import (
    _consolidate,
    _same_party,
    _side_key,
)
from diplograph.extract.context import (
    Attribution,
    Candidate,
    Context,
    Trigger,
)
from diplograph.extract.phrases import PhraseIndex
from diplograph.extract.syntax import (
    DEMONSTRATIVE,
    FIRST_PERSON,
    MODAL_OBLIGE,
    OBJ,
    PASS_SUBJ,
    PERSONAL,
    SUBJ,
    _about_relations,
    _about_text,
    _child,
    _conditional,
    _conjuncts,
    _ent,
    _future,
    _has_subject,
    _hypothetical,
    _inside_statement_before_question,
    _is_passive,
    _is_pronoun,
    _negated,
    _prep,
    _prep_obj,
    _quote_open_after,
    _strip_det,
)
from diplograph.model import Actor, Article, Event
from diplograph.schema.reference import LexEntry, Reference, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


ACCUSATION_NOUNS = {"accusation", "allegation", "claim", "charge", "criticism", "report",
                    "indictment", "assertion", "suggestion",
                    "smear", "slander", "rumor", "rumour", "statement", "remark"}
PROPOSAL_NOUNS = {"proposal", "plan", "offer", "mediation", "resolution", "demand", "call",
                  "request", "ultimatum", "appeal", "initiative", "deal", "invitation",
                  "suggestion", "deployment", "bid", "condition", "idea"}
VERB_PARTICLES = {"on", "upon", "for", "down", "out", "aside", "over", "in", "to", "with"}
SPEECH_ACTS = {"warn", "urge", "accuse", "demand", "condemn", "criticize", "criticise", "deny",
               "reject", "vow", "threaten", "call", "insist", "appeal", "denounce", "blame"}
TRADE_NOUNS = {"export", "shipment", "sale", "supply", "transfer", "flight", "visa"}
ENVOYS = {"ambassador", "envoy", "diplomat", "chargé", "charge", "consul", "attaché", "mission",
          "representative", "d'affaires"}
ENDANGERED = {"sovereignty", "security", "peace", "stability", "interest", "integrity", "safety",
              "order", "unity", "independence", "existence", "health", "economy", "future"}
CLOSABLE = {"embassy", "consulate", "mission", "office", "border", "airspace", "port", "crossing",
            "compound", "link", "route", "channel", "line", "market", "school", "centre", "center",
            "institute", "bureau", "agency", "account"}
#: the special cases of ``_triggers``; every word that starts one must be in its gate
ORDER_VERBS = {"order", "tell", "give", "ask"}  # "ordered X to leave"
BLAME_VERBS = {"put", "lay", "place", "pin", "shift"}  # "put the blame on X"
#: "ordered X to leave / to close its consulate": an expulsion
DEPARTURES = {"leave", "close", "shut", "vacate", "depart", "withdraw", "quit"}
#: "agreed / decided to impose sanctions": the sanction is the event, not an agreement
DECIDING = {"agree", "decide", "vote", "resolve", "move"}
DECIDED_ACTS = {"SANCTION", "ARREST", "CHARGE", "PROTEST"}
CONSEQUENCE_MODALS = {"will", "would", "shall", "'ll", "must", "could", "may", "might", "wo"}
LISTING = {"list", "name", "sanction", "designate", "target", "charge", "indict", "include"}
QUESTION_LABELS = {"q", "question", "reporter", "journalist", "moderator", "q."}
NAME_CALLING = {"call", "describe", "brand", "label", "term", "dub", "characterize", "characterise",
                "denounce"}
LIST_NOUNS = {"list", "package", "designation", "round", "target", "individual", "entity",
              "name", "defendant", "indictment", "measure", "sanction"}
_CLAIMS = ("ACCUSE", "CHARGE", "CRITICIZE")
_CALLS = ("DEMAND", "AGREE", "THREATEN", "CONSULT", "COOPERATE", "SUPPORT")
_MEASURES = ("SANCTION", "DEMAND", "THREATEN")
#: act nouns that, with "the", point back to an act already reported ("rejected the protest")
ANSWERABLE = {"protest": ("PROTEST",), "complaint": ("PROTEST", "CRITICIZE"),
              "accusation": _CLAIMS, "allegation": _CLAIMS, "claim": _CLAIMS, "charge": _CLAIMS,
              "criticism": ("CRITICIZE", "ACCUSE"), "demand": ("DEMAND",), "call": ("DEMAND",),
              "request": ("DEMAND",), "ultimatum": ("DEMAND", "THREATEN"),
              "proposal": _CALLS, "offer": _CALLS, "plan": _CALLS, "invitation": _CALLS,
              "resolution": _MEASURES, "sanction": _MEASURES, "measure": _MEASURES,
              "decision": _MEASURES, "move": _MEASURES, "ban": _MEASURES, "threat": ("THREATEN",),
              "warning": ("THREATEN",), "expulsion": ("SANCTION",)}
HOSTILE_NOUNS = {"revenge", "retaliation", "retribution", "reprisal", "punishment", "response",
                 "vengeance", "consequence"}
HOSTILE_XCOMP = {"retaliate", "respond", "punish", "sanction", "strike", "attack", "fight",
                 "crush", "destroy", "expel", "boycott", "hit", "defend", "resist", "counter",
                 "impose", "take", "cut", "sever", "withdraw", "end", "halt", "suspend",
                 "launch", "shell", "blockade", "stop", "break"}
LIGHT_VERBS = {"stage", "return", "commit", "engage", "perpetrate", "mount", "make", "level", "lodge",
               "issue",
               "file", "bring", "launch", "impose", "announce",
               "unveil", "unseal", "voice", "express", "raise", "slap", "hand", "deliver",
               "adopt", "approve", "extend", "introduce", "undertake", "open",
               "conduct", "begin", "start", "complete", "pay", "order", "carry", "hold"}
SELF_DENY_TENSES = {"VBD", "VBN"}
QUOTE_CLOSERS = {'"', "”", "''"}
JOINT_ACTIVITIES = {"exercise", "drill", "patrol", "manoeuvre", "maneuver", "operation", "training",
                    "flight", "mission",
                    "investigation", "inquiry"}
NEEDS_TARGET = {"CHARGE", "ARREST", "PROTEST", "SANCTION", "CONSULT", "CRITICIZE", "ACCUSE",
                "COOPERATE"}
CONTAINERS = {"DEMAND", "THREATEN", "REJECT", "AGREE", "ACCUSE", "CHARGE", "DENY", "CRITICIZE",
              "PROTEST", "SUPPORT"}
NOUN_ACTS = {"restriction": "SANCTION", "control": "SANCTION", "tariff": "SANCTION",
             "embargo": "SANCTION", "detention": "ARREST", "arrest": "ARREST", "jailing": "ARREST",
             "imprisonment": "ARREST", "expulsion": "SANCTION", "sanction": "SANCTION",
             "ban": "SANCTION", "indictment": "CHARGE", "charge": "CHARGE",
             "accusation": "ACCUSE", "allegation": "ACCUSE", "measure": "SANCTION",
             "move": "SANCTION", "decision": "SANCTION", "countermeasure": "SANCTION"}


class Extractor(ActorResolver):
    """Turns parsed paragraphs of one article into events."""

    def __init__(self, ref: Reference, nlp_vocab: object, parsed: bool = True) -> None:
        self.ref = ref
        self.vocab = nlp_vocab
        self.parsed = parsed
        self.verbs: dict[str, list[LexEntry]] = {}
        self.nouns: dict[str, LexEntry] = {}
        self.adjs: dict[str, LexEntry] = {}
        self.evals: dict[str, LexEntry] = {}
        self.say: set[str] = set()
        self.phrases: dict[str, LexEntry] = {}
        for e in ref.lexicon:
            if e.role == "say":
                self.say.add(e.lemma)
            elif e.pos == "VERB":
                self.verbs.setdefault(e.lemma, []).append(e)
            elif e.pos == "NOUN":
                self.nouns[e.lemma] = e
            elif e.pos == "ADJ":
                self.adjs[e.lemma] = e
            elif e.pos == "EVAL":
                self.evals[e.lemma] = e
            elif e.pos == "PHRASE":
                self.phrases[f"P{len(self.phrases)}"] = e
        self._sent_key: tuple[int, int, int] | None = None
        self._sent_toks: list[Token] = []
        self.matcher = PhraseIndex({key: e.lemma for key, e in self.phrases.items()})
        # "call on", "push for": also when words come between ("called last week for")
        self._verb_preps: dict[tuple[str, str], LexEntry] = {}
        for e in self.phrases.values():
            words = e.lemma.split()
            if len(words) == 2 and words[1] in VERB_PARTICLES:
                self._verb_preps.setdefault((words[0], words[1]), e)
        self._particle_verbs = {v for v, _ in self._verb_preps}
        #: every word that can start a single-word trigger (phrases come from the index)
        self._trigger_words = set(self.verbs) | set(self.nouns) | set(self.adjs) | \
            self._particle_verbs | JOINT_ACTIVITIES | ORDER_VERBS | BLAME_VERBS | {
                "hold", "tell", "strip", "declare", "opposed"}
        self._blame_entry = next(iter(self.verbs.get("blame", [])), None)
        self._urge_entry = next(iter(self.verbs.get("urge", [])), None)
        self._request_entry = next(iter(self.verbs.get("request", [])), None)
        self._held_responsible = next((e for e in self.phrases.values()
                                       if e.lemma == "hold * responsible"), None)
        self._joint_entry = next((e for e in self.phrases.values() if e.lemma == "joint exercise"),
                                 None)

    # ------------------------------------------------------------------ API

    def extract(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
        """Events of one article, from its paragraphs parsed as (offset, Doc)."""
        ctx = Context(article=article, ref=self.ref)
        self._survey(docs, ctx)
        events: list[Event] = []
        headline_events: list[Event] = []
        briefer = self._briefer(article, ctx) if article.segments else None
        if not self.parsed:
            return self._extract_linear(article, docs)
        for n, (offset, doc) in enumerate(docs):
            is_headline = n == 0 and article.headline_in_text
            sents = list(doc.sents)
            for k, sent in enumerate(sents):
                role = article.segment_at(offset + sent.start_char) if article.segments else None
                found = list(self._sentence(sent, ctx, briefer if role == "answer" else None,
                                            question=role == "question", following=sents[k + 1:k + 4]))
                for cand in found:
                    ev = self._event(cand, sent, offset, article)
                    (headline_events if is_headline else events).append(ev)
        body_triples = {(_side_key(e.source), e.type, _side_key(e.target) if e.target else None)
                        for e in events}
        for ev in reversed(headline_events):
            key = (_side_key(ev.source), ev.type, _side_key(ev.target) if ev.target else None)
            if key not in body_triples:
                events.insert(0, ev)
        return _consolidate(events)

    def _extract_linear(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
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
                    events.append(self._event(cand, sent, offset, article))
        return events

    # ------------------------------------------------------------ sentences

    def _briefer(self, article: Article, ctx: Context) -> Attribution | None:
        """Who answers in a press-briefing transcript, and for whom."""
        if not article.speaker:
            return None
        ref = self.ref
        off = ref.official(article.speaker, article.date)
        role = (article.speaker_role or (off.role if off else "") or "spokesperson").lower()
        state = (off.country if off else None) or ctx.default_state
        body_id = ref.roles.get(role) or _role_body(role, ref) or "foreign-ministry"
        if "foreign" in role or "spokes" in role:
            body_id = "foreign-ministry"
        person = Actor(id=off.id if off else f"person-{slug(article.speaker)}",
                       label=off.name if off else article.speaker, kind="Person", country=state,
                       wikidata=off.wikidata if off else None)
        source = (ref.state_actor(state) if body_id == "state" else ref.body_actor(body_id, state)) \
            if state else None
        if source is None:
            return None
        self._register(ctx, person, person.label, source)
        return Attribution(None, person, source, set())

    def _sentence(self, sent: Span, ctx: Context, briefer: Attribution | None = None,
                  question: bool = False, following: list[Span] | None = None
                  ) -> Iterator[Candidate]:
        text = sent.text.strip()
        if not text or not any(ch.isalpha() for ch in text):
            return
        label = self._turn_label(sent, ctx)
        if label is not None:
            question = question or label.source is None
        attributions = self._attributions(sent, ctx)
        if label is not None and label.source is not None and not attributions:
            attributions = [label]
        ctx.sentence_state = next((a.source.country for a in attributions
                                   if a.source is not None and a.source.country), None)
        quote_carry = None
        starts_quote = text[:1] in "\"“'‘"
        if briefer is not None and not attributions:
            # an answer at a press briefing: the spokesperson says all of it
            quote_carry = Attribution(None, briefer.speaker, briefer.source, _indices(sent))
            ctx.last_source, ctx.last_speaker = briefer.source, briefer.speaker
        elif question:
            quote_carry = None  # a journalist's question is no act of the journalist
        elif not attributions and ctx.turn is not None and ctx.turn.source is not None:
            # a transcript: whoever took the floor last says this too
            quote_carry = Attribution(None, ctx.turn.speaker, ctx.turn.source,
                                      _indices(sent))
        elif not attributions and starts_quote and not ctx.in_quote and \
                _quote_open_after(text, False) and (ahead := self._quote_speaker(following or [], ctx)):
            # a quote of several sentences, attributed where it closes: "S1. S2," she said.
            quote_carry = Attribution(None, ahead.speaker, ahead.source, _indices(sent))
        elif not attributions and (ctx.in_quote or starts_quote) and ctx.last_source:
            quote_carry = Attribution(None, ctx.last_speaker, ctx.last_source,
                                      _indices(sent))
        ctx.in_quote = _quote_open_after(text, ctx.in_quote)
        question = text.rstrip("\"”’' ").endswith("?")
        for c in self._tokens(sent):  # "Chinese ships": whose ships, for later "the ships"
            if c.ent_type_ in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL") and c.dep_ in (
                    "amod", "compound", "poss") and c.head.pos_ == "NOUN":
                noun = c.head.lemma_.lower()
                if noun not in ctx.noun_owners:
                    owner = _state_of_ent(c, self.ref)
                    if owner:
                        ctx.noun_owners[noun] = owner[0]
        triggers = self._triggers(sent)
        trig_index = {t.tok.i: t for t in triggers}
        for trig in triggers:
            if question and not _inside_statement_before_question(trig.tok):
                continue
            if self._subsumed(trig, trig_index):
                continue
            reporter = _innermost(attributions, trig.tok) or quote_carry
            for cand in self._trigger_events(trig, reporter, ctx, trig_index):
                ctx.acts.append(cand)
                yield cand
        # self-exculpatory negations and obligations in reported speech
        for att in attributions + ([quote_carry] if quote_carry else []):
            if att.source is None:
                continue
            for cand in (*self._reported_denials(sent, att, ctx, trig_index),
                         *self._reported_obligations(sent, att, ctx, trig_index),
                         *self._reported_judgements(sent, att, ctx)):
                ctx.acts.append(cand)
                yield cand
        # the rarer constructions, each only where its key word or relation occurs
        toks = self._tokens(sent)
        lemmas = {t.lemma_.lower() for t in toks}
        extra: list[Iterator[Candidate]] = []
        if lemmas & NAME_CALLING:
            extra.append(self._name_calling(sent, ctx))
        if lemmas & {"request", "behest", "urging"}:
            extra.append(self._at_request(sent, ctx))
        if any(t.dep_ == "appos" for t in toks):
            extra.append(self._group_named(sent, ctx, trig_index))
        if ctx.acts and lemmas & {"include", "comprise", "feature", "be"}:
            extra.append(self._list_continued(sent, ctx))
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

    def _tokens(self, sent: Span) -> list[Token]:
        """The sentence's tokens, made once: the rules walk each sentence several times."""
        key = (id(sent.doc), sent.start, sent.end)
        if self._sent_key != key:
            self._sent_key, self._sent_toks = key, list(sent)
        return self._sent_toks

    # ---------------------------------------------------------- attribution

    def _attributions(self, sent: Span, ctx: Context) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self._tokens(sent):
            if tok.lemma_.lower() == "according" and tok.dep_ == "prep":
                pobj = next((c for c in tok.children if c.dep_ == "prep"), None)
                pobj = next((c for c in pobj.children if c.dep_ == "pobj"), None) if pobj else None
                if pobj is None:
                    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    speaker, source = self._speaker(pobj, ctx)
                    if source:
                        out.append(Attribution(tok, speaker, source,
                                               _indices(sent) - {t.i for t in tok.subtree}))
                continue
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.say:
                continue
            subj = _child(tok, SUBJ)
            if subj is None and tok.dep_ in ("advcl", "conj", "xcomp"):
                # "..., Hua said, adding that ..." shares the subject of "said"
                subj = _child(tok.head, SUBJ)
            if subj is None:
                continue
            speaker, source = self._speaker(subj, ctx)
            content = set()
            for child in tok.children:
                if child.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and child.pos_ in (
                    "VERB", "AUX", "NOUN", "PROPN", "ADJ"
                ):
                    content |= {t.i for t in child.subtree}
            if tok.dep_ == "ROOT" and any(t.text in QUOTE_CLOSERS for t in self._tokens(sent)
                                           if t.i < subj.left_edge.i and t.i > sent.start):
                # '"...," the spokesman told a briefing': what was said is the quote
                content |= set(range(sent.start, max(subj.left_edge.i, sent.start)))
            if tok.dep_ == "parataxis" or (tok.dep_ == "ROOT" and not content):
                # "This, she said, was ..." or a quote before "she said"
                content = _indices(sent) - {t.i for t in tok.subtree}
                if tok.dep_ == "ROOT":
                    content = _indices(sent) - {t.i for t in subj.subtree} - {tok.i}
            if not content:
                continue
            out.append(Attribution(tok, speaker, source, content))
            if source is not None:
                ctx.last_source, ctx.last_speaker = source, speaker
        return out

    def _turn_label(self, sent: Span, ctx: Context) -> Attribution | None:
        """ "Hua Chunying: ..." or "Q: ..." at the start of a sentence: who speaks from here on.
        A question label gives an attribution with no source (the floor passes to no party)."""
        toks = self._tokens(sent)[:9]
        colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
        if colon is None or colon == 0:
            return None
        head = toks[:colon]
        if (colon == 1 and head[0].lower_ in QUESTION_LABELS) or \
                " ".join(t.lower_ for t in head) in QUESTION_LABELS:
            ctx.turn = Attribution(None, None, None, set())
            return ctx.turn
        if not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") for t in head):
            return None
        person = next((t for t in reversed(head) if t.ent_type_ in ("PERSON", "DIP_PERSON")), None)
        if person is None:
            return None
        speaker, source = self._speaker(person, ctx)
        if source is None:
            return None
        content = set(range(toks[colon].i + 1, sent.end))
        ctx.turn = Attribution(None, speaker, source, content)
        ctx.last_source, ctx.last_speaker = source, speaker
        return ctx.turn

    def _quote_speaker(self, following: list[Span], ctx: Context) -> Attribution | None:
        """Who speaks a quote that stays open: the attribution of the sentence that closes it."""
        for nxt in following:
            if not _quote_open_after(nxt.text, False):
                continue  # no quote mark, or one that opens and closes: still inside the quote
            scratch = replace(ctx, persons=dict(ctx.persons), person_source=dict(ctx.person_source),
                              recent=list(ctx.recent), last_group=list(ctx.last_group))
            atts = [a for a in self._attributions(nxt, scratch) if a.source is not None]
            return atts[0] if atts else None
        return None

    def _speaker(self, tok: Token, ctx: Context) -> tuple[Actor | None, Actor | None]:
        """(speaking person, party spoken for) for the subject of a verb of saying."""
        low = tok.lower_ if _is_pronoun(tok) else ""
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

    # -------------------------------------------------------------- triggers

    def _triggers(self, sent: Span) -> list[Trigger]:
        doc = sent.doc
        found: dict[int, Trigger] = {}
        all_matches = doc.user_data.get("diplograph_phrases")
        if all_matches is None:
            all_matches = self.matcher(doc)
            doc.user_data["diplograph_phrases"] = all_matches
        spans = sorted(((s, e, self.phrases[key]) for key, s, e in all_matches
                        if s >= sent.start and e <= sent.end),
                       key=lambda x: (-(x[1] - x[0]), x[0]))
        covered: set[int] = set()
        for s, e, entry in spans:
            if covered & set(range(s, e)):
                continue
            head = doc[s]
            if head.dep_ in ("amod", "compound") and head.pos_ in ("ADJ", "NOUN") and \
                    s < head.head.i < e:
                head = head.head  # "joint naval drills", "a telephone call": the noun is the act
            covered |= set(range(s, e))
            found[s] = Trigger(head, entry, e)
        gate = self._trigger_words
        for tok in self._tokens(sent):
            if tok.i in covered:
                continue
            lemma = tok.lemma_.lower()
            if lemma not in gate and tok.lower_ not in gate:
                continue  # most words can start no trigger
            if lemma in ORDER_VERBS and tok.pos_ == "VERB" and any(
                    c.lemma_.lower() in DEPARTURES and (c.dep_ == "xcomp" or (
                        c.dep_ in ("advcl", "ccomp", "acl", "relcl") and
                        _child(c, {"aux"}) is not None))
                    for c in tok.subtree) and \
                    _child(tok, OBJ) is not None:
                found[tok.i] = Trigger(tok, _EXPEL_ENTRY, tok.i + 1)
                continue
            if lemma == "hold" and self._held_responsible and any(
                    g.lemma_.lower() in ("responsible", "accountable", "liable", "culpable")
                    for c in tok.children if c.dep_ in (*OBJ, "oprd", "ccomp", "xcomp")
                    for g in (c, *c.children) if g.dep_ in ("amod", "oprd", "acomp", "xcomp",
                                                             "dobj", "ccomp")):
                # "held the occupation authorities responsible", however long the object
                found[tok.i] = Trigger(tok, self._held_responsible, tok.i + 1)
                continue
            if tok.lower_ in self.adjs and tok.dep_ == "advcl" and any(
                    m.lower_ == "as" for m in tok.children if m.dep_ == "mark"):
                # "dismissed as fabricated the US charges"
                found[tok.i] = Trigger(tok, self.adjs[tok.lower_], tok.i + 1)
                continue
            if lemma in BLAME_VERBS and self._blame_entry and any(
                    c.dep_ in OBJ and c.lemma_.lower() == "blame" for c in tok.children):
                found[tok.i] = Trigger(tok, self._blame_entry, tok.i + 1)  # "put the blame on"
                continue
            if lemma == "tell" and tok.pos_ == "VERB" and self._urge_entry and \
                    _child(tok, OBJ) is not None and any(
                        c.dep_ == "xcomp" and _child(c, {"aux"}) is not None for c in tok.children):
                found[tok.i] = Trigger(tok, self._urge_entry, tok.i + 1)  # "told X to stop"
                continue
            if lemma == "strip" and tok.pos_ == "VERB" and any(
                    t.lemma_.lower() in ("accreditation", "credential") and t.dep_ == "pobj"
                    and t.head.lower_ == "of" for t in tok.subtree):
                found[tok.i] = Trigger(tok, _EXPEL_ENTRY, tok.i + 1)  # "stripped X of accreditation"
                continue
            if lemma == "declare" and tok.pos_ == "VERB" and _child(tok, OBJ) is not None and any(
                    t.lower_ == "grata" for t in tok.subtree):
                found[tok.i] = Trigger(tok, _EXPEL_ENTRY, tok.i + 1)  # "declared X persona non grata"
                continue
            if tok.dep_ == "oprd" and tok.lower_ in self.adjs:
                # "called the charges fabricated": the participle is the judgement
                found[tok.i] = Trigger(tok, self.adjs[tok.lower_], tok.i + 1)
                continue
            if tok.pos_ == "VERB" and lemma in self._particle_verbs:
                particle = next((self._verb_preps[(lemma, c.lower_)] for c in tok.children
                                 if c.dep_ in ("prep", "prt") and (lemma, c.lower_) in self._verb_preps
                                 and c.i > tok.i + 1), None)
                if particle is not None:
                    found[tok.i] = Trigger(tok, particle, tok.i + 1)
                    continue
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBN" and tok.pos_ == "ADJ"):
                entries = self.verbs.get(lemma)
                if entries:
                    found[tok.i] = Trigger(tok, entries[0], tok.i + 1)
                    continue
            if tok.pos_ == "NOUN" and lemma in self.nouns:
                found[tok.i] = Trigger(tok, self.nouns[lemma], tok.i + 1)
            elif tok.pos_ == "NOUN" and lemma in JOINT_ACTIVITIES and self._joint_entry and any(
                    t.lower_ in ("joint", "combined") for t in tok.subtree if t.i < tok.i):
                # "joint maritime and air patrols": however many modifiers come between
                found[tok.i] = Trigger(tok, self._joint_entry, tok.i + 1)
            elif tok.pos_ in ("ADJ", "VERB") and lemma in self.adjs:
                found[tok.i] = Trigger(tok, self.adjs[lemma], tok.i + 1)
            elif tok.pos_ == "ADJ" and lemma in ("opposed",):
                found[tok.i] = Trigger(tok, self.verbs["oppose"][0], tok.i + 1)
        return [found[i] for i in sorted(found)]

    def _subsumed(self, trig: Trigger, index: dict[int, Trigger]) -> bool:
        """A trigger that only spells out what another act is about is not an act."""
        tok = trig.tok
        if trig.entry.role == "false":
            return False
        if tok.pos_ == "NOUN" and any(
            c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_.startswith("DIP_")
            and c.ent_type_ != "DIP_GBODY" for c in tok.children
        ):
            return False  # "dismissed the US indictment": the indictment is the US's act
        if tok.pos_ == "NOUN" and _prep(tok, "by") is not None:
            return False  # "condemned the jailing of X by a Moscow court"
        if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                      for c in tok.children):
            return False  # "protested over its ban on seafood": the ban is the other side's
        wrong = trig.entry.role in ("wrong", "smear")
        if trig.entry.type == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in (
                "in", "after", "during", "following") and not any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return False  # "In a phone call, Wang urged ...", "signed after talks": the setting
        cur = tok
        for _ in range(8):
            dep = cur.dep_
            if dep in ("acl", "ccomp") and cur.head.pos_ == "NOUN" and (
                    (other := index.get(cur.head.i)) is not None and not wrong and (
                        other.entry.type in ("DEMAND", "REJECT", "AGREE", "THREATEN") or (
                            other.entry.type in ("CHARGE", "ACCUSE") and
                            trig.entry.type in ("CHARGE", "ACCUSE")))):
                # "rejected Moscow's demand that Ukraine be barred", "a charge accusing him
                # of ...": the content of the act, not another act
                return True
            if dep == "conj" and cur.tag_ == "VB" and _child(cur, SUBJ) is None:
                pass  # "urge X to correct ..., and cancel ...": still the demand
            elif dep in ("ROOT", "conj", "ccomp", "relcl", "acl", "parataxis", "nsubj",
                         "nsubjpass", "csubj", "appos"):
                return False
            if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                return False
            cur = cur.head
            other = index.get(cur.i)
            if other is not None and other is not trig and other.entry.type in CONTAINERS:
                if wrong and other.entry.type not in ("ACCUSE", "CHARGE", "DENY"):
                    continue
                if other.entry.type == "AGREE" and other.entry.lemma in DECIDING and \
                        _decided_act(tok, self.verbs):
                    return False  # "EU leaders agreed to bar Belarusian airlines": the ban
                if other.entry.role in ("act", "smear"):
                    return True
        return False

    # ----------------------------------------------------------------- acts

    def _trigger_events(self, trig: Trigger, reporter: Attribution | None, ctx: Context,
                        index: dict[int, Trigger]) -> Iterator[Candidate]:
        entry = trig.entry
        tok = trig.tok
        if entry.role == "false":
            yield from self._false_claim(trig, reporter, ctx)
            return
        negated = _negated(tok)
        if entry.role == "suffer":
            yield from self._consequence(trig, reporter, ctx, negated)
            return
        if negated and entry.lemma in ("accept", "recognize", "recognise", "agree", "allow") \
                and tok.tag_ not in ("VBD", "VBN"):
            obj = _child(tok, OBJ) or next((o for c in tok.children if c.dep_ == "conj"
                                            for o in [_child(c, OBJ)] if o is not None), None)
            if obj is not None and obj.lower_ not in DEMONSTRATIVE:  # "neither accept nor recognise"
                sources, speaker, conf = self._sources(trig, reporter, ctx)
                rejected: list[Actor | None] = [*(self.actors(obj, ctx) or self._owner_of(obj, ctx))] \
                    or [None]
                for src in sources:
                    tgts = [t for t in rejected if t is None or not _same_party(t, src)] or [None]
                    for tgt in tgts:
                        yield Candidate("REJECT", src, tgt, speaker, trig, _about_text(obj, tok),
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
        if _hypothetical(tok) and etype not in ("THREATEN", "DEMAND") and \
                not entry.lemma.startswith("hold * ") and not (
                etype in ("CONSULT", "AGREE", "COOPERATE") and _future(tok)
                and not any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may")
                            for c in tok.children)):
            if etype in ("SANCTION", "ARREST") and _conditional(tok):
                etype = "THREATEN"
            else:
                return
        if entry.role in ("wrong", "smear"):
            yield from self._reported_wrong(trig, reporter, ctx)
            return
        etype = self._refine_type(trig, etype)
        if etype is None:
            return
        if tok.pos_ == "NOUN" and etype in ("CRITICIZE", "ACCUSE") and any(
            c.dep_ == "amod" and c.lemma_.lower() in self.adjs for c in tok.children
        ):
            etype = "ACCUSE"
        sources, speaker, conf = self._sources(trig, reporter, ctx)
        if not sources:
            return
        targets: list[Actor | None]
        targets, about, involved = self._targets(trig, etype, ctx, sources)
        if etype == "PROTEST":
            # "summoned Lithuania's charge d'affaires, Virginija Umbrasiene": the protest is
            # addressed to the state the envoy speaks for
            targets = [self._envoy_state(t, ctx) if t is not None and t.kind == "Person" else t
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
        if entry.lemma.startswith("sign") and targets in ([], [None]) and len(sources) < 2:
            return  # a signing with no counterpart named says nothing about a dyad
        if etype == "SANCTION" and not targets and not _about_relations(tok):
            return
        if etype == "DENY" and targets in ([], [None]):
            targets = [self._accuser_of(sources, ctx)]
        obj = _child(tok, OBJ)
        if etype in ("REJECT", "DENY") and obj is not None and \
                obj.lemma_.lower() in ACCUSATION_NOUNS and targets not in ([], [None]) and \
                not self._noun_owner(obj, ctx):
            # "rejected the accusations against Damascus": Damascus is the accused
            accused = {_side_key(a) for a in self._search_preps(obj, ("against",), ctx)}
            if accused and all(t is not None and _side_key(t) in accused for t in targets):
                targets = [self._accuser_of(sources + [t for t in targets if t], ctx)]
        if etype in ("REJECT", "DENY") and targets in ([], [None]):
            answered = self._answered_act(tok, sources, ctx)
            if answered is not None:
                targets = [answered]
        if len(sources) > 1:
            ctx.last_joint = list(sources)
        if len(sources) > 1 and etype in ("SUPPORT", "AGREE", "CONSULT", "COOPERATE") and all(
                t is None or any(_same_party(t, s) for s in sources) for t in targets):
            # "X and Y signed / met / agreed": each acts towards the other
            for src in sources:
                for other in sources:
                    if other.id != src.id:
                        spk = speaker if speaker and _same_side(src, reporter) else None
                        yield Candidate(etype, src, other, spk, trig, about, conf, tuple(involved))
            return
        stop_wrong = etype == "DEMAND" and _stops_wrongdoing(tok)
        if etype in ("CHARGE", "ARREST", "ACCUSE"):
            # "arrested on suspicion of spying for Russia": an accusation against Russia
            for patron in self._alleged_patrons(tok, ctx):
                for src in sources:
                    if not _same_party(patron, src):
                        yield Candidate("ACCUSE", src, patron, speaker if _same_side(src, reporter)
                                        else None, trig, about, 0.6)
        if etype in ("ACCUSE", "CHARGE") and reporter is not None and reporter.source is not None \
                and any(c.dep_ == "advmod" and c.lower_ in FALSE_ADVERBS for c in tok.children):
            for src in sources:
                if not _same_party(src, reporter.source):
                    yield Candidate("DENY", reporter.source, src, reporter.speaker, trig, about,
                                    0.7, answers=etype)
        for src in sources:
            tgts = [t for t in targets if t is None or not _same_party(t, src)] or [None]
            if stop_wrong:
                for tgt in tgts:
                    if tgt is not None:
                        yield Candidate("ACCUSE", src, tgt, speaker if _same_side(src, reporter)
                                        else None, trig, about, 0.6)
            if etype in NEEDS_TARGET and tgts == [None] and (
                    etype != "SANCTION" or not _about_relations(tok)):
                continue
            for tgt in tgts:
                spk = speaker if speaker and (_same_side(src, reporter) or reporter is None) else None
                yield Candidate(etype, src, tgt, spk, trig, about, conf, tuple(involved))
        if etype in ("CHARGE", "ARREST"):
            ctx.legal_sources[:0] = sources
        if etype in ("ACCUSE", "CRITICIZE", "CHARGE", "SANCTION"):
            ctx.last_doers = sources

    def _refine_type(self, trig: Trigger, etype: str) -> str | None:
        tok = trig.tok
        lemma = trig.entry.lemma
        obj = _child(tok, OBJ)
        obj_lemma = obj.lemma_.lower() if obj is not None else ""
        if lemma in ("reject", "dismiss", "refute", "rebut", "deny") and obj is not None:
            if obj_lemma in ACCUSATION_NOUNS:
                return "DENY"
            if lemma == "dismiss":
                return "REJECT" if obj_lemma in PROPOSAL_NOUNS else None
        if lemma == "dismiss" and obj is None:
            return "DENY" if _child(tok, {"ccomp"}) is not None else None
        if lemma == "oppose":
            target = obj
            if target is None:
                to = _prep(tok, "to")
                target = _child(to, {"pobj"}) if to is not None else None
            if target is not None and target.lemma_.lower() in PROPOSAL_NOUNS:
                return "REJECT"
        if lemma == "ask" and ((tok.tag_ == "VBN" and tok.dep_ in ("advcl", "ROOT", "ccomp") and
                               _child(tok, SUBJ) is None) or any(
                                   m.lower_ in ("whether", "if", "why", "how", "what", "when")
                                   for c in tok.children if c.dep_ == "ccomp"
                                   for m in c.children if m.dep_ in ("mark", "advmod", "nsubj",
                                                                     "dobj"))):
            return None  # "Asked whether ...": a question put to someone, no demand
        if lemma in ("ask", "press", "seek", "request", "appeal") and not any(
            c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative") for c in tok.children
        ):
            return None
        if lemma in ("decline", "refuse") and (x := _child(tok, {"xcomp"})) is not None and \
                x.lemma_.lower() in ("say", "comment", "confirm", "discuss", "elaborate", "speculate",
                                     "answer", "give", "name", "specify", "identify", "disclose"):
            return None  # "declined to comment" rejects nothing
        if etype == "AGREE" and lemma in DECIDING and (x := _child(tok, {"xcomp"})) is not None \
                and _decided_act(x, self.verbs):
            return None  # the decision is the act itself: see _subsumed
        if lemma == "vow":
            x = _child(tok, {"xcomp"})
            if obj_lemma in HOSTILE_NOUNS:
                return "THREATEN"  # "vowed revenge"
            return "THREATEN" if x is not None and x.lemma_.lower() in HOSTILE_XCOMP else "AGREE"
        if lemma in ("respond", "retaliate") and not (_future(tok) or (_child(tok, {"aux"}) is not None
                                                     and tok.head.lemma_ in ("vow", "threaten"))):
            return None
        if lemma == "warn":
            return "THREATEN"
        called = obj if obj is not None else _child(_prep(tok, "in"), {"pobj"})
        if lemma == "call in" and not (called is not None and any(
                t.lemma_.lower() in ENVOYS for t in called.subtree)):
            return None  # "called in the ambassador" is a summons; "called in experts" is not
        if etype == "THREATEN" and lemma in ("threaten", "endanger") and obj_lemma in ENDANGERED \
                and _child(tok, {"xcomp"}) is None:
            return None  # "apps that threaten its sovereignty": a danger named, not a threat made
        if lemma in ("strike", "attack", "bomb", "invade", "hit"):
            threat = _future(tok) or _conditional(tok) or (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("threaten", "vow", "warn"))
            return "THREATEN" if threat else None
        if lemma in ("close", "shut") and tok.pos_ == "VERB" and not any(
                t.lemma_.lower() in CLOSABLE for c in tok.children if c.dep_ in OBJ | PASS_SUBJ
                for t in (c, *_conjuncts(c))):
            return None  # "closed its consulate" is a sanction, "closing part of a programme" not
        named_goods = lemma in ("ban", "freeze", "prohibit") and obj is not None and any(
            t.ent_type_ in ("DIP_ORG", "DIP_DEMONYM", "DIP_STATE", "ORG") for t in obj.subtree)
        if lemma in ("end", "cut", "reduce", "cancel", "suspend", "freeze", "recall", "ban", "close",
                     "shut", "prohibit", "withdraw") and tok.pos_ != "NOUN" and \
                not _about_relations(tok) and not named_goods:
            return None  # but "banned 59 Chinese apps, including TikTok" is a sanction
        if lemma == "charge" and trig.tok.pos_ == "NOUN" and trig.tok.dep_ in OBJ:
            return "CHARGE"
        if lemma in ("accuse", "allege") and tok.pos_ == "ADJ":
            return None
        if etype == "PROTEST" and _future(tok) and lemma in ("file * complaint", "lodge complaint",
                                                              "lodge * complaint"):
            return "THREATEN"  # "would file a complaint with the WTO": a step announced
        if etype == "SANCTION" and (_conditional(tok) or (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (
                    "plan", "intend", "consider", "threaten", "prepare", "vow"))):
            return "THREATEN"  # "will withdraw ... unless", "plans to impose": CAMEO 13x
        if etype in ("SUPPORT", "COOPERATE") and _future(tok) and lemma not in (
                "thank", "apologize", "apologise", "stand by", "stand with"):
            return "AGREE"  # "will support", "will cooperate": intent (CAMEO 03)
        if etype == "CONSULT" and (_future(tok) or (tok.dep_ == "xcomp" and tok.head.lemma_.lower()
                                   in ("agree", "offer", "plan", "want", "ready", "willing",
                                       "prepared", "propose"))):
            return "AGREE"  # intent to meet (CAMEO 036)
        if lemma in ("give", "provide", "grant", "supply", "donate", "deliver", "send"):
            return "AGREE" if _future(tok) else etype
        return etype

    # ---------------------------------------------------------------- sources

    def _sources(self, trig: Trigger, reporter: Attribution | None,
                 ctx: Context) -> tuple[list[Actor], Actor | None, float]:
        tok = trig.tok
        speaker = reporter.speaker if reporter else None
        if tok.pos_ == "NOUN":
            actors = self._noun_owner(tok, ctx)
            if actors:
                return actors, speaker, 0.75
            first = tok
            while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "VERB"):
                first = first.head  # "imposed asset freezes and travel bans"
            head = first.head
            if first.dep_ in OBJ and head.lemma_.lower() in LIGHT_VERBS:
                actors = self._subject_actors(head, ctx, reporter)
                if actors:
                    return actors, speaker, 0.8
            if tok.dep_ == "nsubjpass" and head.lemma_.lower() in LIGHT_VERBS and \
                    trig.entry.type == "SANCTION":
                agent = _prep(head, "by") or _child(head, {"agent"})
                by = self.actors(_child(agent, {"pobj"}), ctx) if agent is not None else []
                prior = _last_sanctioner(ctx)
                if not by and prior is not None:
                    by = [prior]  # "Sanctions were also imposed on ...": whoever sanctioned last
                if by:
                    return by, None, 0.6
            between = _prep(tok, "between")
            if between is not None and trig.entry.type == "CONSULT":
                parties = [self._acting_for(a, ctx) for a in self.actors(_child(between, {"pobj"}), ctx)]
                if len(parties) > 1:
                    return parties, None, 0.6
            if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and (
                    trig.entry.type == "CONSULT" or (
                        trig.entry.type == "CHARGE" and head.head.lemma_.lower() in (
                            "apply", "seek", "request", "issue", "file", "ask"))):
                # "held talks in ...", "applied for arrest warrants for X"
                actors = self._subject_actors(head.head, ctx, reporter)
                if actors:
                    return actors, self._subject_person(head.head, ctx) or speaker, 0.75
            return [], None, 0.0
        if tok.pos_ == "ADJ":
            actors = self._subject_actors(tok, ctx, reporter)
            if actors:
                return actors, speaker, 0.75
            if reporter is not None and reporter.source is not None and not _has_subject(tok):
                return [reporter.source], speaker, 0.6
            return [], None, 0.0
        if (tok.tag_ == "VBN" and _child(tok, PASS_SUBJ) is not None) or _is_passive(tok):
            agent = _prep(tok, "by") or _child(tok, {"agent"})
            if agent is not None:
                pobj = _child(agent, {"pobj"})
                actors = self.actors(pobj, ctx) if pobj is not None else []
                if actors:
                    return [self._acting_for(a, ctx) for a in actors], speaker, 0.85
            if trig.entry.lemma in ("oppose", "commit", "determine", "prepare") or (
                    tok.dep_ in ("ROOT", "ccomp", "conj") and _prep(tok, "to") is not None
                    and trig.entry.type in ("CRITICIZE", "REJECT", "AGREE", "SUPPORT")):
                subj = _child(tok, PASS_SUBJ)
                if subj is not None:
                    actors = self._subject_np(subj, ctx, reporter)
                    if actors:
                        return actors, speaker, 0.8
            if trig.entry.type == "ARREST":
                where = _prep(tok, "in")
                pobj = _child(where, {"pobj"}) if where is not None else None
                actors = [a for a in self.actors(pobj, ctx) if a.kind == "State"] if pobj is not None else []
                if actors:
                    return actors, None, 0.6
            if trig.entry.lemma.startswith("hold * ") and reporter is not None and \
                    reporter.source is not None:
                # "... must be held accountable, Cameron said": the speaker holds them so
                return [reporter.source], speaker, 0.7
            if trig.entry.type in ("CHARGE", "ARREST", "ACCUSE") and ctx.legal_sources:
                # "X is accused of ...": the accuser is the party that charged them
                return [ctx.legal_sources[0]], None, 0.6
            if trig.entry.type == "SANCTION" and _prep(tok, "on") is not None:
                prior = _last_sanctioner(ctx)
                if prior is not None:
                    # "Sanctions were also imposed on ...", after "X ordered the expulsion of"
                    return [prior], None, 0.6
            if trig.entry.type in ("CHARGE", "ARREST", "SANCTION") and reporter is not None \
                    and reporter.source is not None and reporter.source.country:
                # "X was detained", announced by a state's organ: that state detained X
                return [reporter.source], speaker, 0.6
            return [], None, 0.0
        actors = self._subject_actors(tok, ctx, reporter)
        if actors:
            return actors, self._subject_person(tok, ctx) or speaker, 0.9
        if reporter is not None and reporter.source is not None and tok.dep_ == "conj" and \
                _child(tok, SUBJ) is None and tok.lemma_.lower() in SPEECH_ACTS:
            # "Modi said the forces had been given a free hand and warned ...": the parser
            # hung "warned" on the reported clause; who warns is the one speaking
            return [reporter.source], speaker, 0.6
        subj = _child(tok, SUBJ)
        if subj is not None and subj.lemma_.lower() in DOCUMENT_NOUNS and trig.entry.type in (
                "ACCUSE", "CHARGE"):
            # "the case alleged ...": the party that brought it
            if reporter is not None and reporter.source is not None:
                return [reporter.source], speaker, 0.6
            if ctx.legal_sources:
                return [ctx.legal_sources[0]], None, 0.6
        if reporter is not None and reporter.source is not None and not _has_subject(tok):
            return [reporter.source], speaker, 0.7
        return [], None, 0.0

    def _subject_actors(self, verb: Token, ctx: Context,
                        reporter: Attribution | None) -> list[Actor]:
        """The acting parties of a verb: its subject, carried across conjuncts and control."""
        cur = verb
        for step in range(6):
            subj = _child(cur, SUBJ) or (_child(cur, PASS_SUBJ) if step or cur.pos_ == "ADJ"
                                         else None)
            if subj is not None:
                return self._subject_np(subj, ctx, reporter)
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
                obj = _child(cur.head, OBJ)
                if cur.dep_ == "xcomp" and obj is not None and cur.head.lemma_.lower() in (
                    "urge", "ask", "call", "press", "tell", "force", "order", "demand", "persuade",
                    "encourage", "allow", "help", "invite", "stop"
                ):
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

    def _subject_person(self, verb: Token, ctx: Context) -> Actor | None:
        """The person who is the subject of an act ("Hua urged", "she urged"), if any."""
        cur = verb
        for _ in range(4):
            subj = _child(cur, SUBJ)
            if subj is not None:
                if _is_pronoun(subj) and subj.lower_ in PERSONAL:
                    return ctx.last_speaker
                if subj.ent_type_ in ("PERSON", "DIP_PERSON"):
                    persons = [a for a in self._head_actors(subj, ctx) if a.kind == "Person"]
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

    def _subject_np(self, subj: Token, ctx: Context, reporter: Attribution | None) -> list[Actor]:
        low = subj.lower_ if _is_pronoun(subj) else ""
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
            inner = _child(subj, SUBJ) if subj.pos_ == "VERB" else None
            if inner is not None:
                return self._subject_np(inner, ctx, reporter)
            return list(ctx.last_doers)
        found = [self._acting_for(a, ctx) for a in self.actors(subj, ctx)]
        for c in subj.children:  # "the United States, joined by Britain, ...", "X along with Y"
            partner = None
            if c.dep_ == "acl" and c.lemma_.lower() in ("join", "back", "support", "accompany"):
                by = _prep(c, "by") or _child(c, {"agent"})
                partner = _child(by, {"pobj"}) if by is not None else None
            elif c.dep_ == "prep" and (c.lower_ == "alongside" or (c.lower_ == "with" and any(
                    g.lower_ in ("along", "together") for g in c.children))):
                partner = _child(c, {"pobj"})
            if partner is not None:
                found += [a for a in (self._acting_for(x, ctx) for x in self.actors(partner, ctx))
                          if a not in found]
        if not found and subj.pos_ == "NOUN" and subj.lemma_.lower() not in GROUP_NOUNS:
            found = [self._state_for(a) for a in self._owner_of(subj, ctx)
                     if a.kind in ("State", "GovernmentBody", "IGO")]
        of = _prep(subj, "of")
        if len(found) <= 1 and subj.tag_ == "NNS" and any(
                t.dep_ == "conj" for t in (*subj.lefts, *(of.subtree if of is not None else ()))
                for t in (t, *t.children)):
            # "Chinese and Russian warships", "the militaries of India and Pakistan": each state
            owners = [self._state_for(a) for a in self._owner_of(subj, ctx)
                      if a.kind in ("State", "GovernmentBody", "IGO")]
            if len({_side_key(a) for a in owners}) > 1:
                found = owners
        return found


    def _noun_owner(self, noun: Token, ctx: Context) -> list[Actor]:
        """Who owns a nominal act: "China's protest", "US sanctions", "accusations from X"."""
        for child in noun.children:
            if child.dep_ == "poss":
                if _is_pronoun(child) and child.lower_ in ("its", "their"):
                    np = noun.head if noun.dep_ == "appos" else noun  # "began X, their drills"
                    verb = np.head
                    own = np.dep_ in OBJ or any(c.lower_ == "own" for c in noun.children)
                    if own and verb.pos_ in ("VERB", "AUX"):
                        # "Beijing hit back, announcing its own measures": Beijing's
                        doers = [a for a in self._subject_actors(verb, ctx, None)
                                 if a.kind in ("State", "GovernmentBody", "IGO")]
                        if doers:
                            return doers
                    for a in reversed(ctx.recent):
                        if a.kind in ("State", "GovernmentBody", "IGO"):
                            return [a]
                    return []
                return [self._acting_for(a, ctx) for a in self.actors(child, ctx)]
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in (
                "DIP_STATE", "DIP_DEMONYM", "DIP_CAPITAL", "DIP_IGO", "DIP_BODY", "GPE", "NORP"
            ):
                actors = self.actors(child, ctx)
                if actors:
                    return actors
        for prep in ("from", "by"):
            p = _prep(noun, prep)
            pobj = _child(p, {"pobj"}) if p is not None else None
            if pobj is not None:
                actors = self.actors(pobj, ctx)
                if actors:
                    return [self._acting_for(a, ctx) for a in actors]
        return []

    # ---------------------------------------------------------------- targets

    def _targets(self, trig: Trigger, etype: str, ctx: Context,
                 sources: list[Actor]) -> tuple[list[Actor | None], str | None, list[Actor]]:
        tok = trig.tok
        doc = tok.doc
        about_tok: Token | None = None
        targets: list[Actor] = []
        phrase_toks = [doc[i] for i in range(tok.i, trig.span_end)]

        def from_preps(heads: Iterable[Token], preps: tuple[str, ...]) -> list[Actor]:
            for h in heads:
                for p in preps:
                    prep = _prep(h, p)
                    pobj = _child(prep, {"pobj"}) if prep is not None else None
                    if pobj is not None:
                        acts = self.actors(pobj, ctx) or self._owner_of(pobj, ctx)
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
            pobj = _child(last, {"pobj"})  # "stand by Israel", "work with Seoul"
            if pobj is not None:
                targets = self.actors(pobj, ctx) or self._owner_of(pobj, ctx)
        obj = None
        for t in phrase_toks:
            obj = _child(t, OBJ)
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
            about_tok = _prep_obj(tok, ("by", "about", "over", "at", "with", "to"))
            if about_tok is not None:
                targets = self.actors(about_tok, ctx) or self._owner_of(about_tok, ctx)
        elif tok.pos_ == "NOUN":
            owner_ids = {a.id for a in sources}
            preps = {"ACCUSE": ("against", "of", "on", "into"), "CRITICIZE": ("of", "against"),
                     "PROTEST": ("to", "with", "against", "over"),
                     "CONSULT": ("between", "to", "with"), "COOPERATE": ("with", "to", "between"),
                     "CHARGE": ("against", "of") if tok.lemma_.lower() != "warrant" else ("for",),
                     "SANCTION": ("on", "against", "with", "to"),
                     "ARREST": ("of",), "DEMAND": ("on", "for", "to"), "THREATEN": ("against", "to"),
                     "DENY": ("of",)}.get(etype, ("with", "to", "against"))
            targets = self._search_preps(tok, preps, ctx)
            if not targets and tok.dep_ == "nsubjpass":
                targets = self._search_preps(tok.head, preps, ctx)  # "were imposed on X"
            if not targets and etype == "SANCTION" and tok.lemma_.lower() in (
                    "expulsion", "closure", "suspension", "recall"):
                of = _child(_prep(tok, "of"), {"pobj"})  # "the expulsion of 35 Russian diplomats"
                if of is not None:
                    targets = [self._state_for(a) for a in self.actors(of, ctx) or
                               self._owner_of(of, ctx)]
            acl = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in (
                "accuse", "charge", "allege")), None)
            if not targets and etype in ("CHARGE", "ACCUSE") and acl is not None:
                # "unsealed a charge accusing him of ...": whoever the charge accuses
                accused = _child(acl, OBJ)
                if accused is not None:
                    targets = self.actors(accused, ctx) or self.pronoun_target(accused, ctx,
                                                                               sources)
            first = tok
            while not targets and first.dep_ == "conj":
                first = first.head  # "asset freezes and travel bans on X"
                targets = self._search_preps(first, preps, ctx)
            if not targets:
                for child in tok.children:
                    if child.dep_ in ("compound", "amod") and child.ent_type_:
                        acts = [a for a in self.actors(child, ctx) if a.id not in owner_ids]
                        if acts and etype in ("SANCTION",):
                            targets = acts
            about_tok = _prep_obj(tok, ("of", "for", "over", "concerning", "about"))
            if about_tok is None:
                about_tok = next((c for c in tok.children if c.dep_ == "acl"), None)
            if not targets and etype == "CONSULT" and tok.dep_ == "pobj":
                verb_obj = _child(tok.head.head, OBJ)
                if verb_obj is not None:
                    targets = [self._acting_for(a, ctx) for a in self.actors(verb_obj, ctx)]
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
                        subj = _child(c, SUBJ)
                        if subj is not None:
                            targets = self.actors(subj, ctx)
                            about_tok = c
            about_tok = _child(tok, {"xcomp", "ccomp"})
            if about_tok is not None and not targets and about_tok.dep_ == "ccomp":
                subj = _child(about_tok, SUBJ | PASS_SUBJ)
                if subj is not None:
                    targets = self.actors(subj, ctx)
            if about_tok is None:
                about_tok = _prep_obj(tok, ("for",)) or obj
            if about_tok is None:
                for t in phrase_toks[1:]:
                    about_tok = _prep_obj(t, ("for",)) or _child(t, {"pobj"})
                    if about_tok is not None:
                        break
        elif etype in ("CHARGE", "ARREST"):
            if _is_passive(tok):
                subj = _child(tok, PASS_SUBJ)
                targets = self.actors(subj, ctx) if subj is not None else []
                if not targets and subj is not None:
                    targets = self.pronoun_target(subj, ctx, sources)  # "he was arrested"
            elif obj is not None:
                targets = self.actors(obj, ctx)
            about_tok = _prep_obj(tok, ("with", "for", "over", "on"))
        elif etype in ("ACCUSE", "CRITICIZE", "REJECT", "SUPPORT", "SANCTION", "THREATEN",
                       "CONSULT", "COOPERATE", "AGREE", "PROTEST", "DENY"):
            stance = trig.entry.lemma in ("oppose", "commit", "determine", "prepare") or (
                _prep(tok, "to") is not None and etype in ("CRITICIZE", "REJECT", "AGREE", "SUPPORT"))
            if _is_passive(tok) and not stance:
                subj = _child(tok, PASS_SUBJ)
                if subj is not None:
                    targets = self.actors(subj, ctx)
            if not targets and stance and _prep(tok, "to") is not None:
                to_obj = _child(_prep(tok, "to"), {"pobj"})
                if to_obj is not None:
                    targets = self.actors(to_obj, ctx) or self._owner_of(to_obj, ctx)
            if obj is not None and obj.lower_ == "persona":
                # "declared the consul Igor Petrov persona non grata", parsed as one noun phrase
                ents = {id(e): e for t in obj.subtree for e in [_ent(t)]
                        if e is not None and e.label_ in ("PERSON", "DIP_PERSON")}
                targets = [self._person(e, ctx) for e in ents.values()] or [
                    a for t in obj.subtree if t.ent_type_ in ("DIP_DEMONYM", "DIP_STATE")
                    for a in _state_of_ent(t, self.ref)][:1]
            if not targets and etype == "COOPERATE":
                # "extradited X to the United States", "shared data with Britain": the partner
                # is the state it goes to, not the person or thing handed over
                targets = [a for a in from_preps(phrase_toks, ("to", "with"))
                           if a.kind in ("State", "GovernmentBody", "IGO")]
            if not targets and obj is not None:
                targets = self.actors(obj, ctx)
                if not targets:
                    targets = self._owner_of(obj, ctx)
                if not targets and obj.lemma_.lower() in PATIENT_NOUNS:
                    targets = self._holder_of(obj, sources, ctx)
                if not targets:
                    targets = self._search_preps(obj, ("with", "to", "against", "on", "of"), ctx)
                if obj.lemma_.lower() in ("ambassador", "envoy", "diplomat", "chargé",
                                          "representative") and not targets:
                    targets = self._owner_of(obj, ctx)
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
                    targets = self._search_preps(obj, preps, ctx)
            if not targets and etype in ("REJECT", "AGREE", "THREATEN", "CONSULT", "SANCTION"):
                x = _child(tok, {"xcomp"})
                if x is not None:
                    xo = _child(x, OBJ)
                    if xo is not None:
                        targets = self.actors(xo, ctx) or self._owner_of(xo, ctx)
                    if not targets:
                        targets = self._search_preps(x, ("with", "to", "against", "on", "from"), ctx)
            if not targets and etype == "REJECT" and obj is not None and \
                    obj.lemma_.lower() in PROPOSAL_NOUNS:
                # "rejected a call for troops to be deployed in East Timor"
                targets = [a for a in self._clause_accused(obj, ctx, sources)
                           if a.kind in ("State", "GovernmentBody", "IGO")]
            if not targets and etype in ("AGREE", "REJECT") and len(sources) == 1:
                x = _child(tok, {"xcomp"})
                if x is not None:
                    targets = self._clause_accused(x, ctx, sources)
                    if targets and targets[0].kind not in ("State", "GovernmentBody", "IGO"):
                        targets = []
            if not targets and etype in ("ACCUSE", "THREATEN", "CRITICIZE", "SUPPORT"):
                comp = _child(tok, {"ccomp"})
                if comp is not None:
                    targets = [a for a in self._clause_accused(comp, ctx, sources)
                               if not any(_same_party(a, s) for s in sources)]
            about_tok = (_prep_obj(tok, ("of", "for", "over", "about", "on")) or
                         _child(tok, {"xcomp", "ccomp"}) or obj)
        if not targets and obj is not None:
            targets = self.pronoun_target(obj, ctx, sources)
        if not targets and tok.pos_ == "NOUN" and etype in ("DEMAND", "THREATEN", "PROTEST") and \
                tok.dep_ in OBJ and tok.head.pos_ == "VERB":
            to = _prep(tok.head, "to")  # "issued a stern reminder to Iraq"
            if to is not None:
                targets = self.actors(_child(to, {"pobj"}), ctx)
        if not targets and etype in ("CRITICIZE", "ACCUSE", "SUPPORT", "REJECT", "PROTEST"):
            head = obj if obj is not None else about_tok
            if head is not None and head.lemma_.lower() in NOUN_ACTS:
                prior = self._prior_act(NOUN_ACTS[head.lemma_.lower()], sources, ctx)
                if prior is not None:
                    targets = [prior]
        if not targets and etype == "DEMAND" and about_tok is not None and any(
                t.lemma_.lower() in ("release", "freedom", "free", "extradition", "extradite",
                                     "return", "repatriation", "handover") for t in about_tok.subtree):
            prior = self._prior_act("ARREST", sources, ctx)
            if prior is not None:
                targets = [prior]
        if not targets and etype == "DEMAND" and about_tok is not None and about_tok.dep_ == "ccomp":
            subj = _child(about_tok, SUBJ | PASS_SUBJ)
            if subj is not None:
                targets = self.pronoun_target(subj, ctx, sources)
        if not targets and etype == "THREATEN":
            targets = self._condition_party(tok, ctx)
        if not targets and etype == "THREATEN":
            # "urged Washington to revoke the decision, warning that China would respond":
            # the warning is aimed where the demand in the same sentence was
            sides = {_side_key(a) for a in sources}
            for act in reversed(ctx.acts[-4:]):
                if act.type in ("DEMAND", "PROTEST", "CRITICIZE", "REJECT") and \
                        act.target is not None and act.trigger.tok.sent == tok.sent and \
                        _side_key(act.source) in sides:
                    targets = [self._state_for(act.target)]
                    break
        if not targets and etype == "THREATEN":
            # "warned of serious consequences for relations with Turkey"
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "about"):
                    warned = [a for t in p.subtree if t.ent_type_ in ("DIP_STATE", "DIP_CAPITAL")
                              and t.dep_ == "pobj" for a in self.actors(t, ctx)
                              if not any(_same_party(a, s) for s in sources)]
                    if warned:
                        targets = warned[:1]
                        break
        if not targets and etype == "THREATEN":
            comp = _child(tok, {"ccomp"})
            subj = _child(comp, SUBJ) if comp is not None else None
            if subj is not None:
                # "warned that the drills could trigger a response": whoever holds the drills
                targets = self._authors_of(subj, sources, ctx)
        if not targets and etype == "THREATEN":
            for t in tok.subtree:  # "revenge awaited those who carried out the killing"
                if t.pos_ == "NOUN" and t.i != tok.i and t.lemma_.lower() in ctx.noun_owners:
                    owner = ctx.noun_owners[t.lemma_.lower()]
                    if all(not _same_party(owner, a) for a in sources):
                        targets = [owner]
                        break
        if not targets and etype == "THREATEN":
            sides = {_side_key(a) for a in sources}
            for act in reversed(ctx.acts[-6:]):
                if act.type in ("CRITICIZE", "ACCUSE", "PROTEST", "SANCTION", "DENY") and \
                        _side_key(act.source) in sides and act.target is not None:
                    targets = [self._state_for(act.target)]
                    break
        if not targets and etype in ("PROTEST", "CRITICIZE", "SANCTION", "THREATEN"):
            targets = self._cause_party(tok, ctx, sources)
        if not targets and etype == "SANCTION" and obj is not None:
            for rel in obj.children:  # "withdrew the trade status it had granted to Pakistan"
                if rel.dep_ == "relcl":
                    granted = from_preps([rel], ("to", "with", "on"))
                    if granted:
                        targets = [a for a in granted
                                   if not any(_same_party(a, s) for s in sources)]
                        break
        if not targets and etype == "SANCTION" and tok.pos_ == "VERB":
            for t in tok.subtree:  # "imposed travel bans and asset freezes on X", parsed askew
                if t.dep_ == "prep" and t.i > tok.i and (t.lower_ in ("on", "against") or (
                        t.lower_ == "to" and t.head.lemma_.lower() in TRADE_NOUNS)):
                    pobj = _child(t, {"pobj"})
                    named = [a for a in self.actors(pobj, ctx) if not any(
                        _same_party(a, s) for s in sources)] if pobj is not None else []
                    if named:
                        targets = list(named)
                        break
        if not targets and etype == "SANCTION" and tok.lemma_.lower() in ("impose", "sanction"):
            for act in reversed(ctx.acts):
                if act.type == "SANCTION" and act.target is not None and not any(
                        _same_party(act.source, a) for a in sources):
                    hit = act.target
                    targets = [self._state_for(hit) if hit.kind != "Person" else hit]
                    break
        if etype in ("CHARGE", "ARREST", "SANCTION") and targets and all(
                a is not None and a.kind == "Group" for a in targets):
            named = self._members_named(tok, ctx)
            if named:
                targets = named

        if etype in ("DEMAND", "SUPPORT", "AGREE"):
            # "urged its citizens to ...": a party's own people are no counterpart
            targets = [a for a in targets if a is None or not (
                a.kind == "Group" and a.label.lower().startswith(("its ", "their ", "our ")))]
        if etype not in ("CHARGE", "ARREST", "SANCTION"):
            acting = [self._acting_for(a, ctx) if a.kind == "Person" else a for a in targets]
            # keep what this mention says of a person ("Lithuania's charge d'affaires, X")
            targets = [a if b.kind == "Person" and not b.country and a.country else b
                       for a, b in zip(targets, acting, strict=True)]
        if etype == "PROTEST" and targets and all(
                a is not None and a.kind == "Person" and not a.country for a in targets):
            sides = {_side_key(a) for a in sources}
            other = next((a for a in reversed(ctx.recent) if a.kind == "State"
                          and _side_key(a) not in sides), None)
            if other is not None:
                targets = [other]
        about = _about_text(about_tok, tok) if about_tok is not None else None
        involved = self._involved(about_tok, ctx) if about_tok is not None else []
        return (list(targets) if targets else [None]), about, involved

    def _consequence(self, trig: Trigger, reporter: Attribution | None, ctx: Context,
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
        subj_of = holder if _child(tok, SUBJ | PASS_SUBJ) is None else tok
        src = reporter.source
        subj = _child(subj_of, SUBJ | PASS_SUBJ)
        if subj is None:
            return
        if _is_pronoun(subj) and subj.lower_ in ("it", "they"):
            # "It will have to live with the consequences": the party the speaker just named
            targets = self.pronoun_target(subj, ctx, [src])
            for tgt in targets:
                yield Candidate("THREATEN", src, self._state_for(tgt), reporter.speaker, trig,
                                None, 0.55)
            return
        targets = (self.actors(subj, ctx) or self._noun_owner(subj, ctx)
                   or self._owner_of(subj, ctx) or self.pronoun_target(subj, ctx, [src]))
        for tgt in targets:
            if not _same_party(tgt, src):
                yield Candidate("THREATEN", src, self._state_for(tgt), reporter.speaker, trig,
                                _about_text(subj, tok), 0.6)

    def _at_request(self, sent: Span, ctx: Context) -> Iterator[Candidate]:
        """ "arrested X at the request of the United States", "at Washington's request": the
        requester asked whoever did it."""
        for tok in self._tokens(sent):
            if tok.lemma_.lower() not in ("request", "behest", "urging") or tok.dep_ != "pobj" \
                    or tok.head.lower_ not in ("at", "upon", "on", "under", "following", "after") \
                    or tok.head.head.pos_ != "VERB":
                continue
            of = _prep(tok, "of") or _prep(tok, "from")
            who = _child(of, {"pobj"}) if of is not None else _child(tok, {"poss"})
            requesters = [self._acting_for(a, ctx) for a in self.actors(who, ctx)]
            if not requesters:
                continue
            verb = tok.head.head
            doers = self._subject_actors(verb, ctx, None) if not _is_passive(verb) else []
            if not doers and _is_passive(verb):
                agent = _prep(verb, "by")
                doers = self.actors(_child(agent, {"pobj"}), ctx) if agent is not None else []
            if not doers and _is_passive(verb):
                # "were arrested in Malaysia at the request of ...", "he was arrested, police
                # said, under a request from ...": the state where it happened, or that spoke
                where = _prep(verb, "in")
                place = _child(where, {"pobj"}) if where is not None else None
                doers = [a for a in self.actors(place, ctx) if a.kind == "State"] \
                    if place is not None else []
                if not doers:
                    doers = [a for a in (self._prior_act("ARREST", requesters, ctx),) if a]
            entry = self._request_entry
            if entry is None:
                return
            obj = _child(verb, OBJ)
            about = verb.lemma_ + (" " + _strip_det(obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text)
                                   if obj is not None else "")
            asked: list[Actor | None] = list(doers) or [None]
            for src in requesters:
                for tgt in asked:
                    if tgt is None or not _same_party(tgt, src):
                        yield Candidate("DEMAND", src, self._state_for(tgt) if tgt else None, None,
                                        Trigger(tok, entry, tok.i + 1), about, 0.6)

    def _group_named(self, sent: Span, ctx: Context, index: dict[int, Trigger]
                     ) -> Iterator[Candidate]:
        """ "Five Chinese nationals were charged ... The Chinese defendants, A, B and C, remain
        at large": the group an earlier act named, now named person by person."""
        for tok in self._tokens(sent):
            if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "appos" for c in tok.children) \
                    or tok.head.i in index or not any(c.lower_ == "the" for c in tok.children):
                continue
            demonym = _state_of_ent(tok, self.ref) if tok.ent_type_ == "DIP_DEMONYM" else []
            country = self._np_state(tok, ctx, fallback=False) or (
                demonym[0].country if demonym else None)
            lemma = tok.lemma_.lower()
            earlier = [c for c in reversed(ctx.acts[-10:]) if c.type in ("CHARGE", "ARREST", "SANCTION")
                       and c.target is not None and c.target.kind == "Group" and (
                           (country and c.target.country == country)
                           or lemma in c.target.label.lower())]
            if not earlier:
                continue
            named = [a for a in self.actors(tok, ctx) if a.kind == "Person"]
            if len(named) < 2:
                continue
            done: set[tuple[str, str]] = set()
            for act in earlier:
                if (act.type, act.source.id) in done:
                    continue  # one event per type and source
                done.add((act.type, act.source.id))
                for person in named:
                    yield Candidate(act.type, act.source, person, None,
                                    Trigger(tok, act.trigger.entry, tok.i + 1), act.about, 0.6)

    def _list_continued(self, sent: Span, ctx: Context) -> Iterator[Candidate]:
        """ "The list also includes A, B and C", "Among them are A and B": more names for the
        sanctions, charges or arrests the article just reported."""
        recent = [c for c in reversed(ctx.acts[-8:]) if c.type in ("SANCTION", "CHARGE", "ARREST")
                  and c.target is not None]
        # a list goes on the last verbal act ("imposed sanctions on"), or on an act against an
        # unnamed group ("measures against ten Europeans. They include ...")
        last = next((c for c in recent if c.trigger.tok.pos_ != "NOUN"
                     or (c.target is not None and c.target.kind == "Group")), None)
        if last is None or last.target is None:  # (the target check is for the type checker)
            return
        named: list[Actor] = []
        group = ctx.last_group
        for tok in self._tokens(sent):
            subj = _child(tok, SUBJ)
            if tok.lemma_.lower() in ("include", "comprise", "feature") and subj is not None and \
                    subj.lemma_.lower() in LIST_NOUNS and not _negated(tok):
                named = self.actors(_child(tok, OBJ), ctx)
            elif tok.lemma_.lower() == "be" and subj is not None and any(
                    p.lower_ == "among" and any(c.lower_ in ("them", "those", "these")
                                                for c in p.children) for p in tok.children):
                named = self.actors(subj, ctx)
            elif tok.lemma_.lower() == "be" and subj is not None and \
                    subj.lemma_.lower() in LIST_NOUNS | {"person", "people"} and any(
                        c.lemma_.lower() in LISTING for c in subj.children
                        if c.dep_ in ("acl", "amod", "relcl")):
                named = self.actors(_child(tok, {"attr"}), ctx)  # "The persons listed are A, B"
            elif tok.lemma_.lower() in ("include", "comprise") and subj is not None and \
                    subj.lower_ in ("they", "these", "those") and last.target.kind == "Group" and \
                    not _negated(tok):
                named = self.actors(_child(tok, OBJ), ctx)  # "... ten Europeans. They include A"
            if named:
                break
        ctx.last_group = group
        kinds = ("Person", "Company", "Organization")
        for a in named:
            if a.kind in kinds and not _same_party(a, last.source):
                yield Candidate(last.type, last.source, a, None, Trigger(tok, last.trigger.entry,
                                                                         tok.i + 1),
                                last.about, 0.6)

    def _envoy_state(self, person: Actor, ctx: Context) -> Actor:
        """The state an envoy speaks for, or the envoy when it is not known."""
        acting = self._state_for(self._acting_for(person, ctx))
        if acting.kind == "State":
            return acting
        st = self.ref.state_actor(person.country) if person.country else None
        return st or person

    def _holder_of(self, act: Token, sources: list[Actor], ctx: Context) -> list[Actor]:
        """Who holds, tries or expels in "the detention of X in Tehran" or "the jailing of X"
        when no agent is named: the state where it happens, else whoever the article last
        reported doing it."""
        for t in act.subtree:
            if t.dep_ == "prep" and t.lower_ == "in":
                place = _child(t, {"pobj"})
                if place is not None and place.ent_type_ in ("DIP_CAPITAL", "DIP_STATE"):
                    acts = [self._state_for(a) for a in self.actors(place, ctx)]
                    if acts:
                        return acts[:1]
        kind = NOUN_ACTS.get(act.lemma_.lower())
        for cand in reversed(ctx.acts):
            if cand.type in (kind, "ARREST", "CHARGE") and not any(
                    _same_party(cand.source, s) for s in sources):
                return [self._state_for(cand.source)]
        return []

    def _alleged_patrons(self, tok: Token, ctx: Context) -> list[Actor]:
        """States an act alleges someone worked for: "spying for X", "acting on behalf of X"."""
        out: list[Actor] = []
        for t in tok.subtree:
            if t.dep_ != "prep" or t.lower_ not in ("for", "on"):
                continue
            if t.head.lemma_.lower() not in ("spy", "work", "act", "collaborate", "pass", "gather",
                                             "provide", "behalf", "mission", "operate"):
                continue
            pobj = _child(t, {"pobj"})
            if pobj is None:
                continue
            if pobj.lower_ == "behalf":
                of = _prep(pobj, "of")
                pobj = _child(of, {"pobj"}) if of is not None else None
                if pobj is None:
                    continue
            for a in self.actors(pobj, ctx) or self._owner_of(pobj, ctx):
                st = self._state_for(a)
                if st.kind == "State" and st not in out:
                    out.append(st)
            if not out:
                state = self._np_state(pobj, ctx, fallback=False)
                st_actor = self.ref.state_actor(state) if state else None
                if st_actor is not None:
                    out.append(st_actor)
        return out


    def _prior_act(self, etype: str, sources: list[Actor], ctx: Context) -> Actor | None:
        """The party behind the last act of this type ("condemned the detention")."""
        sides = {_side_key(a) for a in sources}
        for c in reversed(ctx.acts):
            if c.type == etype and _side_key(c.source) not in sides:
                return self._state_for(c.source)
        return None

    def _referred_act(self, noun: Token, sources: list[Actor], ctx: Context) -> Candidate | None:
        """The act "the drills", "the protest", "the resolution" refers back to: the last one of
        its kind the article reported, by a party other than ``sources``."""
        lemma = noun.lemma_.lower()
        wanted = ("COOPERATE",) if lemma in JOINT_ACTIVITIES else ANSWERABLE.get(lemma)
        if wanted is None or not any(c.lower_ in ("the", "these", "those", "this", "that")
                                     for c in noun.children):
            return None
        sides = {_side_key(a) for a in sources} | {a.country for a in sources if a.country}
        return next((c for c in reversed(ctx.acts[-8:]) if c.type in wanted
                     and _side_key(c.source) not in sides and c.source.country not in sides), None)

    def _authors_of(self, noun: Token, sources: list[Actor], ctx: Context) -> list[Actor]:
        """Every party behind "the drills" ("Chinese and Russian warships began joint drills")."""
        act = self._referred_act(noun, sources, ctx)
        if act is None:
            return []
        tok = act.trigger.tok
        return list(dict.fromkeys(self._state_for(x.source) for x in ctx.acts
                                  if x.trigger.tok.i == tok.i and x.trigger.tok.doc is tok.doc))

    def _answered_act(self, tok: Token, sources: list[Actor], ctx: Context) -> Actor | None:
        """ "Seoul rejected the protest", "rejected the resolution": a definite act noun with no
        owner named refers back to an act the article reported; its author is the target."""
        obj = _child(tok, OBJ)
        if obj is None or obj.lemma_.lower() not in ANSWERABLE:
            return None
        act = self._referred_act(obj, sources, ctx)
        return self._state_for(act.source) if act is not None else None

    def _accuser_of(self, sources: list[Actor], ctx: Context) -> Actor | None:
        """The party whose accusation a denial answers: the last one aimed at the denier."""
        sides = {_side_key(a) for a in sources} | {a.country for a in sources if a.country}
        for c in reversed(ctx.acts):
            if c.type in ("ACCUSE", "CRITICIZE", "CHARGE", "SANCTION", "ARREST", "PROTEST") and \
                    c.target is not None and (_side_key(c.target) in sides
                                              or c.target.country in sides) and \
                    _side_key(c.source) not in sides:
                return c.source
        return None

    def _cause_party(self, tok: Token, ctx: Context, sources: list[Actor]) -> list[Actor]:
        """A reaction is aimed at whoever caused it: "protested after Chinese ships entered"."""
        src = {_side_key(a) for a in sources}
        obj = _child(tok, OBJ)
        heads = [*tok.children, *(obj.children if obj is not None and obj.lemma_.lower() in
                                  HOSTILE_NOUNS else ())]  # "vowed revenge for the killing"
        for c in heads:
            if c.dep_ in ("advcl", "prep") and c.lower_ in ("after", "over", "because", "following",
                                                             "for") and (
                    c.lower_ != "for" or c.head.lemma_.lower() in HOSTILE_NOUNS):
                clause = c if c.dep_ == "advcl" else _child(c, {"pobj", "pcomp"})
                if clause is None:
                    continue
                subj = _child(clause, SUBJ | PASS_SUBJ) or clause
                st = self._np_state(subj, ctx, fallback=False)
                extra = [x for x in [self.ref.state_actor(st) if st else None] if x is not None]
                for a in self.actors(subj, ctx) + self._owner_of(subj, ctx) + extra:
                    a = self._state_for(a)
                    if _side_key(a) not in src:
                        return [a]
            if c.dep_ == "advcl" and any(m.lower_ in ("after", "because") for m in c.children):
                csubj = _child(c, SUBJ | PASS_SUBJ)
                if csubj is not None:
                    st = self._np_state(csubj, ctx, fallback=False)
                    extra = [x for x in [self.ref.state_actor(st) if st else None] if x is not None]
                    for a in self.actors(csubj, ctx) + extra:
                        a = self._state_for(a)
                        if _side_key(a) not in src:
                            return [a]
        return []


    def _condition_party(self, tok: Token, ctx: Context) -> list[Actor]:
        """A threat is aimed at whoever must meet its condition: "... unless Baghdad accepts"."""
        cur = tok
        for _ in range(3):
            for c in cur.subtree:
                if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                    subj = _child(c, SUBJ | PASS_SUBJ)
                    if subj is not None:
                        acts = [self._acting_for(a, ctx) for a in self.actors(subj, ctx)]
                        if acts:
                            return acts
            if cur.dep_ in ("xcomp", "conj"):
                cur = cur.head
                continue
            break
        return []

    def _search_preps(self, head: Token, preps: tuple[str, ...], ctx: Context) -> list[Actor]:
        """Actors in prepositional phrases anywhere under a noun phrase, not crossing clauses."""
        stack = [head]
        seen = 0
        while stack and seen < 40:
            cur = stack.pop(0)
            seen += 1
            for child in cur.children:
                if child.dep_ in ("relcl", "ccomp", "advcl", "conj", "punct", "appos"):
                    continue
                if child.dep_ == "prep" and child.lower_ in preps:
                    pobj = _child(child, {"pobj"})
                    if pobj is not None:
                        acts = self.actors(pobj, ctx) or self._owner_of(pobj, ctx)
                        if acts:
                            return acts
                stack.append(child)
        return []


    def _clause_accused(self, clause: Token, ctx: Context, sources: list[Actor]) -> list[Actor]:
        """Whom an alleged clause implicates: a state or state organ in it first."""
        src_ids = {a.id for a in sources}
        found: list[Actor] = []
        for t in clause.subtree:
            if t.ent_type_ and t.ent_iob_ == "B":
                for a in self.actors(t, ctx) or _state_of_ent(t, self.ref):
                    if a.id not in src_ids and a not in found:
                        found.append(a)
        states = [a for a in found if a.kind in ("State", "GovernmentBody")]
        return states[:1] or found[:1]

    def _involved(self, about: Token, ctx: Context) -> list[Actor]:
        out: list[Actor] = []
        for t in about.subtree:
            if t.ent_iob_ == "B" and t.ent_type_ in ("ORG", "DIP_COMPANY"):
                for a in self.actors(t, ctx):
                    if a.kind in ("Company", "Organization") and a not in out:
                        out.append(a)
        return out

    # ---------------------------------------------------- special statements

    def _reported_wrong(self, trig: Trigger, reporter: Attribution | None,
                        ctx: Context) -> Iterator[Candidate]:
        """A reported smear or wrongdoing: the reporter accuses the doer."""
        tok = trig.tok
        entry = trig.entry
        if trig.tok.dep_ == "pcomp" or (tok.dep_ == "acl" and tok.head.lemma_ in ACCUSATION_NOUNS):
            return
        if tok.pos_ == "NOUN":
            doers = self._noun_owner(tok, ctx)
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            if not doers and (tok.dep_ in OBJ or tok.dep_ == "pobj") and head.pos_ == "VERB":
                doers = self._subject_actors(head, ctx, None)
            if not doers:
                return
            objs: list[Actor] = self._search_preps(tok, ("against", "on", "of"), ctx)
            about: str | None = _about_text(tok, head) or tok.lemma_
            if reporter is not None and reporter.source is not None:
                for d in doers:
                    if not _same_party(d, reporter.source):
                        yield Candidate("ACCUSE", reporter.source, self._state_for(d),
                                        reporter.speaker, trig, about, 0.65)
            for d in doers:
                for o in objs:
                    if not _same_party(o, d) and reporter is None:
                        yield Candidate("ACCUSE", o, d, None, trig, about, 0.55)
            return
        doers = self._subject_actors(tok, ctx, None)
        if not doers and tok.dep_ == "compound" and tok.pos_ == "VERB":
            # "Putin bore responsibility" parsed as one noun phrase: the name before the verb
            names = [c for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i
                     and c.ent_type_]
            doers = [self._acting_for(a, ctx) for a in self.actors(names[-1], ctx)] if names else []
        if not doers and tok.lower_ in ("fabricated",) and tok.dep_ == "amod":
            return
        if not doers and _child(tok, SUBJ) is not None:
            subj = _child(tok, SUBJ)
            if subj is not None and subj.lower_ in ("this", "that", "it"):
                doers = list(ctx.last_doers)
        if not doers and tok.dep_ in ("ROOT",) and reporter is not None:
            doers = list(ctx.last_doers)
        objs = []
        obj = _child(tok, OBJ)
        if obj is not None:
            objs = self.actors(obj, ctx) or self._owner_of(obj, ctx)
        if not objs:
            objs = self._search_preps(tok, ("to", "against", "on", "in"), ctx) if obj is None else []
        about = _about_text(obj, tok) if obj is not None else tok.lemma_
        if entry.role == "smear":
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

    def _false_claim(self, trig: Trigger, reporter: Attribution | None,
                     ctx: Context) -> Iterator[Candidate]:
        """ "baseless accusations", "the charges are groundless": the reporter denies."""
        tok = trig.tok
        claim: Token | None = None
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in ACCUSATION_NOUNS | {"fact", "news", "story"}:
            claim = tok.head
            # "the accusation rested on fabricated facts": the accusation is what is false
            clause = claim.head.head if claim.dep_ == "pobj" else claim.head
            csubj = _child(clause, SUBJ)
            if csubj is not None and csubj.lemma_.lower() in ACCUSATION_NOUNS:
                claim = csubj
        elif tok.dep_ in ("acomp", "attr"):
            subj = _child(tok.head, SUBJ)
            if subj is not None and (subj.lemma_.lower() in ACCUSATION_NOUNS
                                     or subj.lower_ in DEMONSTRATIVE):
                claim = subj
        speaker = reporter.speaker if reporter else None
        src = reporter.source if reporter else None
        called = False
        if claim is None and tok.dep_ in ("oprd", "xcomp", "advcl") and tok.head.pos_ == "VERB":
            # "China called the charges a fabrication / fabricated", "dismissed as fabricated
            # the US charges": the caller denies
            claim = _child(tok.head, OBJ) or _child(tok, OBJ)
            called = True
            callers = self._subject_actors(tok.head, ctx, reporter)
            if callers:
                src = callers[0]
                speaker = self._subject_person(tok.head, ctx) or speaker
        if claim is None:
            return
        if src is None:
            return
        owners = self._noun_owner(claim, ctx)
        if not owners and claim.dep_ in OBJ and not called:
            owners = self._subject_actors(claim.head, ctx, None)
        if not owners and claim.lower_ in DEMONSTRATIVE:
            owners = list(ctx.last_doers)
        if not owners and claim.lemma_.lower() in ACCUSATION_NOUNS:
            prior = self._prior_act("CHARGE", [src], ctx) or self._prior_act("ACCUSE", [src], ctx)
            owners = [prior] if prior is not None else []
        target = next((o for o in owners if not _same_party(o, src)), None)
        yield Candidate("DENY", src, target, speaker, trig, _about_text(claim, tok), 0.75,
                        answers="ACCUSE")
        if target is not None and claim.lemma_.lower() in ("accusation", "allegation", "claim",
                                                           "charge", "criticism"):
            yield Candidate("ACCUSE", target, self._state_for(src), None, trig,
                            _about_text(claim, tok), 0.6)
        if target is not None and tok.lemma_.lower() in ("fabricated", "fabricate", "false"):
            # calling the other side's claims fabricated accuses it of fabricating them
            yield Candidate("ACCUSE", src, target, speaker, trig, "fabrication", 0.6)

    def _reported_denials(self, sent: Span, att: Attribution, ctx: Context,
                          index: dict[int, Trigger]) -> Iterator[Candidate]:
        """ "We have never hacked anyone", said by a party about itself: a denial."""
        assert att.source is not None
        for tok in self._tokens(sent):
            if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.dep_ == "conj" and _negated(tok.head):
                continue
            neg = [c for c in tok.children if c.dep_ == "neg" or c.lower_ == "never"]
            obj = _child(tok, OBJ)
            if not neg and obj is not None and any(c.lower_ == "no" and c.dep_ == "det"
                                                   for c in obj.children) and (
                    obj.lemma_.lower() in ("part", "role", "involvement", "connection", "link",
                                           "hand", "relation", "knowledge")
                    or tok.tag_ in ("VBD", "VBN")):
                neg = [obj]  # "had no part in", "had sent no weapons"
            if not neg:
                continue
            subj = _child(tok, SUBJ) or _child(tok, PASS_SUBJ)
            if subj is None and tok.dep_ == "conj":
                subj = _child(tok.head, SUBJ) or _child(tok.head, PASS_SUBJ)
            lemma = tok.lemma_.lower()
            trig = index.get(tok.i)
            is_accept = lemma in ("accept", "tolerate", "recognize", "recognise")
            if subj is None:
                continue
            if subj.lower_ in FIRST_PERSON and _is_pronoun(subj):
                actors = [att.source]
            elif subj.lower_ in PERSONAL and _is_pronoun(subj):
                actors = [a for a in ctx.recent[-3:] if a.kind == "Person"][-1:] or []
            else:
                actors = [self._acting_for(a, ctx) for a in self.actors(subj, ctx)]
            if not any((a.country and a.country == att.source.country) or a.id == att.source.id
                       for a in actors):
                continue
            if is_accept:
                obj = _child(tok, OBJ)
                if obj is None or not (obj.lower_ in DEMONSTRATIVE
                                       or obj.lemma_.lower() in ACCUSATION_NOUNS):
                    continue
            elif tok.tag_ not in SELF_DENY_TENSES and not any(
                c.dep_ == "aux" and c.lemma_ in ("have", "do") for c in tok.children
            ) and not (neg and neg[0] is obj):
                continue
            if trig is not None and trig.entry.type in ("DEMAND", "THREATEN", "AGREE"):
                continue
            target = ctx.last_doers[0] if ctx.last_doers and is_accept else None
            if target is not None and target.id == att.source.id:
                target = None
            if target is None:
                target = self._accuser_of([att.source], ctx)
            yield Candidate("DENY", att.source, target, att.speaker,
                            Trigger(tok, _DENY_ENTRY, tok.i + 1),
                            _about_text(tok, tok), 0.7)

    def _eval_in(self, tok: Token) -> LexEntry | None:
        """A judgement word in a predicate: "arrogant", "a hostile act", "a violation"."""
        for t in tok.subtree:
            e = self.evals.get(t.lemma_.lower()) or self.evals.get(t.lower_)
            if e is not None and not _negated(t.head if t.dep_ in ("amod", "acomp") else t):
                return e
        return None

    def _reported_judgements(self, sent: Span, att: Attribution,
                             ctx: Context) -> Iterator[Candidate]:
        """ "The US is arrogant and selfish," she said: the speaker criticises the US."""
        assert att.source is not None
        for tok in self._tokens(sent):
            if tok.i not in att.content or tok.lemma_ != "be" or tok.dep_ not in (
                    "ROOT", "ccomp", "conj", "parataxis", "advcl"):
                continue
            pred = _child(tok, {"acomp", "attr"})
            subj = _child(tok, SUBJ)
            if pred is None or subj is None:
                continue
            entry = self._eval_in(pred)
            if entry is None or entry.type is None:
                continue
            targets = [self._acting_for(a, ctx) for a in self.actors(subj, ctx)] or \
                self._owner_of(subj, ctx)
            for tgt in targets:
                if not _same_party(tgt, att.source):
                    yield Candidate(entry.type, att.source, tgt, att.speaker,
                                    Trigger(pred, entry, pred.i + 1), _about_text(pred, tok), 0.65)

    def _name_calling(self, sent: Span, ctx: Context) -> Iterator[Candidate]:
        """ "Moscow called the expulsions a hostile act": criticism of whoever expelled."""
        for tok in self._tokens(sent):
            if tok.lemma_.lower() not in NAME_CALLING or \
                    tok.pos_ != "VERB" or _negated(tok):
                continue
            obj = _child(tok, OBJ)
            pred = _child(tok, {"oprd", "xcomp", "ccomp"}) or _prep_obj(tok, ("as",))
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
            entry = self._eval_in(pred)
            if entry is None or entry.type is None or obj is None:
                continue
            sources = self._subject_actors(tok, ctx, None)
            targets = self.actors(obj, ctx) or self._owner_of(obj, ctx)
            if not targets and obj.lemma_.lower() in NOUN_ACTS:
                prior = self._prior_act(NOUN_ACTS[obj.lemma_.lower()], sources, ctx)
                targets = [prior] if prior is not None else []
            if not targets:
                targets = self._earlier_owner(obj, ctx, sources)
            if not targets and obj.lemma_.lower() in ACCUSATION_NOUNS:
                # "called such statements unacceptable": whoever made them just before
                sides = {_side_key(a) for a in sources}
                for act in reversed(ctx.acts[-6:]):
                    if act.type in ("ACCUSE", "CRITICIZE", "CHARGE") and \
                            _side_key(act.source) not in sides:
                        st = self._state_for(act.source)
                        if st not in targets:
                            targets.append(st)
            for src in sources:
                for tgt in targets:
                    if not _same_party(tgt, src):
                        yield Candidate(entry.type, src, self._state_for(tgt), None,
                                        Trigger(tok, entry, tok.i + 1), _about_text(pred, tok), 0.65)

    def _reported_obligations(self, sent: Span, att: Attribution, ctx: Context,
                              index: dict[int, Trigger]) -> Iterator[Candidate]:
        """ "X must stop ...", said by another party: a demand made of X."""
        assert att.source is not None
        for tok in self._tokens(sent):
            if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
                continue
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in MODAL_OBLIGE),
                         None)
            if modal is None or (_negated(tok) and tok.lemma_ == "be"):
                continue
            if (trig := index.get(tok.i)) is not None and trig.entry.lemma.startswith("hold * "):
                continue  # "must be held accountable": an accusation, below
            subj = _child(tok, SUBJ) or _child(tok, PASS_SUBJ)
            if subj is None:
                continue
            targets = [self._acting_for(a, ctx) for a in self.actors(subj, ctx)]
            for tgt in targets:
                if tgt.id == att.source.id or (tgt.country and tgt.country == att.source.country):
                    continue
                yield Candidate("DEMAND", att.source, tgt, att.speaker,
                                Trigger(tok, _DEMAND_ENTRY, tok.i + 1),
                                _about_text(tok, tok), 0.65)

    # ----------------------------------------------------------------- actors


    # ------------------------------------------------------------------ events

    def _event(self, cand: Candidate, sent: Span, offset: int, article: Article) -> Event:
        if cand.type == "SANCTION" and cand.target is not None and cand.target.kind == "Group" \
                and cand.target.country:
            # "expelled 60 Russians", "sanctions on Albanian rebels": unnamed nationals stand
            # for their state (a list that names them follows as events of their own)
            cand = replace(cand, target=self._state_for(cand.target))
        entry = cand.trigger.entry
        type_entry = entry if entry.type == cand.type else _TYPE_DEFAULTS[cand.type]
        cameo = _refine_cameo(cand.type, type_entry.cameo, cand.about)
        mode = type_entry.mode
        if cand.type == "DEMAND":
            mode = _demand_mode(cand.about)
            cameo = {"yield": "105", "meet": "108", "assist": "103", "change": "104"}.get(
                mode or "", cameo)
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


# ---------------------------------------------------------------- helpers


FALSE_ADVERBS = {"falsely", "wrongly", "baselessly", "groundlessly", "unjustly", "wrongfully",
                 "unfairly", "maliciously"}
DOCUMENT_NOUNS = {"case", "indictment", "complaint", "lawsuit", "charge", "filing", "document",
                  "report", "statement", "warrant", "affidavit", "charge sheet"}
STOP_VERBS = {"stop", "cease", "end", "halt", "quit", "refrain", "desist"}


def _indices(span: Span) -> set[int]:
    """The token indices of a span (a sentence), as attribution content."""
    return set(range(span.start, span.end))


def _last_sanctioner(ctx: Context) -> Actor | None:
    """Who imposed the sanctions the article reported last: "Sanctions were also imposed on"."""
    return next((c.source for c in reversed(ctx.acts[-6:]) if c.type == "SANCTION"), None)


def _decided_act(x: Token, verbs: dict[str, list[LexEntry]]) -> bool:
    """ "agreed to bar Belarusian airlines": a hostile act decided on, against a party named."""
    if x.dep_ != "xcomp" or not any(e.type in DECIDED_ACTS for e in verbs.get(x.lemma_.lower(), [])):
        return False
    return any(t.ent_type_.startswith("DIP_") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
               for c in x.children if c.dep_ in (*OBJ, "prep") for t in c.subtree)


def _stops_wrongdoing(tok: Token) -> bool:
    """ "to stop abusing export controls", "to end its attacks": the target is doing wrong."""
    for x in tok.children:
        if x.dep_ not in ("xcomp", "ccomp"):
            continue
        for v in (x, *(c for c in x.children if c.dep_ == "conj")):
            if v.lemma_.lower() in STOP_VERBS:
                obj = _child(v, OBJ | {"xcomp"})
                if obj is not None and obj.pos_ in ("VERB", "NOUN"):
                    return True
    return False


def _innermost(atts: list[Attribution], tok: Token) -> Attribution | None:
    best = None
    for a in atts:
        if tok.i in a.content and (best is None or len(a.content) < len(best.content)):
            best = a
    return best


def _same_side(src: Actor, reporter: Attribution | None) -> bool:
    if reporter is None or reporter.source is None:
        return False
    rs = reporter.source
    return src.id == rs.id or (src.country is not None and src.country == rs.country)


