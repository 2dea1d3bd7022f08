"""The plain values that flow through the pipeline.

``source --loaders--> Article --extract--> Event --graph--> RDF``

Loaders produce :class:`Article`; the extractor produces :class:`Event`, each
with :class:`Actor` values. All three are frozen dataclasses so that a stage
can never change what an earlier stage handed it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class EventType:
    """One row of ``schema/event_types.tsv``: a type and everything derived from it."""

    type: str
    rdf_class: str  # dip:Accusation
    shortcut: str  # dip:accuses, source to target
    verb: str  # "accuses": the event's label is "SOURCE VERB TARGET"
    family: str  # the scoring family of events.md
    cameo: str  # the codes when the words give none finer
    plover: str | None
    mode: str | None
    color: str  # the page's edge colour
    dashed: bool  # and whether the edge is dashed (verbal conflict)
    needs_target: bool  # an event of this type with no target named is dropped
    holds_acts: bool  # its content can be another act, which is then no act of its own
    decided: bool  # "agreed to ..." this act: the act is the event, not the agreement


def _read_event_types() -> dict[str, EventType]:
    path = Path(__file__).parent / "schema" / "event_types.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if line.strip() and not line.startswith("#")),
                              delimiter="\t")
        return {r["type"]: EventType(r["type"], r["class"], r["shortcut"], r["verb"], r["family"],
                                     r["cameo"], r["plover"] or None, r["mode"] or None,
                                     r["color"], r["dashed"] == "yes", r["needs_target"] == "yes",
                                     r["holds_acts"] == "yes", r["decided"] == "yes")
                for r in rows}


#: The event types of events.md, read from ``schema/event_types.tsv``, in its order.
TYPES: dict[str, EventType] = _read_event_types()
EVENT_TYPES: tuple[str, ...] = tuple(TYPES)

_SURROGATE = re.compile("[\ud800-\udfff]")

ACTOR_KINDS: tuple[str, ...] = (
    "State",
    "GovernmentBody",
    "IGO",
    "Person",
    "Company",
    "Organization",
    "Group",
)


@dataclass(frozen=True)
class Article:
    """One article: cleaned text plus the metadata its source gave."""

    id: str
    text: str
    headline: str | None = None
    date: str | None = None  # ISO 8601 date, never guessed
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    source: str | None = None  # the file or URL it was read from
    headline_in_text: bool = False  # True when text starts with the headline paragraph
    # Transcripts (press briefings): who answers, and which spans are turns.
    speaker: str | None = None  # the person every "answer" segment is spoken by
    speaker_role: str | None = None  # their title as the source gives it
    # (start, end, role) offsets into ``text``; role is "question" or "answer"
    segments: tuple[tuple[int, int, str], ...] = ()

    def __post_init__(self) -> None:
        # Lone surrogates (JSON escapes can carry them) cannot be written as UTF-8, and one
        # would fail a whole store update: every Article holds U+FFFD in their place, which
        # keeps every offset. This is the one place they are replaced.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and _SURROGATE.search(value):
                object.__setattr__(self, f.name, _SURROGATE.sub("\ufffd", value))

    @property
    def content_hash(self) -> str:
        """A hash of everything that ends up in the article's graph."""
        h = hashlib.sha256()
        for value in (self.id, self.text, self.headline, self.date, self.publisher,
                      self.author, self.url):
            h.update((value or "").encode("utf-8"))
            h.update(b"\x00")
        if self.speaker or self.segments:  # transcripts only: other hashes stay as they were
            h.update(f"{self.speaker}\x00{self.speaker_role}\x00{self.segments!r}".encode())
        return h.hexdigest()

    def segment_at(self, offset: int) -> str | None:
        """The role of the segment holding ``offset`` ("question", "answer"), or None."""
        for start, end, role in self.segments:
            if start <= offset < end:
                return role
        return None


@dataclass(frozen=True)
class Actor:
    """A party that acts or is acted upon."""

    id: str
    label: str
    kind: str
    country: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "country": self.country,
            "wikidata": self.wikidata,
        }

    @property
    def key(self) -> str:
        """The scoring key of events.md section 6."""
        if self.kind in ("State", "GovernmentBody") and self.country:
            return self.country
        return self.label.lower()


@dataclass(frozen=True)
class Event:
    """One act by one party, found in one sentence of one article."""

    doc: str
    type: str
    source: Actor
    target: Actor | None
    speaker: Actor | None
    sentence: str
    start: int
    end: int
    plover: str | None = None
    mode: str | None = None
    cameo: str | None = None
    about: str | None = None
    date: str | None = None
    confidence: float = 0.5
    trigger: str | None = None  # the words that carry the act, as in the text
    trigger_start: int | None = None  # offset of the trigger in the article text
    involved: tuple[Actor, ...] = field(default=())  # other parties the act is about
    answers: str | None = None  # for DENY: the type of act it answers, when known
    note: str | None = None  # how the text was read, when it matters (a sentence cut short)
    iri: str | None = field(default=None, compare=False)  # set when read back from a store

    @property
    def identity(self) -> tuple[str, ...]:
        """What makes two events one: the same act by the same party on the same target,
        from the same trigger of the same sentence, about the same thing. The store names
        an event by this (two events with one identity are one event there)."""
        return (self.doc, self.type, self.source.id, self.target.id if self.target else "",
                str(self.start), str(self.trigger_start), self.about or "")

    def to_json(self) -> dict[str, Any]:
        """The JSON Lines record of events.md section 5."""
        out = asdict(self)
        out["source"] = self.source.to_json()
        out["target"] = self.target.to_json() if self.target else None
        out["speaker"] = self.speaker.to_json() if self.speaker else None
        out["involved"] = [a.to_json() for a in self.involved]
        if self.iri is None:
            del out["iri"]
        return out
