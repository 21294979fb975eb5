"""Light pages: each page loads only what it uses, glossary tooltips once per term, and the gzip preview."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import markdown
import pytest

from macros.tools.serve import serving

SCRIPT = re.compile(r'<script (?:defer )?src="([^"]+)"')
STYLE = re.compile(r'(?<!<noscript>)<link rel="stylesheet" href="([^"]+)"')
NOSCRIPT_STYLE = re.compile(r'<noscript><link rel="stylesheet" href="([^"]+)"></noscript>')
#: Markup each page-specific script works on: the page loads the script exactly when the markup is there.
MARKUP = {
    "javascripts/kuis.js": re.compile(r'class="kuis[-" ]'),
    "javascripts/pembaruan.js": re.compile(r'class="pembaruan-saring"'),
}
#: A module page's quiz (its questions): loaded by kuis-muat.js when the reader nears it, not with the page.
QUESTIONS = re.compile(r'class="kuis-soal"')
QUIZ_LOADER = "javascripts/kuis-muat.js"


def pages(site: Path) -> dict[str, str]:
    """Return the HTML of every page of the site but the print page, by folder URL (``sop/x/``)."""
    found = {}
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        if rel != "print_page":
            found["" if rel == "." else rel + "/"] = path.read_text(encoding="utf-8")
    return found


def loaded(html: str, pattern: re.Pattern[str]) -> set[str]:
    """Return the site files a page links with ``pattern``, relative to the site root."""
    return {re.sub(r"^(\.\./)+|^\./", "", ref) for ref in pattern.findall(html) if "://" not in ref}


def test_page_scripts_load_only_where_their_markup_is(site):
    """Check that kuis.js and pembaruan.js load on exactly the pages that hold their markup (on a module page kuis.js
    through kuis-muat.js, as the quiz nears the screen, with kuis.css for readers without JavaScript), and print-site's
    script nowhere else."""
    modules = 0
    for url, html in pages(site).items():
        scripts, styles, noscript = loaded(html, SCRIPT), loaded(html, STYLE), loaded(html, NOSCRIPT_STYLE)
        lazy = bool(QUESTIONS.search(html))
        modules += lazy
        for script, markup in MARKUP.items():
            wanted = bool(markup.search(html)) and not (lazy and script == "javascripts/kuis.js")
            assert (script in scripts) == wanted, f"{url or '/'}: {script} loaded {script in scripts}"
        assert (QUIZ_LOADER in scripts) == lazy, f"{url or '/'}: {QUIZ_LOADER} loaded {QUIZ_LOADER in scripts}"
        assert "js/print-site.js" not in scripts, f"{url or '/'} loads the print page's script"
        assert ("stylesheets/kuis.css" in styles) == ("javascripts/kuis.js" in scripts), url
        assert noscript == ({"stylesheets/kuis.css"} if lazy else set()), url
    assert modules >= 10
    assert "javascripts/kuis.js" in loaded((site / "kurikulum/index.html").read_text(encoding="utf-8"), SCRIPT)
    assert "javascripts/pembaruan.js" in loaded((site / "pembaruan/index.html").read_text(encoding="utf-8"), SCRIPT)
    assert "js/print-site.js" in loaded((site / "print_page/index.html").read_text(encoding="utf-8"), SCRIPT)


def test_every_linked_script_and_style_exists(site):
    """Check that every script and style a page links is in the site (Material's bundle line comes from Material's block)."""
    for url, html in pages(site).items():
        folder = site / url
        for ref in SCRIPT.findall(html) + STYLE.findall(html) + NOSCRIPT_STYLE.findall(html):
            assert (folder / ref).resolve().is_file(), f"{url or '/'} links a missing file: {ref}"
        assert re.search(r'<script defer src="[./]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"', html), url


def test_feed_link_only_on_home_and_updates(site):
    """Check that the Atom feed is announced on Beranda and Pembaruan only, with "alternate" among its rel tokens for
    feed readers but not as the whole value: Material fetches sitemap.xml for each link[rel=alternate]."""
    with_feed = {url for url, html in pages(site).items() if 'rel="alternate feed" type="application/atom+xml"' in html}
    assert with_feed == {"", "pembaruan/"}
    assert not [url for url, html in pages(site).items() if '<link rel="alternate"' in html]


OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


def test_every_page_has_a_preview_picture_of_its_own_site(site):
    """Check that every page names the handbook's card as its link preview picture (absolute, on the site's own host,
    with size and words), that the card is a small PNG of that size, and that the offline copy leaves it out."""
    card = site / "images" / "kartu.png"
    data = card.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 30_000
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1200, 630)
    for url, html in pages(site).items():
        found = OG_IMAGE.findall(html)
        assert found == ["http://127.0.0.1:8000/images/kartu.png"], f"{url or '/'}: {found}"
        assert '<meta property="og:image:width" content="1200">' in html and '<meta property="og:image:height" content="630">' in html
        assert re.search(r'<meta property="og:image:alt" content="Buku Saku TKSK: [^"]+">', html), url
        assert '<meta name="twitter:card" content="summary_large_image">' in html, url
    assert "images/kartu.png" not in (site / "sw.js").read_text(encoding="utf-8")


def test_edition_selector_is_named_by_what_it_shows(site):
    """Check that Material's edition button gets no fixed name ("Pilih versi") that leaves out the edition it shows."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '"select.version": ""' in html and "Pilih versi" not in html


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "macros.glue.first_use_abbr"])


def test_tooltip_on_first_use_in_running_text_only():
    """Check that a term gets its tooltip where running text first uses it, not again, and not in headings or links."""
    html = render("# Data KPM\n\nLihat [KPM](x). Data **KPM** dan KPM lagi, juga BPNT.\n\n"
                  "- KPM\n\n*[KPM]: Keluarga Penerima Manfaat\n*[BPNT]: Bantuan Pangan Non Tunai\n")
    assert html.count('<abbr title="Keluarga Penerima Manfaat">KPM</abbr>') == 1
    assert '<strong><abbr title="Keluarga Penerima Manfaat">KPM</abbr></strong> dan KPM lagi' in html
    assert '<abbr title="Bantuan Pangan Non Tunai">BPNT</abbr>' in html
    assert "<h1>Data KPM</h1>" in html and '<a href="x">KPM</a>' in html and "<li>KPM</li>" in html


def test_each_term_has_one_tooltip_per_page(site):
    """Check that no page of the handbook repeats a tooltip, and that glossary terms still get theirs."""
    for url, html in pages(site).items():
        terms = re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)
        assert len(terms) == len(set(terms)), f"{url or '/'}: repeated tooltips {sorted(t for t in terms if terms.count(t) > 1)}"
    faq = (site / "faq/index.html").read_text(encoding="utf-8")
    assert 0 < faq.count("<abbr") <= 60


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("preview")
    (site / "index.html").write_text('<html>"provider": "mike" Beranda ' + "kata " * 500 + "</html>", encoding="utf-8")
    (site / "sop").mkdir()
    (site / "sop/index.html").write_text("<html>SOP</html>", encoding="utf-8")
    (site / "404.html").write_text("<html>Tidak ada</html>", encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG" + bytes(300))
    return site


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Return (status, headers, body as sent) of a GET that follows no redirect."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def test_preview_serves_like_a_static_host(small_site):
    """Check gzip for text only, cache headers, 304 on a matching ETag, folder redirects, the 404 page and versions.json."""
    with serving(small_site) as base:
        status, headers, body = get(base + "/", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip" and b"Beranda" in gzip.decompress(body)
        assert len(body) < 500 and headers["Cache-Control"] == "max-age=600" and headers["Vary"] == "Accept-Encoding"
        assert get(base + "/", **{"If-None-Match": headers["ETag"]})[0] == 304
        assert "Content-Encoding" not in get(base + "/")[1]  # a client without gzip gets the plain file
        assert "Content-Encoding" not in get(base + "/logo.png", **{"Accept-Encoding": "gzip"})[1]
        status, headers, _ = get(base + "/sop")
        assert status == 301 and headers["Location"] == "/sop/"
        status, _, body = get(base + "/tidak-ada/")
        assert status == 404 and b"Tidak ada" in body
        assert b'"version": "pratinjau"' in get(base + "/versions.json")[2]
