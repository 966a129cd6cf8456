"""Split the body into blocks: runs of non-blank lines, each line keeping its number.

Transmission debris (page markers, repeated banners, an inserted SIPDIS, NNNN) is dropped
here, and dash lines turn the block above them into a heading. Nothing is interpreted
beyond that: paragraphs.py reads the blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .shapes import Line

LONGEST_DEBRIS = 160
"""Page markers and banners are short; longer lines are never tested against those patterns."""
PAGE_MARKER = re.compile(r"^[A-Z][A-Z .]{1,30}\s\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\b.*$")
"""`BEIJING 00007192  009.2 OF 014`, `KUALA LUMP 00000263  002 OF 003`, `CHENGDU 00000088  001.2 OF 003`."""
PAGE_HEADER = re.compile(r"^PAGE\s+\d{1,3}\b.*$")
"""`PAGE 02 STATE 150591`: a page header of old cables."""
REPEATED_BANNER = re.compile(
    r"^(?:UNCLAS(?:SIFIED)?|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|LIMITED OFFICIAL USE)"
    r"(?:\s+[A-Z]+)*?\s+SECTION\s+\d+\s+OF\s+\d+\s+[A-Z][A-Z .]{1,30}\s\d{1,8}$"
)
"""`C O N F I D E N T I A L SECTION 02 OF 04 CAIRO 003757`: the banner repeated on a later page."""
PAGE_TRAILER = re.compile(r"^\s{10,}(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$")
"""`                       UNCLASSIFIED`: the classification indented at the foot of a page of an old telegram."""
LONE_CAPTION = re.compile(r"^(?:SIPDIS|NNNN|BT|NNNNN?)$")
"""`SIPDIS` inserted mid-text by the distribution system; `NNNN`/`BT` transmission trailers."""
PUBLISHER_RULE = re.compile(r"^[-=]{3,}\s*(?:CABLE ENDS|header ends)\s*[-=]{3,}$", re.IGNORECASE)
"""`=====CABLE ENDS=====`, `----- header ends -----`: rules some releases put around the cable."""
DASH_LINE = re.compile(r"^[-=_/][-=_ ]{2,}$")
"""An underline or a frame line: `-----------`, `--------- -`, `=====`, `/----------`."""
SLASHED_HEADING = re.compile(r"^//\s*(?P<title>[^/].{0,100}?)\s*//$")
"""`//BACKGROUND//`: a heading between double slashes."""
MARKER_START = re.compile(r"^¶?\s?\d{1,4}\s?\.(?!\d)")
"""`1.`, `¶12.`: a line that opens with a paragraph number cannot be a heading."""
NOT_HEADING_END = ".,;\"'"


@dataclass
class Block:
    lines: list[Line]
    heading: bool = False
    title: str | None = None
    """The heading text when it differs from the lines (`//BACKGROUND//` -> `BACKGROUND`)."""
    opened_by_dash: bool = False

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        if self.title is not None:
            return self.title
        return " ".join(" ".join(line.text for line in self.lines).split())


@dataclass
class Blocks:
    blocks: list[Block] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    """Line numbers of debris lines dropped (page markers, inserted SIPDIS)."""


def is_debris(text: str) -> bool:
    """A line that is transmission or page-break debris, not the author's text."""
    if len(text) > LONGEST_DEBRIS:
        return False
    return bool(
        LONE_CAPTION.match(text) or PAGE_MARKER.match(text) or PAGE_HEADER.match(text)
        or REPEATED_BANNER.match(text) or PUBLISHER_RULE.match(text)
    )


def is_page_break(text: str) -> bool:
    return len(text) <= LONGEST_DEBRIS and bool(PAGE_MARKER.match(text) or PAGE_HEADER.match(text))


def heading_like(text: str, longest: int = 120) -> bool:
    """Short, not a numbered paragraph, not ending like a sentence: `Background`, `Telecoms`."""
    return (
        0 < len(text) <= longest and not MARKER_START.match(text) and text[-1] not in NOT_HEADING_END
        and any(ch.isalpha() for ch in text)
    )


SENTENCE_CLOSERS = ":;!?)\"'\u201d\u2019"
"""CLOSING_QUOTE: `... as \u201ccompletely false.\u201d` ends a sentence like `..."false."`: the typographic quotes
(U+201D, U+2019) count as the straight ones."""


def ends_sentence(text: str) -> bool:
    """`... in 2004.` yes; `... in`, `... Dec.`, `... 20189-` no."""
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in SENTENCE_CLOSERS:
        return True
    if text[-1] != ".":
        return False
    last = text.rsplit(None, 1)[-1]
    return last.rstrip(".").upper() not in ABBREVIATIONS


ABBREVIATIONS = frozenset(
    {
        "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
        "NO", "NOS", "MR", "MRS", "MS", "DR", "GEN", "ST", "AMB", "VOL", "ART", "PARA", "PARAS",
    }
)
"""Words whose period does not end a sentence: a number after `Dec.` on the next line is a date."""


def split_blocks(lines: list[Line]) -> Blocks:
    result = Blocks()
    current: Block | None = None
    after_dash = False
    for line in lines:
        text = line.text.strip()
        if not text:
            current = None
            continue
        first = text[0]
        if text in ("-", "--", "–", "—"):
            current = None  # a lone dash between two paragraphs separates them like a blank line (88LIMA9331)
            continue
        if line.text.startswith("          ") and len(line.text) <= LONGEST_DEBRIS and PAGE_TRAILER.match(line.text):
            result.dropped.append(line.number)  # the page's foot: the paragraph goes on over the page
            current = None
            continue
        # Debris is in capitals or a rule of dashes: mixed-case text skips the five patterns (most lines of a body).
        if (first in "-=" or text.isupper()) and is_debris(text):
            result.dropped.append(line.number)
            if is_page_break(text):
                current = None
            continue
        if line.heading:
            result.blocks.append(Block([line], heading=True))
            current, after_dash = None, False
            continue
        if first in "-=_/" and len(text) <= LONGEST_DEBRIS and DASH_LINE.match(text):
            if current is not None:
                _underline(result.blocks, current)
            current, after_dash = None, True
            continue
        slashed = SLASHED_HEADING.match(text) if first == "/" and len(text) <= LONGEST_DEBRIS else None
        if slashed:
            result.blocks.append(Block([line], heading=True, title=slashed["title"]))
            current, after_dash = None, False
            continue
        if current is None:
            current = Block([line], opened_by_dash=after_dash)
            result.blocks.append(current)
        else:
            current.lines.append(line)
        after_dash = False
    return result


LONGEST_UNDERLINED_HEADING = 200
"""An underline is strong evidence: a heading over three lines (03ABUDHABI245) may run past 120 characters."""


def _underline(blocks: list[Block], block: Block) -> None:
    """A dash line under a block: the block (or its last line) is a heading."""
    if len(block.lines) <= 3 and heading_like(block.text, longest=LONGEST_UNDERLINED_HEADING):
        block.heading = True
        return
    last = block.lines[-1]
    before = block.lines[-2].text if len(block.lines) > 1 else ""
    if len(block.lines) > 1 and heading_like(last.text.strip(), longest=80) and ends_sentence(before):
        block.lines.pop()
        blocks.append(Block([last], heading=True))
