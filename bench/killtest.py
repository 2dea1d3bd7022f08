"""Crash safety: kill ``diplograph ingest`` with SIGKILL at random moments.

A corpus of many small articles is ingested once, cleanly, into a reference
store. Then ``diplograph ingest`` runs again and again into a second store
and is killed (SIGKILL, the whole process group, so ``--jobs`` workers die
too) after a random delay. After each kill:

- the store opens (read-only, as ``query`` and ``validate`` open it);
- ``validate`` passes (SHACL, as ``diplograph validate`` runs it);
- every article graph in it is exactly the article graph of the clean run,
  and so is the ontology and the reference graph when present: an article is
  there whole or not at all;

and the next run goes on from what the killed one left (unchanged articles
are skipped). When a run completes, the store must equal the reference, and
the next kills start again from an empty store. A last run without a kill
must complete the corpus.

    .venv/bin/python bench/killtest.py                    # 20 kills, 240 articles
    .venv/bin/python bench/killtest.py --kills 50 --articles 400

Prints ``name: value`` lines: kills survived, kills that left a partial store,
article graphs checked, failures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# bench/ holds a script called html.py: keep the standard library's ``html`` ahead of
# this folder on the path when this file runs as a script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

DIPLOGRAPH = [sys.executable, "-m", "diplograph.cli"]

# ------------------------------------------------------------------- the corpus
# Sentences written for this benchmark; nothing is taken from news text.

ACTORS = ["China", "the United States", "Russia", "Japan", "France", "Germany", "India",
          "Iran", "Canada", "Australia", "South Korea", "Brazil", "Turkey", "Egypt",
          "the European Union", "the United Nations"]
ACTS = [
    "{a} accused {b} of interfering in its elections",
    "{a} urged {b} to return to the negotiating table",
    "{a} criticized {b} for expelling two of its diplomats",
    "{a} threatened {b} with retaliatory tariffs",
    "{a} imposed sanctions on {b} over the missile tests",
    "{a} denied that it had supplied weapons to {b}",
    "{a} signed a fisheries agreement with {b}",
    "{a} rejected the latest proposal from {b}",
    "{a} held talks with {b} about the grain corridor",
    "{a} praised {b} for its help after the earthquake",
]
SAYERS = ["a spokesperson for {a} said", "officials in {a} said",
          "the foreign minister of {a} said"]
FILLERS = [
    "The remarks followed a week of sharp exchanges between the two governments.",
    "Further meetings are planned for the spring, according to people familiar with the matter.",
    "Economists expect the dispute to weigh on trade between the two sides.",
    "No date was given for the next round of discussions.",
    "The statement was published on the ministry's website late in the evening.",
    "Shipping companies said they were watching the situation closely.",
]


def _paragraph(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    act = rng.choice(ACTS).format(a=a, b=b)
    if rng.random() < 0.3:
        act = f"{rng.choice(SAYERS).format(a=a)} that {act[0].lower()}{act[1:]}"
        act = act.replace(f"that {a}", "that it", 1) if rng.random() < 0.5 else act
    lead = act[0].upper() + act[1:] + "."
    return " ".join([lead, *rng.sample(FILLERS, rng.randint(1, 3))])


def write_corpus(folder: Path, articles: int, seed: int = 7, version: int = 0) -> list[Path]:
    """``articles`` small text files with front matter, the same for the same seed.

    ``version`` 1 changes two articles in three (one more paragraph), so that
    ingesting it over version 0 replaces those articles' graphs.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, articles + 1):
        day = 1 + n % 28
        body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 5)))
        title = _paragraph(rng).split(".")[0][:90]
        extra = _paragraph(rng)
        if version == 1 and n % 3 != 0:
            body = f"{body}\n\n{extra}"
        path = folder / f"art-{n:04d}.txt"
        path.write_text(f"Title: {title}\nDate: 2019-03-{day:02d}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


# ------------------------------------------------------------------- the store

def snapshot(store: str) -> dict[str, frozenset[str]]:
    """Every graph of a store as a set of N-Triples lines, opened read-only."""
    import pyoxigraph as ox

    import diplograph as dg

    kg = dg.open(store, read_only=True)
    try:
        graphs: dict[str, set[str]] = {}
        for q in kg.backend.quads():
            name = str(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else ""
            graphs.setdefault(name, set()).add(str(ox.Triple(q.subject, q.predicate, q.object)))
        return {g: frozenset(t) for g, t in graphs.items()}
    finally:
        kg.close()


def validates(store: str) -> tuple[bool, str]:
    import diplograph as dg

    kg = dg.open(store, read_only=True)
    try:
        report = kg.validate()
    finally:
        kg.close()
    return report.conforms, "; ".join(str(v) for v in report.violations[:3])


def ingest_cmd(corpus: Path, store: str, jobs: int) -> list[str]:
    return [*DIPLOGRAPH, "ingest", str(corpus), "--store", store, "--jobs", str(jobs)]


# ------------------------------------------------------------------- the run

@dataclass
class Result:
    kills: int = 0
    survived: int = 0
    partial: int = 0  # kills that left a run half done: some of its graphs written, not all
    completed_runs: int = 0
    graphs_checked: int = 0
    clean_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def check(store: str, *references: dict[str, frozenset[str]]) -> tuple[int, list[str]]:
    """(article graphs in the store, problems): every graph of the store must be that
    graph as one of the clean runs left it, and the store must validate."""
    from diplograph.graph import iris

    problems = []
    snap = snapshot(store)
    for g, triples in snap.items():
        versions = [ref[g] for ref in references if g in ref]
        if not versions:
            problems.append(f"graph {g} is not in the clean run")
        elif triples not in versions:
            best = min(versions, key=lambda v: len(v ^ triples))
            problems.append(f"graph {g} differs from the clean run ({len(best - triples)} "
                            f"triples missing, {len(triples - best)} extra)")
    ok, why = validates(store)
    if not ok:
        problems.append(f"validate failed: {why}")
    articles = sum(1 for g in snap if g.startswith(iris.ARTICLE_GRAPH_PREFIX))
    return articles, problems


def hashes(store: str) -> set[str]:
    """The content hashes of the articles in a store (read-only, beside a writer)."""
    import diplograph as dg

    kg = dg.open(store, read_only=True)
    try:
        return set(kg.article_hashes().values())
    finally:
        kg.close()


def _clean_run(corpus: Path, store: str) -> tuple[dict[str, frozenset[str]], float]:
    """Ingest the corpus into an empty store, here in this process (no kill)."""
    import diplograph as dg

    start = time.perf_counter()
    kg = dg.open(store)
    try:
        report = kg.ingest([str(corpus)])
    finally:
        kg.close()
    if report.failed:
        raise RuntimeError(f"the clean run failed: {report.errors[:3]}")
    return snapshot(store), time.perf_counter() - start


def _kill_when(proc: subprocess.Popen, store: str, todo: set[str], target: int | None,
               delay: float) -> bool:
    """Wait for ``target`` of the ``todo`` hashes to be in the store (or, without a
    target, ``delay`` seconds), then SIGKILL the process group. False if it ended first."""
    start = time.perf_counter()
    while proc.poll() is None:
        if target is None:
            if time.perf_counter() - start >= delay:
                break
        else:
            try:
                if len(hashes(store) & todo) >= target:
                    break
            except Exception:  # not created yet, or a moment of compaction: poll again
                pass
        time.sleep(0.01)
    if proc.poll() is not None:
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def run(kills: int = 20, articles: int = 240, seed: int = 1, workdir: Path | None = None,
        log=print) -> Result:  # type: ignore[no-untyped-def]
    """Kill ``kills`` ingests of an ``articles``-article corpus; see the module doc.

    The store goes through cycles: version 0 of the corpus into an empty store,
    then version 1 over it (two thirds of the articles changed, so their graphs are
    replaced while the kills land), then an empty store again. Most kills wait
    until a random number of the run's articles are in the store (watched through
    a read-only open, beside the writer), so that they land while articles are
    being written; the others come after a random delay, start-up included.
    """
    from diplograph.graph import iris

    rng = random.Random(seed)
    tmp = Path(workdir or tempfile.mkdtemp(prefix="diplograph-kill-"))
    corpus = tmp / "corpus"
    store = str(tmp / "store")
    res = Result()
    refs, ref_hashes = [], []
    for version in (0, 1):
        write_corpus(corpus, articles, seed, version)
        ref, secs = _clean_run(corpus, str(tmp / f"reference-{version}"))
        n_ref = sum(1 for g in ref if g.startswith(iris.ARTICLE_GRAPH_PREFIX))
        if n_ref != articles:
            raise RuntimeError(f"the clean run stored {n_ref} of {articles} articles")
        refs.append(ref)
        ref_hashes.append(hashes(str(tmp / f"reference-{version}")))
        res.clean_seconds = max(res.clean_seconds, secs)
    log(f"clean runs: {articles} articles in {res.clean_seconds:.1f} s (in-process)")
    version = 0
    write_corpus(corpus, articles, seed, version)

    while res.kills < kills:
        jobs = rng.choice((1, 1, 2))
        todo = ref_hashes[version] - (ref_hashes[0] if version == 1 else set())
        have = len(hashes(store) & todo) if Path(store).exists() else 0
        # a target in the first half of what is left, as the writer runs on while we look
        target = rng.randint(have + 1, max(have + 1, (have + len(todo)) // 2)) \
            if have + 1 < len(todo) and rng.random() < 0.75 else None
        delay = rng.uniform(0.2, res.clean_seconds + 2.0)  # + starting Python and spaCy
        proc = subprocess.Popen(ingest_cmd(corpus, store, jobs), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        killed = _kill_when(proc, store, todo, target, delay)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if killed:
            res.kills += 1
        elif proc.returncode != 0:
            res.failures.append(f"an unkilled run exited {proc.returncode}: {err[-300:]}")
        try:
            n, problems = check(store, *refs)
        except Exception as exc:  # the store would not open: the failure we look for
            n, problems = -1, [f"the store would not open: {type(exc).__name__}: {exc}"]
        res.graphs_checked += max(n, 0)
        when = f"at {target} of {len(todo)} articles" if target else f"after {delay:.2f} s"
        what = (f"kill {res.kills} {when} (jobs {jobs}, version {version})" if killed
                else f"run completed before the kill {when}")
        if problems:
            res.failures.extend(f"{what}: {p}" for p in problems)
            log(f"{what}: FAILED: {problems[0]}")
            continue
        progress = len(hashes(store) & todo)
        if killed:
            res.survived += 1
            if 0 < progress < len(todo):
                res.partial += 1
        log(f"{what}: {progress} of {len(todo)} written, {n} articles in the store")
        if progress == len(todo) and n == articles:
            res.completed_runs += 1
            if version == 0:  # next: replace two thirds of the articles
                version = 1
            else:  # next: an empty store again
                version = 0
                shutil.rmtree(store)
            write_corpus(corpus, articles, seed, version)

    final = subprocess.run(ingest_cmd(corpus, store, 1), capture_output=True, text=True)
    if final.returncode != 0:
        res.failures.append(f"the last run exited {final.returncode}: {final.stderr[-300:]}")
    n, problems = check(store, *refs)
    todo = ref_hashes[version] - (ref_hashes[0] if version == 1 else set())
    if n != articles or len(hashes(store) & todo) != len(todo):
        problems.append(f"the last run left the corpus incomplete ({n} of {articles} articles)")
    res.failures.extend(f"last run: {p}" for p in problems)
    if workdir is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    res = run(args.kills, args.articles, args.seed,
              log=lambda m: m and print(m, file=sys.stderr, flush=True))
    print(f"kill_clean_run_seconds: {res.clean_seconds:.1f}")
    print(f"kills: {res.kills}")
    print(f"kills_survived: {res.survived}")
    print(f"kills_leaving_partial_store: {res.partial}")
    print(f"kill_runs_completed_between_kills: {res.completed_runs}")
    print(f"kill_article_graphs_checked: {res.graphs_checked}")
    print(f"kill_failures: {len(res.failures)}")
    for f in res.failures:
        print(f"  {f}", file=sys.stderr)
    return 1 if res.failures or res.survived < res.kills else 0


if __name__ == "__main__":
    sys.exit(main())
