"""Shared fixtures: the project root, a temporary archive, and the golden-file option."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "cables" / "05ALMATY753.md"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--refresh-golden", action="store_true",
                     help="rewrite golden files from the current output instead of comparing")


@pytest.fixture
def refresh_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--refresh-golden"))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A fresh archive folder: the project's mkdocs.yml and docs assets, the seed cable only."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    (tmp_path / "cables").mkdir()
    shutil.copy(SEED, tmp_path / "cables" / SEED.name)
    return tmp_path
