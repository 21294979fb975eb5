"""Print how the build scales: build time, peak memory and page sizes at 145 (real), 1,000 and 5,000 records.

For each size, a synthetic handbook (bench/generate.py) is built twice:

- ours: ``tksk build`` (validation, generated pages, strict link checks, search index, offline worker);
- plain: MkDocs + Material alone on the same generated Markdown (each page with the glossary
  abbreviations it uses written at its end, as ours appends them), the same menu and Markdown
  extensions, Material's default search, and no plugin of ours. This is the reference: the cost of the
  theme and the engine for these pages.

Printed per size: build seconds and peak memory (``/usr/bin/time``), the HTML size of an SOP page, an FAQ
page and the largest page with its path. Targets (issue 8): 5,000 records in <= 60 s on this 2-core
machine, <= 1.3x the plain build, HTML per page independent of the record count.

    .venv/bin/python bench/scale.py                 # 145, 1000 and 5000
    .venv/bin/python bench/scale.py 1000            # only the sizes given
    .venv/bin/python bench/scale.py --profile 5000  # also where our build's time goes (cProfile, top 25)

Figures are printed, not asserted: compare them across commits.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.glue.used_abbr import definitions, used  # noqa: E402
from macros.load.handbook import load_handbook  # noqa: E402
from macros.render.abbreviations import abbreviations_markdown  # noqa: E402
from macros.render.navigation import extend_nav  # noqa: E402
from macros.render.renderer import Renderer  # noqa: E402
from tests.support.scaled_data import generate  # noqa: E402

SIZES = (145, 1000, 5000)
#: The pages whose size is followed from size to size (they exist in every generated handbook).
SOP_PAGE = "sop/verval-data-kpm/index.html"
FAQ_PAGE = "faq/bpnt-dan-program-sembako/index.html"
PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    peak_mib: float
    sop_kb: float
    faq_kb: float
    largest: str
    largest_kb: float


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run ``command``; return wall seconds and peak resident memory in MiB (``/usr/bin/time -v``)."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, peak / 1024


def sizes(site: Path, seconds: float, peak: float) -> Run:
    pages = [p for p in site.rglob("*.html") if "print_page" not in p.parts]
    largest = max(pages, key=lambda p: p.stat().st_size)
    kb = lambda p: p.stat().st_size / 1024  # noqa: E731
    return Run(seconds, peak, kb(site / SOP_PAGE), kb(site / FAQ_PAGE), largest.relative_to(site).as_posix(), kb(largest))


def build_ours(project: Path, site: Path) -> Run:
    seconds, peak = timed([PYTHON, "-m", "macros", "build", "--root", str(project), "--site-dir", str(site)], ROOT)
    return sizes(site, seconds, peak)


def plain_project(project: Path, dest: Path) -> Path:
    """Write a plain MkDocs + Material project with our generated pages, menu and Markdown extensions."""
    if dest.exists():
        shutil.rmtree(dest)
    handbook = load_handbook(project)
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs)  # hand-written pages; their macro calls stay as text here
    (dest / ".generated").mkdir()
    glossary = dest / ".generated" / "abbreviations.md"
    glossary.write_text(abbreviations_markdown(handbook), encoding="utf-8")
    known = definitions(glossary)
    pages = {p.src_uri: p.markdown for p in Renderer(handbook).record_pages()}
    pages |= {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.glob("*.md")}
    for src_uri, markdown in pages.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = markdown.splitlines()
        path.write_text("\n".join([*lines, "", *used(lines, known)]) + "\n", encoding="utf-8")
    ours = yaml.safe_load(re.sub(r"!!python/name:\S+|!ENV \[[^\]]*\]", "null", (project / "mkdocs.yml").read_text()))
    config = {
        "site_name": ours["site_name"],
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "id", "font": False, "features": ours["theme"]["features"]},
        "plugins": ["search"],
        "markdown_extensions": [
            "abbr", "admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}},
            "pymdownx.details", "pymdownx.superfences",
        ],
        "nav": extend_nav(ours["nav"], handbook),
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def build_plain(project: Path, work: Path) -> Run:
    plain = plain_project(project, work / "plain")
    site = work / "plain-site"
    seconds, peak = timed([PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], plain)
    return sizes(site, seconds, peak)


def profile(project: Path, work: Path, top: int = 25) -> None:
    """Print where our build spends its time (cumulative), for finding what to make cheaper."""
    out = work / "profile.out"
    subprocess.run([PYTHON, "-m", "cProfile", "-o", str(out), "-m", "macros", "build", "--root", str(project),
                    "--site-dir", str(work / "profile-site")], cwd=ROOT, check=True, capture_output=True)
    import pstats

    pstats.Stats(str(out)).sort_stats("cumulative").print_stats(top)


def report(name: str, run: Run) -> None:
    print(f"  {name}: build {run.seconds:6.1f} s, peak {run.peak_mib:5.0f} MiB; HTML: SOP {run.sop_kb:5.1f} KB, "
          f"FAQ {run.faq_kb:5.1f} KB, largest {run.largest_kb:6.1f} KB ({run.largest})", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), help="record counts (default 145 1000 5000)")
    parser.add_argument("--profile", action="store_true", help="also profile our build at the largest size")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        work = Path(tmp)
        rows = []
        for records in args.sizes:
            project = generate(work / f"hb-{records}", records)
            count = sum(load_handbook(project).counts().values())
            print(f"\n{count} records", flush=True)
            ours = build_ours(project, work / f"site-{records}")
            report("ours ", ours)
            plain = build_plain(project, work / f"plain-{records}")
            report("plain", plain)
            rows.append((count, ours, plain))
            print(f"  ours / plain: {ours.seconds / plain.seconds:.2f}x", flush=True)
            shutil.rmtree(work / f"plain-{records}", ignore_errors=True)
        print("\nrecords  ours s  plain s  ratio  ours MiB  SOP KB  FAQ KB  largest KB")
        for count, ours, plain in rows:
            print(f"{count:7d}  {ours.seconds:6.1f}  {plain.seconds:7.1f}  {ours.seconds / plain.seconds:5.2f}  "
                  f"{ours.peak_mib:8.0f}  {ours.sop_kb:6.1f}  {ours.faq_kb:6.1f}  {ours.largest_kb:10.1f}")
        print("targets: 5,000 records <= 60 s, <= 1.3x plain, SOP/FAQ page size flat across sizes")
        if args.profile:
            profile(work / f"hb-{args.sizes[-1]}", work)


if __name__ == "__main__":
    main()
