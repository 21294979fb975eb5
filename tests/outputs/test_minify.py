"""Lighter files: Material's CSS trimmed to what the pages use, our CSS and JS minified, HTML indentation removed."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from macros.outputs.minify import Used, squeeze_html, trim_css
from tests.support.data import ROOT

MATERIAL_CSS = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


def used(names=(), words=(), directions=("ltr",)) -> Used:
    return Used(set(names), set(words) | set(names), set(directions))


@pytest.mark.parametrize(("css", "names", "kept", "dropped"), [
    (".md-tabs{color:red}.md-nav{color:blue}", {"md-nav"}, ".md-nav{color:blue}", ".md-tabs"),
    (".md-tabs,.md-nav{color:red}", {"md-nav"}, ".md-nav{color:red}", ".md-tabs"),
    ("[dir=rtl] .md-nav{left:0}[dir=ltr] .md-nav{right:0}", {"md-nav"}, "[dir=ltr] .md-nav{right:0}", "rtl"),
    ("@media screen{.md-tabs{color:red}}p{color:blue}", set(), "p{color:blue}", "@media"),
    (".md-tag--x{color:red}", set(), ".md-tag--x{color:red}", "-"),  # built by Material's bundle from a prefix
    ("[data-md-color-primary=red]{--c:1}[data-md-color-primary=indigo]{--c:2}p{color:var(--c)}", {"indigo"},
     "[data-md-color-primary=indigo]", "=red"),
])
def test_trim_keeps_selectors_that_can_match(css, names, kept, dropped):
    """Check that a selector goes when it names a class no page uses, a value no page has, or a text direction no page has."""
    [out] = trim_css([css], used(names))
    assert kept in out
    assert dropped not in out.replace(kept, "")


def test_trim_drops_custom_properties_and_keyframes_nothing_reads():
    """Check that unread custom properties and unnamed animations go, across the sheets and our own CSS."""
    main = ":root{--a:url(\"data:image/svg+xml;charset=utf-8,<svg/>\");--b:1px;--c:2px;--d:3px}p{margin:var(--b)}@keyframes spin{0%{top:0}}"
    palette = ":root{--e:var(--d)}h1{color:var(--e)}"
    out_main, out_palette = trim_css([main, palette], used(), [".ours{padding:var(--c)}"])
    assert "--a" not in out_main and "keyframes" not in out_main
    assert {"--b", "--c", "--d"} <= set(re.findall(r"--\w", out_main)) and "--e" in out_palette


def test_squeeze_keeps_preformatted_text_and_inline_code():
    """Check that indentation goes but text inside pre, textarea and script is left exactly as written."""
    html = "<div>\n    <p>Satu\n      dua</p>\n\n\n<pre><code>  a\n    b</code></pre>\n  <script>\n  var x = 1;\n</script>\n</div>"
    out = squeeze_html(html)
    assert "<p>Satu\ndua</p>" in out and "<pre><code>  a\n    b</code></pre>" in out and "<script>\n  var x = 1;\n</script>" in out
    assert "\n\n" not in out


def _material_selectors_for(site: Path, css_name: str) -> tuple[str, str]:
    original = next(MATERIAL_CSS.glob(css_name)).read_text(encoding="utf-8")
    trimmed = next((site / "assets" / "stylesheets").glob(css_name)).read_text(encoding="utf-8")
    return original, trimmed


def test_built_site_keeps_every_material_class_its_pages_use(site):
    """Check that each class on a built page that Material's main CSS styles is still styled after trimming, and that
    the trimmed CSS is much lighter (gzip) than Material's."""
    original, trimmed = _material_selectors_for(site, "main.*.min.css")
    styled = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", original))
    on_pages = styled & {name for path in site.rglob("*.html")
                         for value in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")) for name in value.split()}
    missing = sorted(name for name in on_pages if not re.search(r"\." + re.escape(name) + r"(?![\w-])", trimmed))
    assert not missing, f"trimmed away classes the pages use: {missing}"
    assert "md-post" not in trimmed and "md-consent" not in trimmed and "[dir=rtl]" not in trimmed
    assert len(gzip.compress(trimmed.encode())) < 0.7 * len(gzip.compress(original.encode()))
    assert "sourceMappingURL" not in trimmed


def test_built_site_serves_our_files_minified(site):
    """Check that our own scripts and stylesheets lose their comments in the built site (they stay in docs/)."""
    for rel in ("javascripts/kuis.js", "javascripts/cari.js", "stylesheets/extra.css"):
        built, source = (site / rel).read_text(encoding="utf-8"), (ROOT / "docs" / rel).read_text(encoding="utf-8")
        assert len(built) < 0.8 * len(source) and "/* " not in built, rel
