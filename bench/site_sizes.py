"""Page sizes readers download: the seed's cable page and the home page, for the bundled
archive and for a 1,000-cable archive (the bundled cables plus synthetic ones made by
renumbering them, as bench/run.py does), the search index per cable, and the hashes of
the inline scripts a strict Content-Security-Policy would have to allow.

    python bench/site_sizes.py            # bundled and 1,000
    python bench/site_sizes.py 300        # bundled and 300
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "05ALMATY753"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _make_cables():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_cables


def build(root: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=root, env=environment,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, env=environment, check=True)
    return root / "site"


def measure(site: Path) -> dict[str, object]:
    cables = len(list((site / "cables").glob("*.json")))
    hashes = set()
    for page in site.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'")
    return {
        "cables": cables,
        "seed_page": (site / "cables" / SEED / "index.html").stat().st_size,
        "seed_page_gzip": len(gzip.compress((site / "cables" / SEED / "index.html").read_bytes(), mtime=0)),
        "home_page": (site / "index.html").stat().st_size,
        "search_index": (site / "search" / "search_index.json").stat().st_size,
        "catalog": (site / "catalog.json").stat().st_size,
        "inline_script_hashes": sorted(hashes),
    }


def main(argv: list[str]) -> None:
    total = int(argv[0]) if argv else 1000
    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-sizes-") as folder:
        bundled = Path(folder) / "bundled"
        bundled.mkdir()
        shutil.copytree(ROOT / "cables", bundled / "cables")
        results.append(("bundled", measure(build(bundled))))
        large = Path(folder) / "large"
        large.mkdir()
        shutil.copytree(ROOT / "cables", large / "cables")
        extra = total - len(list((ROOT / "cables").iterdir()))
        _make_cables()(extra, large / "synthetic")
        for path in (large / "synthetic").iterdir():
            path.rename(large / "cables" / path.name)
        results.append((f"{total:,}", measure(build(large))))
    print("archive | cables | seed cable page (gzip) | home page | search index | per cable | catalog.json")
    for name, result in results:
        print(f"{name} | {result['cables']} | {result['seed_page']:,} B ({result['seed_page_gzip']:,} B) | "
              f"{result['home_page']:,} B | "
              f"{result['search_index']:,} B | {result['search_index'] // max(1, result['cables']):,} B | "
              f"{result['catalog']:,} B")
    print("inline scripts (sha256) a strict CSP must allow:", " ".join(results[-1][1]["inline_script_hashes"]))


if __name__ == "__main__":
    main(sys.argv[1:])
