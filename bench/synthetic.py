"""Synthetic extracted events for the store and query benchmarks (no parsing).

``pairs(events=100_000)`` yields (Article, [Event]) as ``extract_articles``
would: states from the reference data with a skewed (Zipf-like) activity, a
mix of event types, some named speakers, dates over fifteen years. The same
seed gives the same data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from diplograph.model import Actor, Article, Event
from diplograph.schema.reference import reference

#: event type -> share (roughly what news about disputes gives)
TYPE_WEIGHTS = {
    "ACCUSE": 25, "CRITICIZE": 15, "DEMAND": 14, "DENY": 6, "PROTEST": 4, "REJECT": 4,
    "THREATEN": 5, "SANCTION": 5, "CHARGE": 3, "ARREST": 2, "SUPPORT": 7, "AGREE": 4,
    "CONSULT": 5, "COOPERATE": 1,
}
FIRST_STATES = ("CHN", "USA", "RUS", "GBR", "JPN", "IND", "IRN", "FRA", "DEU", "KOR")
VERBS = {"ACCUSE": "accused", "CRITICIZE": "criticised", "DEMAND": "urged", "DENY": "denied",
         "PROTEST": "protested to", "REJECT": "rejected", "THREATEN": "warned",
         "SANCTION": "sanctioned", "CHARGE": "charged", "ARREST": "arrested",
         "SUPPORT": "praised", "AGREE": "agreed with", "CONSULT": "met",
         "COOPERATE": "worked with"}

#: event type -> (PLOVER type, CAMEO code), as events.md section 2 gives them
CODES = {"ACCUSE": ("ACCUSE", "112"), "CRITICIZE": ("ACCUSE", "111"),
         "PROTEST": ("ACCUSE", "114"), "DENY": (None, "016"), "DEMAND": ("REQUEST", "10"),
         "REJECT": ("REJECT", "12"), "THREATEN": ("THREATEN", "13"),
         "SANCTION": ("SANCTION", "172"), "CHARGE": ("ACCUSE", "1121"),
         "ARREST": ("COERCE", "173"), "SUPPORT": ("SUPPORT", "05"), "AGREE": ("AGREE", "03"),
         "CONSULT": ("CONSULT", "04"), "COOPERATE": ("COOPERATE", "06")}


def states(n: int = 60) -> list[Actor]:
    ref = reference()
    by_iso = {s.iso3: s for s in ref.states.values()}
    order = [c for c in FIRST_STATES if c in by_iso]
    order += sorted(c for c in by_iso if c not in order)
    return [by_iso[c].actor for c in order[:n]]


def pairs(events: int = 100_000, per_article: int = 10,
          seed: int = 11) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) pairs, ``events`` events in all."""
    rng = random.Random(seed)
    actors = states()
    weights = [1 / (rank + 1) for rank in range(len(actors))]
    types, type_w = zip(*TYPE_WEIGHTS.items(), strict=True)
    speakers = [Actor(id=f"person-bench-{i}", label=f"Bench Official {i}", kind="Person",
                      country=actors[i % len(actors)].country) for i in range(300)]
    made = n = 0
    while made < events:
        k = min(per_article, events - made)
        doc = f"synthetic-{n:07d}"
        date = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sentences: list[str] = []
        evs: list[Event] = []
        pos = 0
        for _ in range(k):
            src, tgt = rng.choices(actors, weights, k=2)
            while tgt is src:
                tgt = rng.choices(actors, weights)[0]
            typ = rng.choices(types, type_w)[0]
            verb = VERBS[typ]
            sent = (f"{src.label} {verb} {tgt.label} on Tuesday over case "
                    f"{rng.randint(1, 10**6)}, officials said.")
            speaker = rng.choice(speakers) if rng.random() < 0.2 else None
            plover, cameo = CODES[typ]
            evs.append(Event(doc=doc, type=typ, source=src, target=tgt, speaker=speaker,
                             plover=plover, cameo=cameo, sentence=sent, start=pos,
                             end=pos + len(sent), about="the case", date=date,
                             confidence=0.8, trigger=verb, trigger_start=pos + len(src.label) + 1))
            sentences.append(sent)
            pos += len(sent) + 1
        yield (Article(id=doc, text=" ".join(sentences), headline=f"Synthetic report {n}",
                       date=date, publisher="Bench Wire", source=f"{doc}.txt"), evs)
        made += k
        n += 1
