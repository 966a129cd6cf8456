"""Held-out accuracy: run the generator's parser and briefing on cables nobody tuned on.

The held-out sets live in `tests/heldout/`:

* `parser/<id>.txt` + `<id>.yml`: real cables and the metadata an analyst read off them;
* `briefing/<id>.txt` + `<id>.yml`: real IPR cables and the briefing an analyst expects.

Expected values were written by reading each cable, never by dumping program output.
This script prints, per metadata field, how many cables are right; the share of cables
with every metadata field right; the share with the right paragraph numbers; and for the
briefing, precision and recall of treaties, laws, key statistics and Special 301
recommendations.

    python bench/evaluate.py            # figures
    python bench/evaluate.py --verbose  # figures, then every mismatch (cable, field, expected, got)
    python bench/evaluate.py --json     # figures as JSON (what tests/test_heldout.py reads)
    python bench/evaluate.py --set heldout2  # the second, fresh set (tests/heldout2/); or a folder path
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

METADATA_FIELDS = (
    "id", "origin", "number", "year", "date", "classification", "caveats", "partial",
    "tags", "subject", "references", "signer", "summary_startswith",
)
"""Compared per cable; `paragraph_numbers` is scored on its own."""

LIST_NAMES = {
    "priority foreign country": "Priority Foreign Country",
    "pfc": "Priority Foreign Country",
    "priority watch list": "Priority Watch List",
    "pwl": "Priority Watch List",
    "watch list": "Watch List",
    "wl": "Watch List",
    "out-of-cycle review": "Out-of-cycle review",
    "out of cycle review": "Out-of-cycle review",
    "ocr": "Out-of-cycle review",
    "section 306 monitoring": "Section 306 monitoring",
    "306 monitoring": "Section 306 monitoring",
    "not listed": "Not listed",
    "none": "Not listed",
    "removed": "Not listed",
    "delisted": "Not listed",
    "off the list": "Not listed",
}


@dataclass
class Mismatch:
    cable: str
    field: str
    expected: Any
    got: Any


@dataclass
class Score:
    """Counts for one precision/recall figure."""

    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


@dataclass
class Report:
    parser_cables: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    metadata_all_right: int = 0
    paragraphs_right: int = 0
    paragraphs_total: int = 0
    briefing_cables: int = 0
    briefing: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def pct(right: int, total: int) -> float:
            return round(100.0 * right / total, 1) if total else 100.0

        return {
            "parser_cables": self.parser_cables,
            "fields": {
                name: {"right": self.field_right.get(name, 0), "total": self.field_total.get(name, 0),
                       "percent": pct(self.field_right.get(name, 0), self.field_total.get(name, 0))}
                for name in METADATA_FIELDS
            },
            "metadata_all_right": {"right": self.metadata_all_right, "total": self.parser_cables,
                                   "percent": pct(self.metadata_all_right, self.parser_cables)},
            "paragraph_numbers": {"right": self.paragraphs_right, "total": self.paragraphs_total,
                                  "percent": pct(self.paragraphs_right, self.paragraphs_total)},
            "briefing_cables": self.briefing_cables,
            "briefing": {
                name: {"true_positives": score.true_positives, "predicted": score.predicted,
                       "expected": score.expected, "precision": round(100.0 * score.precision, 1),
                       "recall": round(100.0 * score.recall, 1)}
                for name, score in self.briefing.items()
            },
            "errors": list(self.errors),
        }


# ---------------------------------------------------------------- running the generator


def run_generator(path: Path) -> dict[str, Any]:
    """Parse one cable and extract its briefing with whatever generator is in the tree."""
    from generator.briefing import extract_briefing
    from generator.model import cable_to_json
    from generator.parse import parse_cable
    from generator.sources import read_source

    cable = parse_cable(read_source(path))
    return cable_to_json(extract_briefing(cable))


def cases(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for expected in sorted(folder.glob("*.yml")):
        source = expected.with_suffix(".txt")
        if not source.exists():
            source = expected.with_suffix(".md")
        found.append((source, yaml.safe_load(expected.read_text(encoding="utf-8")) or {}))
    return found


# ---------------------------------------------------------------- comparisons


def fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def classification(value: Any) -> str | None:
    if value is None:
        return None
    text = fold(value).upper()
    if re.fullmatch(r"(?:\w )+\w", text):  # C O N F I D E N T I A L
        text = text.replace(" ", "")
    return {"UNCLAS": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET"}.get(text, text)


def compare_field(name: str, expected: dict[str, Any], got: dict[str, Any]) -> tuple[bool, Any, Any]:
    """(right, expected shown, got shown) for one metadata field."""
    if name == "id" or name == "origin":
        want, have = expected.get(name), got.get(name)
        return (str(want).upper() == str(have or "").upper()), want, have
    if name in ("number", "year"):
        want, have = expected.get(name), got.get(name)
        try:
            return int(want) == int(have), want, have
        except (TypeError, ValueError):
            return False, want, have
    if name == "date":
        want, have = expected.get("date"), got.get("date")
        return (str(want) == str(have or "")[:10]), want, have
    if name == "classification":
        want, have = expected.get("classification"), got.get("classification")
        return classification(want) == classification(have), want, have
    if name == "caveats":
        have = [fold(c).upper() for c in got.get("caveats") or []]
        if "caveats_contains" in expected:
            want = [fold(c).upper() for c in expected.get("caveats_contains") or []]
            return all(c in have for c in want), {"contains": want}, have
        want = [fold(c).upper() for c in expected.get("caveats") or []]
        return want == have, want, have
    if name == "partial":
        want, have = bool(expected.get("partial")), bool(got.get("partial"))
        return want == have, want, have
    if name == "tags":
        want = [fold(t).upper() for t in expected.get("tags") or []]
        have = [fold(t).upper() for t in got.get("tags") or []]
        # Plain words in TAGS ("COUNTRY CLEARANCE", "POLITICS FOREIGN POLICY") may fairly be read as one keyword
        # or as several: the lists compare word by word.
        return " ".join(want).split() == " ".join(have).split(), want, have
    if name == "subject":
        want, have = expected.get("subject"), got.get("subject")
        if want is None or have is None:
            return want == have, want, have
        return fold(want) == fold(have), fold(want), fold(have)
    if name == "references":
        want = [(ref.get("label"), ref.get("id")) for ref in expected.get("references") or []]
        have = [(ref.get("label"), ref.get("id")) for ref in got.get("references") or []]
        want = [(None if label is None else str(label), None if rid is None else str(rid)) for label, rid in want]
        return want == have, want, have
    if name == "signer":
        want, have = expected.get("signer"), got.get("signer")
        if want is None or have is None:
            return want == have, want, have
        return fold(want).upper() == fold(have).upper(), want, have
    if name == "summary_startswith":
        want, have = expected.get("summary_startswith"), got.get("summary")
        if not want:
            return not have, want, have
        if not have:
            return False, want, have
        have = SUMMARY_LEAD.sub("", fold(have))
        return have.casefold().startswith(fold(want).casefold()), want, have[:80]
    raise KeyError(name)


# A summary may fairly be returned with its portion mark or its "SUMMARY:" label still attached; neither is content.
SUMMARY_LEAD = re.compile(
    r"^(?:\s*(?:\((?:U|C|S|SBU|TS|S/NF|C/NF|S//NF)\)|summary(?:\s+and\s+comment)?\s*[:.\-]+))+\s*",
    re.IGNORECASE,
)


def paragraph_numbers(got: dict[str, Any]) -> list[int]:
    return [p["number"] for p in got.get("paragraphs") or [] if p.get("number") is not None]


def score_entries(entries: list[list[str]], extracted: list[str], matches: Callable[[list[str], str], bool],
                  score: Score, cable: str, name: str, mismatches: list[Mismatch]) -> None:
    """Each extracted text counts once: a true positive for every entry it `matches`, else an extra."""
    matched: set[int] = set()
    unmatched: set[str] = set()
    for text in extracted:
        lowered = text.casefold()
        hits = [index for index, strings in enumerate(entries) if matches(strings, lowered)]
        if hits:
            matched.update(hits)
        else:
            unmatched.add(fold(text).casefold())
    score.true_positives += len(matched)
    score.predicted += len(matched) + len(unmatched)
    score.expected += len(entries)
    for index, strings in enumerate(entries):
        if index not in matched:
            mismatches.append(Mismatch(cable, f"{name} (missed)", strings, None))
    for text in sorted(unmatched):
        mismatches.append(Mismatch(cable, f"{name} (extra)", None, text))


def any_alias(aliases: list[str], lowered: str) -> bool:
    """A treaty entry matches when any alias is a substring of the extracted text."""
    return any(alias.casefold() in lowered for alias in aliases)


def all_strings(strings: list[str], lowered: str) -> bool:
    """A law entry matches when ALL its strings occur in one extracted law's name + article."""
    return all(string.casefold() in lowered for string in strings)


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def score_statistics(expected: list[float], statistics: list[dict[str, Any]], score: Score,
                     cable: str, mismatches: list[Mismatch]) -> None:
    """Distinct values: an extracted figure is right when it equals an expected number. A range (`10 to 15
    percent`) is one figure stating both its ends, and a sum with the USD value the cable gives beside it (`RMB 420
    (USD 55)`) one figure stating both amounts: it is right when either is expected, and one extra (its first
    value) when none is."""
    want = [float(v) for v in expected]
    figures: list[tuple[float, ...]] = []
    for stat in statistics:
        ends: list[float] = []
        for key in ("value", "high", "usd_value"):
            try:
                ends.append(float(stat.get(key)))
            except (TypeError, ValueError):
                continue
        if ends:
            figures.append(tuple(ends))
    found = [v for v in want if any(same_number(v, end) for ends in figures for end in ends)]
    extra: list[float] = []
    for ends in figures:
        if any(same_number(end, v) for end in ends for v in want):
            continue
        if not any(same_number(ends[0], seen) for seen in extra):
            extra.append(ends[0])
    score.true_positives += len(found)
    score.predicted += len(found) + len(extra)
    score.expected += len(want)
    for value in want:
        if value not in found:
            mismatches.append(Mismatch(cable, "key_statistics (missed)", value, None))
    for value in extra:
        mismatches.append(Mismatch(cable, "key_statistics (extra)", None, value))


def list_name(value: Any) -> str | None:
    if value is None:
        return None
    text = fold(value).casefold().strip(" .")
    return LIST_NAMES.get(text, fold(value))


def score_special_301(expected: dict[str, Any] | None, recommendation: dict[str, Any] | None, score: Score,
                      cable: str, mismatches: list[Mismatch]) -> None:
    """One unit per cable: the recommended list must match, and the current list where the analyst gave one."""
    got = (recommendation or {}).get("special_301") or None
    got_recommended = list_name(got.get("recommended")) if got else None
    if got_recommended is not None:
        score.predicted += 1
    if expected is not None and expected.get("recommended") is not None:
        score.expected += 1
    if expected is None or expected.get("recommended") is None:
        if got_recommended is not None:
            mismatches.append(Mismatch(cable, "special_301 (extra)", None, got))
        return
    right = got_recommended == list_name(expected.get("recommended"))
    if expected.get("current") is not None:
        right = right and got is not None and list_name(got.get("current")) == list_name(expected.get("current"))
    if right:
        score.true_positives += 1
    else:
        mismatches.append(Mismatch(cable, "special_301", expected, got))


# ---------------------------------------------------------------- evaluation


def evaluate(heldout: Path = HELDOUT) -> Report:
    report = Report()
    for source, expected in cases(heldout / "parser"):
        name = source.stem
        report.parser_cables += 1
        try:
            got = run_generator(source)
        except Exception as error:  # a crash is a wrong answer on every field, not a crash of the evaluator
            report.errors.append(f"{name}: {type(error).__name__}: {error}")
            report.mismatches.append(Mismatch(name, "parse", "a cable", traceback.format_exc(limit=2).strip()))
            got = {}
        all_right = True
        for field_name in METADATA_FIELDS:
            if field_name not in expected and not (field_name == "caveats" and "caveats_contains" in expected):
                continue
            report.field_total[field_name] = report.field_total.get(field_name, 0) + 1
            right, want, have = compare_field(field_name, expected, got)
            if right:
                report.field_right[field_name] = report.field_right.get(field_name, 0) + 1
            else:
                all_right = False
                report.mismatches.append(Mismatch(name, field_name, want, have))
        report.metadata_all_right += all_right
        if "paragraph_numbers" in expected:
            report.paragraphs_total += 1
            want = [int(n) for n in expected.get("paragraph_numbers") or []]
            have = paragraph_numbers(got)
            if want == have:
                report.paragraphs_right += 1
            else:
                report.mismatches.append(Mismatch(name, "paragraph_numbers", want, have))

    report.briefing = {name: Score() for name in ("treaties", "laws", "key_statistics", "special_301")}
    for source, expected in cases(heldout / "briefing"):
        name = source.stem
        report.briefing_cables += 1
        try:
            got = run_generator(source)
        except Exception as error:
            report.errors.append(f"{name}: {type(error).__name__}: {error}")
            report.mismatches.append(Mismatch(name, "parse", "a cable", traceback.format_exc(limit=2).strip()))
            got = {}
        treaties = [f"{t.get('name') or ''} | {t.get('as_written') or ''}" for t in got.get("treaties") or []]
        score_entries(expected.get("treaties") or [], treaties, any_alias, report.briefing["treaties"], name,
                      "treaties", report.mismatches)
        laws = [fold(f"{law.get('name') or ''} {law.get('article') or ''}") for law in got.get("laws") or []]
        score_entries(expected.get("laws") or [], laws, all_strings, report.briefing["laws"], name, "laws",
                      report.mismatches)
        score_statistics(expected.get("key_statistics") or [], got.get("statistics") or [],
                         report.briefing["key_statistics"], name, report.mismatches)
        score_special_301(expected.get("special_301"), got.get("recommendation"), report.briefing["special_301"],
                          name, report.mismatches)
    return report


def print_report(report: Report, verbose: bool) -> None:
    figures = report.figures()
    print(f"Held-out parser set: {figures['parser_cables']} cables")
    for name, row in figures["fields"].items():
        print(f"  {name:<20} {row['right']:>3}/{row['total']:<3} {row['percent']:6.1f}%")
    row = figures["metadata_all_right"]
    print(f"  {'metadata all right':<20} {row['right']:>3}/{row['total']:<3} {row['percent']:6.1f}%")
    row = figures["paragraph_numbers"]
    print(f"  {'paragraph numbers':<20} {row['right']:>3}/{row['total']:<3} {row['percent']:6.1f}%")
    print(f"Held-out briefing set: {figures['briefing_cables']} cables")
    for name, row in figures["briefing"].items():
        print(f"  {name:<15} precision {row['precision']:6.1f}%  recall {row['recall']:6.1f}%  "
              f"(tp {row['true_positives']}, predicted {row['predicted']}, expected {row['expected']})")
    if report.errors:
        print(f"Errors ({len(report.errors)}):")
        for line in report.errors:
            print(f"  {line}")
    if verbose:
        print(f"Mismatches ({len(report.mismatches)}):")
        for item in report.mismatches:
            print(f"  {item.cable}  {item.field}\n    expected: {item.expected!r}\n    got:      {item.got!r}")


def resolve_set(name: str | None) -> Path:
    """`None` -> tests/heldout; a bare name -> tests/<name>; anything else is a folder path."""
    if not name:
        return HELDOUT
    named = ROOT / "tests" / name
    if "/" not in name and named.is_dir():
        return named
    return Path(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--heldout", type=Path, default=None, help="folder with parser/ and briefing/")
    parser.add_argument("--set", dest="set_name", default=None,
                        help="held-out set: a name under tests/ (heldout, heldout2) or a folder path; default heldout")
    args = parser.parse_args(argv)
    report = evaluate(args.heldout or resolve_set(args.set_name))
    if args.json:
        print(json.dumps(report.figures(), indent=2))
    else:
        print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
