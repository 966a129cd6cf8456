"""Caches under `.cache/` (git ignores it) that make a regeneration after a small change cheap.

- `parsed/*.pickle`: parsed cables keyed by sha256(generator code version, file name,
  file bytes). A changed cable, a renamed one or a changed generator misses.
- `pages/*.pickle`: the rendered pages of each cable keyed by sha256(code version, the
  cable as corrected and dated, the set of archive ids, the cables it cites and that
  cite it). Anything a cable page may show is in the key.
- `history.json`: the git history of cables/ for one HEAD commit (see history.py).
- `written.json`: size, mtime and sha256 of each file last written into docs/, so an
  unchanged page is recognised from its stat without reading it.

Every cache is an optimisation only: deleting `.cache/` (or a corrupt file in it)
changes no output, just the time taken. Each is written atomically and keeps only
the entries used by the latest run, so it never grows without bound. The code
version is a hash of the generator's own source and data files, so a new generator
never reads a stale entry. Pickles are trusted: `.cache/` is local to the archive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import pickle
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Cable

CACHE_DIR = ".cache"
PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """sha256 over every source and data file of the generator package."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json", ".txt", ".tsv"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _load_pickle(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            data = pickle.load(stream)
    except Exception:  # a missing, truncated or foreign cache is simply empty
        return {}
    if not isinstance(data, dict) or data.get("version") != code_version():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _save_pickle(path: Path, entries: dict[str, Any]) -> None:
    from .write import atomic_write

    # A read-only checkout still generates; it is only slower next time.
    with contextlib.suppress(OSError):
        atomic_write(path, pickle.dumps({"version": code_version(), "entries": entries},
                                        protocol=pickle.HIGHEST_PROTOCOL))


BUCKETS = "0123456789abcdef"
"""Each cache is split in 16 files by the first hex digit of the key, so that a change to
one cable rewrites about 2 of them instead of the whole cache."""


class KeyedCache:
    """A dict persisted as 16 pickles in a folder; `save` keeps the entries used since loading."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.old: dict[str, Any] = {}
        if folder is not None:
            for bucket in BUCKETS:
                self.old.update(_load_pickle(folder / f"{bucket}.pickle"))
        self.used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any | None:
        value = self.old.get(key)
        if value is None:
            value = self.used.get(key)
        if value is not None:
            self.hits += 1
            self.used[key] = value
        else:
            self.misses += 1
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        """Rewrite the buckets whose set of keys changed (new entries, or entries no longer used)."""
        if self.folder is None:
            return
        changed = {key[:1] for key in set(self.used) ^ set(self.old)}
        for bucket in sorted(changed):
            if bucket not in BUCKETS:
                continue
            entries = {key: value for key, value in self.used.items() if key[:1] == bucket}
            _save_pickle(self.folder / f"{bucket}.pickle", entries)


class ParseCache(KeyedCache):
    def __init__(self, root: Path | None) -> None:
        super().__init__(root / CACHE_DIR / "parsed" if root else None)
        self.keys: dict[Path, str] = {}
        """Cable file -> its key, for fingerprints."""

    @staticmethod
    def key(name: str, data: bytes) -> str:
        return hashlib.sha256(f"{code_version()}\0{name}\0".encode() + data).hexdigest()


BODY_FIELDS = frozenset({"paragraphs", "summary", "signer", "references", "treaties", "laws", "statistics",
                         "checks", "recommendation", "warnings", "editor_note", "source"})
"""Fields the archive-wide pages (home, browse lists) never show: changing only these
in a cable does not re-render them. tests/test_workflow.py proves the archive pages
do not depend on them; a renderer that starts to must take the field out of here."""

BRIEFING_INDEX_SKIPS = frozenset({"paragraphs", "summary", "signer", "references", "checks", "warnings",
                                  "editor_note", "source"})
"""Fields the archive-wide briefing indexes never show (tested like BODY_FIELDS)."""


def fingerprint(parse_key: str, sidecar: Path | None, history: object) -> str:
    """Digest of a cable's inputs: cheaper than digesting the cable, and equivalent."""
    digest = hashlib.sha256(parse_key.encode() + b"\0" + repr(history).encode() + b"\0")
    if sidecar is not None:
        try:
            digest.update(sidecar.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def cable_digest(cable: Cable) -> str:
    """A digest of the cable's value. repr, not pickle: pickle's bytes depend on which equal
    strings happen to be the same object, so a cable from the cache would hash differently."""
    return hashlib.sha256(repr(cable).encode()).hexdigest()


class PageCache(KeyedCache):
    """Rendered pages of each cable, keyed by everything those pages may depend on."""

    def __init__(self, root: Path | None, fingerprints: dict[str, str] | None = None) -> None:
        super().__init__(root / CACHE_DIR / "pages" if root else None)
        self.fingerprints = fingerprints or {}

    def render_all(self, cables: Iterable[Cable], render: Callable[[Cable], dict[str, str]],
                   dependencies: Callable[[Cable], Any] | None = None, name: str = "cable") -> dict[str, str]:
        """Each cable's own pages, keyed by the cable, the archive's ids, the cables it
        cites or that cite it, and every cable id found in `dependencies(cable)` (what the
        page shows of other cables: previous/next, cited by). `name` tells apart several
        per-cable renderings (pages, JSON) of the same cable."""
        cables = list(cables)
        digests = {cable.id: self.fingerprints.get(cable.id) or cable_digest(cable) for cable in cables}
        ids_digest = hashlib.sha256("\0".join(sorted(digests)).encode()).hexdigest()
        neighbours: dict[str, set[str]] = {cable.id: set() for cable in cables}
        for cable in cables:
            for reference in cable.references:
                if reference.id in neighbours and reference.id != cable.id:
                    neighbours[cable.id].add(reference.id)
                    neighbours[reference.id].add(cable.id)
        pages: dict[str, str] = {}
        for cable in cables:
            related = set(neighbours[cable.id])
            if dependencies is not None:
                related |= {other for other in _strings(dependencies(cable)) if other in digests}
            key = hashlib.sha256(f"{code_version()}\0{name}\0{digests[cable.id]}{ids_digest}".encode() + "".join(
                f"{other}{digests[other]}" for other in sorted(related)).encode()).hexdigest()
            rendered = self.get(key)
            if rendered is None:
                rendered = render(cable)
                self.put(key, rendered)
            pages.update(rendered)
        return pages

    def render_whole(self, name: str, cables: list[Cable], render: Callable[[list[Cable]], dict[str, str]],
                     ignored: frozenset[str] = frozenset()) -> dict[str, str]:
        """Archive-wide pages, re-rendered only when a field they may show (not in `ignored`) changed."""
        names = [item.name for item in dataclasses.fields(Cable) if item.name not in ignored]
        listing = repr([tuple(getattr(cable, field) for field in names) for cable in cables]).encode()
        key = hashlib.sha256(f"{code_version()}\0{name}\0".encode() + listing).hexdigest()
        pages = self.get(key)
        if pages is None:
            pages = render(cables)
            self.put(key, pages)
        return pages

    def render_archive(self, cables: list[Cable],
                       render: Callable[[list[Cable]], dict[str, str]]) -> dict[str, str]:
        """The home and browse pages, re-rendered only when a listed (non-body) field changed."""
        return self.render_whole("archive", cables, render, BODY_FIELDS)


def _strings(value: Any) -> Iterable[str]:
    """Every string inside nested tuples/lists (the cable ids in a dependencies value)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _strings(item)


class StatCache:
    """What the generator last wrote into docs/: path -> (size, mtime_ns, sha256)."""

    def __init__(self, root: Path | None) -> None:
        self.path = root / CACHE_DIR / "written.json" if root else None
        self.entries: dict[str, tuple[int, int, str]] = {}
        if self.path:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("version") == code_version():
                    self.entries = {key: tuple(value) for key, value in data["entries"].items()}  # type: ignore[misc]
            except Exception:  # missing or corrupt: every file is hashed instead
                self.entries = {}
        self.changed = False

    def digest_of(self, target: Path, relative: str) -> str | None:
        """The sha256 of target when its stat matches what was recorded, else None."""
        known = self.entries.get(relative)
        if known is None:
            return None
        try:
            stat = target.stat()
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns) == (known[0], known[1]):
            return known[2]
        return None

    def record(self, target: Path, relative: str, sha: str) -> None:
        try:
            stat = target.stat()
        except OSError:
            return
        entry = (stat.st_size, stat.st_mtime_ns, sha)
        if self.entries.get(relative) != entry:
            self.entries[relative] = entry
            self.changed = True

    def keep_only(self, paths: Iterable[str]) -> None:
        wanted = set(paths)
        for path in list(self.entries):
            if path not in wanted:
                del self.entries[path]
                self.changed = True

    def save(self) -> None:
        if not self.path or not self.changed:
            return
        from .write import atomic_write

        with contextlib.suppress(OSError):
            data = {"version": code_version(), "entries": dict(sorted(self.entries.items()))}
            atomic_write(self.path, json.dumps(data, separators=(",", ":")).encode())
