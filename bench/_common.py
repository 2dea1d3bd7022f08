"""What the benchmark scripts share: printing figures, the machine, child processes.

Every script prints its figures as ``name: value`` lines on stdout (and
anything else on stderr), so ``bench/run.py`` can collect them.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BIN = Path(sys.executable).parent


def emit(name: str, value: object) -> None:
    """One figure: ``name: value`` (floats rounded to something readable)."""
    if isinstance(value, float):
        value = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    print(f"{name}: {value}", flush=True)


def note(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError):
        return 0.0


def machine() -> dict[str, str]:
    return {
        "nproc": str(os.cpu_count()),
        "ram_gb": f"{ram_gb():.1f}",
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "date": date.today().isoformat(),
        "load_avg_1m": f"{os.getloadavg()[0]:.2f}",
    }


#: CPU seconds (user + system) of the last command run_child ran, its threads included
LAST_CPU_S = [0.0]


def run_child(cmd: Sequence[str], env: dict[str, str] | None = None,
              stdin: str | None = None) -> tuple[float, float, str]:
    """Run a command: (wall seconds, its own peak RSS in MB, its stdout). Fails loudly.

    Its CPU seconds (children included) land in ``LAST_CPU_S[0]``.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdin=inp, stdout=out, stderr=err,
                                env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        LAST_CPU_S[0] = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.read()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


def python(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run Python code in a fresh interpreter of this venv (see run_child)."""
    return run_child([sys.executable, "-c", code, *args], env=env)


def median(xs: Sequence[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
