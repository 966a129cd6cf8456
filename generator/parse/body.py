"""The body stage: blocks -> signature -> paragraphs -> summary, with located warnings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Paragraph
from .blocks import ends_sentence, split_blocks
from .closing import find_summary, take_signer
from .paragraphs import read_paragraphs
from .shapes import Line


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    summary: str | None
    signer: str | None
    warnings: tuple[str, ...]


def read_body(lines: list[Line], known_names: frozenset[str] = frozenset(), header: Sequence[Line] = ()) -> Body:
    """`known_names`: surnames the header names (Classified By), which may sign run on after the last sentence;
    `header`: the header lines, which a printout repeats at each section break."""
    blocks = split_blocks(lines, header).blocks
    signer, blocks = take_signer(blocks, known_names)
    paragraphs, warnings = read_paragraphs(blocks)
    if paragraphs and signer is None:
        last = paragraphs[-1]
        if not ends_sentence(last.text):
            end = blocks[-1].lines[-1].number if blocks else last.line
            warnings.append(f"{end}: the text ends mid-sentence and unsigned; the file may be cut off")
    return Body(tuple(paragraphs), find_summary(paragraphs), signer, tuple(warnings))
