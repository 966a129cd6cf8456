"""Briefing pages and indexes: safe against hostile text, valid Markdown, deterministic; extraction never raises."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.briefing import extract_briefing
from generator.model import Cable, Paragraph, Statistic
from generator.parse import parse_cable
from generator.render.briefing import PAGES, briefing_pages
from generator.render.briefing_indexes import briefing_index_pages
from generator.render.charts import line_chart
from generator.sources import find_cables, read_source

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["tables", "attr_list", "toc", "admonition", "abbr", "md_in_html"]

HOSTILE = (
    'Kazakhstan is a party to the <script>alert("x")</script> Treaty on <b>Evil</b>; the [Berne Convention]'
    '(javascript:alert(1)) | and the <img src=x onerror=alert(1)> Agreement on Pwnage of Things.\n'
    "Inspections <script>: 1,365 in 2004, compared to 1,264 for 2003 - an increase of 99.9%;\n"
    "Fines: 6,659,341 tenge ($51,225) assessed in 2004 at (130 tenge/USD) | x.\n"
    "Article 184 of the <script>Criminal Code</script> and the Law on <Script>Alert</Script> Things (1999). "
    "We recommend removing <script>Kazakhstan</script> from the Watch List. "
    "We would not object to conditioning removal on passage of <script>x</script> amendments."
)


def make_cable(*texts: str, cable_id: str = "05ALMATY1") -> Cable:
    paragraphs = tuple(Paragraph(i + 1, None, None, text, i + 1) for i, text in enumerate(texts))
    return Cable(id=cable_id, origin="ALMATY", number=1, year=2005, date=None, classification="UNCLASSIFIED",
                 caveats=(), partial=False, tags=("KIPR", "KZ"), subject=None, references=(), summary=None,
                 signer=None, paragraphs=paragraphs, source="x.txt")


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def corpus() -> list[Cable]:
    cables = []
    for path in find_cables(ROOT / "cables"):
        try:
            cables.append(extract_briefing(parse_cable(read_source(path))))
        except Exception:
            continue
    return cables


def test_hostile_text_never_becomes_html() -> None:
    cable = extract_briefing(make_cable(HOSTILE))
    assert cable.treaties and cable.laws and cable.statistics and cable.checks and cable.recommendation
    pages = briefing_pages(cable) | briefing_index_pages([cable])
    for name, page in pages.items():
        rendered = html_of(page)
        assert "<script" not in rendered.lower(), name
        assert "<img" not in rendered.lower(), name
        assert "<b>" not in rendered, name
        assert "javascript:" not in re.sub(r"&[a-z]+;|&#\d+;", "", rendered).split('href="')[-1][:20], name
        assert 'href="javascript' not in rendered, name


def test_every_page_of_the_corpus_renders() -> None:
    cables = corpus()
    assert len(cables) > 30
    for cable in cables:
        pages = briefing_pages(cable)
        assert sorted(pages) == sorted(PAGES)
        for name, page in pages.items():
            assert page.startswith(f"# {cable.id} — "), (cable.id, name)
            assert "[Back to the cable](index.md)" in page
            rendered = html_of(page)
            assert "<script" not in rendered.lower()
    indexes = briefing_index_pages(cables)
    assert set(indexes) >= {"briefing/index.md", "briefing/treaties.md", "briefing/laws.md", "briefing/statistics.md",
                            "briefing/recommendations.md"}
    for name, page in indexes.items():
        assert name.startswith("briefing/")
        rendered = html_of(page)
        assert "<script" not in rendered.lower()
        for link in re.findall(r"\]\((\.\./cables/[^)]+)\)", page):
            assert re.fullmatch(r"\.\./cables/[0-9A-Z]+/(?:index|treaties|laws|statistics|recommendation)\.md"
                                r"(?:#p\d+)?", link), link


def test_pages_say_when_nothing_was_found() -> None:
    pages = briefing_pages(extract_briefing(make_cable("Nothing to see here.")))
    assert "No international treaty" in pages["treaties.md"]
    assert "No national law" in pages["laws.md"]
    assert "No statistics" in pages["statistics.md"]
    assert "No recommendation" in pages["recommendation.md"]


def test_failed_checks_are_flagged() -> None:
    cable = extract_briefing(make_cable("Seized: 218,110 items seized in 2004, compared to 165,423 in 2003 - "
                                        "an increase of 41.8%;"))
    page = briefing_pages(cable)["statistics.md"]
    assert '!!! warning "1 figure check failed"' in page
    assert 'class="admonition warning"' in html_of(page)
    assert "✗ **discrepancy**" in page


def test_paragraph_links() -> None:
    cable = extract_briefing(make_cable("x", "Kazakhstan ratified the Berne Convention in 2004."))
    assert "[¶2](index.md#p2)" in briefing_pages(cable)["treaties.md"]


def test_output_is_deterministic() -> None:
    first = corpus()
    second = corpus()
    assert briefing_index_pages(first) == briefing_index_pages(second)
    assert briefing_index_pages(first) == briefing_index_pages(list(reversed(first)))
    assert [briefing_pages(c) for c in first] == [briefing_pages(c) for c in second]


def test_chart_is_static_and_escaped() -> None:
    svg = line_chart('Kazakhstan: <script>"x"</script>', [("2003", 165423.0), ("2004", 218110.0)], "items")
    assert svg == line_chart('Kazakhstan: <script>"x"</script>', [("2003", 165423.0), ("2004", 218110.0)], "items")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "\n" not in svg and svg.startswith("<svg") and svg.endswith("</svg>")
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert re.findall(r'(?:cx|cy|x|y)="(-?\d+(?:\.\d+)?)"', svg)
    assert "<svg" in html_of(f"# Chart\n\n{svg}\n\ntext")


def test_statistics_index_has_charts_where_there_are_several_years() -> None:
    text = ("Inspections: 1,365 in 2004, compared to 1,264 in 2003;",)
    pages = briefing_index_pages([extract_briefing(make_cable(*text))])
    assert pages["briefing/statistics.md"].count("<svg") == 1


def test_statistics_index_joins_one_metric_across_cables() -> None:
    """Two cables name seizures differently; the index files both under one metric and charts three years."""
    older = make_cable("Seized Materials: 218,110 items seized in 2004, compared to 165,423 in 2003.",
                       cable_id="05ALMATY1")
    newer = dataclasses.replace(
        make_cable("Confiscated goods: 250,000 in 2005, compared to 220,000 in 2004.", cable_id="06ALMATY2"), year=2006)
    page = briefing_index_pages([extract_briefing(newer), extract_briefing(older)])["briefing/statistics.md"]
    assert page.count("<svg") == 1
    assert "### items seized" in page
    chart = page[page.index("<svg"):page.index("</svg>")]
    assert [title for title in re.findall(r"<title>(\d{4}): ([\d,]+)</title>", chart)] == [
        ("2003", "165,423"), ("2004", "220,000"), ("2005", "250,000")]  # 2004: the newer cable's figure
    rows = [line for line in page.splitlines() if line.startswith("| items seized | 2004 |")]
    assert len(rows) == 2 and "05ALMATY1" in rows[0] + rows[1] and "06ALMATY2" in rows[0] + rows[1]


def test_vague_labels_are_tabled_not_charted() -> None:
    def stat(label: str, value: float, year: str) -> Statistic:
        return Statistic(label, value, None, None, year, 1, f"{label}: {value} in {year}")

    cable = dataclasses.replace(make_cable("x"), statistics=(
        stat("number", 900, "2004"), stat("number", 1200, "2005"),
        stat("trademark registrations", 10, "2004"), stat("trademark registrations", 12, "2005")))
    page = briefing_index_pages([cable])["briefing/statistics.md"]
    assert page.count("<svg") == 1 and "### trademark registrations" in page
    assert "| number | 2004 | 900 |" in page and "| number | 2005 | 1,200 |" in page


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
_CABLEISH = st.lists(st.sampled_from([
    "1,365", "in 2004", "compared to", "an increase of", "31.8%", "tenge", "($51,225)", "(130 tenge/USD)", ":", "\n",
    "Article 184 of the Criminal Code", "Treaty", "Agreement on", "We recommend", "removing", "from the Watch List",
    "Priority Watch List", "the Law on", "Copyright", "decree 1/2005", "-", "--", ";", ".", " ", "500-700", "$",
    "doubled", "five-fold", "referred", "dropped", "complete", "suspended", "at trial", "cases", "WIPO", "TRIPS",
    "conditioning removal on", "ratified", "not", "urged", "(", ")", "\"", "Inspections:", "0", "9", "2001-2003",
]), max_size=60).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 300)), st.one_of(_TEXT, _CABLEISH)), min_size=1,
                max_size=4),
       st.sampled_from(["ALMATY", "STATE", "BEIJING", "XX"]))
def test_extraction_never_raises(items: list[tuple[int | None, str]], origin: str) -> None:
    paragraphs = tuple(Paragraph(number, None, None, text, i + 1) for i, (number, text) in enumerate(items))
    cable = extract_briefing(dataclasses.replace(make_cable(), paragraphs=paragraphs, origin=origin))
    pages = briefing_pages(cable)
    assert set(pages) == set(PAGES)
    briefing_index_pages([cable])


def test_pathological_text_stays_fast() -> None:
    import time

    started = time.monotonic()
    for text in ("1,365 in 2004, compared to " * 2000, "We recommend moving it from the Watch List to " * 2000,
                 "The Big Fat Treaty " * 3000, "Law on " + "Alpha and Beta, " * 3000, "12 34 56 " * 3000,
                 "Embassy requests placement on the Watch List and " * 2000, "06 ANKARA 5335, " * 3000):
        extract_briefing(make_cable(text))
    assert time.monotonic() - started < 30
