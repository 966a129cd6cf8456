"""Publish policy: which cables may reach site/ at all.

Applied after parsing and corrections and BEFORE rendering: a withheld cable is not
passed to any renderer, so it has no page, no JSON, no line in any list, no entry in
the search index or the feed, and references to it read "not in the archive".

A cable is published only when all of these hold:
- its classification, raised to its highest portion mark (`(C)` in an UNCLAS cable
  counts as CONFIDENTIAL), is listed in `publish.classifications`;
- it is not sensitive (SENSITIVE caveat, or any SBU portion mark), unless
  `publish.sensitive: true` says so explicitly;
- every caveat it bears (in the header, or in a portion mark like `S/NF`) is in
  `publish.caveats_allowed` (an allow list: an unknown caveat withholds the cable);
- its id is not in `publish.withhold`.
"""

from __future__ import annotations

from pathlib import Path

from .config import CLASSIFICATIONS, PublishPolicy
from .model import Cable

PORTION_LEVELS = {"U": "UNCLASSIFIED", "SBU": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET",
                  "TS": "TOP SECRET"}
PORTION_CAVEATS = {"NF": "NOFORN", "OC": "ORCON", "REL": "REL"}


def effective_classification(cable: Cable) -> str:
    """The banner classification, raised to the highest portion mark in the body."""
    levels = [cable.classification if cable.classification in CLASSIFICATIONS else "TOP SECRET"]
    for paragraph in cable.paragraphs:
        if paragraph.classification:
            head = paragraph.classification.upper().split("/")[0].strip()
            # An unknown portion mark is treated as the most restrictive: never guess "safe".
            levels.append(PORTION_LEVELS.get(head, "TOP SECRET"))
    return max(levels, key=CLASSIFICATIONS.index)


def is_sensitive(cable: Cable) -> bool:
    if any(caveat.upper() == "SENSITIVE" for caveat in cable.caveats):
        return True
    return any((p.classification or "").upper().split("/")[0].strip() == "SBU" for p in cable.paragraphs)


def _marks(cable: Cable) -> set[str]:
    marks = {caveat.upper() for caveat in cable.caveats}
    for paragraph in cable.paragraphs:
        for part in (paragraph.classification or "").upper().split("/")[1:]:
            marks.add(PORTION_CAVEATS.get(part.strip(), part.strip()))
    return marks


def withheld_reason(cable: Cable, policy: PublishPolicy) -> str | None:
    """Why the cable may not be published, or None when it may."""
    if cable.id.upper() in policy.withhold:
        return "listed in publish.withhold"
    level = effective_classification(cable)
    if level not in policy.classifications:
        shown = level if level == cable.classification else f"{level} (portion marks; banner {cable.classification})"
        return f"classification {shown} is not in publish.classifications"
    if is_sensitive(cable) and not policy.sensitive:
        return "SENSITIVE/SBU and publish.sensitive is not yes"
    barred = sorted(_marks(cable) - set(policy.caveats_allowed) - {"SENSITIVE"})
    if barred:
        return f"caveat {', '.join(barred)} is not in publish.caveats_allowed"
    return None


def apply_policy(cables: list[Cable], policy: PublishPolicy) -> tuple[list[Cable], list[tuple[Cable, str]]]:
    """(published, [(withheld cable, reason)]), both in the input order."""
    published: list[Cable] = []
    withheld: list[tuple[Cable, str]] = []
    for cable in cables:
        reason = withheld_reason(cable, policy)
        if reason is None:
            published.append(cable)
        else:
            withheld.append((cable, reason))
    return published, withheld


def leftover_pages(docs: Path, withheld: list[tuple[Cable, str]]) -> list[Path]:
    """Files still in docs/ for a withheld cable (`cables/<id>/...`, `cables/<id>.json`):
    the writer keeps a page edited by hand and never touches a file it did not write, but
    MkDocs would publish them, so generating must fail until they are deleted."""
    found: list[Path] = []
    folder = docs / "cables"
    for cable, _ in withheld:
        if (folder / cable.id).is_dir():
            found += sorted(path for path in (folder / cable.id).rglob("*") if path.is_file())
        if folder.is_dir():
            found += sorted(path for path in folder.glob(f"{cable.id}.*") if path.is_file())
    return found
