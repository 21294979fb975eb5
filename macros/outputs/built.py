"""A built site on disk, as the post-build steps see it: each page's address and the file that holds it.

MkDocs writes directory URLs: the page ``sop/verval-data-kpm.md`` is served at ``sop/verval-data-kpm/`` from
``sop/verval-data-kpm/index.html``, Beranda at ``""`` from ``index.html``. Every step (CSP, search, offline
worker) maps between the three through here, and reads Pagefind's fragments with ``fragment_url``.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

_FRAGMENT_URL = re.compile(rb'"url"\s*:\s*"([^"]*)"')


def page_url(src_uri: str) -> str:
    """Return the address of a Markdown page: ``glosarium/kpm.md`` -> ``glosarium/kpm/``, ``index.md`` -> ``""``."""
    path = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return path + "/" if path else ""


def fragment_url(data: bytes) -> str | None:
    """Return the page address a Pagefind fragment (gzip, after its ``pagefind_dcd`` mark) belongs to: ``/sop/x/``."""
    try:
        raw = zlib.decompress(data, 47)  # gzip or zlib header, whichever the file has
    except zlib.error:
        return None
    match = _FRAGMENT_URL.search(raw)
    return match.group(1).decode("utf-8", "replace") if match else None


@dataclass
class BuiltSite:
    """The folder MkDocs wrote, with every page's address found once (``pages``)."""

    root: Path
    _pages: list[str] | None = field(default=None, repr=False)

    def file(self, url: str) -> Path:
        """Return the file served at ``url`` (relative to the site's root): a page's ``index.html``, or the file itself."""
        return self.root / url / "index.html" if url == "" or url.endswith("/") else self.root / url

    @property
    def pages(self) -> list[str]:
        """Every page as its address (``sop/verval-data-kpm/``; Beranda ``""``), sorted."""
        if self._pages is None:
            found = []
            for path in self.root.rglob("index.html"):
                rel = path.parent.relative_to(self.root).as_posix()
                found.append("" if rel == "." else rel + "/")
            self._pages = sorted(found)
        return self._pages

    def html_files(self) -> list[Path]:
        """Every HTML file, pages and others (404.html)."""
        return sorted(self.root.rglob("*.html"))
