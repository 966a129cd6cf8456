"""The coverage report: a per-field table, missing fields, and located warnings."""

from __future__ import annotations

from pathlib import Path

from generator.errors import CableError
from generator.model import Cable, Paragraph, Reference
from generator.parse import parse_cable
from generator.report import coverage_report
from generator.sources import find_cables, read_source

CORPUS = Path(__file__).parent / "corpus"


def cable(**changes: object) -> Cable:
    values: dict[str, object] = {
        "id": "05ALMATY753", "origin": "ALMATY", "number": 753, "year": 2005, "date": "2005-03-01",
        "classification": "UNCLASSIFIED", "caveats": (), "partial": False, "tags": ("KIPR",), "subject": "S",
        "references": (Reference("A", "05STATE1", "STATE 1"),), "summary": "Sum.", "signer": "ORDWAY",
        "paragraphs": (Paragraph(1, None, None, "Text.", 10),), "source": "05ALMATY753.md",
    }
    values.update(changes)
    return Cable(**values)  # type: ignore[arg-type]


def row(report: str, field: str) -> list[str]:
    return next(line.split()[-3:] for line in report.splitlines() if line.startswith(field + " "))


def test_table_counts_each_field() -> None:
    report = coverage_report([cable(), cable(id="05ALMATY754", date=None, signer=None, references=())])
    assert report.startswith("Parser coverage over 2 cables")
    assert row(report, "date") == ["1", "1", "50%"]
    assert row(report, "signer") == ["1", "1", "50%"]
    assert row(report, "references") == ["1", "1", "50%"]
    assert row(report, "tags") == ["2", "0", "100%"]


def test_lists_missing_required_fields_but_not_optional_ones() -> None:
    report = coverage_report([cable(id="05ALMATY754", date=None, subject=None, summary=None, references=())])
    assert "  05ALMATY754 (05ALMATY753.md): date, subject" in report
    assert "summary" not in report.split("Missing fields")[1].split("\n", 2)[1]


def test_lists_warnings_as_file_line_message() -> None:
    report = coverage_report([cable(warnings=("39: paragraph number 15 read as 5",))])
    assert "  05ALMATY753.md:39: paragraph number 15 read as 5" in report
    assert "1 of 1 cables have warnings; 0 miss a required field." in report


def test_empty_archive_and_clean_archive() -> None:
    assert "Parser coverage over 0 cables" in coverage_report([])
    clean = coverage_report([cable()])
    assert clean.count("  none") == 2


def test_report_over_the_corpus_shows_the_seed_repairs() -> None:
    cables = []
    for path in find_cables(CORPUS):
        try:
            cables.append(parse_cable(read_source(path)))
        except CableError:
            continue
    report = coverage_report(cables)
    assert "05ALMATY753.md:39: paragraph number 15 read as 5" in report
    assert "  05ALMATY753 (05ALMATY753.md): date" in report
