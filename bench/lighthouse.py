"""Print Lighthouse's mobile scores for each kind of page, and the audits that fail, by id.

Run with `make lighthouse` (or `.venv/bin/python bench/lighthouse.py [--site-dir DIR] [--runs N]`).
Needs node and `npm ci` (package.json pins Lighthouse); Lighthouse drives Debian's /usr/bin/chromium
(CHROME_PATH) with the project's browser flags, and never downloads a browser.

Lighthouse's mobile preset (a mid-range phone: 4x CPU slowdown, slow 4G, simulated) against
macros/tools/serve.py, which serves the build gzip-compressed as a static host does. The same kinds of page
as bench/pages.py. Performance varies from run to run on a busy machine: with ``--runs N`` each page
is measured N times and the run with the median performance score is reported, as Lighthouse's own
documentation advises. Targets (issue 18): 100 in all four categories.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import CHROMIUM, LAUNCH_ARGS, page_types  # noqa: E402
from macros.tools.serve import serving  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def run_lighthouse(url: str, out: Path) -> dict:
    """Run Lighthouse once on ``url`` (mobile preset) and return its report."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(LAUNCH_ARGS)}",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {cat: round((report["categories"][cat]["score"] or 0) * 100) for cat in CATEGORIES}


def failing(report: dict) -> list[str]:
    """Return "category: audit-id (score, value)" for each audit below its full score: the scored ones, and the
    pass/fail checks Lighthouse lists in a category without weighing them (label-content-name-mismatch, issue 18)."""
    lines = []
    audits = report["audits"]
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = audits[ref["id"]]
            weighed = ref.get("weight", 0) > 0
            if audit.get("score") is None or audit["score"] >= 1 or not (weighed or audit.get("scoreDisplayMode") == "binary"):
                continue
            value = audit.get("displayValue", "")
            lines.append(f"{cat}: {ref['id']} (score {audit['score']:.2f}{', ' + value if value else ''}"
                         f"{'' if weighed else ', not weighed'})")
    return lines


def metrics(report: dict) -> str:
    audits = report["audits"]
    names = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
             "cumulative-layout-shift": "CLS", "speed-index": "SI"}
    return ", ".join(f"{short} {audits[key].get('displayValue', '?')}" for key, short in names.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build the real handbook into a temporary folder)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median by performance is reported")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` in the project folder (make lighthouse does).", file=sys.stderr)
        return 1
    if not shutil.which(CHROMIUM):
        print(f"{CHROMIUM} is missing: `make chromium` installs Debian's Chromium.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "macros", "build", "--site-dir", str(site)], cwd=ROOT, check=True,
                           capture_output=True)
        header = f"{'page':<15} {'path':<38} " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES)
        rows, problems = [], []
        with serving(site) as base:
            for name, path in page_types(site).items():
                reports = [run_lighthouse(base + path, Path(tmp) / f"lh-{i}.json") for i in range(args.runs)]
                reports.sort(key=lambda r: scores(r)["performance"])
                report = reports[len(reports) // 2]
                got = scores(report)
                flag = "" if all(got[c] >= TARGETS[c] for c in CATEGORIES) else "  below target"
                rows.append(f"{name:<15} {path:<38} " + " ".join(f"{got[c]:>11}" for c in CATEGORIES) + flag)
                rows.append(f"{'':<15} {metrics(report)}")
                problems += [f"{name} {path}: {line}" for line in failing(report)]
        print(header)
        print("\n".join(rows))
        print("targets: " + ", ".join(f"{c} {t}" for c, t in TARGETS.items())
              + f" (Lighthouse mobile preset; {args.runs} run(s) per page, median by performance)")
        print("failing audits:" if problems else "failing audits: none")
        for line in problems:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
