"""When each cable entered the archive and when it was last corrected, from git.

One `git log --name-status` pass over cables/ (not one query per file, which is slow
at 1,000 cables). Dates are commit dates, so the output depends only on the commit,
never on the wall clock. Outside git, without git, or for files not yet committed,
the dates are None; in a shallow clone the "added" date of a file first seen in the
oldest fetched commit is unknown (it may be older), so it is None too. Never fails.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
from pathlib import Path

from .model import History

MARK = "\x1ecommit "
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args],
                                capture_output=True, text=True, timeout=120, encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(root: Path, folder: str = "cables", cache: Path | None = None) -> dict[str, History]:
    """Map each path under root (posix, like `cables/05ALMATY753.md`) to its history.

    A cable's own file gives `added` (its first commit) and `corrected` (its latest
    later commit); a sidecar's commits count as corrections of the cable with the
    same stem. Renames are followed. Returns {} when git cannot tell.

    With `cache` (a JSON file), the result is reused while HEAD, the shallow boundary
    and the generator are unchanged: a long history is read once per commit, not per run.
    """
    head = _git(root, "rev-parse", "HEAD")
    if not head:
        return {}
    from .cache import code_version

    key = f"{code_version()} {head.strip()} {folder} {' '.join(sorted(_shallow(root)))}"
    if cache is not None:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("key") == key:
                return {path: History(*dates) for path, dates in data["histories"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass
    histories = _read_history(root, folder)
    if cache is not None:
        from .write import atomic_write

        data = {"key": key, "histories": {path: [item.added, item.corrected] for path, item in histories.items()}}
        with contextlib.suppress(OSError):
            atomic_write(cache, json.dumps(data, sort_keys=True).encode())
    return histories


def _read_history(root: Path, folder: str) -> dict[str, History]:
    log = _git(root, "log", "--relative", "-M", "--name-status", f"--format={MARK}%H %cs", "--", folder)
    if not log:
        return {}
    shallow = set(_shallow(root))
    touches: dict[str, list[tuple[str, str]]] = {}
    """path -> (commit, date), newest first."""
    added_in: dict[str, str] = {}
    """path -> commit hash where the path was added (status A)."""
    alias: dict[str, str] = {}
    """old path -> the path it was later renamed to (so older commits count for the new name)."""
    commit, date = "", ""
    for line in log.split("\n"):  # not splitlines(): it splits at \x1e too
        if line.startswith(MARK):
            commit, _, date = line[len(MARK):].partition(" ")
            if not DATE.fullmatch(date):
                return {}
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        status = parts[0][0]
        if status == "R" and len(parts) == 3:
            old, new = parts[1], parts[2]
            current = alias.get(new, new)
            alias[old] = current
            if parts[0] != "R100":  # renamed and changed: a correction; a pure rename is not
                touches.setdefault(current, []).append((commit, date))
            continue
        path = alias.get(parts[1], parts[1])
        if status == "D":
            continue
        touches.setdefault(path, []).append((commit, date))
        if status == "A":
            added_in[path] = commit
    histories: dict[str, History] = {}
    for path, seen in touches.items():
        first_known = added_in.get(path)
        added = seen[-1][1] if first_known and first_known not in shallow else None
        # In a shallow clone the boundary commit shows every file as new: it says nothing.
        later = [date for commit, date in (seen[:-1] if added else seen) if commit not in shallow]
        histories[path] = History(added=added, corrected=later[0] if later else None)
    return histories


def _shallow(root: Path) -> list[str]:
    """Commits at the boundary of a shallow clone (their parents were not fetched)."""
    name = _git(root, "rev-parse", "--git-path", "shallow")
    if not name:
        return []
    path = Path(name.strip())
    path = path if path.is_absolute() else root / path
    try:
        return path.read_text(encoding="utf-8").split()
    except OSError:
        return []


def cable_history(histories: dict[str, History], cable_file: str, sidecar_file: str | None) -> History | None:
    """The history of one cable: its file's dates, with sidecar commits as corrections."""
    own = histories.get(cable_file)
    side = histories.get(sidecar_file) if sidecar_file else None
    if own is None and side is None:
        return None
    added = own.added if own else None
    dates = [date for date in (own.corrected if own else None,
                               side.corrected if side else None, side.added if side else None) if date]
    corrected = max(dates) if dates else None
    return History(added=added, corrected=corrected)
