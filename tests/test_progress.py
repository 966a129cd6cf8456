"""The progress line: a count and a bar on a terminal, nothing in CI or in a pipe."""

from __future__ import annotations

import io

import pytest

from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_count_and_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    progress = Progress(50, "Reading cables", stream)
    for _ in range(50):
        progress.step()
    output = stream.getvalue()
    assert "Reading cables [###############---------------] 25/50" in output
    assert output.endswith("[" + "#" * 30 + "] 50/50\n")


def test_progress_is_quiet_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    progress = Progress(50, "Reading cables", stream)
    for _ in range(50):
        progress.step()
    assert stream.getvalue() == ""


def test_progress_is_quiet_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    progress = Progress(50, "Reading cables", stream)
    for _ in range(50):
        progress.step()
    assert stream.getvalue() == ""
