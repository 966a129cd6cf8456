"""Canonical cable ids: `05ALMATY753`, `1974STATE150591`."""

from __future__ import annotations

import re

from .catalogue import post_aliases

FOUR_DIGIT_BEFORE = 1980
"""Ids of cables before this year are written with a four-digit year."""
CANONICAL_ID = re.compile(r"^(?P<year>\d{2}|\d{4})(?P<post>[A-Z][A-Z]*?)(?P<number>\d+)$")
"""`05ALMATY753`, `1974STATE150591`."""


MISSION_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL|AMEMB|USMISSION)\s+(?=\S)")
"""`AMEMBASSY BERLIN 734`: a reference that names the post as an addressee line does."""


def canonical_post(name: str) -> str:
    """`USUN NEW YORK` -> `USUNNEWYORK`, `SECSTATE` -> `STATE`, `N'DJAMENA` -> `NDJAMENA`, `AMEMBASSY BERLIN` ->
    `BERLIN`."""
    folded = " ".join(name.upper().replace("'", "").split())
    if folded.startswith(("AMEMB", "AMCONSUL", "USMISSION")):
        folded = MISSION_PREFIX.sub("", folded)
    return post_aliases().get(folded, folded.replace(" ", ""))


def canonical_id(year: int, post: str, number: int, year_digits: int | None = None) -> str:
    """Two-digit year (`86BEIRUT6115`), four digits for the 1970s ids of the PlusD release (`1974STATE150591`).

    `year_digits` (2 or 4) follows the id the publisher gave the cable (`79TEHRAN8980` in the 2010-11
    release), which wins over the rule by year."""
    four = year_digits == 4 if year_digits in (2, 4) else year < FOUR_DIGIT_BEFORE
    prefix = str(year) if four else f"{year % 100:02d}"
    return f"{prefix}{canonical_post(post)}{number}"


def year_digits(cable_id: str) -> int | None:
    """`79TEHRAN8980` -> 2, `1974STATE150591` -> 4, None if it is not an id."""
    match = CANONICAL_ID.match(cable_id.upper())
    return len(match["year"]) if match else None


def full_year(two_or_four: str) -> int:
    """`05` -> 2005, `86` -> 1986, `1974` -> 1974. Cables start in the 1960s."""
    value = int(two_or_four)
    if len(two_or_four) == 4:
        return value
    return 1900 + value if value >= 60 else 2000 + value


def split_id(cable_id: str) -> tuple[int, str, int] | None:
    """`05ALMATY753` -> (2005, 'ALMATY', 753); None if it is not an id."""
    match = CANONICAL_ID.match(cable_id.upper())
    if not match:
        return None
    return full_year(match["year"]), match["post"], int(match["number"])
