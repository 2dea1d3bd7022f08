"""Reads the actor reference data and the lexicon from the TSV files here.

Everything is read once per process and cached; the files are the single
source of truth, so an analyst adds a state alias or a verb by editing a
file, not code.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.model import Actor

HERE = Path(__file__).parent
#: the body of ``roles.tsv`` (and of an official) that is the state itself
STATE_ROLE = "state"
#: the generic body of ``bodies.tsv`` a spokesperson speaks for when nothing says otherwise
FOREIGN_MINISTRY = "foreign-ministry"


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file as dicts; ``#`` lines before the header are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#") and line.strip())
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def slug(text: str) -> str:
    """A stable, IRI-safe slug: ASCII, lower case, dashes."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text or "x"


@dataclass(frozen=True)
class State:
    iso3: str
    name: str
    official: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    wikidata: str | None

    @property
    def actor(self) -> Actor:
        names = tuple(dict.fromkeys((self.official, *self.aliases)))
        return Actor(id=self.iso3.lower(), label=self.name, kind="State", country=self.iso3,
                     wikidata=self.wikidata, aliases=tuple(n for n in names if n))


@dataclass(frozen=True)
class Body:
    id: str
    label: str  # may hold "{state}"
    country: str | None  # None: generic, the state comes from the text
    patterns: tuple[str, ...]
    wikidata: str | None

    def actor(self, state: State | None) -> Actor | None:
        if self.country is None:
            if state is None:
                return None
            label = self.label.replace("{state}", state.name)
            return Actor(id=f"{state.iso3.lower()}-{self.id}", label=label,
                         kind="GovernmentBody", country=state.iso3)
        return Actor(id=self.id, label=self.label, kind="GovernmentBody", country=self.country,
                     wikidata=self.wikidata, aliases=self.patterns)


@dataclass(frozen=True)
class Official:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    role: str
    start: str
    end: str
    wikidata: str | None

    @property
    def id(self) -> str:
        return slug(self.name)


@dataclass(frozen=True)
class LexEntry:
    lemma: str
    pos: str
    type: str | None
    cameo: str | None
    plover: str | None
    mode: str | None
    role: str


class Reference:
    """All reference data, indexed for the extractor and the graph."""

    def __init__(self, folder: Path = HERE) -> None:
        self.states: dict[str, State] = {}
        for r in read_tsv(folder / "states.tsv"):
            st = State(r["iso3"].upper(), r["name"], r.get("official", ""), split(r.get("aliases", "")),
                       split(r.get("demonyms", "")), split(r.get("capital", "")),
                       split(r.get("metonyms", "")), r.get("wikidata") or None)
            self.states[st.iso3] = st
        self.igos: dict[str, Actor] = {}
        for r in read_tsv(folder / "igos.tsv"):
            self.igos[r["id"]] = Actor(id=r["id"], label=r["label"], kind="IGO", country=None,
                                       wikidata=r.get("wikidata") or None,
                                       aliases=split(r.get("aliases", "")))
        self.groups: dict[str, Actor] = {}
        for r in read_tsv(folder / "groups.tsv"):
            self.groups[r["id"]] = Actor(id=f"org-{r['id']}", label=r["label"], kind=r["kind"],
                                         country=(r.get("country") or "").upper() or None,
                                         wikidata=r.get("wikidata") or None,
                                         aliases=split(r.get("aliases", "")))
        self.bodies: dict[str, Body] = {}
        for r in read_tsv(folder / "bodies.tsv"):
            country = r.get("country", "*")
            self.bodies[r["id"]] = Body(r["id"], r["label"],
                                        None if country in ("*", "") else country.upper(),
                                        split(r.get("patterns", "")), r.get("wikidata") or None)
        self.officials: list[Official] = [
            Official(r["name"], split(r.get("aliases", "")), (r.get("country") or "").upper() or None,
                     r.get("role", "").lower(), r.get("start", ""), r.get("end", ""),
                     r.get("wikidata") or None)
            for r in read_tsv(folder / "officials.tsv")
        ]
        self.roles: dict[str, str] = {r["role"].lower(): r["body"] for r in read_tsv(folder / "roles.tsv")}
        self.lexicon: list[LexEntry] = [
            LexEntry(r["lemma"].lower(), r["pos"], r.get("type") or None, r.get("cameo") or None,
                     r.get("plover") or None, r.get("mode") or None, r.get("role") or "act")
            for r in read_tsv(folder / "lexicon.tsv")
        ]
        self.demonym_index: dict[str, str] = {}
        self.name_index: dict[str, str] = {}
        for st in self.states.values():
            for d in st.demonyms:
                self.demonym_index.setdefault(d.lower(), st.iso3)
            for n in (st.name, st.official, *st.aliases):
                if n:
                    self.name_index.setdefault(n.lower(), st.iso3)
        self.generic_body_words: dict[str, str] = {}
        for body in self.bodies.values():
            if body.country is None:
                for p in body.patterns:
                    self.generic_body_words.setdefault(p.lower(), body.id)
        self.officials_by_name: dict[str, list[Official]] = {}
        surnames: dict[str, set[str]] = {}
        for off in self.officials:
            for n in (off.name, *off.aliases):
                self.officials_by_name.setdefault(n.lower(), []).append(off)
            surnames.setdefault(off.name.split()[-1].lower(), set()).add(off.name)
        #: surnames that name exactly one person in the reference data ("Putin")
        self.unique_surnames: dict[str, str] = {
            k: next(iter(v)) for k, v in surnames.items() if len(v) == 1 and len(k) > 2}

    def state(self, iso3: str | None) -> State | None:
        return self.states.get(iso3.upper()) if iso3 else None

    def state_actor(self, iso3: str) -> Actor | None:
        st = self.state(iso3)
        return st.actor if st else None

    def body_actor(self, body_id: str, iso3: str | None) -> Actor | None:
        body = self.bodies.get(body_id)
        if body is None:
            return None
        if body.country:
            return body.actor(None)
        return body.actor(self.state(iso3))

    def official(self, name: str, date: str | None = None) -> Official | None:
        """The official of this name in office at ``date`` (or any, when no date).

        A bare surname finds the official only when no one else in the data has it.
        """
        rows = self.officials_by_name.get(name.lower())
        if not rows and " " not in name.strip() and name.lower() in self.unique_surnames:
            rows = self.officials_by_name.get(self.unique_surnames[name.lower()].lower())
        if not rows:
            return None
        if date:
            for off in rows:
                if (not off.start or off.start[: len(date)] <= date) and (
                    not off.end or date[: len(off.end)] <= off.end
                ):
                    return off
        return rows[-1]

    def ruler_patterns(self) -> list[dict[str, object]]:
        """Phrase patterns for spaCy's EntityRuler; the id says what was found."""
        pats: list[dict[str, object]] = []

        def add(label: str, text: str, ident: str) -> None:
            for variant in _variants(text):
                pats.append({"label": label, "pattern": variant, "id": ident})

        for st in self.states.values():
            for n in dict.fromkeys((st.name, st.official, *st.aliases)):
                if n:
                    add("DIP_STATE", n, f"state:{st.iso3}")
            for d in st.demonyms:
                add("DIP_DEMONYM", d, f"demonym:{st.iso3}")
                if d[-1:].isalpha() and d[-1] not in "sh" and not d.endswith("ese") and \
                        not d.isupper():
                    add("DIP_DEMONYM", d + "s", f"demonym:{st.iso3}")
            for c in (*st.capitals, *st.metonyms):
                add("DIP_CAPITAL", c, f"capital:{st.iso3}")
        for igo in self.igos.values():
            for n in dict.fromkeys((igo.label, *igo.aliases)):
                add("DIP_IGO", n, f"igo:{igo.id}")
        for key, org in self.groups.items():
            for n in dict.fromkeys((org.label, *org.aliases)):
                add("DIP_ORG", n, f"org:{key}")
        specific = {p for body in self.bodies.values() if body.country for p in body.patterns}
        for body in self.bodies.values():
            if body.country:
                for p in body.patterns:
                    add("DIP_BODY", p, f"body:{body.id}")
        for body in self.bodies.values():
            if not body.country:
                # a named body ("Justice Department" in the data as the US one) wins
                for p in body.patterns:
                    for v in {p.lower(), p.title(), p[:1].upper() + p[1:].lower(),
                              _name_case(p)} - specific:
                        pats.append({"label": "DIP_GBODY", "pattern": v, "id": f"gbody:{body.id}"})
        for off in self.officials:
            for n in (off.name, *off.aliases):
                add("DIP_PERSON", n, f"official:{off.id}")
        return pats


#: words a proper name keeps in lower case ("Ministry of Foreign Affairs")
_NAME_LOWER = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "du", "des"}


def _name_case(text: str) -> str:
    """A name as names are written: "ministry of foreign affairs" -> "Ministry of Foreign
    Affairs"."""
    return " ".join(w if w in _NAME_LOWER and n else w[:1].upper() + w[1:]
                    for n, w in enumerate(text.lower().split()))


def _variants(text: str) -> list[str]:
    """Surface variants of a name: as written, and with a leading "the" dropped."""
    out = [text]
    if text.lower().startswith("the "):
        out.append(text[4:])
    return out


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The reference data shipped with diplograph (read once per process)."""
    return Reference()
