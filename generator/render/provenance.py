"""Provenance on a cable page: what an editor corrected, and the cable's history in the archive.

Returns Markdown lines for render/cable.py to place after the metadata table, so a
reader can tell the source from the editing. Empty for an uncorrected cable outside git.
"""

from __future__ import annotations

from ..model import Cable
from .text import inline, table_cell

FIELD_LABELS = {"date": "Date", "subject": "Subject", "signer": "Signed", "summary": "Summary",
                "classification": "Classification", "caveats": "Caveats", "tags": "Tags",
                "references": "References", "treaties": "Treaties", "laws": "Laws", "statistics": "Statistics",
                "recommendation": "Recommendation", "paragraphs": "Full text", "partial": "Source"}
ACTIONS = {"set": "corrected", "add": "added by the editor", "fix": "corrected"}
SHOWN = 160
"""Longest value quoted in the edits table; the full value is in the page itself."""


def provenance_lines(cable: Cable) -> list[str]:
    lines: list[str] = []
    if cable.history and (cable.history.added or cable.history.corrected):
        parts = []
        if cable.history.added:
            parts.append(f"Added to the archive on {cable.history.added}")
        if cable.history.corrected:
            parts.append(f"last corrected on {cable.history.corrected}")
        text = "; ".join(parts)
        lines += ["", f"*{text}.*"]
    if cable.edits or cable.editor_note:
        lines += ["", '!!! note "Edited: this page shows editorial corrections"', ""]
        if cable.editor_note:
            lines += [f"    **Editor's note:** {inline(cable.editor_note)}", ""]
        if cable.edits:
            lines += ["    | Field | Edit | As the parser read it |", "    |---|---|---|"]
            for edit in cable.edits:
                label = FIELD_LABELS.get(edit.field, edit.field)
                before = table_cell(_short(edit.before)) if edit.before else "(nothing)"
                lines.append(f"    | {inline(label)} | {ACTIONS[edit.action]} | {before} |")
            lines += ["", "    The source text is unchanged; the values above it on this page are the corrected ones."]
    return lines


def edited_fields(cable: Cable) -> frozenset[str]:
    """Names of the fields an editor corrected, for renderers that mark them in place."""
    return frozenset(edit.field for edit in cable.edits)


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
