"""The trigger lexicon (``schema/lexicon.tsv``), indexed the ways the rules look it up.

Verbs by lemma, nouns, adjectives and judgement words (``EVAL``) by word, multi-word
phrases in a :class:`~diplograph.extract.phrases.PhraseIndex`, the verbs of saying, and
the phrasal verbs that a particle makes ("call on"). A few constructions turn into a
particular lexicon row ("held X responsible" carries the row of "hold * responsible"):
which row is data too, the ``construction_entries`` map of ``schema/wordsets.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterable

from diplograph.extract.phrases import PhraseIndex
from diplograph.extract.syntax import VERB_PARTICLES
from diplograph.extract.words import M, W
from diplograph.schema.reference import LexEntry

#: the lexicon's roles (its ``role`` column): what a row's word does in a sentence
SAY, ACT, WRONG, SMEAR, FALSE, SUFFER = "say", "act", "wrong", "smear", "false", "suffer"


class Lexicon:
    """The lexicon rows, indexed."""

    def __init__(self, rows: Iterable[LexEntry]) -> None:
        self.verbs: dict[str, list[LexEntry]] = {}
        self.nouns: dict[str, LexEntry] = {}
        self.adjs: dict[str, LexEntry] = {}
        self.evals: dict[str, LexEntry] = {}
        self.say: set[str] = set()
        self.phrases: dict[str, LexEntry] = {}
        for e in rows:
            if e.role == SAY:
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
        self.matcher = PhraseIndex({key: e.lemma for key, e in self.phrases.items()})
        # "call on", "push for": also when words come between ("called last week for")
        self.verb_preps: dict[tuple[str, str], LexEntry] = {}
        for e in self.phrases.values():
            words = e.lemma.split()
            if len(words) == 2 and words[1] in VERB_PARTICLES:
                self.verb_preps.setdefault((words[0], words[1]), e)
        self.particle_verbs = frozenset(v for v, _ in self.verb_preps)
        # "impose * tariff": the verb and its object's head, however far apart ("imposed a
        # 30% 'security tariff'", "sanctions were imposed")
        self.verb_objects: dict[tuple[str, str], LexEntry] = {}
        for e in self.phrases.values():
            words = e.lemma.split()
            if len(words) in (2, 3) and (len(words) == 2 or words[1] == "*") and \
                    words[-1] not in VERB_PARTICLES and words[0] != "*":
                self.verb_objects.setdefault((words[0], words[-1]), e)
        self.object_verbs = frozenset(v for v, _ in self.verb_objects)

    def entry(self, construction: str) -> LexEntry | None:
        """The row a construction carries (``construction_entries`` in wordsets.tsv)."""
        lemma = " ".join(M.construction_entries.get(construction, ()))
        verbs = self.verbs.get(lemma)
        if verbs:
            return verbs[0]
        return next((e for e in self.phrases.values() if e.lemma == lemma), None)


def holds_to_account(entry: LexEntry) -> bool:
    """A row like "hold * responsible": holding someone to account, whatever the complement."""
    words = entry.lemma.split()
    return len(words) > 2 and words[0] in W.holding_verbs and words[1] == "*"
