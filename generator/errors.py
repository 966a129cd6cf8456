"""The project's exceptions and the problems it reports as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located so an editor can fix it."""

    path: str
    line: int | None
    message: str
    severity: str = "error"
    """`error` (the file cannot be used) or `warning` (usable but incomplete or repaired)."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


class ArchiveError(Exception):
    """Base of every error the CLI turns into a message instead of a traceback."""


class CableError(ArchiveError):
    """A cable that cannot be read or parsed at all."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.problem = Problem(path, line, message)
        super().__init__(str(self.problem))


class ConfigError(ArchiveError):
    """A setting or data file that is wrong."""


class OutputError(ArchiveError):
    """Writing the site would overwrite or escape what the generator owns."""
