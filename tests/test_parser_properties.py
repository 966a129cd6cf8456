"""Properties of the parser on arbitrary and damaged input.

On any text it returns a Cable or raises CableError naming the file and a line; its JSON
is deterministic; a real cable with lines inserted or removed never crashes; hostile
2 MB lines finish (no catastrophic backtracking).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import CableError
from generator.model import Cable, cable_to_json
from generator.parse import parse_cable
from generator.sources import SourceText, read_source

CORPUS = Path(__file__).parent / "corpus"
REAL = read_source(CORPUS / "07BEIJING2477.txt")
SEED = read_source(CORPUS / "05ALMATY753.md")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TELEGRAM_WORDS = st.sampled_from([
    "UNCLAS", "C O N F I D E N T I A L", "SECTION 01 OF 02", "ALMATY", "000753", "SIPDIS", "SENSITIVE",
    "E.O. 12958: N/A", "TAGS:", "KIPR", "SUBJECT:", "REF:", "(A)", "B.", "STATE", "1.", "¶2.", "(SBU)", "(C)",
    "Summary:", "End Summary.", "-----", "BEIJING 00002477  002 OF 003", "P 131036Z FEB 07", "NNNN", "RANDT",
    "2004.", "//HEADING//", "[ETRD](#)", "#### SIPDIS", "\\$", "a.", "--", "This record is a partial extract of",
])
LINE = st.one_of(
    st.text(max_size=80),
    st.lists(TELEGRAM_WORDS, max_size=8).map(" ".join),
)


def parse_or_error(source: SourceText) -> Cable | None:
    """Parse; a CableError must name the file and a line inside it (or no line)."""
    try:
        return parse_cable(source)
    except CableError as error:
        assert error.problem.path == source.path
        assert error.problem.line is None or 1 <= error.problem.line <= max(len(source.lines), 1)
        assert error.problem.message
        return None


@FAST
@given(st.lists(LINE, max_size=40), st.sampled_from(["x.txt", "05ALMATY753.md", "1974STATE150591.txt"]))
def test_arbitrary_text_gives_a_cable_or_a_located_error(lines: list[str], name: str) -> None:
    source = SourceText(f"cables/{name}", name, tuple(lines))
    cable = parse_or_error(source)
    if cable is not None:
        for warning in cable.warnings:
            line, _, message = warning.partition(": ")
            assert line.isdigit() and message


@FAST
@given(st.lists(LINE, max_size=30))
def test_json_is_deterministic(lines: list[str]) -> None:
    source = SourceText("cables/x.txt", "05ALMATY753.txt", tuple(lines))
    first = parse_or_error(source)
    second = parse_or_error(source)
    if first is None:
        assert second is None
        return
    assert second is not None
    assert json.dumps(cable_to_json(first), sort_keys=True) == json.dumps(cable_to_json(second), sort_keys=True)


@FAST
@given(st.data())
def test_real_cable_with_lines_inserted_and_removed_never_crashes(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([REAL, SEED]))
    lines = list(base.lines)
    for _ in range(data.draw(st.integers(0, 6))):
        if lines and data.draw(st.booleans()):
            del lines[data.draw(st.integers(0, len(lines) - 1))]
        else:
            lines.insert(data.draw(st.integers(0, len(lines))), data.draw(LINE))
    parse_or_error(SourceText(base.path, base.name, tuple(lines)))


def test_real_cables_parse_the_same_twice() -> None:
    for path in sorted(CORPUS.glob("*.txt"))[:10]:
        source = read_source(path)
        try:
            first = cable_to_json(parse_cable(source))
        except CableError:
            continue
        assert first == cable_to_json(parse_cable(source))


HOSTILE_LINES = [
    "UNCLAS " * 290_000,
    "A" + " " * 2_000_000 + "x",
    "C O N F I D E N T I A L " * 85_000,
    "A. STATE 1 " * 180_000,
    "[" * 2_000_000,
    "¶1. " * 500_000,
    "- " * 1_000_000,
    "End " * 500_000,
    "# " + " " * 2_000_000 + "x",
    " ".join(f"T{number}" for number in range(250_000)),
    "A" + " " * 1_000_000 + ";" + " " * 1_000_000,
    "x 2. (C) " * 220_000,
    "XXXXXXXXXXXX 2. (C) " * 100_000,
    "END COMMENT " * 160_000,
    "A)" * 1_000_000,
    # second held-out round: run-together header, repeated copy, signature debris, salutation, URL tail
    "S E C R E T SECTION 01 OF 02 CAIRO 000493SIPDISE.O. 12958 TAGS: " * 30_000,
    "PAGE 01        HARARE  01108  230834Z " * 50_000,
    "MINIMIZE CONSIDERED MCDONALD# " * 65_000,
    "Director Mueller, " * 110_000,
    "gov.gov/wiki/Portal:Turkey/http://www." * 50_000,
    "LULA CLASSIFIED BY " * 100_000 + ":",
    "Petrov. XXXXXXXXXXX 1. (U) " * 80_000,
]


def test_hostile_two_megabyte_lines_finish() -> None:
    """No timing assertion: the test only has to return (a backtracking regex would hang it)."""
    for hostile in HOSTILE_LINES:
        header = ("UNCLAS ALMATY 000753", "", "REF: " + hostile[:100_000], "TAGS: " + hostile,
                  "SUBJECT: X " + hostile,
                  "[ETRD](#)", "")
        for lines in ((hostile,), (*header, hostile, "", "1. Text.", hostile)):
            parse_or_error(SourceText("cables/hostile.txt", "hostile.txt", lines))


def test_many_short_lines_finish() -> None:
    lines = ("UNCLAS ALMATY 000753", "", "1. Start.", *(["word"] * 200_000), "", "RANDT")
    cable = parse_or_error(SourceText("cables/long.txt", "05ALMATY753.txt", lines))
    assert cable is not None and cable.signer == "RANDT"
