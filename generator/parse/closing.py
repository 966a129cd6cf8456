"""The parts of a body that are not paragraphs of their own: the summary and the signature."""

from __future__ import annotations

import re

from ..model import Paragraph
from .blocks import Block, ends_sentence
from .paragraphs import MARKER
from .shapes import Line

_SUMMARY_PARTNER = r"(?:BACKGROUND|COMMENTS?|INTRODUCTION|ACTION\s+REQUESTS?|ACTION|RECOMMENDATIONS?|ANALYSIS|OUTLOOK)"
SUMMARY_LABEL = re.compile(
    r"^(?:(?:(?i:Sensitive\s+but\s+unclassified)|SBU)\b[^.]{0,80}\.\s+)?"
    rf"(?:BEGIN\s+)?(?:(?:INTRODUCTION|OVERVIEW|BACKGROUND)\s+AND\s+|EXECUTIVE\s+)?SUMMA?R?Y"
    rf"(?:\s*(?:/|AND)\s*{_SUMMARY_PARTNER})?\s*(?:[:.\-]+\s*|\s+(?=[A-Z]))",
    re.IGNORECASE,
)
"""`Summary: `, `SUMMARY. `, `Summary/Background:  `, `BEGIN SUMMARY `, `Summary and Comment: `, `Summary and
Action Request: `, `Introduction and Summary: `, `Executive Summary: `, and a label after the handling sentence
`Sensitive but unclassified, please protect accordingly.`"""
_SUMMARY_LEAD = r"(?:(?:INTRODUCTION|OVERVIEW|BACKGROUND)\s+AND\s+|EXECUTIVE\s+)?"
SUMMARY_HEADING = re.compile(rf"^(?:BEGIN\s+)?{_SUMMARY_LEAD}SUMMA?R?Y\b", re.IGNORECASE)
"""A section headed `Summary`, `SUMMARY/BACKGROUND`, `Introduction and Summary`, or the misspelt `Summay`."""
END_SUMMARY = re.compile(
    rf"\bEND\s+(?:OF\s+)?{_SUMMARY_LEAD}SUMMA?R?Y(?:\s*(?:/|AND)\s*{_SUMMARY_PARTNER})?\b\s*\.?", re.IGNORECASE
)
"""`End Summary.`, `END SUMMARY`, `End Summary/Background.`."""
_PARTICLE = r"(?:van|von|de|da|del|der|di|du|la|le)\s+"
SIGNATURE = re.compile(rf"^(?:[A-Z]\.\s?){{0,2}}(?:{_PARTICLE})?(?:[A-Z][A-Za-z'\-]*|X{{4,}})"
                       rf"(?:\s+(?:{_PARTICLE})?[A-Z][A-Za-z'\-]*){{0,2}}(?:,?\s+(?:[JjSs][Rr]\.?|II|III|IV))?$")
"""`RANDT`, `Ordway`, `XXXXXXXXXXXX`, `Sison`, `J. CURTIS STRUBLE`, `van Voorst`, `Timken jr`: a name alone on the
last line."""
SIGNING_FOR = re.compile(r"^FOR THE (?:AMBASSADOR|SECRETARY|CHARGE|CONSUL GENERAL|DEPUTY SECRETARY)\b.{0,40}$", re.I)
"""`For the Ambassador:` above a (redacted) name."""
NOT_NAMES = frozenset({
    "END", "BEGIN", "TEXT", "COMMENT", "NOTE", "SUMMARY", "ACTION", "REQUEST", "UNCLASSIFIED", "UNCLAS",
    "CONFIDENTIAL", "SECRET", "SIPDIS", "SENSITIVE", "NOFORN", "THANKS", "INTERPRETER", "NOTETAKER",
    "NNNN", "BT", "DECL", "OADR", "NOTAL", "CLEARED", "DRAFTED", "APPROVED", "REF", "REFTEL", "SEPTEL", "PARA",
})
"""Words that end a cable's last line without being a name: `END TEXT`, `Interpreter`."""
LOOKAHEAD = 5
"""A summary runs over at most this many paragraphs when it has an END SUMMARY."""


def find_summary(paragraphs: list[Paragraph]) -> str | None:
    """From a `Summary:` label, a Summary heading, or a paragraph closed by `End Summary`."""
    start = _summary_start(paragraphs[:6])
    if start is None:
        return None
    index, first = start
    texts = [first]
    for paragraph in paragraphs[index + 1 : index + LOOKAHEAD]:
        if END_SUMMARY.search(texts[-1]):
            break
        texts.append(paragraph.text)
    if not END_SUMMARY.search(texts[-1]):
        texts = [first]
    text = "\n".join(texts)
    end = END_SUMMARY.search(text)
    return (text[: end.start()] if end else text).strip() or None


def _summary_start(paragraphs: list[Paragraph]) -> tuple[int, str] | None:
    for index, paragraph in enumerate(paragraphs):
        label = SUMMARY_LABEL.match(paragraph.text)
        if label:
            return index, paragraph.text[label.end():]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.section and SUMMARY_HEADING.match(paragraph.section):
            return index, paragraph.text
    for index, paragraph in enumerate(paragraphs[:3]):
        if END_SUMMARY.search(paragraph.text[-40:]):
            return index, paragraph.text
    return None


TRAILER = re.compile(
    r"^(?:>|\d{1,3}|NNNN|(?:UNCLAS(?:SIFIED)?|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T)"
    r"(?:\s*/{0,2}\s*(?:NOFORN|SIPDIS|SENSITIVE|EXDIS|NODIS|LIMDIS|ORCON|FOR\s+OFFICIAL\s+USE\s+ONLY))*"
    r"|(?:NOFORN|SIPDIS|SENSITIVE|EXDIS|NODIS|LIMDIS|ORCON|SENSITIVE\s+BUT\s+UNCLASSIFIED|"
    r"LIMITED\s+OFFICIAL\s+USE(?:\s+ONLY)?|BT|\#\d{3,5})"
    r"|\d{2,4}[A-Z]{2,}\d{1,7}\s+-\s+(?:Classification:.*|UNCLASSIFIED|CONFIDENTIAL|SECRET)|[*_=-]{3,}[*_=\- ]*"
    r"|(?i:END\s+(?:OF\s+)?CABLE(?:\s+TEXT)?)"
    r"|[\"“”'`.]+"
    r"|\((?:U|C|S|SBU|S/NF|C/NF)\)\s+[A-Za-z]{1,12}\.\.\.)$"
)
"""`UNCLASSIFIED`, `SECRET//NOFORN`, `>`, `1`, `2001VATICA04425 - Classification: UNCLASSIFIED`, `*****`, a caption
or `SENSITIVE BUT UNCLASSIFIED` on its own line, `BT` and the message number `#0123`:
end-of-file debris after the signature (the repeated classification, the publisher's footer, footnote
numbers, a frame, a stray quotation mark, the release's cut-off preview of the text: ` (C)  Summ...`)."""
BOILERPLATE = re.compile(
    r"(?:https?://|\bwww\.|classified\s+web\s?site|\bvisit\b[^.]{0,80}:\s*$|^[*_=-]{3,}[*_=\- ]*$)", re.IGNORECASE
)
"""`Please visit Embassy Tunis' Classified Website at:`, `For more reporting, visit:`, `http://...`, `*****`: the
classified-website note and its frame, which may stand between the last paragraph and the signature."""
URL = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
WEBSITE_NOTE = re.compile(r"classified\s+web\s?site|\bSMART\s+message\b", re.IGNORECASE)
"""`Visit London's Classified Website: http://...`, `To view the entire SMART message, go to URL http://...`: a
block with this line after the name is not text."""
GLUED_SIGNATURE = re.compile(
    r"(?:[.!?;:\"\u201d)]|(?i:\bEND\s+(?:OF\s+)?(?:COMMENT|TEXT|SUMMARY|NOTE))|(?<![A-Za-z])[Xx]{6,})\s+"
    r"(?P<name>[A-Z][A-Z'\-]+(?:\s[A-Z][A-Z'\-]+)?|X{4,})$"
    r"|(?i:\bMINIMIZE\s+CONSIDERED)\s+(?P<minimized>[A-Z][A-Za-z'\-]+)$"
)
"""`... processing. MARTINEZ`, `... FORWARD.   BURGHARDT`, `... END COMMENT RAY`, `End Comment MATHIEU`,
`Classified Email: xxxxxxxxxxxx CRETZ`: a name in capitals run on after the last sentence of the last paragraph
or after a redaction."""
CLOSED_BY = re.compile(r"(?:\bX{6,}|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
"""`3. (SBU) XXXXXXXXXXXX` or `Michael A. Via, viama@state.gov` above the name: a line that ends on a redaction or
an e-mail address has no full stop to give, yet closes the text (08LISBON1808, 10LUXEMBOURG15)."""
LIST_ITEM = re.compile(r"^(?:[a-z][.)]|¶?\s?\(?\d{1,2}[.)]|--?)\s")
"""`k. `, `(3) `, `¶9. `, `-- `: a line the author lettered or numbered is text, even when it is the website note."""
KNOWN_NAME_RUN_ON = re.compile(r"[.!?]\s+(?P<name>[A-Z][a-z'\-]+)$")
"""`... prefers to avoid them. Herbst`: a mixed-case name run on after the last sentence. Taken when the header
names that person (`CLASSIFIED BY AMB JOHN E. HERBST`), or when the word is not one that opens sentences
(`... the Turkish delegation.  Edelman`, but not `... the delegation. The`: a file cut off after a word)."""
SENTENCE_OPENERS = frozenset({
    "the", "this", "that", "these", "those", "there", "they", "then", "thus", "he", "she", "it", "its", "we", "our",
    "you", "your", "in", "on", "at", "as", "a", "an", "and", "but", "or", "so", "if", "for", "from", "with", "while",
    "when", "where", "after", "before", "since", "although", "however", "also", "both", "each", "all", "some",
    "many", "most", "no", "not", "post", "embassy", "mission", "consulate", "department", "comment", "end", "note",
    "begin", "summary", "action", "please", "thanks", "thank", "regards", "see", "per", "ref", "reftel", "para",
    "visit", "what", "who", "why", "how", "one", "two", "three", "more", "other", "such", "under", "to", "by", "of",
    "his", "her", "their", "is", "was", "are", "were", "will", "would", "should", "could", "may", "can", "did",
})
WEBSITE_NOTE_NAME = re.compile(r"(?:https?://|www\.)\S*(?:\s\S{1,6})?\s+(?P<name>[A-Z][A-Za-z'\-]+)$")
"""`Visit London's Classified Website: http://www.../index. cfm Tuttle`: the name glued to the website note."""
DASH_DEBRIS = re.compile(r"\s+-{1,2}\s*$")
"""`... democracy.    - ` above the name: a stray dash after the last sentence."""
OPEN_ENDINGS = frozenset({
    "a", "an", "the", "of", "to", "by", "and", "or", "for", "with", "in", "on", "at", "from", "as", "than", "that",
    "our", "their", "his", "her", "its", "is", "are", "was", "were", "be", "said", "including", "between",
})
"""Words after which a sentence cannot stop: a capitals word under them is the text going on (`of` / `NATO`)."""
STRAY_MARK = re.compile(r"(?<=[A-Za-z])(?:[#@*]+|\s+[\"”])$")
"""`MCDONALD#`, `MULFORD "`: a transmission character or a stray quotation mark after the name on the last line
is not part of it."""
CLOSING_QUOTE_WORD = re.compile(r"\s+(?:UNQUOTE|END\s+QUOTE)$")
"""`MCDONALD UNQUOTE`: the end of a quoted message run on after the name of a repeated cable."""
TRANSMISSION_LINE = re.compile(r"^MINIMIZE\s+CONSIDERED\.?$", re.IGNORECASE)
"""`MINIMIZE CONSIDERED` on the line above the name (06BUDAPEST2278)."""
END_MARK = re.compile(r"\bEND\s+(?:OF\s+)?(?:COMMENT|TEXT|NOTE|SUMMARY|QUOTE)$", re.IGNORECASE)
ANNOTATION = re.compile(r"^\[[A-Za-z]{2,6}\d{0,3}\]")
"""`[DoS1]Robbin: Are the observations that follow yours?`: a drafter's comment left after the name (08KABUL18)."""
TRANSMISSION_PREFIX = re.compile(r"^MINIMIZE\s+CONSIDERED\s+(?=\S)")
"""`MINIMIZE CONSIDERED SHANNON`: the transmission instruction run into the signature line."""
URL_TAIL = re.compile(r"^[\w:%~?=&#+-]*[./][\w./:%~?=&#+-]*[\w/]\"?$")
"""`gov.gov/wiki/Portal:Turkey"`: the wrapped end of a URL on the line under it (one word with a `.` or `/`;
a name such as `GODEC` under the URL is not one)."""
LONGEST_TRAILER = 160
"""Trailer and boilerplate lines are short; longer lines are never tested against those patterns."""


def take_signer(blocks: list[Block], known_names: frozenset[str] = frozenset()) -> tuple[str | None, list[Block]]:
    """The name on the last line: alone in the last block, glued under the last sentence, or run on after it.

    End-of-file debris (TRAILER) after the name is skipped and dropped with it, and so is the
    classified-website note (BOILERPLATE) right above the name.
    """
    signer, rest = _take_signer(blocks, known_names)
    if signer is None:
        return None, blocks
    kept = list(rest)
    website = False
    while kept and kept[-1].lines and not kept[-1].heading and _boilerplate(kept[-1].lines[-1].text):
        last = kept.pop()
        dropped = last.lines[-1].text.strip()
        if LIST_ITEM.match(dropped):
            return signer, rest  # `k. Visit Kuwait's Classified Website at`: the author's own list item
        website = website or bool(WEBSITE_NOTE.search(dropped) or URL.search(dropped))
        if len(last.lines) > 1:
            kept.append(Block(last.lines[:-1], opened_by_dash=last.opened_by_dash))
    return signer, kept if website else rest  # a frame or `...visit:` alone is the author's text


def _take_signer(blocks: list[Block], known_names: frozenset[str] = frozenset()) -> tuple[str | None, list[Block]]:
    end = len(blocks)
    while end and _trailing_block(blocks[end - 1]):
        end -= 1
    if not end:
        return None, blocks
    last = blocks[end - 1]
    kept = list(last.lines)
    annotated = next((index for index, line in enumerate(kept) if index and ANNOTATION.match(line.text.strip())), None)
    if annotated is not None:
        kept = kept[:annotated]  # the name, then the drafter's comment in the same block
    while kept and _trailer(kept[-1].text):
        kept.pop()
    if not kept:
        return None, blocks
    name = _clean_name(" ".join(kept[-1].text.split()))
    halves = name.split()
    if len(halves) == 2 and halves[0] == halves[1] and _signature_like(halves[0]):
        name = halves[0]  # `BRUSH BRUSH`: the name typed twice on its line
    if len(kept) >= 2 and " ".join(kept[-2].text.split()) == name and _signature_like(name):
        kept.pop()  # `Hale` / `Hale`: the name written twice
    noted = WEBSITE_NOTE_NAME.search(name[-LONGEST_TRAILER:]) if WEBSITE_NOTE.search(name[-LONGEST_TRAILER:]) else None
    if noted and _signature_like(noted["name"]):
        return noted["name"], [*blocks[: end - 1], *([Block(kept[:-1], opened_by_dash=last.opened_by_dash)]
                                                     if len(kept) > 1 else [])]
    # a one-line "heading" with no text under it, followed only by debris, is the signature
    if last.heading and (end == len(blocks) or len(kept) != 1 or last.title is not None or not name.isupper()):
        return None, blocks
    if _signature_like(name):
        if len(kept) == 1:
            return name, blocks[: end - 1]
        before = DASH_DEBRIS.sub("", kept[-2].text.strip())
        if len(kept) >= 3 and END_MARK.search(f"{kept[-3].text.strip()} {before}"):
            before += "."  # `... END` / `COMMENT` / `WILLIAMS`: the closing mark wrapped over two lines
        if (
            (ends_sentence(before) or SIGNING_FOR.match(before) or _boilerplate(before) or CLOSED_BY.search(before)
             or TRANSMISSION_LINE.match(before)
             or _capitals_under_mixed_case(name, before) or (before.startswith(("-", "•")) and " " not in name))
            and (len(name.split()) == 1 or name.isupper() or _mixed_case_name(name))
        ):
            return name, [*blocks[: end - 1], Block(kept[:-1], opened_by_dash=last.opened_by_dash)]
        return None, blocks
    glued = GLUED_SIGNATURE.search(name[-80:]) if not last.heading else None
    if glued is None and not last.heading:
        known = KNOWN_NAME_RUN_ON.search(name[-80:])
        glued = known if known and (known["name"].upper() in known_names or _name_word(known["name"])) else None
    glued_name = (glued.groupdict().get("name") or glued.groupdict().get("minimized")) if glued else None
    if glued_name and _signature_like(glued_name):
        text = kept[-1].text.rstrip()
        cut = Line(kept[-1].number, text[: len(text) - len(glued_name)].rstrip())
        return glued_name, [*blocks[: end - 1], Block([*kept[:-1], cut], opened_by_dash=last.opened_by_dash)]
    return None, blocks


def _mixed_case_name(name: str) -> bool:
    """`La Lime`, `van Voorst` under the last sentence: two or three words, none of them one that opens a
    sentence (`Thank You`, `Best Regards` are no names)."""
    words = name.split()
    return 2 <= len(words) <= 3 and not any(word.lower() in SENTENCE_OPENERS for word in words)


def _name_word(word: str) -> bool:
    return len(word) >= 3 and word.lower() not in SENTENCE_OPENERS


def _clean_name(text: str) -> str:
    """STRAY_MARK, CLOSING_QUOTE_WORD and TRANSMISSION_PREFIX removed from the last line (`MCDONALD#` ->
    `MCDONALD`)."""
    if len(text) > LONGEST_TRAILER:
        return text
    text = CLOSING_QUOTE_WORD.sub("", STRAY_MARK.sub("", TRANSMISSION_PREFIX.sub("", text)))
    return text[:-1] if re.fullmatch(r"[A-Z][A-Z'\-]{2,}\.", text) else text  # `STRUBLE.`


def _capitals_under_mixed_case(name: str, before: str) -> bool:
    """CAPITALS_UNDER_TEXT: `...an important trading partner with the United States` / `CAMP`: one word in
    capitals under a mixed-case line is the signature even when the sentence above lost its full stop,
    unless that line stops on a word that needs one after it (`with the`, `signed by`) or a comma."""
    words = before.split()
    return (
        name.isupper() and len(name.split()) == 1 and len(name) >= 3 and any(ch.islower() for ch in before)
        and bool(words) and words[-1].lower() not in OPEN_ENDINGS and before[-1:] not in ",-(/&"
    )


def _trailing_block(block: Block) -> bool:
    """Debris only, or the classified-website note put after the name (`RICE` / `` / `Visit ... Website at:`)."""
    opening = block.lines[0].text.strip()
    if all(_trailer(line.text) for line in block.lines) or ANNOTATION.match(opening):
        return True
    lines = block.lines
    if WEBSITE_NOTE_NAME.search(" ".join(lines[-1].text.split())[-LONGEST_TRAILER:]):
        return False  # the name is glued to the note: this block signs the cable
    return not block.heading and any(
        len(line.text) <= LONGEST_TRAILER and WEBSITE_NOTE.search(line.text) for line in lines
    ) and all(
        _trailer(line.text) or _boilerplate(line.text) or (index > 0 and _url_tail(line.text, lines[index - 1].text))
        for index, line in enumerate(lines)
    )


def _url_tail(text: str, above: str) -> bool:
    """URL_TAIL under a line that holds a URL: `...http://www.intelink.s` / `gov.gov/wiki/Portal:Turkey"`."""
    text = text.strip()
    return len(text) <= LONGEST_TRAILER and bool(URL.search(above[-LONGEST_TRAILER:])) and bool(URL_TAIL.match(text))


def _trailer(text: str) -> bool:
    text = text.strip()
    return len(text) <= LONGEST_TRAILER and TRAILER.match(text) is not None


def _boilerplate(text: str) -> bool:
    return len(text) <= LONGEST_TRAILER and BOILERPLATE.search(text) is not None


def _signature_like(text: str) -> bool:
    return (
        len(text) <= 40 and not MARKER.match(text) and SIGNATURE.match(text) is not None
        and not NOT_NAMES.intersection(text.upper().split())
    )
