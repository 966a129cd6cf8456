"""Machine-readable exports: every cable's JSON and the archive catalogue.

They are written into docs/ like the pages, and MkDocs copies non-Markdown files to
the site unchanged: `site/cables/<id>.json` (exactly the `python -m generator parse`
contract, `model.cable_to_json`) and `site/catalog.json` (one entry per cable with
its page and data paths, and who cites whom). Output is deterministic: keys sorted,
two-space indent, UTF-8 without escaping, one trailing newline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..model import Cable, cable_to_json
from .crosslinks import ArchiveIndex
from .links import cable_json

CATALOG = "catalog.json"
CATALOG_VERSION = 1


def dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def data_files(cables: Sequence[Cable], index: ArchiveIndex | None = None) -> dict[str, str]:
    """Every JSON file, keyed by path under docs/."""
    index = index or ArchiveIndex.of(cables)
    files = {cable_json(cable.id): dump(cable_to_json(cable)) for cable in cables}
    files[CATALOG] = dump(catalog(cables, index))
    return files


def catalog(cables: Sequence[Cable], index: ArchiveIndex) -> dict[str, Any]:
    entries = []
    for cable in sorted(cables, key=lambda cable: cable.id):
        entries.append({
            "id": cable.id,
            "origin": cable.origin,
            "year": cable.year,
            "date": cable.date,
            "classification": cable.classification,
            "caveats": list(cable.caveats),
            "tags": list(cable.tags),
            "subject": cable.subject,
            "paragraphs": len(cable.paragraphs),
            "references": [reference.id for reference in cable.references if reference.id],
            "references_in_archive": sorted({reference.id for reference in cable.references
                                             if reference.id in index.ids and reference.id != cable.id}),
            "cited_by": list(index.cited_by.get(cable.id, ())),
            "has_recommendation": cable.recommendation is not None,
            "page": f"cables/{cable.id}/",
            "data": cable_json(cable.id),
        })
    return {"version": CATALOG_VERSION, "count": len(entries), "cables": entries}
