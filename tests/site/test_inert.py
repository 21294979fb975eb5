"""Text from data stays inert wherever it lands: page body, titles, tooltips, search results, the feed,
link previews and the print page. HTML tags, also written as entities, are refused by validation
(tests/load/test_validation.py), and so are links to anything but the web, mail, phone or a record (script
links); what passes validation — lone angle brackets, attribute breakers, web links that try to break out of
their attribute, template syntax — must show as text and never run, in Chromium."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.tools.serve import serving
from tests.support.project import build, copy_project
from tests.support.phone import PHONE
from tests.support.data import ROOT

#: Each payload opens an alert if it ever runs, and shows as these words if it stays text.
TAG = "< img src=x onerror=alert(1) >"
SVG = "< svg onload=alert(2) >"
BREAKER = '" onmouseover="alert(3)" x="'
TEMPLATE = "{{ 7*7 }} {% raw %}"
#: A link that validation lets through (a web address) but whose target tries to break out of the attribute.
LINK = '[buka](https://contoh.go.id/a_(b)"onmouseover="alert(4))'
TITLE = f"Verval {TAG} {BREAKER} {TEMPLATE}"
TEXT = f"Lihat {LINK} dan {SVG} serta {TEMPLATE}."


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _set(text: str, field: str, value: str) -> str:
    """Replace the value of the first ``field`` (top-level or in a list item), folded continuation lines included."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        match = re.match(rf"^(\s*(?:- )?){field}: ", line)
        if match:
            indent = len(match.group(1))
            end = i + 1
            while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
                end += 1
            lines[i:end] = [f"{match.group(1)}{field}: {_yaml(value)}\n"]
            return "".join(lines)
    raise AssertionError(f"no {field} in the file")


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
    with serving(site, cache_control=None) as base:
        yield site, base


def test_feed_keeps_payloads_as_text(hostile):
    """Check that the Atom feed is well-formed and carries the payloads as text, not markup."""
    site, _ = hostile
    root = ET.parse(site / "feed.xml").getroot()
    texts = " ".join(el.text or "" for el in root.iter())
    assert TAG in texts and BREAKER in texts
    assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("img", "svg", "script")]


def _live(page) -> list[str]:
    """Return the elements a payload would have made live, as HTML."""
    return page.evaluate("[...document.querySelectorAll('img[src=x], svg[onload], [onmouseover], [onerror]')]"
                         ".map((e) => e.outerHTML.slice(0, 200))")


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
            for abbr in page.locator("article abbr:visible").all()[:5]:
                abbr.hover()
            assert not dialogs, path
            assert not _live(page), path
        page.goto(base + "/sop/verval-data-kpm/")
        heading = page.locator("h1").first.inner_text()
        assert TAG in heading and "{{ 7*7 }}" in heading
        assert page.locator("a[href^='javascript:']").count() == 0
        og = page.locator("meta[property='og:title']").get_attribute("content")
        assert BREAKER.strip() in og or "onmouseover" in og  # kept inside the attribute, as text

        page.keyboard.press("/")
        page.keyboard.type("verval")
        page.wait_for_timeout(2500)
        assert not dialogs, "search results"
        assert not _live(page)

        page.goto(base + "/print_page/")
        assert not dialogs, "print page"
    finally:
        context.close()
