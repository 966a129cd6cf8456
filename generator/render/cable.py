"""The overview page of one cable: metadata, summary, briefing links, full text."""

from __future__ import annotations

import html
import json
from collections.abc import Collection

from ..model import Cable, Paragraph
from .links import cable_page, classification_page, post_page, relative, tag_page, year_page
from .provenance import provenance_lines
from .text import inline, table_cell

BRIEFING_PAGES = (
    ("treaties.md", "Treaties", "treaties"),
    ("laws.md", "Laws", "laws"),
    ("statistics.md", "Statistics", "statistics"),
    ("recommendation.md", "Recommendation", "recommendation"),
)


def cable_title(cable: Cable) -> str:
    return f"{cable.id} — {cable.subject}" if cable.subject else cable.id


def front_matter(title: str) -> list[str]:
    """YAML front matter setting the page title.

    MkDocs would take the title from the first heading and Material writes it into
    `<title>` unescaped, so untrusted text there would become HTML: the title is given
    here instead, HTML-escaped, as a JSON string (valid YAML).
    """
    return ["---", f"title: {json.dumps(html.escape(' '.join(title.split())), ensure_ascii=False)}", "---", ""]


def overview_page(cable: Cable, archive_ids: Collection[str]) -> str:
    """Markdown for docs/cables/<id>/index.md.

    `archive_ids` are the ids of every cable in the archive, so that a reference can
    link to the cited cable when the archive holds it and say so when it does not.
    """
    here = cable_page(cable.id)
    lines = [*front_matter(cable_title(cable)), f"# {inline(cable_title(cable))}", ""]
    lines += _metadata_table(cable, here, archive_ids)
    lines += provenance_lines(cable)
    if cable.summary:
        lines += ["", "## Summary", "", inline(cable.summary)]
    lines += ["", "## Briefing", ""]
    for file_name, label, field in BRIEFING_PAGES:
        found = getattr(cable, field)
        count = (1 if found else 0) if field == "recommendation" else len(found)
        lines.append(f"- [{label}]({file_name}) ({count} found)")
    lines += ["", "## Full text", ""]
    lines += _full_text(cable.paragraphs)
    if cable.signer:
        lines += ["", inline(cable.signer)]
    return "\n".join(lines).rstrip() + "\n"


def _metadata_table(cable: Cable, here: str, archive_ids: Collection[str]) -> list[str]:
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
        rows.append(("Tags", " ".join(f"[{inline(tag)}]({relative(here, tag_page(tag))})" for tag in cable.tags)))
    for reference in cable.references:
        label = f"Reference {reference.label}" if reference.label else "Reference"
        if reference.id and reference.id in archive_ids and reference.id != cable.id:
            target = f"[{inline(reference.id)}]({relative(here, cable_page(reference.id))})"
            rows.append((label, f"{target} — {table_cell(reference.text)}"))
        elif reference.id:
            rows.append((label, f"{table_cell(reference.text)} (not in the archive)"))
        else:
            rows.append((label, table_cell(reference.text)))
    if cable.signer:
        rows.append(("Signed", inline(cable.signer)))
    source = inline(cable.source) + (" (partial extract of the original cable)" if cable.partial else "")
    rows.append(("Source", source))
    table = ["| | |", "|---|---|"]
    table += [f"| {name} | {value} |" for name, value in rows]
    return table


def _full_text(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    lines: list[str] = []
    section: str | None = None
    for paragraph in paragraphs:
        if paragraph.section and paragraph.section != section:
            section = paragraph.section
            lines += [f"### {inline(section)}", ""]
        blocks = paragraph.text.split("\n")
        lead = ""
        if paragraph.number is not None:
            anchor = f"p{paragraph.number}"
            lead = f"[¶{paragraph.number}](#{anchor}){{ #{anchor} .paragraph-link }} "
        if paragraph.classification:
            lead += f"**({inline(paragraph.classification)})** "
        lines += [lead + inline(blocks[0]), ""]
        lines += [line for block in blocks[1:] for line in (inline(block), "")]
    return lines
