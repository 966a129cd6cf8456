"""Publish policy: a withheld cable reaches no file of site/, and `check` lists it."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Settings, load_archive, render_site
from generator.cli import main
from generator.config import PublishPolicy
from generator.errors import ConfigError
from generator.parse import parse_cable
from generator.policy import withheld_reason
from generator.sources import read_source

from .conftest import ROOT, SEED

SECRET = ROOT / "cables" / "07KUALALUMPUR263.txt"
SENSITIVE = ROOT / "cables" / "05ALMATY2111.txt"
CITING = """\
UNCLAS ALMATY 000777

SIPDIS

E.O. 12958: N/A
TAGS: PREL
SUBJECT: A CABLE CITING A WITHHELD ONE
REF: 07 KUALA LUMPUR 263

1. See reftel.

Ordway
"""


def words(data: bytes) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-z]{8,}", data.decode("utf-8", errors="replace"))}


def site_files(root: Path) -> dict[str, bytes]:
    """Every file of root/site/, compressed ones decompressed."""
    files = {}
    for path in sorted((root / "site").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(root).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def build_site(root: Path, settings: str | None = None, sources: tuple[Path, ...] = (SEED, SECRET, SENSITIVE)) -> Path:
    (root / "cables").mkdir()
    for source in sources:
        (root / "cables" / source.name).write_bytes(source.read_bytes())
    (root / "cables" / "05ALMATY777.txt").write_text(CITING, encoding="utf-8")
    (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    if settings is not None:
        (root / "archive.yml").write_text(settings, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    assert main(["--root", str(root), "generate"]) == 0
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site_with_secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # No archive.yml: the default policy (UNCLASSIFIED, not sensitive) applies.
    return build_site(tmp_path_factory.mktemp("policy"))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same archive without the SECRET and SENSITIVE cables at all."""
    return build_site(tmp_path_factory.mktemp("baseline"), sources=(SEED,))


def leaks(root: Path, baseline: Path) -> list[str]:
    """Every file of root/site/ holding a distinctive word of the SECRET cable: a word of
    8+ letters of the cable that no file of the baseline site holds (so not the theme's,
    the glossary's or a published cable's), or a phrase of its subject."""
    distinctive = words(SECRET.read_bytes()) - set().union(*(words(data) for data in site_files(baseline).values()))
    assert len(distinctive) > 50, "the test needs many distinctive words to mean anything"
    phrases = ["honorary consul", "thai insurgency", "safe haven"]
    files = site_files(root)
    assert {"site/search/search_index.json", "site/sitemap.xml", "site/index.html", "site/feed.xml",
            "site/catalog.json"} <= set(files)
    found_in: list[str] = []
    for name, data in files.items():
        text = " ".join(data.decode("utf-8", errors="replace").lower().split())
        found = (words(data) & distinctive) | {phrase for phrase in phrases if phrase in text}
        found_in += [f"{name}: {word}" for word in sorted(found)]
    return found_in


def test_no_word_of_a_secret_cable_reaches_site(site_with_secret: Path, baseline: Path) -> None:
    found = leaks(site_with_secret, baseline)
    assert not found, found[:20]


def test_the_site_is_as_if_the_withheld_cables_were_not_there(site_with_secret: Path, baseline: Path) -> None:
    """Stronger still: byte for byte the site of an archive that never had them."""
    ours, theirs = site_files(site_with_secret), site_files(baseline)
    assert set(ours) == set(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert not different, different


def test_the_withheld_id_appears_only_as_the_citing_cables_own_reference(site_with_secret: Path) -> None:
    """The id is in the published cable that cites it (its REF line, its JSON): nowhere else."""
    holding = {name for name, data in site_files(site_with_secret).items() if b"07KUALALUMPUR263" in data}
    assert holding <= {"site/cables/05ALMATY777.json", "site/catalog.json"}, holding
    catalog = json.loads(site_files(site_with_secret)["site/catalog.json"])
    assert [entry["id"] for entry in catalog["cables"]] == ["05ALMATY753", "05ALMATY777"]
    assert all("07KUALALUMPUR263" not in entry["references_in_archive"] + entry["cited_by"]
               for entry in catalog["cables"])


def test_the_leak_test_would_see_a_leak(tmp_path: Path, baseline: Path) -> None:
    """Control: with a policy that publishes SECRET, the same check finds the cable everywhere."""
    root = build_site(tmp_path, "publish:\n  classifications: [UNCLASSIFIED, SECRET]\n")
    places = {line.split(":")[0] for line in leaks(root, baseline)}
    for name in ("site/search/search_index.json", "site/cables/07KUALALUMPUR263/index.html", "site/feed.xml",
                 "site/cables/07KUALALUMPUR263.json", "site/browse/index.html"):
        assert name in places, name


def test_withheld_cables_are_not_in_docs_either(site_with_secret: Path) -> None:
    docs = site_with_secret / "docs"
    assert not (docs / "cables" / "07KUALALUMPUR263").exists()
    assert not (docs / "cables" / "05ALMATY2111").exists()
    for path in docs.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.name not in ("05ALMATY777.json", "catalog.json"):  # the citing cable's own REF
                assert "KUALALUMPUR263" not in text, path
            assert "05ALMATY2111" not in text, path


def test_a_reference_to_a_withheld_cable_reads_not_in_the_archive(site_with_secret: Path) -> None:
    page = (site_with_secret / "docs" / "cables" / "05ALMATY777" / "index.md").read_text(encoding="utf-8")
    assert "(not in the archive)" in page
    assert "../07KUALALUMPUR263/" not in page


def test_check_lists_what_is_withheld(site_with_secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(site_with_secret), "check"]) == 0
    out = capsys.readouterr().out
    assert "withheld: 07KUALALUMPUR263 (cables/07KUALALUMPUR263.txt): classification SECRET" in out
    assert "withheld: 05ALMATY2111 (cables/05ALMATY2111.txt): SENSITIVE/SBU" in out
    assert "2 published, 2 withheld by the publish policy" in out


def test_sensitive_needs_an_explicit_yes(archive: Path) -> None:
    (archive / "cables" / SENSITIVE.name).write_bytes(SENSITIVE.read_bytes())
    (archive / "archive.yml").write_text("publish:\n  classifications: [UNCLASSIFIED]\n")
    assert [cable.id for cable in load_archive(Settings(archive)).cables] == ["05ALMATY753"]
    (archive / "archive.yml").write_text("publish:\n  sensitive: yes\n")
    loaded = load_archive(Settings(archive))
    assert [cable.id for cable in loaded.cables] == ["05ALMATY2111", "05ALMATY753"]
    assert "cables/05ALMATY2111/index.md" in render_site(loaded.cables)


def test_portion_marks_raise_the_classification() -> None:
    seed = parse_cable(read_source(SEED))
    marked = seed.__class__(**{**seed.__dict__, "paragraphs": (
        seed.paragraphs[0].__class__(**{**seed.paragraphs[0].__dict__, "classification": "C"}),
        *seed.paragraphs[1:])})
    assert withheld_reason(seed, PublishPolicy()) is None
    assert "CONFIDENTIAL (portion marks" in withheld_reason(marked, PublishPolicy())
    assert withheld_reason(marked, PublishPolicy(classifications=("UNCLASSIFIED", "CONFIDENTIAL"))) is None
    noforn = seed.__class__(**{**seed.__dict__, "caveats": ("SIPDIS", "NOFORN")})
    assert "caveat NOFORN is not in publish.caveats_allowed" in withheld_reason(noforn, PublishPolicy())
    unknown = seed.__class__(**{**seed.__dict__, "caveats": ("SIPDIS", "NEWCAVEAT")})
    assert "NEWCAVEAT" in withheld_reason(unknown, PublishPolicy())
    assert withheld_reason(unknown, PublishPolicy(caveats_allowed=("SIPDIS", "NEWCAVEAT"))) is None
    portion = seed.__class__(**{**seed.__dict__, "paragraphs": (
        seed.paragraphs[0].__class__(**{**seed.paragraphs[0].__dict__, "classification": "SBU/NF"}),
        *seed.paragraphs[1:])})
    assert "NOFORN" in withheld_reason(portion, PublishPolicy(sensitive=True))
    assert withheld_reason(seed, PublishPolicy(withhold=("05ALMATY753",))) == "listed in publish.withhold"


@pytest.mark.parametrize(("text", "message"), [
    ("publish:\n  classifications: [UNCLASIFIED]\n", "archive.yml:2: publish.classifications: 'UNCLASIFIED'"),
    ("publish:\n  sensitive: maybe\n", "archive.yml:2: publish.sensitive: expected yes/no"),
    ("publsh: {}\n", "archive.yml:1: unknown setting 'publsh'"),
    ("feed:\n  entries: many\n", "archive.yml:2: feed.entries: expected a whole number"),
    ("publish: [\n", "archive.yml:2: not valid YAML"),
])
def test_bad_settings_name_file_and_line(archive: Path, text: str, message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "archive.yml").write_text(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_archive(Settings(archive))
    assert main(["--root", str(archive), "check"]) == 2
    assert message in capsys.readouterr().err


def test_bundled_settings_are_valid() -> None:
    archive = load_archive(Settings(ROOT))
    assert archive.withheld, "the bundled corpus has SECRET and CONFIDENTIAL cables to withhold"
    assert {cable.classification for cable, _ in archive.withheld} == {"SECRET", "CONFIDENTIAL"}
    assert all(cable.classification == "UNCLASSIFIED" for cable in archive.cables)


def test_a_hand_edited_page_of_a_withheld_cable_stops_the_build(archive: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(archive), "generate"]) == 0
    page = archive / "docs" / "cables" / "05ALMATY753" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn analyst's aside.\n", encoding="utf-8")
    (archive / "archive.yml").write_text("publish:\n  withhold: [05ALMATY753]\n")
    capsys.readouterr()
    assert main(["--root", str(archive), "build"]) == 1
    err = capsys.readouterr().err
    assert "docs/cables/05ALMATY753/index.md: error: file of a cable the publish policy withholds" in err
    assert not (archive / "site").exists()


def test_a_stray_file_of_a_withheld_cable_stops_the_build(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file the generator did not write (say, committed by an older version) is never
    removed by it: for a withheld cable that must stop the build, not be published."""
    (archive / "docs" / "cables").mkdir(parents=True)
    (archive / "docs" / "cables" / "05ALMATY753.json").write_text('{"id": "05ALMATY753"}\n')
    (archive / "archive.yml").write_text("publish:\n  withhold: [05ALMATY753]\n")
    assert main(["--root", str(archive), "generate"]) == 1
    assert "docs/cables/05ALMATY753.json: error: file of a cable the publish policy withholds" in \
        capsys.readouterr().err
