"""What the extractor carries while it reads one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplograph.model import Actor, Article
from diplograph.schema.reference import LexEntry, Reference

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    turn: Attribution | None = None  # who holds the floor in a transcript ("Hua Chunying: ...")
    recent: list[Actor] = field(default_factory=list)  # actors named, most recent last
    acts: list[Candidate] = field(default_factory=list)  # events found so far, in order
    noun_owners: dict[str, Actor] = field(default_factory=dict)  # "strike" -> whose strike
    last_joint: list[Actor] = field(default_factory=list)  # "X and Y agreed": then "they"
    full_names: dict[str, str] = field(default_factory=dict)  # "lam" -> "Carrie Lam"
    sentence_state: str | None = None  # the country of whoever speaks in this sentence
    states_named: set[str] = field(default_factory=set)  # every state the article names
    igos_named: set[str] = field(default_factory=set)  # every IGO the article names
    issuer: Actor | None = None  # who issues the statement or briefing the article is

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
