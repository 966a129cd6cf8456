"""Parse one cable's text into the typed model.

`parse_cable` is the only entry point: shapes → header → references → body.
It raises CableError (file and line) when nothing usable is left, and records
warnings on the Cable when it is readable but incomplete or repaired.
"""

from __future__ import annotations

import datetime
import re
from pathlib import PurePath

from ..errors import CableError
from ..model import Cable
from ..sources import SourceText
from .body import read_body
from .header import normalise_classification, read_header
from .ids import canonical_id, canonical_post, full_year, split_id, year_digits
from .references import parse_references
from .shapes import drop_preview, drop_release_row, drop_repeated_copy, split_glued_header, telegram_lines

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
YEAR_IN_TEXT = re.compile(r"\b(19[6-9]\d|20[0-2]\d)\b")
"""`2004`: a year in the text, the last resort for the cable's year."""


def _calendar_date(year: int, month: str, day: int) -> str | None:
    """`(2007, 'FEB', 13)` -> `2007-02-13`; None for a garbled group (`FEB 31`, `FOO`)."""
    if month not in MONTHS:
        return None
    try:
        return datetime.date(year, MONTHS.index(month) + 1, day).isoformat()
    except ValueError:
        return None


def _names_in(classified_by: str | None) -> frozenset[str]:
    """`AMB JOHN E. HERBST, REASONS 1.5 (B,D)` -> {'HERBST', 'JOHN', ...}: capitalised words of the authority."""
    if not classified_by:
        return frozenset()
    authority = re.split(r"[,;]|\bREASONS?\b|\b1\.[45]\b", classified_by, maxsplit=1, flags=re.IGNORECASE)[0]
    return frozenset(word.upper() for word in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", authority))


def parse_cable(source: SourceText) -> Cable:
    publisher, lines = telegram_lines(source)
    if not any(line.text.strip() for line in lines):
        last = max((index + 1 for index, text in enumerate(source.lines) if text.strip()), default=1)
        raise CableError(source.path, last, "no cable text after the publisher's header (a header-only stub)")
    lines, copy_line = drop_repeated_copy(split_glued_header(drop_preview(drop_release_row(lines))))
    header = read_header(lines)
    warnings: list[str] = []
    if copy_line is not None:
        warnings.append(f"{copy_line}: a second copy of the cable starts here (PAGE 01 again); it is not read")
    named = next((name for name in (PurePath(source.name).stem, publisher.id if publisher else None)
                  if name and split_id(name)), None)
    hinted = split_id(named) if named else None

    post = header.post or (hinted[1] if hinted else None)
    number = header.number if header.number is not None else (hinted[2] if hinted else None)
    released = split_id(publisher.id) if publisher else None
    if released and header.post and (canonical_post(header.post), header.number) != (released[1], released[2]):
        # MIXED_RECORD (09BANGKOK706): the release filed another post's text under this id; the release's id
        # is what every index and reference uses, so it wins, and the banner is reported.
        if header.number != released[2]:
            warnings.append(f"{header.banner_line}: the banner says {header.post} {header.number}; the publisher's "
                            f"id {publisher.id} is used")
        post, number = released[1], released[2]
    if post is None or number is None:
        first = next((line for line in lines if line.text.strip()), lines[0])
        raise CableError(source.path, first.number,
                         "no classification banner (like 'UNCLAS ALMATY 000753') and no id in the file name")

    date = publisher.date if publisher else None
    if date is None and header.dtg_date:
        day, month, year_text = header.dtg_date
        date = _calendar_date(full_year(year_text), month, day)
    if date is None:
        warnings.append(f"{header.banner_line or lines[0].number}: no date: no publisher's header, no date-time group")
    if date:
        year = int(date[:4])
    elif hinted:
        year = hinted[0]
    else:
        years = [int(found) for line in lines for found in YEAR_IN_TEXT.findall(line.text)]
        if not years:
            raise CableError(source.path, header.banner_line, "cannot tell the cable's year: no date, no id")
        year = max(years)
        warnings.append(f"{header.banner_line}: year {year} inferred from the latest year in the text")

    classification = header.classification or (
        normalise_classification(publisher.classification.split("//")[0]) if publisher else None
    )
    if classification is None:
        classification = "UNCLASSIFIED"
        warnings.append(f"{lines[0].number}: no classification found; assumed UNCLASSIFIED")

    body = read_body(lines[header.body_start:], _names_in(header.classified_by), lines[:header.body_start])
    warnings.extend(body.warnings)
    if not body.paragraphs:
        warnings.append(f"{lines[-1].number}: no body text (header only)")
    subject = header.subject or (publisher.subject if publisher and publisher.subject else None)
    if subject is None:
        warnings.append(f"{lines[0].number}: no SUBJECT line")
    references = parse_references(header.references or "", year, post)
    return Cable(
        id=canonical_id(year, post, number, year_digits(named) if named and hinted and hinted[0] == year else None),
        origin=canonical_post(post),
        number=number,
        year=year,
        date=date,
        classification=classification,
        caveats=tuple(header.caveats),
        partial=header.partial,
        tags=tuple(header.tags),
        subject=subject,
        references=references,
        summary=body.summary,
        signer=body.signer,
        paragraphs=body.paragraphs,
        source=source.name,
        warnings=tuple(warnings),
    )
