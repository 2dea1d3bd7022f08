"""Triggers: the words that carry an act (lexicon verbs, nouns, adjectives and phrases,
and a few constructions keyed on a word), and which of them only spell out another act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.codes import (
    CONTAINERS,
    EXPEL_ENTRY,
)
from diplograph.extract.context import Trigger
from diplograph.extract.syntax import (
    OBJ,
    SUBJ,
    child_of,
    prep_of,
)
from diplograph.extract.types import decided_act
from diplograph.extract.words import W

if TYPE_CHECKING:
    from spacy.tokens import Span

    from diplograph.extract.engine import Extractor


def triggers(self: Extractor, sent: Span) -> list[Trigger]:
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
    for tok in self.tokens(sent):
        if tok.i in covered:
            continue
        lemma = tok.lemma_.lower()
        if lemma not in gate and tok.lower_ not in gate:
            continue  # most words can start no trigger
        if lemma in W.order_verbs and tok.pos_ == "VERB" and any(
                c.lemma_.lower() in W.departures and (c.dep_ == "xcomp" or (
                    c.dep_ in ("advcl", "ccomp", "acl", "relcl") and
                    child_of(c, {"aux"}) is not None))
                for c in tok.subtree) and \
                child_of(tok, OBJ) is not None:
            found[tok.i] = Trigger(tok, EXPEL_ENTRY, tok.i + 1)
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
        if lemma in W.blame_verbs and self._blame_entry and any(
                c.dep_ in OBJ and c.lemma_.lower() == "blame" for c in tok.children):
            found[tok.i] = Trigger(tok, self._blame_entry, tok.i + 1)  # "put the blame on"
            continue
        if lemma == "tell" and tok.pos_ == "VERB" and self._urge_entry and \
                child_of(tok, OBJ) is not None and any(
                    c.dep_ == "xcomp" and child_of(c, {"aux"}) is not None for c in tok.children):
            found[tok.i] = Trigger(tok, self._urge_entry, tok.i + 1)  # "told X to stop"
            continue
        if lemma == "strip" and tok.pos_ == "VERB" and any(
                t.lemma_.lower() in ("accreditation", "credential") and t.dep_ == "pobj"
                and t.head.lower_ == "of" for t in tok.subtree):
            found[tok.i] = Trigger(tok, EXPEL_ENTRY, tok.i + 1)  # "stripped X of accreditation"
            continue
        if lemma == "declare" and tok.pos_ == "VERB" and child_of(tok, OBJ) is not None and any(
                t.lower_ == "grata" for t in tok.subtree):
            found[tok.i] = Trigger(tok, EXPEL_ENTRY, tok.i + 1)  # "declared X persona non grata"
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
        elif tok.pos_ == "NOUN" and lemma in W.joint_activities and self._joint_entry and any(
                t.lower_ in ("joint", "combined") for t in tok.subtree if t.i < tok.i):
            # "joint maritime and air patrols": however many modifiers come between
            found[tok.i] = Trigger(tok, self._joint_entry, tok.i + 1)
        elif tok.pos_ in ("ADJ", "VERB") and lemma in self.adjs:
            found[tok.i] = Trigger(tok, self.adjs[lemma], tok.i + 1)
        elif tok.pos_ == "ADJ" and lemma in ("opposed",):
            found[tok.i] = Trigger(tok, self.verbs["oppose"][0], tok.i + 1)
    return [found[i] for i in sorted(found)]


def subsumed(self: Extractor, trig: Trigger, index: dict[int, Trigger]) -> bool:
    """A trigger that only spells out what another act is about is not an act."""
    tok = trig.tok
    if trig.entry.role == "false":
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
            if other.entry.type == "AGREE" and other.entry.lemma in W.deciding and \
                    decided_act(tok, self.verbs):
                return False  # "EU leaders agreed to bar Belarusian airlines": the ban
            if other.entry.role in ("act", "smear"):
                return True
    return False
