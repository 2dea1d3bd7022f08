"""Progress for ``ingest``: a live line on a terminal, nothing otherwise."""

from __future__ import annotations

import time
from typing import IO, Any


class Progress:
    """Counts articles as they land; draws a status line only on a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.done = self.failed = self.unchanged = self.events = 0
        self._last = 0.0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def item(self, status: str, item: Any, events: int) -> None:
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
        now = time.monotonic()
        if self.tty and now - self._last > 0.1:
            self._last = now
            rate = self.done / max(now - self.start, 1e-6)
            self.stream.write(f"\r\x1b[K{self.done} articles ({rate:.1f}/s), {self.events} events, "
                              f"{self.unchanged} unchanged, {self.failed} failed")
            self.stream.flush()
