"""Split a REF block into labelled references and resolve cable citations to ids."""

from __future__ import annotations

import re

from ..model import Reference
from .catalogue import post_aliases
from .ids import canonical_id, canonical_post, full_year

LABEL = re.compile(
    r"(?:^|(?<=[\s;,]))(?:[-¶]\s*)?"
    r"(?:\((?P<paren>[A-Z])\)|(?P<dot>[A-Z])[.)](?:\s*\(?(?P=dot)[.):]|\s+(?P=dot)(?=\s))?)"
    r"(?:\s+|(?<=\))(?=[A-Z0-9])|(?<=\.)(?=\d{2}\s[A-Z]))"
)
"""`(A) `, `A. `, `A) `, `¶B. `, `- (B) `, `A. A) `, `A. (A) `, `A. A: `, `B. B ` (doubled lettering); a label
closed by a parenthesis may be glued to its citation: `A)STATE 198912  B)HAVANA 3721`; `A.` only to a year and post
(`D.01 BRASILIA 3714`), never to other text, which would split `U.S.`."""
CITATION = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s+)?(?P<post>(?:[A-Z]{2,}\s){0,3}[A-Z](?:'?[A-Z])+)\s+"
    r"(?:(?P<year_between>\d{2})\s+(?=\d{3}))?0*(?P<number>\d{1,7})\b"
    r"(?:\s+\(?(?P<year_after>(?:19[6-9]|20[0-3])\d)\b\)?)?"
    r"(?![/\-]\d|\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b)"
)
"""`04 ALMATY 000591`, `STATE 023950`, `SECSTATE 14490`, `USUN NEW YORK 123`, `HO CHI MINH CITY 838`, and the
year written elsewhere: `SECSTATE 06 201818`, `STATE 109039 2008`, `STATE 1070 (2007)`. A number followed by
`/16`, `-16` or a month is a date, not a serial number (`PARIS POINTS OF 5/16`, `MILLS 01/29/09 E-MAIL`,
`DEMARCHE OF 5 MAY`): no cable id."""
CITED_ID = re.compile(r"^(?P<year>\d{2})?(?P<post>[A-Z]{4,})(?P<number>\d{1,7})\b(?![/\-]\d)")
"""`09ANKARA128`, `08STATE9475`: a reference written as the canonical id itself, or without its year
(`BOGOTA2629`, `BELGRADE743`)."""
FUNCTION_WORDS = frozenset({"OF", "ON", "FROM", "TO", "BY", "DATED", "AND", "IN", "AT"})
"""`PAPER OF 12`, `LETTER FROM X 3`: a post name has no function words, unless it is a known post (`PORT OF SPAIN`)."""
UNLABELLED_SEPARATOR = re.compile(r"(; ?| AND |, )")
"""`STATE 1; CAIRO 2`, `STATE 1 AND CAIRO 2`, `LIMA 100, LIMA 101`: unlabelled references in a folded block.
`AND` and a comma only separate two citations: in `BRASILIA 882 AND PREVIOUS` the words after it qualify the
reference before it."""
NOT_A_REFERENCE = re.compile(r"^CLASSIFIED\s+BY\b", re.IGNORECASE)
"""`REF: CLASSIFIED BY: AMBASSADOR RYAN C. CROCKER ...`: the authority written on the REF line, no reference."""
AUTHORITY_AFTER = re.compile(r"\s(?:\([A-Z/]{1,6}\)\s*)?Classified\s+by\b", re.IGNORECASE)
"""`Refs: (A) Oslo 1742; (B) Colombo 1391 (U) Classified by Ambassador E. Ashley Wills.`: the authority run on."""
NUMBER_ONLY = re.compile(r"^(?P<number>\d{3,7})\b\s*(?:\(NOTAL\))?\s*$", re.IGNORECASE)
"""`F) 14707`: a serial number alone cites one of the cable's own post; `B. 2007` in a cable of 2007 is a year."""
NUMBER_FIRST = re.compile(r"^0*(?P<number>\d{3,7})\s+(?P<post>[A-Z]+(?:\s[A-Z]+){0,2})\b")
"""`0611 GENEVA (JCIC-XXXII-019)`: the serial number written before the post; read as a cable only when the post is
the cable's own, which then needs no year."""
CITATION_AFTER_NUMBER = re.compile(r"(?<=\d)\s+(?=\d{2}\s+[A-Z][A-Za-z]{2,}\s+\d)")
"""`STATE 023443 07 BRATISLAVA 224 06 STATE 12445`: unlabelled citations run together, each with its year."""
COLON_LABELS = re.compile(r"(?:^|(?<=[\s,;]))(?i:REF\s+)?(?P<letter>[A-H])\s*:(?=\s)")
"""`A: 00 Casablanca 465, Ref B: 04 Casablanca 1174`: labels written with a colon, each maybe after `Ref`."""
LOWER_LABEL = re.compile(r"^\(?a[.)]\s")
LOWER_LABELS = re.compile(r"(?:^|(?<=[\s;,]))\(?[a-h][.)](?=\s)")
"""`a) DJIBOUTI 87 b) ...`: labels in lower case, read as `A)`, `B)` when the block opens with `a)` or `a.`."""
TRAILING_LABEL = re.compile(r"\s*\((?P<letter>[A-H])\)$")
"""`STATE 4854 (A); STATE 4909 (B)`: each label written after its citation (10WINDHOEK78)."""
NO_REFERENCE = frozenset({"NONE", "N/A", "NA", "NIL", "NOT APPLICABLE"})
"""`Ref: None`: a printout's empty reference field."""
NOT_POSTS = {
    "EMAIL", "E-MAIL", "EMAILS", "E-MAILS", "MEMCON", "TELCON", "FAX", "LETTER", "PHONE", "SEPTEL", "MEMO",
    "MEMORANDUM", "DIPNOTE", "NON-PAPER", "NONPAPER", "POINTS", "TELEPHONE", "CONVERSATION", "WEBSITE",
    "IIR", "FBIS", "OSC",
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
}
"""Document words: `PARIS POINTS 16`, `JONES EMAIL OF 12 MAY`, `MEMO 5`: a memo or an e-mail, never a cable;
`IIR 6 876 0123 07`, `FBIS 1234`: an intelligence or press-monitoring report; `Oct 29`: a date."""


def parse_references(block: str, cable_year: int, cable_post: str | None = None) -> tuple[Reference, ...]:
    """`(A) STATE 023950 (B) 04 ALMATY 000591 (NOTAL)` -> two references.

    `cable_post` is the cable's own post: a reference given by number alone (`F) 14707`) is one of the post's.
    Blocks of several REF lines, joined by `;;`, are read one by one; a later block adds only the cables not
    cited already (`REF: HARARE 1238` above the subject and `Ref: Harare 1238` below it are one reference)."""
    if ";;" not in block:
        return _parse_block(block, cable_year, cable_post)
    references: list[Reference] = []
    for part in block.split(";;"):
        cited = {reference.id for reference in references if reference.id}
        references.extend(reference for reference in _parse_block(part, cable_year, cable_post)
                          if not (references and reference.id and reference.id in cited))
    return tuple(references)


def _parse_block(block: str, cable_year: int, cable_post: str | None) -> tuple[Reference, ...]:
    block = AUTHORITY_AFTER.split(" ".join(block.split()), maxsplit=1)[0]
    if LOWER_LABEL.match(block):
        block = LOWER_LABELS.sub(lambda found: found.group(0).upper(), block)
    if re.match(r"(?i:REF\s+)?A\s?:", block):
        block = COLON_LABELS.sub(lambda found: f"{found['letter']}.", block)
    if not block or block.upper().strip(" .") in NO_REFERENCE or NOT_A_REFERENCE.match(block):
        return ()
    starts = [match for match in LABEL.finditer(block)]
    if starts and (starts[0]["paren"] or starts[0]["dot"]) != "A":
        starts = []  # `REF: E. KONICK 1/16 EMAIL`: lettering starts at A; a lone `E.` is an initial
    if not starts or starts[0].start() != 0:
        parts = _unlabelled_parts(block)
        after = [TRAILING_LABEL.search(part) for part in parts]
        if len(parts) > 1 and all(after) and [found["letter"] for found in after] == list("ABCDEFGH"[:len(parts)]):
            return tuple(_reference(found["letter"], part[:found.start()], cable_year, cable_post)
                         for part, found in zip(parts, after, strict=True))
        return tuple(_reference(None, part, cable_year, cable_post) for part in parts)
    references = []
    carried: str | None = None
    for position, match in enumerate(starts):
        end = starts[position + 1].start() if position + 1 < len(starts) else len(block)
        label = carried or match["paren"] or match["dot"]
        text = block[match.end():end].strip(" ;,")
        if not text and position + 1 < len(starts):
            carried = label  # `¶D. C) BUENOS AIRES 1287`: the second, wrong letter gives way to the first
            continue
        carried = None
        references.append(_reference(label, text, cable_year, cable_post))
    return tuple(references)


def _unlabelled_parts(block: str) -> list[str]:
    block = CITATION_AFTER_NUMBER.sub("; ", block)
    pieces = UNLABELLED_SEPARATOR.split(block)
    parts: list[str] = []
    for position in range(0, len(pieces), 2):
        part = pieces[position].strip()
        separator = pieces[position - 1] if position else ""
        citation = CITATION.match(part.upper())
        if separator in (" AND ", ", ") and parts and not (citation and _post_like(citation["post"])):
            parts[-1] = f"{parts[-1]}{separator}{part}".strip()
        elif part:
            parts.append(part)
    return parts or [block]


def _reference(label: str | None, text: str, cable_year: int, cable_post: str | None = None) -> Reference:
    citation = CITATION.match(text.upper()) or CITED_ID.match(text.upper())
    cable_id = None
    own = NUMBER_ONLY.match(text)
    if citation is None and own and cable_post and abs(int(own["number"]) - cable_year) > 1:
        return Reference(label=label, id=canonical_id(cable_year, cable_post, int(own["number"])), text=text)
    inverted = NUMBER_FIRST.match(text.upper()) if citation is None and cable_post else None
    if inverted and _names_own_post(inverted["post"], cable_post):
        return Reference(label=label, id=canonical_id(cable_year, cable_post, int(inverted["number"])), text=text)
    if citation and _post_like(citation["post"]):
        written = citation["year"] or citation.groupdict().get("year_between") or citation.groupdict().get("year_after")
        year = full_year(written) if written else cable_year
        post = _slip_of(citation["post"], cable_post) or citation["post"]
        cable_id = canonical_id(year, post, int(citation["number"]))
    return Reference(label=label, id=cable_id, text=text)


def _names_own_post(words: str, own_post: str) -> bool:
    """`GENEVA`, `HO CHI MINH CITY`: the leading words (one to three) that spell the cable's own post."""
    split = words.split()
    own = canonical_post(own_post)
    return any(canonical_post(" ".join(split[:count])) == own for count in range(1, len(split) + 1))


def _slip_of(written: str, own_post: str | None) -> str | None:
    """The post a typist meant: `KHAROTUM` in a cable from Khartoum, `SECTSTATE` for SECSTATE, `YEKAT` (five letters
    or more that begin the cable's own post) in one from Yekaterinburg. One letter swapped with its neighbour,
    added, dropped or mistyped, in the cable's own post or the Department's name; names of six letters or more
    only, as shorter ones may be other posts."""
    written = canonical_post(written)
    own = canonical_post(own_post) if own_post else ""
    if written == own or written == "STATE":
        return None
    if len(written) >= 5 and own.startswith(written):
        return own_post  # `YEKAT 27` in a cable from Yekaterinburg: the post's own name cut short
    if own_post and _one_slip(written, own):
        return own_post
    return "SECSTATE" if _one_slip(written, "SECSTATE") else None


def _one_slip(written: str, meant: str) -> bool:
    if len(meant) < 6 or abs(len(written) - len(meant)) > 1 or written == meant:
        return False
    start = 0
    while start < min(len(written), len(meant)) and written[start] == meant[start]:
        start += 1
    if len(written) == len(meant):
        rest = written[start + 1:] == meant[start + 1:]
        swapped = (written[start:start + 2] == meant[start:start + 2][::-1]
                   and written[start + 2:] == meant[start + 2:])
        return rest or swapped
    longer, shorter = (written, meant) if len(written) > len(meant) else (meant, written)
    return longer[start + 1:] == shorter[start:]


def _post_like(post: str) -> bool:
    words = post.split()
    if NOT_POSTS.intersection(words):
        return False
    return not FUNCTION_WORDS.intersection(words) or " ".join(words) in post_aliases()
