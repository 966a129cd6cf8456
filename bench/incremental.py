"""Benchmark: full generation vs regeneration after one cable changes, on N cables in git.

Makes N cables by varying the bundled real ones (bench/run.py's renumbering, plus a
changed date line and a few changed words, so no two cables are identical), commits
them to a fresh git repository with the bundled archive.yml, then times, each as a
fresh `python -m generator generate` process:

1. full: a first generation with no .cache/ and an empty docs/;
2. nothing changed: must write nothing (`0 written`);
3. one cable changed: after editing one word in the body of one cable; must rewrite
   only that cable's page;
4. one subject corrected: a sidecar corrects one cable's subject, which the browse
   pages list, so they are re-rendered (and the changed ones rewritten) too.

    python bench/incremental.py          # N = 1,000
    python bench/incremental.py 300
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, new_archive

WORDS = ("government", "ministry", "officials", "embassy", "meeting", "economic")


def vary(folder: Path) -> None:
    """Change a few words in each cable so the corpus is not 28 texts repeated."""
    for index, path in enumerate(sorted(folder.iterdir())):
        text = path.read_text(encoding="utf-8")
        word = WORDS[index % len(WORDS)]
        text = re.sub(rf"\b{word}\b", f"{word}-{index}", text, count=2)
        path.write_text(text, encoding="utf-8")


def run(root: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its children, last line of output)."""
    start = time.perf_counter()
    # Bytecode is cached as on any normal machine (some CI images set PYTHONDONTWRITEBYTECODE,
    # which would add the compilation of every module to every run), outside the source tree.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment.update(CI="true", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(root / ".pycache"))
    process = subprocess.Popen([sys.executable, "-m", "generator", "generate"], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    children = os.times()
    if process.returncode != 0:
        raise SystemExit(f"generate failed: {err.decode()[-2000:]}")
    return seconds, children.children_user + children.children_system, out.decode().strip().splitlines()[-1]


def git(root: Path, *args: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
                   "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=environment)


def bench(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-incremental-") as folder:
        root = Path(folder)
        new_archive(root, count)
        vary(root / "cables")
        (root / ".gitignore").write_text("/.cache/\n/site/\n/.pycache/\n")
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "cables")

        # CPU time (not only wall time) because a shared machine makes wall time noisy.
        spent = 0.0
        results = []
        for label in ("full generation", "nothing changed", "one cable changed", "one subject corrected"):
            if label == "one cable changed":
                change_one_cable(root / "cables")
            if label == "one subject corrected":
                correct_one_subject(root / "cables")
            wall, cpu_total, out = run(root)
            results.append((label, wall, cpu_total - spent, out))
            spent = cpu_total
        print(f"{count} cables in git; each run is a fresh process, Python start-up included")
        full_wall, full_cpu = results[0][1], results[0][2]
        for label, wall, cpu, out in results:
            print(f"{label:21} wall {wall:6.2f} s ({wall / full_wall:6.1%})   cpu {cpu:6.2f} s ({cpu / full_cpu:6.1%})"
                  f"   {out}")
        assert " 0 written" in results[1][3], results[1][3]
        assert " 0 written" not in results[2][3], results[2][3]


def correct_one_subject(folder: Path) -> None:
    """A sidecar correcting the subject of the first cable: the browse pages list it, so they change too."""
    first = sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".md"))[0]
    first.with_suffix(".yml").write_text("note: Subject from the index.\nsubject: A CORRECTED SUBJECT\n",
                                         encoding="utf-8")


def change_one_cable(folder: Path) -> None:
    """Edit one word in the body of a published (UNCLASSIFIED, not NOFORN) cable in the middle."""
    paths = sorted(folder.iterdir())
    for path in paths[len(paths) // 2:]:
        text = path.read_text(encoding="utf-8")
        if "UNCLAS" in text and " the " in text[len(text) // 2:]:
            middle = len(text) // 2
            path.write_text(text[:middle] + text[middle:].replace(" the ", " THE ", 1), encoding="utf-8")
            return


if __name__ == "__main__":
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
