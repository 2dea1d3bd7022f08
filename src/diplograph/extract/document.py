"""The document stage: how an article is laid out, before any sentence is read.

Read from the text alone:

- **datelines** ("ANKARA, March 3 (Agency) — ", "WASHINGTON — "): a place and a
  date, not the subject of the lead sentence, so the parser never sees them;
- **transcript turns** ("Q:", "QUESTION:", "MS BRUCE:", "Official Spokesperson:"):
  in a text with several labelled turns, each label says who has the floor; labels
  are kept out of the parse, questions are no acts of the journalist, and answers are
  said by the spokesperson the title names;
- **the spokesperson** a briefing's title names ("Department Press Briefing —
  Spokesperson Tammy Bruce", "Noon briefing by Stéphane Dujarric, Spokesman for ...").

Who issues a statement ("Statement of the Ministry of Foreign Affairs of Poland on
...") needs the parse of the headline: :meth:`Extractor.issuer` finds it there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.words import W
from diplograph.model import Article

#: "ANKARA, March 3 (Agency) — ", "PRISTINA/BELGRADE, Oct 8 (Wire) — ", "WASHINGTON — "
DATELINE = re.compile(
    r"(?P<place>(?:THE\s+)?[A-Z][A-Z.'’-]{2,}(?:[ /-][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[—–-]{1,2}\s+")
#: a label that opens a turn: "Q:", "MS BRUCE:", "Maria Zakharova:", "Official Spokesperson:"
LABEL = re.compile(r"(?P<label>(?:(?:MRS?|MS|DR|Mrs?|Ms|Dr)\.?\s+)?"
                   r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*[:：]\s+")
_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*(?=\S)")


@dataclass(frozen=True)
class Turn:
    """A turn of a transcript: where its label is, what it says, whether it asks."""

    label_start: int
    label_end: int  # the turn's words start here
    end: int
    label: str
    question: bool


@dataclass(frozen=True)
class Layout:
    """What the document stage finds in an article's text."""

    datelines: tuple[tuple[int, int], ...] = ()
    turns: tuple[Turn, ...] = ()
    spokesperson: str | None = None  # the person who answers, as the title names them

    @property
    def skip(self) -> tuple[tuple[int, int], ...]:
        """Spans the parser does not read: datelines and turn labels."""
        return tuple(sorted([*self.datelines, *((t.label_start, t.label_end) for t in self.turns)]))

    def role_at(self, offset: int) -> str | None:
        """ "question" or "answer" for an offset inside a turn, else None."""
        for t in self.turns:
            if t.label_start <= offset < t.end:
                return "question" if t.question else "answer"
        return None

    def segments(self) -> tuple[tuple[int, int, str], ...]:
        return tuple((t.label_start, t.end, "question" if t.question else "answer")
                     for t in self.turns)


def _paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in _PARAGRAPH.finditer(text)]


def datelines(text: str) -> tuple[tuple[int, int], ...]:
    """The datelines at the start of the first paragraphs (a wire story has one)."""
    out = []
    for start in _paragraph_starts(text)[:3]:
        m = DATELINE.match(text, start)
        if m and m.group("place").replace("THE ", "").isupper():
            out.append((m.start(), m.end()))
    return tuple(out)


def _is_question_label(label: str) -> bool:
    return label.lower().rstrip(".") in W.question_labels


def turns(text: str, headline: str | None = None) -> tuple[tuple[Turn, ...], str | None]:
    """The turns of a transcript and the spokesperson who answers, or ((), None) when the
    text is no transcript: at least two labelled paragraphs, one of them a question."""
    found: list[tuple[int, int, str]] = []
    for start in _paragraph_starts(text):
        m = LABEL.match(text, start)
        if m and len(m.group("label").split()) <= 4:
            found.append((m.start(), m.end(), m.group("label")))
    labels = [label for _, _, label in found]
    if len(found) < 2 or not any(_is_question_label(x) for x in labels) or \
            all(_is_question_label(x) for x in labels):
        return (), None
    ends = [s for s, _, _ in found[1:]] + [len(text)]
    out = tuple(Turn(s, e, end, label, _is_question_label(label))
                for (s, e, label), end in zip(found, ends, strict=True))
    return out, spokesperson(headline or "", [t.label for t in out if not t.question])


_TITLED = re.compile(r"\b(?:Spokes(?:person|woman|man)|Press Secretary)\s+"
                     r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})")
_BY = re.compile(r"\bby\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}),\s+"
                 r"(?:the\s+)?(?:Official\s+)?Spokes(?:person|woman|man)")


def spokesperson(headline: str, answer_labels: list[str]) -> str | None:
    """The person who answers, as the title names them ("Spokesperson Tammy Bruce"), or as
    an answer label gives a full name."""
    for rx in (_TITLED, _BY):
        m = rx.search(headline)
        if m:
            return m.group("name").strip()
    for label in answer_labels:
        words = [w for w in label.split() if w.rstrip(".").lower() not in W.title_words]
        if len(words) >= 2 and not label.isupper():
            return " ".join(words)
    return None


def layout(article: Article) -> Layout:
    """The layout of an article's text (a loader's segments and speaker take precedence)."""
    text = article.text
    found, speaker = ((), None) if article.segments else turns(text, article.headline)
    return Layout(datelines(text), found, speaker)
