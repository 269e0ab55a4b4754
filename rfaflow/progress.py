"""Progress of a batch run on stderr: a redrawn bar on a terminal, a log line every few seconds elsewhere.

Failures are printed as they happen, one line each, in the same form as every other rfaflow error.
"""

from __future__ import annotations

import time
from typing import TextIO

from rfaflow.batch import BatchReport, DraftOutcome
from rfaflow.errors import terminal_text

LOG_INTERVAL_S = 10.0
BAR_WIDTH = 24


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


class Progress:
    def __init__(self, stream: TextIO, interactive: bool | None = None) -> None:
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.started = time.monotonic()
        self.last_log = self.started
        self.drawn = False

    def status(self, report: BatchReport) -> str:
        finished = report.done + report.unchanged + report.failed
        elapsed = time.monotonic() - self.started
        rate = report.segments / elapsed if elapsed > 0 else 0.0
        eta = elapsed / finished * (report.drafts - finished) if finished else 0.0
        text = f"{finished:,}/{report.drafts:,} drafts, {report.segments:,} segments, {rate:.1f} seg/s"
        return text + (f", ETA {_duration(eta)}" if finished < report.drafts else "")

    def update(self, outcome: DraftOutcome, report: BatchReport) -> None:
        if outcome.status == "failed":
            self._clear()
            print(terminal_text(f"Error: {outcome.path}: {outcome.error}"), file=self.stream, flush=True)
        now = time.monotonic()
        if self.interactive:
            finished = report.done + report.unchanged + report.failed
            filled = BAR_WIDTH * finished // max(report.drafts, 1)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\r\x1b[2K[{bar}] {self.status(report)}")
            self.stream.flush()
            self.drawn = True
        elif now - self.last_log >= LOG_INTERVAL_S:
            self.last_log = now
            print(f"batch: {self.status(report)}", file=self.stream, flush=True)

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.drawn = False

    def close(self) -> None:
        self._clear()
        self.stream.flush()
