"""End to end: generate, then the real `mkdocs build --strict` on a temporary archive."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main

HOSTILE = """\
UNCLAS ALMATY 000999

SIPDIS

E.O. 12958: N/A
TAGS: ETRD <script>alert(1)</script>
SUBJECT: <script>alert('subject')</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>

1. <script>alert('body')</script> **bold** <iframe src="http://evil.example"></iframe>

2. {: onclick="alert(4)" } # not a heading <a href="javascript:alert(5)">x</a> ![img](http://evil.example/x.png)

Attacker
"""


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import ROOT, SEED

    root = tmp_path_factory.mktemp("archive")
    (root / "cables").mkdir()
    (root / "cables" / SEED.name).write_bytes(SEED.read_bytes())
    (root / "cables" / "05ALMATY999.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    assert main(["--root", str(root), "generate"]) == 0
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_cable_page_holds_the_cable_text(built_site: Path) -> None:
    html = (built_site / "cables" / "05ALMATY753" / "index.html").read_text(encoding="utf-8")
    assert "05ALMATY753 — KAZAKHSTAN: SPECIAL 301" in html
    assert "1998 Agreement on Cooperation on Suppression of Offenses in the Field of Intellectual Property" in html
    assert 'id="p5"' in html and 'href="#p5"' in html
    for number in range(1, 28):
        assert f'id="p{number}"' in html


def test_search_index_finds_the_seed(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for word in ("Locarno", "Ordway", "Article 184"):
        locations = {doc["location"].split("#")[0] for doc in index["docs"] if word in doc["text"]}
        assert "cables/05ALMATY753/" in locations, word


class TagCollector(HTMLParser):
    """Collects the real elements of a page (escaped text is not an element)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_hostile_cable_text_is_shown_not_executed(built_site: Path) -> None:
    pages = list((built_site / "cables" / "05ALMATY999").rglob("*.html"))
    assert len(pages) == 5
    for page in pages:
        collector = TagCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, attributes in collector.tags:
            assert tag not in ("iframe", "img"), f"{page}: <{tag}> from cable text"
            assert not any(name.startswith("on") for name in attributes), f"{page}: event handler on <{tag}>"
            for name in ("href", "src"):
                assert not (attributes.get(name) or "").lower().startswith("javascript"), f"{page}: {name}"
        assert not any("alert" in text for text in collector.script_text), f"{page}: cable text in a script"
    page = (built_site / "cables" / "05ALMATY999" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('body')&lt;/script&gt;" in page


def test_site_makes_no_outside_requests(built_site: Path) -> None:
    outside = re.compile(r"""<(?:script|img|iframe|link|source|video|audio|embed|object)\b[^>]*"""
                         r"""\s(?:src|href|data)=["']?(?:https?:)?//""")
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not outside.search(html), f"{page} refers to another host"


def test_cable_page_size_does_not_depend_on_the_archive(built_site: Path) -> None:
    nav = (built_site / "cables" / "05ALMATY753" / "index.html").read_text(encoding="utf-8")
    assert "05ALMATY999" not in nav.split('<div class="md-content"', 1)[0]


def test_build_verb_runs_mkdocs(archive: Path) -> None:
    assert main(["--root", str(archive), "build"]) == 0
    assert (archive / "site" / "cables" / "05ALMATY753" / "index.html").exists()


def test_cable_json_and_catalogue_are_published(built_site: Path) -> None:
    data = json.loads((built_site / "cables" / "05ALMATY753.json").read_text(encoding="utf-8"))
    assert data["id"] == "05ALMATY753" and len(data["paragraphs"]) == 27
    catalog = json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["count"] == 2
    assert [entry["id"] for entry in catalog["cables"]] == ["05ALMATY753", "05ALMATY999"]
    assert catalog["cables"][0]["page"] == "cables/05ALMATY753/"
    assert (built_site / catalog["cables"][0]["data"]).exists()
    page = (built_site / "cables" / "05ALMATY753" / "index.html").read_text(encoding="utf-8")
    assert 'href="../05ALMATY753.json"' in page and 'href="../../catalog.json"' in page


def test_glossary_explains_tags_and_acronyms(built_site: Path) -> None:
    page = (built_site / "cables" / "05ALMATY753" / "index.html").read_text(encoding="utf-8")
    assert 'title="Intellectual property rights"' in page  # the KIPR tag link
    assert '<abbr title="Office of the United States Trade Representative">USTR</abbr>' in page
    assert "<abbr title=" in page and ">GOK</abbr>" in page and ">NOTAL</abbr>" in page
    tag = (built_site / "browse" / "tags" / "kz" / "index.html").read_text(encoding="utf-8")
    assert "Kazakhstan" in tag and "Geographic code" in tag
    assert (built_site / "glossary" / "index.html").exists()


def test_in_text_references_link_inside_the_page(built_site: Path) -> None:
    page = (built_site / "cables" / "05ALMATY753" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="text-ref" href="#p5" title="[^"]*">paragraphs 5-7 above</a>', page)
    assert re.search(r'<a class="text-ref" href="#p2" title="[^"]*">paragraph 2, above</a>', page)
    assert re.search(r'<a class="text-ref" href="#ref-b" title="[^"]*">Reftel B</a>', page)
    assert 'id="ref-a"' in page and 'id="ref-d"' in page


def test_no_inline_event_handlers_or_cable_text_in_scripts(built_site: Path) -> None:
    """What a strict Content-Security-Policy needs from our side: no on* attributes, no
    javascript: URLs, and the only inline scripts are Material's own (no cable text)."""
    for page in built_site.rglob("*.html"):
        collector = TagCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, attributes in collector.tags:
            assert not any(name.startswith("on") for name in attributes), f"{page}: event handler on <{tag}>"
            for name in ("href", "src", "action"):
                assert not (attributes.get(name) or "").lower().startswith("javascript:"), f"{page}: {name}"
        for script in collector.script_text:
            assert "ALMATY" not in script and "alert" not in script, f"{page}: cable text in an inline script"


def test_404_page_points_somewhere_useful(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in page and 'href="/browse/"' in page and 'href="/glossary/"' in page
    assert not (built_site / "assets" / "overrides").exists()


def test_home_page_links_the_feed(built_site: Path) -> None:
    assert 'href="feed.xml"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert (built_site / "feed.xml").read_text(encoding="utf-8").startswith('<?xml version="1.0"')
