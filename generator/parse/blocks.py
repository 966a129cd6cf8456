"""Split the body into blocks: runs of non-blank lines, each line keeping its number.

Transmission debris (page markers, repeated banners, an inserted SIPDIS, NNNN) is dropped
here, and dash lines turn the block above them into a heading. Nothing is interpreted
beyond that: paragraphs.py reads the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .shapes import Line

LONGEST_DEBRIS = 160
"""Page markers and banners are short; longer lines are never tested against those patterns."""
PAGE_MARKER = re.compile(r"^[A-Z][A-Z .]{1,30}\s\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\b.*$")
"""`BEIJING 00007192  009.2 OF 014`, `KUALA LUMP 00000263  002 OF 003`, `CHENGDU 00000088  001.2 OF 003`."""
PAGE_HEADER = re.compile(r"^PAGE\s+\d{1,3}\b.*$")
"""`PAGE 02 STATE 150591`: a page header of old cables."""
GLUED_PAGE_HEADER = re.compile(r"^PAGE\s+\d{1,3}\s+[A-Z][A-Z .]{1,30}?\s+\d{3,8}\s+\d{2}\s+OF\s+\d{2}\s+\d{6}Z\s+"
                               r"(?P<rest>\S.*)$")
"""`PAGE 03 VATICA 03507 02 OF 04 031715Z ASPECTS OF THE MEPP, ...`: a copy that joined the page header to the
first line of the page keeps that line."""
ROUTING_DEBRIS = re.compile(
    r"^(?:ACTION\s+[A-Z]+-\d\d\b.*|INFO\s+[A-Z]+-\d\d\b.*"
    r"|[A-Z]+-\d\d(?:\s+[A-Z]+-\d\d)*(?:\s+/\d{3}W)?|/\d{3}W"
    r"|-{5,}[0-9A-F]{4,8}\s+\d{6}Z\s+/\d+|[OPRZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2,4}"
    r"|(?:E\.?\s?O\.?:?\s+1\d{4}|TAGS?:?\s|SUBJE?C?T?:|SUBJ:).*)$"
)
"""`ACTION AF-00`, `INFO  LOG-00   AMAD-00 ...`, `OIC-02   PA-00 ... /005W`, `------71A7E5  241244Z /38`,
`R 241246Z JUL 00`, and the `E.O.`, `TAGS` and `SUBJECT` lines: the header a printout repeats at the top of
each section (dropped only there, right after a page break or a repeated banner)."""
LONGEST_ROUTING = 600
"""A printout's INFO line lists dozens of offices, and copies join it with the routing after it."""
PRINTOUT_TAG = re.compile(r"^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+PT[A-Z]\d{3,5}$")
"""`CONFIDENTIAL PTQ8394`: the printout's page tag above each section's first page."""
REPEATED_BANNER = re.compile(
    r"^(?:UNCLAS(?:SIFIED)?|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|LIMITED OFFICIAL USE)"
    r"(?:\s+[A-Z]+)*?\s+SECTION\s+\d+\s+OF\s+\d+\s+[A-Z][A-Z .]{1,30}\s\d{1,8}$"
)
"""`C O N F I D E N T I A L SECTION 02 OF 04 CAIRO 003757`: the banner repeated on a later page."""
PAGE_TRAILER = re.compile(r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$")
"""`                       UNCLASSIFIED`, ` CONFIDENTIAL`: the classification alone on a line, at the foot of a page of
an old telegram (however indented: copies re-indent it)."""
LONE_CAPTION = re.compile(r"^(?:SIPDIS|NNNN|BT|NNNNN?)$")
"""`SIPDIS` inserted mid-text by the distribution system; `NNNN`/`BT` transmission trailers."""
PUBLISHER_RULE = re.compile(r"^[-=]{3,}\s*(?:CABLE ENDS|header ends)\s*[-=]{3,}$", re.IGNORECASE)
"""`=====CABLE ENDS=====`, `----- header ends -----`: rules some releases put around the cable."""
DASH_LINE = re.compile(r"^[-=_/][-=_ ]{2,}$")
"""An underline or a frame line: `-----------`, `--------- -`, `=====`, `/----------`."""
STAR_FRAME = re.compile(r"^\*{5,}[* ]*$")
"""`********************************************* ******`: a frame that separates like a blank line."""
SLASHED_HEADING = re.compile(r"^//\s*(?P<title>[^/].{0,100}?)\s*//$")
"""`//BACKGROUND//`: a heading between double slashes."""
_FRAME = r"(?:-{3,}|-(?:\s-){2,})"
FRAMED_HEADING = re.compile(rf"^{_FRAME}\s*(?P<title>[^-\s].{{0,100}}?)\s*{_FRAME}$")
"""`------- SUMMARY -------`, `- - - Comment: Shahbaz Remains Supportive - - -`: a heading framed by dashes on its
line, which may stand between two paragraphs with no blank line."""
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


def _header_key(text: str) -> str:
    """A header line as it is repeated at a section break: blanks folded, a trailing serial number dropped
    (`TO SECSTATE WASHDC 6673` is repeated as `TO SECSTATE WASHDC 6674`)."""
    return " ".join(text.split()).rstrip("0123456789").rstrip()


@dataclass
class _RepeatedHeader:
    """The header lines a printout repeats after each section break, indexed only when a break comes."""

    header: Sequence[Line]
    keys: set[str] | None = None
    text: str = ""

    def repeats(self, text: str) -> bool:
        """The line repeats one of the header's, or (12 characters or more) a part of it wrapped differently."""
        if self.keys is None:
            self.keys = {_header_key(line.text) for line in self.header} - {""}
            self.text = " ".join(" ".join(line.text.split()) for line in self.header)
        key = _header_key(text)
        return bool(key) and (key in self.keys or (len(key) >= 12 and key in self.text))


def _detached_heading(block: Block) -> bool:
    """A one-line title, a blank line above its underline (09CHENGDU295): not a sentence, not a numbered line."""
    return (len(block.lines) == 1 and not block.heading and heading_like(block.text, longest=100)
            and not block.opened_by_dash and block.text[:1].isupper())


def _cut_off_preview(block: Block) -> bool:
    """`Classifie...` right above the banner of the full copy: the end of a cut-off preview (09BISHKEK700)."""
    return len(block.lines) == 1 and block.lines[0].text.rstrip().endswith("...") and len(block.text) <= 80


def split_blocks(lines: list[Line], header: Sequence[Line] = ()) -> Blocks:
    """`header`: the cable's header lines, which a printout repeats after each section break."""
    result = Blocks()
    current: Block | None = None
    after_dash = False
    repeated = _RepeatedHeader(header)
    after_break = False
    """True from a page break or a repeated banner until the first line of text: the header repeated there
    (routing, captions, E.O., TAGS, SUBJECT) is debris."""
    for line in lines:
        text = line.text.strip()
        if not text:
            current = None
            continue
        if after_break and len(text) <= LONGEST_ROUTING and (
                ROUTING_DEBRIS.match(text) or repeated.repeats(text)):
            result.dropped.append(line.number)
            continue
        if (text.startswith(("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE"))
                and len(text) <= LONGEST_DEBRIS and (PRINTOUT_TAG.match(text) or PAGE_TRAILER.match(text))):
            result.dropped.append(line.number)  # the page's foot: the paragraph goes on over the page
            current = None
            continue
        glued = GLUED_PAGE_HEADER.match(text) if text.startswith("PAGE") else None
        if glued:
            result.dropped.append(line.number)
            text, current = glued["rest"], None
            if ROUTING_DEBRIS.match(text) or repeated.repeats(text):
                after_break = True
                continue
            line = Line(line.number, text)
        after_break = False
        first = text[0]
        if text in ("-", "--", "–", "—"):
            current = None  # a lone dash between two paragraphs separates them like a blank line (88LIMA9331)
            continue
        # Debris is in capitals or a rule of dashes: mixed-case text skips the five patterns (most lines of a body).
        if (first in "-=" or text.isupper()) and is_debris(text):
            result.dropped.append(line.number)
            if is_page_break(text):
                current = None
            # A printout's page header or a repeated banner may be followed by the header again; a modern page
            # marker (`BEIJING 00007192  009.2 OF 014`) never is.
            after_break = bool(PAGE_HEADER.match(text) or REPEATED_BANNER.match(text))
            if REPEATED_BANNER.match(text) and result.blocks and _cut_off_preview(result.blocks[-1]):
                result.dropped.extend(line.number for line in result.blocks.pop().lines)
            continue
        if line.heading:
            result.blocks.append(Block([line], heading=True))
            current, after_dash = None, False
            continue
        if first in "-=_/*" and len(text) <= LONGEST_DEBRIS:  # frames, rules and headings between marks
            if first == "*" and STAR_FRAME.match(text):
                current = None
                continue
            titled = _titled_heading(text) if first == "/" or text[-1] == "-" else None
            if titled:
                result.blocks.append(Block([line], heading=True, title=titled))
                current, after_dash = None, False
                continue
            if DASH_LINE.match(text):
                if current is not None:
                    _underline(result.blocks, current)
                elif result.blocks and _detached_heading(result.blocks[-1]):
                    result.blocks[-1].heading = True  # `Panda Breeding ...` / `` / `-----`: underlined anyway
                current, after_dash = None, True
                continue
        if current is None:
            current = Block([line], opened_by_dash=after_dash)
            result.blocks.append(current)
        else:
            current.lines.append(line)
        after_dash = False
    return result


def _titled_heading(text: str) -> str | None:
    """The title of a heading written between marks on its own line: SLASHED_HEADING, FRAMED_HEADING."""
    found = SLASHED_HEADING.match(text) or FRAMED_HEADING.match(text)
    return found["title"] if found else None


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
