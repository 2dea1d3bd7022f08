"""Progress for ``ingest``: a live bar on a terminal, nothing but the summary otherwise.

On a terminal the bar shows sources done out of the total (files, stdin and
URLs after expanding folders and globs), articles per second, events, and the
time left at the pace so far. A source that holds many articles (a JSON
Lines corpus) counts once; once every source has started there is no
estimate, only the rates. Articles arrive in bursts (they are parsed
in batches), so on a terminal a background thread redraws the line a few
times a second. Failures are printed as they happen, one line each, whether
or not the stream is a terminal.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterable
from typing import IO, Any

REDRAW_S = 0.25


def count_sources(sources: Iterable[str]) -> int:
    """How many sources ``ingest`` will read: files after expanding folders and globs."""
    from diplograph.loaders import expand

    return sum(1 for _ in expand(sources))


_RECORD = re.compile(r"(#item\d+|:\d+)$")


def _source_of(item: Any) -> str | None:
    """The file an article or error came from: ``corpus.jsonl:12`` and ``feed.xml#item3``
    (one record of a source) count as ``corpus.jsonl`` and ``feed.xml``."""
    src = getattr(item, "source", None)
    if not isinstance(src, str):
        return getattr(item, "id", None)
    return _RECORD.sub("", src)


def clock(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts articles as they land; draws a status line only on a terminal.

    ``sources`` (the ingest arguments) gives the total; it is only expanded
    when the stream is a terminal, so pipes and logs pay nothing for it.
    """

    def __init__(self, stream: IO[str], sources: Iterable[str] | None = None,
                 total: int | None = None, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        if total is None and sources is not None and self.tty:
            total = count_sources(sources)
        self.total = total
        self.start = time.monotonic()
        self.first: float | None = None  # when the first item arrived
        self.done = self.failed = self.unchanged = self.events = 0
        self.sources_seen = 0
        self._source: str | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Progress:
        if self.tty:
            self._thread = threading.Thread(target=self._redraw_loop, name="diplograph-progress",
                                            daemon=True)
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
            self.redraw()

    def redraw(self) -> None:
        with self._lock:
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()

    def item(self, status: str, item: Any, events: int) -> None:
        """Called by ``KnowledgeGraph.ingest`` for each article: ok, unchanged or failed."""
        with self._lock:
            if self.first is None:
                self.first = time.monotonic()
            src = _source_of(item)
            if src is None or src != self._source:
                self.sources_seen += 1
                self._source = src
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

    def time_left(self, now: float | None = None) -> float | None:
        """Seconds to go at the pace so far; None when it cannot tell.

        The pace is time since the start per source seen: articles come in
        bursts, and this keeps the estimate steady between them. When every
        source has been seen (one big corpus file, say), or before two sources or
        2% of them, there is no estimate.
        """
        if not self.total or self.sources_seen >= self.total:
            return None
        if self.sources_seen < max(2, self.total // 50):  # too early to tell
            return None
        now = time.monotonic() if now is None else now
        return (now - self.start) / self.sources_seen * (self.total - self.sources_seen)

    def line(self, now: float | None = None) -> str:
        """The status line, cut to the terminal's width."""
        now = time.monotonic() if now is None else now
        if self.first is None:
            return f"reading and parsing ({clock(now - self.start)})"
        rate = self.done / max(now - self.start, 1e-6)
        parts = [f"{self.done} articles ({rate:.1f}/s)", f"{self.events} events"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.failed:
            parts.append(f"{self.failed} failed")
        text = ", ".join(parts)
        width = shutil.get_terminal_size((80, 24)).columns - 1
        if self.total:
            seen = min(self.sources_seen, self.total)
            left = self.time_left(now)
            eta = f"  {clock(left)} left" if left is not None else ""
            head = f"{seen}/{self.total} "
            bar_w = max(0, min(30, width - len(head) - len(text) - len(eta) - 4))
            if bar_w >= 5:
                filled = round(bar_w * seen / self.total)
                head = f"[{'#' * filled}{'.' * (bar_w - filled)}] {head}"
            text = f"{head} {text}{eta}"
        return text[:width]
