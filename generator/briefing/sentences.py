"""Split paragraph text into sentences and list items, keeping their positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = (
    "U.S", "U.K", "U.N", "Mr", "Mrs", "Ms", "Dr", "No", "Nos", "Art", "Arts", "e.g", "i.e", "etc", "vs", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "St", "Gov", "Co", "Inc", "Ltd", "D.C",
    "approx", "Amb", "Gen", "Lt", "Col", "Sen", "Rep", "Dept", "para", "paras", "Vol", "cf",
)
_BOUNDARY = re.compile(r"(?<=[.!?;])(?P<close>[\"'”)\]]?)\s+(?=[\"'(\[]?[A-Z0-9$\-–•])|(?<=[;:])\s*(?=[-–•]\s)")
_LIST_MARKER = re.compile(r"(?:^|(?<=[;:.,])\s+|(?<=[^\d\s])\s+(?=-{1,2}\s*[A-Z0-9]))(?:-{1,2}|–|•|\*)\s*"
                          r"(?=[A-Z0-9\"(])")
"""A dash after a digit is a range ("3 - 7 months"), not a list marker."""


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    """Offset of the sentence in the paragraph text."""
    block: int
    """Index of the sub-block (line) of the paragraph it is in."""
    item: bool
    """True when the sentence is a list item (after a `-`, `--` or bullet marker)."""


def _ends_with_abbreviation(text: str) -> bool:
    tail = text.rstrip()
    if not tail.endswith("."):
        return False
    word = re.split(r"[\s(]", tail[:-1])[-1] if tail[:-1] else ""
    if len(word) == 1 and word.isalpha():
        return True  # initials: "J. Smith"
    return word in ABBREVIATIONS or word.lower() in _ABBREVIATIONS_FOLDED


_ABBREVIATIONS_FOLDED = frozenset(abbreviation.lower() for abbreviation in ABBREVIATIONS)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and list items of a paragraph, in order, with offsets into `text`.

    Each extractor (treaties, laws, statistics, recommendation) splits the same
    paragraphs: the split is memoised on the text.
    """
    return list(_split_sentences(text))


@lru_cache(maxsize=8192)
def _split_sentences(text: str) -> tuple[Sentence, ...]:
    result: list[Sentence] = []
    offset = 0
    for block_index, block in enumerate(text.split("\n")):
        pieces: list[tuple[int, int, bool]] = []
        markers = [m for m in _LIST_MARKER.finditer(block)]
        cuts = [(0, False)] + [(m.end(), True) for m in markers if m.end() > 0]
        starts = sorted(set(cuts))
        merged: list[tuple[int, bool]] = []
        for position, is_item in starts:
            if merged and merged[-1][0] == position:
                merged[-1] = (position, merged[-1][1] or is_item)
            else:
                merged.append((position, is_item))
        for index, (position, is_item) in enumerate(merged):
            end = merged[index + 1][0] if index + 1 < len(merged) else len(block)
            if index + 1 < len(merged):
                marker = next((m for m in markers if m.end() == merged[index + 1][0]), None)
                if marker is not None:
                    end = marker.start()
            pieces.append((position, end, is_item))
        for start, end, is_item in pieces:
            chunk = block[start:end]
            cursor = 0
            for boundary in _BOUNDARY.finditer(chunk):
                candidate = chunk[cursor:boundary.start()]
                if _ends_with_abbreviation(candidate) and not candidate.rstrip().endswith((";", ":")):
                    continue
                close = len(boundary.group("close") or "")
                _add(result, chunk[cursor:boundary.start() + close], offset + start + cursor, block_index, is_item)
                is_item = False
                cursor = boundary.end()
            _add(result, chunk[cursor:], offset + start + cursor, block_index, is_item)
        offset += len(block) + 1
    return tuple(result)


MAX_SENTENCE = 1500
"""Longer runs without a sentence end are cut (at a space) so every pattern works on bounded text."""


def _add(result: list[Sentence], text: str, start: int, block: int, item: bool) -> None:
    while len(text) > MAX_SENTENCE:
        cut = text.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        _add(result, text[:cut], start, block, item)
        text, start, item = text[cut:], start + cut, False
    stripped = text.strip()
    if stripped.strip("-–•* "):
        lead = len(text) - len(text.lstrip())
        result.append(Sentence(stripped, start + lead, block, item))
