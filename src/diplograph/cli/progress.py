"""Progress for ``ingest``: a live bar on a terminal, a status line every few seconds in a log.

Progress is measured in input read, not in files: the expanded sources are
weighed by their size (a source of unknown size, a URL or stdin, weighs as
much as the average file), and within a source by how far reading has got
(records of a JSON Lines or CSV corpus, characters of a long article stored
in parts). So one 100,000-record corpus or one 50 MB text file moves the bar
as it goes, and the time left is the pace since the first article times what
is still to read.

On a terminal a background thread redraws the line a few times a second
(articles arrive in bursts: they are parsed in batches). When stderr is a
pipe or a file, a plain line is written every :data:`LOG_EVERY_S` seconds
(every :data:`LOG_LATER_S` after the first minute), so a long ingest into a
log is never silent. Failures are written as they happen, one line each, in
both cases.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Sequence
from typing import IO, Any

from diplograph.loaders import Position, Source

REDRAW_S = 0.25
LOG_EVERY_S = 5.0
LOG_LATER_S = 30.0


def clock(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Follows an ingest (a :class:`diplograph.pipeline.Observer`) and shows where it is."""

    def __init__(self, stream: IO[str], tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.start_time = time.monotonic()
        self.weights: list[float] = []
        self.position = Position(0, 0.0)
        self.first: tuple[float, float] | None = None  # (time, share read) at the first item
        self.done = self.failed = self.unchanged = self.events = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ the observer

    def start(self, sources: Sequence[Source]) -> None:
        """The expanded sources: their number and sizes weigh the work."""
        known = [s.size for s in sources if s.size is not None]
        mean = sum(known) / len(known) if known else 1.0
        with self._lock:
            self.weights = [float(s.size) if s.size is not None else mean for s in sources]

    def article(self, status: str, item: Any, events: int, position: Position) -> None:
        """One article stored (``ok``), ``unchanged`` or ``failed``, and how far reading is."""
        with self._lock:
            self.position = max(self.position, position)
            if self.first is None:
                self.first = (time.monotonic(), self.read_share() or 0.0)
            if status == "failed":
                self.failed += 1
                if self.tty:
                    self.stream.write("\r\x1b[K")
                self.stream.write(f"diplograph: {item}\n")
                self.stream.flush()
            elif status == "unchanged":
                self.unchanged += 1
            else:
                self.done += 1
                self.events += events

    # ------------------------------------------------------------ the figures

    @property
    def total(self) -> int:
        return len(self.weights)

    def read_share(self) -> float | None:
        """The share of the input read so far (0 to 1), or None before the plan is known."""
        total = sum(self.weights)
        if not total:
            return None
        i, fraction = self.position
        before = sum(self.weights[:i])
        here = self.weights[i] * fraction if i < len(self.weights) else 0.0
        return min(1.0, (before + here) / total)

    def time_left(self, now: float | None = None) -> float | None:
        """Seconds to go at the pace since the first article; None when it cannot tell
        (before two seconds of pace, or 1% of the input, or when all is read)."""
        now = time.monotonic() if now is None else now
        share = self.read_share()
        if share is None or self.first is None or share >= 1.0:
            return None
        t0, s0 = self.first
        if now - t0 < 2.0 or share - s0 < 0.01:
            return None
        return (now - t0) / (share - s0) * (1.0 - share)

    def counts(self, now: float) -> str:
        rate = self.done / max(now - self.start_time, 1e-6)
        parts = [f"{self.done} articles ({rate:.1f}/s)", f"{self.events} events"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return ", ".join(parts)

    def line(self, now: float | None = None) -> str:
        """The status line of the terminal, cut to its width."""
        now = time.monotonic() if now is None else now
        if self.first is None:
            return f"reading and parsing ({clock(now - self.start_time)})"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        text = self.counts(now)
        share = self.read_share()
        if share is not None:
            left = self.time_left(now)
            eta = f"  {clock(left)} left" if left is not None else ""
            head = f"{share:4.0%} "
            bar_w = max(0, min(30, width - len(head) - len(text) - len(eta) - 4))
            if bar_w >= 5:
                filled = round(bar_w * share)
                head = f"[{'#' * filled}{'.' * (bar_w - filled)}] {head}"
            text = f"{head} {text}{eta}"
        return text[:width]

    def log_line(self, now: float | None = None) -> str:
        """The status line of a log: elapsed time, counts, share read, time left."""
        now = time.monotonic() if now is None else now
        out = f"diplograph: {clock(now - self.start_time)} "
        if self.first is None:
            return out + "reading and parsing"
        out += self.counts(now)
        share = self.read_share()
        if share is not None:
            out += f"; {share:.0%} of the input read"
            left = self.time_left(now)
            if left is not None:
                out += f", about {clock(left)} left"
        return out

    # ------------------------------------------------------------ drawing

    def __enter__(self) -> Progress:
        target = self._redraw_loop if self.tty else self._log_loop
        self._thread = threading.Thread(target=target, name="diplograph-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.tty:
            with self._lock:
                self.stream.write("\r\x1b[K")
                self.stream.flush()

    def _redraw_loop(self) -> None:
        while not self._stop.wait(REDRAW_S):
            with self._lock:
                self.stream.write("\r\x1b[K" + self.line())
                self.stream.flush()

    def _log_loop(self) -> None:
        while not self._stop.wait(LOG_EVERY_S if time.monotonic() - self.start_time < 60
                                  else LOG_LATER_S):
            with self._lock:
                self.stream.write(self.log_line() + "\n")
                self.stream.flush()
