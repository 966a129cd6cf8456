"""Benchmark: generator and `mkdocs build` on N realistic cables, side by side in one run.

Makes N cables by varying the bundled real ones (new numbers, so new ids; same text
shapes), then for each N prints generator seconds, mkdocs seconds, their ratio, the
peak memory of each process, and the HTML bytes of one cable page and of the site.

    python bench/run.py            # N = 100 and 1,000
    python bench/run.py 100 300    # other sizes
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANNER = re.compile(
    r"(?P<head>(?:UNCLAS|C O N F I D E N T I A L|CONFIDENTIAL|S E C R E T|SECRET)"
    r"(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+(?P<post>[A-Z][A-Z ]*?[A-Z])\s+)(?P<number>\d{3,7})(?P<tail>\s*)$",
    re.MULTILINE,
)
"""`UNCLAS ALMATY 000753`: the banner whose number we change to make a new cable."""
HEADER_ID = re.compile(r"\A(?P<year>\d{2})(?P<post>[A-Z]+)(?P<number>\d+)\n")
"""`08CAIRO348` on line 1 of the publisher's header."""


def make_cables(count: int, target: Path) -> None:
    """Write `count` cables into target/ by renumbering the bundled real ones."""
    bases = []
    for path in sorted((ROOT / "cables").glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        text = path.read_text(encoding="utf-8")
        if BANNER.search(text):
            bases.append((path, text))
    target.mkdir(parents=True)
    for index in range(count):
        path, text = bases[index % len(bases)]
        number = 900000 + index
        text = BANNER.sub(rf"\g<head>{number:06d}\g<tail>", text, count=1)
        post = re.sub(r"\s", "", BANNER.search(text)["post"])
        stem = path.stem
        year = stem[:2] if stem[:2].isdigit() else "05"
        new_id = f"{year}{post}{number}"
        text = HEADER_ID.sub(f"{new_id}\n", text, count=1)
        (target / f"{new_id}{path.suffix}").write_text(text, encoding="utf-8")


def new_archive(root: Path, count: int) -> None:
    """An archive folder with the project's settings and `count` renumbered cables."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "archive.yml", root / "archive.yml")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    make_cables(count, root / "cables")


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak resident memory in MiB) of that process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "true", "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def bench(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        root = Path(folder)
        new_archive(root, count)
        generator_seconds, generator_mib = timed([sys.executable, "-m", "generator", "generate"], root)
        mkdocs_seconds, mkdocs_mib = timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], root)
        pages = sorted((root / "site" / "cables").glob("*/index.html"))
        site_bytes = sum(path.stat().st_size for path in (root / "site").rglob("*") if path.is_file())
        index = root / "site" / "search" / "search_index.json"
        return {
            "cables": count,
            "generator_s": generator_seconds,
            "mkdocs_s": mkdocs_seconds,
            "ratio": generator_seconds / mkdocs_seconds,
            "generator_mib": generator_mib,
            "mkdocs_mib": mkdocs_mib,
            "cable_page_bytes": sum(path.stat().st_size for path in pages) / len(pages),
            "home_page_bytes": (root / "site" / "index.html").stat().st_size,
            "search_bytes_per_cable": index.stat().st_size / count,
            "site_mib": site_bytes / 2**20,
        }


def main(argv: list[str]) -> None:
    sizes = [int(value) for value in argv] or [100, 1000]
    columns = ("cables", "generator_s", "mkdocs_s", "ratio", "generator_mib", "mkdocs_mib",
               "cable_page_bytes", "home_page_bytes", "search_bytes_per_cable", "site_mib")
    print(" | ".join(columns))
    for size in sizes:
        result = bench(size)
        print(" | ".join(f"{result[name]:,.0f}" if name.endswith(("bytes", "cables", "per_cable"))
                         else f"{result[name]:.2f}" for name in columns), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
