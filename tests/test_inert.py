"""Text from data stays inert wherever it lands: page body, titles, tooltips, search results, the feed,
link previews and the print page. HTML tags are refused by validation (tests/test_validation.py); what
passes validation — entity-encoded tags, attribute breakers, script links, template syntax — must show
as text and never run, in Chromium."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import PHONE, build, copy_project
from tests.helpers import ROOT

#: Each payload sets window.__pwned if it ever runs, and shows as these words if it stays text.
TAG = "&lt;img src=x onerror=window.__pwned=1&gt;"
SVG = "&lt;svg onload=window.__pwned=2&gt;"
BREAKER = '" onmouseover="window.__pwned=3" x="'
TEMPLATE = "{{ 7*7 }} {% raw %}"
LINK = "[buka](javascript:window.__pwned=4)"
TITLE = f"Verval {TAG} {BREAKER} {TEMPLATE}"
TEXT = f"Lihat {LINK} dan {SVG} serta {TEMPLATE}."


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _set(text: str, field: str, value: str, count: int = 1) -> str:
    """Replace the (possibly folded) value of the first ``count`` top-level or list-item ``field``s."""
    pattern = rf"^(\s*(?:- )?{field}:) (?:>-\n(?:\s{{4,}}.*\n)+|.*\n)"
    changed, n = re.subn(pattern, lambda m: f"{m.group(1)} {_yaml(value)}\n", text, count=count, flags=re.MULTILINE)
    assert n, f"no {field} in the file"
    return changed


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Build the real handbook with payloads in every kind of text field a reader sees, and serve it."""
    tmp = tmp_path_factory.mktemp("inert")
    data = ROOT / "data"
    sop = (data / "sop" / "verval-data-kpm.yml").read_text(encoding="utf-8")
    sop = _set(_set(sop, "judul", TITLE), "ringkasan", TEXT)
    faq = (data / "faq" / "data-penerima.yml").read_text(encoding="utf-8")
    faq = _set(_set(faq, "pertanyaan", TITLE), "jawaban", TEXT)
    glossary = (data / "glosarium.yml").read_text(encoding="utf-8")
    glossary = glossary.replace("kepanjangan: Keluarga Penerima Manfaat", f"kepanjangan: {_yaml('Keluarga ' + BREAKER + TAG)}")
    edition = (data / "edisi" / "edisi-2026-1.yml").read_text(encoding="utf-8")
    edition = _set(_set(edition, "judul", TITLE), "ringkasan", TEXT)
    project = copy_project(tmp / "p", {
        "data/sop/verval-data-kpm.yml": sop, "data/faq/data-penerima.yml": faq,
        "data/glosarium.yml": glossary, "data/edisi/edisi-2026-1.yml": edition,
    })
    site = tmp / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_keeps_payloads_as_text(hostile):
    """Check that the Atom feed is well-formed and carries the payloads as text, not markup."""
    site, _ = hostile
    root = ET.parse(site / "feed.xml").getroot()
    texts = " ".join(el.text or "" for el in root.iter())
    assert "<img src=x onerror=" in texts or TAG in texts
    assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("img", "svg", "script")]


def test_payloads_never_run_in_the_browser(hostile, browser):
    """Open every page a payload lands on, hover its tooltips, search for it and open the print page: nothing runs."""
    _, base = hostile
    context = browser.new_context(**PHONE)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in ("/", "/sop/verval-data-kpm/", "/faq/", "/pembaruan/", "/glosarium/kpm/", "/edisi/edisi-2026-1/",
                     "/faq/mengapa-verval-setiap-bulan/"):
            page.goto(base + path)
            for abbr in page.locator("abbr").all()[:5]:
                abbr.hover()
            assert page.evaluate("window.__pwned") is None, path
            assert page.locator("img[src='x'], svg[onload], [onmouseover]").count() == 0, path
        page.goto(base + "/sop/verval-data-kpm/")
        heading = page.locator("h1").first.inner_text()
        assert "<img src=x onerror=window.__pwned=1>" in heading and "{{ 7*7 }}" in heading
        assert page.locator("a[href^='javascript:']").count() == 0
        og = page.locator("meta[property='og:title']").get_attribute("content")
        assert BREAKER.strip() in og or "onmouseover" in og  # kept inside the attribute, as text

        page.keyboard.press("/")
        page.keyboard.type("verval")
        page.wait_for_timeout(2500)
        assert page.evaluate("window.__pwned") is None, "search results"
        assert page.locator("img[src='x'], svg[onload], [onmouseover]").count() == 0

        page.goto(base + "/print_page/")
        assert page.evaluate("window.__pwned") is None, "print page"
        assert not dialogs
    finally:
        context.close()
