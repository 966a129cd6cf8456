"""The archive in git: deterministic, incremental, owning only its output, safe on bad input."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Settings, generate, load_archive, render_site
from generator.cache import BODY_FIELDS, PageCache
from generator.cli import main
from generator.render.archive import archive_pages

from .conftest import ROOT

OTHERS = ["05ALMATY2842.txt", "08KUWAIT157.txt", "10ASTANA260.txt"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def bigger(archive: Path) -> Path:
    for name in OTHERS:
        shutil.copy(ROOT / "cables" / name, archive / "cables" / name)
    return archive


def test_same_cables_give_the_same_bytes_in_another_folder(bigger: Path, tmp_path_factory: pytest.TempPathFactory,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path_factory.mktemp("elsewhere") / "deep" / "archive"
    shutil.copytree(bigger, other)
    assert run(capsys, "--root", str(bigger), "generate")[0] == 0
    environment_changes = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C"}
    saved = {key: os.environ.get(key) for key in environment_changes}
    os.environ.update(environment_changes)
    try:
        assert run(capsys, "--root", str(other), "generate", "--no-cache")[0] == 0
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    first = {path: data for path, (data, _) in snapshot(bigger / "docs").items()}
    second = {path: data for path, (data, _) in snapshot(other / "docs").items()}
    assert first == second
    for data in first.values():
        assert str(bigger).encode() not in data and str(other).encode() not in data


def test_a_second_generate_writes_nothing_and_says_so(bigger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--root", str(bigger), "generate")
    before = snapshot(bigger / "docs")
    code, out, _ = run(capsys, "--root", str(bigger), "generate")
    assert code == 0
    owned = len(json.loads((bigger / "docs" / ".generated.json").read_text())["files"])
    assert out.strip().endswith(f"0 written, {owned} unchanged, 0 removed")
    assert snapshot(bigger / "docs") == before


def test_after_one_change_only_that_cables_pages_are_rewritten(bigger: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--root", str(bigger), "generate")
    source = bigger / "cables" / "08KUWAIT157.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(" the ", " THE ", 1), encoding="utf-8")
    _, report = generate(Settings(bigger))
    assert set(report.written) == {"cables/08KUWAIT157/index.md", "cables/08KUWAIT157.json"}, report.written
    fresh = render_site(load_archive(Settings(bigger)).cables)
    for path, text in fresh.items():
        assert (bigger / "docs" / path).read_text(encoding="utf-8") == text, path


def test_cached_output_equals_uncached_output_after_any_change(bigger: Path) -> None:
    """The caches are only an optimisation: for every kind of change, same pages as from scratch."""
    settings = Settings(bigger)
    generate(settings)
    sidecar = bigger / "cables" / "05ALMATY2842.yml"
    changes = [
        lambda: sidecar.write_text("subject: A NEW SUBJECT\nnote: checked\n"),
        lambda: sidecar.write_text("signer: Someone Else\n"),
        lambda: (bigger / "cables" / "10ASTANA260.txt").unlink(),
        lambda: shutil.copy(ROOT / "cables" / "09MOSCOW521.txt", bigger / "cables"),
        lambda: (bigger / "archive.yml").write_text("publish:\n  withhold: [05ALMATY2842]\n"),
        lambda: (bigger / "archive.yml").write_text("feed:\n  entries: 1\n"),
    ]
    for change in changes:
        change()
        archive, _ = generate(settings)
        expected = render_site(load_archive(settings).cables)
        from generator.render.feed import feed_pages
        expected.update(feed_pages(archive.cables, archive.config.feed))
        on_disk = {path: (bigger / "docs" / path).read_text(encoding="utf-8") for path in expected}
        assert on_disk == expected
        owned = set(json.loads((bigger / "docs" / ".generated.json").read_text())["files"])
        assert owned == set(expected)
        assets = {path.relative_to(bigger / "docs").as_posix() for path in (bigger / "docs").rglob("*")
                  if path.is_file() and not path.is_relative_to(bigger / "docs" / "assets")}
        assert assets == owned | {".generated.json"}


def assert_pages_ignore(render, fields, cables, pages_name: str, skip_list: str) -> None:  # type: ignore[no-untyped-def]
    """Changing any of `fields` on every cable leaves `render(cables)` unchanged."""
    pages = render(cables)
    donor = cables[-1]
    for name in sorted(fields):
        changed = [dataclasses.replace(cable, **{name: getattr(donor, name)}) for cable in cables]
        if name == "source":
            changed = [dataclasses.replace(cable, source="renamed.txt") for cable in cables]
        assert render(changed) == pages, f"{pages_name} now show {name}: remove it from {skip_list}"


def test_archive_pages_do_not_depend_on_body_fields(bigger: Path) -> None:
    """cache.BODY_FIELDS may be left out of the archive-page cache key only while this holds."""
    cables = load_archive(Settings(bigger)).cables
    assert_pages_ignore(archive_pages, BODY_FIELDS, cables, "archive pages", "cache.BODY_FIELDS")


def test_briefing_indexes_do_not_depend_on_skipped_fields(bigger: Path) -> None:
    """cache.BRIEFING_INDEX_SKIPS may be left out of that cache key only while this holds."""
    from generator.cache import BRIEFING_INDEX_SKIPS
    from generator.render.briefing_indexes import briefing_index_pages

    cables = load_archive(Settings(bigger)).cables
    assert_pages_ignore(briefing_index_pages, BRIEFING_INDEX_SKIPS, cables,
                        "briefing indexes", "cache.BRIEFING_INDEX_SKIPS")


def test_page_cache_is_keyed_by_what_a_page_shows(bigger: Path) -> None:
    cables = load_archive(Settings(bigger)).cables
    cache = PageCache(None)
    calls: list[str] = []

    def render(cable):  # type: ignore[no-untyped-def]
        calls.append(cable.id)
        return {cable.id: cable.subject or ""}

    cache.render_all(cables, render)
    cache.render_all(cables, render)
    assert len(calls) == len(cables)
    cache.render_all([dataclasses.replace(cables[0], subject="changed"), *cables[1:]], render)
    assert calls[-1] == cables[0].id and len(calls) == len(cables) + 1


def test_a_corrupt_cache_changes_nothing_but_time(bigger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--root", str(bigger), "generate")
    corrupted = [path for path in (bigger / ".cache").rglob("*") if path.is_file()]
    assert len(corrupted) > 3
    for path in corrupted:
        path.write_bytes(b"\x80garbage")
    before = snapshot(bigger / "docs")
    code, out, _ = run(capsys, "--root", str(bigger), "generate")
    assert code == 0 and " 0 written" in out
    assert snapshot(bigger / "docs") == before


def test_a_removed_or_renamed_cable_loses_its_pages(bigger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--root", str(bigger), "generate")
    (bigger / "cables" / "10ASTANA260.txt").unlink()
    code, out, _ = run(capsys, "--root", str(bigger), "generate")
    assert code == 0 and "0 removed" not in out
    assert not (bigger / "docs" / "cables" / "10ASTANA260").exists()
    (bigger / "cables" / "08KUWAIT157.txt").rename(bigger / "cables" / "renamed.txt")
    run(capsys, "--root", str(bigger), "generate")
    # The id comes from the banner, so the renamed file keeps its page (now naming the new source).
    assert "renamed\\.txt" in (bigger / "docs" / "cables" / "08KUWAIT157" / "index.md").read_text(encoding="utf-8")


def test_hand_written_pages_are_never_touched(bigger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    about = bigger / "docs" / "about.md"
    about.write_text("# About\n")
    lookalike = bigger / "docs" / "cables" / "05ALMATY753" / "method.md"
    lookalike.parent.mkdir(parents=True)
    lookalike.write_text("# Method\n")
    clash = bigger / "docs" / "cables" / "08KUWAIT157" / "index.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("# Mine\n")
    code, _, err = run(capsys, "--root", str(bigger), "generate")
    assert code == 0 and "was not written by the generator; not overwritten" in err
    (bigger / "cables" / "05ALMATY753.md").unlink()
    run(capsys, "--root", str(bigger), "generate")
    assert about.read_text() == "# About\n" and lookalike.read_text() == "# Method\n"
    assert clash.read_text() == "# Mine\n"


def test_two_files_claiming_one_id_is_an_error_naming_both(archive: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(archive / "cables" / "05ALMATY753.md", archive / "cables" / "copy-of-753.md")
    code, _, err = run(capsys, "--root", str(archive), "check")
    assert code == 1
    assert "cables/copy-of-753.md: error: cable id 05ALMATY753 is also claimed by cables/05ALMATY753.md" in err


@pytest.mark.parametrize("name", ["..%2F..%2Fx.txt", "..txt", "....md", "-rf.txt", "x y.txt"])
def test_hostile_file_names_write_nothing_outside_docs(archive: Path, name: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "cables" / name).write_text("Just some prose.\n")
    before = {path for path in archive.parent.rglob("*")}
    run(capsys, "--root", str(archive), "generate")
    after = {path for path in archive.parent.rglob("*")}
    outside = {path for path in after - before
               if not path.is_relative_to(archive / "docs") and not path.is_relative_to(archive / ".cache")}
    assert not outside


def test_write_refuses_paths_and_links_that_escape_docs(tmp_path: Path) -> None:
    from generator.errors import OutputError
    from generator.write import write_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    for bad in ["../x.md", "/etc/x.md", "a/../../x.md", "a//b.md", "a\\..\\x.md", "", "a/./b.md"]:
        with pytest.raises(OutputError):
            write_pages(docs, {bad: "x"})
    outside = tmp_path / "outside"
    outside.mkdir()
    (docs / "cables").symlink_to(outside)
    with pytest.raises(OutputError, match="symbolic link"):
        write_pages(docs, {"cables/x/index.md": "x"})
    assert not any(outside.iterdir())


def test_a_hostile_manifest_cannot_remove_files_outside_docs(tmp_path: Path) -> None:
    from generator.errors import OutputError
    from generator.write import MANIFEST_NAME, digest, write_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (docs / MANIFEST_NAME).write_text(json.dumps({"files": {"../victim.txt": digest(b"keep me")}}))
    with pytest.raises(OutputError):
        write_pages(docs, {"index.md": "# Home\n"})
    assert victim.read_text() == "keep me"


def test_an_interrupted_write_leaves_no_half_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import write

    docs = tmp_path / "docs"
    write.write_pages(docs, {"a.md": "old\n"})

    def broken_replace(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", broken_replace)
    with pytest.raises(KeyboardInterrupt):
        write.write_pages(docs, {"a.md": "new " * 10000})
    assert (docs / "a.md").read_text() == "old\n"
    assert {path.name for path in docs.iterdir()} == {"a.md", ".generated.json"}  # no temporary file left


def test_the_bench_script_runs_small() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "incremental.py"), "30"], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "one cable changed" in result.stdout


@pytest.mark.parametrize("bad_id", ["../../evil", "/etc/evil", "a/b", "..", "x\x00y", "05ALMATY753/../../x"])
def test_an_id_that_would_escape_docs_is_an_error_and_writes_nothing(
    archive: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad_id: str
) -> None:
    import generator.build as build

    real = build._read_and_parse

    def hostile(path: Path, shown: str):  # type: ignore[no-untyped-def]
        return dataclasses.replace(real(path, shown), id=bad_id)

    monkeypatch.setattr(build, "_read_and_parse", hostile)
    before = {path for path in archive.parent.rglob("*")}
    code, _, err = run(capsys, "--root", str(archive), "generate", "--no-cache")
    assert code == 0
    assert f"cables/05ALMATY753.md: error: cable id {bad_id!r} is not a safe page name" in err
    created = {path for path in archive.parent.rglob("*")} - before
    assert all(path.is_relative_to(archive / "docs") for path in created), created
    assert not (archive / "docs" / "cables").exists()


POOL = ["05ALMATY753.md", "05ALMATY2842.txt", "08KUWAIT157.txt", "10ASTANA260.txt", "07KUALALUMPUR263.txt",
        "05ALMATY2111.txt"]
OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["add", "remove", "edit", "sidecar", "bad sidecar", "drop sidecar", "policy", "hand edit"]),
    st.sampled_from(POOL),
), min_size=1, max_size=5)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_incremental_runs_match_a_fresh_run_after_any_changes(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, str]]
) -> None:
    """After any sequence of edits, docs/ from cached incremental runs equals docs/ from scratch."""
    root = tmp_path_factory.mktemp("incremental")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cables").mkdir()
    for name in POOL[:3]:
        shutil.copy(ROOT / "cables" / name, root / "cables" / name)
    generate(Settings(root))
    for action, name in operations:
        cable = root / "cables" / name
        sidecar = cable.with_suffix(".yml")
        if action == "add":
            shutil.copy(ROOT / "cables" / name, cable)
        elif action == "remove":
            cable.unlink(missing_ok=True)
        elif action == "edit" and cable.exists():
            cable.write_text(cable.read_text(encoding="utf-8").replace(" the ", " THE ", 1), encoding="utf-8")
        elif action == "sidecar":
            sidecar.write_text(f"subject: Corrected {len(operations)}\nnote: checked\n")
        elif action == "bad sidecar":
            sidecar.write_text("subject: [\n")
        elif action == "drop sidecar":
            sidecar.unlink(missing_ok=True)
        elif action == "policy":
            (root / "archive.yml").write_text("publish:\n  sensitive: yes\n  classifications: [UNCLASSIFIED, SECRET]\n"
                                              if not (root / "archive.yml").exists() else "")
        elif action == "hand edit":
            page = root / "docs" / "index.md"
            page.write_text(page.read_text(encoding="utf-8") + "\nA hand edit.\n", encoding="utf-8")
        generate(Settings(root))
    fresh = tmp_path_factory.mktemp("fresh")
    shutil.copytree(root / "cables", fresh / "cables")
    shutil.copy(root / "mkdocs.yml", fresh / "mkdocs.yml")
    if (root / "archive.yml").exists():
        shutil.copy(root / "archive.yml", fresh / "archive.yml")
    generate(Settings(fresh), cache=False)
    ours = {path: data for path, (data, _) in snapshot(root / "docs").items()}
    theirs = {path: data for path, (data, _) in snapshot(fresh / "docs").items()}
    hand_edited = any(action == "hand edit" for action, _ in operations)
    if hand_edited:  # the hand-edited page is kept as edited, and stays out of the manifest comparison
        for name in ("index.md", ".generated.json"):
            ours.pop(name, None)
            theirs.pop(name, None)
    assert ours == theirs
