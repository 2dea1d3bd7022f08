"""Extraction accuracy: the seed article, the PLOVER dev sentences, the examples, and
passages written for the project (bench/own: dev, heldout, dev2, and heldout2, the
blind set nobody who changes the rules reads), scored with ../shared/bench/score.py.

    python bench/accuracy.py [--rules-only] [--show N] [--sets a,b]

Prints `name: value` lines (strict and family F1 per set) and a table of
misses and extras by type. Use --show only on the sets you may read: not heldout2.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the shared benchmarks (seed article, PLOVER and VOA sets, and the scorer), which sit
#: next to the repository; DIPLOGRAPH_SHARED names another place
SHARED = Path(os.environ.get("DIPLOGRAPH_SHARED", ROOT.parent / "shared")) / "bench"
SCORER = SHARED / "score.py"

SETS = {
    "seed": (SHARED / "seed" / "chinadaily-2018-12-22.txt", SHARED / "seed" / "gold.jsonl"),
    "plover_dev": (SHARED / "plover" / "texts.jsonl", SHARED / "plover" / "gold.jsonl"),
    "examples": (ROOT / "examples", ROOT / "bench" / "examples" / "gold.jsonl"),
    "own_dev": (ROOT / "bench" / "own" / "dev" / "texts.jsonl",
                ROOT / "bench" / "own" / "dev" / "gold.jsonl"),
    "own_heldout": (ROOT / "bench" / "own" / "heldout" / "texts.jsonl",
                    ROOT / "bench" / "own" / "heldout" / "gold.jsonl"),
    "own_dev2": (ROOT / "bench" / "own" / "dev2" / "texts.jsonl",
                 ROOT / "bench" / "own" / "dev2" / "gold.jsonl"),
    "own_heldout2": (ROOT / "bench" / "own" / "heldout2" / "texts.jsonl",
                     ROOT / "bench" / "own" / "heldout2" / "gold.jsonl"),
}


def extract(source: Path, rules_only: bool) -> list[dict]:
    from diplograph.extract import extract_articles
    from diplograph.loaders.jsonl import record_to_article
    from diplograph.loaders.text import parse_text

    if source.is_dir():
        arts = [parse_text(p.read_text(encoding="utf-8"), p.stem, str(p))
                for p in sorted(source.glob("*.txt"))]
    elif source.suffix == ".jsonl":
        arts = [record_to_article(json.loads(line), f"{source}:{n}", {}, f"{source.stem}-{n}")
                for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip()]
    else:
        arts = [parse_text(source.read_text(encoding="utf-8"), source.stem, str(source))]
    return [ev.to_json() for _, evs in extract_articles(arts, use_model=not rules_only) for ev in evs]


def score(gold: Path, events: list[dict], show: int) -> tuple[float, float, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for e in events:
            fh.write(json.dumps(e) + "\n")
    res = subprocess.run([sys.executable, str(SCORER), str(gold), fh.name, "--show", str(show)],
                         capture_output=True, text=True, check=True)
    Path(fh.name).unlink()
    last = res.stdout.strip().splitlines()[-1]
    strict, family = (float(x.split("=")[1]) for x in last.split())
    return strict, family, res.stdout


def by_type(report: str) -> tuple[Counter[str], Counter[str]]:
    misses: Counter[str] = Counter()
    extras: Counter[str] = Counter()
    for line in report.splitlines():
        if line.startswith("miss "):
            for t in line.split("{")[2].split("}")[0].replace("'", "").split(", "):
                misses[t] += 1
        elif line.startswith("extra "):
            extras[line.split("'")[3]] += 1
    return misses, extras


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules-only", action="store_true", help="run without the spaCy model")
    ap.add_argument("--show", type=int, default=0, help="print N misses and extras per set")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to run")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"bench/accuracy.py: the shared benchmarks are not at {SHARED.parent} (they sit "
              "next to the repository as ../shared; set DIPLOGRAPH_SHARED to another place): "
              "no scorer, no seed, PLOVER or VOA sets", file=sys.stderr)
        return 1
    tag = "rules_only_" if args.rules_only else ""
    total_m: Counter[str] = Counter()
    total_e: Counter[str] = Counter()
    for name in args.sets.split(","):
        src, gold = SETS[name]
        if not src.exists() or not gold.exists():
            print(f"{tag}{name}: missing ({src})")
            continue
        strict, family, report = score(gold, extract(src, args.rules_only), 10_000)
        print(f"{tag}{name}_strict_f1: {strict:.3f}")
        print(f"{tag}{name}_family_f1: {family:.3f}")
        m, e = by_type(report)
        total_m += m
        total_e += e
        if args.show:
            lines = [ln for ln in report.splitlines() if ln.startswith(("miss", "extra"))]
            for ln in lines[: args.show]:
                print("   ", ln)
    print("\ntype        misses  extras")
    for t in sorted(set(total_m) | set(total_e)):
        print(f"{t:<11} {total_m[t]:>6}  {total_e[t]:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
