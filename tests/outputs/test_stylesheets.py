"""One stylesheet per first view: the sheets every page links, joined in their order, and the pages relinked."""

from __future__ import annotations

import re

from macros.outputs.offline import plan
from macros.outputs.stylesheets import JOINED, join_css, relink

SHEETS = ["assets/stylesheets/main.1.min.css", "assets/stylesheets/palette.2.min.css", "stylesheets/extra.css"]
RUN = "\n".join(f'<link rel="stylesheet" href="{{p}}{s}">' for s in SHEETS)
LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_join_keeps_the_order_and_one_charset():
    """Check that the sheets follow each other as linked (later rules win as before) under one @charset."""
    joined = join_css(['@charset "UTF-8";p{color:red}', "p{color:blue}", "@media print{p{color:#000}}"])
    assert joined == '@charset "UTF-8";p{color:red}\np{color:blue}\n@media print{p{color:#000}}'


def test_a_sheet_that_loads_a_file_is_not_joined():
    """Check that @import or a url() to a file (whose address is relative to its own sheet) stops the join; data: URLs do not."""
    assert join_css(["p{x:1}", '.a{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}']) is not None
    assert join_css(["p{x:1}", ".a{background:url(../images/a.png)}"]) is None
    assert join_css(['@import "other.css";', "p{x:1}"]) is None


def test_relink_replaces_the_run_whatever_the_prefix():
    """Check that a page deep in the site, the 404 page (root-absolute) and an edition's folder each get one link, theirs."""
    for prefix in ("", "../../", "/", "/buku-saku/2026.2/"):
        html = f"<head>\n{RUN.format(p=prefix)}\n<meta x>\n</head>"
        assert LINK.findall(relink(html, SHEETS)) == [prefix + JOINED]


def test_relink_leaves_a_different_run_alone():
    """Check that a page whose links differ (another order, one missing, a page's own sheet) keeps them as they are."""
    for hrefs in (SHEETS[::-1], SHEETS[:2], [*SHEETS[:2], "stylesheets/kuis.css"]):
        html = "\n".join(f'<link rel="stylesheet" href="{h}">' for h in hrefs)
        assert relink(html, SHEETS) == html


def test_built_pages_link_one_shared_sheet(site):
    """Check that every built page links the joined sheet once and none of the sheets it joins, that the joined sheet holds
    Material's rules and ours in order, and that the offline copy keeps it instead of the parts."""
    joined = (site / JOINED).read_text(encoding="utf-8")
    for path in site.rglob("*.html"):
        hrefs = [h for h in LINK.findall(path.read_text(encoding="utf-8")) if "/kuis.css" not in h and "/susun.css" not in h]
        assert len(hrefs) == 1 and hrefs[0].endswith(JOINED), (path, hrefs)
    main = next((site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    extra = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    offline = (site / "stylesheets" / "offline.css").read_text(encoding="utf-8")
    assert joined.startswith(main) and joined.index(extra) < joined.index(offline)
    saved = {entry.url for entry in plan(site).precache}
    assert JOINED in saved and "stylesheets/extra.css" not in saved
