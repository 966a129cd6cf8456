"""The command line: exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parse_prints_the_json_contract(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    code, out, _ = run(capsys, "parse", str(archive / "cables" / "05ALMATY753.md"))
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "05ALMATY753" and data["year"] == 2005 and len(data["paragraphs"]) == 27


def test_parse_of_several_files_prints_a_list(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    seed = str(archive / "cables" / "05ALMATY753.md")
    code, out, _ = run(capsys, "parse", seed, seed)
    assert code == 0 and [item["id"] for item in json.loads(out)] == ["05ALMATY753", "05ALMATY753"]


def test_parse_of_a_bad_file_names_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, out, err = run(capsys, "parse", str(bad))
    assert code == 1 and out == ""
    assert f"{bad}: error: file is empty" in err


def test_check_passes_on_a_good_archive(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    code, out, _ = run(capsys, "--root", str(archive), "check")
    assert code == 0 and "1 cables read: 0 errors" in out


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "cables/empty.txt: error: file is empty"),
    ("binary.txt", b"UNCLAS\x00\x01\x02", "cables/binary.txt:1: error: file is binary"),
    ("latin1.txt", b"UNCLAS ALMATY 000001\n\nSUBJECT: caf\xe9\n", "cables/latin1.txt:3: error: not valid UTF-8"),
    ("noheader.txt", b"Just some prose without any banner.\n", "cables/noheader.txt:1: error: no classification"),
])
def test_check_reports_bad_cables_with_file_and_line(
    capsys: pytest.CaptureFixture[str], archive: Path, name: str, content: bytes, message: str
) -> None:
    (archive / "cables" / name).write_bytes(content)
    code, out, err = run(capsys, "--root", str(archive), "check")
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert "1 cables read: 1 errors" in out


def test_generate_builds_the_rest_when_one_cable_is_bad(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    (archive / "cables" / "broken.txt").write_bytes(b"\x00\x00")
    code, _, err = run(capsys, "--root", str(archive), "generate")
    assert code == 0
    assert "cables/broken.txt:1: error: file is binary" in err
    assert (archive / "docs" / "cables" / "05ALMATY753" / "index.md").exists()
    assert run(capsys, "--root", str(archive), "generate", "--strict")[0] == 1


def test_second_generate_writes_nothing(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    run(capsys, "--root", str(archive), "generate")
    page = archive / "docs" / "cables" / "05ALMATY753" / "index.md"
    before = page.stat().st_mtime_ns
    code, out, _ = run(capsys, "--root", str(archive), "generate")
    assert code == 0 and "0 written" in out and "0 removed" in out
    assert page.stat().st_mtime_ns == before


def test_missing_cables_folder_is_a_setup_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--root", str(tmp_path), "generate")
    assert code == 2 and "no cables folder" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-verb"])
    assert exit_info.value.code == 2


def test_check_report_prints_field_coverage(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    code, out, _ = run(capsys, "--root", str(archive), "check", "--report")
    assert code == 0
    assert "Parser coverage over 1 cable" in out
    assert "05ALMATY753.md:39: paragraph number 15 read as 5" in out
