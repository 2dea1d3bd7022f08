"""Rules-only extraction, for when no English model is installed.

Without a parser there are no subjects or objects, so this works like the
dictionary coders: in each sentence it finds the trigger words (every
inflected form of the lexicon's verbs and nouns) and the actors the
EntityRuler marked, then takes the nearest actor before the trigger as the
source and the nearest after it as the target. A sentence attributed with
"..., X said" speaks for X. It is less accurate than the parse-based rules,
and says so on stderr when it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from diplograph.model import Actor
from diplograph.schema.reference import LexEntry, Reference

if TYPE_CHECKING:
    from spacy.tokens import Span

NEGATIONS = {"not", "never", "no", "n't", "neither", "nor"}
HEDGES = {"could", "might", "may", "if", "whether", "unless"}
SAY_TAIL = re.compile(r",\s*(?:the\s+)?[\w .'-]{2,60}\s+(?:said|says|told|added|stated)\b", re.I)


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb or noun lemma (enough for a fallback)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


class LinearCoder:
    """Trigger and actor matching by position within a sentence."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.forms: dict[str, LexEntry] = {}
        for e in ref.lexicon:
            if e.type is None or e.pos not in ("VERB", "NOUN") or e.role != "act":
                continue
            for f in inflections(e.lemma):
                self.forms.setdefault(f, e)

    def actor_of(self, ent: Span) -> Actor | None:
        kind, _, key = ent.ent_id_.partition(":")
        if kind in ("state", "capital") or (kind == "demonym" and ent.root.tag_ != "JJ"):
            return self.ref.state_actor(key)
        if kind == "igo":
            return self.ref.igos.get(key)
        if kind == "body":
            return self.ref.body_actor(key, None)
        if kind == "official":
            off = next((o for o in self.ref.officials if o.id == key), None)
            if off and off.country:
                return self.ref.state_actor(off.country)
        return None

    def sentence(self, sent: Span) -> Iterator[tuple[LexEntry, Actor, Actor | None, int]]:
        """(entry, source, target, trigger index) for each act found."""
        actors: list[tuple[int, Actor]] = []
        for ent in sent.ents:
            a = self.actor_of(ent)
            if a is not None:
                actors.append((ent.start, a))
        if not actors:
            return
        speaker = None
        m = SAY_TAIL.search(sent.text)
        if m:
            tail_start = sent.start_char + m.start()
            said = [a for i, a in actors if sent.doc[i].idx >= tail_start]
            speaker = said[0] if said else None
        words = [t.lower_ for t in sent]
        for tok in sent:
            entry = self.forms.get(tok.lower_)
            if entry is None:
                continue
            window = set(words[max(0, tok.i - sent.start - 3) : tok.i - sent.start])
            if window & (NEGATIONS | HEDGES):
                continue
            before = [a for i, a in actors if i < tok.i]
            after = [a for i, a in actors if i > tok.i and (speaker is None or a != speaker)]
            source = before[-1] if before else speaker
            if source is None:
                continue
            target = next((a for a in after if a.id != source.id), None)
            yield entry, source, target, tok.i
