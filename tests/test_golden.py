"""Golden files: the seed's generated pages, compared byte for byte.

Refresh on purpose with `make golden` (pytest --refresh-golden), then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Settings, load_archive, render_site

GOLDEN = Path(__file__).parent / "golden" / "seed"
SEED_PAGES = ["cables/05ALMATY753/index.md"]


@pytest.mark.parametrize("page", SEED_PAGES)
def test_seed_page_matches_golden(archive: Path, page: str, refresh_golden: bool) -> None:
    pages = render_site(load_archive(Settings(archive)).cables)
    golden = GOLDEN / page
    if refresh_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(pages[page].encode("utf-8"))
    assert golden.exists(), f"no golden file {golden}: run `make golden` and review it"
    assert pages[page].encode("utf-8") == golden.read_bytes(), f"{page} differs from {golden}; if intended: make golden"
