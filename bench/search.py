"""Print how well and how fast search works: ours (Pagefind) beside Material's default search on the same content.

Run with `.venv/bin/python bench/search.py` (about 5 minutes). It builds the real handbook twice into
a temporary folder: as it is, and as a variant with Material's `search` plugin (its defaults, with
search.suggest and search.highlight) instead of ours. Then, in Debian's Chromium at a 360 px phone
viewport, against macros/tools/serve.py (gzip, as a static host serves the files):

- recall@3 over two query sets for both: tests/outputs/data/pencarian.yml (80 queries: words, acronyms, long forms)
  and tests/outputs/data/pencarian-lapangan.yml (whole questions and everyday words as TKSK type them in the field),
  each query typed into the search box as a reader does, the first three pages of the result list compared with the
  pages the query should find;
- the time from the last keystroke to the results on screen, ours, with the CPU slowed 4x
  (CDP Emulation.setCPUThrottlingRate), for the query set typed one key every 80 ms: the first query
  after opening search (Pagefind's wasm and first index chunks load) and the others;
- what opening search costs (gzip bytes over the wire): ours when the reader opens it and searches
  once, Material's on every first page view (its index and worker load whether or not the reader searches).

`--site-dir DIR` and `--material-dir DIR` measure builds made before; `--verbose` lists each query.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from macros.tools.serve import serving  # noqa: E402

QUERY_SETS = {name: yaml.safe_load((ROOT / f"tests/outputs/data/{name}.yml").read_text(encoding="utf-8"))
              for name in ("pencarian", "pencarian-lapangan")}
QUERIES = QUERY_SETS["pencarian"]  # the latency run types these
TOP = 3
LATENCY_TARGET_MS = 100
CPU_SLOWDOWN = 4
KEY_DELAY_MS = 80
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "service_workers": "block"}
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides", "data")
#: Ours only: the variant keeps Material's own header and search partials.
OUR_SEARCH_PARTIALS = ("overrides/partials/header.html", "overrides/partials/search.html")


def build_ours(site: Path) -> None:
    run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], ROOT)


def build_material(work: Path, site: Path) -> None:
    """Build the same handbook with Material's default search plugin and its search features, not ours."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / part)
    for partial in OUR_SEARCH_PARTIALS:
        (work / partial).unlink()
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    config, plugins = re.subn(r"(?m)^plugins:\n  - buku-saku.*\n", lambda m: m.group(0) + "  - search\n", config)
    config, features = re.subn(r"(?m)^  features:\n", "  features:\n    - search.suggest\n    - search.highlight\n", config)
    config = re.sub(r"(?m)^strict: true$", "strict: false", config)  # lunr has no Indonesian: Material warns and uses English
    assert plugins == 1 and features == 1, "mkdocs.yml changed shape: update bench/search.py"
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml"), "-d", str(site)], work)


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{result.stdout}{result.stderr}")


def page_path(href: str) -> str:
    """Return the page of a result link: ``/sop/x/?h=a#b`` and ``http://host/sop/x/#b`` are ``/sop/x/``."""
    return "/" + re.sub(r"^https?://[^/]+/", "", href).split("#")[0].split("?")[0].lstrip("/")


def distinct(paths: list[str]) -> list[str]:
    return [p for i, p in enumerate(paths) if p not in paths[:i]]


def recall(found: list[str], wanted: list[str]) -> float:
    return sum(url in found[:TOP] for url in wanted) / len(wanted)


def type_query(page, query: str, delay: int = 0) -> None:
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=delay)


def ours_results(page, query: str) -> list[str]:
    page.evaluate("q => { window.__wanted = q; window.__shown = false; }", query)
    type_query(page, query)
    page.wait_for_function("() => window.__shown")
    return distinct([page_path(h) for h in page.locator(".md-search-result__item > a").evaluate_all("l => l.map(a => a.href)")])


def material_results(page, query: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")  # Material reads the query on keyup: an empty box shows its placeholder again
    page.wait_for_function("() => /Ketik/.test(document.querySelector('.md-search-result__meta').textContent)")
    box.press_sequentially(query)
    page.wait_for_function("() => /dokumen/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(300)  # the answer to the last key, not to a shorter prefix
    links = page.locator(".md-search-result__list > .md-search-result__item > a").evaluate_all("l => l.map(a => a.href)")
    return distinct([page_path(h) for h in links])


OURS_LISTENER = """() => {
  window.__shown = false;
  document.addEventListener("cari:hasil", e => {
    if (e.detail.query === window.__wanted) { window.__shown = true; window.__at = performance.now(); }
  });
  document.addEventListener("keydown", () => { window.__key = performance.now(); }, true);
}"""


def measure_recall(base: str, browser, ours: bool, verbose: bool, queries: list[dict]) -> float:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "/", wait_until="networkidle")
    if ours:
        page.evaluate(OURS_LISTENER)
    page.locator('.md-header label.md-header__button[for="__search"]').tap()
    total = 0.0
    for query in queries:
        found = ours_results(page, query["cari"]) if ours else material_results(page, query["cari"])
        score = recall(found, query["halaman"])
        total += score
        if verbose and score < 1:
            print(f"  {'ours' if ours else 'material'} {score:.2f} {query['cari']!r}: wanted {query['halaman']}, got {found[:TOP]}")
    context.close()
    return total / len(queries)


def measure_latency(base: str, browser) -> tuple[float, list[float]]:
    """Return the first query's and the other queries' times (ms) from the last keystroke to the results on screen."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "/", wait_until="networkidle")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.evaluate(OURS_LISTENER)
    page.keyboard.press("/")
    times = []
    for query in QUERIES:
        text = query["cari"]
        page.evaluate("q => { window.__wanted = q; window.__shown = false; }", text)
        type_query(page, text, delay=KEY_DELAY_MS)
        page.wait_for_function("() => window.__shown", timeout=30_000)
        times.append(page.evaluate("() => window.__at - window.__key"))
    context.close()
    return times[0], times[1:]


def opening_cost(base: str, site: Path, browser, ours: bool) -> tuple[int, int]:
    """Return the gzip bytes and count of search files a phone downloads: ours on opening and one search, Material's on a page view."""
    context = browser.new_context(**PHONE)
    sizes: dict[str, int] = {}

    def finished(request):
        if any(part in request.url for part in ("/pagefind/", "/search/", "/workers/search.", "/javascripts/cari.js")):
            size = request.sizes()["responseBodySize"]
            if not size:  # a worker's script is reported as 0 bytes: counted as the preview sends it, gzip
                size = len(gzip.compress((site / request.url.removeprefix(base + "/").split("?")[0]).read_bytes()))
            sizes[request.url] = size

    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(base + "/sop/verval-data-kpm/", wait_until="networkidle")
    if ours:
        page.evaluate(OURS_LISTENER)
        page.evaluate("() => { window.__wanted = 'verval'; }")
        page.keyboard.press("/")
        page.locator(".md-search__input").press_sequentially("verval", delay=30)
        page.wait_for_function("() => window.__shown")
        page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes.values()), len(sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, help="our build, made before")
    parser.add_argument("--material-dir", type=Path, help="the build with Material's search, made before")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        ours_site = args.site_dir or Path(tmp) / "ours"
        material_site = args.material_dir or Path(tmp) / "material"
        if not args.site_dir:
            build_ours(ours_site)
        if not args.material_dir:
            (Path(tmp) / "project").mkdir()
            build_material(Path(tmp) / "project", material_site)
        with sync_playwright() as p, serving(ours_site) as ours, serving(material_site) as material:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            recall = {name: (measure_recall(ours, browser, True, args.verbose, queries),
                             measure_recall(material, browser, False, args.verbose, queries))
                      for name, queries in QUERY_SETS.items()}
            first, others = measure_latency(ours, browser)
            cost_ours, files_ours = opening_cost(ours, ours_site, browser, True)
            cost_material, files_material = opening_cost(material, material_site, browser, False)
            browser.close()

    print("Search, Chromium at 360 px, gzip preview")
    print(f"{'':44}{'ours (Pagefind)':>18}{'Material (lunr)':>18}")
    for name, (mine, theirs) in recall.items():
        print(f"{f'recall@3, {len(QUERY_SETS[name])} queries ({name}.yml)':44}{mine:>18.3f}{theirs:>18.3f}")
    print(f"{'search download (gzip)':44}{cost_ours / 1000:>15.1f} KB{cost_material / 1000:>15.1f} KB")
    print(f"{'  when':44}{'on opening search':>18}{'every first view':>18}")
    print(f"{'  files':44}{files_ours:>18}{files_material:>18}")
    print(f"Keystroke to results at {CPU_SLOWDOWN}x CPU slowdown, keys every {KEY_DELAY_MS} ms (target <= {LATENCY_TARGET_MS} ms):")
    print(f"  first query after opening search (loads the engine and index chunks): {first:.0f} ms")
    print(f"  the other {len(others)} queries: median {statistics.median(others):.0f} ms, "
          f"90th percentile {statistics.quantiles(others, n=10)[-1]:.0f} ms, max {max(others):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
