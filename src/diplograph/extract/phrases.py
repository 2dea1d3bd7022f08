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

    A word of letters matches a token's lemma; any other word (a hyphen, "'s") matches
    the token's text, lower-cased: as ``{"LEMMA": w}`` and ``{"LOWER": w}`` would in a
    spaCy pattern. Words are compared as string hashes read in one go with
    ``Doc.to_array``, so no Token object is made.
    """

    def __init__(self, phrases: dict[str, str]) -> None:
        from spacy.strings import hash_string  # type: ignore[attr-defined]

        self._first: dict[int, list[tuple[str, list[tuple[int, int]]]]] = {}
        for key, text in phrases.items():
            words = text.split()
            if not words or words[0] == "*":
                raise ValueError(f"a phrase must start with a word: {text!r}")
            # (column, hash): column 0 compares lemmas, 1 lower-cased text, -1 is a gap
            coded = [(-1, 0) if w == "*" else (0 if w.isalpha() else 1, hash_string(w))
                     for w in words]
            self._first.setdefault(coded[0][1], []).append((key, coded))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every (key, start, end) match in the doc, overlapping ones included."""
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return []
        arr = doc.to_array([LEMMA, LOWER])
        cols = (arr[:, 0].tolist(), arr[:, 1].tolist())
        out: list[tuple[str, int, int]] = []
        first = self._first
        for i, (lemma, lower) in enumerate(zip(cols[0], cols[1], strict=True)):
            for h in (lemma, lower) if lemma != lower else (lemma,):
                for key, words in first.get(h, ()):
                    col, want = words[0]
                    if cols[col][i] == want:
                        for end in sorted(set(_ends(words, 1, i + 1, cols))):
                            out.append((key, i, end))
        return out


def _ends(words: list[tuple[int, int]], k: int, pos: int,
          cols: tuple[Sequence[int], Sequence[int]]) -> Iterator[int]:
    """Where the phrase can end if words[k:] start matching at pos."""
    if k == len(words):
        yield pos
        return
    col, want = words[k]
    n = len(cols[0])
    if col < 0:
        for skip in range(GAP + 1):
            if pos + skip <= n:
                yield from _ends(words, k + 1, pos + skip, cols)
        return
    if pos < n and cols[col][pos] == want:
        yield from _ends(words, k + 1, pos + 1, cols)
