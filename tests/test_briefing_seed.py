"""The seed cable's briefing, with the values the issue expects; Special 301 recommendations on the corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.briefing import country_of, extract_briefing
from generator.model import Cable
from generator.parse import parse_cable
from generator.sources import read_source

ROOT = Path(__file__).resolve().parent.parent


@cache
def briefed(name: str) -> Cable:
    return extract_briefing(parse_cable(read_source(ROOT / "cables" / name)))


def seed() -> Cable:
    return briefed("05ALMATY753.md")


def test_country() -> None:
    assert country_of(seed()) == "Kazakhstan"


def test_seed_treaties() -> None:
    treaties = {t.name: t for t in seed().treaties}
    listed = {
        "Trademark Law Treaty": 1994, "Locarno Agreement": 1968, "Strasbourg Agreement": 1971, "Nice Agreement": 1957,
        "Budapest Treaty": 1977, "CIS Agreement on False Trademarks and Geographical Indications": 1999,
        "CIS Agreement on Cooperation against Intellectual Property Offences": 1998,
        "CIS Agreement on Interstate Secrets in the Protection of Inventions": 1999,
    }
    for name, year in listed.items():
        assert treaties[name].year == year, name
        assert treaties[name].status == "party", name
        assert treaties[name].paragraph == 22, name
    for name in ("WIPO Copyright Treaty", "WIPO Performances and Phonograms Treaty"):
        assert (treaties[name].status, treaties[name].since) == ("ratified", 2004)
    assert treaties["Berne Convention"].status == "joined"
    assert "TRIPS Agreement" in treaties
    trade = treaties["US–Kazakhstan Trade Agreement"]
    assert (trade.year, trade.paragraph) == (1992, 2)
    assert len(treaties) == 13


def test_seed_laws() -> None:
    laws = {(law.name, law.article): law for law in seed().laws}
    for name, year in [("Law on Copyright and Adjacent Rights", 1996), ("Patent Law", 1999),
                       ("Law on Trademarks, Service Marks and Names of Places of Product Origin", 1999),
                       ("Law on Protection of Selective Achievements", 1999),
                       ("Law on Legal Protection of the Topology of Integrated Circuits", 2001)]:
        assert laws[(name, None)].year == year
        assert laws[(name, None)].paragraph == 23
    assert ("Criminal Code", "Article 184") in laws
    assert ("Criminal Code", "Article 199") in laws
    assert laws[("Customs Code", None)].year == 2003
    assert ("Administrative Code", None) in laws
    amendment = laws[("Copyright Law amendment of 9 July 2004", None)]
    assert (amendment.year, amendment.paragraph) == (2004, 2)
    assert all(law.jurisdiction == "Kazakhstan" for law in laws.values())


def _stats(paragraph: int) -> list[tuple[float, str | None, str | None, float | None]]:
    return [(s.value, s.currency, s.period, s.usd_value) for s in seed().statistics if s.paragraph == paragraph]


def test_seed_statistics() -> None:
    p10 = _stats(10)
    assert (1365, None, "2004", None) in p10
    assert (1264, None, "2001-2003", None) in p10
    assert (218110, None, "2004", None) in p10
    assert (165423, None, "2003", None) in p10
    assert (6659341, "KZT", "2004", 51225) in p10
    assert (1459314, "KZT", None, 11225) in p10
    assert _stats(11)[:2] == [(7, None, "2002-2003", None), (195, None, "2004", None)]  # "only seven inspections"
    values11 = [v for v, *_ in _stats(11)]
    assert values11 == [7, 195, 34869, 848, 580808]
    assert _stats(11)[-1][3] == 4467.75
    assert [v for v, *_ in _stats(12)][:7] == [35, 16, 13, 3, 8, 11, 3]
    assert [v for v, *_ in _stats(13)] == [29, 19, 16, 3, 3, 7, 3]
    assert [v for v, *_ in _stats(14)] == [68, 50]
    assert _stats(19) == [(8_000_000, None, "per year", None)]
    assert (919, "KZT", None, 7.07) in _stats(5)


def test_seed_comparisons_are_grouped() -> None:
    groups = {s.group for s in seed().statistics if s.paragraph == 10 and s.value in (1365, 1264)}
    assert groups == {"inspections"}
    groups = {s.group for s in seed().statistics if s.paragraph == 10 and s.currency == "KZT"}
    assert groups == {"fines"}


def test_seed_checks() -> None:
    checks = [(c.kind, c.ok, c.stated, c.paragraph) for c in seed().checks]
    assert ("percent_change", True, "+31.8%", 10) in checks
    assert ("currency", True, "$51,225", 10) in checks
    assert ("currency", True, "$4,467.75", 11) in checks
    assert ("currency", True, "$7.07", 5) in checks
    assert ("sum", True, "16", 12) in checks
    assert ("sum", True, "19", 13) in checks
    assert all(c.ok for c in seed().checks)


def test_seed_recommendation() -> None:
    rec = seed().recommendation
    assert rec is not None and rec.special_301 is not None
    assert (rec.special_301.current, rec.special_301.recommended) == ("Watch List", "Not listed")
    assert rec.action == "remove from the Watch List"
    assert rec.conditions == ("passage of strict Criminal Code amendments",)
    assert rec.paragraphs == (1, 25, 26, 27)
    assert "we recommend removing Kazakhstan from the Watch List" in rec.text


@pytest.mark.parametrize(("name", "current", "recommended"), [
    ("07CAIRO478.txt", "Priority Watch List", "Watch List"),
    ("08BEIRUT333.txt", "Priority Watch List", "Priority Watch List"),
    ("08CAIRO348.txt", "Priority Watch List", "Watch List"),
    ("09MOSCOW521.txt", "Priority Watch List", "Priority Watch List"),
    ("07BEIJING2103.txt", "Priority Watch List", "Priority Watch List"),
])
def test_special_301_recommendations_on_the_corpus(name: str, current: str, recommended: str) -> None:
    rec = briefed(name).recommendation
    assert rec is not None and rec.special_301 is not None
    assert (rec.special_301.current, rec.special_301.recommended) == (current, recommended)
    assert rec.paragraphs


def test_third_party_recommendations_are_not_the_posts() -> None:
    rec = briefed("08CAIRO348.txt").recommendation
    assert rec is not None and "PhRMA" not in rec.text and "IIPA" not in rec.text


def test_extraction_is_deterministic() -> None:
    cable = parse_cable(read_source(ROOT / "cables" / "05ALMATY753.md"))
    assert extract_briefing(cable) == extract_briefing(cable)
