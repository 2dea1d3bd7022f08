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

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diplograph.model import Actor, Article, Event
from diplograph.schema.reference import LexEntry, Reference, slug

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj", "iobj", "dative"}
MODAL_FUTURE = {"will", "would", "shall", "'ll", "wo"}
MODAL_OBLIGE = {"must", "should"}
PERSONAL = {"he", "she", "him", "her"}
FIRST_PERSON = {"we", "us", "i", "me", "our"}
DEMONSTRATIVE = {"this", "that", "it"}
PLURAL_STATES = {"country", "nation", "state", "government", "ally", "partner", "member"}
GROUP_NOUNS = {
    "hacker", "national", "citizen", "rebel", "militant", "suspect", "spy", "agent",
    "officer", "soldier", "activist", "protester", "individual", "person", "man", "woman",
    "people", "worker", "fighter", "insurgent", "journalist", "businessman", "executive",
    "student", "researcher", "missionary", "employee", "defendant", "operative", "member",
}
ACCUSATION_NOUNS = {"accusation", "allegation", "claim", "charge", "criticism", "report",
                    "indictment", "assertion", "suggestion",
                    "smear", "slander", "rumor", "rumour", "statement", "remark"}
PROPOSAL_NOUNS = {"proposal", "plan", "offer", "mediation", "resolution", "demand", "call",
                  "request", "ultimatum", "appeal", "initiative", "deal", "invitation",
                  "suggestion", "deployment", "bid", "condition", "idea"}
RELATION_NOUNS = {"tie", "relation", "link", "aid", "visit", "talk", "cooperation", "trade",
                  "force", "troop", "inspector", "peacekeeper", "observer", "staff", "personnel",
                  "flight", "program", "programme", "assistance", "export", "import", "contact",
                  "negotiation", "exchange", "asset", "account", "diplomat", "ambassador",
                  "envoy", "embassy", "consulate", "loan", "investment", "license", "licence",
                  "visa", "meeting", "dialogue", "mission", "treaty", "agreement", "shipment",
                  "supply", "sale", "deal", "membership", "participation", "air", "access"}
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
NEEDS_TARGET = {"CHARGE", "ARREST", "PROTEST", "SANCTION", "CONSULT", "CRITICIZE", "ACCUSE",
                "COOPERATE"}
CONTAINERS = {"DEMAND", "THREATEN", "REJECT", "AGREE", "ACCUSE", "CHARGE", "DENY", "CRITICIZE",
              "PROTEST", "SUPPORT"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir"}
NOUN_ACTS = {"detention": "ARREST", "arrest": "ARREST", "jailing": "ARREST",
             "imprisonment": "ARREST", "expulsion": "SANCTION", "sanction": "SANCTION",
             "ban": "SANCTION", "indictment": "CHARGE", "charge": "CHARGE",
             "accusation": "ACCUSE", "allegation": "ACCUSE", "measure": "SANCTION",
             "move": "SANCTION", "decision": "SANCTION", "countermeasure": "SANCTION"}
ORGAN_WORDS = {"command", "ministry", "army", "agency", "council", "office", "department", "bureau",
               "service", "guard", "force", "forces", "commission", "committee", "directorate",
               "administration", "court", "police", "navy"}
COMPANY_SUFFIX = {"co", "corp", "corporation", "inc", "ltd", "plc", "llc", "group", "company",
                  "enterprise", "technologies", "systems", "holdings", "ag", "sa", "gmbh", "bank"}


@dataclass
class Trigger:
    tok: Token
    entry: LexEntry
    span_end: int  # index after the last token of a phrase trigger

    @property
    def text(self) -> str:
        return self.tok.doc[self.tok.i : self.span_end].text


@dataclass
class Attribution:
    """A verb of saying with its speaker and the tokens it governs."""

    verb: Token | None
    speaker: Actor | None  # a person, if the speaker is one
    source: Actor | None  # the party on whose behalf it is said
    content: set[int]


@dataclass
class Context:
    """What the extractor remembers while it reads one article, in order."""

    article: Article
    ref: Reference
    default_state: str | None = None
    persons: dict[str, Actor] = field(default_factory=dict)
    person_source: dict[str, Actor] = field(default_factory=dict)
    last_speaker: Actor | None = None
    last_source: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)
    last_doers: list[Actor] = field(default_factory=list)
    legal_sources: list[Actor] = field(default_factory=list)
    in_quote: bool = False
    recent: list[Actor] = field(default_factory=list)  # actors named, most recent last
    acts: list[Candidate] = field(default_factory=list)  # events found so far, in order
    noun_owners: dict[str, Actor] = field(default_factory=dict)  # "strike" -> whose strike
    last_joint: list[Actor] = field(default_factory=list)  # "X and Y agreed": then "they"
    full_names: dict[str, str] = field(default_factory=dict)  # "lam" -> "Carrie Lam"
    sentence_state: str | None = None  # the country of whoever speaks in this sentence

    def mention(self, actors: list[Actor]) -> None:
        for a in actors:
            if a in self.recent:
                self.recent.remove(a)
            self.recent.append(a)
        del self.recent[:-12]


@dataclass
class Candidate:
    """An event before its offsets and codes are final."""

    type: str
    source: Actor
    target: Actor | None
    speaker: Actor | None
    trigger: Trigger
    about: str | None
    confidence: float
    involved: tuple[Actor, ...] = ()
    answers: str | None = None


class Extractor:
    """Turns parsed paragraphs of one article into events."""

    def __init__(self, ref: Reference, nlp_vocab: object, parsed: bool = True) -> None:
        from spacy.matcher import Matcher

        self.ref = ref
        self.parsed = parsed
        self.verbs: dict[str, list[LexEntry]] = {}
        self.nouns: dict[str, LexEntry] = {}
        self.adjs: dict[str, LexEntry] = {}
        self.evals: dict[str, LexEntry] = {}
        self.say: set[str] = set()
        self.phrases: dict[str, LexEntry] = {}
        self.matcher: Matcher = Matcher(nlp_vocab)  # type: ignore[arg-type]
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
                key = f"P{len(self.phrases)}"
                self.phrases[key] = e
                pattern: list[dict[str, object]] = []
                for word in e.lemma.split():
                    if word == "*":
                        pattern.append({"OP": "?"})
                        pattern.append({"OP": "?"})
                    else:
                        pattern.append({"LEMMA": word} if word.isalpha() else {"LOWER": word})
                self.matcher.add(key, [pattern])

    # ------------------------------------------------------------------ API

    def extract(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
        """Events of one article, from its paragraphs parsed as (offset, Doc)."""
        ctx = Context(article=article, ref=self.ref)
        ctx.default_state = self._dominant_state(docs)
        ctx.full_names = _full_names(docs)
        events: list[Event] = []
        headline_events: list[Event] = []
        briefer = self._briefer(article, ctx) if article.segments else None
        if not self.parsed:
            return self._extract_linear(article, docs)
        for n, (offset, doc) in enumerate(docs):
            is_headline = n == 0 and article.headline_in_text
            for sent in doc.sents:
                role = article.segment_at(offset + sent.start_char) if article.segments else None
                found = list(self._sentence(sent, ctx, briefer if role == "answer" else None,
                                            question=role == "question"))
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
                  question: bool = False) -> Iterator[Candidate]:
        text = sent.text.strip()
        if not text or not any(ch.isalpha() for ch in text):
            return
        attributions = self._attributions(sent, ctx)
        ctx.sentence_state = next((a.source.country for a in attributions
                                   if a.source is not None and a.source.country), None)
        quote_carry = None
        starts_quote = text[:1] in "\"“'‘"
        if briefer is not None and not attributions:
            # an answer at a press briefing: the spokesperson says all of it
            quote_carry = Attribution(None, briefer.speaker, briefer.source, {t.i for t in sent})
            ctx.last_source, ctx.last_speaker = briefer.source, briefer.speaker
        elif question:
            quote_carry = None  # a journalist's question is no act of the journalist
        elif not attributions and (ctx.in_quote or starts_quote) and ctx.last_source:
            quote_carry = Attribution(None, ctx.last_speaker, ctx.last_source,
                                      {t.i for t in sent})
        ctx.in_quote = _quote_open_after(text, ctx.in_quote)
        question = text.rstrip("\"”’' ").endswith("?")
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() not in ctx.noun_owners:
                for c in tok.children:
                    if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in (
                            "DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL"):
                        owner = _state_of_ent(c, self.ref)
                        if owner:
                            ctx.noun_owners[tok.lemma_.lower()] = owner[0]
                            break
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
        for cand in self._name_calling(sent, ctx):
            ctx.acts.append(cand)
            yield cand
        for att in attributions:
            if att.source is not None:
                ctx.last_source = att.source
                ctx.last_speaker = att.speaker
        if not attributions and quote_carry is None:
            ctx.in_quote = ctx.in_quote and bool(ctx.last_source)

    # ---------------------------------------------------------- attribution

    def _attributions(self, sent: Span, ctx: Context) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in sent:
            if tok.lemma_.lower() == "according" and tok.dep_ == "prep":
                pobj = next((c for c in tok.children if c.dep_ == "prep"), None)
                pobj = next((c for c in pobj.children if c.dep_ == "pobj"), None) if pobj else None
                if pobj is None:
                    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    speaker, source = self._speaker(pobj, ctx)
                    if source:
                        out.append(Attribution(tok, speaker, source,
                                               {t.i for t in sent} - {t.i for t in tok.subtree}))
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
            if tok.dep_ == "parataxis" or (tok.dep_ == "ROOT" and not content):
                # "This, she said, was ..." or a quote before "she said"
                content = {t.i for t in sent} - {t.i for t in tok.subtree}
                if tok.dep_ == "ROOT":
                    content = {t.i for t in sent} - {t.i for t in subj.subtree} - {tok.i}
            if not content:
                continue
            out.append(Attribution(tok, speaker, source, content))
            if source is not None:
                ctx.last_source, ctx.last_speaker = source, speaker
        return out

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
            all_matches = [(m, s, e) for m, s, e in self.matcher(doc)]
            doc.user_data["diplograph_phrases"] = all_matches
        spans = sorted(((s, e, self.phrases[doc.vocab.strings[m]]) for m, s, e in all_matches
                        if s >= sent.start and e <= sent.end),
                       key=lambda x: (-(x[1] - x[0]), x[0]))
        covered: set[int] = set()
        for s, e, entry in spans:
            if covered & set(range(s, e)):
                continue
            head = doc[s]
            if entry.lemma in ("ready to", "willing to", "prepared to"):
                head = doc[s]
            covered |= set(range(s, e))
            found[s] = Trigger(head, entry, e)
        for tok in sent:
            if tok.i in covered:
                continue
            lemma = tok.lemma_.lower()
            if lemma in ("order", "tell", "give", "ask") and tok.pos_ == "VERB" and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() == "leave" for c in tok.children) and \
                    _child(tok, OBJ) is not None:
                found[tok.i] = Trigger(tok, _EXPEL_ENTRY, tok.i + 1)
                continue
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBN" and tok.pos_ == "ADJ"):
                entries = self.verbs.get(lemma)
                if entries:
                    found[tok.i] = Trigger(tok, entries[0], tok.i + 1)
                    continue
            if tok.pos_ == "NOUN" and lemma in self.nouns:
                found[tok.i] = Trigger(tok, self.nouns[lemma], tok.i + 1)
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
        cur = tok
        for _ in range(8):
            dep = cur.dep_
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
        if negated and entry.lemma in ("accept", "recognize", "recognise", "agree", "allow") \
                and tok.tag_ not in ("VBD", "VBN"):
            obj = _child(tok, OBJ)
            if obj is not None and obj.lower_ not in DEMONSTRATIVE:
                sources, speaker, conf = self._sources(trig, reporter, ctx)
                rejected: list[Actor | None] = [*(self.actors(obj, ctx) or self._owner_of(obj, ctx))] \
                    or [None]
                for src in sources:
                    for tgt in rejected:
                        if tgt is None or not _same_party(tgt, src):
                            yield Candidate("REJECT", src, tgt, speaker, trig,
                                            _about_text(obj, tok), 0.7)
            return
        if negated:
            return
        etype = entry.type
        if etype is None:
            return
        if _hypothetical(tok) and etype not in ("THREATEN", "DEMAND") and not (
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
        if etype in ("CHARGE", "ARREST") and not targets:
            return
        if etype == "SANCTION" and not targets and not _about_relations(tok):
            return
        if etype == "DENY" and targets in ([], [None]):
            targets = [self._accuser_of(sources, ctx)]
        if len(sources) > 1:
            ctx.last_joint = list(sources)
        if targets == [None] and len(sources) > 1 and etype in ("SUPPORT", "AGREE", "CONSULT",
                                                                 "COOPERATE"):
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
        if lemma in ("ask", "press", "seek", "request", "appeal") and not any(
            c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative") for c in tok.children
        ):
            return None
        if lemma in ("decline", "refuse") and (x := _child(tok, {"xcomp"})) is not None and \
                x.lemma_.lower() in ("say", "comment", "confirm", "discuss", "elaborate", "speculate",
                                     "answer", "give", "name", "specify", "identify", "disclose"):
            return None  # "declined to comment" rejects nothing
        if lemma == "vow":
            x = _child(tok, {"xcomp"})
            return "THREATEN" if x is not None and x.lemma_.lower() in HOSTILE_XCOMP else "AGREE"
        if lemma in ("respond", "retaliate") and not (_future(tok) or (_child(tok, {"aux"}) is not None
                                                     and tok.head.lemma_ in ("vow", "threaten"))):
            return None
        if lemma == "warn":
            return "THREATEN"
        if lemma in ("strike", "attack", "bomb", "invade", "hit"):
            threat = _future(tok) or _conditional(tok) or (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("threaten", "vow", "warn"))
            return "THREATEN" if threat else None
        if lemma in ("end", "cut", "reduce", "cancel", "suspend", "freeze", "recall", "ban",
                     "prohibit", "withdraw") and not _about_relations(tok):
            return None
        if lemma == "charge" and trig.tok.pos_ == "NOUN" and trig.tok.dep_ in OBJ:
            return "CHARGE"
        if lemma in ("accuse", "allege") and tok.pos_ == "ADJ":
            return None
        if etype == "SANCTION" and (_conditional(tok) or (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (
                    "plan", "intend", "consider", "threaten", "prepare", "vow"))):
            return "THREATEN"  # "will withdraw ... unless", "plans to impose": CAMEO 13x
        if etype in ("SUPPORT", "COOPERATE") and _future(tok) and lemma not in ("thank", "apologize",
                                                                             "apologise"):
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
            head = tok.head
            if tok.dep_ in OBJ and head.lemma_.lower() in LIGHT_VERBS:
                actors = self._subject_actors(head, ctx, reporter)
                if actors:
                    return actors, speaker, 0.8
            between = _prep(tok, "between")
            if between is not None and trig.entry.type == "CONSULT":
                parties = [self._acting_for(a, ctx) for a in self.actors(_child(between, {"pobj"}), ctx)]
                if len(parties) > 1:
                    return parties, None, 0.6
            if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and trig.entry.type == "CONSULT":
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
            if trig.entry.type in ("CHARGE", "ARREST", "ACCUSE") and ctx.legal_sources:
                # "X is accused of ...": the accuser is the party that charged them
                return [ctx.legal_sources[0]], None, 0.6
            if trig.entry.type in ("CHARGE", "ARREST", "SANCTION") and reporter is not None \
                    and reporter.source is not None and reporter.source.country:
                # "X was detained", announced by a state's organ: that state detained X
                return [reporter.source], speaker, 0.6
            return [], None, 0.0
        actors = self._subject_actors(tok, ctx, reporter)
        if actors:
            return actors, self._subject_person(tok, ctx) or speaker, 0.9
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
        if not found and subj.pos_ == "NOUN" and subj.lemma_.lower() not in GROUP_NOUNS:
            found = [self._state_for(a) for a in self._owner_of(subj, ctx)
                     if a.kind in ("State", "GovernmentBody", "IGO")]
        return found

    def _acting_for(self, actor: Actor, ctx: Context) -> Actor:
        if actor.kind == "Person":
            return ctx.person_source.get(actor.id, actor)
        return actor

    def _noun_owner(self, noun: Token, ctx: Context) -> list[Actor]:
        """Who owns a nominal act: "China's protest", "US sanctions", "accusations from X"."""
        for child in noun.children:
            if child.dep_ == "poss":
                if _is_pronoun(child) and child.lower_ in ("its", "their"):
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
                            return acts
            return []

        obj = None
        for t in phrase_toks:
            obj = _child(t, OBJ)
            if obj is not None:
                break
        if tok.pos_ == "ADJ":
            about_tok = _prep_obj(tok, ("by", "about", "over", "at", "with", "to"))
            if about_tok is not None:
                targets = self.actors(about_tok, ctx) or self._owner_of(about_tok, ctx)
        elif tok.pos_ == "NOUN":
            owner_ids = {a.id for a in sources}
            preps = {"ACCUSE": ("against", "of", "on", "into"), "CRITICIZE": ("of", "against"),
                     "PROTEST": ("to", "with", "against", "over"),
                     "CONSULT": ("between", "to", "with"), "COOPERATE": ("with", "to", "between"),
                     "CHARGE": ("against", "of"), "SANCTION": ("on", "against", "with", "to"),
                     "ARREST": ("of",), "DEMAND": ("on", "for", "to"), "THREATEN": ("against", "to"),
                     "DENY": ("of",)}.get(etype, ("with", "to", "against"))
            targets = self._search_preps(tok, preps, ctx)
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
            if not targets and obj is not None:
                targets = self.actors(obj, ctx)
                if not targets:
                    targets = self._owner_of(obj, ctx)
                if not targets:
                    targets = self._search_preps(obj, ("with", "to", "against", "on", "of"), ctx)
                if obj.lemma_.lower() in ("ambassador", "envoy", "diplomat", "chargé",
                                          "representative") and not targets:
                    targets = self._owner_of(obj, ctx)
            if not targets:
                preps = {"ACCUSE": ("against", "to", "on"), "CRITICIZE": ("against", "on", "to"),
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
                    targets = self._clause_accused(comp, ctx, sources)
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
                t.lemma_.lower() in ("release", "freedom", "free") for t in about_tok.subtree):
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
            targets = [self._acting_for(a, ctx) if a.kind == "Person" else a for a in targets]
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

    def _earlier_owner(self, noun: Token, ctx: Context) -> list[Actor]:
        """ "described the strike as ...": whose strike it was when the article first named it."""
        if _is_pronoun(noun) and noun.lower_ in ("it", "this", "that"):
            for c in reversed(ctx.acts[-4:]):
                return [self._state_for(c.source)]
            owners = list(ctx.noun_owners.values())
            return owners[-1:]
        owner = ctx.noun_owners.get(noun.lemma_.lower())
        return [owner] if owner is not None else []

    def _prior_act(self, etype: str, sources: list[Actor], ctx: Context) -> Actor | None:
        """The party behind the last act of this type ("condemned the detention")."""
        sides = {_side_key(a) for a in sources}
        for c in reversed(ctx.acts):
            if c.type == etype and _side_key(c.source) not in sides:
                return self._state_for(c.source)
        return None

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
        for c in tok.children:
            if c.dep_ in ("advcl", "prep") and c.lower_ in ("after", "over", "because", "following"):
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

    def _state_for(self, a: Actor) -> Actor:
        """A group or body of a state, seen as that state (for targets of reactions)."""
        if a.kind in ("Group", "GovernmentBody") and a.country:
            st = self.ref.state_actor(a.country)
            if st is not None:
                return st
        return a

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
        if pobj is not None:
            return self.actors(pobj, ctx)
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
        if claim is None:
            return
        src = reporter.source if reporter else None
        if src is None:
            return
        owners = self._noun_owner(claim, ctx)
        if not owners and claim.dep_ in OBJ:
            owners = self._subject_actors(claim.head, ctx, None)
        if not owners and claim.lower_ in DEMONSTRATIVE:
            owners = list(ctx.last_doers)
        if not owners and claim.lemma_.lower() in ACCUSATION_NOUNS:
            prior = self._prior_act("CHARGE", [src], ctx) or self._prior_act("ACCUSE", [src], ctx)
            owners = [prior] if prior is not None else []
        target = next((o for o in owners if not _same_party(o, src)), None)
        yield Candidate("DENY", src, target, reporter.speaker if reporter else None, trig,
                        _about_text(claim, tok), 0.75, answers="ACCUSE")
        if target is not None and claim.lemma_.lower() in ("accusation", "allegation", "claim",
                                                           "charge", "criticism"):
            yield Candidate("ACCUSE", target, self._state_for(src), None, trig,
                            _about_text(claim, tok), 0.6)
        if target is not None and tok.lemma_.lower() in ("fabricated", "fabricate", "false"):
            # calling the other side's claims fabricated accuses it of fabricating them
            yield Candidate("ACCUSE", src, target, reporter.speaker if reporter else None, trig,
                            "fabrication", 0.6)

    def _reported_denials(self, sent: Span, att: Attribution, ctx: Context,
                          index: dict[int, Trigger]) -> Iterator[Candidate]:
        """ "We have never hacked anyone", said by a party about itself: a denial."""
        assert att.source is not None
        for tok in sent:
            if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.dep_ == "conj" and _negated(tok.head):
                continue
            neg = [c for c in tok.children if c.dep_ == "neg" or c.lower_ == "never"]
            obj = _child(tok, OBJ)
            if not neg and obj is not None and obj.lemma_.lower() in (
                    "part", "role", "involvement", "connection", "link", "hand", "relation",
                    "knowledge") and any(c.lower_ == "no" for c in obj.children):
                neg = [obj]
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
        for tok in sent:
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
        for tok in sent:
            if tok.lemma_.lower() not in ("call", "describe", "brand", "label", "term", "dub",
                                          "characterize", "characterise", "denounce") or \
                    tok.pos_ != "VERB" or _negated(tok):
                continue
            obj = _child(tok, OBJ)
            pred = _child(tok, {"oprd", "xcomp", "ccomp"}) or _prep_obj(tok, ("as",))
            if obj is None and pred is None:
                continue
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
                targets = self._earlier_owner(obj, ctx)
            for src in sources:
                for tgt in targets:
                    if not _same_party(tgt, src):
                        yield Candidate(entry.type, src, self._state_for(tgt), None,
                                        Trigger(tok, entry, tok.i + 1), _about_text(pred, tok), 0.65)

    def _reported_obligations(self, sent: Span, att: Attribution, ctx: Context,
                              index: dict[int, Trigger]) -> Iterator[Candidate]:
        """ "X must stop ...", said by another party: a demand made of X."""
        assert att.source is not None
        for tok in sent:
            if tok.i not in att.content or tok.pos_ not in ("VERB", "AUX"):
                continue
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in MODAL_OBLIGE),
                         None)
            if modal is None or (_negated(tok) and tok.lemma_ == "be"):
                continue
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

    def actors(self, tok: Token | None, ctx: Context) -> list[Actor]:
        """The actors a noun phrase names, with conjuncts and appositions expanded."""
        if tok is None:
            return []
        heads = [tok, *_conjuncts(tok)]
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
        if tok.lower_ in ("them", "they") and len(ctx.last_group) > 1:
            return list(ctx.last_group)
        want_person = tok.lower_ in ("him", "her", "he", "she")
        for a in reversed(ctx.recent):
            if _side_key(a) in ex:
                continue
            if want_person != (a.kind == "Person"):
                continue
            return [a]
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
        appos = [c for c in h.children if c.dep_ == "appos"]
        role_body = self.ref.roles.get(h.lemma_.lower()) if h.pos_ == "NOUN" else None
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
            if persons:
                country = self._np_state(h, ctx, fallback=False)
                persons = [replace(p, country=p.country or country) for p in persons]
                for p in persons:
                    ctx.persons[p.id] = p
                ctx.last_group = persons
                return persons
        if not h.ent_type_ and h.pos_ == "PROPN" and h.dep_ in ("conj", "appos") and \
                h.head.ent_type_ in ("PERSON", "DIP_PERSON") and h.i > h.head.i:
            # "A, B, C and D": the parser joined the names, NER tagged only some
            name = " ".join(t.text for t in h.subtree if t.i <= h.i and t.pos_ == "PROPN"
                            and (t.i == h.i or t.dep_ == "compound"))
            if name and name[0].isupper():
                person = Actor(id=f"person-{slug(name)}", label=name, kind="Person")
                ctx.persons[name.lower()] = person
                return [person]
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
                    named = [a for a in self.actors(_child(c, {"pobj"}), ctx) if a.kind == "Person"]
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
            if lemma in self.ref.roles or low in self.ref.roles:
                state = self._np_state(h, ctx, fallback=False)
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
                named = self._named_in_clause(h, ctx)
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
        if label in ("ORG", "GPE", "NORP", "PRODUCT") and len(ent) == 1 and (
                ent.text.lower() in self.ref.unique_surnames or ent.text.lower() in ctx.persons):
            return self._person(ent, ctx)  # "Trump" tagged as an organisation
        if label == "ORG":
            words = {t.lower_.strip(".") for t in ent}
            text = _strip_det(ent.text)
            if len(ent) == 1:
                for a in reversed(ctx.recent):
                    if a.kind in ("IGO", "GovernmentBody", "Organization", "Company") and \
                            text.lower() in a.label.lower().split() and text.lower() != a.label.lower():
                        return a  # "the Council", after "the Council of the EU"
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
        name = " ".join(t.text for t in name_toks) or ent.text
        name = re.sub(r"'s$", "", name).strip()
        if " " not in name and name.lower() in ctx.full_names:
            name = ctx.full_names[name.lower()]  # "Lam", after "Carrie Lam"
        low = name.lower()
        if low in ctx.persons:
            return ctx.persons[low]
        for known in list(ctx.persons.values()):
            parts = known.label.lower().split()
            if len(name_toks) == 1 and low in parts:
                return known
        off = ref.official(name, ctx.article.date)
        country = off.country if off else None
        actor = Actor(id=off.id if off else f"person-{slug(name)}", label=off.name if off else name,
                      kind="Person", country=country, wikidata=off.wikidata if off else None)
        role_words = _role_words(ent, ref)
        state = self._np_state(ent.root, ctx, fallback=False, ent=ent) or country
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
            body_id = ref.roles.get(off.role) or _role_body(off.role, ref)
        if body_id is not None and (body_id.startswith("igo:") or (
                body_id in ref.bodies and ref.bodies[body_id].country)):
            src = ref.igos.get(body_id[4:]) if body_id.startswith("igo:") else ref.body_actor(body_id, None)
            if src is not None:
                self._register(ctx, actor, name, src)
                return actor
        if body_id is not None and state is None:
            state = ctx.sentence_state or (ctx.last_source.country if ctx.last_source else None) \
                or ctx.default_state
        if body_id is not None and state is not None:
            actor = replace(actor, country=actor.country or state)
            src = ref.state_actor(state) if body_id == "state" else ref.body_actor(body_id, state)
            if src is not None:
                self._register(ctx, actor, name, src)
                return actor
        self._register(ctx, actor, name, None)
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
        if not fallback:
            return None
        if h.lemma_.lower() in LEGAL_WORDS and ctx.legal_sources and ctx.legal_sources[0].country:
            return ctx.legal_sources[0].country
        return ctx.sentence_state or ctx.default_state

    def _dominant_state(self, docs: list[tuple[int, Doc]]) -> str | None:
        counts: Counter[str] = Counter()
        for _, doc in docs:
            for e in doc.ents:
                if e.label_ in ("DIP_CAPITAL", "DIP_DEMONYM", "DIP_STATE"):
                    counts[e.ent_id_.partition(":")[2]] += 2 if e.label_ == "DIP_CAPITAL" else 1
        return counts.most_common(1)[0][0] if counts else None

    # ------------------------------------------------------------------ events

    def _event(self, cand: Candidate, sent: Span, offset: int, article: Article) -> Event:
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

def _entry(type_: str, cameo: str, plover: str | None, mode: str | None) -> LexEntry:
    return LexEntry(type_.lower(), "X", type_, cameo, plover, mode, "act")


_DENY_ENTRY = _entry("DENY", "016", None, None)
_DEMAND_ENTRY = _entry("DEMAND", "100", "REQUEST", None)
_EXPEL_ENTRY = LexEntry("expel", "X", "SANCTION", "166", "SANCTION", None, "act")
_TYPE_DEFAULTS: dict[str, LexEntry] = {
    "ACCUSE": _entry("ACCUSE", "112", "ACCUSE", "allege"),
    "CRITICIZE": _entry("CRITICIZE", "111", "ACCUSE", "disapprove"),
    "PROTEST": _entry("PROTEST", "114", "ACCUSE", "allege"),
    "DENY": _DENY_ENTRY,
    "DEMAND": _DEMAND_ENTRY,
    "REJECT": _entry("REJECT", "120", "REJECT", None),
    "THREATEN": _entry("THREATEN", "130", "THREATEN", None),
    "SANCTION": _entry("SANCTION", "163", "SANCTION", None),
    "CHARGE": _entry("CHARGE", "1121", "ACCUSE", "allege"),
    "ARREST": _entry("ARREST", "173", "COERCE", "arrest"),
    "SUPPORT": _entry("SUPPORT", "051", "SUPPORT", None),
    "AGREE": _entry("AGREE", "030", "AGREE", None),
    "CONSULT": _entry("CONSULT", "040", "CONSULT", None),
    "COOPERATE": _entry("COOPERATE", "060", "COOPERATE", None),
}

_ESPIONAGE = re.compile(r"espionage|spy|spying|hack|cyber|intrusion|treason|intelligence", re.I)
_CRIME = re.compile(r"theft|steal|fraud|corruption|crime|criminal|launder|bribe", re.I)
_WARCRIME = re.compile(r"war crime|genocide|crimes against humanity|atrocit", re.I)
_AGGRESSION = re.compile(r"aggression|invasion|incursion|attack|occupation", re.I)
_RIGHTS = re.compile(r"human rights|torture|repression|abuse|persecution", re.I)


def _refine_cameo(etype: str, cameo: str | None, about: str | None) -> str | None:
    if etype not in ("ACCUSE", "CHARGE") or not about:
        return cameo
    if _WARCRIME.search(about):
        return "1124"
    if _ESPIONAGE.search(about):
        return "1125"
    if _RIGHTS.search(about):
        return "1122"
    if _AGGRESSION.search(about):
        return "1123"
    if _CRIME.search(about):
        return "1121"
    return cameo


_YIELD = re.compile(r"\b(withdraw|stop|cancel|drop|release|lift|end|halt|cease|correct|respect|"
                    r"free|retract|revoke|abandon|refrain|return|pull|remove|renounce|back down)",
                    re.I)
_MEET = re.compile(r"\b(meet|talks|negotiat|dialogue|summit|meeting)", re.I)
_ASSIST = re.compile(r"\b(help|aid|assist|support|provide|supply)", re.I)
_CHANGE = re.compile(r"\b(reform|change|elections?|investigat|comply|adhere|cooperate|abide)", re.I)


def _demand_mode(about: str | None) -> str | None:
    if not about:
        return None
    for mode, rx in (("yield", _YIELD), ("meet", _MEET), ("assist", _ASSIST), ("change", _CHANGE)):
        if rx.search(about):
            return mode
    return None


FALSE_ADVERBS = {"falsely", "wrongly", "baselessly", "groundlessly", "unjustly", "wrongfully",
                 "unfairly", "maliciously"}
LEGAL_WORDS = {"jury", "court", "prosecutor", "judge", "tribunal", "police", "department"}
DOCUMENT_NOUNS = {"case", "indictment", "complaint", "lawsuit", "charge", "filing", "document",
                  "report", "statement", "warrant", "affidavit", "charge sheet"}
STOP_VERBS = {"stop", "cease", "end", "halt", "quit", "refrain", "desist"}


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


def _state_of_ent(tok: Token, ref: Reference) -> list[Actor]:
    """The state a demonym, capital or state name stands for ("an Indian proposal")."""
    if tok.ent_type_ not in ("DIP_DEMONYM", "DIP_STATE", "DIP_CAPITAL"):
        return []
    ent = _ent(tok)
    if ent is None:
        return []
    st = ref.state_actor(ent.ent_id_.partition(":")[2])
    return [st] if st else []


def _has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own or through the verb it is conjoined to."""
    cur = verb
    for _ in range(4):
        if _child(cur, SUBJ | PASS_SUBJ) is not None:
            return True
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        return False
    return False


def _ent(tok: Token) -> Span | None:
    """The entity span a token is in (``doc.ents`` builds new spans on every access)."""
    doc = tok.doc
    table = doc.user_data.get("diplograph_ents")
    if table is None:
        table = {}
        for e in doc.ents:
            for i in range(e.start, e.end):
                table[i] = e
        doc.user_data["diplograph_ents"] = table
    return table.get(tok.i)


def _is_pronoun(tok: Token) -> bool:
    return not tok.ent_type_ and (tok.pos_ in ("PRON", "DET") or tok.tag_ in ("PRP", "PRP$", "DT"))


def _child(tok: Token | None, deps: set[str] | str) -> Token | None:
    if tok is None:
        return None
    if isinstance(deps, str):
        deps = {deps}
    return next((c for c in tok.children if c.dep_ in deps), None)


def _prep(tok: Token | None, word: str) -> Token | None:
    if tok is None:
        return None
    return next((c for c in tok.children if c.dep_ in ("prep", "agent", "dative")
                 and c.lower_ == word), None)


def _prep_obj(tok: Token, words: tuple[str, ...]) -> Token | None:
    for w in words:
        p = _prep(tok, w)
        if p is not None:
            o = _child(p, {"pobj", "pcomp"})
            if o is not None:
                return o
    return None


def _conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _conjuncts_any(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts_any(c))
    return out


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and _child(tok, SUBJ) is None
        and _prep(tok, "by") is not None
    )


def _negated(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg", "det"))
               or (c.lower_ == "neither" and c.dep_ in ("preconj", "advmod", "det"))
               for c in cur.children):
            return True
        if cur.dep_ == "conj" and _child(cur, SUBJ) is None:
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in ("refuse", "decline", "fail"):
            return True
        break
    return False


def _future(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("plan", "intend", "threaten", "vow",
                                                            "decide", "prepare")
    )


def _conditional(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "unless":
                return True
        if cur.dep_ in ("xcomp", "conj"):
            cur = cur.head
            continue
        break
    return False


def _hypothetical(tok: Token) -> bool:
    """Acts under "if", "could", "might", or asked about, are not acts yet."""
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "must", "should")
           for c in tok.children):
        return True
    if tok.dep_ in ("acomp", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.head.children):
        return True
    if tok.dep_ in ("advcl", "ccomp") and any(m.lower_ in ("if", "unless", "whether")
                                              for m in tok.children if m.dep_ == "mark"):
        return True
    return _conditional(tok) and tok.pos_ in ("VERB",)


def _about_relations(tok: Token) -> bool:
    """Whether a verb like "suspend" or "cut" is about ties, aid, visits: a sanction."""
    heads = [c for c in tok.children if c.dep_ in OBJ | PASS_SUBJ]
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "on", "off"):
            heads.extend(c for c in p.children if c.dep_ == "pobj")
    for h in list(heads):
        of = _prep(h, "of")
        if of is not None:
            heads.extend(c for c in of.children if c.dep_ == "pobj")
    for h in heads:
        for t in (h, *_conjuncts(h), *(c for c in h.children if c.dep_ in ("compound", "amod"))):
            if t.lemma_.lower() in RELATION_NOUNS:
                return True
    return False


def _innermost(atts: list[Attribution], tok: Token) -> Attribution | None:
    best = None
    for a in atts:
        if tok.i in a.content and (best is None or len(a.content) < len(best.content)):
            best = a
    return best


def _side_key(a: Actor) -> str:
    return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.id


def _same_party(a: Actor, b: Actor) -> bool:
    if a.id == b.id:
        return True
    state_like = ("State", "GovernmentBody")
    return (a.kind in state_like and b.kind in state_like and a.country is not None
            and a.country == b.country)


def _same_side(src: Actor, reporter: Attribution | None) -> bool:
    if reporter is None or reporter.source is None:
        return False
    rs = reporter.source
    return src.id == rs.id or (src.country is not None and src.country == rs.country)


def _inside_statement_before_question(tok: Token) -> bool:
    """In a journalist's question, a reported act in its own declarative clause still counts."""
    sent = tok.sent
    return any(t.text == "?" for t in sent) and tok.sent.root.i != tok.i and tok.dep_ in (
        "ccomp",) and tok.tag_ in ("VBD", "VBN")


def _quote_open_after(text: str, was_open: bool) -> bool:
    n = text.count('"') + text.count("“") + text.count("”")
    return was_open ^ (n % 2 == 1)


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def _about_text(tok: Token, trigger: Token) -> str | None:
    if tok.ent_type_ in ("DATE", "TIME") and tok.i != trigger.i:
        return None  # "on Monday" says when, not what about
    toks = [t for t in tok.subtree if t.i != trigger.i]
    if not toks:
        return None
    start, end = toks[0].i, toks[-1].i + 1
    end = min(end, start + 16)
    span = tok.doc[start:end]
    text = span.text.strip(" ,.;:\"'“”‘’")
    return text or None


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
        for e in doc.ents:
            if e.label_ in ("PERSON", "DIP_PERSON") and len(e) >= 2:
                full = " ".join(t.text for t in e if t.text[:1].isupper() and t.is_alpha)
                if " " in full:
                    for part in full.split()[1:] + full.split()[:1]:
                        seen.setdefault(part.lower(), set()).add(full)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _np_body(root: Token) -> Span | None:
    """A government body named inside a person's noun phrase (a title)."""
    doc = root.doc
    left = root.left_edge.i
    for e in doc.ents:
        if e.label_ in ("DIP_BODY", "DIP_GBODY") and left <= e.start and e.end <= root.i + 1:
            return e
    return None


def _consolidate(events: list[Event]) -> list[Event]:
    """Document-level clean-up: unnamed groups charged are the named persons charged."""
    def side(a: Actor) -> str:
        return a.country if a.kind in ("State", "GovernmentBody") and a.country else a.id

    named = {(side(e.source), e.type) for e in events
             if e.type in ("CHARGE", "ARREST") and e.target and e.target.kind == "Person"}
    charged = {e.target.id for e in events if e.type in ("CHARGE", "ARREST") and e.target}
    chargers = {side(e.source) for e in events if e.type == "CHARGE"}
    out: list[Event] = []
    abouts: dict[str, list[str]] = {}
    involved: dict[str, list[Actor]] = {}
    for e in events:
        folded = (e.type in ("CHARGE", "ARREST") and e.target and e.target.kind == "Group"
                  and (side(e.source), e.type) in named) or (
            e.type == "ACCUSE" and e.target is not None and side(e.source) in chargers
            and (e.target.id in charged or e.target.kind == "Group"))
        if folded:
            # the unnamed group charged, or "they are accused of ...": the same charge,
            # which tells what the named persons are charged with
            if e.about:
                abouts.setdefault(side(e.source), []).append(e.about)
            involved.setdefault(side(e.source), []).extend(e.involved)
            continue
        out.append(e)
    for n, e in enumerate(out):
        if e.type == "ACCUSE" and e.target is not None and e.target.kind == "Person" \
                and side(e.source) in chargers and e.target.id not in charged:
            out[n] = e = replace(e, type="CHARGE", cameo="1121", plover="ACCUSE", mode="allege")
        if e.type == "CHARGE" and e.target is not None and e.target.kind == "Person":
            k = side(e.source)
            about = e.about or next(iter(abouts.get(k, [])), None)
            extra = tuple(a for a in dict.fromkeys(involved.get(k, [])) if a not in e.involved)
            if about != e.about or extra:
                out[n] = replace(e, about=about, involved=e.involved + extra)
    return out
