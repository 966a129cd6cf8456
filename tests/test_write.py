"""write_pages: owned files only, unchanged files untouched, hand edits kept, with and without the stat cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cache import StatCache
from generator.write import MANIFEST_NAME, load_manifest, write_pages


@pytest.fixture(params=["no stat cache", "stat cache"])
def stats(request: pytest.FixtureRequest, tmp_path: Path) -> StatCache | None:
    return StatCache(tmp_path / "root") if request.param == "stat cache" else None


def test_written_unchanged_removed(tmp_path: Path, stats: StatCache | None) -> None:
    docs = tmp_path / "docs"
    report = write_pages(docs, {"a.md": "a\n", "b/c.md": "c\n"}, stats)
    assert report.summary() == "2 written, 0 unchanged, 0 removed"
    mtime = (docs / "a.md").stat().st_mtime_ns
    report = write_pages(docs, {"a.md": "a\n", "b/c.md": "c\n"}, StatCache(tmp_path / "root") if stats else None)
    assert report.summary() == "0 written, 2 unchanged, 0 removed"
    assert (docs / "a.md").stat().st_mtime_ns == mtime
    report = write_pages(docs, {"a.md": "a2\n"}, stats)
    assert report.summary() == "1 written, 0 unchanged, 1 removed"
    assert not (docs / "b").exists()
    assert set(load_manifest(docs)) == {"a.md"}


def test_a_hand_edit_is_seen_even_when_the_stat_cache_knows_the_file(tmp_path: Path,
                                                                     stats: StatCache | None) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"a.md": "generated\n"}, stats)
    page = docs / "a.md"
    page.write_text("edited by hand\n")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000))
    report = write_pages(docs, {"a.md": "generated again\n"}, StatCache(tmp_path / "root") if stats else None)
    assert report.written == [] and "edited by hand" in report.refused[0]
    assert page.read_text() == "edited by hand\n"
    report = write_pages(docs, {}, stats)
    assert page.exists() and "edited by hand" in report.refused[0]


def test_an_unowned_file_is_never_overwritten(tmp_path: Path, stats: StatCache | None) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n")
    report = write_pages(docs, {"about.md": "# Generated\n"}, stats)
    assert (docs / "about.md").read_text() == "# About\n"
    assert "not written by the generator" in report.refused[0]
    assert "about.md" not in load_manifest(docs)


def test_a_deleted_generated_file_is_written_again(tmp_path: Path, stats: StatCache | None) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"a.md": "a\n"}, stats)
    (docs / "a.md").unlink()
    report = write_pages(docs, {"a.md": "a\n"}, StatCache(tmp_path / "root") if stats else None)
    assert report.written == ["a.md"] and (docs / "a.md").read_text() == "a\n"


def test_the_manifest_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "docs", tmp_path / "two" / "docs"
    pages = {f"p{index}.md": f"{index}\n" for index in (3, 1, 2)}
    write_pages(first, pages)
    write_pages(second, dict(reversed(pages.items())))
    assert (first / MANIFEST_NAME).read_bytes() == (second / MANIFEST_NAME).read_bytes()


def test_a_run_interrupted_before_its_manifest_is_recovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import write

    docs = tmp_path / "docs"
    real = write.atomic_write

    def no_manifest(target: Path, data: bytes) -> None:
        if target.name == MANIFEST_NAME:
            raise KeyboardInterrupt
        real(target, data)

    monkeypatch.setattr(write, "atomic_write", no_manifest)
    with pytest.raises(KeyboardInterrupt):
        write_pages(docs, {"a.md": "a\n", "b.md": "b\n"})
    monkeypatch.setattr(write, "atomic_write", real)
    report = write_pages(docs, {"a.md": "a\n", "b.md": "b2\n"})
    assert report.unchanged == ["a.md"]
    assert "b.md" in report.refused[0]  # different bytes: it could be someone's; not overwritten
    assert set(load_manifest(docs)) == {"a.md"}
