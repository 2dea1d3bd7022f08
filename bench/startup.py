"""Start-up: ``import diplograph``, ``diplograph --help``, and the time to the first event.

Each is measured in fresh processes, median of several runs. The first event
includes loading the spaCy model and building the actor ruler; the set-up
figures break that cost down (model alone, model plus ruler, the rule
extractor), each in its own process.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

# bench/html.py would shadow the standard library's html package (pyparsing imports it):
# move this folder from the front of the path to the back.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from _common import BIN, ROOT, emit, median, python, run_child

TARGET_S = 0.3

SETUP = r"""
import time, warnings
t0 = time.perf_counter()
import spacy
from diplograph.extract.nlp import _load_model
_load_model()
t1 = time.perf_counter()
_load_model()  # again, warm: load_nlp below does this too, then builds the ruler
t2 = time.perf_counter()
from diplograph.extract.nlp import load_nlp
nlp = load_nlp(True)
t3 = time.perf_counter()
from diplograph.extract import load_extractor
load_extractor(True)
t4 = time.perf_counter()
print(t1 - t0, (t3 - t2) - (t2 - t1), t4 - t3)
"""


def first_event_seconds(path: str) -> float:
    """Wall time from launching ``diplograph extract`` to its first output line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "diplograph"), "extract", path],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    t = time.perf_counter() - t0
    _, err = proc.communicate()
    if not line:
        raise SystemExit(f"diplograph extract {path} printed no event: {err.strip()[-500:]}")
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    python("pass")  # warm the file cache
    imports = [python("import diplograph")[0] for _ in range(args.runs)]
    bare = [python("pass")[0] for _ in range(args.runs)]
    helps = [run_child([str(BIN / "diplograph"), "--help"])[0] for _ in range(args.runs)]
    emit("startup_python_bare_s", median(bare))
    emit("startup_import_s", median(imports))
    emit("startup_help_s", median(helps))
    emit("startup_import_ok", median(imports) < TARGET_S)
    emit("startup_help_ok", median(helps) < TARGET_S)
    _, _, out = python("import sys, diplograph; print(sorted(m for m in ('spacy', 'rdflib', "
                       "'pyvis', 'pyshacl', 'networkx', 'pyoxigraph') if m in sys.modules))")
    emit("startup_import_heavy_modules", out.strip().replace(" ", "") or "[]")

    sample = str(sorted((ROOT / "examples").glob("*.txt"))[0])
    firsts = [first_event_seconds(sample) for _ in range(3)]
    emit("startup_first_event_s", median(firsts))
    rows = [[float(x) for x in python(SETUP)[2].split()] for _ in range(3)]
    emit("startup_model_load_s", median([r[0] for r in rows]))
    emit("startup_ruler_build_s", median([r[1] for r in rows]))
    emit("startup_extractor_build_s", median([r[2] for r in rows]))


if __name__ == "__main__":
    sys.exit(main())
