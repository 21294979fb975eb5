"""Offline reading: a service worker that keeps the handbook on the phone after the first visit.

Material for MkDocs has no service worker (its `offline` plugin is for opening files from disk), so
the handbook ships a small one of its own. It is generated after each build with the list of files of
that edition and a version computed from their content: a new edition replaces the old cache, and an
unchanged build keeps it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

SW_NAME = "sw.js"
#: Pages and files that must be cached for the handbook to open at all; the rest is best effort.
CORE_PAGES = ("", "offline/", "search/search_index.json")
TEMPLATE = Path(__file__).parent / "templates" / "sw.js"


def _shell_assets(site_dir: Path) -> list[str]:
    """Return the CSS and JS the home page links to, plus the search worker."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:src|href)="([^"#?]+\.(?:css|js))"', html)
    assets += [p.relative_to(site_dir).as_posix() for p in (site_dir / "assets/javascripts/workers").glob("search.*.min.js")]
    return sorted({a.removeprefix("./") for a in assets if "://" not in a})


def _pages(site_dir: Path) -> list[str]:
    """Return every page of the edition as a directory URL (``sop/verval-data-kpm/``)."""
    pages = []
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel == "print_page":  # the whole handbook on one page (print-site plugin): megabytes, for printing only
            continue
        pages.append("" if rel == "." else rel + "/")
    return sorted(pages)


def service_worker(site_dir: Path) -> str:
    """Return the service worker source for the site built in ``site_dir``."""
    core = [*CORE_PAGES, *_shell_assets(site_dir)]
    rest = [p for p in _pages(site_dir) if p not in core]
    digest = hashlib.sha256()
    for rel in core + rest:
        target = site_dir / rel / "index.html" if rel.endswith("/") or rel == "" else site_dir / rel
        digest.update(rel.encode())
        if target.is_file():
            digest.update(target.read_bytes())
    source = TEMPLATE.read_text(encoding="utf-8")
    return (source.replace("__VERSION__", digest.hexdigest()[:12])
                  .replace("__CORE__", json.dumps(["./" + c for c in core]))
                  .replace("__PAGES__", json.dumps(["./" + p for p in rest])))


def write_service_worker(site_dir: Path) -> Path:
    path = site_dir / SW_NAME
    path.write_text(service_worker(site_dir), encoding="utf-8")
    return path
