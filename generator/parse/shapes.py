"""Bring both input shapes to one: numbered telegram lines.

Raw telegrams pass through; Markdown extracts (like the seed) lose their Markdown
(`[ETRD](#)`, `#### heading`, `\\$`, list dashes in the REF block) so that one
telegram reader serves both. The publisher's 5-line header, when present, is split off.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from ..sources import SourceText


@dataclass(frozen=True)
class Line:
    number: int
    """1-based line number in the source file."""
    text: str
    """The line with trailing blanks removed."""
    heading: bool = False
    """True where the source marked the line as a heading (Markdown `####`)."""


@dataclass(frozen=True)
class PublisherHeader:
    """The 5 lines the 2010-11 publisher put above the cable text."""

    id: str
    subject: str
    date: str | None
    classification: str
    origin: str


HEADER_ID = re.compile(r"^(\d{2}|\d{4})[A-Z][A-Z]*\d+$")
"""`08CAIRO348`: line 1 of the publisher's header."""
HEADER_DATE = re.compile(
    r"^[A-Z][a-z]{2} (?P<month>[A-Z][a-z]{2}) (?P<day>\d{2}) \d{2}:\d{2}:\d{2} [+-]\d{4} (?P<year>\d{4})$"
)
"""`Thu Feb 21 00:00:00 +0100 2008`: line 3 of the publisher's header."""
MARKDOWN_LINK = re.compile(r"\[([^\[\]]{0,300})\]\([^()\s]{0,500}\)")
"""`[ETRD](#)`, `[www.intellkaz.kz](http://www.intellkaz.kz)`."""
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
"""`#### The Enforcement Picture`."""
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>])")
"""`\\$51,225`."""
MARKDOWN_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
"""`-----`, `***`: a Markdown horizontal rule (the seed's heading underline)."""
ESCAPED_DOLLAR = re.compile(r"\\\$")
"""`\\$7.07`: a dollar escaped for Markdown."""
MONTH_NAMES = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
LONGEST_MARKDOWN_HEADING = 300
LONGEST_MARKDOWN_LINE = 2000
"""Markdown is only looked for in lines of ordinary length, which keeps hostile lines linear."""
MARKDOWN_SIGNALS = (MARKDOWN_LINK, MARKDOWN_HEADING, ESCAPED_DOLLAR)


GLUED_HEADER_SIGNS = re.compile(r"\S(?:E\.O\.\s?\d{5}|TAGS:)"
                                r"|(?:C\sO\sN\sF|S\sE\sC\sR|UNCLAS)\S*\s.{0,400}?\sE\.O\.\s?\d{5}")
"""`...AMBASSADORE.O. 12958: DECL: ... TAGS: PTER`: header fields run together on one line (06CAIRO493), or the
banner, captions and action lines on one line up to `E.O.` (03COLOMBO688)."""
GLUED_HEADER_BREAK = re.compile(
    r"(?=(?:S\sE\sC\sR\sE\sT|C\sO\sN\sF\sI\sD\sE\sN\sT\sI\sA\sL|UNCLAS)\s(?:SECTION\s\d{1,2}\sOF\s\d{1,2}\s)?"
    r"[A-Z][A-Z ]{1,30}\s\d{3,7})|(?<=\s\d{6})(?=\s?[A-Z])|(?<=SIPDIS)(?=\s?[A-Z])|(?<=\s)(?=SIPDIS\b)"
    r"|(?=E\.O\.\s?\d{5})|(?=TAGS:)|(?=SUBJECT:)"
)
"""GLUED_HEADER: where a run-together header line breaks: before the banner (`...11:49:00S E C R E T SECTION 01
OF 02 CAIRO 000493`), after its number, after `SIPDIS`, before `E.O.`, `TAGS:` and `SUBJECT:`."""
LONGEST_GLUED_HEADER = 600
"""A run-together header is a few hundred characters; longer lines are body text, never split."""
FIRST_PAGE = re.compile(r"^PAGE\s+01\s+(?P<post>[A-Z][A-Z ]{0,30}?)\s+(?P<number>\d{3,7})\s+\d{6}Z\s*$")
"""`PAGE 01        HARARE  01108  230834Z`: the page header that opens a copy of an old telegram."""
COPY_SEPARATOR = re.compile(r"^(?:@@@OASYS@@@|\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+PTO\d+)\s*$")
"""`@@@OASYS@@@`, `                UNCLASSIFIED     PTO6247`: what stands above the PAGE 01 of a repeated copy."""


METADATA_ID = re.compile(r"^id: \d+$")
"""`id: 594`: the first line of the metadata block some records carry (then `date:`, `refid:`, ... `header ends`)."""
PREVIEW_PARAGRAPH = re.compile(r"^\s*¶?\s*\d{1,3}\s*\.\s")
PREVIEW_FIELD = re.compile(r"^\s*SUBJECT\s*:", re.IGNORECASE)
PREVIEW_NOTICE = "This record is a partial extract"
HEADER_ENDS = re.compile(r"^-{3,}\s*header ends\s*-{3,}$", re.IGNORECASE)


def drop_preview(lines: list[Line]) -> list[Line]:
    """PREVIEW (93LIMA56, 01LIMA5083): a record that opens with a cut-off preview of the cable (its header, often
    the first words of paragraph 1, ending `...`), then the metadata block (`id:` ... `header ends`) and the
    whole cable.
    The preview is dropped, so nothing is read twice; a partial-extract notice in it is kept."""
    head = lines[:80]
    if not any("refid:" in line.text for line in head):
        return lines  # no metadata block: the common case, decided cheaply
    start = next((index for index, line in enumerate(head) if METADATA_ID.match(line.text.strip())), None)
    if start is None or not any(line.text.strip().startswith("refid:") for line in head[start:start + 4]):
        return lines
    if not any(HEADER_ENDS.match(line.text.strip()) for line in lines[start:start + 80]):
        return lines
    if not any(PREVIEW_PARAGRAPH.match(line.text) or PREVIEW_FIELD.match(line.text) for line in lines[:start]):
        return lines
    kept = [line for line in lines[:start] if PREVIEW_NOTICE in line.text]
    return kept + lines[start:]


RELEASE_ROW = re.compile(r'^\d{1,6},\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},(?P<id>\d{2,4}[A-Z]+\d+),"')
"""`19309,7/30/2004 17:29,04THEHAGUE1923,"Embassy The Hague",CONFIDENTIAL,...`: a row of the release's CSV file."""
ROW_TEXT_START = '","'
"""The quote, comma and quote between a row's header field and its text field."""


DUMP_ROW = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t\d{2,4}[A-Z]+\d+\t")
"""`...WASHINGTON DC2009-07-01 19:11:00<TAB>09BERN273<TAB>Embassy Bern<TAB>SECRET<TAB>...`: a row of the release's
database dump, glued to the end of a preview; its fields are separated by tabs, its lines end in `\\`."""


def _unescape_dump(lines: list[Line]) -> list[Line]:
    """ESCAPED_NEWLINES (09BERN273): in a database dump every line of a field ends in a backslash."""
    filled = [line for line in lines if line.text.strip()]
    if not filled or sum(line.text.endswith("\\") for line in filled) * 2 < len(filled):
        return lines
    return [Line(line.number, line.text[:-1].rstrip() if line.text.endswith("\\") else line.text, line.heading)
            for line in lines]


def _drop_dump_row(lines: list[Line]) -> list[Line]:
    """DUMP_ROW: keep the text field of the cable's dump row (it starts on the line that opens with a tab)."""
    row = next((index for index, line in enumerate(lines) if "\t" in line.text and DUMP_ROW.search(line.text)), None)
    if row is None:
        return lines
    start = next((index for index in range(row + 1, min(len(lines), row + 60)) if lines[index].text.startswith("\t")),
                 None)
    if start is None:
        return lines
    return [Line(lines[start].number, lines[start].text.lstrip("\t"), lines[start].heading), *lines[start + 1:]]


RELEASE_INDEX_ROW = re.compile(r"^\d \d{2}/\d{2}/\d{4} \d+ [A-Z]{2,}(?:,[A-Z]{2,})*$")
"""`0 02/23/2009 7601 PGOV,PHUM,KDEM,EG`: the release's index entry (then the subject and the text again) appended
after the cable (09CAIRO325)."""


def drop_release_row(lines: list[Line]) -> list[Line]:
    """RELEASE_ROW (04THEHAGUE1923): a record spliced from the release's CSV file: a cut-off preview, then the
    cable's own CSV row holding the whole text in a quoted field, then the start of the next cable's row. Only the
    text field of the cable's own row is kept (and the partial-extract notice of its header field). A row of the
    release's database dump (DUMP_ROW, 09BERN273) is read the same way, and the release's index entry appended
    after the cable (RELEASE_INDEX_ROW) is cut off with what follows it."""
    if any("\t" in line.text for line in lines[:80]):
        lines = _drop_dump_row(_unescape_dump(lines))
    rows: list[int] = []
    for index, line in enumerate(lines):
        text = line.text
        if not text[:1].isdigit() or "/" not in text[:12]:
            continue  # both rows open with a number and hold a date within their first characters
        if index > 10 and text[1:2] == " " and RELEASE_INDEX_ROW.match(text):
            lines = lines[:index]
            break
        if RELEASE_ROW.match(text):
            rows.append(index)
    if not rows:
        return lines
    first = rows[0]
    start = next((index for index in range(first, min(len(lines), first + 40))
                  if lines[index].text.startswith(ROW_TEXT_START)), None)
    if start is None:
        return lines
    end = next((row for row in rows if row > start), len(lines))
    text = lines[start:end]
    text[0] = Line(text[0].number, text[0].text[len(ROW_TEXT_START):], text[0].heading)
    while text and text[-1].text.strip() in ('"', '",', ""):
        text.pop()  # the quote closing the text field
    notice = lines[first].text.find(PREVIEW_NOTICE)
    kept = [Line(lines[first].number, lines[first].text[notice:])] if notice >= 0 else []
    return kept + text


def split_glued_header(lines: list[Line]) -> list[Line]:
    """GLUED_HEADER: a line of at most LONGEST_GLUED_HEADER characters with the banner, `E.O.` or `TAGS:` glued to
    the text before them is split into one line per field, all keeping the source line number."""
    glued = {
        index for index, line in enumerate(lines)
        if ("E.O." in line.text or "TAGS:" in line.text) and len(line.text) <= LONGEST_GLUED_HEADER
        and GLUED_HEADER_SIGNS.search(line.text)
    }
    if not glued:
        return lines
    result: list[Line] = []
    for index, line in enumerate(lines):
        if index not in glued:
            result.append(line)
            continue
        text = line.text
        cuts = [0, *(found.start() for found in GLUED_HEADER_BREAK.finditer(text) if found.start()), len(text)]
        pieces = [text[start:end].strip() for start, end in itertools.pairwise(cuts)]
        result.extend(Line(line.number, piece, line.heading) for piece in pieces if piece)
    return result


def drop_repeated_copy(lines: list[Line]) -> tuple[list[Line], int | None]:
    """REPEATED_COPY (01HARARE1108): a second `PAGE 01` header for the same post and number starts a second copy
    of the cable (the corrected copy followed by the original); the lines from there, and the separator and
    page-top classification above it, are dropped. Returns the kept lines and the line number of the cut."""
    pages = [index for index, line in enumerate(lines) if line.text.startswith("PAGE")]
    if len(pages) < 2:
        return lines, None
    first: tuple[str, int] | None = None
    for index in pages:
        page = FIRST_PAGE.match(lines[index].text) if len(lines[index].text) <= 80 else None
        if page is None:
            continue
        key = (" ".join(page["post"].split()), int(page["number"]))
        if first is None:
            first = key
            continue
        if key != first:
            continue
        start = index
        while start > 0 and (not lines[start - 1].text.strip() or COPY_SEPARATOR.match(lines[start - 1].text)):
            start -= 1
        return lines[:start], lines[index].number
    return lines, None


def split_publisher_header(source: SourceText) -> tuple[PublisherHeader | None, list[Line]]:
    """Split off the publisher's header if the file starts with one."""
    lines = [Line(index + 1, text.rstrip()) for index, text in enumerate(source.lines)]
    stamp = HEADER_DATE.match(lines[2].text.strip()) if len(lines) >= 5 else None
    if stamp and HEADER_ID.match(lines[0].text.strip()):
        header = PublisherHeader(
            id=lines[0].text.strip(),
            subject=lines[1].text.strip(),
            date=_local_date(stamp),
            classification=lines[3].text.strip(),
            origin=lines[4].text.strip(),
        )
        return header, lines[5:]
    return None, lines


def _local_date(stamp: re.Match[str]) -> str | None:
    """The date as the publisher wrote it (its local date); None if it is not a calendar date."""
    month = MONTH_NAMES.get(stamp["month"])
    try:
        return date(int(stamp["year"]), month, int(stamp["day"])).isoformat() if month else None
    except ValueError:
        return None


def is_markdown_extract(lines: list[Line]) -> bool:
    """Any Markdown link, heading or escaped dollar; only short lines are searched (a cheap pre-check first)."""
    return any(
        pattern.search(line.text)
        for line in lines if len(line.text) <= LONGEST_MARKDOWN_LINE and ("[" in line.text or "#" in line.text
                                                                          or "\\$" in line.text)
        for pattern in MARKDOWN_SIGNALS
    )


def unmarkdown(lines: list[Line]) -> list[Line]:
    """Markdown extract -> telegram lines, keeping every line's number."""
    result: list[Line] = []
    for line in lines:
        text = line.text
        if MARKDOWN_RULE.match(text):
            result.append(Line(line.number, ""))
            continue
        heading = MARKDOWN_HEADING.match(text) if len(text) <= LONGEST_MARKDOWN_HEADING else None
        text = MARKDOWN_LINK.sub(r"\1", heading[1] if heading else text)
        text = MARKDOWN_ESCAPE.sub(r"\1", text)
        if text.startswith("- (") or text.startswith("- ¶"):
            text = text[2:]
        result.append(Line(line.number, text.rstrip(), heading=bool(heading)))
    return result


def telegram_lines(source: SourceText) -> tuple[PublisherHeader | None, list[Line]]:
    header, lines = split_publisher_header(source)
    if is_markdown_extract(lines):
        lines = unmarkdown(lines)
    return header, lines
