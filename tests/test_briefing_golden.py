"""Golden files for the seed's four briefing pages, compared byte for byte.

Refresh on purpose with `pytest tests/test_briefing_golden.py --refresh-golden`, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.briefing import extract_briefing
from generator.parse import parse_cable
from generator.render.briefing import PAGES, briefing_pages
from generator.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "briefing" / "05ALMATY753"


@pytest.mark.parametrize("page", PAGES)
def test_seed_page_matches_golden(page: str, refresh_golden: bool) -> None:
    cable = extract_briefing(parse_cable(read_source(ROOT / "cables" / "05ALMATY753.md")))
    text = briefing_pages(cable)[page]
    golden = GOLDEN / page
    if refresh_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
        pytest.skip(f"refreshed {golden.relative_to(ROOT)}")
    assert golden.exists(), f"missing {golden}; run with --refresh-golden"
    assert text.encode("utf-8") == golden.read_bytes()
