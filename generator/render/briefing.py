"""The four briefing pages of one cable."""

from __future__ import annotations

from ..model import Cable
from .text import inline


def briefing_pages(cable: Cable) -> dict[str, str]:
    title = inline(cable.id)
    pages = {}
    for name, label, items in (
        ("treaties.md", "Treaties", [inline(treaty.name) for treaty in cable.treaties]),
        ("laws.md", "Laws", [inline(law.name) for law in cable.laws]),
        ("statistics.md", "Statistics", [inline(statistic.text) for statistic in cable.statistics]),
        ("recommendation.md", "Recommendation",
         [inline(cable.recommendation.text)] if cable.recommendation else []),
    ):
        body = "\n".join(f"- {item}" for item in items) if items else f"No {label.lower()} found in this cable."
        pages[name] = f"# {title} — {label}\n\n[Back to the cable](index.md)\n\n{body}\n"
    return pages
