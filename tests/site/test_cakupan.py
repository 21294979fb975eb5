"""One Dinsos's practice, labelled as such on a phone (Chromium at 360 px, the real built site): on an SOP step, in a
search result, and beside a quiz explanation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.phone import WIDTH, load_quiz

pytestmark = pytest.mark.browser

PROBOLINGGO = "Praktik Dinsos Kabupaten Probolinggo, 2021"


def test_regional_sop_step_shows_its_label(phone):
    """Check that a step resting only on Dinsos Kabupaten Probolinggo (2021) says so in words, readable and inside the screen."""
    page = phone.open("/sop/pelaporan-berkala/")
    step = page.locator("article h2#langkah + ol > li").filter(has_text="Kirim laporan ke Dinas Sosial yang dituju")
    label = step.locator(".md-tag.cakupan")
    label.scroll_into_view_if_needed()
    expect(label).to_be_visible()
    expect(label).to_have_text(PROBOLINGGO)
    box = label.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, f"the label sticks out: {box}"
    assert float(label.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 12
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH


def test_search_result_of_a_regional_record_shows_its_label(phone):
    """Check that a search result for a record resting only on one Dinsos carries that Dinsos's label beside its type."""
    page = phone.open("/")
    page.locator('.md-header label.md-header__button[for="__search"]').tap()
    page.locator(".md-search__input").press_sequentially("rincian tugas probolinggo", delay=30)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ hasil"), timeout=8_000)
    result = page.locator(".md-search-result__item").filter(has_text="Rincian tugas TKSK menurut Dinsos Kabupaten Probolinggo")
    expect(result.first).to_be_visible()
    expect(result.first.locator(".md-tag.cakupan")).to_have_text(PROBOLINGGO)
    national = page.locator(".md-search-result__item").filter(has_text="Pelaporan berkala kepada Dinas Sosial").first
    expect(national.locator(".md-tag.cakupan")).to_have_count(0)  # the SOP is national; its steps carry the label
    expect(national).to_contain_text(PROBOLINGGO)  # ... and the excerpt shows it beside the step that matched


def test_quiz_explanation_shows_the_label_once_answered(phone):
    """Check that the explanation of a question citing a regional record shows the label when the answer is checked."""
    page = phone.open("/kurikulum/koordinasi-dan-rakor/")
    load_quiz(page)
    question = page.locator("#soal-koord-tujuan-rakor-probolinggo")
    question.get_by_label(re.compile("Meninjau kerja 2020")).check()
    question.locator(".kuis-periksa").tap()
    label = question.locator(".kuis-umpan .kuis-cakupan .md-tag")
    expect(label).to_be_visible()
    expect(label).to_have_text(PROBOLINGGO)


def test_regional_duty_item_shows_its_label_and_source(phone):
    """Check that an item of a duty resting on one Dinsos carries that Dinsos's label and a mark to its source."""
    page = phone.open("/tugas/kewajiban-pelaporan/")
    items = page.locator("article h2#tugas + ol > li")
    expect(items).to_have_count(3)
    expect(items.nth(0).locator(".md-tag.cakupan")).to_have_text(PROBOLINGGO)
    expect(items.nth(2).locator(".md-tag.cakupan")).to_have_text("Praktik Dinsos Provinsi Lampung, 2017")
    expect(items.nth(2).locator("sup a")).to_have_text("[2]")
    expect(page.locator(".footnote li")).to_have_count(2)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH


def test_glossary_term_of_one_region_is_labelled_a_term(phone):
    """Check that a place name from one Dinsos's report reads as that region's term, not as a practice or a rule."""
    page = phone.open("/glosarium/mateng/")
    notice = page.locator("article .admonition.info")
    expect(notice.locator(".admonition-title")).to_have_text("Istilah daerah")
    expect(notice).to_contain_text("Istilah dari Dinsos Provinsi Sulawesi Barat, 2023")
    expect(page.locator("article")).not_to_contain_text("bukan aturan untuk setiap TKSK")
