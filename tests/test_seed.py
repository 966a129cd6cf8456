"""The parser on the seed cable (ALMATY 000753, 2005), field by field."""

from __future__ import annotations

import pytest

from generator.model import Cable, cable_to_json
from generator.parse import parse_cable
from generator.sources import read_source

from .conftest import SEED


@pytest.fixture(scope="module")
def seed() -> Cable:
    return parse_cable(read_source(SEED))


def test_identity(seed: Cable) -> None:
    assert (seed.id, seed.origin, seed.number, seed.year) == ("05ALMATY753", "ALMATY", 753, 2005)
    assert seed.date is None
    assert seed.classification == "UNCLASSIFIED"
    assert seed.caveats == ("SIPDIS",)
    assert seed.partial is True


def test_header_fields(seed: Cable) -> None:
    assert seed.tags == ("ETRD", "KIPR", "ECON", "KZ", "ECONOMIC")
    assert seed.subject.startswith("KAZAKHSTAN: SPECIAL 301")
    assert [(ref.label, ref.id) for ref in seed.references] == [
        ("A", "05STATE23950"), ("B", "04ALMATY591"), ("C", "04ALMATY1310"), ("D", "04ALMATY1434"),
    ]
    assert seed.signer == "Ordway"
    assert seed.summary.startswith("Since the release of the 2004 Special 301 report")
    assert seed.summary.endswith("We therefore recommend removing Kazakhstan from the Watch List.")


def test_paragraph_numbers_are_repaired(seed: Cable) -> None:
    assert [paragraph.number for paragraph in seed.paragraphs] == list(range(1, 28))
    assert any("15 read as 5" in warning for warning in seed.warnings)


def test_split_paragraphs_are_joined(seed: Cable) -> None:
    by_number = {paragraph.number: paragraph for paragraph in seed.paragraphs}
    assert "In this reporting period, the Embassy observed" in by_number[10].text
    assert "Inspections: 1,365 in 2004" in by_number[10].text
    assert "the fairly forgiving provisions of the current criminal law" in by_number[16].text
    assert "ratified the WIPO Treaties on Copyrights and Performances and Phonograms in 2004." in by_number[22].text
    assert "SIPDIS" not in by_number[22].text


def test_markdown_is_undone(seed: Cable) -> None:
    by_number = {paragraph.number: paragraph for paragraph in seed.paragraphs}
    assert "(\\$51,225)" not in by_number[10].text and "($51,225)" in by_number[10].text
    assert "www.intellkaz.kz" in by_number[8].text and "](" not in by_number[8].text


def test_sections(seed: Cable) -> None:
    by_number = {paragraph.number: paragraph for paragraph in seed.paragraphs}
    assert by_number[10].section == "The Enforcement Picture"
    assert by_number[24].section == "Comment and Recommendation"


def test_json_contract_keys(seed: Cable) -> None:
    data = cable_to_json(seed)
    for key in ("id", "origin", "number", "year", "date", "classification", "caveats", "partial", "tags",
                "subject", "references", "summary", "signer", "paragraphs", "treaties", "laws", "statistics",
                "recommendation"):
        assert key in data
    assert set(data["paragraphs"][0]) >= {"number", "classification", "section", "text"}
    assert set(data["references"][0]) >= {"label", "id", "text"}
