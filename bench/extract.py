"""Extraction throughput against what a user would otherwise run, in one process.

Compares, on the same synthetic corpus (bench/corpus.py, >= 50,000 words):

- ``raw``: ``spacy.load(<model>)`` and ``nlp.pipe(texts)``, the parse alone;
- ``ruler``: our pipeline (model plus the actor EntityRuler) with ``nlp.pipe``;
- ``extract``: ``diplograph.extract.extract_articles``, parse plus rules;
- ``--jobs 2`` against ``--jobs 1``: in this process with warm workers, and
  end to end through ``diplograph extract DIR --jobs N`` (model loads included).

Rounds alternate between the contenders and the best round counts, so a
neighbour's burst of load hurts all sides alike.

    .venv/bin/python bench/extract.py [--words 50000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# bench/html.py would shadow the standard library's html package (pyparsing imports it):
# move this folder from the front of the path to the back.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from _common import BIN, LAST_CPU_S, emit, note, run_child
from corpus import articles, word_count, write_corpus

TARGET_VS_RAW = 0.8
TARGET_JOBS2 = 1.7
SLICE = 16  # articles per interleaved slice


def best(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the --jobs workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def raw_model() -> object:
    import spacy

    from diplograph.extract.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            emit("extract_model", name)
            return nlp
        except OSError:
            continue
    raise SystemExit(f"no spaCy model installed (tried {', '.join(MODEL_NAMES)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    from diplograph.extract import extract_articles, load_extractor, paragraphs

    arts = articles(args.words)
    words = word_count(arts)
    texts = [a.text for a in arts]
    emit("extract_corpus_articles", len(arts))
    emit("extract_corpus_words", words)

    raw = raw_model()
    ours, extractor = load_extractor(True)
    for nlp in (raw, ours):  # warm up: first calls allocate
        list(nlp.pipe(texts[:5]))  # type: ignore[attr-defined]
    list(extract_articles(arts[:5]))

    # Interleaved: slice by slice, each contender runs ``rounds`` times and its best
    # time per slice counts, so a burst of load from a neighbour hurts all alike.
    slices = [arts[i : i + SLICE] for i in range(0, len(arts), SLICE)]
    totals = {"raw": 0.0, "ruler": 0.0, "extract": 0.0}
    found: dict[int, int] = {}
    for n, part in enumerate(slices):
        note(f"extract: slice {n + 1}/{len(slices)}")
        part_texts = [a.text for a in part]
        contenders: dict[str, Callable[[], object]] = {
            "raw": lambda: list(raw.pipe(part_texts)),  # type: ignore[attr-defined]  # noqa: B023
            "ruler": lambda: list(ours.pipe(part_texts)),  # type: ignore[attr-defined]  # noqa: B023
            "extract": lambda: found.update({n: sum(len(e) for _, e in  # noqa: B023
                                                    extract_articles(part))}),  # noqa: B023
        }
        for name, fn in contenders.items():
            totals[name] += best(fn, args.rounds)
    n_events = sum(found.values())
    raw_s, ruler_s, ext_s = totals["raw"], totals["ruler"], totals["extract"]
    emit("extract_events", n_events)
    emit("extract_raw_words_per_s", words / raw_s)
    emit("extract_ruler_words_per_s", words / ruler_s)
    emit("extract_words_per_s", words / ext_s)
    emit("extract_vs_raw", raw_s / ext_s)
    emit("extract_ruler_vs_raw", raw_s / ruler_s)
    emit("extract_vs_raw_ok", raw_s / ext_s >= TARGET_VS_RAW)

    # where the extraction time goes: the rules alone over pre-parsed paragraphs
    parsed = []
    for a in arts:
        paras = paragraphs(a.text)
        docs = list(ours.pipe(c.text for c in paras))  # type: ignore[attr-defined]
        parsed.append((a, [(c.offset, d) for c, d in zip(paras, docs, strict=True)]))
    t0 = time.perf_counter()
    for a, docs in parsed:
        extractor.extract(a, docs)
    rules_s = time.perf_counter() - t0
    emit("extract_rules_only_words_per_s", words / rules_s)
    emit("extract_rules_share", rules_s / ext_s)

    # --jobs 2 against --jobs 1 in this process (workers fork with the model loaded).
    # CPU seconds too: on a machine shared with other work the wall-clock speed-up says
    # little, while CPU(jobs 2) / CPU(jobs 1) is the overhead of spreading the work.
    counts: dict[int, int] = {}
    cpu: dict[int, float] = {}

    def run_jobs(jobs: int) -> None:
        before = cpu_seconds()
        counts[jobs] = sum(len(evs) for _, evs in extract_articles(arts, jobs=jobs))
        cpu[jobs] = cpu_seconds() - before

    jobs1_s = best(lambda: run_jobs(1), 1)
    jobs2_s = best(lambda: run_jobs(2), 1)
    if counts[1] != counts[2]:
        raise SystemExit(f"--jobs 2 found {counts[2]} events, --jobs 1 found {counts[1]}")
    emit("extract_jobs2_warm_speedup", jobs1_s / jobs2_s)
    emit("extract_jobs2_cpu_ratio", cpu[2] / cpu[1])
    emit("extract_jobs2_cores_used", cpu[2] / jobs2_s)

    # and end to end, as a user runs it: diplograph extract DIR --jobs N
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        write_corpus(tmp, args.words)
        cli = str(BIN / "diplograph")
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.rounds):
            for jobs in (1, 2):
                wall = run_child([cli, "extract", tmp, "--jobs", str(jobs)])[0]
                runs[jobs].append((wall, LAST_CPU_S[0]))
        (j1, cpu1), (j2, cpu2) = min(runs[1]), min(runs[2])
    emit("extract_cli_jobs1_s", j1)
    emit("extract_cli_jobs2_s", j2)
    emit("extract_cli_jobs2_cpu_ratio", cpu2 / cpu1)
    emit("extract_jobs2_speedup", j1 / j2)
    emit("extract_jobs2_ok", j1 / j2 >= TARGET_JOBS2)


if __name__ == "__main__":
    sys.exit(main())
