"""Split the body into the author's numbered paragraphs.

First into blocks (runs of non-blank lines, with line numbers), dropping page-break
debris; then blocks into paragraphs, headings and the signature; then the paragraph
numbers are repaired from their sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph
from .shapes import Line

MARKER = re.compile(
    r"^\s*¶?\s*(?P<number>\d{1,4})\s*\.\s*"
    r"(?:\(?(?P<mark>U|C|S|TS|SBU|LOU|FOUO|S/NF|C/NF|S/REL|NF|U/FOUO|SBU/NF)\)\s*)?",
    re.IGNORECASE,
)
"""`1. `, `¶4. (C) `, `1.(SBU)`, `¶3. C) ` (missing parenthesis)."""
PAGE_DEBRIS = re.compile(
    r"^(?:PAGE\s+\d+.*|[A-Z][A-Z ]+\s+\d{5,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}.*|"
    r"(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)\s+SECTION\s+\d+\s+OF\s+\d+\s+[A-Z ]+\d+|"
    r"SIPDIS|NNNN|BT|END\s+TEXT\.?)$"
)
"""`BEIJING 00007192  009.2 OF 014`, `PAGE 02 ...`, a repeated banner, an inserted `SIPDIS`."""
DASH_LINE = re.compile(r"^[-=_\s]{3,}$")
"""An underline or a frame line: `-----------`, `--------- -`."""
SENTENCE_END = re.compile(r"""[.:;!?)"'\]]$""")
SUMMARY_START = re.compile(r"^(?:BEGIN\s+)?SUMMARY\s*[:.]?\s*|^Summary(?:/Background)?\s*[:.]\s*", re.IGNORECASE)
SUMMARY_END = re.compile(r"\s*END\s+SUMMARY\s*\.?\s*$", re.IGNORECASE)


@dataclass
class Block:
    line: int
    lines: list[str]
    heading: bool = False

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    summary: str | None
    signer: str | None
    warnings: tuple[str, ...]


def read_body(lines: list[Line]) -> Body:
    blocks = _blocks(lines)
    signer, blocks = _take_signer(blocks)
    paragraphs, warnings = _paragraphs(blocks)
    paragraphs, repair_warnings = _repair_numbers(paragraphs)
    return Body(tuple(paragraphs), _summary(paragraphs), signer, tuple(warnings + repair_warnings))


def _blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        text = line.text.strip()
        if not text or PAGE_DEBRIS.match(text) or text == "--":
            current = None
            continue
        if line.heading:
            blocks.append(Block(line.number, [text], heading=True))
            current = None
            continue
        if DASH_LINE.match(text):
            if current is not None and len(current.lines) == 1 and _heading_like(current.text):
                current.heading = True
            current = None
            continue
        if current is None:
            current = Block(line.number, [text])
            blocks.append(current)
        else:
            current.lines.append(text)
    return blocks


def _heading_like(text: str) -> bool:
    return len(text) <= 80 and not MARKER.match(text) and not SENTENCE_END.search(text)


def _take_signer(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The last short block that is not a sentence is the signature: `Ordway`, `RANDT`."""
    if not blocks:
        return None, blocks
    last = blocks[-1]
    text = last.text
    if len(last.lines) == 1 and not MARKER.match(text) and len(text) <= 40 and len(text.split()) <= 4 \
            and not SENTENCE_END.search(text) and not last.heading:
        return text, blocks[:-1]
    return None, blocks


def _paragraphs(blocks: list[Block]) -> tuple[list[Paragraph], list[str]]:
    paragraphs: list[Paragraph] = []
    warnings: list[str] = []
    section: str | None = None
    number: int | None = None
    mark: str | None = None
    parts: list[str] = []
    start = 0

    def flush() -> None:
        if parts:
            paragraphs.append(Paragraph(number, mark, section, "\n".join(parts), start))

    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        is_heading = block.heading or (
            _heading_like(block.text) and len(block.text.split()) <= 8 and following is not None
            and MARKER.match(following.text) is not None and (not parts or SENTENCE_END.search(parts[-1]))
        )
        if is_heading:
            flush()
            section, number, mark, parts, start = block.text, None, None, [], block.line
            continue
        marker = MARKER.match(block.text)
        if marker:
            flush()
            number = int(marker["number"])
            mark = marker["mark"].upper() if marker["mark"] else None
            parts, start = [block.text[marker.end():].strip()], block.line
            continue
        if parts and (not SENTENCE_END.search(parts[-1]) or block.text[:1].islower()):
            parts[-1] = f"{parts[-1]} {block.text}"
        else:
            if not parts:
                start = block.line
            parts.append(block.text)
    flush()
    return paragraphs, warnings


def _repair_numbers(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[str]]:
    """`15.` after ¶4 is ¶5; `123.` after ¶22 is ¶23: a digit glued on in conversion."""
    repaired: list[Paragraph] = []
    warnings: list[str] = []
    previous = 0
    for paragraph in paragraphs:
        number = paragraph.number
        if number is None:
            repaired.append(paragraph)
            continue
        expected = previous + 1
        if number != expected and str(number).endswith(str(expected)) and number > expected:
            warnings.append(f"{paragraph.line}: paragraph number {number} read as {expected}")
            number = expected
        elif number != expected:
            warnings.append(f"{paragraph.line}: paragraph {number} follows paragraph {previous}")
        repaired.append(Paragraph(number, paragraph.classification, paragraph.section, paragraph.text, paragraph.line))
        previous = number
    return repaired, warnings


def _summary(paragraphs: list[Paragraph]) -> str | None:
    for paragraph in paragraphs[:3]:
        first = paragraph.text.split("\n")[0]
        match = SUMMARY_START.match(first)
        if match:
            text = first[match.end():]
            end = SUMMARY_END.search(text)
            return text[: end.start()].strip() if end else text.strip()
    return None
