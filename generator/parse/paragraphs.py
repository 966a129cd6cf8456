"""Read blocks as the author's numbered paragraphs.

A number at the start of a line opens a paragraph only if it fits: a wrapped line that
starts with a year (`¶2004.`) or the end of a date (`February\\n1.`) continues the text
before it. Blocks split by page breaks or an inserted SIPDIS are joined again; damaged
numbers are repaired from their sequence (`15.` after ¶4 is ¶5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Paragraph
from .blocks import Block, ends_sentence, heading_like
from .shapes import Line

MARKER = re.compile(
    r"^\s*¶?\s*(?P<number>\d{1,4})\s*\.(?!\d)\s*"
    r"(?:\(?(?P<mark>U|C|S|TS|SBU|LOU|FOUO|NF|S/NF|C/NF|S//NF|C//NF|TS/NF|S/REL|U/FOUO|U//FOUO|SBU/NF|[CS]/{1,2}NOFORN)\)\s*"
    r"|(?P<entire>[UCS])\s+-\s+(?=ENTIRE TEXT))?",
    re.IGNORECASE,
)
"""`1. `, `¶4. (C) `, `1.(SBU)`, `¶3. C) ` (missing parenthesis), `1. (s/nf) `, `1. C - ENTIRE TEXT`."""
MARKS = r"U|C|S|TS|SBU|LOU|FOUO|NF|S/NF|C/NF|S//NF|C//NF|TS/NF|S/REL|U/FOUO|U//FOUO|SBU/NF|[CS]/{1,2}NOFORN"
PAREN_MARKER = re.compile(rf"^\s*\((?P<number>\d{{1,3}})\)\s*\((?i:(?P<mark>{MARKS}))\)\s*(?P<entire>(?!))?")
"""`  (1)  (SBU) Summary: ...`: a paragraph number in brackets, followed by its portion mark (03FRANKFURT9824); without
the portion mark, `(1)` is a list item."""
BARE_MARKER = re.compile(rf"^\s*(?P<number>\d{{1,2}})\s+(?:\((?i:(?P<mark>{MARKS}))\)\s*|(?=[A-Z][a-z]+\s))"
                         r"(?P<entire>(?!))?")
"""`1 The following 16 Nigerian personnel ...`, `4 (C) According to ...`: a paragraph number that lost its full
stop. It opens a paragraph only at the start of a block, as the next number, after a finished sentence (or at the
start of the body, or under a heading)."""
EMBEDDED_MARKER = re.compile(rf"(?<=\s)(?P<number>\d{{1,3}})\.\s?\((?:{MARKS})\)\s", re.IGNORECASE)
"""`... investment in XXXXXXXXXXXX 6. (S//NF) The second reason ...`: the next paragraph's number and portion
mark inside a line, where a redaction (or an unwrapped text) swallowed the line break. It opens a paragraph
only if it is the next number and follows a redaction or the end of a sentence."""
REDACTION_END = re.compile(r"X{4,}$")
UNDERLINE_END = re.compile(r"\s-{3,}$")
"""`... END SUMMARY AN OFFER YOU CAN'T REFUSE -----` / `¶2. (C) ...`: a line that ends in a heading's underline ends
the paragraph above the next number (09BISHKEK700)."""
TRAILING_RULE = re.compile(r"\s*-{3,}$")
"""`Strategy --------`: the underline of a heading written on the heading's own line is not part of its title."""
DASHED_HEADING = re.compile(r"^(?P<title>[A-Z][^.;:]{0,80}?)\s*-{3,}$")
"""`Comment ------- 11. (C) Ainchil ...`: a heading written on one line with its underline, the next paragraph run
on after it (09BUENOSAIRES1305)."""
"""`XXXXXXXXXXXX`: a redacted name, which may have taken a sentence's full stop with it."""
ITEM_START = re.compile(r"^(?:--|-\s|•|[a-z][.)]\s|\(\d{1,2}\)\s|[A-Z][.)]\s)")
"""A list item inside a paragraph: `-- The spokesman`, `--The Patent Law`, `a. Entry`, `(1) drinking`, `A) ...`."""
SALUTATION = re.compile(r"^(?:Dear\s+)?[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,3},$")
"""`Director Mueller,`, `Dear Secretary Rice,`: a salutation line right above paragraph 1 (06CAIRO493), which the
number on the next line follows although the salutation does not end a sentence."""
LETTERED = re.compile(r"^[a-z][.)]\s")
"""`a. ` / `b) `: a lettered sub-paragraph, which starts lower-case but is not a continuation."""
LARGEST_NUMBER = 199
"""No cable has more paragraphs; a larger number at a line start is a wrapped year or figure."""


@dataclass
class Draft:
    number: int | None
    mark: str | None
    section: str | None
    line: int
    pieces: list[list[str]] = field(default_factory=list)
    """Sub-blocks, each a list of folded lines (joined once at the end, so long paragraphs stay linear)."""

    @property
    def parts(self) -> list[str]:
        return [" ".join(piece) for piece in self.pieces]

    @property
    def last(self) -> str:
        """The last line of text so far, or "" before any text."""
        return self.pieces[-1][-1] if self.pieces else ""

    def add(self, text: str, new_part: bool) -> None:
        if self.pieces and not new_part:
            if text:
                self.pieces[-1].append(text)
        elif text:
            self.pieces.append([text])


@dataclass
class Reader:
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section: str | None = None
    last_number: int = 0
    quoting: bool = False
    """Inside `BEGIN TEXT` ... `END TEXT`: a quoted document's own numbering does not open the cable's paragraphs."""
    list_number: int | None = None
    """The last item of a numbered list inside the open paragraph (`...following:` `1.` `2.`), if any."""

    @property
    def current(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def fits(self, number: int) -> bool:
        """Would `number` be a plausible next paragraph number?"""
        expected = self.last_number + 1
        return number == expected or _repairable(number, expected)

    def open(self, line: Line, number: int, mark: str | None, rest: str) -> None:
        self.drafts.append(Draft(number, mark, self.section, line.number, [[rest]] if rest else []))
        expected = self.last_number + 1
        self.last_number = expected if _repairable(number, expected) else number
        self.list_number = None

    def heading(self, block: Block) -> None:
        self.section = TRAILING_RULE.sub("", block.text) or block.text
        self.list_number = None
        self.drafts.append(Draft(None, None, self.section, block.line))  # a boundary; empty drafts are dropped


def read_paragraphs(blocks: list[Block]) -> tuple[list[Paragraph], list[str]]:
    reader = Reader()
    contents = _contents_block(blocks)
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if position == contents:
            reader.drafts.append(Draft(None, None, reader.section, block.line, _contents_items(block)))
            continue
        if block.heading or _unmarked_heading(reader, block, following):
            _quote_marks(reader, block.text)
            reader.heading(block)
            continue
        _read_block(reader, block)
    paragraphs = [
        Paragraph(draft.number, draft.mark, draft.section, "\n".join(draft.parts), draft.line)
        for draft in reader.drafts if draft.pieces
    ]
    repaired, warnings = _repair_numbers(paragraphs)
    return repaired, reader.warnings + warnings


CONTENTS_ITEMS = 3
"""A table of contents lists at least this many sections."""
WRAPPED_PILCROW = re.compile(r"^¶\s?(?=\d)")


def _contents_block(blocks: list[Block]) -> int | None:
    """The block that lists the sections before they follow, numbered 1 to N, each a title that does not end like a
    sentence (`¶1. Lead Stories Summary` / `¶2. Aftermath of Haiti Earthquake` / ..., then `¶1.    Lead Stories
    Summary` again): its numbers point to the sections and are no paragraphs of their own (10BERLIN74,
    05CALGARY656). Only the first numbered block can be one, and only when a later block opens with 1 again."""
    for position, block in enumerate(blocks):
        opening = MARKER.match(block.lines[0].text) if not block.heading else None
        if opening is None:
            continue  # a heading, or unnumbered text above the first paragraph
        if opening["number"] != "1" or len(block.lines) < CONTENTS_ITEMS:
            return None
        numbers: list[int] = []
        titles: list[str] = []
        for line in block.lines:
            marker = MARKER.match(line.text)
            if marker:
                numbers.append(int(marker["number"]))
                titles.append(line.text[marker.end():].strip())
            elif len(line.text.strip()) <= 80 and len(titles[-1]) <= 160:
                titles[-1] += " " + line.text.strip()
            else:
                return None
        if (len(numbers) < CONTENTS_ITEMS or numbers != list(range(1, len(numbers) + 1))
                or any(not title or len(title) > 160 or title[-1] in ".,;" for title in titles)):
            return None
        again = any((found := MARKER.match(later.lines[0].text)) and found["number"] == "1"
                    for later in blocks[position + 1:] if later.lines)
        return position if again else None
    return None


def _contents_items(block: Block) -> list[list[str]]:
    """The table of contents as written, one item a line (the publisher's `¶` before each number dropped)."""
    items: list[list[str]] = []
    for line in block.lines:
        text = " ".join(line.text.split())
        if MARKER.match(text) or not items:
            items.append([WRAPPED_PILCROW.sub("", text)])
        else:
            items[-1].append(text)
    return items


def _unmarked_heading(reader: Reader, block: Block, following: Block | None) -> bool:
    """`Comment and Recommendation` above `124.`: a short line right before a numbered paragraph."""
    if following is None or len(block.lines) > 2 or len(block.text.split()) > 8 or not heading_like(block.text, 80):
        return False
    marker = MARKER.match(following.lines[0].text)
    current = reader.current
    return marker is not None and (current is None or ends_sentence(current.last))


def _read_block(reader: Reader, block: Block) -> None:
    first = True
    previous_text = ""
    before_previous = ""
    for line in block.lines:
        text = " ".join(line.text.split())
        tail = ""
        embedded = _embedded_marker(reader, text)
        if embedded is not None:
            text, tail = text[:embedded].rstrip(), text[embedded:]
            heading = DASHED_HEADING.match(text) if first else None
            if heading:
                reader.section = heading["title"]
                marker = MARKER.match(tail)
                assert marker is not None
                reader.open(line, int(marker["number"]), (marker["mark"] or "").upper() or None, tail[marker.end():])
                first, before_previous, previous_text = False, previous_text, tail
                continue
        marker = (MARKER.match(text) or (PAREN_MARKER.match(text) if text[:1] == "(" else None)
                  or (BARE_MARKER.match(text) if first else None))
        if marker and marker.re is BARE_MARKER and not _bare_marker_fits(reader, marker):
            marker = None
        opening = (_opening_heading_lines(block, line) if marker and not first and marker["mark"] is not None
                   and int(marker["number"]) == reader.last_number + 1 else None)
        if opening:
            # a heading of one or two lines that opens its block right above the next paragraph (`` / `ndepenen
            # Organzed Crime` / `10. (SBU)`, 05VANCOUVER1470; `PROJECT B: ... COMMUNITY` / `BUILDING VIA ...` /
            # `5. (SBU)`, 09HAVANA356)
            _lift_heading(reader, opening)
            previous_text = "."
        elif (marker and not first and int(marker["number"]) == reader.last_number + 1 and before_previous
                and ends_sentence(before_previous) and _inline_heading(previous_text)):
            _lift_heading(reader, [previous_text])  # INLINE_HEADING: `...reforms.` / `Growing cooperation` / `3.`
            previous_text = before_previous
        if marker and reader.quoting and (not reader.fits(int(marker["number"])) or marker.re is BARE_MARKER):
            marker = None  # QUOTED_NUMBERING (00THEHAGUE1725): the letter's own 1. 2. 4. inside BEGIN/END TEXT,
            # and its points numbered with no full stop at all (`2 As the US Embassy is aware`, 08SINGAPORE40)
        if marker and _is_marker(reader, marker, first, previous_text):
            number = int(marker["number"])
            mark = (marker["mark"] or marker["entire"] or "").upper() or None
            reader.open(line, number, mark, text[marker.end():])
        else:
            if marker and text.startswith("¶"):
                reader.warnings.append(f"{line.number}: '{text.split()[0]}' is not a paragraph number here")
                text = text[1:].lstrip()
            _continue(reader, block, line, text, first, previous_text)
        _quote_marks(reader, text)
        first = False
        before_previous, previous_text = previous_text, text
        if tail:
            marker = MARKER.match(tail)
            assert marker is not None
            reader.open(line, int(marker["number"]), (marker["mark"] or "").upper() or None, tail[marker.end():])
            previous_text = tail


QUOTE_BEGIN = re.compile(r"\bBEGIN\s+(?:TEXT|QUOTE)\b", re.IGNORECASE)
QUOTE_END = re.compile(r"\bEND\s+(?:OF\s+)?(?:TEXT|QUOTE)\b|\bUNQUOTE\b", re.IGNORECASE)


def _quote_marks(reader: Reader, text: str) -> None:
    """Follow BEGIN TEXT / END TEXT (or QUOTE / UNQUOTE) through the body; the last mark on a line wins."""
    if "EXT" not in text and "ext" not in text and "UOTE" not in text and "uote" not in text:
        return  # the cheap test first: most lines hold neither word
    begin = [hit.start() for hit in QUOTE_BEGIN.finditer(text)]
    end = [hit.start() for hit in QUOTE_END.finditer(text)]
    if begin or end:
        reader.quoting = max(begin, default=-1) > max(end, default=-1)


def _inline_heading(text: str) -> bool:
    """A short line that does not end a sentence and does not start lower-case: a heading with no blank lines."""
    return heading_like(text, 80) and not text[:1].islower() and len(text.split()) <= 10 and not MARKER.match(text)


def _opening_heading_lines(block: Block, line: Line) -> list[str] | None:
    """The one or two lines that open `block` above `line` when they read as a heading: short, not ending like a
    sentence, at most sixteen words. It may have lost letters in transmission (`ndepenen Organzed Crime`), so a
    lower-case start does not rule it out."""
    above = block.lines[1:3].index(line) + 1 if line in block.lines[1:3] else 0
    if not above:
        return None
    texts = [" ".join(previous.text.split()) for previous in block.lines[:above]]
    if any(not heading_like(text, 80) or MARKER.match(text) for text in texts):
        return None
    return texts if len(" ".join(texts).split()) <= 16 else None


def _lift_heading(reader: Reader, texts: list[str]) -> None:
    """INLINE_HEADING (00TASHKENT4223): one paragraph a line, no blank lines, a heading between two paragraphs.
    The heading lines leave the paragraph above and become the section of the next one."""
    current = reader.current
    for text in reversed(texts):
        if current is not None and current.pieces and current.pieces[-1] and current.pieces[-1][-1] == text:
            current.pieces[-1].pop()
            if not current.pieces[-1]:
                current.pieces.pop()
    reader.section = " ".join(texts)


def _embedded_marker(reader: Reader, text: str) -> int | None:
    """Where EMBEDDED_MARKER opens the next paragraph inside `text` (None if nowhere)."""
    if "(" not in text:
        return None
    own = MARKER.match(text)
    opens = own is not None and (own["mark"] is not None or int(own["number"]) == reader.last_number + 1)
    expected = (int(own["number"]) if own and opens else reader.last_number) + 1
    for found in EMBEDDED_MARKER.finditer(text, own.end() if own else 0):
        if int(found["number"]) != expected:
            continue
        before = text[max(0, found.start() - 40) : found.start()].rstrip()  # a bounded look back keeps it linear
        if REDACTION_END.search(before) or ends_sentence(before) or DASHED_HEADING.match(before):
            return found.start()
    return None


def _bare_marker_fits(reader: Reader, marker: re.Match[str]) -> bool:
    current = reader.current
    open_text = current.last if current is not None else ""
    return int(marker["number"]) == reader.last_number + 1 and (not open_text or ends_sentence(open_text))


def _is_marker(reader: Reader, marker: re.Match[str], first: bool, previous_text: str) -> bool:
    """A marker opens a paragraph where its number comes next, or where it opens a block after a closed sentence,
    or with its portion mark right under a heading (`RELATIONS WITH RUSSIA` / `5. (SBU)` in a cable whose first
    section was cancelled, 09TBILISI1134)."""
    number = int(marker["number"])
    current = reader.current
    open_text = current.last if current is not None else ""
    if not first:
        return (number == reader.last_number + 1 and (
            ends_sentence(previous_text)
            or (marker["mark"] is not None and not CITES_PARAGRAPH.search(previous_text[-20:]))
            or UNDERLINE_END.search(previous_text) is not None
            or (number == 1 and reader.last_number == 0 and SALUTATION.match(previous_text) is not None)
        )) or (number == 1 and reader.last_number == 0 and marker["mark"] is not None)
    if number > LARGEST_NUMBER and not reader.fits(number):
        return False
    if not reader.fits(number) and marker["mark"] is None and _list_item(reader, number, open_text):
        return False
    return reader.fits(number) or ends_sentence(open_text) or (marker["mark"] is not None and not open_text)


CITES_PARAGRAPH = re.compile(r"\b(?:paras?|paragraphs?|ref|reftel|see|in|and)\s*$", re.IGNORECASE)
"""`... as noted in para` / `5. (C)`: the only way a line could end above the next number and its portion mark
without that number opening the paragraph; anywhere else it does: `- Sanitary Pads for females` / `15. (SBU)`
(09HAVANA356), or a line that ends on a redaction (`... as “leader.” XXXXXXXXXXX` / `7. (U)`)."""


def _list_item(reader: Reader, number: int, open_text: str) -> bool:
    """`1.` right after `...the following:`, then `2.`, `3.`: a list inside the paragraph, not paragraphs."""
    if number == 1 and open_text.endswith(":"):
        reader.list_number = 1
        return True
    if reader.list_number is not None and number == reader.list_number + 1:
        reader.list_number = number
        return True
    return False


def _continue(reader: Reader, block: Block, line: Line, text: str, first: bool, previous_text: str) -> None:
    current = reader.current
    if current is None or (not current.pieces and current.number is None and current.section != reader.section):
        reader.drafts.append(Draft(None, None, reader.section, line.number))
        current = reader.current
    assert current is not None
    if not current.pieces and current.number is None:
        current.line = line.number
    if first:
        last = current.last
        joined = bool(last) and (not ends_sentence(last) or (text[:1].islower() and not LETTERED.match(text)))
        current.add(text, new_part=not joined)
    else:
        item = ITEM_START.match(text) is not None and previous_text[-1:] in ".;:,)\""
        current.add(text, new_part=item)


def _repairable(number: int, expected: int) -> bool:
    """`15` for 5, `123` for 23: a digit glued on in conversion."""
    return number > expected and number != expected and str(number).endswith(str(expected)) and expected > 0


def _repair_numbers(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[str]]:
    repaired: list[Paragraph] = []
    warnings: list[str] = []
    previous = 0
    for paragraph in paragraphs:
        number = paragraph.number
        if number is None:
            repaired.append(paragraph)
            continue
        expected = previous + 1
        if _repairable(number, expected):
            warnings.append(f"{paragraph.line}: paragraph number {number} read as {expected}")
            number = expected
        elif number == previous:
            warnings.append(f"{paragraph.line}: paragraph {number} appears twice")
        elif number != expected:
            warnings.append(f"{paragraph.line}: paragraph {number} follows paragraph {previous}")
        repaired.append(Paragraph(number, paragraph.classification, paragraph.section, paragraph.text, paragraph.line))
        previous = number
    return repaired, warnings
