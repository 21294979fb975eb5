"""Print what a phone downloads for each kind of page: the first view, and the next page with a warm cache.

Run with `.venv/bin/python bench/pages.py` (part of `make bench`); `--site-dir DIR` measures a site that is
already built instead of building the real handbook into a temporary folder; `--verbose` lists each file.

Measured in Debian's Chromium at a 360 px phone viewport against macros/tools/serve.py, which serves the
build as a static host does (gzip, max-age, ETag), from the browser's network log: every response the
page actually requests (HTML, CSS, JS, icons, fonts, images), counted as the compressed bytes of its body
as they came over the wire (a file taken from the cache counts 0; response headers, a few hundred bytes
per file and compressed by HTTP/2 on a real host, are printed apart). Left out and printed apart: search (pagefind/, and Material's search/
index and worker), which loads only when the reader opens search. The service worker is blocked, so
the offline copy it saves in the background is not counted here (bench/run.py measures it).

Budgets (issue 8): first view <= 65 KB, next page <= 10 KB (1 KB = 1,000 bytes, as the issue's figures).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from macros.tools.serve import serving  # noqa: E402

FIRST_VIEW_BUDGET = 65_000
NEXT_PAGE_BUDGET = 10_000
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
#: Loaded only when the reader opens search: counted apart from the page.
SEARCH_PARTS = ("/pagefind/", "/search/", "/assets/javascripts/workers/search.")


def page_types(site: Path) -> dict[str, str]:
    """Return one page of each kind of the built handbook, by kind: {"SOP": "/sop/verval-data-kpm/", ...}."""

    def first(section: str, marker: str = "") -> str:
        for page in sorted((site / section).glob("*/index.html")):
            if not marker or marker in page.read_text(encoding="utf-8"):
                return f"/{section}/{page.parent.name}/"
        raise SystemExit(f"no page in {section}/" + (f" with {marker!r}" if marker else ""))

    return {
        "Beranda": "/",
        "SOP": first("sop"),
        "Regulasi": first("regulasi"),
        "FAQ (indeks)": "/faq/",
        "Glosarium": "/glosarium/",
        "Modul belajar": first("kurikulum", 'class="kuis-soal"'),
    }


@dataclass
class Load:
    """The responses of one page load: (url, body bytes on the wire, header bytes, from cache)."""

    files: list[tuple[str, int, int, bool]] = field(default_factory=list)

    def bytes(self, search: bool = False) -> int:
        return sum(size for url, size, _, _ in self.files if is_search(url) == search)

    def header_bytes(self) -> int:
        return sum(head for url, _, head, _ in self.files if not is_search(url))

    def count(self, search: bool = False) -> int:
        return sum(1 for url, size, _, _ in self.files if is_search(url) == search and size)


def is_search(url: str) -> bool:
    return any(part in url for part in SEARCH_PARTS)


def load(page, cdp, url: str) -> Load:
    """Open ``url`` in ``page`` and return what the network log saw until the network went quiet."""
    urls: dict[str, str] = {}
    cached: set[str] = set()
    headers: dict[str, int] = {}
    done = Load()

    def sent(event):
        urls[event["requestId"]] = event["request"]["url"]

    def received(event):
        response = event["response"]
        headers[event["requestId"]] = int(response.get("encodedDataLength", 0))
        if response.get("fromDiskCache") or response.get("fromServiceWorker") or response.get("fromPrefetchCache"):
            cached.add(event["requestId"])

    def finished(event):
        rid = event["requestId"]
        if rid in urls:
            total, head = int(event["encodedDataLength"]), headers.get(rid, 0)
            if total == 0 or rid in cached:  # taken from the cache: nothing came over the wire
                total = head = 0
            done.files.append((urls[rid], max(total - head, 0), head, rid in cached))

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    cdp.remove_listener("Network.requestWillBeSent", sent)
    cdp.remove_listener("Network.responseReceived", received)
    cdp.remove_listener("Network.loadingFinished", finished)
    return done


def measure(base: str, kinds: dict[str, str], verbose: bool) -> list[tuple[str, str, Load, str, Load]]:
    from playwright.sync_api import sync_playwright

    rows = []
    names = list(kinds)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for i, name in enumerate(names):
            # First view: a new phone (empty cache) opens this page.
            context = browser.new_context(**PHONE, service_workers="block")
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            first = load(page, cdp, base + kinds[name])
            context.close()
            # Next page: a phone that has just read a page of another kind taps through to this one.
            before = names[i - 1]
            context = browser.new_context(**PHONE, service_workers="block")
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            load(page, cdp, base + kinds[before])
            nxt = load(page, cdp, base + kinds[name])
            context.close()
            rows.append((name, kinds[name], first, before, nxt))
            if verbose:
                for label, got in (("first view", first), (f"next page (from {before})", nxt)):
                    print(f"  {name} — {label}:")
                    for url, size, _, from_cache in got.files:
                        note = " (search, not counted)" if is_search(url) else (" (from cache)" if from_cache else "")
                        print(f"    {size:>7,} B  {url.removeprefix(base)}{note}")
        browser.close()
    return rows


def report(rows) -> bool:
    """Print the table; return True when every page is within both budgets."""
    ok = True
    print(f"{'page':<15} {'path':<38} {'first view':>11} {'next page':>10}  {'headers':>8}  search (apart)")
    for name, path, first, before, nxt in rows:
        a, b = first.bytes(), nxt.bytes()
        flag = ("" if a <= FIRST_VIEW_BUDGET else " OVER") + ("" if b <= NEXT_PAGE_BUDGET else " OVER-next")
        ok = ok and not flag
        print(f"{name:<15} {path:<38} {a / 1000:>8.1f} KB {b / 1000:>7.1f} KB  {first.header_bytes() / 1000:>5.1f} KB"
              f"  {first.bytes(search=True) / 1000:.1f} KB  [{first.count()} files; next from {before}: {nxt.count()}]{flag}")
    print(f"budgets: first view <= {FIRST_VIEW_BUDGET / 1000:.0f} KB, next page <= {NEXT_PAGE_BUDGET / 1000:.0f} KB "
          "(gzip body bytes; headers of the first view apart; search apart; service worker blocked)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build the real handbook into a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="list every file of every load")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir
        if site is None:
            import subprocess

            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], cwd=ROOT, check=True,
                           capture_output=True)
        with serving(site) as base:
            rows = measure(base, page_types(site), args.verbose)
        ok = report(rows)
    print("all pages within budget" if ok else "some pages are over budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
