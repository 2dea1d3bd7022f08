"""Growth: ``diplograph ingest`` at 1x, 4x and 16x a corpus, time and peak memory.

Each size is a fresh synthetic corpus (bench/corpus.py; the larger ones start
with the smaller) ingested into a fresh folder store by the real command in
its own process. Target: the 16x run costs no more than 20x the 1x run, and
memory does not grow with the corpus.

    .venv/bin/python bench/growth.py [--words 32000] [--factors 1,4,16]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

# bench/html.py would shadow the standard library's html package (pyparsing imports it):
# move this folder from the front of the path to the back.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from _common import BIN, emit, note, run_child
from corpus import write_corpus

TARGET_RATIO = 20.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=32_000, help="words in the 1x corpus")
    ap.add_argument("--factors", default="1,4,16")
    args = ap.parse_args()
    factors = [int(f) for f in args.factors.split(",")]

    seconds: dict[int, float] = {}
    for k in factors:
        with tempfile.TemporaryDirectory(prefix="diplograph-bench-growth-") as tmp:
            corpus = Path(tmp) / "corpus"
            n = write_corpus(corpus, args.words * k)
            note(f"growth: ingesting {k}x ({n} articles, {args.words * k} words)")
            wall, rss, out = run_child([str(BIN / "diplograph"), "ingest", str(corpus),
                                        "--store", str(Path(tmp) / "store")])
            store_mb = sum(p.stat().st_size for p in (Path(tmp) / "store").rglob("*")
                           if p.is_file()) / 1024**2
        seconds[k] = wall
        emit(f"growth_{k}x_articles", n)
        emit(f"growth_{k}x_s", wall)
        emit(f"growth_{k}x_words_per_s", args.words * k / wall)
        emit(f"growth_{k}x_peak_rss_mb", rss)
        emit(f"growth_{k}x_disk_mb", store_mb)
        note(f"growth: {out.strip()}")
    lo, hi = min(factors), max(factors)
    if hi != lo:
        ratio = seconds[hi] / seconds[lo]
        emit(f"growth_{hi}x_vs_{lo}x", ratio)
        emit("growth_ok", ratio <= TARGET_RATIO * hi / 16)


if __name__ == "__main__":
    sys.exit(main())
