"""Extraction accuracy on every evaluation set, with intervals and where the misses are.

    python bench/accuracy.py [--rules-only] [--show N] [--sets a,b] [--reps 1000]

Sets: the seed article, the PLOVER dev sentences and the VOA news stories (../shared,
next to the repository), the eight examples, and passages written for the project
(bench/own): dev, heldout, dev2, heldout2 (short, written blind; never read), longdev
(long-form, written blind; a dev set) and longblind (long-form, written blind; never
read). Each is scored with ../shared/bench/score.py; for each set it prints strict and
family F1 with a 95% interval from a bootstrap over documents, and how the gold events
fared: found exactly, found with the right type but other actors, with the right actors
but another type, or not at all. ``--show`` prints misses and extras, and refuses the
blind sets: once anyone reads their misses they are dev sets.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: the shared benchmarks (seed article, PLOVER and VOA sets, and the scorer), which sit
#: next to the repository; DIPLOGRAPH_SHARED names another place
SHARED = Path(os.environ.get("DIPLOGRAPH_SHARED", ROOT.parent / "shared")) / "bench"
SCORER = SHARED / "score.py"
OWN = ROOT / "bench" / "own"

SETS = {
    "seed": (SHARED / "seed" / "chinadaily-2018-12-22.txt", SHARED / "seed" / "gold.jsonl"),
    "plover_dev": (SHARED / "plover" / "texts.jsonl", SHARED / "plover" / "gold.jsonl"),
    "voa": (SHARED / "voa" / "stories.jsonl", SHARED / "voa" / "gold.jsonl"),
    "examples": (ROOT / "examples", ROOT / "bench" / "examples" / "gold.jsonl"),
    **{f"own_{name}": (OWN / name / "texts.jsonl", OWN / name / "gold.jsonl")
       for name in ("dev", "heldout", "dev2", "heldout2", "longdev", "longblind")},
}
#: sets whose texts, gold and misses nobody who changes the rules may read
BLIND = {"own_heldout2", "own_longblind"}


def scorer() -> Any:
    spec = importlib.util.spec_from_file_location("diplograph_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(source: Path, rules_only: bool) -> list[dict[str, Any]]:
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


def read_gold(sc: Any, path: Path) -> tuple[dict[str, list[Any]], bool]:
    """Gold triples by document, as score.py reads them, and whether they are PLOVER's."""
    gold: dict[str, list[Any]] = defaultdict(list)
    plover = False
    for g in sc.load_jsonl(path):
        doc = str(g["doc"])
        gold.setdefault(doc, [])
        if g.get("none"):
            continue
        if "plover" in g and "type" not in g:
            plover, typ = True, g["plover"]
        else:
            typ = g["type"]
        gold[doc].append((sc.gold_alternatives(g.get("source")), set(typ.split("|")),
                          sc.gold_alternatives(g.get("target"))))
    return gold, plover


def system_triples(sc: Any, events: list[dict[str, Any]], docs: set[str],
                   plover: bool) -> dict[str, set[Any]]:
    out: dict[str, set[Any]] = defaultdict(set)
    for e in events:
        doc = str(e.get("doc"))
        typ = e.get("plover") if plover else e.get("type")
        if doc in docs and typ:
            out[doc].add((sc.actor_key(e.get("source"), plover), typ,
                          sc.actor_key(e.get("target"), plover)))
    return out


def f1(counts: list[tuple[int, int, int, int]]) -> float:
    tp_s, n_s, tp_g, n_g = (sum(c[i] for c in counts) for i in range(4))
    p = tp_s / n_s if n_s else 0.0
    r = tp_g / n_g if n_g else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def per_doc(sc: Any, gold: dict[str, list[Any]], sys_: dict[str, set[Any]], family: bool,
            plover: bool) -> list[tuple[int, int, int, int]]:
    """(system triples right, system triples, gold triples found, gold triples) per document."""
    out = []
    for doc, golds in gold.items():
        triples = sys_.get(doc, set())
        out.append((sum(any(sc.matches(g, t, family, plover) for g in golds) for t in triples),
                    len(triples),
                    sum(any(sc.matches(g, t, family, plover) for t in triples) for g in golds),
                    len(golds)))
    return out


def interval(counts: list[tuple[int, int, int, int]], reps: int, seed: int = 1
             ) -> tuple[float, float]:
    """95% interval of micro F1, resampling documents with replacement."""
    rng = random.Random(seed)
    values = sorted(f1([counts[rng.randrange(len(counts))] for _ in counts]) for _ in range(reps))
    return values[int(0.025 * reps)], values[min(reps - 1, int(0.975 * reps))]


def fates(sc: Any, gold: dict[str, list[Any]], sys_: dict[str, set[Any]], plover: bool
          ) -> Counter[str]:
    """How each gold triple fared: exact, family, type only, actors only, none."""
    out: Counter[str] = Counter()
    for doc, golds in gold.items():
        triples = sys_.get(doc, set())
        for g in golds:
            gsrc, gtypes, gtgt = g
            same_actors = [t for t in triples if (gsrc is None or t[0] in gsrc)
                           and (gtgt is None or t[2] in gtgt)]
            if any(sc.matches(g, t, False, plover) for t in triples):
                out["exact"] += 1
            elif not plover and any(sc.matches(g, t, True, plover) for t in triples):
                out["family"] += 1
            elif same_actors:
                out["actors_only"] += 1
            elif any(t[1] in gtypes for t in triples):
                out["type_only"] += 1
            else:
                out["missed"] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules-only", action="store_true", help="run without the spaCy model")
    ap.add_argument("--show", type=int, default=0,
                    help="print N misses and extras per set (not for the blind sets)")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to run")
    ap.add_argument("--reps", type=int, default=1000, help="bootstrap resamples")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"bench/accuracy.py: the shared benchmarks are not at {SHARED.parent} (they sit "
              "next to the repository as ../shared; set DIPLOGRAPH_SHARED to another place): "
              "no scorer, no seed, PLOVER or VOA sets", file=sys.stderr)
        return 1
    chosen = args.sets.split(",")
    if args.show and BLIND & set(chosen):
        print(f"bench/accuracy.py: --show would read the misses of {', '.join(sorted(BLIND & set(chosen)))}"
              ", which are blind: leave them out of --sets", file=sys.stderr)
        return 2
    sc = scorer()
    tag = "rules_only_" if args.rules_only else ""
    for name in chosen:
        src, gold_path = SETS[name]
        if not src.exists() or not gold_path.exists():
            print(f"{tag}{name}: missing ({src})")
            continue
        gold, plover = read_gold(sc, gold_path)
        sys_ = system_triples(sc, extract(src, args.rules_only), set(gold), plover)
        for family in (False, True):
            counts = per_doc(sc, gold, sys_, family and not plover, plover)
            lo, hi = interval(counts, args.reps)
            kind = "family" if family else "strict"
            print(f"{tag}{name}_{kind}_f1: {f1(counts):.3f}  [{lo:.3f}, {hi:.3f}]")
        counts = per_doc(sc, gold, sys_, False, plover)
        tp_s, n_s, tp_g, n_g = (sum(c[i] for c in counts) for i in range(4))
        print(f"{tag}{name}_precision: {tp_s / n_s if n_s else 0:.3f}")
        print(f"{tag}{name}_recall: {tp_g / n_g if n_g else 0:.3f}")
        fate = fates(sc, gold, sys_, plover)
        print(f"{tag}{name}_gold: {n_g} = " + ", ".join(
            f"{fate[k]} {k}" for k in ("exact", "family", "actors_only", "type_only", "missed")))
        if args.show:
            _, _, _, _, _, misses, extras = sc.score(gold, sys_, False, plover)
            for doc, g in misses[: args.show]:
                print(f"    miss  {doc}: {g}")
            for doc, t in extras[: args.show]:
                print(f"    extra {doc}: {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
