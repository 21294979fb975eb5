"""Print the handbook's speed and size figures: load time, build time, page weight on a phone.

Run with `make bench`. Figures are printed, not asserted: compare them across commits.
"""

from __future__ import annotations

import gzip
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.handbook import load_handbook  # noqa: E402
from macros.render.renderer import Renderer  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Bytes (raw, gzip) a first visit to ``page`` downloads: its HTML plus the CSS and JS it links."""
    html = page.read_bytes()
    raw, packed = len(html), gz(html)
    for ref in re.findall(rb'(?:src|href)="([^"]+\.(?:css|js))"', html):
        asset = (page.parent / ref.decode()).resolve()
        if asset.is_file() and site in asset.parents:
            data = asset.read_bytes()
            raw, packed = raw + len(data), packed + gz(data)
    return raw, packed


def main() -> None:
    handbook = load_handbook(ROOT)
    print(f"records: {sum(handbook.counts().values())} " + " ".join(f"{k}={v}" for k, v in handbook.counts().items()))
    print(f"load+validate data/: {timed(lambda: load_handbook(ROOT)) * 1000:.0f} ms (best of 5)")
    print(f"render record pages: {timed(lambda: Renderer(handbook).record_pages()) * 1000:.0f} ms (best of 5)")

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], cwd=ROOT, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"full strict build (tksk build): best {min(times):.2f} s, median {statistics.median(times):.2f} s of 3")
        pages = sorted(site.rglob("index.html"))
        html = [p.stat().st_size for p in pages]
        print(f"pages: {len(pages)}; HTML per page: median {statistics.median(html) / 1024:.1f} KiB, max {max(html) / 1024:.1f} KiB")
        for rel in ("index.html", "sop/verval-data-kpm/index.html", "faq/index.html"):
            raw, packed = page_weight(site, site / rel)
            print(f"first visit {rel}: {raw / 1024:.0f} KiB raw, {packed / 1024:.0f} KiB gzip (HTML+CSS+JS)")
        index = site / "search" / "search_index.json"
        print(f"search index: {index.stat().st_size / 1024:.0f} KiB raw, {gz(index.read_bytes()) / 1024:.0f} KiB gzip")
        saved = sum(gz(p.read_bytes()) for p in pages) + gz(index.read_bytes())
        print(f"offline copy saved after the first visit: {len(pages)} pages + search index, ~{saved / 1024:.0f} KiB gzip transferred")
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"whole site: {total / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
