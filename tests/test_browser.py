"""The built site in a real browser: headless Chromium (Debian's package) via Playwright.

The bundled archive is copied to a temporary folder, generated and built once, and
served with the standard library on 127.0.0.1 (a free port). Every request the
browser makes is recorded; anything not for that server is aborted and fails the
run. Screenshots go to tests/artifacts/ (git-ignored).

Without Chromium or Playwright these tests are skipped with how to install them,
except under CI=true, where they fail instead.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.cli import main

from .conftest import ROOT

ARTIFACTS = Path(__file__).parent / "artifacts"
SEED_ID = "05ALMATY753"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL = ("install Debian's Chromium (`apt-get install chromium`) and the test extras "
           "(`pip install -e '.[test]'`, which brings playwright); never `playwright install`")


def chromium_path() -> str | None:
    for candidate in (os.environ.get("BRIEFING_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def require_browser() -> str:
    """The Chromium executable, or skip (fail under CI=true) saying how to install it."""
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("playwright is not installed")
    executable = chromium_path()
    if executable is None:
        problems.append("Chromium is not installed")
    if problems:
        message = f"browser tests need a browser: {'; '.join(problems)}: {INSTALL}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert executable is not None
    return executable


INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def strict_policy(site: Path) -> str:
    """A strict Content-Security-Policy for the built site: nothing from another host,
    no inline code except Material's own inline scripts, allowed by their hashes."""
    hashes = set()
    for page in site.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'")
    return ("default-src 'self'; script-src 'self' " + " ".join(sorted(hashes)) + "; style-src 'self'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ quietly under a strict Content-Security-Policy, with the site's own
    404 page for missing paths."""

    policy = ""

    def end_headers(self) -> None:
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    root = tmp_path_factory.mktemp("browser-archive")
    shutil.copytree(ROOT / "cables", root / "cables")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "archive.yml", root / "archive.yml")  # the bundled publish policy (SENSITIVE: yes)
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    main(["--root", str(root), "generate"])  # the bundled corpus holds one deliberately bad cable
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    handler = type("StrictSiteHandler", (SiteHandler,), {"policy": strict_policy(site)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def requests_made() -> list[str]:
    return []


@pytest.fixture(scope="module")
def console_problems() -> list[str]:
    return []


@pytest.fixture(scope="module")
def browser(site: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = require_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, base_url: str, requests_made: list[str], console_problems: list[str]):  # type: ignore[no-untyped-def]
    host = urlsplit(base_url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")

    def only_this_server(route) -> None:  # type: ignore[no-untyped-def]
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == host:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    page.on("request", lambda request: requests_made.append(request.url))
    page.on("console", lambda message: console_problems.append(f"{page.url}: {message.text}")
            if message.type == "error" and "404" not in message.text else None)
    page.on("pageerror", lambda error: console_problems.append(f"{page.url}: {error}"))
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


def paragraph_in_view(page, number: int) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate(
        """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.top < window.innerHeight; }""", f"p{number}"))


def test_search_for_locarno_lists_the_seed(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(base_url)
    results = page.locator(".md-search-result__item a[href*='cables/05ALMATY753']")
    # The search worker loads the index in the background; a query typed before it is
    # ready may be dropped, so type it again until results show (bounded).
    for _attempt in range(6):
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.fill("input.md-search__input", "")
        page.locator("input.md-search__input").press_sequentially("Locarno", delay=20)
        try:
            results.first.wait_for(state="visible", timeout=2_500)
            break
        except PlaywrightTimeout:
            continue
    assert results.count() >= 1
    assert "05ALMATY753" in page.locator(".md-search-result").inner_text()


def test_seed_page_shows_27_paragraphs_and_saves_a_screenshot(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    assert page.title().startswith("05ALMATY753 — KAZAKHSTAN: SPECIAL 301")
    assert page.locator("h1").first.inner_text() == "05ALMATY753 — KAZAKHSTAN: SPECIAL 301"
    assert page.locator("a.paragraph-link").count() == 27
    assert [page.locator(f"#p{number}").count() for number in range(1, 28)] == [1] * 27
    assert page.locator(".cable-card").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-cable.png"), full_page=False)


def test_paragraph_permalink_scrolls_to_it(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/#p5")
    page.wait_for_function("() => document.getElementById('p5').getBoundingClientRect().top < innerHeight")
    assert paragraph_in_view(page, 5)
    assert not paragraph_in_view(page, 1)
    page.goto(f"{base_url}cables/{SEED_ID}/")
    page.locator("#p12").click()
    assert page.url.endswith("#p12")
    assert paragraph_in_view(page, 12)


def test_paragraphs_5_to_7_above_goes_to_paragraph_5(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    link = page.locator("a.text-ref", has_text=re.compile(r"paragraphs 5-7 above"))
    assert link.count() == 1
    assert link.get_attribute("href") == "#p5"
    link.click()
    assert page.url.endswith("#p5")
    page.wait_for_function("() => document.getElementById('p5').getBoundingClientRect().top < innerHeight")
    assert paragraph_in_view(page, 5)


def test_reftel_links_to_its_reference(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    link = page.locator("a.text-ref", has_text="Reftel B").first
    assert link.get_attribute("href") == "#ref-b"
    assert "04 ALMATY 000591" in (link.get_attribute("title") or link.get_attribute("data-title") or "")
    assert "not in the archive" in page.locator("tr", has=page.locator("#ref-b")).inner_text()


def test_reference_to_a_cable_in_the_archive_opens_it(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/08CAIRO348/")
    page.locator(".cable-card a", has_text="08CAIRO201").first.click()
    page.wait_for_url(re.compile(r"/cables/08CAIRO201/$"))
    assert page.locator("h1").first.inner_text().startswith("08CAIRO201")
    cited_by = page.locator("tr", has_text="Cited by")
    assert "08CAIRO348" in cited_by.inner_text()


def test_tag_links_to_its_explained_tag_page(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    page.locator(".cable-card a.tag", has_text="KIPR").click()
    page.wait_for_url(re.compile(r"/browse/tags/kipr/$"))
    assert "Intellectual property rights" in page.locator("article").inner_text()
    assert page.locator(f"a[href*='{SEED_ID}']").count() >= 1


def test_hover_explains_tags_and_acronyms(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    page.locator(".cable-card a.tag", has_text="KIPR").hover()
    tooltip = page.locator("[class*='md-tooltip'][class*='--active']")
    tooltip.first.wait_for(state="visible")
    assert "Intellectual property rights" in tooltip.first.inner_text()
    page.locator("article abbr", has_text="USTR").first.hover()
    page.locator("[class*='md-tooltip'][class*='--active']", has_text="Trade Representative").first.wait_for(
        state="visible")


def test_machine_readable_data_is_linked_and_parses(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    href = page.locator(".cable-card a", has_text=f"{SEED_ID}.json").get_attribute("href")
    data = page.request.get(f"{base_url}cables/{SEED_ID}/{href}").json()
    assert data["id"] == SEED_ID and len(data["paragraphs"]) == 27
    catalog = page.request.get(f"{base_url}catalog.json").json()
    assert SEED_ID in {entry["id"] for entry in catalog["cables"]}


def test_statistics_page_screenshot(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/statistics/")
    assert SEED_ID in page.locator("h1").first.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-statistics.png"))


def test_a_chart_renders(page, base_url: str, site: Path) -> None:  # type: ignore[no-untyped-def]
    assert (site / "briefing" / "statistics" / "index.html").exists(), "no statistics index page"
    page.goto(f"{base_url}briefing/statistics/")
    chart = page.locator("article svg").first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 50
    ARTIFACTS.mkdir(exist_ok=True)
    chart.screenshot(path=str(ARTIFACTS / "statistics-chart.png"))


def test_404_page_helps(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(f"{base_url}cables/NOSUCHCABLE/")
    assert response is not None and response.status == 404
    assert "Page not found" in page.locator("h1").first.inner_text()
    assert page.locator("article a[href='/browse/']").count() == 1
    # Its stylesheet loaded although the page was served at a nested path.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")


def test_dark_palette_toggles(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/{SEED_ID}/")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


def test_no_script_error_or_policy_violation(console_problems: list[str]) -> None:
    """Every page above ran under the strict policy without a violation or a script error."""
    assert console_problems == []


def test_print_shows_only_the_cable(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}cables/08CAIRO348/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--secondary', '.md-footer', '.cable-pager']
        .map(selector => document.querySelector(selector))
        .filter(element => element !== null)
        .map(element => getComputedStyle(element).display)""")
    assert hidden and set(hidden) == {"none"}
    assert page.locator("h1").first.is_visible() and page.locator(".cable-card").is_visible()
    assert page.locator("#p5").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "print-08CAIRO348.png"))


def test_every_request_went_to_localhost(requests_made: list[str], base_url: str) -> None:
    """Runs last in this module: everything the pages above loaded came from the test server."""
    assert requests_made, "no page was loaded"
    host = urlsplit(base_url).netloc
    outside = sorted({url for url in requests_made if urlsplit(url).scheme not in ("data", "blob")
                      and urlsplit(url).netloc != host})
    assert outside == [], f"requests to other hosts: {outside}"


def test_missing_browser_skips_with_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "chromium_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install chromium.*pip install -e '\.\[test\]'"):
        require_browser()


def test_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "chromium_path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is not installed"):
        require_browser()
