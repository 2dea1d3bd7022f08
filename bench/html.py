"""The interactive page at scale: 5,000 actors and 20,000 events.

Builds a synthetic event network (``Event`` values made here, no parsing),
writes the page with ``dg.output.html`` and opens it in headless Chromium
(Debian's ``chromium``, driven by playwright). Prints ``name: value`` lines:

* ``write_s`` -- time to write the page (aggregation, layout, HTML), and
  ``layout`` -- which layout the page got;
* ``page_mb`` -- the file's size;
* ``interactive_s`` -- from navigation to the page being drawn with its
  controls wired (``window.diplograph.ready``), median of ``--runs``;
* ``filter_ms`` -- unticking the busiest event type, measured in the page;
* ``requests_elsewhere`` -- requests to anything but the file (must be 0).

Target: interactive in under 5 s.

    .venv/bin/python bench/html.py [--actors 5000] [--events 20000] [--runs 3] [--keep PAGE]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is called html.py: keep the standard library's ``html`` first on
# the path (networkx imports it), and this folder last, for ``_common``.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from _common import emit, note  # noqa: E402

TARGET_S = 5.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
KINDS = ["State", "GovernmentBody", "IGO", "Person", "Company", "Organization", "Group"]
WORDS = ["accused", "condemned", "urged", "warned", "sanctioned", "praised", "met", "denied",
         "rejected", "protested to", "charged", "detained", "backed", "agreed with"]


def synthetic_events(n_actors: int, n_events: int, seed: int = 7) -> list:
    """Events over ``n_actors`` actors, busy actors much busier (Zipf-like), many dates."""
    from diplograph.model import EVENT_TYPES, Actor, Event

    rng = random.Random(seed)
    actors = []
    for i in range(n_actors):
        kind = KINDS[0] if i < 150 else rng.choice(KINDS)
        actors.append(Actor(id=f"a{i}", label=f"Actor {i} {kind}", kind=kind,
                            country=f"C{i % 190:02d}" if kind in KINDS[:2] else None))
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_actors)]
    speakers = [Actor(id=f"p{i}", label=f"Speaker {i}", kind="Person") for i in range(300)]
    sources = rng.choices(actors, weights=weights, k=n_events)
    targets = rng.choices(actors, weights=weights, k=n_events)
    events = []
    for i, (src, tgt) in enumerate(zip(sources, targets, strict=True)):
        if tgt is src:
            tgt = actors[(actors.index(src) + 1) % n_actors]
        typ = rng.choice(EVENT_TYPES)
        verb = rng.choice(WORDS)
        head = f"On a weekday, {src.label} "
        sentence = (f"{head}{verb} {tgt.label} over matter number {i}, "
                    f"officials said in a statement issued late in the evening.")
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(Event(doc=f"doc{i // 10}", type=typ, source=src, target=tgt,
                            speaker=rng.choice(speakers) if rng.random() < 0.3 else None,
                            sentence=sentence, start=i * 200, end=i * 200 + len(sentence),
                            date=date, trigger=verb, trigger_start=i * 200 + len(head),
                            about=f"matter number {i}"))
    return events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--events", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="also keep the page at this path")
    args = ap.parse_args()

    import diplograph as dg
    from diplograph.graph.network import to_multidigraph

    events = synthetic_events(args.actors, args.events)
    articles = {f"doc{i}": {"headline": f"Synthetic story {i}",
                            "url": f"https://example.org/story/{i}"}
                for i in range(args.events // 10 + 1)}
    t0 = time.perf_counter()
    g = to_multidigraph(events, articles)
    emit("graph_build_s", time.perf_counter() - t0)
    emit("nodes", g.number_of_nodes())
    emit("event_edges", g.number_of_edges())

    with tempfile.TemporaryDirectory(prefix="dg-bench-html-") as tmp:
        page = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        dg.output.html(g, page, title="bench: synthetic network")
        emit("write_s", time.perf_counter() - t0)
        emit("page_mb", page.stat().st_size / 1e6)
        if args.keep:
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            args.keep.write_bytes(page.read_bytes())
        times, filter_ms, layout, elsewhere, drawn = browse(page, args.runs)
    emit("layout", layout)
    emit("drawn_edges", drawn)
    emit("interactive_s", statistics.median(times))
    emit("interactive_max_s", max(times))
    emit("filter_ms", filter_ms)
    emit("requests_elsewhere", elsewhere)
    emit("target_interactive_s", TARGET_S)
    ok = statistics.median(times) < TARGET_S and elsewhere == 0
    emit("meets_target", "yes" if ok else "no")
    return 0


def browse(page: Path, runs: int) -> tuple[list[float], float, str, int, int]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        note(f"{CHROMIUM} is missing: apt-get install -y chromium")
        sys.exit(1)
    times: list[float] = []
    elsewhere = 0
    filter_ms = 0.0
    layout = ""
    drawn = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                errors: list[str] = []
                tab.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                other: list[str] = []
                tab.on("request", lambda r, other=other: other.append(r.url)
                       if not r.url.startswith("file://") else None)
                t0 = time.perf_counter()
                tab.goto(page.as_uri(), wait_until="commit")
                tab.wait_for_selector("body[data-ready=true]", state="attached",
                                      timeout=120_000)
                times.append(time.perf_counter() - t0)
                if errors:
                    note(f"page errors: {errors[:3]}")
                elsewhere += len(other)
                layout = tab.evaluate("diplograph.layout")
                drawn = tab.evaluate("Object.keys(diplograph.network.body.edges).length")
                filter_ms = tab.evaluate("""() => {
                    const d = window.diplograph, counts = d.data.types;
                    const top = Object.keys(counts).sort((a, b) => counts[b].events - counts[a].events)[0];
                    const t0 = performance.now();
                    d.setTypes(Object.keys(counts).filter(t => t !== top));
                    d.network.redraw();
                    return performance.now() - t0;
                }""")
                tab.close()
        finally:
            browser.close()
    return times, filter_ms, layout, elsewhere, drawn


if __name__ == "__main__":
    sys.exit(main())
