"""Write generated pages into docs/, owning only what the generator wrote.

A manifest (`docs/.generated.json`, which MkDocs ignores as a dot file) records every
file the generator wrote with the hash of what it wrote. From it:

- a file that exists but is not in the manifest is hand-written: never overwritten;
- a generated file edited by hand (hash differs) is never overwritten or removed;
- a generated file no longer produced (its cable was removed) is removed;
- a file whose content is unchanged is not rewritten, so its modification time stays.

Writes are atomic (temporary file in the same folder, then rename): an interrupted
run leaves each page either old or new, never half written; the manifest is written
last, so a file written before an interruption is recognised on the next run.

With a StatCache (see cache.py) a file whose size and modification time match what
was last written is taken to be unchanged without reading it: a regeneration of a
large archive then costs one stat per page, not one read and hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import OutputError

if TYPE_CHECKING:
    from .cache import StatCache

MANIFEST_NAME = ".generated.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """`path: reason` for files the generator would not touch."""

    def summary(self) -> str:
        return f"{len(self.written)} written, {len(self.unchanged)} unchanged, {len(self.removed)} removed"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_relative(path: str) -> PurePosixPath:
    """Refuse a page path that would escape docs/ (`../x`, `/etc/x`, `a//b`, `a\\b`, NUL)."""
    _check_path(path)
    return PurePosixPath(path)


def load_manifest(docs: Path) -> dict[str, str]:
    manifest = docs / MANIFEST_NAME
    if not manifest.exists():
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(f"{manifest}: unreadable manifest ({error}); delete it to start over") from error
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise OutputError(f"{manifest}: not a generator manifest; delete it to start over")
    return {str(key): str(value) for key, value in files.items()}


def _current_digest(target: Path, path: str, stats: StatCache | None) -> str | None:
    """sha256 of the file on disk (None when absent), from the stat cache when it can tell."""
    if stats is not None:
        known = stats.digest_of(target, path)
        if known is not None:
            return known
    try:
        current = digest(target.read_bytes())
    except FileNotFoundError:
        return None
    if stats is not None:
        stats.record(target, path, current)
    return current


def write_pages(docs: Path, pages: dict[str, str], stats: StatCache | None = None) -> WriteReport:
    """Bring docs/ to exactly `pages` for the files the generator owns."""
    for path in pages:
        _check_path(path)
    _refuse_links(docs, pages)
    report = WriteReport()
    old = load_manifest(docs)
    for path in old:
        _check_path(path)
    new: dict[str, str] = {}
    for path in sorted(pages):
        data = pages[path].encode("utf-8")
        target = docs / path
        wanted = digest(data)
        current = _current_digest(target, path, stats)
        if current is not None:
            if path not in old and current == wanted:
                # Byte for byte what the generator would write: a page from a run interrupted
                # before it could record its manifest. Adopt it instead of refusing it forever.
                report.unchanged.append(path)
                new[path] = wanted
                continue
            if path not in old:
                report.refused.append(f"{target}: exists and was not written by the generator; not overwritten")
                continue
            if current != old[path] and current != wanted:
                report.refused.append(f"{target}: edited by hand since generated; not overwritten")
                new[path] = old[path]
                continue
            if current == wanted:
                report.unchanged.append(path)
                new[path] = wanted
                continue
        atomic_write(target, data)
        if stats is not None:
            stats.record(target, path, wanted)
        report.written.append(path)
        new[path] = wanted
    for path in sorted(set(old) - set(pages)):
        target = docs / path
        current = _current_digest(target, path, stats)
        if current is None:
            continue
        if current != old[path]:
            report.refused.append(f"{target}: edited by hand; its cable is gone but the file is kept")
            continue
        target.unlink()
        _remove_empty_parents(target.parent, docs)
        report.removed.append(path)
    if new != old or not (docs / MANIFEST_NAME).exists():
        manifest = {"about": "Files written by the Briefing Archive generator; do not edit.", "files": new}
        atomic_write(docs / MANIFEST_NAME, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    if stats is not None:
        stats.keep_only(new)
        stats.save()
    return report


def _check_path(path: str) -> None:
    """Like safe_relative without building a path object (it runs for every page on every run)."""
    if not isinstance(path, str) or "\\" in path or "\0" in path or any(
            part in ("", ".", "..") for part in path.split("/")):
        raise OutputError(f"refusing to write outside docs/: {path!r}")


def _refuse_links(docs: Path, pages: dict[str, str]) -> None:
    """Refuse to write through a linked folder: docs/cables -> /etc would escape docs/.

    (A linked file is safe: the atomic rename replaces the link, not its target.)
    """
    folders: set[str] = set()
    for path in pages:
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(folders):
        if os.path.islink(os.path.join(docs, folder)):
            raise OutputError(f"refusing to write through a symbolic link: {docs / folder}")


def atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
