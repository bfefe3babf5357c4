"""A progress line on stderr, only when stderr is a terminal and the run is long."""

from __future__ import annotations

import sys
import time


class Progress:
    """``tick(n)`` redraws at most five times a second, and only after the first second."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.start = time.monotonic()
        self.last = 0.0
        self.enabled = sys.stderr.isatty()
        self.shown = False

    def tick(self, n: int) -> None:
        if not self.enabled or n % 256:
            return
        now = time.monotonic()
        if now - self.start < 1.0 or now - self.last < 0.2:
            return
        self.last = now
        rate = n / (now - self.start)
        sys.stderr.write(f"\r{n:,} {self.label} ({rate:,.0f}/s)")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
