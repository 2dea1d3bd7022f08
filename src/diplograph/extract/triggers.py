"""Triggers: the words that carry an act (lexicon verbs, nouns, adjectives and phrases,
and a few constructions keyed on a word), and which of them only spell out another act.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.extract.codes import (
    CONTAINERS,
    EXPEL_ENTRY,
)
from diplograph.extract.context import Trigger
from diplograph.extract.lexicon import ACT, FALSE, SMEAR, WRONG, Lexicon
from diplograph.extract.syntax import (
    OBJ,
    SUBJ,
    child_of,
    prep_of,
)
from diplograph.extract.types import decided_act
from diplograph.extract.words import W
from diplograph.schema.reference import LexEntry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.extract.engine import Extractor


@dataclass(frozen=True)
class TriggerRule:
    """A way a single word starts a trigger: the words that can start it (lemma or form),
    and what it finds at a token (the lexicon row it carries), if anything."""

    name: str
    starts: Callable[[Lexicon], frozenset[str]]
    find: Callable[[Lexicon, Token], LexEntry | None]


#: the single-word trigger rules, tried in this order; the first that finds wins
TRIGGER_RULES: list[TriggerRule] = []


def trigger_rule(starts: str | Callable[[Lexicon], frozenset[str]]
                 ) -> Callable[[Callable[[Lexicon, Token], LexEntry | None]],
                               Callable[[Lexicon, Token], LexEntry | None]]:
    """Register a rule; ``starts`` names a word set of wordsets.tsv, or reads the lexicon."""
    def register(fn: Callable[[Lexicon, Token], LexEntry | None]
                 ) -> Callable[[Lexicon, Token], LexEntry | None]:
        words = starts if callable(starts) else (lambda _lex: getattr(W, starts))
        TRIGGER_RULES.append(TriggerRule(fn.__name__, words, fn))
        return fn
    return register


def start_words(lex: Lexicon) -> frozenset[str]:
    """Every word that can start a single-word trigger (phrases come from the index)."""
    return frozenset().union(*(rule.starts(lex) for rule in TRIGGER_RULES))


def triggers(self: Extractor, sent: Span) -> list[Trigger]:
    """The triggers of a sentence, in text order: the longest lexicon phrases first, then
    the single-word rules on the words no phrase covers."""
    doc = sent.doc
    found: dict[int, Trigger] = {}
    all_matches = doc.user_data.get("diplograph_phrases")
    if all_matches is None:
        all_matches = self.lex.matcher(doc)
        doc.user_data["diplograph_phrases"] = all_matches
    spans = sorted(((s, e, self.lex.phrases[key]) for key, s, e in all_matches
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
    gate = self.trigger_words
    for tok in self.tokens(sent):
        if tok.i in covered or (tok.lemma_.lower() not in gate and tok.lower_ not in gate):
            continue  # most words can start no trigger
        for rule in TRIGGER_RULES:
            found_entry = rule.find(self.lex, tok)
            if found_entry is not None:
                found[tok.i] = Trigger(tok, found_entry, tok.i + 1)
                break
    return [found[i] for i in sorted(found)]


# ------------------------------------------------------- the single-word rules, in order


@trigger_rule("order_verbs")
def ordered_to_leave(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "ordered X to leave", "gave X 48 hours to leave": an expulsion."""
    if tok.lemma_.lower() in W.order_verbs and tok.pos_ == "VERB" and any(
            c.lemma_.lower() in W.departures and (c.dep_ == "xcomp" or (
                c.dep_ in ("advcl", "ccomp", "acl", "relcl") and child_of(c, {"aux"}) is not None))
            for c in tok.subtree) and child_of(tok, OBJ) is not None:
        return EXPEL_ENTRY
    return None


@trigger_rule("holding_verbs")
def held_responsible(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "held the occupation authorities responsible", however long the object."""
    if tok.lemma_.lower() in W.holding_verbs and any(
            g.lemma_.lower() in W.responsibility
            for c in tok.children if c.dep_ in (*OBJ, "oprd", "ccomp", "xcomp")
            for g in (c, *c.children) if g.dep_ in ("amod", "oprd", "acomp", "xcomp", "dobj",
                                                     "ccomp")):
        return lex.entry("held_responsible")
    return None


@trigger_rule(lambda lex: frozenset(lex.adjs))
def dismissed_as(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "dismissed as fabricated the US charges": the adjective is the judgement."""
    if tok.lower_ in lex.adjs and tok.dep_ == "advcl" and any(
            m.lower_ == "as" for m in tok.children if m.dep_ == "mark"):
        return lex.adjs[tok.lower_]
    return None


@trigger_rule("blame_verbs")
def blame_put(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "put the blame on X"."""
    if tok.lemma_.lower() in W.blame_verbs and any(
            c.dep_ in OBJ and c.lemma_.lower() in W.blame_nouns for c in tok.children):
        return lex.entry("put_blame")
    return None


@trigger_rule("telling_verbs")
def told_to(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "told X to stop": a demand."""
    if tok.lemma_.lower() in W.telling_verbs and tok.pos_ == "VERB" and \
            child_of(tok, OBJ) is not None and any(
                c.dep_ == "xcomp" and child_of(c, {"aux"}) is not None for c in tok.children):
        return lex.entry("told_to")
    return None


@trigger_rule("stripping_verbs")
def stripped_of_accreditation(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "stripped X of his accreditation": an expulsion."""
    if tok.lemma_.lower() in W.stripping_verbs and tok.pos_ == "VERB" and any(
            t.lemma_.lower() in W.credentials and t.dep_ == "pobj" and t.head.lower_ == "of"
            for t in tok.subtree):
        return EXPEL_ENTRY
    return None


@trigger_rule("declaring_verbs")
def declared_unwelcome(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "declared X persona non grata": an expulsion."""
    if tok.lemma_.lower() in W.declaring_verbs and tok.pos_ == "VERB" and \
            child_of(tok, OBJ) is not None and any(t.lower_ in W.unwelcome for t in tok.subtree):
        return EXPEL_ENTRY
    return None


@trigger_rule(lambda lex: frozenset(lex.adjs))
def called_something(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "called the charges fabricated": the participle is the judgement."""
    if tok.dep_ == "oprd" and tok.lower_ in lex.adjs:
        return lex.adjs[tok.lower_]
    return None


@trigger_rule(lambda lex: lex.particle_verbs)
def phrasal_verb(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "called last week for": a phrasal verb of the lexicon, with words between."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex.particle_verbs:
        return None
    return next((lex.verb_preps[(lemma, c.lower_)] for c in tok.children
                 if c.dep_ in ("prep", "prt") and (lemma, c.lower_) in lex.verb_preps
                 and c.i > tok.i + 1), None)


@trigger_rule(lambda lex: lex.object_verbs)
def verb_and_object(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "imposed a 30% 'security tariff'", "sanctions were imposed": a lexicon phrase of a
    verb and its object, with the object's head anywhere in its phrase."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex.object_verbs:
        return None
    return next((lex.verb_objects[(lemma, c.lemma_.lower())] for c in tok.children
                 if c.dep_ in (*OBJ, "nsubjpass") and (lemma, c.lemma_.lower()) in lex.verb_objects),
                None)


@trigger_rule(lambda lex: frozenset(lex.verbs))
def lexicon_verb(lex: Lexicon, tok: Token) -> LexEntry | None:
    if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBN" and tok.pos_ == "ADJ"):
        entries = lex.verbs.get(tok.lemma_.lower())
        if entries:
            return entries[0]
    return None


@trigger_rule(lambda lex: frozenset(lex.nouns))
def lexicon_noun(lex: Lexicon, tok: Token) -> LexEntry | None:
    return lex.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None


@trigger_rule("joint_activities")
def joint_activity(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "joint maritime and air patrols": however many modifiers come between."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in W.joint_activities and any(
            t.lower_ in W.joint_markers for t in tok.subtree if t.i < tok.i):
        return lex.entry("joint_activity")
    return None


@trigger_rule(lambda lex: frozenset(lex.adjs))
def lexicon_adjective(lex: Lexicon, tok: Token) -> LexEntry | None:
    return lex.adjs.get(tok.lemma_.lower()) if tok.pos_ in ("ADJ", "VERB") else None


@trigger_rule("opposed_adjectives")
def opposed(lex: Lexicon, tok: Token) -> LexEntry | None:
    """ "is opposed to": the verb "oppose"."""
    if tok.pos_ == "ADJ" and tok.lemma_.lower() in W.opposed_adjectives:
        return lex.entry("opposed_to")
    return None


def subsumed(self: Extractor, trig: Trigger, index: dict[int, Trigger]) -> bool:
    """A trigger that only spells out what another act is about is not an act."""
    tok = trig.tok
    if trig.entry.role == FALSE:
        return False
    if tok.pos_ == "NOUN" and any(
        c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_.startswith("DIP_")
        and c.ent_type_ != "DIP_GBODY" for c in tok.children
    ):
        return False  # "dismissed the US indictment": the indictment is the US's act
    if tok.pos_ == "NOUN" and prep_of(tok, "by") is not None:
        return False  # "condemned the jailing of X by a Moscow court"
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                  for c in tok.children):
        return False  # "protested over its ban on seafood": the ban is the other side's
    wrong = trig.entry.role in (WRONG, SMEAR)
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
        if dep == "conj" and cur.tag_ == "VB" and child_of(cur, SUBJ) is None:
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
            if other.entry.type == "AGREE" and other.entry.lemma in W.deciding_verbs and \
                    decided_act(tok, self.lex.verbs):
                return False  # "EU leaders agreed to bar Belarusian airlines": the ban
            if other.entry.role in (ACT, SMEAR):
                return True
    return False
