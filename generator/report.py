"""What the parser found across the archive, so that gaps are visible to editors.

`coverage_report` is plain text (it is printed by `python -m generator check --report`):
a table of how many cables have each field, then the cables where a field is missing,
then every repair or problem the parser noted, as `file:line: message`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import Cable

FIELDS: tuple[tuple[str, Callable[[Cable], bool]], ...] = (
    ("date", lambda cable: cable.date is not None),
    ("tags", lambda cable: bool(cable.tags)),
    ("subject", lambda cable: cable.subject is not None),
    ("references", lambda cable: bool(cable.references)),
    ("signer", lambda cable: cable.signer is not None),
    ("summary", lambda cable: cable.summary is not None),
    ("paragraphs", lambda cable: bool(cable.paragraphs)),
    ("numbered paragraphs", lambda cable: any(paragraph.number is not None for paragraph in cable.paragraphs)),
)
"""Each field of the table and the test of whether a cable has it."""
OPTIONAL = frozenset({"references", "summary"})
"""Fields many complete cables do not have: counted in the table, not listed as missing."""


def coverage_report(cables: Sequence[Cable]) -> str:
    ordered = sorted(cables, key=lambda cable: (cable.id, cable.source))
    total = len(ordered)
    lines = [f"Parser coverage over {total} cable{'s' if total != 1 else ''}", ""]
    width = max(len(name) for name, _ in FIELDS)
    lines.append(f"{'field':<{width}}  {'have':>5}  {'missing':>7}  {'coverage':>8}")
    for name, has in FIELDS:
        count = sum(1 for cable in ordered if has(cable))
        share = f"{count / total:.0%}" if total else "-"
        lines.append(f"{name:<{width}}  {count:>5}  {total - count:>7}  {share:>8}")
    lines += ["", "Missing fields (references and summary are optional and not listed):"]
    missing = [f"  {cable.id} ({cable.source}): {', '.join(gaps)}" for cable in ordered if (gaps := _gaps(cable))]
    lines += missing or ["  none"]
    lines += ["", "Repaired or incomplete (parser warnings, file:line: message):"]
    noted = [_located(cable, warning) for cable in ordered for warning in cable.warnings]
    lines += noted or ["  none"]
    repaired = sum(1 for cable in ordered if cable.warnings)
    lines += ["", f"{repaired} of {total} cables have warnings; {len(missing)} miss a required field."]
    return "\n".join(lines) + "\n"


def _gaps(cable: Cable) -> list[str]:
    return [name for name, has in FIELDS if name not in OPTIONAL and not has(cable)]


def _located(cable: Cable, warning: str) -> str:
    """`39: paragraph number 15 read as 5` -> `  05ALMATY753.md:39: paragraph number 15 read as 5`."""
    line, separator, message = warning.partition(": ")
    if separator and line.isdigit():
        return f"  {cable.source}:{line}: {message}"
    return f"  {cable.source}: {warning}"
