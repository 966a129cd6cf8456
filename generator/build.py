"""The orchestrator: cables/ → parsed cables → Markdown pages → docs/ → mkdocs → site/.

Each stage is one call; everything is gathered and validated before anything is
written, so a bad cable never leaves docs/ half-updated.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .cache import BRIEFING_INDEX_SKIPS, CACHE_DIR, PageCache, ParseCache, StatCache, fingerprint
from .config import ArchiveConfig, load_config
from .corrections import CorrectionError, apply_sidecar, find_sidecars, orphan_sidecars, sidecar_for
from .errors import ArchiveError, CableError, Problem
from .history import cable_history, read_history
from .model import Cable
from .policy import apply_policy
from .progress import Progress
from .render.archive import archive_pages
from .render.briefing import briefing_pages
from .render.briefing_indexes import briefing_index_pages
from .render.cable import overview_page
from .render.crosslinks import ArchiveIndex
from .render.data import CATALOG, catalog, data_files, dump
from .render.feed import feed_pages
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


SAFE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,99}")
"""A cable id becomes a folder name under docs/cables/: nothing that could escape it."""


@dataclass
class Archive:
    cables: list[Cable] = field(default_factory=list)
    """The cables that may be published: the only ones rendering ever sees."""
    problems: list[Problem] = field(default_factory=list)
    withheld: list[tuple[Cable, str]] = field(default_factory=list)
    """Cables the publish policy keeps out of the site, with the reason."""
    config: ArchiveConfig = field(default_factory=ArchiveConfig)
    fingerprints: dict[str, str] = field(default_factory=dict)
    """Cable id -> digest of everything the cable was made from (source bytes, file name,
    generator version, sidecar bytes, history); only when loaded with the cache."""

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


def _read_and_parse(path: Path, shown: str) -> Cable:
    # Imported here, not at the top: a regeneration that finds every cable in the
    # parse cache never needs the parser, and importing it is a large share of that run.
    from .briefing import extract_briefing
    from .parse import parse_cable

    return extract_briefing(parse_cable(read_source(path, shown)))


def load_cable(path: Path, shown: str, cache: ParseCache | None = None) -> Cable:
    """Read, parse and extract one cable (from the cache when its bytes were seen); raises CableError."""
    if cache is None:
        return _read_and_parse(path, shown)
    try:
        key = cache.key(path.name, path.read_bytes())
    except OSError:
        return _read_and_parse(path, shown)
    cache.keys[path] = key
    cable = cache.get(key)
    if cable is None:
        cable = _read_and_parse(path, shown)
        cache.put(key, cable)
    return cable


def load_archive(settings: Settings, cache: bool = False) -> Archive:
    """Every cable under cables/, corrected by its sidecar, split by the publish policy.

    Each failure is isolated to its own file. `archive.cables` holds only what the
    publish policy allows: withholding happens here, before anything is rendered.
    With `cache`, parsed cables are kept in .cache/ by content hash (see cache.py).
    """
    archive = Archive(config=load_config(settings.root))
    if not settings.cables.is_dir():
        raise ArchiveError(f"{settings.cables}: no cables folder; create it and put cable files in it")
    paths = find_cables(settings.cables)
    progress = Progress(len(paths), "Reading cables")
    seen: dict[str, str] = {}
    sidecars: set[Path] = set()
    cables: list[Cable] = []
    history_cache = settings.root / CACHE_DIR / "history.json" if cache else None
    histories = read_history(settings.root, cache=history_cache) if archive.config.history else {}
    parsed = ParseCache(settings.root if cache else None)
    existing = find_sidecars(settings.cables)
    for path in paths:
        shown = path.relative_to(settings.root).as_posix()
        progress.step()
        try:
            cable = load_cable(path, shown, parsed)
        except CableError as error:
            archive.problems.append(error.problem)
            continue
        archive.problems.extend(_warnings(shown, cable))
        if not SAFE_ID.fullmatch(cable.id):
            archive.problems.append(Problem(shown, None, f"cable id {cable.id!r} is not a safe page name; "
                                                         "this file is skipped"))
            continue
        if cable.id in seen:
            archive.problems.append(Problem(shown, None, f"cable id {cable.id} is also claimed by {seen[cable.id]}; "
                                                         "this file is skipped"))
            continue
        seen[cable.id] = shown
        sidecar = sidecar_for(path, cable.id, existing)
        sidecar_shown = sidecar.relative_to(settings.root).as_posix() if sidecar else None
        if sidecar is not None and sidecar_shown is not None:
            sidecars.add(sidecar)
            try:
                cable = apply_sidecar(cable, sidecar, sidecar_shown)
            except CorrectionError as error:
                archive.problems.append(error.problem)
                archive.problems.append(Problem(shown, None, "published without its corrections until "
                                                             f"{error.problem.path} is fixed", "warning"))
        history = cable_history(histories, shown, sidecar_shown)
        if history is not None:
            cable = dataclasses.replace(cable, history=history)
        if path in parsed.keys:
            archive.fingerprints[cable.id] = fingerprint(parsed.keys[path], sidecar, history)
        cables.append(cable)
    for orphan in orphan_sidecars(existing, sidecars):
        archive.problems.append(Problem(orphan.relative_to(settings.root).as_posix(), None,
                                        "corrections for no cable: name it like the cable file (<id>.yml)",
                                        "warning"))
    parsed.save()
    cables.sort(key=lambda cable: cable.id)
    archive.cables, archive.withheld = apply_policy(cables, archive.config.publish)
    return archive


def _warnings(shown: str, cable: Cable) -> list[Problem]:
    problems = []
    for warning in cable.warnings:
        line, _, message = warning.partition(": ")
        problems.append(Problem(shown, int(line) if line.isdigit() else None, message, "warning"))
    return problems


def render_site(cables: list[Cable], cache: PageCache | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. Pure but for the optional cache.

    With a PageCache, a cable's pages are re-rendered only when the cable or what its
    page shows of other cables (`ArchiveIndex.dependencies`) changed, and the
    archive-wide pages only when what they list changed (see cache.py).
    """
    index = ArchiveIndex.of(cables)

    def render_cable(cable: Cable) -> dict[str, str]:
        pages = {cable_page(cable.id): overview_page(cable, index)}
        for name, text in briefing_pages(cable).items():
            pages[f"cables/{cable.id}/{name}"] = text
        return pages

    pages: dict[str, str] = {}
    if cache is None:
        for cable in cables:
            pages.update(render_cable(cable))
        pages.update(archive_pages(cables))
        pages.update(briefing_index_pages(cables))
        pages.update(data_files(cables, index))
    else:
        pages.update(cache.render_all(cables, render_cable, index.dependencies))
        pages.update(cache.render_archive(cables, archive_pages))
        pages.update(cache.render_whole("briefing-indexes", cables, briefing_index_pages, BRIEFING_INDEX_SKIPS))
        # Each cable's JSON depends on that cable only; the catalogue is cheap and always made.
        pages.update(cache.render_all(cables, lambda cable: {
            path: text for path, text in data_files([cable], index).items() if path != CATALOG}, name="json"))
        pages[CATALOG] = dump(catalog(cables, index))
    return pages


def generate(settings: Settings, cache: bool = True) -> tuple[Archive, WriteReport]:
    archive = load_archive(settings, cache=cache)
    rendered = PageCache(settings.root if cache else None, archive.fingerprints)
    pages = render_site(archive.cables, rendered)
    feed = archive.config.feed
    if feed.site_url is None:
        feed = dataclasses.replace(feed, site_url=mkdocs_site_url(settings.config))
    pages.update(feed_pages(archive.cables, feed))
    report = write_pages(settings.docs, pages, StatCache(settings.root if cache else None))
    rendered.save()
    return archive, report


def mkdocs_site_url(config: Path) -> str | None:
    """`site_url` from mkdocs.yml (a plain line; MkDocs' own loader needs plugins imported), if set."""
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = re.search(r"""^site_url:[ \t]*["']?(https?://[^"'\s#]+)""", text, re.MULTILINE)
    if not found:
        return None
    return found.group(1) if found.group(1).endswith("/") else found.group(1) + "/"


def mkdocs(settings: Settings, verb: str, *options: str) -> int:
    """Run the real MkDocs from this interpreter's environment."""
    command = [sys.executable, "-m", "mkdocs", verb, "--config-file", str(settings.config), *options]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, cwd=settings.root, env=environment)
