"""A count-and-bar progress line for long runs on a terminal; silent in CI and pipes."""

from __future__ import annotations

import os
import sys
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.label = label
        self.stream = stream
        self.enabled = stream.isatty() and not os.environ.get("CI") and total > 0
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.enabled and (self.done == self.total or self.done % 25 == 0):
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
