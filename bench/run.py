"""Run the speed, memory and scale benchmarks and keep the table in bench/README.md.

Runs each script of :data:`SCRIPTS` in its own process (``make bench`` calls
this), passes its ``name: value`` lines through, and, with ``--readme``,
writes the results table into that file (between its markers, when it has
them), with the machine it ran on: ``make bench`` writes output/bench-results.md,
``make bench-readme`` the table in bench/README.md. A script that fails is reported and the others still run;
the exit code is then 1.

    .venv/bin/python bench/run.py [--only extract,store] [--readme bench/README.md]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

# bench/html.py would shadow the standard library's html package: this folder goes last.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from _common import BENCH, machine

#: script -> prefix its figures get in the table (html.py prints bare names)
SCRIPTS = {"startup": "startup_", "extract": "extract_", "store": "", "growth": "growth_",
           "html": "html_"}

#: figure -> target, as the table shows it ("" for figures without a target)
TARGETS = {
    "startup_import_s": "< 0.3",
    "startup_help_s": "< 0.3",
    "extract_vs_raw": ">= 0.8",
    "extract_jobs2_speedup": ">= 1.7",
    "store_load_speedup": ">= 5",
    "store_rss_ratio": "<= 0.6",
    "query_accusers_speedup": ">= 10",
    "query_dyad_timeline_speedup": ">= 10",
    "query_accusers_of_accusers_speedup": ">= 10",
    "growth_16x_vs_1x": "<= 20",
    "html_interactive_s": "< 5",
}

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"
FIGURE = re.compile(r"^([A-Za-z0-9_]+): (.*)$")


def meets(value: str, target: str) -> str:
    op, _, num = target.partition(" ")
    try:
        v, t = float(value), float(num)
    except ValueError:
        return ""
    ok = {"<": v < t, "<=": v <= t, ">": v > t, ">=": v >= t}[op]
    return "yes" if ok else "**no**"


def run_script(name: str, prefix: str) -> tuple[list[tuple[str, str]], int, float]:
    path = BENCH / f"{name}.py"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(path)], stdout=subprocess.PIPE, text=True)
    figures: list[tuple[str, str]] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        m = FIGURE.match(line.rstrip("\n"))
        if m:
            key = m.group(1) if m.group(1).startswith(prefix) else prefix + m.group(1)
            figures.append((key, m.group(2)))
            print(f"{key}: {m.group(2)}", flush=True)
        else:
            print(line, end="", flush=True)
    code = proc.wait()
    return figures, code, time.perf_counter() - t0


def table(figures: list[tuple[str, str]], info: dict[str, str], load_end: str) -> str:
    lines = [
        f"Last run {info['date']} on {info['nproc']} CPUs ({info['cpu']}), "
        f"{info['ram_gb']} GB RAM, Python {info['python']}; load average "
        f"{info['load_avg_1m']} at the start, {load_end} at the end "
        "(other work on the machine slows every figure).",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
    ]
    for key, value in figures:
        target = TARGETS.get(key, "")
        lines.append(f"| `{key}` | {value} | {target} | {meets(value, target) if target else ''} |")
    return "\n".join(lines)


def write_readme(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    block = f"{START}\n{body}\n{END}"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated scripts, e.g. startup,extract")
    ap.add_argument("--readme", type=Path, help="rewrite the results table in this file")
    args = ap.parse_args()
    chosen = args.only.split(",") if args.only else list(SCRIPTS)
    unknown = [c for c in chosen if c not in SCRIPTS]
    if unknown:
        ap.error(f"unknown script(s): {', '.join(unknown)}; known: {', '.join(SCRIPTS)}")

    info = machine()
    for k, v in info.items():
        print(f"machine_{k}: {v}", flush=True)
    figures: list[tuple[str, str]] = []
    failed = []
    for name in chosen:
        if not (BENCH / f"{name}.py").exists():
            print(f"{name}: missing bench/{name}.py", file=sys.stderr)
            failed.append(name)
            continue
        got, code, secs = run_script(name, SCRIPTS[name])
        figures.extend(got)
        print(f"bench_{name}_runtime_s: {secs:.0f}", flush=True)
        if code != 0:
            print(f"{name}: failed with exit code {code}", file=sys.stderr)
            failed.append(name)
    load_end = f"{machine()['load_avg_1m']}"
    if args.readme:
        if failed:
            figures.extend((f"{name}_failed", "yes") for name in failed)
        write_readme(args.readme, table(figures, info, load_end))
        print(f"wrote the table into {args.readme}", file=sys.stderr)
    missed = [k for k, v in figures if k in TARGETS and meets(v, TARGETS[k]) == "**no**"]
    if missed:
        print(f"targets missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
