"""Precision and recall of the briefing on the corpus's IPR cables, against hand-written expected values.

tests/briefing_expected/<id>.yml were written by reading each cable, never by dumping extractor output. Files with
a `<id>.txt` beside them are held-out cables copied here once they had been used for tuning.
Statistics are scored only inside the paragraphs each file lists as completely annotated.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.briefing import extract_briefing
from generator.model import Cable
from generator.parse import parse_cable
from generator.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "tests" / "briefing_expected").glob("*.yml"))
TARGETS = {"treaties": 0.9, "special_301": 0.9, "laws": 0.8, "statistics": 0.8}


@cache
def briefed(cable_id: str) -> Cable:
    copy = ROOT / "tests" / "briefing_expected" / f"{cable_id}.txt"  # held-out cables copied after tuning
    path = copy if copy.exists() else next((ROOT / "cables").glob(f"{cable_id}.*"))
    return extract_briefing(parse_cable(read_source(path)))


def _tokens(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9/]+", name.lower().replace("–", " "))
    return frozenset(w for w in words if w not in {"the", "draft", "no", "of", "on", "law", "code"}) | (
        frozenset({"code"}) if "code" in name.lower() else frozenset())


def _law_match(expected: dict, found) -> bool:
    if expected.get("article") and (found.article or "").lower() != str(expected["article"]).lower():
        return False
    want, got = _tokens(str(expected["name"])), _tokens(found.name)
    return bool(want) and (want <= got or got <= want) and bool(got)


def score(expected: list, found: list, match) -> tuple[int, int, int]:
    """(true positives, found, expected) with one-to-one greedy matching."""
    used: set[int] = set()
    hits = 0
    for item in expected:
        for index, candidate in enumerate(found):
            if index not in used and match(item, candidate):
                used.add(index)
                hits += 1
                break
    return hits, len(found), len(expected)


def measure() -> dict[str, tuple[int, int, int]]:
    totals = {kind: (0, 0, 0) for kind in TARGETS}
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cable = briefed(data["cable"])
        results = {
            "treaties": score(list(data["treaties"]), [t.name for t in cable.treaties], lambda e, f: e == f),
            "laws": score(list(data["laws"]), list(cable.laws), _law_match),
        }
        scope = set(data["statistics"]["paragraphs"])
        found_stats = [s.value for s in cable.statistics if s.paragraph in scope]
        results["statistics"] = score(list(data["statistics"]["values"]), found_stats,
                                      lambda e, f: abs(float(e) - f) < 1e-6 * max(1.0, abs(float(e))))
        expected_301 = data.get("special_301")
        rec = cable.recommendation
        found_301 = [(rec.special_301.current, rec.special_301.recommended)] if rec and rec.special_301 else []
        wanted_301 = [(expected_301["current"], expected_301["recommended"])] if expected_301 else []
        results["special_301"] = score(wanted_301, found_301, lambda e, f: e == f)
        for kind, (hits, found, wanted) in results.items():
            old = totals[kind]
            totals[kind] = (old[0] + hits, old[1] + found, old[2] + wanted)
    return totals


def ratios(hits: int, found: int, wanted: int) -> tuple[float, float]:
    return (hits / found if found else 1.0), (hits / wanted if wanted else 1.0)


def test_expected_files_cover_the_ipr_cables() -> None:
    index = (ROOT / "cables").parent / "cables"
    assert len(EXPECTED) >= 10
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["cable"] == path.stem
        assert any(index.glob(f"{path.stem}.*")) or path.with_suffix(".txt").exists()


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_precision_and_recall_meet_the_targets(kind: str) -> None:
    hits, found, wanted = measure()[kind]
    precision, recall = ratios(hits, found, wanted)
    print(f"{kind}: precision {precision:.1%} ({hits}/{found}), recall {recall:.1%} ({hits}/{wanted})")
    assert precision >= TARGETS[kind], f"{kind} precision {precision:.1%} ({hits}/{found})"
    assert recall >= TARGETS[kind], f"{kind} recall {recall:.1%} ({hits}/{wanted})"


if __name__ == "__main__":  # python -m tests.test_briefing_corpus: print the figures for the README
    for name, (h, f, w) in measure().items():
        p, r = ratios(h, f, w)
        print(f"{name:12} precision {p:6.1%} ({h}/{f})  recall {r:6.1%} ({h}/{w})")
