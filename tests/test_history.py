"""History from git (added, last corrected) and the Atom feed of new cables."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.build import Settings, generate, load_archive
from generator.config import FeedSettings
from generator.history import read_history
from generator.model import History
from generator.render.feed import feed_pages

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
ATOM = "{http://www.w3.org/2005/Atom}"


def git(root: Path, *args: str, date: str = "2024-01-01") -> str:
    stamp = f"{date}T12:00:00+00:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
                   "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=environment).stdout


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A", date=date)
    git(root, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(archive: Path) -> Path:
    git(archive, "init", "-q", "-b", "main")
    commit(archive, "seed", "2024-01-01")
    second = (ROOT / "cables" / "05ALMATY2842.txt").read_bytes()
    (archive / "cables" / "05ALMATY2842.txt").write_bytes(second)
    commit(archive, "add a cable", "2024-02-02")
    (archive / "cables" / "05ALMATY753.yml").write_text("signer: J. Ordway\n")
    commit(archive, "correct the seed", "2024-03-03")
    return archive


def test_added_and_corrected_dates_come_from_git(repo: Path) -> None:
    cables = {cable.id: cable for cable in load_archive(Settings(repo)).cables}
    assert cables["05ALMATY753"].history == History(added="2024-01-01", corrected="2024-03-03")
    assert cables["05ALMATY2842"].history == History(added="2024-02-02", corrected=None)


def test_the_page_says_when(repo: Path) -> None:
    generate(Settings(repo))
    page = (repo / "docs" / "cables" / "05ALMATY753" / "index.md").read_text(encoding="utf-8")
    assert "*Added to the archive on 2024-01-01; last corrected on 2024-03-03.*" in page


def test_a_renamed_cable_keeps_its_added_date(repo: Path) -> None:
    git(repo, "mv", "cables/05ALMATY2842.txt", "cables/05ALMATY2842-renamed.txt")
    commit(repo, "rename", "2024-04-04")
    histories = read_history(repo)
    assert histories["cables/05ALMATY2842-renamed.txt"] == History(added="2024-02-02", corrected=None)


def test_a_shallow_clone_does_not_fail(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    cables = {cable.id: cable for cable in load_archive(Settings(clone)).cables}
    # Every file is first seen in the one fetched commit: when it was added is unknown.
    assert cables["05ALMATY753"].history == History(added=None, corrected=None)
    generate(Settings(clone))
    page = (clone / "docs" / "cables" / "05ALMATY753" / "index.md").read_text(encoding="utf-8")
    assert "Added to the archive" not in page


def test_outside_git_there_is_no_history(archive: Path) -> None:
    assert read_history(archive) == {}
    assert load_archive(Settings(archive)).cables[0].history is None


def test_history_can_be_switched_off(repo: Path) -> None:
    (repo / "archive.yml").write_text("history: no\n")
    assert load_archive(Settings(repo)).cables[0].history is None


def test_the_feed_lists_newest_additions_first_and_is_valid_atom(repo: Path) -> None:
    generate(Settings(repo))
    feed = ElementTree.parse(repo / "docs" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}id").text for entry in entries] == [
        "urn:briefing-archive:cable:05ALMATY2842", "urn:briefing-archive:cable:05ALMATY753"]
    assert feed.find(f"{ATOM}updated").text == "2024-03-03T00:00:00Z"
    assert entries[1].find(f"{ATOM}updated").text == "2024-03-03T00:00:00Z"
    assert entries[1].find(f"{ATOM}published").text == "2024-01-01T00:00:00Z"
    assert entries[0].find(f"{ATOM}link").get("href") == "cables/05ALMATY2842/"


def test_the_feed_escapes_and_is_deterministic(archive: Path) -> None:
    cable = load_archive(Settings(archive)).cables[0]
    hostile = cable.__class__(**{**cable.__dict__, "subject": "<b>&amp; \"quoted\" ]]> \x0b"})
    settings = FeedSettings(site_url="https://example.org/archive/", title="A & B")
    first = feed_pages([hostile], settings)["feed.xml"]
    assert first == feed_pages([hostile], settings)["feed.xml"]
    root = ElementTree.fromstring(first)
    assert root.find(f"{ATOM}title").text == "A & B"
    assert root.find(f"{ATOM}entry/{ATOM}title").text.endswith("<b>&amp; \"quoted\" ]]>")
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://example.org/archive/cables/05ALMATY753/"


def test_the_feed_reaches_the_built_site(archive: Path) -> None:
    generate(Settings(archive))
    import sys
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=archive, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "05ALMATY753" in (archive / "site" / "feed.xml").read_text(encoding="utf-8")


def test_the_feed_takes_site_url_from_mkdocs_yml_when_archive_yml_has_none(archive: Path) -> None:
    config = archive / "mkdocs.yml"
    config.write_text("site_url: https://archive.example.org/briefing\n" + config.read_text(encoding="utf-8"))
    generate(Settings(archive))
    feed = ElementTree.parse(archive / "docs" / "feed.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == \
        "https://archive.example.org/briefing/cables/05ALMATY753/"
    (archive / "archive.yml").write_text("feed:\n  site_url: https://other.example.org/\n")
    generate(Settings(archive))
    feed = ElementTree.parse(archive / "docs" / "feed.xml").getroot()
    assert feed.find(f"{ATOM}id").text == "https://other.example.org/feed.xml"


def test_a_cable_with_a_non_ascii_file_name_has_history(repo: Path) -> None:
    (repo / "cables" / "05ALMATY753.md").rename(repo / "cables" / "05ALMATY753-résumé.md")
    (repo / "cables" / "05ALMATY753.yml").rename(repo / "cables" / "05ALMATY753-résumé.yml")
    commit(repo, "rename with an accent", "2024-05-05")
    cables = {cable.id: cable for cable in load_archive(Settings(repo)).cables}
    assert cables["05ALMATY753"].history == History(added="2024-01-01", corrected="2024-03-03")


def test_history_is_cached_per_commit(repo: Path) -> None:
    cache = repo / ".cache" / "history.json"
    first = read_history(repo, cache=cache)
    assert cache.exists() and read_history(repo, cache=cache) == first
    (repo / "cables" / "05ALMATY2842.yml").write_text("signer: X\n")
    commit(repo, "correct the second", "2024-06-06")
    assert read_history(repo, cache=cache)["cables/05ALMATY2842.yml"] == History(added="2024-06-06", corrected=None)
    cache.write_text("{broken")
    assert read_history(repo, cache=cache) == read_history(repo)
