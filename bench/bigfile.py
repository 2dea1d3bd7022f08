"""One huge article: peak memory of ``diplograph ingest`` on a 50 MB text file.

The file is one article (a front-matter block, then paragraphs of sentences
written for this benchmark) of ``--mb`` megabytes. The loader hands it on as
parts of at most ``diplograph.loaders.PART_CHARS`` characters
(``bigfile-part-0001``, ...), and extraction parses at most
``diplograph.extract.BATCH_CHARS`` characters at a time, so memory should stay
near that of a small file. For comparison the same is measured on a file of
``--small-mb`` megabytes.

Each ingest runs in a child process of a child process, so that
``resource.getrusage(RUSAGE_CHILDREN)`` sees that ingest only (with ``--jobs``
above 1 it is the largest single process, not their sum).

    .venv/bin/python bench/bigfile.py                  # 50 MB (about 20 min per core)
    .venv/bin/python bench/bigfile.py --mb 5 --jobs 2

Prints ``name: value`` lines: sizes, parts, articles and events stored, time,
peak RSS of the big and the small ingest, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

# bench/ holds a script called html.py: keep the standard library's ``html`` ahead of
# this folder on the path when this file runs as a script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

from killtest import _paragraph  # noqa: E402

_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": proc.returncode, "seconds": time.perf_counter() - start,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": proc.stdout[-2000:], "stderr": proc.stderr[-2000:]}))
"""


def write_big(path: Path, mb: float, seed: int = 11) -> int:
    """One article of about ``mb`` megabytes; returns its size in bytes."""
    rng = random.Random(seed)
    want = int(mb * 1024 * 1024)
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        head = "Title: A long record of statements between capitals\nDate: 2019-05-01\n\n"
        fh.write(head)
        size += len(head)
        while size < want:
            par = _paragraph(rng) + "\n\n"
            fh.write(par)
            size += len(par.encode("utf-8"))
    return path.stat().st_size


def measure(path: Path, store: Path, jobs: int) -> dict:
    """Ingest one file in a fresh store, in a grandchild; its time and peak RSS."""
    cmd = [sys.executable, "-m", "diplograph.cli", "ingest", str(path), "--store", str(store),
           "--jobs", str(jobs)]
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def stored(store: Path) -> tuple[int, int]:
    """(articles, events) in a store."""
    import diplograph as dg

    kg = dg.open(str(store), read_only=True)
    try:
        res = kg.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
        articles = int(res.rows[0][0].value)
        res = kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dip:inArticle ?a }")
        return articles, int(res.rows[0][0].value)
    finally:
        kg.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of the big file")
    ap.add_argument("--small-mb", type=float, default=0.5, help="size of the comparison file")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    from diplograph.loaders import PART_CHARS

    failed = 0
    with tempfile.TemporaryDirectory(prefix="diplograph-big-") as tmp:
        results = {}
        for name, mb in (("small", args.small_mb), ("big", args.mb)):
            path = Path(tmp) / f"{name}file.txt"
            size = write_big(path, mb)
            print(f"{name}file_mb: {size / 1024 / 1024:.1f}", flush=True)
            res = measure(path, Path(tmp) / f"{name}-store", args.jobs)
            if res["rc"] != 0:
                failed += 1
                print(f"{name}file ingest failed ({res['rc']}): {res['stderr']}", file=sys.stderr)
            articles, events = stored(Path(tmp) / f"{name}-store")
            print(f"{name}file_parts_stored: {articles}", flush=True)
            print(f"{name}file_events: {events}", flush=True)
            print(f"{name}file_ingest_seconds: {res['seconds']:.0f}", flush=True)
            print(f"{name}file_peak_rss_mb: {res['peak_rss_mb']:.0f}", flush=True)
            results[name] = res
            expected = -(-size // PART_CHARS) if size > PART_CHARS else 1
            if articles < expected:
                failed += 1
                print(f"{name}file: {articles} parts stored, expected at least {expected}",
                      file=sys.stderr)
        ratio = results["big"]["peak_rss_mb"] / results["small"]["peak_rss_mb"]
        print(f"bigfile_peak_rss_ratio_big_to_small: {ratio:.2f}")
        print(f"bigfile_jobs: {args.jobs}")
        print(f"bigfile_failures: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
