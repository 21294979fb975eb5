"""Repairs to the print page (print_page/, mkdocs-print-site-plugin) before the pipeline secures it.

The plugin makes each page's anchors unique by prefixing ids and links with the page's key, but it finds the
ids with a pattern that starts at the first tag of a line: a footnote mark (``<sup id="fnref-…">``) after other
inline tags keeps its bare id while the footnote's "back to the text" link is prefixed, so that link leads
nowhere (and two pages citing the same source repeat one id). An SOP's step marks are footnotes (sop.md.j2).
"""

from __future__ import annotations

import re
from pathlib import Path

PRINT_PAGE = Path("print_page") / "index.html"
_SECTION = re.compile(r'<section class="print-page" id="([^"]+)"')
_MARK = re.compile(r'<sup id="(fnref\d*-)')


def prefix_footnote_marks(html: str) -> str:
    """Give every footnote mark the id of its page's section as prefix, as the plugin did for the links to it."""
    parts = _SECTION.split(html)
    out = [parts[0]]
    for key, body in zip(parts[1::2], parts[2::2], strict=True):
        out.append(f'<section class="print-page" id="{key}"')
        out.append(_MARK.sub(lambda m, key=key: f'<sup id="{key}-{m.group(1)}', body))
    return "".join(out)


def repair_print_page(site_dir: Path) -> None:
    path = site_dir / PRINT_PAGE
    if path.is_file():
        html = path.read_text(encoding="utf-8")
        fixed = prefix_footnote_marks(html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")
