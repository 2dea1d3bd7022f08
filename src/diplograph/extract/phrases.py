"""Multi-word triggers of the lexicon ("lodge * protest", "call on"), found over lemmas.

spaCy's ``Matcher`` would do the same, but with a pattern of optional wildcards per
``*`` it walks every token through every pattern's states: on news text it took about
15 % of the rule time. Indexing the phrases by their first word and trying only those
at each token gives the same matches for a fraction of that.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: how many tokens a "*" in a phrase may stand for
GAP = 2


class PhraseIndex:
    """Phrases keyed by name; each is lemmas in order, "*" for up to two any tokens.

    A word of letters matches a token's lemma (lower-cased); any other word (a hyphen,
    "'s") matches the token's text, lower-cased.
    """

    def __init__(self, phrases: dict[str, str]) -> None:
        self._first: dict[str, list[tuple[str, list[str]]]] = {}
        for key, text in phrases.items():
            words = text.split()
            if not words or words[0] == "*":
                raise ValueError(f"a phrase must start with a word: {text!r}")
            self._first.setdefault(words[0], []).append((key, words))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every (key, start, end) match in the doc, overlapping ones included."""
        lemmas = [t.lemma_.lower() for t in doc]
        lowers = [t.lower_ for t in doc]
        out: list[tuple[str, int, int]] = []
        for i in range(len(lemmas)):
            for first in {lemmas[i], lowers[i]}:
                for key, words in self._first.get(first, ()):
                    if _word_at(words[0], i, lemmas, lowers):
                        for end in sorted(set(_ends(words, 1, i + 1, lemmas, lowers))):
                            out.append((key, i, end))
        return out


def _word_at(word: str, i: int, lemmas: Sequence[str], lowers: Sequence[str]) -> bool:
    return (lemmas[i] == word) if word.isalpha() else (lowers[i] == word)


def _ends(words: list[str], k: int, pos: int, lemmas: Sequence[str],
          lowers: Sequence[str]) -> Iterator[int]:
    """Where the phrase can end if words[k:] start matching at pos."""
    if k == len(words):
        yield pos
        return
    word = words[k]
    if word == "*":
        for skip in range(GAP + 1):
            if pos + skip <= len(lemmas):
                yield from _ends(words, k + 1, pos + skip, lemmas, lowers)
        return
    if pos < len(lemmas) and _word_at(word, pos, lemmas, lowers):
        yield from _ends(words, k + 1, pos + 1, lemmas, lowers)
