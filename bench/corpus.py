"""A synthetic corpus for the benchmarks, made on the fly and never stored.

Articles mix body paragraphs of the articles in ``examples/`` with
sentences written for this file (templates filled with states, bodies and
acts). Nothing is copied from news text. The same ``seed`` gives the same
corpus, so runs compare.

    from corpus import articles
    arts = articles(words=50_000)           # list[diplograph.model.Article]
    write_corpus("/tmp/corpus", words=50_000)   # one .txt file per article
"""

from __future__ import annotations

import random
from pathlib import Path

from diplograph.loaders.text import parse_text
from diplograph.model import Article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

STATES = [
    ("China", "Beijing", "Chinese"), ("the United States", "Washington", "American"),
    ("Russia", "Moscow", "Russian"), ("Japan", "Tokyo", "Japanese"),
    ("South Korea", "Seoul", "South Korean"), ("India", "New Delhi", "Indian"),
    ("Pakistan", "Islamabad", "Pakistani"), ("Iran", "Tehran", "Iranian"),
    ("the United Kingdom", "London", "British"), ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"), ("Australia", "Canberra", "Australian"),
    ("Canada", "Ottawa", "Canadian"), ("Turkey", "Ankara", "Turkish"),
    ("Brazil", "Brasilia", "Brazilian"), ("Saudi Arabia", "Riyadh", "Saudi"),
    ("Israel", "Jerusalem", "Israeli"), ("Egypt", "Cairo", "Egyptian"),
    ("Nigeria", "Abuja", "Nigerian"), ("Mexico", "Mexico City", "Mexican"),
]
IGOS = ["the European Union", "the United Nations", "NATO", "the African Union"]
ALLEGATIONS = [
    "cyber espionage", "meddling in its internal affairs", "violating the ceasefire",
    "spreading disinformation", "harbouring militants", "stealing trade secrets",
    "breaching the arms embargo", "persecuting journalists", "launching a missile test",
    "detaining its citizens without cause",
]
DEMANDS = [
    "release the detained sailors", "withdraw its troops from the border area",
    "stop the military drills", "return to the negotiating table",
    "lift the export restrictions", "respect the freedom of navigation",
    "hand over the suspects", "reopen the consulate",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

#: Sentences written for the benchmark: {a}/{b} states, {ca}/{cb} capitals,
#: {da}/{db} demonyms, {igo} an organisation, {x} an allegation, {d} a demand.
TEMPLATES = [
    "The foreign ministry of {a} accused {b} on {day} of {x}, and said it would "
    "respond firmly to any further provocation.",
    "{ca} condemned the decision by {b} to expel two of its diplomats, calling the move "
    "unjustified and hostile.",
    "A spokesperson for the {da} foreign ministry urged {b} to {d} as soon as possible.",
    "{a} summoned the ambassador of {b} to lodge a formal protest over the incident.",
    "Officials in {cb} denied the allegation, describing it as groundless and politically "
    "motivated.",
    "{a} announced sanctions on three {db} companies it said were linked to {x}.",
    "{igo} called on both {a} and {b} to exercise restraint and resume talks.",
    "The president of {a} warned that {ca} would take necessary measures if {b} continued "
    "{x}.",
    "Prosecutors in {a} charged two {db} nationals with {x}, according to court papers "
    "released on {day}.",
    "Police in {ca} arrested a {db} citizen suspected of {x}.",
    "{a} and {b} agreed to set up a working group on maritime safety after talks in {ca}.",
    "The foreign ministers of {a} and {b} met in {cb} on {day} to discuss trade and "
    "security.",
    "{a} praised {b} for its help in the rescue operation and thanked its coast guard.",
    "{ca} rejected the proposal from {b} for a joint inquiry, saying it was one-sided.",
    "Analysts said relations between {a} and {b} had reached their lowest point in a "
    "decade.",
    "The statement did not say when the measures would take effect or how long they "
    "would last.",
    "Trade between the two countries fell by almost a fifth last year, customs figures "
    "show.",
    "{a} criticised {b} for what it called a reckless and irresponsible policy.",
    "{a} said it supported the efforts of {igo} to bring the parties together.",
    "Intelligence agencies of {a} and {b} shared information on the smuggling network, "
    "officials said.",
]


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(STATES, 2)
    text = rng.choice(TEMPLATES).format(
        a=a[0], ca=a[1], da=a[2], b=b[0], cb=b[1], db=b[2], igo=rng.choice(IGOS),
        x=rng.choice(ALLEGATIONS), d=rng.choice(DEMANDS), day=rng.choice(DAYS))
    return text[0].upper() + text[1:]


def example_paragraphs() -> list[str]:
    """Body paragraphs of the articles in examples/ (headlines and front matter left out)."""
    out: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        art = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        pars = [p.strip() for p in art.text.split("\n\n") if p.strip()]
        out.extend(pars[1:] if art.headline_in_text else pars)
    return out


def article_texts(words: int, seed: int = 7) -> list[tuple[str, str, str, str]]:
    """(doc id, headline, date, body) of enough articles to reach ``words`` words."""
    rng = random.Random(seed)
    pars = example_paragraphs()
    out: list[tuple[str, str, str, str]] = []
    total = n = 0
    while total < words:
        body: list[str] = []
        for _ in range(rng.randint(6, 10)):
            if rng.random() < 0.4:
                body.append(rng.choice(pars))
            else:
                body.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        head = _sentence(rng).split(",")[0].rstrip(".")
        date = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = f"bench-{n:06d}"
        text = "\n\n".join(body)
        out.append((doc, head, date, text))
        total += len(text.split()) + len(head.split())
        n += 1
    return out


def articles(words: int, seed: int = 7) -> list[Article]:
    """The corpus as Articles, as the text loader would read them."""
    return [parse_text(_file_text(*t), t[0], f"{t[0]}.txt") for t in article_texts(words, seed)]


def _file_text(doc: str, head: str, date: str, body: str) -> str:
    return f"Title: {head}\nDate: {date}\nPublisher: diplograph bench\n\n{body}\n"


def write_corpus(folder: str | Path, words: int, seed: int = 7) -> int:
    """Write the corpus as one text file per article; returns the number of files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = article_texts(words, seed)
    for t in texts:
        (folder / f"{t[0]}.txt").write_text(_file_text(*t), encoding="utf-8")
    return len(texts)


def word_count(arts: list[Article]) -> int:
    return sum(len(a.text.split()) for a in arts)
