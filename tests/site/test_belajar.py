"""What a TKSK does in "Belajar" on a phone, and what a trainer prints: Chromium at 360 px against the real site."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Locator, Page, expect

from macros.model.schema import PartialDate
from tests.support.phone import wait_until_saved_offline
from tests.support.data import TODAY

pytestmark = pytest.mark.browser

MODULE = "/kurikulum/verval-data-kpm-dan-dtsen/"
STAGE = "/kurikulum/tahap-2-pendampingan-program/"
PROGRESS = "/kurikulum/progres/"
KIT = "/rencana/rakor-pendampingan-dan-verval/"


def questions(page: Page) -> Locator:
    return page.locator("fieldset.kuis-soal")


def answer(question: Locator, right: bool = True, keyboard: bool = False) -> None:
    """Answer one question of any kind, rightly or not, the way a reader does, then press "Periksa jawaban"."""
    kind = question.get_attribute("data-jenis")
    wanted = question.get_attribute("data-benar").split(",")
    if kind == "urutan":
        order = wanted if right else list(reversed(wanted))
        for position, value in enumerate(order):
            while True:
                items = question.locator("ol.kuis-urutan > li")
                values = [items.nth(i).get_attribute("data-nilai") for i in range(items.count())]
                if values.index(value) == position:
                    break
                up = question.locator(f'li[data-nilai="{value}"] button[data-kuis-geser="naik"]')
                if keyboard:
                    up.focus()
                    up.press("Enter")
                else:
                    up.tap()
    else:
        inputs = question.locator("input")
        values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
        chosen = wanted if right else [next(v for v in values if v not in wanted)]
        for value in values:
            box = question.locator(f'input[value="{value}"]')
            if (value in chosen) != box.is_checked():
                box.tap()
    question.locator(".kuis-periksa").tap()


def test_a_module_is_learned_with_feedback_kept_on_the_phone_and_finished_offline(phone):
    """Check every kind of question gives feedback in words with a link, survives a reload, and can be finished offline."""
    page = phone.open(MODULE)
    all_questions = questions(page)
    kinds = {all_questions.nth(i).get_attribute("data-jenis") for i in range(all_questions.count())}
    assert kinds == {"satu", "beberapa", "urutan", "kasus"}
    expect(page.locator(".kuis-kunci").first).to_be_hidden()  # the answer waits until the reader has tried

    first = all_questions.first
    answer(first, right=False)
    expect(first.locator(".kuis-umpan")).to_contain_text("Belum tepat.")
    assert "kuis-salah" in first.get_attribute("class")
    expect(first.locator(".kuis-periksa")).to_have_text("Coba lagi")
    first.locator(".kuis-periksa").tap()
    answer(first, right=True)
    expect(first.locator(".kuis-umpan")).to_contain_text("Benar.")
    assert first.locator(".kuis-umpan a").count() >= 1, "feedback links to the record that supports the answer"

    done = [first]
    for kind in ("beberapa", "urutan", "kasus"):
        question = page.locator(f'fieldset.kuis-soal[data-jenis="{kind}"]').first
        answer(question, right=True, keyboard=kind == "urutan")
        expect(question.locator(".kuis-umpan")).to_contain_text("Benar.")
        done.append(question)
    expect(page.locator(".kuis-hasil")).to_contain_text(f"Skor Anda: {len(done)} dari {all_questions.count()} benar")

    page.reload()
    for question in done:
        assert "kuis-benar" in question.get_attribute("class"), "answers are kept after a reload"
    expect(page.locator(".kuis-hasil")).to_contain_text(f"Skor Anda: {len(done)} dari")

    wait_until_saved_offline(page, MODULE, PROGRESS)
    page.context.set_offline(True)
    page.goto(phone.base + MODULE)
    for i in range(all_questions.count()):
        question = questions(page).nth(i)
        if "kuis-benar" not in (question.get_attribute("class") or ""):
            answer(question, right=True)
    expect(page.locator(".kuis-hasil")).to_contain_text("Modul selesai.")
    page.goto(phone.base + PROGRESS)
    module = page.locator('li.kuis-modul[data-modul="verval-data-kpm-dan-dtsen"]')
    expect(module.locator(".kuis-status")).to_have_text("Selesai")


def test_a_completed_stage_shows_a_printable_self_assessment(phone):
    """Check that finishing every module of a stage shows the completion page with the typed name, date and modules."""
    phone.page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, 30))  # the phone's own day
    page = phone.open(STAGE)
    panel = page.locator("section.kuis-sertifikat")
    expect(panel).to_be_hidden()
    modules = page.locator("section.kuis-tahap li.kuis-modul")
    links = [modules.nth(i).locator("a").get_attribute("href") for i in range(modules.count())]
    for href in links:
        page.goto(phone.base + STAGE + href)
        for i in range(questions(page).count()):
            answer(questions(page).nth(i), right=True)
        expect(page.locator(".kuis-hasil")).to_contain_text("Modul selesai.")
    page.goto(phone.base + STAGE)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Penilaian mandiri, bukan sertifikat resmi.")
    panel.locator("input.kuis-nama").fill("Siti Aminah")
    expect(panel.locator(".kuis-sertifikat-nama")).to_have_text("Siti Aminah")
    expect(panel.locator(".kuis-sertifikat-tanggal")).to_have_text(PartialDate(TODAY.year, TODAY.month, TODAY.day).indonesian())
    expect(panel.locator(".kuis-sertifikat-modul li")).to_have_count(len(links))
    expect(page.locator(".kuis-ringkas").first).to_contain_text("Semua modul di tahap ini selesai")

    page.reload()
    expect(panel.locator("input.kuis-nama")).to_have_value("Siti Aminah")
    page.goto(phone.base + PROGRESS)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".kuis-reset").tap()
    expect(page.locator('li.kuis-modul[data-modul="mendampingi-kpm"] .kuis-status')).to_have_text("Belum dimulai")


def test_without_javascript_every_answer_stays_readable(browser, server):
    """Check that with scripts off, each question still shows its answer and explanation on request."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server + MODULE)
    first = questions(page).first
    first.locator("details.kuis-kunci summary").click()
    expect(first.locator("details.kuis-kunci")).to_contain_text("Jawaban:")
    expect(first.locator("details.kuis-kunci a")).to_have_count(1)
    context.close()


def test_kit_prints_without_navigation_with_answer_key_on_its_own_page(phone):
    """Check that a kit printed on A4 drops the menus, starts the quiz sheet, key and sign-in sheet on new pages,
    and prints link addresses."""
    page = phone.open(KIT)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    parts = page.locator(".kit-halaman")
    expect(parts).to_have_count(3)
    headings = [parts.nth(i).locator("h2").first.inner_text() for i in range(3)]
    assert headings == ["Lembar soal", "Kunci jawaban", "Daftar hadir"]
    breaks = page.evaluate("[...document.querySelectorAll('.kit-halaman')].map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page", "page", "page"]
    address = page.evaluate("getComputedStyle(document.querySelector('a[data-alamat]'), '::after').content")
    assert "/kurikulum/" in address or "/sop/" in address or "/faq/" in address


@pytest.mark.parametrize("path", ["/kurikulum/", PROGRESS, STAGE, MODULE, "/rencana/", KIT])
def test_learning_and_kit_pages_have_no_serious_accessibility_violations(phone, path):
    """Check with axe-core that the module, progress, stage and kit pages have no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    page = phone.open(path)
    expect(page.locator("article h1")).to_be_visible()
    if path == MODULE:  # also check the quiz after feedback is shown
        answer(questions(page).first, right=False)
    found = [f"{v['id']} ({len(v['nodes'])}×) {v['nodes'][0]['html'][:120]}"
             for v in Axe().run(page).response["violations"]
             if v["impact"] in ("serious", "critical")]
    assert not found
