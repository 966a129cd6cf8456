"""Find cable files and read them as text with line numbers, refusing what is not text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import CableError

CABLE_SUFFIXES = (".txt", ".md")
MAX_CABLE_BYTES = 2 * 1024 * 1024
"""The longest real cables are ~100 KB; anything far larger is not a cable."""


@dataclass(frozen=True)
class SourceText:
    path: str
    """The path as given, for messages."""
    name: str
    """The file name, used as a hint for the cable id."""
    lines: tuple[str, ...]
    """The text split into lines, without line endings; index 0 is line 1."""


def find_cables(folder: Path) -> list[Path]:
    """Every cable file below `folder`, sorted so that runs are deterministic.

    Editorial sidecars (`*.yml`) and dot files are not cables.
    """
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in CABLE_SUFFIXES and not path.name.startswith(".")
        and path.name.upper() not in ("README.MD", "INDEX.TSV")
    )


def read_source(path: Path, display: str | None = None) -> SourceText:
    """Read one cable file; raise CableError naming the file (and line) if it is not text."""
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CABLE_BYTES:
            raise CableError(shown, None, f"file is {size:,} bytes; a cable is at most {MAX_CABLE_BYTES:,}")
        data = path.read_bytes()
    except OSError as error:
        raise CableError(shown, None, f"cannot read file: {error.strerror or error}") from error
    return decode_source(data, shown, path.name)


def decode_source(data: bytes, shown: str, name: str) -> SourceText:
    if not data.strip():
        raise CableError(shown, None, "file is empty")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise CableError(shown, line, "file is binary (contains NUL bytes), not a cable")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CableError(
            shown, line, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); re-save the file as UTF-8"
        ) from error
    control = next((ch for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v"), None)
    if control is not None:
        line = text[: text.index(control)].count("\n") + 1
        raise CableError(shown, line, f"file has control character U+{ord(control):04X}: not a text cable")
    return SourceText(shown, name, tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
