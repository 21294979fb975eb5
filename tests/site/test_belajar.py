"""What a TKSK does in "Belajar" on a phone, and what a trainer prints: Chromium at 360 px against the real site."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from macros.model.schema import PartialDate
from tests.support.data import TODAY
from tests.support.phone import wait_until_saved_offline

pytestmark = pytest.mark.browser

MODULE = "/kurikulum/verval-data-kpm-dan-dtsen/"
STAGE = "/kurikulum/tahap-2-pendampingan-program/"
PROGRESS = "/kurikulum/progres/"
KIT = "/rencana/rakor-pendampingan-dan-verval/"


STORE = "buku-saku-tksk:kuis"
#: Stage 2's modules, in the stage's order.
SEMBAKO, VERVAL, DAMPINGI, LAPOR = ("program-sembako-dan-riwayat-rastra", "verval-data-kpm-dan-dtsen", "mendampingi-kpm",
                                    "pelaporan-tksk")


def questions(page: Page) -> Locator:
    return page.locator("fieldset.kuis-soal")


def saved(page: Page) -> dict:
    """What kuis.js keeps in the phone's storage."""
    return page.evaluate(f"JSON.parse(localStorage.getItem({STORE!r}) || 'null')")


def option_order(question: Locator) -> list[str]:
    """The values (an option's number as written in the data) of a choice question's options, top to bottom."""
    return question.locator(".kuis-pilihan input").evaluate_all("inputs => inputs.map((i) => i.value)")


def module_path(module: str) -> str:
    return f"/kurikulum/{module}/"


def visible_questions(page: Page) -> Locator:
    return page.locator("fieldset.kuis-soal:visible")


def module_status(page: Page, module: str) -> Locator:
    return page.locator(f'li.kuis-modul[data-modul="{module}"] .kuis-status').first


def seed(page: Page, modules: dict[str, str], versi: int = 2) -> None:
    """Write progress into the phone's storage as kuis.js does (``versi`` 1: the format before mastery), every
    question of each module "dikuasai" or "dilatih", from the module lists on the open page; then reload."""
    soal = {}
    for module, state in modules.items():
        for pair in page.locator(f'li.kuis-modul[data-modul="{module}"]').first.get_attribute("data-soal").split():
            qid, version = pair.rsplit(":", 1)
            soal[qid] = {"v": version, "benar": True, "jawab": "1"}
            if versi >= 2:
                soal[qid]["pertama"] = state == "dikuasai"
    page.evaluate("([key, data]) => localStorage.setItem(key, JSON.stringify(data))",
                  [STORE, {"versi": versi, "soal": soal, "nama": ""}])
    page.reload()


def ready(question: Locator) -> Locator:
    """Scroll to a question as a reader does and wait until kuis.js has wired it: a module page loads the quiz
    (kuis-muat.js) only as the reader nears it."""
    question.scroll_into_view_if_needed()
    expect(question).to_have_attribute("data-kuis-siap", "")
    return question


def answer(question: Locator, right: bool = True, keyboard: bool = False) -> None:
    """Answer one question of any kind, rightly or not, the way a reader does, then press "Periksa jawaban"."""
    ready(question)
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


def test_a_module_answered_right_without_the_key_is_mastered_kept_after_reload_and_offline(phone):
    """Check every kind of question gives feedback in words with a link; a module answered right at each first try is
    mastered ("Dikuasai"), and stays so after a reload and without signal, where the rest can be finished."""
    page = phone.open(MODULE)
    all_questions = questions(page)
    kinds = {all_questions.nth(i).get_attribute("data-jenis") for i in range(all_questions.count())}
    assert kinds == {"satu", "beberapa", "urutan", "kasus"}
    ready(all_questions.first)
    expect(page.locator(".kuis-kunci").first).to_be_hidden()  # the answer waits until the reader has tried

    done = []
    for kind in ("satu", "beberapa", "urutan", "kasus"):
        question = page.locator(f'fieldset.kuis-soal[data-jenis="{kind}"]').first
        answer(question, right=True, keyboard=kind == "urutan")
        expect(question.locator(".kuis-umpan")).to_contain_text("Benar.")
        expect(question.locator(".kuis-umpan")).to_contain_text("dikuasai")
        assert question.locator(".kuis-umpan a").count() >= 1, "feedback links to the record that supports the answer"
        expect(question.locator(".kuis-periksa")).to_have_text("Ulangi soal")
        done.append(question)
    expect(page.locator(".kuis-hasil")).to_contain_text(f"Skor Anda: {len(done)} dari {all_questions.count()} soal dikuasai")
    expect(module_status(page, VERVAL)).to_have_text(f"Dilatih: {len(done)} dari {all_questions.count()} soal dikuasai")

    page.reload()
    ready(done[0])
    for question in done:
        assert "kuis-dikuasai" in question.get_attribute("class"), "answers are kept after a reload"
    expect(page.locator(".kuis-hasil")).to_contain_text(f"Skor Anda: {len(done)} dari")

    # Without signal the quiz files come from the offline copy, though the page loads them only near the quiz.
    wait_until_saved_offline(page, MODULE, PROGRESS, "/javascripts/kuis.js", "/stylesheets/kuis.css")
    page.context.set_offline(True)
    page.goto(phone.base + MODULE)
    ready(questions(page).first)
    for i in range(all_questions.count()):
        question = questions(page).nth(i)
        if "kuis-dikuasai" not in (question.get_attribute("class") or ""):
            answer(question, right=True)
    expect(page.locator(".kuis-hasil")).to_contain_text("Modul dikuasai.")
    expect(module_status(page, VERVAL)).to_have_text("Dikuasai")
    page.goto(phone.base + PROGRESS)
    expect(module_status(page, VERVAL)).to_have_text("Dikuasai")
    page.reload()
    expect(module_status(page, VERVAL)).to_have_text("Dikuasai")


QUIZ_FILES = re.compile(r"/(javascripts/kuis\.js|stylesheets/kuis\.css)$")


def test_a_module_page_loads_its_quiz_only_as_the_reader_nears_it(phone):
    """Check that a module page opens without kuis.js and kuis.css and shows no button that does nothing yet, that
    the reader scrolling down fetches them before the quiz is on screen, and that the quiz then works."""
    requested: list[str] = []
    phone.page.on("request", lambda request: requested.append(request.url))
    page = phone.open(MODULE)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/javascripts/kuis-muat.js") for url in requested)
    assert not [url for url in requested if QUIZ_FILES.search(url)], "the quiz files wait for the reader"
    first = questions(page).first
    expect(first.locator(".kuis-periksa")).to_be_hidden()  # shown once kuis.js has wired it
    expect(first.locator("details.kuis-kunci")).to_be_visible()  # meanwhile the answer is there, as without JavaScript

    top = None
    for _ in range(40):  # a thumb's flick at a time
        page.evaluate("window.scrollBy(0, 250)")
        page.wait_for_timeout(250)
        if [url for url in requested if QUIZ_FILES.search(url)]:
            top = first.bounding_box()["y"]
            break
    assert top is not None and top > 740, f"the quiz files came when the first question was at {top} px"
    assert sorted(url.rsplit("/", 1)[1] for url in requested if QUIZ_FILES.search(url)) == ["kuis.css", "kuis.js"]
    ready(first)
    expect(first.locator(".kuis-kunci")).to_be_hidden()
    answer(first, right=True)
    expect(first.locator(".kuis-umpan")).to_contain_text("Benar.")


def test_coba_lagi_closes_the_key_and_an_answer_after_it_is_practised_not_mastered(phone, tmp_path):
    """Check a wrong answer opens the way to the key, "Coba lagi" closes it again, and a right answer after the key
    (or after any wrong answer: no guessing one's way to mastery) counts as practised."""
    page = phone.open(MODULE)
    first, second = questions(page).nth(0), questions(page).nth(1)
    answer(first, right=False)
    expect(first.locator(".kuis-umpan")).to_contain_text("Belum tepat.")
    assert "kuis-salah" in first.get_attribute("class")
    key = first.locator("details.kuis-kunci")
    expect(key).to_be_visible()
    first.locator("details.kuis-kunci summary").tap()
    expect(key).to_contain_text("Jawaban:")
    expect(key.locator("a")).to_be_visible()
    page.screenshot(path=str(tmp_path / "modul-salah.png"))

    expect(first.locator(".kuis-periksa")).to_have_text("Coba lagi")
    first.locator(".kuis-periksa").tap()
    expect(key).to_be_hidden()
    assert key.evaluate("(d) => d.open") is False, "the key is closed, not only out of sight"
    expect(first.locator(".kuis-umpan")).not_to_contain_text("Jawaban:")
    expect(first.locator(".kuis-periksa")).to_have_text("Periksa jawaban")
    page.screenshot(path=str(tmp_path / "modul-coba-lagi.png"))

    answer(first, right=True)
    expect(first.locator(".kuis-umpan")).to_contain_text("Benar.")
    expect(first.locator(".kuis-umpan")).to_contain_text("dilatih, belum dikuasai")
    assert "kuis-dilatih" in first.get_attribute("class") and "kuis-dikuasai" not in first.get_attribute("class")
    qid = first.get_attribute("data-soal")
    assert saved(page)["soal"][qid] | {"jawab": ""} == {"v": first.get_attribute("data-versi"), "benar": True,
                                                         "pertama": False, "jawab": ""}

    answer(second, right=False)  # wrong, key left shut, then right: practised too
    expect(second.locator("details.kuis-kunci")).to_be_visible()
    second.locator(".kuis-periksa").tap()
    answer(second, right=True)
    assert "kuis-dilatih" in second.get_attribute("class")

    total = questions(page).count()
    expect(page.locator(".kuis-hasil")).to_have_text(f"Skor Anda: 0 dari {total} soal dikuasai, 2 dilatih, {total - 2} belum dijawab.")
    expect(module_status(page, VERVAL)).to_have_text(f"Dilatih: 0 dari {total} soal dikuasai")
    page.reload()  # a reload is no new attempt: the question comes back as practised, with "Coba lagi"
    assert "kuis-dilatih" in ready(questions(page).first).get_attribute("class")
    expect(questions(page).first.locator(".kuis-periksa")).to_have_text("Coba lagi")
    questions(page).first.locator(".kuis-periksa").tap()
    answer(questions(page).first, right=True)
    assert "kuis-dilatih" in questions(page).first.get_attribute("class")

    # The only module with missed questions is this one: the stage's link leads to #ulangi on this same page.
    page.locator("section.kuis-tahap .kuis-ulang-tahap a").tap()
    expect(page.locator(".kuis-mode")).to_contain_text("Mengulang 2 soal yang belum dikuasai")
    expect(visible_questions(page)).to_have_count(2)
    answer(visible_questions(page).first, right=True)
    assert "kuis-dikuasai" in visible_questions(page).first.get_attribute("class"), "a fresh attempt can master it"


def test_option_order_changes_between_attempts_yet_the_check_is_right(phone):
    """Check that a choice question's options come in a new order for each attempt, the answer is checked by the
    option itself, not its place, and ordering questions keep their written order."""
    page = phone.open(MODULE)
    for kind in ("satu", "beberapa", "kasus"):
        question = ready(page.locator(f'fieldset.kuis-soal[data-jenis="{kind}"]').first)
        count = question.locator("input").count()
        first_order = option_order(question)
        assert sorted(first_order, key=int) == [str(n) for n in range(1, count + 1)]
        assert first_order != sorted(first_order, key=int), f"{kind}: shown in the written order"
        answer(question, right=True)
        assert "kuis-dikuasai" in question.get_attribute("class")
        question.locator(".kuis-periksa").tap()  # "Ulangi soal": a new attempt
        expect(question.locator(".kuis-umpan")).to_contain_text("urutan pilihan diacak")
        second_order = option_order(question)
        assert second_order != first_order, f"{kind}: the same order twice"
        assert not question.locator("input:checked").count(), "a new attempt starts with nothing chosen"
        answer(question, right=True)
        assert "kuis-dikuasai" in question.get_attribute("class"), "right by the option, wherever it stands"
        question.locator(".kuis-periksa").tap()
        answer(question, right=False)
        expect(question.locator(".kuis-umpan")).to_contain_text("Belum tepat.")
    ordering = page.locator('fieldset.kuis-soal[data-jenis="urutan"]').first
    steps = ordering.locator("ol.kuis-urutan > li").evaluate_all("items => items.map((li) => li.dataset.nilai)")
    assert steps == [str(n) for n in range(1, len(steps) + 1)], "ordering steps stay as written"


def test_ulangi_yang_salah_brings_back_the_missed_questions_of_a_stage(phone, tmp_path):
    """Check that the stage's "Ulangi yang salah" leads through its modules showing only the missed questions, each
    a fresh attempt that can now be mastered, usable at 360 px."""
    page = phone.open(module_path(SEMBAKO))
    answer(questions(page).nth(0), right=False)
    answer(questions(page).nth(1), right=True)
    missed = questions(page).nth(0).get_attribute("data-soal")
    button = page.locator(".kuis-ulangi")
    expect(button).to_have_text("Ulangi yang salah (1 soal)")
    page.goto(phone.base + module_path(VERVAL))
    answer(questions(page).nth(2), right=False)
    answer(questions(page).nth(3), right=False)

    page.goto(phone.base + STAGE)
    expect(module_status(page, SEMBAKO)).to_have_text("Dilatih: 1 dari 6 soal dikuasai")
    expect(page.locator(f'li.kuis-modul[data-modul="{VERVAL}"] .kuis-ulang-modul')).to_have_text("Ulangi yang salah (2 soal)")
    expect(page.locator(f'li.kuis-modul[data-modul="{DAMPINGI}"] .kuis-ulang-modul')).to_have_count(0)
    stage_link = page.locator("section.kuis-tahap .kuis-ulang-tahap a").first
    expect(stage_link).to_have_text("Ulangi yang salah di tahap ini (3 soal)")
    stage_link.tap()

    page.wait_for_url(f"**/{SEMBAKO}/#ulangi")
    bar = page.locator(".kuis-mode")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("Mengulang 1 soal yang belum dikuasai")
    assert 0 <= bar.bounding_box()["y"] < 740, "the reader lands on the bar"
    visible = visible_questions(page)
    expect(visible).to_have_count(1)
    assert visible.first.get_attribute("data-soal") == missed
    expect(visible.first.locator(".kuis-periksa")).to_have_text("Periksa jawaban")  # a fresh attempt, key shut
    expect(visible.first.locator(".kuis-kunci")).to_be_hidden()
    answer(visible.first, right=True)
    assert "kuis-dikuasai" in visible.first.get_attribute("class")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360

    onward = page.locator(".kuis-lanjut a")
    expect(onward).to_be_visible()
    onward.tap()
    page.wait_for_url(f"**/{VERVAL}/#ulangi")
    visible = visible_questions(page)
    expect(visible).to_have_count(2)
    page.screenshot(path=str(tmp_path / "ulangi-yang-salah.png"))
    for i in range(2):
        answer(visible.nth(i), right=True)
    expect(page.locator(".kuis-lanjut")).to_be_hidden()  # nothing missed is left in the stage
    page.locator(".kuis-semua").tap()
    expect(visible_questions(page)).to_have_count(questions(page).count())

    page.goto(phone.base + STAGE)
    expect(page.locator("section.kuis-tahap .kuis-ulang-modul:visible")).to_have_count(0)
    expect(page.locator("section.kuis-tahap .kuis-ulang-tahap")).to_be_hidden()
    expect(module_status(page, SEMBAKO)).to_have_text("Dilatih: 2 dari 6 soal dikuasai")


def test_progres_saya_shows_mastered_practised_and_not_yet_per_module_and_stage(phone, tmp_path):
    """Check that Progres saya tells each module and stage as Dikuasai, Dilatih or Belum dimulai, in words and
    border style, with a thumb-sized "Ulangi yang salah" where questions were missed."""
    page = phone.open(PROGRESS)
    seed(page, {SEMBAKO: "dikuasai", VERVAL: "dilatih"})
    stage = page.locator('section.kuis-tahap[data-tahap="tahap-2-pendampingan-program"]')
    expect(module_status(page, SEMBAKO)).to_have_text("Dikuasai")
    expect(module_status(page, VERVAL)).to_have_text("Dilatih: 0 dari 6 soal dikuasai")
    expect(module_status(page, DAMPINGI)).to_have_text("Belum dimulai")
    expect(stage.locator(".kuis-ringkas")).to_have_text("Status tahap: Dilatih. 1 dari 4 modul dikuasai, 6 soal perlu diulang.")
    expect(page.locator('section.kuis-tahap[data-tahap="tahap-1-orientasi"] .kuis-ringkas')).to_have_text(
        "Status tahap: Belum dimulai.")
    styles = [page.locator(f'li.kuis-modul[data-modul="{m}"]').first.evaluate("(li) => getComputedStyle(li).borderLeftStyle")
              for m in (SEMBAKO, VERVAL, DAMPINGI)]
    assert styles == ["solid", "dashed", "solid"] and len({
        page.locator(f'li.kuis-modul[data-modul="{m}"]').first.evaluate("(li) => getComputedStyle(li).borderLeftColor")
        for m in (SEMBAKO, DAMPINGI)}) == 2, "the three states differ in more than colour"
    link = page.locator(f'li.kuis-modul[data-modul="{VERVAL}"] .kuis-ulang-modul')
    expect(link).to_have_text("Ulangi yang salah (6 soal)")
    assert link.get_attribute("href").endswith(f"{VERVAL}/#ulangi")
    assert link.get_attribute("aria-label") == "Ulangi yang salah: 6 soal di modul Verval data KPM dan DTSEN"
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    stage.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "progres-saya.png"), full_page=True)

    seed(page, {SEMBAKO: "dikuasai", VERVAL: "dikuasai", DAMPINGI: "dikuasai", LAPOR: "dikuasai"})
    expect(stage.locator(".kuis-ringkas")).to_have_text("Status tahap: Dikuasai. Semua modul di tahap ini dikuasai.")


def test_progress_saved_before_mastery_counts_as_practised_and_breaks_nothing(phone):
    """Check that answers saved in the old format (versi 1, no mastery) count as practised, never complete a stage,
    and that unreadable or newer saved progress leaves every page working."""
    page = phone.open(PROGRESS)
    seed(page, {SEMBAKO: "", VERVAL: "", DAMPINGI: "", LAPOR: ""}, versi=1)
    expect(module_status(page, VERVAL)).to_have_text("Dilatih: 0 dari 6 soal dikuasai")
    page.goto(phone.base + STAGE)
    expect(page.locator("section.kuis-sertifikat")).to_be_hidden()
    page.goto(phone.base + MODULE)
    first = ready(questions(page).first)
    assert "kuis-dilatih" in first.get_attribute("class") or "kuis-salah" in first.get_attribute("class")
    expect(first.locator(".kuis-periksa")).to_have_text("Coba lagi")
    first.locator(".kuis-periksa").tap()
    answer(first, right=True)  # the old answer was seen: this attempt goes on as practice
    assert "kuis-dilatih" in first.get_attribute("class")
    assert saved(page)["versi"] == 2

    for text in ("{not json", '{"versi": 1, "soal": {"x": 3}, "nama": 7}', '{"versi": 2, "soal": null}', "[]"):
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, text])
        for path in (MODULE, STAGE, PROGRESS):
            page.goto(phone.base + path)
            if path == MODULE:
                ready(questions(page).first)
            expect(page.locator(".kuis-status").first).to_have_text("Belum dimulai")
    newer = '{"versi": 3, "soal": {}, "baru": true}'
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, newer])
    page.goto(phone.base + MODULE)
    answer(questions(page).first, right=True)
    expect(questions(page).first.locator(".kuis-umpan")).to_contain_text("Benar.")
    assert page.evaluate(f"localStorage.getItem({STORE!r})") == newer, "a newer edition's progress is not overwritten"


def test_a_completed_stage_shows_a_printable_self_assessment_only_once_every_module_is_mastered(phone):
    """Check that the completion page stays hidden while one question is only practised, and shows with the typed
    name, date and modules once every module of the stage is mastered."""
    phone.page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, 30))  # the phone's own day
    page = phone.open(STAGE)
    panel = page.locator("section.kuis-sertifikat")
    expect(panel).to_be_hidden()
    modules = page.locator("section.kuis-tahap li.kuis-modul")
    links = [modules.nth(i).locator("a").get_attribute("href") for i in range(modules.count())]
    for n, href in enumerate(links):
        page.goto(phone.base + STAGE + href)
        for i in range(questions(page).count()):
            last = n == len(links) - 1 and i == 0
            answer(questions(page).nth(i), right=not last)
            if last:  # the last module's first question: wrong, then right after the key
                questions(page).nth(i).locator(".kuis-periksa").tap()
                answer(questions(page).nth(i), right=True)
    expect(page.locator(".kuis-hasil")).not_to_contain_text("Modul dikuasai.")
    page.goto(phone.base + STAGE)
    expect(panel).to_be_hidden()
    expect(page.locator(".kuis-ringkas").first).to_contain_text(f"{len(links) - 1} dari {len(links)} modul dikuasai")

    page.locator("section.kuis-tahap .kuis-ulang-tahap a").first.tap()
    answer(visible_questions(page).first, right=True)
    expect(page.locator(".kuis-hasil")).to_contain_text("Modul dikuasai.")
    page.goto(phone.base + STAGE)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Penilaian mandiri, bukan sertifikat resmi.")
    panel.locator("input.kuis-nama").fill("Siti Aminah")
    expect(panel.locator(".kuis-sertifikat-nama")).to_have_text("Siti Aminah")
    expect(panel.locator(".kuis-sertifikat-tanggal")).to_have_text(PartialDate(TODAY.year, TODAY.month, TODAY.day).indonesian())
    expect(panel.locator(".kuis-sertifikat-modul li")).to_have_count(len(links))
    expect(page.locator(".kuis-ringkas").first).to_contain_text("Semua modul di tahap ini dikuasai")

    page.reload()
    expect(panel.locator("input.kuis-nama")).to_have_value("Siti Aminah")
    page.goto(phone.base + PROGRESS)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".kuis-reset").tap()
    expect(module_status(page, DAMPINGI)).to_have_text("Belum dimulai")


def test_without_javascript_every_answer_stays_readable(browser, server):
    """Check that with scripts off, each question still shows its answer and explanation on request, its options in
    the order they are written, and none of the script's buttons."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server + MODULE)
    first = questions(page).first
    assert option_order(first) == [str(n) for n in range(1, first.locator("input").count() + 1)]
    expect(page.locator(".kuis-periksa, .kuis-ulangi, .kuis-mode").filter(visible=True)).to_have_count(0)
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
    if path in (PROGRESS, STAGE):  # with every state shown, and the "Ulangi yang salah" links
        seed(page, {SEMBAKO: "dikuasai", VERVAL: "dilatih"})
    if path == MODULE:  # also check the quiz after feedback is shown, its key open, and while repeating
        answer(questions(page).first, right=False)
        questions(page).first.locator("details.kuis-kunci summary").tap()
        answer(questions(page).nth(1), right=True)
        page.locator(".kuis-ulangi").tap()
        expect(page.locator(".kuis-mode")).to_be_visible()
    found = [f"{v['id']} ({len(v['nodes'])}×) {v['nodes'][0]['html'][:120]}"
             for v in Axe().run(page).response["violations"]
             if v["impact"] in ("serious", "critical")]
    assert not found


@pytest.mark.parametrize("kind", ["satu", "beberapa"])
def test_after_a_check_options_say_right_and_chosen_in_words_and_shape(phone, kind):
    """Check that after a wrong answer the right options read "✓ Jawaban benar" with a solid border, the wrong chosen
    one "✗ Pilihan Anda" with a dashed border, the others nothing; and that "Coba lagi" clears the marks."""
    page = phone.open(MODULE)
    question = ready(page.locator(f'fieldset.kuis-soal[data-jenis="{kind}"]').first)
    key = question.get_attribute("data-benar").split(",")
    options = question.locator(".kuis-pilihan label")
    values = [options.nth(i).locator("input").get_attribute("value") for i in range(options.count())]
    wrong = next(v for v in values if v not in key)
    question.locator(f'.kuis-pilihan input[value="{wrong}"]').locator("xpath=..").tap()
    question.locator(".kuis-periksa").tap()
    expect(question.locator(".kuis-umpan")).to_contain_text("Belum tepat.")
    for value in values:
        label = question.locator(f'.kuis-pilihan input[value="{value}"]').locator("xpath=..")
        mark = label.locator(".kuis-tanda")
        style = label.evaluate("e => getComputedStyle(e).borderTopStyle")
        if value in key:
            expect(mark).to_have_text("✓ Jawaban benar")
            assert style == "solid", (value, style)
        elif value == wrong:
            expect(mark).to_have_text("✗ Pilihan Anda")
            assert style == "dashed", (value, style)
        else:
            expect(mark).to_have_count(0)
            assert style == "solid", (value, style)
    question.locator(".kuis-periksa").tap()  # "Coba lagi"
    expect(question.locator(".kuis-tanda")).to_have_count(0)
    expect(question.locator(".kuis-pilihan--keliru")).to_have_count(0)


def test_a_right_answer_marks_the_chosen_option_as_right_and_chosen(phone):
    """Check that a right single answer reads "✓ Jawaban benar · Pilihan Anda" on the chosen option only."""
    page = phone.open(MODULE)
    question = page.locator('fieldset.kuis-soal[data-jenis="satu"]').first
    answer(question, right=True)
    expect(question.locator(".kuis-tanda")).to_have_text(["✓ Jawaban benar · Pilihan Anda"])
