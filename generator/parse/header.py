"""Read the telegram's header: routing, banner, captions, E.O., TAGS, SUBJECT, REF.

The header ends where the body begins: at the first numbered paragraph, or at the
first text block after the last header field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import GLUED_PAGE_HEADER, ends_sentence, is_page_break
from .catalogue import captions
from .ids import canonical_post
from .references import LABEL
from .shapes import Line

CLASSIFICATION_WORDS = (
    r"TOP\s+SECRET|T\s*O\s*P\s+S\s*E\s*C\s*R\s*E\s*T|S\s*E\s*C\s*R\s*E\s*T|"
    r"C\s*O\s*N\s*F\s*I\s*D\s*E\s*N\s*T\s*I\s*A\s*L|UNCLAS(?:SIFIED)?|LIMITED\s+OFFICIAL\s+USE"
)
BANNER = re.compile(
    rf"(?P<classification>{CLASSIFICATION_WORDS})"
    r"(?P<caveat>(?:\s+(?:E\s?F\s?T\s?O|SENSITIVE|NOFORN|EXDIS|NODIS|LIMDIS))*)"
    r"\s+(?:SECTION\s+(?P<section>\d+)\s+OF\s+(?P<sections>\d+)\s+)?"
    r"(?P<post>[A-Z][A-Z .]*?[A-Z])\s+(?P<number>\d{1,7})\s*$"
)
"""`UNCLAS ALMATY 000753`, `...IMMEDIATEC O N F I D E N T I A L SECTION 01 OF 02 SOFIA 000106`."""
SPACED_BANNER = re.compile(
    r"^(?P<classification>(?i:s e c r e t|c o n f i d e n t i a l|t o p s e c r e t))(?P<caveat>)"
    r"\s+(?i:section\s+(?P<section>\d+)\s+of\s+(?P<sections>\d+)\s+)?"
    r"(?P<post>[A-Za-z][A-Za-z .]*?[A-Za-z])\s+(?P<number>\d{1,7})\s*$"
)
"""`S e c r e t section 01 of 14 astana 000251`: a spaced banner in a header converted to lower case (10ASTANA251).
Only the spaced spelling is read in any case: `Confidential report 2005` is a subject, not a banner."""
BANNER_TAIL = 160
"""The banner ends its line and is short: only a line's tail is searched, so a hostile line stays linear."""
DATE_TIME_GROUP = re.compile(r"^[ZOPRM]{1,2}\s+(?P<day>\d{2})\d{4}Z\s+(?P<month>[A-Z]{3})\s+(?P<year>\d{2,4})\s*$")
"""`P 131036Z FEB 07`: precedence and date-time group."""
EXECUTIVE_ORDER = re.compile(r"^E\.?\s?O\.?\s*(?P<order>\d{5})\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
"""`E.O. 12958: DECL: 05/20/2015`, `E.O.12356: OADR TAGS: PTER`, and without dots or colon: `EO 12958 DECL: ...`."""
TAGS_WITHOUT_COLON = re.compile(r"^TAGS\s+(?P<rest>[A-Z]{2,5}\b[A-Za-z0-9 ,;/-]*)$")
"""`TAGS PTER, KHLS, PREL,`, `TAGS PREL, PGOV, IN, BM, CN, India-Burma`: the TAGS label without its colon, when a
tag code in capitals follows it."""
FIELD = re.compile(
    r"^(?:\((?:U|C|S|SBU)\)\s*)?(?:(?P<name>TAGS|SUBJECT|SUBJ|REFS?|REFTELS?|REFERENCES?)\s*:|(?P<tags_semicolon>TAGS);|"
    r"(?P<name_dot>REFS?)(?:\.\s+(?=\(?[A-Z0-9])|\s+(?=\(A\)\s|A[.)]\s|A:\s|"
    r"(?-i:(?:\d{2}\s+)?[A-Z]{3,}(?:\s[A-Z]+){0,2}\s+\d)))|"
    r"(?P<classified>CLASSIFIED\s+BY)\b:?)"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""`TAGS: ETRD KIPR`, `TAGS; PGOV, TU`, `SUBJECT: ...`, `REF: A. STATE 23950`, `Ref  (A) 2002 OTTAWA 1115` and
`Ref A: 00 Casablanca 465` (no colon, but a first label), `REF STATE 88759` (no colon, but a citation in
capitals), `Classified By: ...`, `(U) Classified by ...`."""
PARTIAL_NOTICE = "This record is a partial extract of the original cable."
PARAGRAPH_START = re.compile(r"^\s*¶?\s*\d{1,3}\s*\.(?:\s|\(|$)")
"""`1. Summary`, `¶1.  (C)`, `1.(SBU)`: a numbered paragraph opens the body."""
ROUTING = re.compile(r"^(?:VZCZC|DE\s+R|ZN[RY]\s|ZZH|FM\s|TO\s|INFO\s|BT$|R[A-Z]{4,7}/|\d{4}$|RUE|RHE|RHM|RUC)")
"""Transmission routing lines above the banner."""
SPACED = re.compile(r"\s+")
"""Any run of blanks: `C O N F` -> `CONF` when removed."""
INLINE_TAGS = re.compile(r"\bTAGS(?:\s*:|\s)\s*(.*)$")
"""`TAGS: PTER` at the end of an E.O. line (`E.O.12356: OADR TAGS: PTER`, `EO 12958 DECL: 1/1/19 TAGS PREL`)."""
TAG_SEPARATOR = re.compile(r"[,;]")
"""`TRGY, AJ, GG`: commas or semicolons between tags (blanks are split after)."""
REFERENCE_LINE = re.compile(r"^(?:[-¶]\s*)?(?:\(?[A-Za-z]\)|[A-Z][.)]|\d{2}\s[A-Z]|[A-Z][A-Za-z]{2,}\s\d|\d{1,7}\b)")
COLON_LABEL = re.compile(r"(?:^|\s)(?:REF\s+)?([A-H])\s?:", re.IGNORECASE)
"""`REF A: BEIJING 2548; REF B: ...`: labels written with a colon, so that the next label after them is `C`."""
"""`(B) ...`, `B. ...`, `04 ALMATY 591`, `STATE 1234`, `Ankara 6611, (E) ...`: a line that continues a REF block."""
CAPITAL_START = re.compile(r"^[A-Z0-9(]")
"""`CASE`, `LEADERS`: the wrapped end of a reference title starts with a capital."""
SUBJECT_LABEL = re.compile(r"^(?:(?:SUBJECT|SUBJ)\s*:\s*)+", re.IGNORECASE)
"""`SUBJECT: ` repeated at the start of the subject (`SUBJECT: SUBJECT: UKRAINE: ...`)."""
PLAIN_WORD = re.compile(r"^[A-Z]{5,}$")
"""`CLEARANCE`, `ECONOMIC`: a subject keyword in TAGS, unlike the 2-4 letter codes (`KIPR`, `KZ`)."""
HANDLING_NOTICE = re.compile(r"^(?:\((?:U|SBU)\)\s*)?SENSITIVE\s+BUT\s+UNCLASSIFIED\.?"
                             r"(?:\s+(?:PLEASE\s+PROTECT\s+ACCORDINGLY|NOT\s+FOR\s+INTERNET(?:\s+DISTRIBUTION)?)\.?)*$",
                             re.IGNORECASE)
"""`SENSITIVE BUT UNCLASSIFIED.  PLEASE PROTECT ACCORDINGLY` right above paragraph 1 (04ROME1781), or
`SENSITIVE BUT UNCLASSIFIED` alone between SUBJECT and REF (09BRASILIA1026), `(U) SENSITIVE BUT UNCLASSIFIED.
NOT FOR INTERNET.` above REF (07HANOI1009)."""
BARE_CLASSIFICATION = re.compile(r"^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)$")
"""A classification alone on a line: the foot of a page, not a word of the field it interrupts."""
DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8}){2,}$")
"""`T-IA-F-03-0062`: a document number among the header fields."""
REFERENCE_BLOCKS = ";;"
"""Between two REF fields of one header: each is read as a block of its own."""
AUTHORITY_REASON = re.compile(r"^REASONS?\s*:?\s*1\.[45]\b", re.IGNORECASE)
"""`REASON: 1.4 (b), (d)`: the reasons of the Classified By line, on a line of their own."""
SERIAL_DEBRIS = re.compile(r"^\d{6,}$")
"""`21842184` under a subject: the message number garbled in transmission, not the subject's wrapped end (a
wrapped year, `2006`, is)."""
RUN_ON_REFERENCES = re.compile(r"\s(?:REF(?:TEL)?S?|REFERENCES?)\s*:\s*", re.IGNORECASE)
"""`Classified By: Charge d'Affaires ... (d). REFTELS: A) 2008 BRASILIA 672, ...`: references run on after the
authority (itself run on after the subject)."""
OPEN_SUBJECT_ENDINGS = frozenset({"AND", "OF", "THE", "TO", "FOR", "ON", "IN", "WITH", "A", "AN", "OR"})
SUMMARY_START = re.compile(r"^(?:BEGIN\s+)?SUMMARY\b", re.IGNORECASE)
ADDRESSEE = re.compile(r"^\S+(?:\s\S+)?\s+(?:PASS\s+)?(?:FOR|TO)\s")
"""`STATE FOR EUR/WE/UK`, `DOD FOR OFFICE OF DETAINEE AFFAIRS`, `ADDIS FOR USAU`: an action line, not a subject."""
REFERENCE_LABEL = re.compile(r"^(?:[-¶]\s*)?(?:\((?P<paren>[A-Z])\)|(?P<dot>[A-Z])[.)]\s)")
"""`(B) ...`, `B. ...`, `¶B. ...`, `- (B) ...`: after a blank line only a labelled line continues REF, and only
with the next letter: after `A) STATE 9475, B) ...`, `(C) ...` goes on but `(U) This document is ...` is a
portion-marked line of the body."""

WRAPPED_MARK = re.compile(r"^¶\s?(?=\d)")
"""`¶2005.`: the publisher turned a wrapped line that starts with a number into a paragraph mark."""
DANGLING_LABEL = re.compile(r"(?:^|\s)\(?[A-Z][.)]\s*$")
"""`... B) 05 Guangzhou 23050 C)` / `` / `Guangzhou 13362 D) ...`: a label whose citation is on the next line."""
PAGE_TRAILER = re.compile(r"^\s{10,}(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$")
"""`                       UNCLASSIFIED`: the classification indented at the foot of a page of an old telegram;
among header fields it is neither a field nor the subject going on (`... AND` / `PREVENTION` / this line)."""
LONGEST_PAGE_TRAILER = 80
SUBJECT_CLASSIFIED_BY = re.compile(r" (?:\((?:U|C|S|SBU)\) ?)?CLASSIFIED BY ?:", re.IGNORECASE)
"""`... TO PRESIDENT LULA CLASSIFIED BY: Thomas A. Shannon, ...; REASON: 1.4(B)`: the classification authority
run into the SUBJECT line; the subject stops before it. The subject is folded (single blanks) when this is
searched, so the pattern has no repeated blanks and stays linear."""


@dataclass
class Header:
    """What the header says, with the line each field came from (for messages)."""

    partial: bool = False
    classification: str | None = None
    caveats: list[str] = field(default_factory=list)
    post: str | None = None
    number: int | None = None
    banner_line: int | None = None
    dtg_date: tuple[int, str, str] | None = None
    """(day, month abbreviation, year as written) from the date-time group."""
    tags: list[str] = field(default_factory=list)
    tags_line: int | None = None
    subject: str | None = None
    subject_line: int | None = None
    references: str | None = None
    references_line: int | None = None
    classified_by: str | None = None
    body_start: int = 0
    """Index into the line list where the body begins."""


def normalise_classification(words: str) -> str:
    folded = SPACED.sub("", words.upper())
    if folded.startswith("UNCLAS") or folded == "LIMITEDOFFICIALUSE":
        return "UNCLASSIFIED"
    if folded == "TOPSECRET":
        return "TOP SECRET"
    return folded


def read_header(lines: list[Line]) -> Header:
    header = Header()
    current: str | None = None
    """The field whose continuation lines we are collecting."""
    collected: dict[str, list[str]] = {}
    last_field_index = -1
    provisional: dict[str, list[str]] = {}
    """PRINTOUT: fields read above the banner, set aside when the cable's own fields follow it."""
    subject_gap = False
    """True right after a blank line that closed the SUBJECT."""
    glued_title: str | None = None
    """GLUED_TITLE: a title run on after the last routing line, the subject when no SUBJECT line follows."""
    order_seen = False
    """The `E.O. 12958:` line was read: another order under the subject is words of it."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if PARTIAL_NOTICE in text:
            header.partial = True
            text = text.split("available.", 1)[-1].strip()
            if not text:
                continue
        if header.post is None:
            banner = BANNER.search(text[-BANNER_TAIL:]) or (SPACED_BANNER.match(text) if len(text) <= 80 else None)
            if banner:
                header.classification = normalise_classification(banner["classification"])
                for caveat in banner["caveat"].split():
                    _add_caveat(header, caveat)
                if SPACED.sub("", banner["classification"]).upper() == "LIMITEDOFFICIALUSE":
                    _add_caveat(header, "LIMITED OFFICIAL USE")
                header.post = " ".join(banner["post"].split())
                header.number = int(banner["number"])
                header.banner_line = line.number
                last_field_index = index
                current = None
                if collected and _fields_follow(lines, index):
                    provisional, collected = collected, {}
                continue
        dtg = DATE_TIME_GROUP.match(text)
        if dtg and header.dtg_date is None:
            header.dtg_date = (int(dtg["day"]), dtg["month"], dtg["year"])
            continue
        titled = GLUED_TITLE.search(text) if header.post is None and " : " in text else None
        if titled:
            glued_title = titled["title"]  # `... WASHDC10.09.2009 : NATO SECRETARY GENERAL READY ...`
            continue
        if header.post is None and (ROUTING.match(text) or not text):
            if not text and current in ("tags", "subject", "classified_by"):
                subject_gap = current == "subject"  # a blank line closes a field above the banner too
                current = None
            continue
        if PARAGRAPH_START.match(text) and (header.post is not None or header.subject is not None):
            header.body_start = index
            break
        if not text:
            if current in ("tags", "subject", "classified_by"):
                subject_gap = current == "subject"
                current = None
            continue
        glued = GLUED_PAGE_HEADER.match(text) if text.startswith("PAGE") else None
        if glued:
            text = glued["rest"]  # `PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`: the field goes on
        elif is_page_break(text):  # PAGE_MARKER among header fields (`CARACAS 00001276 001.2 OF 003`): not a field
            continue
        if current == "subject" and BARE_CLASSIFICATION.match(text) and header.post is not None:
            continue  # ` CONFIDENTIAL` at the foot of a page the subject runs over
        if len(line.text) <= LONGEST_PAGE_TRAILER and PAGE_TRAILER.match(line.text) and header.post is not None:
            if current in ("tags", "subject", "classified_by"):
                subject_gap = current == "subject"
                current = None
            continue
        gap, subject_gap = subject_gap, False
        if gap and _subject_resumes(text, lines, index):
            collected["subject"].append(text)
            last_field_index = index
            continue
        if (current == "references" and not lines[index - 1].text.strip() and not _next_label(text, collected)
                and not DANGLING_LABEL.search(collected["references"][-1])
                and not _open_bracket(collected["references"][-1]) and not _listed_citation(text, collected)):
            current = None  # after a blank line only the next label, or the citation of a dangling `C)`, goes on
        if "classified_by" in collected and len(text) <= 80 and AUTHORITY_REASON.match(text):
            collected["classified_by"].append(text)  # `REASON: 1.4 (b), (d)` a blank line below Classified By
            last_field_index = index
            continue
        if "-" in text and len(text) <= 40 and DOCUMENT_NUMBER.match(text) and ("subject" in collected
                                                                               or "tags" in collected):
            last_field_index = index  # `T-IA-F-03-0062` between SUBJECT and REF: the post's own document number
            continue
        if len(text) <= 80 and HANDLING_NOTICE.match(text):
            last_field_index = index  # a handling notice among the header lines, not a caveat and not the body
            continue
        listed = _caption_list(text)
        if (not listed and header.post is not None and text.endswith("SIPDIS") and len(text) <= LONGEST_ACTION_LINE
                and TRAILING_SIPDIS.search(text)):
            _add_caveat(header, "SIPDIS")  # `NEA/ARP FOR BMASILKO; ISN FOR PMCNERNEY; SIPDIS`: the caption ends a line
        if listed:
            for caption in listed:
                _add_caveat(header, caption)
            last_field_index = index
            current = None
            continue
        if current == "subject" and FRAME_LINE.match(text):
            current = None  # `*****` under the subject: a frame, not words of it
            last_field_index = index
            continue
        order = EXECUTIVE_ORDER.match(text)
        if order and current == "subject" and order_seen and ":" not in text:
            collected["subject"].append(text)  # `... ORGANIZATION UNDER` / `E.O. 13382`: the subject names an order
            last_field_index = index
            continue
        if order:
            order_seen = True
            last_field_index = index
            current = None
            inline_tags = INLINE_TAGS.search(order["rest"])
            if inline_tags:
                collected["tags"] = [inline_tags[1]]
                header.tags_line = line.number
                current = "tags"
            continue
        bare_tags = TAGS_WITHOUT_COLON.match(text) if "tags" not in collected else None
        if bare_tags:
            collected["tags"] = [bare_tags["rest"]]
            header.tags_line = line.number
            current = "tags"
            last_field_index = index
            continue
        field_match = FIELD.match(text)
        if field_match:
            name = ("CLASSIFIED BY" if field_match["classified"] else
                    "TAGS" if field_match["tags_semicolon"] else
                    "REF" if field_match["name_dot"] else field_match["name"].upper())
            key = {"SUBJ": "subject", "CLASSIFIED BY": "classified_by"}.get(name, name.lower())
            if key.startswith("ref"):
                key = "references"
            if key == "references" and key in collected and field_match["rest"].strip():
                collected[key].append(f"{REFERENCE_BLOCKS} {field_match['rest']}")  # a second REF line (09DJIBOUTI88)
                current = key
                last_field_index = index
                continue
            if key in collected:
                current = None
                continue
            collected[key] = [field_match["rest"]]
            if key in ("tags", "subject", "references"):
                setattr(header, f"{key}_line", line.number)
            current = key
            last_field_index = index
            continue
        if (text[0] in "-=" and header.post is not None and ("subject" in collected or "tags" in collected)
                and RULE_LINE.match(text)):
            header.body_start = index  # `------------` / `Summary` / `------------` right under `Classified By`
            break
        if current is not None:
            if current == "references" and not _continues_references(text, lines, index):
                current = None
            elif current == "tags" and text.startswith("(") and text.endswith(")"):
                current = None  # `(SIFAOUI, BRAHIM ET AL)` under TAGS: the names a VISAS VIPER cable is about
                last_field_index = index
                continue
            else:
                if current == "subject":  # WRAPPED_MARK: `RWANDA IN` / `¶2005.`: the publisher's ¶ on a wrapped year
                    text = WRAPPED_MARK.sub("", text)
                    if SERIAL_DEBRIS.match(text):
                        continue
                collected[current].append(text)
                last_field_index = index
                continue
        if "subject" not in collected and "tags" in collected and _unlabelled_subject(text, lines, index):
            collected["subject"] = [text]
            header.subject_line = line.number
            current = "subject"
            last_field_index = index
            continue
        if ("subject" in collected and "references" not in collected and header.post is not None
                and len(text) <= 80 and _lone_citation(text, header.post)):
            collected["references"] = [text]  # `Ulaanbaatar 550 (NOTAL)` under the subject: a REF line lost its label
            header.references_line = line.number
            last_field_index = index
            continue
        if "subject" in collected or "tags" in collected:
            if header.post is None and _header_ahead(lines, index):
                continue  # PRINTOUT: the cable's banner and own header are still to come
            if ADDRESSEE.match(text) and _field_follows(lines, index):
                last_field_index = index
                continue  # `ROME FOR STORELLA` between TAGS and REFS: an action line, the header goes on
            header.body_start = index
            break
        last_field_index = index
    else:
        header.body_start = last_field_index + 1
    for key, value in provisional.items():
        collected.setdefault(key, value)
    header.tags = _split_tags(" ".join(collected.get("tags", [])))
    header.subject = _fold(_join_wrapped(collected.get("subject", []))) or None
    if header.subject:  # `KAZAKHSTAN: SPECIAL 301:` loses the colon left where a cut subject went on
        header.subject = SUBJECT_LABEL.sub("", header.subject)
        authority = SUBJECT_CLASSIFIED_BY.search(header.subject)
        if authority:
            if "classified_by" not in collected:
                collected["classified_by"] = [header.subject[authority.end():]]
            header.subject = header.subject[: authority.start()]
        header.subject = header.subject.rstrip().removesuffix(":").rstrip() or None
    if header.subject is None and glued_title:
        header.subject = _fold(glued_title)
    if header.subject and "references" not in collected:
        subject_refs = RUN_ON_REFERENCES.search(header.subject)
        if subject_refs:  # `SUBJECT: ... PASF EFFORTS REF: JERUSALEM 2293` (07JERUSALEM2318)
            collected["references"] = [header.subject[subject_refs.end():]]
            header.subject = header.subject[:subject_refs.start()].rstrip() or None
    authority_text = " ".join(collected.get("classified_by", []))
    run_on = RUN_ON_REFERENCES.search(authority_text)
    if run_on and "references" not in collected:
        collected["references"] = [authority_text[run_on.end():]]
        authority_text = authority_text[:run_on.start()]
    header.references = _fold(" ".join(collected.get("references", []))) or None
    header.classified_by = _fold(authority_text) or None
    return header


TRAILING_SIPDIS = re.compile(r"\S[;,]?\s+SIPDIS\s*$")
"""`NEA/ARP FOR BMASILKO; ISN FOR PMCNERNEY; DOE FOR WTOBEY; SIPDIS`: the caption at the end of an action line."""
LONGEST_ACTION_LINE = 200
GLUED_TITLE = re.compile(r"\d{2}\.\d{2}\.\d{4}\s+:\s+(?P<title>\S.{0,200})$")
"""`RUEKJCS/JOINT STAFF WASHDC10.09.2009 : NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?` (09USNATO383)."""
RULE_LINE = re.compile(r"^[-=][-= ]{2,}$")
"""A rule of dashes under the header fields: the frame of the body's first heading."""
FRAME_LINE = re.compile(r"^[*=_~-]{5,}[*=_~\s-]*$")
"""`********************************************* ******`: a frame line."""
LONE_CITATION = re.compile(r"^(?:\d{2}\s+)?(?P<post>[A-Za-z][A-Za-z' ]{2,30}?)\s+0*\d{1,7}(?:\s*\([^)]*\)?)?$")
"""`Ulaanbaatar 550 (NOTAL - Available via SIPDIS)`, `05 STATE 1234`: a citation alone on its line."""


def _lone_citation(text: str, own_post: str) -> bool:
    """LONE_CITATION of the cable's own post or of the Department: the only citations a line can hold without
    its `REF:` and still not be the body's first words."""
    citation = LONE_CITATION.match(text)
    return bool(citation) and canonical_post(citation["post"]) in (canonical_post(own_post), "STATE")


LISTED_CITATION = re.compile(r"^\d{2}\s+[A-Z][A-Z' ]{2,30}?\s+0*\d{1,7}(?:\s*\([A-Z ]+\))?$")
"""`04 PRETORIA 4312`: one citation in capitals with its year, alone on its line."""


def _listed_citation(text: str, collected: dict[str, list[str]]) -> bool:
    """`REFTEL:   04 PRETORIA 5041` / `` / `04 PRETORIA 4312` / `04 PRETORIA 3984`: an unlabelled list of citations
    goes on after a blank line."""
    first = collected["references"][0].strip()
    return bool(LISTED_CITATION.match(text)) and bool(LISTED_CITATION.match(first))


def _join_wrapped(parts: list[str]) -> str:
    """Wrapped lines joined with a space, except after a hyphen that ends a word (`AFRO- / COLOMBIANS`)."""
    joined = ""
    for part in parts:
        text = part.strip()
        if joined and re.search(r"\w-$", joined):
            joined += text
        else:
            joined = f"{joined} {text}" if joined else text
    return joined


def _open_bracket(text: str) -> bool:
    """`A. OTTAWA 2970 (CANADIAN STAKEHOLDERS' CONCERNS ON` / blank / `COPYRIGHT AMENDMENT)`: a reference's title in
    brackets goes on after a blank line."""
    return text.count("(") > text.count(")")


def _next_text(lines: list[Line], index: int) -> str:
    """The next non-blank line within three lines after `index`, stripped ("" if none)."""
    return next((line.text.strip() for line in lines[index + 1: index + 4] if line.text.strip()), "")


def _field_follows(lines: list[Line], index: int) -> bool:
    return FIELD.match(_next_text(lines, index)) is not None


def _unlabelled_subject(text: str, lines: list[Line], index: int) -> bool:
    """UNLABELLED_SUBJECT (06SAOPAULO910): a line in capitals between TAGS and REF that lost its `SUBJECT:`."""
    if not text.isupper() or len(text) > 200 or PARAGRAPH_START.match(text) or ADDRESSEE.match(text):
        return False  # `ROME FOR STORELLA` is an action line, not a subject
    field_match = FIELD.match(_next_text(lines, index))
    return field_match is not None and (field_match["name"] or field_match["name_dot"] or "").upper().startswith("REF")


def _caption_list(text: str) -> list[str]:
    """`SIPDIS`, `SENSITIVE, SIPDIS`: a short line of handling captions only (one, or several with commas)."""
    if len(text) > 60:
        return []
    if "," not in text and ";" not in text and "/" not in text:
        caption = captions().get(" ".join(text.upper().split()))
        return [caption] if caption else []
    parts = [" ".join(part.upper().split()) for part in re.split(r"\s*[,;/]\s*", text.strip())]
    found = [captions().get(part) for part in parts]
    return [caption for caption in found if caption] if all(found) else []


def _header_ahead(lines: list[Line], index: int) -> bool:
    """PRINTOUT: a banner within the next lines, followed by the cable's own TAGS or SUBJECT."""
    for ahead in range(index, min(len(lines), index + 40)):
        text = lines[ahead].text.strip()
        if PARAGRAPH_START.match(text):
            return False
        if BANNER.search(text[-BANNER_TAIL:]) or (len(text) <= 80 and SPACED_BANNER.match(text)):
            return _fields_follow(lines, ahead)
    return False


def _fields_follow(lines: list[Line], banner: int) -> bool:
    """PRINTOUT (03ABUDHABI245): a database printout lists TAGS, Subject and Ref above the banner, and the cable
    repeats its own, fuller header after it. True when a TAGS or SUBJECT line follows the banner before the body."""
    for line in lines[banner + 1: banner + 60]:
        text = line.text.strip()
        if PARAGRAPH_START.match(text):
            return False
        field_match = FIELD.match(text)
        if field_match and (field_match["name"] or "").upper() in ("TAGS", "SUBJECT", "SUBJ"):
            return True
    return False


def _add_caveat(header: Header, caption: str) -> None:
    folded = SPACED.sub(" ", caption).upper()
    name = captions().get(folded, folded)
    if name not in header.caveats:
        header.caveats.append(name)


def _continues_references(text: str, lines: list[Line], index: int) -> bool:
    """A REF block goes on with labelled or wrapped lines, but not into an underlined heading."""
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    if following and set(following) <= set("-= "):
        return False
    return _looks_like_reference(text)


def _next_label(text: str, collected: dict[str, list[str]]) -> bool:
    """REFERENCE_LABEL with the letter after the last label of the REF block so far (any letter if none)."""
    label = REFERENCE_LABEL.match(text)
    if label is None:
        return False
    letter = label["paren"] or label["dot"]
    block = " ".join(collected["references"])
    labels = [found["paren"] or found["dot"] for found in LABEL.finditer(block)]
    labels += [found[1] for found in COLON_LABEL.finditer(block)]
    return not labels or ord(letter) == ord(max(labels)) + 1


def _subject_resumes(text: str, lines: list[Line], index: int) -> bool:
    """SUBJECT_RESUMES: after a blank line, a line directly above REF / Classified By / E.O., written in the
    subject's case and not ending a sentence, still belongs to the subject (`SUBJECT: (S) FCO WELCOMES ... ON
    DETAINEE` / `` / `POLICY; WILL ...` / `REF: ...`); so does any such line after a subject that stops on a
    comma or a connecting word (`... GOVERNMENT, CONSTITUTION,` / `` / `REFERENDUM, ...`)."""
    subject = lines[index - 2].text.strip() if index >= 2 else ""
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    last_word = subject.rsplit(None, 1)[-1].upper() if subject else ""
    open_ended = subject.endswith((",", ";", "-", ":")) or last_word in OPEN_SUBJECT_ENDINGS
    return (
        text.isupper() == subject.isupper() and not ends_sentence(subject) and not text.endswith(".")
        and not text.startswith("(")
        and (FIELD.match(following) is not None or EXECUTIVE_ORDER.match(following) is not None
             or (open_ended and not SUMMARY_START.match(text)))
        and not FIELD.match(text) and " ".join(text.split()) not in captions() and not ADDRESSEE.match(text)
    )


def _looks_like_reference(text: str) -> bool:
    """A REF block goes on while lines start with a label or a cable citation, or are short capitals, or are one
    lower-case word wrapped from the line above (`C) Evans-Meyers` / `telecon`)."""
    return bool(REFERENCE_LINE.match(text)) or (
        not text.endswith(".") and len(text) < 60 and bool(CAPITAL_START.match(text)) and text.isupper()
    ) or (len(text) <= 20 and text[:1].islower() and " " not in text and not text.endswith("."))


def _split_tags(text: str) -> list[str]:
    """`OTRA KU IZ COUNTRY CLEARANCE` -> [..., 'COUNTRY CLEARANCE']: plain words in a row are one keyword."""
    tags: list[str] = []
    seen: set[str] = set()
    for group in TAG_SEPARATOR.split(text):
        words: list[str] = []
        for token in group.split():
            token = token.strip(".").upper()  # tags are codes: `pgov` in a header converted to lower case is PGOV
            if not token:
                continue
            if words and PLAIN_WORD.match(token) and PLAIN_WORD.match(words[-1].rsplit(" ", 1)[-1]):
                words[-1] = f"{words[-1]} {token}"
            else:
                words.append(token)
        for word in words:
            if word not in seen:
                seen.add(word)
                tags.append(word)
    return tags


def _fold(text: str) -> str:
    return " ".join(text.split())
