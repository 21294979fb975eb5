"""Print what the offline copy costs a phone: the first visit, and a new edition that changes one record.

    .venv/bin/python bench/offline.py                  # today's handbook, then 1,000 and 5,000 records
    .venv/bin/python bench/offline.py --sizes 1000     # only some synthetic sizes (0: none)

1. Today's handbook is built twice into folders: as it is, and (in a temporary copy) with one FAQ answer
   reworded; printed: the files whose revision changed, their count and gzip bytes. This is the build's
   side only; what a phone really downloads across two published editions is bench/editions.py's figure.
2. The first-visit download for offline reading (gzip bytes, the worker itself included) of today's
   handbook and of synthetic handbooks of 1,000 and 5,000 records (bench/generate.py): what is saved
   whole, and the sections and stages left for the reader's "Simpan" button. Budget: 2 MiB at every size.

Figures are printed, not asserted. Builds use `tksk build` (strict), one at a time: a 5,000-record build
takes minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.handbook import load_handbook  # noqa: E402
from macros.outputs.offline import BUDGET, SW_NAME, learning_stages, pages, plan  # noqa: E402
from tests.support.project import copy_project  # noqa: E402

#: One FAQ answer reworded (same facts, same source): the smallest real edit an editor makes.
EDIT = ("data/faq/bansos.yml", "Aturannya Permensos 20/2019.", "Program ini diatur dalam Permensos 20/2019.")


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def build(root: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros", "build", "--root", str(root), "--site-dir", str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build of {root} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def first_visit(root: Path, site: Path) -> None:
    chosen = plan(site, learning_stages(load_handbook(root)))
    worker = len(gzip.compress((site / SW_NAME).read_bytes(), 6))
    total = chosen.precache_bytes + worker
    all_pages = pages(site)
    saved = {e.url for e in chosen.precache}
    left = [g.page for g in chosen.groups.values() if not chosen.complete(g)]
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"  first visit: {kib(total)} gzip ({verdict} the {kib(BUDGET)} budget), {len(chosen.precache)} files; "
          f"pages saved {sum(p in saved for p in all_pages)} of {len(all_pages)}; worker {kib(worker)}")
    kinds = {"search (pagefind/)": 0, "pages": 0, "shell (CSS, JS, icons)": 0}
    for e in chosen.precache:
        page = e.url == "" or e.url.endswith("/")
        kinds["search (pagefind/)" if e.url.startswith("pagefind/") else "pages" if page else "shell (CSS, JS, icons)"] += e.gzip_bytes
    print("   " + "; ".join(f"{k} {kib(v)}" for k, v in kinds.items()))
    if left:
        print(f"  left for the reader's 'Simpan' button: {len(left)} sections/stages, e.g. "
              + ", ".join(f"{g} ({kib(chosen.bytes(chosen.groups[g].urls))})" for g in left[:4]))


def one_record_update(tmp: Path) -> None:
    first, second = tmp / "a-site", tmp / "b-site"
    seconds = build(ROOT, first)
    changed = copy_project(tmp / "b")
    path = changed / EDIT[0]
    text = path.read_text(encoding="utf-8")
    assert text.count(EDIT[1]) == 1, f"{EDIT[0]} no longer holds the sentence this benchmark rewords"
    path.write_text(text.replace(EDIT[1], EDIT[2]), encoding="utf-8")
    build(changed, second)
    old = {e.url: e.revision for e in plan(first, learning_stages(load_handbook(ROOT))).precache}
    new = plan(second, learning_stages(load_handbook(changed))).precache
    fetched = [e for e in new if old.get(e.url) != e.revision]
    worker = len(gzip.compress((second / SW_NAME).read_bytes(), 6))
    total = sum(e.gzip_bytes for e in fetched) + worker
    print(f"today's handbook ({len(pages(first))} pages; build {seconds:.1f} s)")
    first_visit(ROOT, first)
    print(f"  rebuilt into the same folder with one FAQ answer reworded (not a published edition: bench/editions.py "
          f"measures that): files whose revision changed {len(fetched)} + sw.js = {kib(total)} gzip, of which the search "
          f"index {kib(sum(e.gzip_bytes for e in fetched if e.url.startswith('pagefind/')))} (fetched when search is next "
          f"opened); the whole edition would be {kib(sum(e.gzip_bytes for e in new))}")
    for e in fetched:
        print(f"    {kib(e.gzip_bytes):>10}  {e.url or '(Beranda)'}")
    print(f"    {kib(worker):>10}  sw.js")


def synthetic(tmp: Path, records: int) -> None:
    from tests.support.scaled_data import generate

    root = generate(tmp / f"hb-{records}", records)
    site = tmp / f"site-{records}"
    seconds = build(root, site)
    print(f"synthetic handbook of {records:,} records ({len(pages(site))} pages; build {seconds:.0f} s)")
    first_visit(root, site)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000], help="synthetic handbook sizes (records)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-offline-") as tmp:
        one_record_update(Path(tmp))
        for records in [n for n in args.sizes if n]:
            synthetic(Path(tmp), records)


if __name__ == "__main__":
    main()
