"""Fuzzing: arbitrary Unicode through the loaders, the extractor and the store.

Hypothesis generates texts (control characters, right-to-left runs, emoji,
very long tokens, no spaces, NULs, lone surrogates through JSON escapes)
mixed with the words the extraction rules look for, so that the rules run on
them, and checks that every stage returns a value or a SourceError and never
raises:

- ``decode`` on arbitrary bytes, ``parse_text``, ``parse_jsonl`` on lines
  of arbitrary JSON, ``parse_html`` (when the HTML loader is installed);
- ``extract_articles`` on batches of texts: events whose quote is the text
  at their offsets;
- ``KnowledgeGraph.ingest_articles`` into a memory store, with arbitrary
  article ids.

``tests/test_fuzz.py`` runs the same properties with fewer examples.

    .venv/bin/python bench/fuzz.py        # 10,000 extractor examples, 2,000 for each other
    .venv/bin/python bench/fuzz.py --examples 500 --only extract

Prints ``name: value`` lines: examples run per property, time, the slowest
example (a quadratic blow-up shows there), failures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# bench/ holds a script called html.py: keep the standard library's ``html`` ahead of
# this folder on the path when this file runs as a script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# --------------------------------------------------------------------- strategies

#: Words and phrases the rules react to, so that generated texts reach them.
WORDS = [
    "China", "the United States", "Beijing", "Washington", "Russia", "Moscow", "Japan",
    "the European Union", "NATO", "the United Nations", "Iran", "it", "they", "He", "She",
    "spokesperson", "Foreign Ministry", "minister", "said", "says", "told", "accused",
    "accuses", "urged", "urges", "condemned", "criticized", "denied", "rejected",
    "threatened", "sanctioned", "imposed sanctions on", "charged", "arrested", "supports",
    "signed an agreement with", "held talks with", "of", "to", "not", "never", "would",
    "on Monday", "on 21 December 2018", "2018-12-22", "\"", "“", "”", "'", ",", ".", "?",
    "!", ":", ";", "(", ")", "-", "—", "Q:", "A:", "By", "|", "Title:", "Date:",
    "\n", "\n\n", "\t", " ", "  ",
]
#: Characters that break naive text handling.
ODD = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0", "\u200b",
    "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2028", "\u2029", "\u2066",
    "\ufeff", "\ufffd", "\ufffe", "\U0001f600", "\U0001f1e8\U0001f1f3", "\u0301",
    "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0635\u064a\u0646", "\u4e2d\u56fd",
    "\U00010348", "\r", "\r\n", "<", ">", "&", "\\", "{", "}", "[", "]", "`", "$", "%",
    "\ud800", "\udfff",  # lone surrogates: a str can hold them, UTF-8 cannot
]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=50, max_size=400).map(
        lambda s: s.replace(" ", "")),  # a very long token, no spaces
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=200, max_size=3000),
)


@st.composite
def texts(draw: Any, max_pieces: int = 60) -> str:
    """A text: pieces of news-like words and odd characters joined by spaces or nothing."""
    parts = draw(st.lists(pieces, max_size=max_pieces))
    sep = draw(st.sampled_from([" ", "", "\n", " "]))
    return sep.join(parts)


batches = st.lists(texts(), min_size=1, max_size=6)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts(12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8,
)


@st.composite
def jsonl_lines(draw: Any) -> str:
    """A JSON Lines corpus: records with odd fields, other JSON values, broken lines."""
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["record", "record", "value", "broken", "surrogate"]))
        if kind == "record":
            rec = {"id": draw(st.one_of(texts(4), st.integers(), st.none(), json_values)),
                   "text": draw(st.one_of(texts(), json_values)),
                   "title": draw(st.one_of(st.none(), texts(6))),
                   "date": draw(st.one_of(st.none(), texts(4), st.integers())),
                   "url": draw(st.one_of(st.none(), texts(3)))}
            lines.append(json.dumps(rec, ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_values)))
        elif kind == "surrogate":  # escapes that decode to lone surrogates
            lines.append('{"id": "s\\ud800", "text": "China urged \\udfff Japan to talk. '
                         + draw(st.sampled_from(["", "\\ud83d", "x\\udc00y"])) + '"}')
        else:
            line = json.dumps({"id": "b", "text": draw(texts(8))})
            lines.append(line[: draw(st.integers(0, len(line)))])
    return "\n".join(lines)


def html_pages() -> Any:
    """Pages: text dropped into tags, some nested deeply, some cut off."""
    def page(body: str, depth: int, cut: int | None, head: bool) -> str:
        inner = "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth
        doc = (f"<html><head><title>{body[:40]}</title></head>" if head else "<html>") + \
              f"<body>{inner}</body></html>"
        return doc[:cut] if cut is not None else doc
    return st.builds(page, texts(), st.integers(0, 400),
                     st.one_of(st.none(), st.integers(0, 2000)), st.booleans())


# --------------------------------------------------------------------- properties

def check_events(pairs: list[tuple[Any, list[Any]]]) -> None:
    from diplograph.model import EVENT_TYPES, Event

    for article, events in pairs:
        assert isinstance(events, list)
        for ev in events:
            assert isinstance(ev, Event)
            assert ev.type in EVENT_TYPES, ev.type
            assert ev.doc == article.id
            assert 0 <= ev.start <= ev.end <= len(article.text), (ev.start, ev.end)
            assert article.text[ev.start:ev.end] == ev.sentence


def prop_extract(batch: list[str]) -> None:
    """extract_articles on a batch of texts: events or nothing, never an exception."""
    from diplograph.extract import extract_articles
    from diplograph.loaders.text import normalize
    from diplograph.model import Article

    arts = [Article(id=f"fuzz-{n}", text=normalize(t)) for n, t in enumerate(batch)]
    pairs = list(extract_articles(arts))
    assert [a.id for a, _ in pairs] == [a.id for a in arts]
    check_events(pairs)


def prop_extract_text(text: str) -> None:
    """The public one-call API on raw (un-normalized) text."""
    import diplograph as dg
    from diplograph.model import Event

    events = dg.extract_text(text, doc="fuzz")
    assert all(isinstance(ev, Event) for ev in events)


def prop_parse_text(text: str) -> None:
    from diplograph.errors import SourceError
    from diplograph.loaders.text import parse_text
    from diplograph.model import Article

    try:
        art = parse_text(text, "fuzz", "fuzz.txt")
    except SourceError as err:
        assert err.source == "fuzz.txt" and err.reason
        return
    assert isinstance(art, Article) and art.text.strip()


def prop_decode(data: bytes) -> None:
    from diplograph.errors import SourceError
    from diplograph.loaders.text import decode

    try:
        text = decode(data, "fuzz.bin")
    except SourceError as err:
        assert err.reason
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # never a lone surrogate


def prop_jsonl(corpus: str) -> None:
    from diplograph.errors import SourceError
    from diplograph.loaders.jsonl import parse_jsonl
    from diplograph.model import Article

    for item in parse_jsonl(corpus, "fuzz.jsonl", "fuzz", {}):
        assert isinstance(item, (Article, SourceError))
        if isinstance(item, SourceError):
            assert item.source.startswith("fuzz.jsonl:")


def prop_html(page: str) -> None:
    from diplograph.errors import SourceError
    from diplograph.loaders.html import parse_html
    from diplograph.model import Article

    try:
        art = parse_html(page, "fuzz", "fuzz.html")
    except SourceError as err:
        assert err.reason
        return
    assert isinstance(art, Article)


_KG: list[Any] = []
_SURROGATE = re.compile("[\ud800-\udfff]")


def prop_store(batch: list[tuple[str, str]]) -> None:
    """Articles with arbitrary ids and texts go into a memory store, or fail one by one."""
    import diplograph as dg
    from diplograph.loaders.text import normalize
    from diplograph.model import Article

    if not _KG:
        _KG.append(dg.open("memory:"))
    kg = _KG[0]
    arts = {ident: Article(id=ident, text=normalize(text) or "x") for ident, text in batch}
    report = kg.ingest_articles(list(arts.values()))
    blank = {ident for ident in arts if not ident.strip()}
    assert report.failed == len(blank), report.errors
    assert report.articles == len(arts) - len(blank)
    stored = set(kg.articles())
    for ident in set(arts) - blank:
        clean = _SURROGATE.sub("\ufffd", ident)
        assert clean in stored, (ident, stored)
        kg.remove(clean)


def properties() -> dict[str, tuple[Callable[..., None], Any]]:
    """Each property with the strategy that feeds it (HTML only if that loader exists)."""
    props: dict[str, tuple[Callable[..., None], Any]] = {
        "extract": (prop_extract, batches),
        "extract_text": (prop_extract_text, texts()),
        "parse_text": (prop_parse_text, texts()),
        "decode": (prop_decode, st.one_of(st.binary(max_size=3000),
                                          texts().map(lambda s: s.encode("utf-8", "replace")),
                                          texts().map(lambda s: s.encode("utf-16", "surrogatepass")),
                                          texts().map(lambda s: s.encode("latin-1", "replace")))),
        "jsonl": (prop_jsonl, jsonl_lines()),
        "store": (prop_store, st.lists(st.tuples(texts(6), texts(20)), min_size=1, max_size=4)),
    }
    try:
        import diplograph.loaders.html  # noqa: F401
    except ImportError:
        pass
    else:
        props["html"] = (prop_html, html_pages())
    return props


def run(name: str, examples: int) -> tuple[int, float, float]:
    """Run one property for ``examples`` examples: (examples run, seconds, slowest example)."""
    fn, strategy = properties()[name]
    count = [0]
    slowest = [0.0]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def test(value: Any) -> None:
        count[0] += 1
        start = time.perf_counter()
        fn(value)
        slowest[0] = max(slowest[0], time.perf_counter() - start)

    start = time.perf_counter()
    test()
    return count[0], time.perf_counter() - start, slowest[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=10_000,
                    help="examples for the extractor property")
    ap.add_argument("--others", type=int, default=2_000,
                    help="examples for each other property")
    ap.add_argument("--only", action="append", help="run only this property (repeatable)")
    args = ap.parse_args()
    names = args.only or list(properties())
    total = failed = 0
    for name in names:
        try:
            n, secs, slowest = run(name, args.examples if name == "extract" else args.others)
        except Exception as exc:  # a failing property: report it and go on to the next
            failed += 1
            print(f"fuzz_{name}_failure: {type(exc).__name__}: {str(exc).splitlines()[0]}",
                  flush=True)
            print(exc, file=sys.stderr)
            continue
        total += n
        print(f"fuzz_{name}_examples: {n}", flush=True)
        print(f"fuzz_{name}_seconds: {secs:.1f}", flush=True)
        print(f"fuzz_{name}_slowest_example_seconds: {slowest:.2f}", flush=True)
    print(f"fuzz_examples_total: {total}")
    print(f"fuzz_properties_failed: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
