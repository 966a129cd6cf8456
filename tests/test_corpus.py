"""Every cable in tests/corpus/ against the values an analyst read from it by hand.

Each `<name>.txt` / `<name>.md` has a sibling `<name>.yml` (format in PARSER_README_SECTION.md).
A field the YAML leaves out is not checked; a field it gives is compared exactly, and every
mismatch of a cable is reported at once as `field: expected ..., got ...`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import CableError
from generator.model import Cable
from generator.parse import parse_cable
from generator.sources import read_source

CORPUS = Path(__file__).parent / "corpus"
CABLES = sorted(path for path in CORPUS.iterdir() if path.suffix in (".txt", ".md"))

PLAIN_FIELDS = ("id", "origin", "number", "year", "date", "classification", "partial", "subject", "summary", "signer")
LIST_FIELDS = ("caveats", "tags")
CHECKS = (
    *PLAIN_FIELDS, *LIST_FIELDS, "caveats_contains", "references", "summary_startswith", "summary_contains",
    "paragraph_count", "paragraph_numbers", "paragraph_marks", "paragraph_sections", "paragraph_contains",
    "warnings_include", "error", "error_line",
)
RANGE = re.compile(r"^(\d+)-(\d+)$")
"""`1-27` in a paragraph_numbers list: every number from 1 to 27."""


def load_expected(cable: Path) -> dict[str, Any]:
    sidecar = cable.with_suffix(".yml")
    assert sidecar.exists(), f"{cable.name}: no expected-values file {sidecar.name}"
    expected = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    unknown = sorted(set(expected) - set(CHECKS))
    assert not unknown, f"{sidecar.name}: unknown keys {unknown}; known: {', '.join(CHECKS)}"
    return expected


def expand_numbers(items: list[Any]) -> list[int | None]:
    """`[null, 1-3, 5]` -> `[None, 1, 2, 3, 5]`."""
    numbers: list[int | None] = []
    for item in items:
        span = RANGE.match(str(item)) if isinstance(item, str) else None
        if span:
            numbers.extend(range(int(span[1]), int(span[2]) + 1))
        else:
            numbers.append(item)
    return numbers


def compare(cable: Cable, expected: dict[str, Any]) -> list[str]:
    """Every difference between the parse and the expected values, one line each."""
    problems: list[str] = []

    def check(field: str, want: Any, got: Any) -> None:
        if want != got:
            problems.append(f"{field}: expected {want!r}, got {got!r}")

    for field in PLAIN_FIELDS:
        if field in expected:
            check(field, expected[field], getattr(cable, field))
    for field in LIST_FIELDS:
        if field in expected:
            check(field, list(expected[field]), list(getattr(cable, field)))
    if "caveats_contains" in expected:  # the held-out form: these captions, in any order, among others
        missing = [caveat for caveat in expected["caveats_contains"] if caveat not in cable.caveats]
        if missing:
            problems.append(f"caveats: expected to contain {missing!r}, got {list(cable.caveats)!r}")
    if "references" in expected:
        want = [list(item) for item in expected["references"]]
        check("references", want, [[ref.label, ref.id, ref.text] for ref in cable.references])
    summary = cable.summary or ""
    if "summary_startswith" in expected and not summary.startswith(expected["summary_startswith"]):
        problems.append(f"summary: expected to start {expected['summary_startswith']!r}, got {summary[:100]!r}")
    if "summary_contains" in expected and expected["summary_contains"] not in summary:
        problems.append(f"summary: expected to contain {expected['summary_contains']!r}, got {summary[:300]!r}")
    numbers = [paragraph.number for paragraph in cable.paragraphs]
    if "paragraph_count" in expected:
        check("paragraph count", expected["paragraph_count"], len(cable.paragraphs))
    if "paragraph_numbers" in expected:
        check("paragraph numbers", expand_numbers(expected["paragraph_numbers"]), numbers)
    if "paragraph_marks" in expected:
        marks = [paragraph.classification for paragraph in cable.paragraphs]
        check("paragraph marks", expected["paragraph_marks"], marks)
    by_number = {}
    for paragraph in cable.paragraphs:
        by_number.setdefault(paragraph.number, paragraph)
    for number, section in (expected.get("paragraph_sections") or {}).items():
        paragraph = by_number.get(number)
        check(f"section of ¶{number}", section, paragraph.section if paragraph else "<no such paragraph>")
    for number, wanted in (expected.get("paragraph_contains") or {}).items():
        paragraph = by_number.get(number)
        text = paragraph.text if paragraph else ""
        for fragment in [wanted] if isinstance(wanted, str) else wanted:
            if fragment not in text:
                problems.append(f"text of ¶{number}: expected to contain {fragment!r}, got {text[:300]!r}...")
    for fragment in expected.get("warnings_include") or []:
        if not any(fragment in warning for warning in cable.warnings):
            problems.append(f"warnings: expected one containing {fragment!r}, got {list(cable.warnings)!r}")
    return problems


def test_every_cable_has_expected_values_and_back() -> None:
    assert len(CABLES) >= 37
    orphans = [path.name for path in CORPUS.glob("*.yml") if not any(c.stem == path.stem for c in CABLES)]
    assert not orphans, f"expected-values files without a cable: {orphans}"


@pytest.mark.parametrize("path", CABLES, ids=lambda path: path.name)
def test_cable_matches_what_an_analyst_reads(path: Path) -> None:
    expected = load_expected(path)
    if "error" in expected:
        with pytest.raises(CableError) as raised:
            parse_cable(read_source(path))
        problem = raised.value.problem
        assert expected["error"] in problem.message, f"{path.name}: error message {problem.message!r}"
        assert problem.path.endswith(path.name)
        if "error_line" in expected:
            assert problem.line == expected["error_line"], f"{path.name}: error at line {problem.line}"
        return
    cable = parse_cable(read_source(path))
    problems = compare(cable, expected)
    assert not problems, f"{path.name}: {len(problems)} field(s) differ:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", CABLES, ids=lambda path: path.name)
def test_warnings_are_located(path: Path) -> None:
    """Every warning is `LINE: message` with a line inside the file."""
    if "error" in load_expected(path):
        return
    source = read_source(path)
    for warning in parse_cable(source).warnings:
        line, _, message = warning.partition(": ")
        assert line.isdigit() and 1 <= int(line) <= len(source.lines) and message, warning
