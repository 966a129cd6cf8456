"""The parts of a body that are not paragraphs of their own: the summary and the signature."""

from __future__ import annotations

import re

from ..model import Paragraph
from .blocks import Block, ends_sentence
from .paragraphs import MARKER

SUMMARY_LABEL = re.compile(
    r"^(?:BEGIN\s+)?SUMMA?R?Y(?:\s*(?:/|AND)\s*(?:BACKGROUND|COMMENT))?\s*(?:[:.\-]+\s*|\s+(?=[A-Z]))",
    re.IGNORECASE,
)
"""`Summary: `, `SUMMARY. `, `Summary/Background:  `, `BEGIN SUMMARY `, `Summary and Comment: `."""
SUMMARY_HEADING = re.compile(r"^(?:BEGIN\s+)?SUMMA?R?Y\b", re.IGNORECASE)
"""A section headed `Summary`, `SUMMARY/BACKGROUND`, or the misspelt `Summay`."""
END_SUMMARY = re.compile(
    r"\bEND\s+(?:OF\s+)?SUMMA?R?Y(?:\s*(?:/|AND)\s*(?:BACKGROUND|COMMENT))?\b\s*\.?", re.IGNORECASE
)
"""`End Summary.`, `END SUMMARY`, `End Summary/Background.`."""
SIGNATURE = re.compile(r"^(?:[A-Z][A-Za-z'\-]*|X{4,})(?:\s+[A-Z][A-Za-z'\-]*){0,2}$")
"""`RANDT`, `Ordway`, `XXXXXXXXXXXX`, `Sison`: a name alone on the last line."""
SIGNING_FOR = re.compile(r"^FOR THE (?:AMBASSADOR|SECRETARY|CHARGE|CONSUL GENERAL|DEPUTY SECRETARY)\b.{0,40}$", re.I)
"""`For the Ambassador:` above a (redacted) name."""
NOT_NAMES = frozenset({
    "END", "BEGIN", "TEXT", "COMMENT", "NOTE", "SUMMARY", "ACTION", "REQUEST", "UNCLASSIFIED", "UNCLAS",
    "CONFIDENTIAL", "SECRET", "SIPDIS", "SENSITIVE", "NOFORN", "THANKS", "INTERPRETER", "NOTETAKER",
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


def take_signer(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The name on the last line: alone in the last block, or glued under the last sentence."""
    if not blocks or blocks[-1].heading:
        return None, blocks
    last = blocks[-1]
    name = " ".join(last.lines[-1].text.split())
    if not _signature_like(name):
        return None, blocks
    if len(last.lines) == 1:
        return name, blocks[:-1]
    before = last.lines[-2].text.strip()
    if (ends_sentence(before) or SIGNING_FOR.match(before)) and (len(name.split()) == 1 or name.isupper()):
        return name, [*blocks[:-1], Block(last.lines[:-1], opened_by_dash=last.opened_by_dash)]
    return None, blocks


def _signature_like(text: str) -> bool:
    return (
        len(text) <= 40 and not MARKER.match(text) and SIGNATURE.match(text) is not None
        and not NOT_NAMES.intersection(text.upper().split())
    )
