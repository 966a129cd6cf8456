"""Reading cable files: text with line numbers, or a CableError that names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import CableError
from generator.sources import MAX_CABLE_BYTES, decode_source, find_cables, read_source


def test_reads_lines_without_endings_and_normalises_crlf() -> None:
    source = decode_source(b"\xef\xbb\xbfUNCLAS ALMATY 000753\r\n\r\n1. Text.\r", "a.txt", "a.txt")
    assert source.lines == ("UNCLAS ALMATY 000753", "", "1. Text.", "")


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", None, "empty"),
        (b"  \n\n", None, "empty"),
        (b"UNCLAS\nabc\x00def", 2, "binary"),
        (b"ok\n\xff\xfe bad", 2, "UTF-8"),
        (b"ok\nbell\x07", 2, "control character"),
    ],
)
def test_refuses_what_is_not_text(data: bytes, line: int | None, words: str) -> None:
    with pytest.raises(CableError) as raised:
        decode_source(data, "cables/x.txt", "x.txt")
    assert raised.value.problem.path == "cables/x.txt"
    assert raised.value.problem.line == line
    assert words in raised.value.problem.message


def test_refuses_oversized_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_CABLE_BYTES + 1))
    with pytest.raises(CableError, match="at most"):
        read_source(big)
    with pytest.raises(CableError, match="cannot read"):
        read_source(tmp_path / "missing.txt")


def test_finds_cables_sorted_and_skips_sidecars(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "a.yml", ".hidden.txt", "README.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [path.name for path in find_cables(tmp_path)] == ["a.md", "b.txt"]
