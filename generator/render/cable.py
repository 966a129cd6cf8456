"""The overview page of one cable: recommendation, metadata card, summary, briefing
links, full text with paragraph permalinks and in-text cross-links, previous / next."""

from __future__ import annotations

import html
import json
from collections.abc import Collection

from ..model import Cable, Paragraph, Recommendation
from .crosslinks import ArchiveIndex, abbreviations, glossary, link_text, reference_anchor, title_attribute
from .links import cable_json, cable_page, classification_page, post_page, relative, tag_page, year_page
from .provenance import provenance_lines
from .text import inline, table_cell

BRIEFING_PAGES = (
    ("treaties.md", "Treaties", "treaties"),
    ("laws.md", "Laws", "laws"),
    ("statistics.md", "Statistics", "statistics"),
    ("recommendation.md", "Recommendation", "recommendation"),
)


def cable_title(cable: Cable) -> str:
    subject = " ".join((cable.subject or "").split()).rstrip(" :;,")
    return f"{cable.id} — {subject}" if subject else cable.id


def front_matter(title: str, hide: tuple[str, ...] = ()) -> list[str]:
    """YAML front matter setting the page title.

    MkDocs would take the title from the first heading and Material writes it into
    `<title>` unescaped, so untrusted text there would become HTML: the title is given
    here instead, HTML-escaped, as a JSON string (valid YAML). `hide` lists Material
    page parts not to show (`navigation`: cables are not in the nav, so its column is empty).
    """
    lines = ["---", f"title: {json.dumps(html.escape(' '.join(title.split())), ensure_ascii=False)}"]
    if hide:
        lines.append(f"hide: [{', '.join(hide)}]")
    return [*lines, "---", ""]


def overview_page(cable: Cable, archive: ArchiveIndex | Collection[str]) -> str:
    """Markdown for docs/cables/<id>/index.md.

    `archive` tells which cables the archive holds (an `ArchiveIndex`, or just their
    ids), so that a reference links to the cited cable when the archive holds it and
    says so when it does not, and the page can list the cables citing this one.
    """
    index = archive if isinstance(archive, ArchiveIndex) else ArchiveIndex.from_ids(archive)
    here = cable_page(cable.id)
    lines = [*front_matter(cable_title(cable), hide=("navigation",)), f"# {inline(cable_title(cable))}", ""]
    if cable.recommendation:
        lines += _recommendation(cable, cable.recommendation)
    lines += _metadata_card(cable, here, index)
    lines += provenance_lines(cable)
    if cable.summary:
        lines += ["", "## Summary", "", link_text(" ".join(cable.summary.split()), cable)]
    lines += ["", "## Briefing", ""]
    for file_name, label, field in BRIEFING_PAGES:
        found = getattr(cable, field)
        count = (1 if found else 0) if field == "recommendation" else len(found)
        lines.append(f"- [{label}]({file_name}) ({count} found)")
    lines += ["", "## Full text", ""]
    lines += _full_text(cable)
    if cable.signer:
        lines += ["", inline(cable.signer)]
    lines += ["", *_pager(cable, here, index)]
    texts = [cable.subject or "", cable.summary or "", *cable.caveats, *(r.text for r in cable.references),
             *(p.text for p in cable.paragraphs)]
    definitions = abbreviations(texts, cable.tags)
    if definitions:
        lines += ["", *definitions]
    return "\n".join(lines).rstrip() + "\n"


def _recommendation(cable: Cable, recommendation: Recommendation) -> list[str]:
    lines = ['!!! abstract "Recommendation"', ""]
    if recommendation.action:
        lines += [f"    **{inline(recommendation.action[:1].upper() + recommendation.action[1:])}**", ""]
    special = recommendation.special_301
    if special and (special.current or special.recommended):
        lines += [f"    Special 301: {inline(special.current or 'not stated')} → "
                  f"{inline(special.recommended or 'not stated')}", ""]
    if recommendation.text:
        lines += [f"    {link_text(' '.join(recommendation.text.split()), cable)}", ""]
    if recommendation.conditions:
        lines += [f"    Conditions: {'; '.join(inline(condition) for condition in recommendation.conditions)}", ""]
    if recommendation.paragraphs:
        lines += ["    See " + ", ".join(f"[¶{number}](#p{number})" for number in recommendation.paragraphs), ""]
    return lines


def _metadata_card(cable: Cable, here: str, index: ArchiveIndex) -> list[str]:
    terms = glossary()
    rows = [
        ("Post", f"[{inline(cable.origin)}]({relative(here, post_page(cable.origin))})"),
        ("Date", inline(cable.date) if cable.date else f"not stated ({cable.year})"),
        ("Year", f"[{cable.year}]({relative(here, year_page(cable.year))})"),
        ("Classification",
         f"[{inline(cable.classification)}]({relative(here, classification_page(cable.classification))})"),
    ]
    if cable.caveats:
        rows.append(("Caveats", ", ".join(inline(caveat) for caveat in cable.caveats)))
    if cable.tags:
        tags = []
        for tag in cable.tags:
            meaning = terms.tag(tag)
            title = f' "{title_attribute(meaning)}"' if meaning else ""
            tags.append(f"[{inline(tag)}]({relative(here, tag_page(tag))}{title}){{ .tag }}")
        rows.append(("Tags", " ".join(tags)))
    for reference in cable.references:
        label = f"Reference {inline(reference.label)}" if reference.label else "Reference"
        anchor = f'<span id="{reference_anchor(reference.label)}"></span>'
        if reference.id and reference.id in index.ids and reference.id != cable.id:
            target = f"[{inline(reference.id)}]({relative(here, cable_page(reference.id))})"
            rows.append((label, f"{anchor}{target} — {table_cell(reference.text)}"))
        elif reference.id:
            rows.append((label, f"{anchor}{table_cell(reference.text)} *(not in the archive)*"))
        else:
            rows.append((label, f"{anchor}{table_cell(reference.text)} *(not a cable)*"))
    citing = index.cited_by.get(cable.id, ())
    rows.append(("Cited by", ", ".join(f"[{inline(other)}]({relative(here, cable_page(other))})" for other in citing)
                 if citing else "no cable in the archive cites it"))
    if cable.signer:
        rows.append(("Signed", inline(cable.signer)))
    source = inline(cable.source) + (" (partial extract of the original cable)" if cable.partial else "")
    rows.append(("Source", source))
    rows.append(("Data", f"[{inline(cable.id)}.json]({relative(here, cable_json(cable.id))}) "
                         f"(the parsed cable, see [catalog.json]({relative(here, 'catalog.json')}))"))
    table = ['<div class="cable-card" markdown>', "", "| | |", "|---|---|"]
    table += [f"| {name} | {value} |" for name, value in rows]
    return [*table, "", "</div>"]


def _full_text(cable: Cable) -> list[str]:
    marks = glossary().portion_marks
    lines: list[str] = []
    section: str | None = None
    unnumbered = 0
    for paragraph in cable.paragraphs:
        if paragraph.section and paragraph.section != section:
            section = paragraph.section
            lines += [f"### {inline(section)}", ""]
        blocks = paragraph.text.split("\n")
        lead = ""
        if paragraph.number is not None:
            anchor = f"p{paragraph.number}"
            lead = f"[¶{paragraph.number}](#{anchor}){{ #{anchor} .paragraph-link title=\"Link to this paragraph\" }} "
        else:  # an unnumbered paragraph gets a permalink too: #u1, #u2, ... in page order
            unnumbered += 1
            anchor = f"u{unnumbered}"
            lead = f"[¶](#{anchor}){{ #{anchor} .paragraph-link .unnumbered title=\"Link to this paragraph\" }} "
        if paragraph.classification:
            lead += _portion_mark(paragraph, marks.get(paragraph.classification)) + " "
        lines += [lead + link_text(blocks[0], cable), ""]
        lines += [line for block in blocks[1:] for line in (link_text(block, cable), "")]
    return lines


def _portion_mark(paragraph: Paragraph, meaning: str | None) -> str:
    title = f' title="{title_attribute(meaning)}"' if meaning else ""
    return f"**({inline(paragraph.classification or '')})**{{ .portion-mark{title} }}"


def _pager(cable: Cable, here: str, index: ArchiveIndex) -> list[str]:
    before, after = index.neighbours(cable)
    if before is None and after is None:
        return []
    parts = []
    if before:
        link = relative(here, cable_page(before))
        parts.append(f"← Previous from {inline(cable.origin)}: [{inline(before)}]({link})")
    parts.append(f"[All from {inline(cable.origin)}]({relative(here, post_page(cable.origin))})")
    if after:
        parts.append(f"Next: [{inline(after)}]({relative(here, cable_page(after))}) →")
    return ['<nav class="cable-pager" markdown>', "", " · ".join(parts), "", "</nav>"]
