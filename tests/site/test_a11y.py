"""Accessibility: axe-core finds nothing on any kind of page, in light and dark, on a phone and a desktop;
headings are in order, controls are big enough for a thumb, and text zoomed to 200% loses nothing."""

from __future__ import annotations

import itertools
from html.parser import HTMLParser

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.support.phone import load_quiz, set_text_size

#: "Susun sesi sendiri" with a session composed (its order list, FAQ choices, message-free kit all shown).
COMPOSED = ("/rencana/susun/#modul=mengenal-tksk-dan-aturannya,-,fungsi-tksk-di-lapangan"
            "&faq=apa-fungsi-saya-di-lapangan&mulai=08.00&istirahat=15&peserta=5")
#: One page of every kind a reader meets: Beranda, section indexes, a record of each type, Belajar and the
#: trainers' kits and composer, the updates and edition pages, the guides, and the page for an address that does not exist.
PAGE_TYPES = (
    "/", "/tugas/", "/program/", "/sop/verval-data-kpm/", "/regulasi/", "/regulasi/permensos-03-2013/",
    "/tugas/fungsi-pencegahan/", "/program/program-rastra/", "/faq/", "/faq/apa-fungsi-saya-di-lapangan/", "/rakor/",
    "/rakor/rakor-sulbar-2023/", "/glosarium/", "/glosarium/tksk/", "/sumber/", "/sumber/berita-rakor-sulbar-2023/",
    "/kurikulum/", "/kurikulum/tahap-1-orientasi/", "/kurikulum/pelaporan-tksk/", "/kurikulum/progres/",
    "/rencana/orientasi-tksk-baru/", COMPOSED, "/pembaruan/", "/edisi/edisi-2026-1/", "/tentang/", "/penyunting/",
    "/halaman-yang-tidak-ada/",
)
VIEWPORTS = {"ponsel": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
_axe = Axe()


def _violations(page: Page) -> list[str]:
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['html'][:140]}"
            for v in _axe.run(page).response["violations"]]


@pytest.mark.browser
#: Dark colours are the same rules at any width: checked on the phone, where readers are; the desktop in light.
@pytest.mark.parametrize(("size", "scheme"), [("ponsel", "light"), ("ponsel", "dark"), ("desktop", "light")],
                         ids=["ponsel-light", "ponsel-dark", "desktop-light"])
def test_no_axe_violation_on_any_page_type(browser, server, size, scheme):
    """Check with axe-core, no rule excluded and every impact counted, each page type and the open search."""
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme, is_mobile=size == "ponsel",
                                  has_touch=size == "ponsel")
    page = context.new_page()
    found = []
    try:
        for path in PAGE_TYPES:
            page.goto(server + path)
            page.wait_for_load_state("load")
            found += [f"{path}: {v}" for v in _violations(page)]
        page.goto(server + "/sop/verval-data-kpm/")
        page.keyboard.press("/")
        page.keyboard.type("pendampingan")
        page.wait_for_timeout(1500)
        found += [f"(pencarian terbuka): {v}" for v in _violations(page)]
    finally:
        context.close()
    assert not found, "\n".join(found)


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article += 1
        if self._in_article and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1


def test_headings_are_in_order_on_every_page(site):
    """Check that every page's article has one H1, first, and never skips a level going down (H2 to H4)."""
    wrong = []
    for path in site.rglob("index.html"):
        if path.parent.name == "print_page":  # the whole handbook on one page: an H1 per page, by print-site's design
            continue
        parser = _Headings()
        parser.feed(path.read_text(encoding="utf-8"))
        levels = parser.levels
        rel = path.parent.relative_to(site).as_posix()
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            wrong.append(f"{rel}: {levels[:6]}")
            continue
        skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if skips:
            wrong.append(f"{rel}: {skips[0][0]} -> {skips[0][1]}")
    assert not wrong, "\n".join(wrong[:20])


def _small_controls(page: Page, selector: str) -> list[str]:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter((el) => el.offsetParent !== null)
             .map((el) => [el, el.getBoundingClientRect()])
             .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
             .map(([el, r]) => {
               const name = (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30);
               return `${el.tagName.toLowerCase()}.${el.className} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`;
             })""",
        selector,
    )


@pytest.mark.browser
def test_quiz_and_navigation_controls_are_thumb_sized(phone):
    """Check that quiz answers and buttons, header buttons and menu entries are at least 44 px each way at 360 px."""
    page = phone.open("/kurikulum/pelaporan-tksk/")
    load_quiz(page)
    small = _small_controls(page, ".kuis button, .kuis label, .md-header__button, .md-search__icon")
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.wait_for_timeout(400)
    small += _small_controls(page, ".md-nav--primary .md-nav__link")
    assert not small, "\n".join(small)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/sop/verval-data-kpm/", "/faq/", "/kurikulum/pelaporan-tksk/", "/glosarium/",
                                  "/glosarium/tksk/", "/rencana/susun/", "/halaman-yang-tidak-ada/"])
def test_text_zoomed_to_200_percent_loses_nothing(phone, path):
    """Check that with the phone's text at 200% the page does not scroll sideways and the title and content stay readable."""
    set_text_size(phone.page, 200)
    page = phone.open(path)
    load_quiz(page)
    page.wait_for_timeout(200)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path}: scrolls sideways by {overflow} px at 200% text"
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('article h1, article p, article li, article td, .kuis button')]
             .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden')
             .map((el) => el.tagName + ': ' + el.innerText.slice(0, 40))"""
    )
    assert not clipped, f"{path}: clipped at 200% text: {clipped}"
