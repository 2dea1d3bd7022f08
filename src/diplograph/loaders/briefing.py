"""Press-briefing transcripts: the question-and-answer pages foreign
ministries publish.

A transcript is recognised by its title, "Foreign Ministry Spokesperson
Hua Chunying's Regular Press Conference on December 21, 2018" (also "Press
Briefing", "Regular Press Conference of ... on ..."), followed by turns
that start with a marker: ``Q:`` / ``A:`` (or ``Question:`` / ``Answer:``),
or the spokesperson's own name (``Hua Chunying:``), in which case any other
short label (``Reuters:``) marks a question. It is recognised whether it
arrives as text or as an HTML page.

The result is an ordinary :class:`~diplograph.model.Article` whose text is
the transcript as published (title first, markers kept), plus:

- ``speaker``: the spokesperson named in the title, who speaks every answer;
- ``speaker_role``: the title words before the name ("Foreign Ministry
  Spokesperson"), which say on whose behalf the answers are given;
- ``segments``: ``(start, end, role)`` for each turn, ``role`` being
  ``"question"`` or ``"answer"``; offsets index ``Article.text`` and span the
  whole turn from its marker (``Q:``), continuation paragraphs included, so
  that the first sentence of a turn starts inside its segment;
- ``date``: the date in the title, whatever else the page says.

The title is the last title-shaped line before the first turn, so links to
other briefings (a "Previous:" link, a sidebar) never name the speaker.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diplograph.loaders.dates import find_date
from diplograph.loaders.text import front_matter, is_prose, normalize
from diplograph.model import Article

_ROLE = r"(?P<role>(?:(?:[A-Z][\w.'’-]*|of|for|the|and|on)\s+){0,8}?Spokes(?:person|woman|man))"
_NAME = r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)"
_EVENT = (r"(?:Regular\s+|Daily\s+|Weekly\s+)?(?:Press\s+Conference|Press\s+Briefing|"
          r"News\s+Conference|News\s+Briefing|Media\s+Briefing|Briefing)")
_DATE = r"(?P<date>[^\n]{6,40}?)"
TITLES = (
    re.compile(rf"^{_ROLE}\s+{_NAME}['’]s\s+{_EVENT}\s+on\s+{_DATE}\.?$"),
    re.compile(rf"^{_EVENT}\s+(?:of|by|with)\s+{_ROLE}\s+{_NAME}\s+on\s+{_DATE}\.?$"),
)
_QUESTION = re.compile(r"^(?:Q|Question|Journalist|Reporter)\s*[:：]\s*")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:：]\s*")
_LABEL = re.compile(r"^(?P<label>[A-Z][\w&.'’ -]{0,40}?)\s*[:：]\s*")
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s*$")


@dataclass(frozen=True)
class Title:
    text: str
    speaker: str
    role: str
    date_text: str


def match_title(line: str) -> Title | None:
    """The spokesperson, role and date a briefing title names, or None."""
    line = " ".join(line.split())
    for rx in TITLES:
        m = rx.match(line)
        if m and re.search(r"\d", m.group("date")):
            return Title(line, m.group("name"), " ".join(m.group("role").split()),
                         m.group("date"))
    return None


def _is_speaker(label: str, speaker: str) -> bool:
    return label in (speaker, speaker.split()[-1]) or label.endswith(" " + speaker)


def _marker(par: str, speaker: str, named: bool) -> tuple[str, int] | None:
    """(role, length of the marker) when ``par`` starts a turn.

    ``named``: the answers are marked with the spokesperson's name, so another
    short label before a question ("Reuters:") marks a question.
    """
    for rx, role in ((_QUESTION, "question"), (_ANSWER, "answer")):
        m = rx.match(par)
        if m:
            return role, m.end()
    m = _LABEL.match(par)
    if m:
        label = m.group("label").strip()
        if _is_speaker(label, speaker):
            return "answer", m.end()
        if named and len(label.split()) <= 4 and is_prose(par[m.end():]):
            return "question", m.end()
    return None


def _named(paras: Sequence[str], speaker: str) -> bool:
    return any((m := _LABEL.match(p)) is not None and _is_speaker(m.group("label").strip(), speaker)
               for p in paras)


def _find_title(paras: Sequence[str],
                headline: str | None) -> tuple[int, Title, bool, int] | None:
    """(index, title, named markers?, first turn) of the title that heads the turns."""
    titles = [(i, t) for i, p in enumerate(paras) if (t := match_title(p))]
    head = match_title(headline) if headline else None
    if head:
        titles.insert(0, (-1, head))
    for n, (at, title) in enumerate(titles):
        named = _named(paras[at + 1 :], title.speaker)
        first = next((i for i in range(at + 1, len(paras))
                      if _marker(paras[i], title.speaker, named)), None)
        if first is None:
            continue
        if n + 1 < len(titles) and titles[n + 1][0] < first:
            continue  # a later title sits closer to the turns: this one links elsewhere
        return at, title, named, first
    return None


def briefing_article(paragraphs: Sequence[str], doc_id: str, source: str | None, *,
                     headline: str | None = None, publisher: str | None = None,
                     url: str | None = None, day_first: bool | None = None) -> Article | None:
    """The transcript Article of these paragraphs, or None when they are not one."""
    paras = [" ".join(p.split()) for p in paragraphs if p.strip()]
    found = _find_title(paras, headline)
    if found is None:
        return None
    title_at, title, named, first_turn = found
    speaker = title.speaker
    marks = [_marker(p, speaker, named) if i >= first_turn else None
             for i, p in enumerate(paras)]
    last_turn = max(i for i, m in enumerate(marks) if m)
    # prose between the title and the first turn stays, unsegmented; chrome goes
    kept: list[tuple[str, tuple[str, int] | None]] = [
        (p, None) for p in paras[title_at + 1 : first_turn] if is_prose(p)]
    for i in range(first_turn, len(paras)):
        if i > last_turn and not is_prose(paras[i]):
            break  # the transcript has ended: links, "Print | Close", footers
        kept.append((paras[i], marks[i]))
    if {m[0] for _, m in kept if m} != {"question", "answer"}:
        return None
    text = title.text
    segments: list[tuple[int, int, str]] = []
    for p, mark in kept:
        text += "\n\n"
        start = len(text)
        text += p
        if mark:
            segments.append((start, len(text), mark[0]))
        elif segments and start > segments[-1][0]:
            s, _, role = segments[-1]  # a continuation paragraph of the same turn
            segments[-1] = (s, len(text), role)
    return Article(
        id=doc_id, text=text, headline=title.text,
        date=find_date(title.date_text, day_first), publisher=publisher, author=None, url=url,
        source=source, headline_in_text=True, speaker=speaker, speaker_role=title.role,
        segments=tuple(seg for seg in segments if seg[1] > seg[0]))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a transcript saved as text: blank-line blocks, cut again where a
    line starts a turn, holds a title, or follows a line that ends a sentence
    (hard-wrapped lines are joined)."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        group: list[str] = []
        for line in (ln.strip() for ln in block.split("\n")):
            if not line:
                continue
            starts = (not group or _QUESTION.match(line) or _ANSWER.match(line)
                      or _LABEL.match(line) or match_title(line)
                      or match_title(group[-1]) or _SENT_END.search(group[-1]))
            if starts and group:
                out.append(" ".join(group))
                group = []
            group.append(line)
        if group:
            out.append(" ".join(group))
    return out


_QUICK = re.compile(r"Spokes(?:person|woman|man)\s+[A-Z][^\n]{1,60}(?:Press|News|Media|Briefing)")


def parse_briefing_text(text: str, doc_id: str, source: str | None = None,
                        day_first: bool | None = None) -> Article | None:
    """The transcript Article of a text, or None when it is not a transcript."""
    text = normalize(text)
    meta, body = front_matter(text)  # a Title:/Date:/... header, as plain text may have
    headline = meta.get("headline")
    if not _QUICK.search(f"{headline or ''}\n{body[:50_000]}"):
        return None
    article = briefing_article(_paragraphs(body), meta.get("id") or doc_id, source,
                               headline=headline, publisher=meta.get("publisher"),
                               url=meta.get("url"), day_first=day_first)
    if article is None or not meta:
        return article
    date = article.date or (find_date(meta["date"], day_first) if meta.get("date") else None)
    return dataclasses.replace(article, date=date, author=meta.get("author"))


def parse_briefing_html(html: str, doc_id: str, source: str, url: str | None = None,
                        day_first: bool | None = None) -> Article | None:
    """The transcript Article of an HTML page, or None when it is not a transcript."""
    from diplograph.loaders.html import read_page

    page = read_page(html, source, url, day_first)
    return briefing_article(page.paragraphs, doc_id, source, headline=page.meta.headline,
                            publisher=page.meta.publisher, url=page.meta.url,
                            day_first=day_first)
