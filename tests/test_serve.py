"""`serve`: the real `mkdocs serve`, regenerating pages when a cable is added."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_regenerates_when_a_cable_is_added(archive: Path) -> None:
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(archive), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment, start_new_session=True,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: fetch(home) is not None), "mkdocs serve did not come up"
        assert "05ALMATY753" in fetch(home)
        added = (ROOT / "cables" / "05ALMATY2111.txt").read_text(encoding="utf-8")
        (archive / "cables" / "05ALMATY2111.txt").write_text(added, encoding="utf-8")
        page = archive / "docs" / "cables" / "05ALMATY2111" / "index.md"
        assert wait_for(page.exists), "the new cable's page was not generated"
        assert wait_for(lambda: "DEMARCHE ON DELIVERABLES" in (fetch(f"{home}cables/05ALMATY2111/") or "")), \
            "mkdocs serve did not serve the new page"
        (archive / "archive.yml").write_text("publish: [not, a, mapping]\n", encoding="utf-8")
        time.sleep(3)
        assert server.poll() is None, "a broken archive.yml stopped serve"
        assert fetch(home) is not None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
