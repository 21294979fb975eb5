"""What a TKSK does with the handbook on a phone: Chromium at 360 px, touch, against the real built site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.support.phone import PHONE, WIDTH, wait_until_saved_offline

pytestmark = pytest.mark.browser

SOP_VERVAL = "/sop/verval-data-kpm/"
CARDS = ("Saya TKSK", "Saya pelatih", "Saya editor Dinsos")


def heading(page: Page) -> Locator:
    """Return the page's H1 (the article's title)."""
    return page.locator("article h1")


def steps(page: Page) -> Locator:
    """Return the numbered steps of an SOP page (the list after the "Langkah" heading)."""
    return page.locator("article h2#langkah + ol > li")


def test_beranda_shows_title_and_three_cards_without_sideways_scroll(phone):
    """Check that Beranda shows its H1 and the three entry-point cards at 360 px without horizontal overflow."""
    page = phone.open("/")
    expect(heading(page)).to_be_visible()
    expect(heading(page)).to_contain_text("Buku Saku TKSK")
    cards = page.locator("article .grid.cards > ul > li")
    expect(cards).to_have_count(len(CARDS))
    for card, title in zip(cards.all(), CARDS, strict=True):
        expect(card).to_be_visible()
        expect(card.locator("strong").first).to_have_text(title)
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, f"card {title!r} sticks out: {box}"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH


def test_sop_is_two_taps_from_beranda(phone):
    """Check that a TKSK reaches the verval SOP from Beranda in two taps and sees its numbered steps."""
    page = phone.open("/")
    card = page.locator("article .grid.cards > ul > li").filter(has_text="Saya TKSK")
    phone.tap_and_wait(card.get_by_role("link", name="Program & SOP"), re.compile(r"/program/$"))
    sop_link = page.locator("article").get_by_role("link", name=re.compile(r"\bverval\b", re.I))
    phone.tap_and_wait(sop_link, re.compile(re.escape(SOP_VERVAL) + "$"))
    assert page.url.endswith(SOP_VERVAL)
    expect(heading(page)).to_contain_text(re.compile("verval", re.I))
    expect(steps(page).first).to_be_visible()
    assert steps(page).count() >= 2, "an SOP has several numbered steps"
    for step in steps(page).all():
        expect(step).to_be_visible()
    assert page.locator("article h2#langkah + ol").evaluate("ol => getComputedStyle(ol).listStyleType") == "decimal"


def test_search_finds_verval(phone):
    """Check that search, opened from the header icon, finds "verval" and opens a page about it with the word marked."""
    page = phone.open("/")
    page.locator('.md-header label.md-header__button[for="__search"]').tap()
    query = page.locator(".md-search__input")
    expect(query).to_be_focused()
    query.press_sequentially("verval", delay=30)  # results come as the keys come up (docs/javascripts/cari.js)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ hasil"), timeout=8_000)  # Pagefind loads first
    results = page.locator(".md-search-result__item > a")
    top = results.evaluate_all("links => links.slice(0, 3).map(a => a.href)")
    assert any(SOP_VERVAL in href for href in top), f"the verval SOP is not among the first results: {top}"
    phone.tap_and_wait(results.first, re.compile(r"\?h=verval"))
    article = page.locator("article")
    assert "verval" in article.inner_text().lower()
    expect(article.locator("mark", has_text=re.compile("verval", re.I)).first).to_be_visible()  # as Material's search.highlight


@pytest.mark.parametrize(("short", "long"), [("KPM", "Keluarga Penerima Manfaat"), ("TKSK", "Tenaga Kesejahteraan Sosial Kecamatan")])
def test_glossary_tooltip_on_tap(phone, short, long):
    """Check that tapping an abbreviation on an SOP page shows its long form in a tooltip inside the screen."""
    page = phone.open(SOP_VERVAL)
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_have_count(0)
    abbr = page.locator("article p abbr", has_text=re.compile(rf"^{short}$")).first
    abbr.tap()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(long)
    assert abbr.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    box = tooltip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, f"tooltip sticks out of the screen: {box}"


def test_page_on_outdated_rule_warns_and_links_to_rule_in_force(phone):
    """Check that a duty page built on the 2013 rule warns on the first screen and links to Permensos 28/2018."""
    page = phone.open("/tugas/tugas-umum-tksk/")
    warning = page.locator("article .admonition.warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("tidak berlaku lagi")
    box = warning.bounding_box()
    assert box and box["y"] < PHONE["viewport"]["height"], "the warning is not on the first screen"
    link = warning.locator('a[href$="regulasi/permensos-28-2018/"]')
    expect(link).to_contain_text("28 Tahun 2018")
    phone.tap_and_wait(link, re.compile(r"/regulasi/permensos-28-2018/$"))
    expect(heading(page)).to_contain_text("Nomor 28 Tahun 2018")
    expect(page.locator("article .admonition.warning")).to_have_count(0)


def test_faq_question_expands_on_tap(phone):
    """Check that tapping a question on the FAQ index opens its answer."""
    page = phone.open("/faq/")
    question = page.locator("article details.question").first
    answer = question.locator("p").first
    expect(question).not_to_have_attribute("open", "")
    expect(answer).to_be_hidden()
    question.locator("summary").tap()
    expect(question).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    expect(question.get_by_role("link", name="Buka jawaban ini")).to_be_visible()


def test_sop_prints_without_header_and_menu(phone):
    """Check that an SOP printed from the phone drops the header and menu drawer but keeps its steps."""
    page = phone.open(SOP_VERVAL)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-footer")).to_be_hidden()
    expect(heading(page)).to_be_visible()
    expect(steps(page).first).to_be_visible()
    assert steps(page).count() >= 2, "an SOP has several numbered steps"
    for step in steps(page).all():
        expect(step).to_be_visible()


def test_pages_open_offline_after_the_first_visit(phone):
    """Check that after one visit with signal, a page never opened before still opens without signal."""
    page = phone.open("/")
    wait_until_saved_offline(page, "/sop/pendampingan-rastra/")
    page.context.set_offline(True)
    page.goto(phone.base + "/sop/pendampingan-rastra/")
    expect(heading(page)).to_contain_text("RASTRA")
    page.goto(phone.base + "/halaman-yang-tidak-ada/")
    expect(heading(page)).to_contain_text("belum tersimpan")
