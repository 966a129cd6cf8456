"""Cross-links, glossary, the cable page's parts and the JSON exports, without MkDocs."""

from __future__ import annotations

import dataclasses
import json
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Cable, Paragraph, Recommendation, Reference, Special301
from generator.render.cable import cable_title, overview_page
from generator.render.crosslinks import ArchiveIndex, abbreviations, glossary, link_text
from generator.render.data import data_files

EXTENSIONS = ["tables", "attr_list", "admonition", "abbr", "md_in_html", "toc"]


def make_cable(cable_id: str = "08CAIRO348", number: int = 348, **changes: object) -> Cable:
    base = Cable(
        id=cable_id, origin="CAIRO", number=number, year=2008, date="2008-02-21", classification="UNCLASSIFIED",
        caveats=("SIPDIS",), partial=False, tags=("KIPR", "EG", "ZZZZ"), subject="2008 Special 301 Review: Egypt:",
        references=(Reference("A", "08CAIRO201", "CAIRO 201"), Reference("B", "08STATE9475", "STATE 9475")),
        summary="See paragraph 2, above.", signer="JONES",
        paragraphs=(
            Paragraph(1, "SBU", None, "Ref A reported it. See paragraphs 2-3 below.", 1),
            Paragraph(2, "U", None, "As reftel B said (para 1 above), the GOE acted; details septel.", 2),
            Paragraph(3, None, None, "Paragraph 9 above does not exist.", 3),
        ),
        source="08CAIRO348.txt",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def html_of(markdown_text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(markdown_text)


def test_paragraph_references_link_to_existing_paragraphs_only() -> None:
    cable = make_cable()
    html = html_of(link_text(cable.paragraphs[0].text, cable))
    assert '<a class="text-ref" href="#p2"' in html and ">paragraphs 2-3 below</a>" in html
    assert 'href="#ref-a"' in html and ">Ref A</a>" in html
    html = html_of(link_text(cable.paragraphs[2].text, cable))
    assert "<a" not in html  # there is no paragraph 9


def test_reftel_letter_links_to_the_reference_entry() -> None:
    cable = make_cable()
    html = html_of(link_text(cable.paragraphs[1].text, cable))
    assert 'href="#ref-b" title="Reference B: STATE 9475">reftel B</a>' in html
    assert 'href="#p1"' in html and ">para 1 above</a>" in html


def test_lone_reftel_links_to_a_single_reference() -> None:
    cable = make_cable(references=(Reference(None, "08STATE1", "STATE 1"),))
    assert 'href="#ref"' in html_of(link_text("As reftel notes, yes.", cable))


def test_link_text_keeps_hostile_text_as_text() -> None:
    cable = make_cable()
    hostile = 'paragraph 1 above <script>alert(1)</script> [x](javascript:alert(2)) ref A"><img src=x onerror=y>'
    html = html_of(link_text(hostile, cable))
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.replace("(javascript:", "")
    assert "&lt;script&gt;" in html


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


WORDS = st.sampled_from(["paragraph", "paragraphs", "para", "ref", "Reftel", "A", "B", "1", "2", "3-4", "above",
                         "below", ",", "<script>", "](", "*", "_", "`", "\\", "&amp;", "'", '"', "{:", "#", "GOK",
                         "septel", "[", ")", "|"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join))
def test_link_text_shows_exactly_the_text(text: str) -> None:
    """Whatever the words, the rendered paragraph reads as the cable text, and only our links are elements."""
    cable = make_cable()
    folded = " ".join(text.split())
    parsed = Elements()
    parsed.feed(html_of(link_text(folded, cable)))
    assert "".join(parsed.text).strip() == folded
    for tag, attributes in parsed.tags:
        assert tag in ("p", "a"), tag
        if tag == "a":
            assert (attributes.get("href") or "").startswith("#")


def test_archive_index_cited_by_and_neighbours() -> None:
    first = make_cable("08CAIRO201", 201, references=())
    second = make_cable()
    third = make_cable("08CAIRO400", 400, references=(Reference(None, "08CAIRO348", "CAIRO 348"),))
    index = ArchiveIndex.of([third, second, first])
    assert index.cited_by == {"08CAIRO201": ("08CAIRO348",), "08CAIRO348": ("08CAIRO400",)}
    assert index.neighbours(second) == ("08CAIRO201", "08CAIRO400")
    assert index.neighbours(first) == (None, "08CAIRO348")
    assert index.dependencies(second) == (("08CAIRO201",), ("08CAIRO400",), ("08CAIRO201", "08CAIRO400"))


def test_overview_page_links_the_cited_cable_and_lists_cited_by() -> None:
    first = make_cable("08CAIRO201", 201, references=())
    second = make_cable()
    index = ArchiveIndex.of([first, second])
    page = overview_page(first, index)
    assert "| Cited by | [08CAIRO348](../08CAIRO348/index.md) |" in page
    assert "Next: [08CAIRO348](../08CAIRO348/index.md)" in page
    page = overview_page(second, index)
    assert '<span id="ref-a"></span>[08CAIRO201](../08CAIRO201/index.md) — CAIRO 201' in page
    assert '<span id="ref-b"></span>STATE 9475 *(not in the archive)*' in page
    assert "**(SBU)**{ .portion-mark title=" in page
    assert "*[GOE]: Government of Egypt" in page and "*[septel]: " in page
    assert '[KIPR](../../browse/tags/kipr.md "Intellectual property rights"){ .tag }' in page
    assert "[ZZZZ](../../browse/tags/zzzz.md){ .tag }" in page  # unknown code: no title


def test_every_paragraph_has_a_permalink() -> None:
    cable = make_cable(paragraphs=(Paragraph(None, None, None, "Sensitive but unclassified.", 1),
                                   *make_cable().paragraphs))
    page = overview_page(cable, set())
    assert "[¶](#u1){ #u1 .paragraph-link .unnumbered" in page
    assert "[¶1](#p1){ #p1 .paragraph-link" in page and "[¶3](#p3){ #p3 .paragraph-link" in page


def test_overview_page_accepts_plain_ids() -> None:
    page = overview_page(make_cable(), {"08CAIRO201"})
    assert "[08CAIRO201](../08CAIRO201/index.md)" in page


def test_title_drops_trailing_colon() -> None:
    assert cable_title(make_cable()) == "08CAIRO348 — 2008 Special 301 Review: Egypt"
    assert cable_title(make_cable(subject=None)) == "08CAIRO348"


def test_recommendation_is_a_call_out_at_the_top() -> None:
    recommendation = Recommendation(
        text="We recommend that USTR move Egypt to the Watch List (paragraph 2, above).",
        action="move from the Priority Watch List to the Watch List",
        special_301=Special301("Priority Watch List", "Watch List"),
        conditions=("data protection <b>improves</b>",), paragraphs=(1, 2))
    page = overview_page(make_cable(recommendation=recommendation), set())
    body = page.split("---\n", 2)[2]
    assert body.index('!!! abstract "Recommendation"') < body.index('<div class="cable-card"')
    html = html_of(body)
    assert 'class="admonition abstract"' in html
    assert "Priority Watch List → Watch List" in html
    assert "&lt;b&gt;improves&lt;/b&gt;" in html
    assert 'href="#p2"' in html


def test_glossary_covers_the_issue_examples() -> None:
    terms = glossary()
    for code in ("ETRD", "PGOV", "KIPR", "KZ", "RS", "WTRO"):
        assert terms.tag(code), code
    for word in ("GOK", "USTR", "IIPA", "MOU", "NOTAL", "SIPDIS"):
        assert word in terms.acronyms, word
    assert abbreviations(["the GOK and GOKX"]) == [f"*[GOK]: {terms.acronyms['GOK']}"]
    assert abbreviations(["the GOK"], ("KIPR", "KZ")) == ["*[GOK]: Government of Kazakhstan"]
    assert abbreviations(["the GOK"], ("KU",)) == ["*[GOK]: Government of Kuwait"]


def test_json_exports_are_deterministic_and_the_parse_contract() -> None:
    from generator.model import cable_to_json

    cables = [make_cable("08CAIRO201", 201, references=()), make_cable()]
    files = data_files(cables)
    assert data_files(list(reversed(cables))) == files
    assert set(files) == {"cables/08CAIRO201.json", "cables/08CAIRO348.json", "catalog.json"}
    assert json.loads(files["cables/08CAIRO348.json"]) == cable_to_json(cables[1])
    catalog = json.loads(files["catalog.json"])
    assert catalog["cables"][0]["cited_by"] == ["08CAIRO348"]
    assert catalog["cables"][1]["references_in_archive"] == ["08CAIRO201"]
    assert files["catalog.json"].endswith("}\n")
    assert "é" in data_files([make_cable(subject="Café")])["cables/08CAIRO348.json"]


def test_hostile_reference_text_and_label_stay_text() -> None:
    hostile = Reference('A"><script>alert(1)</script>', "08CAIRO201",
                        '") onmouseover="alert(2)" x(" <img src=x onerror=alert(3)> [y](javascript:alert(4))')
    cable = make_cable(references=(hostile,),
                       paragraphs=(Paragraph(1, '"><b>', None, 'See ref A"><script>alert(1)</script> now.', 1),))
    parsed = Elements()
    parsed.feed(html_of(overview_page(cable, {"08CAIRO201"}).split("---\n", 2)[2]))
    for tag, attributes in parsed.tags:
        assert tag not in ("script", "img", "b"), tag
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        assert not (attributes.get("href") or "").startswith("javascript"), attributes
        assert set(attributes.get("id") or "") <= set("abcdefghijklmnopqrstuvwxyz0123456789-_"), attributes
