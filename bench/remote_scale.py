"""Scale-out against a SPARQL server: N ``diplograph ingest`` workers on disjoint shards.

    .venv/bin/python bench/remote_scale.py [--copies 5] [--workers 1 2]

Starts ``oxigraph serve`` on a free loopback port for each run, ingests
examples/*.txt (repeated COPIES times under new names) with each worker
count, and prints the wall time, articles per second and the number of
quads, which must be the same for every worker count.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(files: list[Path], workers: int, tmp: Path) -> tuple[float, int]:
    binary = str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="data-", dir=tmp))  # a fresh, empty server each run
    server = subprocess.Popen([binary, "serve", "--location", str(data),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "diplograph.cli", "ingest",
                                   *map(str, files[i::workers]), "--store", url],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for i in range(workers)]
        for p in procs:
            _, err = p.communicate()
            if p.returncode:
                raise SystemExit(f"a worker failed: {err.strip().splitlines()[-1]}")
        seconds = time.perf_counter() - start
        import diplograph as dg

        kg = dg.open(url, read_only=True)
        try:
            quads = len(list(kg.backend.quads()))
        finally:
            kg.close()
        return seconds, quads
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-scale-") as t:
        tmp = Path(t)
        corpus = tmp / "corpus"
        corpus.mkdir()
        for i in range(args.copies):
            for src in sorted((ROOT / "examples").glob("*.txt")):
                shutil.copy(src, corpus / f"{src.stem}-copy{i}.txt")
        files = sorted(corpus.glob("*.txt"))
        print(f"{len(files)} articles, oxigraph server on loopback")
        print(f"{'workers':>7}  {'seconds':>7}  {'articles/s':>10}  {'quads':>7}")
        for w in args.workers:
            seconds, quads = run(files, w, tmp)
            print(f"{w:>7}  {seconds:7.1f}  {len(files) / seconds:10.1f}  {quads:>7}")


if __name__ == "__main__":
    main()
