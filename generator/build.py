"""The orchestrator: cables/ → parsed cables → Markdown pages → docs/ → mkdocs → site/.

Each stage is one call; everything is gathered and validated before anything is
written, so a bad cable never leaves docs/ half-updated.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .briefing import extract_briefing
from .errors import ArchiveError, CableError, Problem
from .model import Cable
from .parse import parse_cable
from .progress import Progress
from .render.archive import archive_pages
from .render.briefing import briefing_pages
from .render.briefing_indexes import briefing_index_pages
from .render.cable import overview_page
from .render.crosslinks import ArchiveIndex
from .render.data import data_files
from .render.links import cable_page
from .sources import find_cables, read_source
from .write import WriteReport, write_pages


@dataclass(frozen=True)
class Settings:
    root: Path
    """The archive's folder: where mkdocs.yml, cables/ and docs/ are."""

    @property
    def cables(self) -> Path:
        return self.root / "cables"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"


@dataclass
class Archive:
    cables: list[Cable] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


def load_cable(path: Path, shown: str) -> Cable:
    """Read, parse and extract one cable; raises CableError."""
    return extract_briefing(parse_cable(read_source(path, shown)))


def load_archive(settings: Settings) -> Archive:
    """Every cable under cables/, each failure isolated to its own file."""
    archive = Archive()
    if not settings.cables.is_dir():
        raise ArchiveError(f"{settings.cables}: no cables folder; create it and put cable files in it")
    paths = find_cables(settings.cables)
    progress = Progress(len(paths), "Reading cables")
    seen: dict[str, str] = {}
    for path in paths:
        shown = path.relative_to(settings.root).as_posix()
        progress.step()
        try:
            cable = load_cable(path, shown)
        except CableError as error:
            archive.problems.append(error.problem)
            continue
        archive.problems.extend(_warnings(shown, cable))
        if cable.id in seen:
            archive.problems.append(Problem(shown, None, f"cable id {cable.id} is also claimed by {seen[cable.id]}; "
                                                         "this file is skipped"))
            continue
        seen[cable.id] = shown
        archive.cables.append(cable)
    archive.cables.sort(key=lambda cable: cable.id)
    return archive


def _warnings(shown: str, cable: Cable) -> list[Problem]:
    problems = []
    for warning in cable.warnings:
        line, _, message = warning.partition(": ")
        problems.append(Problem(shown, int(line) if line.isdigit() else None, message, "warning"))
    return problems


def render_site(cables: list[Cable]) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. Pure: no I/O."""
    index = ArchiveIndex.of(cables)
    pages: dict[str, str] = {}
    for cable in cables:
        pages[cable_page(cable.id)] = overview_page(cable, index)
        for name, text in briefing_pages(cable).items():
            pages[f"cables/{cable.id}/{name}"] = text
    pages.update(archive_pages(cables))
    pages.update(briefing_index_pages(cables))
    pages.update(data_files(cables, index))
    return pages


def generate(settings: Settings) -> tuple[Archive, WriteReport]:
    archive = load_archive(settings)
    pages = render_site(archive.cables)
    return archive, write_pages(settings.docs, pages)


def mkdocs(settings: Settings, verb: str, *options: str) -> int:
    """Run the real MkDocs from this interpreter's environment."""
    command = [sys.executable, "-m", "mkdocs", verb, "--config-file", str(settings.config), *options]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, cwd=settings.root, env=environment)
