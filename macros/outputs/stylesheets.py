"""One stylesheet per first view: the sheets every page links (Material's main and palette, then mkdocs.yml's
``extra_css``) joined into ``stylesheets/gabungan.css``, in their order, and each page linking that one file.

Why: a stylesheet in the head blocks the first paint until it arrives, and on a phone's slow link each one
costs a request of its own. Five of them (two of Material's, our extra.css, cetak.css, offline.css) made
Lighthouse's mobile run count about 300 ms of render-blocking per sheet and put the SOP page's largest paint at
1.6 s (performance 98-100); joined, the same bytes arrive as one file (1.4 s, issue 18). MkDocs and Material
link each sheet on its own and have no setting to bundle them, and the bundlers that do (esbuild,
lightningcss, PostCSS) are npm tools the Python-only build cannot run, so this step does it. The sheets have
no ``@import`` and no ``url()`` to a file (checked: a sheet with one would stay unjoined), so joining them
changes no rule. The source files stay separate in ``docs/stylesheets/``, and in the built site for anything
that names them; pages' own sheets (kuis.css, susun.css) are not joined: only the pages that use them load them.

Runs after ``minify`` (which trims and minifies each sheet) and before ``csp`` and the offline worker, which
then list the joined file like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.outputs.built import BuiltSite

#: The joined file, relative to the site root.
JOINED = "stylesheets/gabungan.css"
#: A run of stylesheet links in a page's head, as Material writes them (one per line after ``squeeze_html``).
_RUN = re.compile(r'<link rel="stylesheet" href="[^"]+">(?:\s*<link rel="stylesheet" href="[^"]+">)+')
_HREF = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_CHARSET = re.compile(r'^@charset\s+"[^"]*";\s*', re.IGNORECASE)
_FILE_REFERENCE = re.compile(r"@import|url\(\s*(?![\"']?data:)", re.IGNORECASE)


def shared_sheets(site_dir: Path) -> list[str]:
    """Return the site-relative paths of the stylesheets Beranda links first, in order (none without Beranda)."""
    home = site_dir / "index.html"
    if not home.is_file():
        return []
    run = _RUN.search(home.read_text(encoding="utf-8"))
    return _HREF.findall(run.group(0)) if run else []


def join_css(texts: list[str]) -> str | None:
    """Return the sheets as one, in order: one ``@charset`` at the start (all are UTF-8), nothing else changed.

    None when a sheet loads another file (``@import``, ``url()``): joined into another folder, the address it
    names would change, so such sheets stay as they are.
    """
    if any(_FILE_REFERENCE.search(text) for text in texts):
        return None
    return '@charset "UTF-8";' + "\n".join(_CHARSET.sub("", text) for text in texts)


def relink(html: str, sheets: list[str]) -> str:
    """Return ``html`` with its run of links to ``sheets`` (in that order) replaced by one link to the joined file,
    behind the same prefix the page puts before the shared paths (``../../``, ``/``, ``/buku-saku/2026.2/``).
    A page whose run differs is left as it is.
    """
    for run in _RUN.finditer(html):
        hrefs = _HREF.findall(run.group(0))
        if len(hrefs) != len(sheets):
            continue
        prefix = hrefs[0][: len(hrefs[0]) - len(sheets[0])]
        if all(href == prefix + sheet for href, sheet in zip(hrefs, sheets, strict=True)):
            link = f'<link rel="stylesheet" href="{prefix}{JOINED}">'
            return html[: run.start()] + link + html[run.end():]
    return html


def join_stylesheets(site_dir: Path) -> None:
    """Write the joined sheet and relink every page of ``site_dir`` to it (nothing when the sheets cannot be joined)."""
    sheets = shared_sheets(site_dir)
    if len(sheets) < 2 or any(s.startswith(("/", "http:", "https:")) or not (site_dir / s).is_file() for s in sheets):
        return
    joined = join_css([(site_dir / s).read_text(encoding="utf-8") for s in sheets])
    if joined is None:
        return
    (site_dir / JOINED).write_text(joined, encoding="utf-8")
    for path in BuiltSite(site_dir).html_files():
        html = path.read_text(encoding="utf-8")
        changed = relink(html, sheets)
        if changed != html:
            path.write_text(changed, encoding="utf-8")
