"""The word sets the rules test, by name, from ``schema/wordsets.tsv``.

The rules name a class of words (``W.envoys``), never the words: to teach a rule a
new word, add it to its row there. ``M`` holds the sets that map each word to values
(``M.answerable["protest"] == ("PROTEST",)``).
"""

from __future__ import annotations

from diplograph.schema.reference import HERE, read_tsv, split

WORDSETS_PATH = HERE / "wordsets.tsv"


def _read() -> tuple[dict[str, frozenset[str]], dict[str, dict[str, tuple[str, ...]]]]:
    sets: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in read_tsv(WORDSETS_PATH):
        members = split(row["words"])
        if members and all(":" in m for m in members):
            maps[row["set"]] = {k.strip(): tuple(v.split()) for k, _, v in
                                (m.partition(":") for m in members)}
        else:
            sets[row["set"]] = frozenset(members)
    return sets, maps


class _Sets:
    def __init__(self, sets: dict[str, frozenset[str]]) -> None:
        self._sets = sets

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self._sets[name]
        except KeyError:
            raise AttributeError(f"no word set {name!r} in {WORDSETS_PATH.name}") from None


class _Maps:
    def __init__(self, maps: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self._maps = maps

    def __getattr__(self, name: str) -> dict[str, tuple[str, ...]]:
        try:
            return self._maps[name]
        except KeyError:
            raise AttributeError(f"no word map {name!r} in {WORDSETS_PATH.name}") from None


_SETS, _MAPS = _read()
#: the word sets, by name
W = _Sets(_SETS)
#: the word maps, by name
M = _Maps(_MAPS)
NAMES = frozenset(_SETS) | frozenset(_MAPS)
