"""Our own link check over built HTML: every internal link, script, style and anchor resolves to a file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Targets(HTMLParser):
    """Collects the addresses a page points to, and the ids its anchors can reach."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "source") and a.get("src"):
            self.links.append(a["src"])
        if tag == "link" and a.get("href") and not {"canonical", "alternate"} & set((a.get("rel") or "").split()):
            self.links.append(a["href"])


def broken_links(root: Path, prefix: str = "/") -> list[str]:
    """Return ``page -> link`` for every internal link under ``root`` that reaches no file, or no such anchor.

    ``prefix`` is the path the site is published at (``/buku-saku/``): root-absolute links under it point into
    ``root``. 404 pages are skipped: they are served for any missing address, so MkDocs gives them root-absolute links.
    """
    pages: dict[Path, _Targets] = {}
    for path in root.rglob("*.html"):
        parser = _Targets()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    broken = []
    for path, page in pages.items():
        if path.name == "404.html":
            continue
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(prefix):
                    broken.append(f"{path.relative_to(root.resolve())} -> {href} (outside the site)")
                    continue
                target = (root / unquote(parts.path.removeprefix(prefix))).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(root.resolve())} -> {href}"
            if not target.is_file():
                broken.append(where)
            elif (parts.fragment and "=" not in parts.fragment  # "#modul=a,b&mulai=08.00": state the page's script reads
                  and target.suffix == ".html" and parts.fragment not in pages[target].ids):
                broken.append(where + " (anchor)")
    return broken
