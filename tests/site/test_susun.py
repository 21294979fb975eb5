"""What a trainer does on "Susun sesi sendiri" (rencana/susun/) with a phone: compose a session by tapping, read the
times the agenda computes, share the address and open it again, print the kit. Chromium at 360 px, the real site."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from macros.model.handbook import Handbook
from macros.types.kurikulum import stage_modules
from macros.types.rencana import CLOSING, COMPOSER_DEFAULTS, MINUTES_PER_TEST_QUESTION, OPENING, faqs_answered_at_rakor, modules_cover
from tests.support.phone import WIDTH, wait_until_saved_offline

pytestmark = pytest.mark.browser

PAGE = "/rencana/susun/"
#: The kit's parts after the agenda, each on sheets of its own, in the order the issue names them.
PARTS = ("Bahan peserta", "Lembar soal", "Kunci jawaban", "Pre-test", "Post-test", "Rekap nilai", "Daftar hadir")


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}.{minutes % 60:02d}"


def _expected_times(handbook: Handbook, order: list[str], start: str, pause: int) -> list[str]:
    """The agenda's times as a trainer would add them up: opening, pre-test, modules and breaks, post-test, closing."""
    modules = [handbook.get(m) for m in order if m != "-"]
    test = sum(len(m.data.soal) for m in modules) * MINUTES_PER_TEST_QUESTION
    lengths = [OPENING[1], test, *(pause if m == "-" else handbook.get(m).data.menit for m in order), test, CLOSING[1]]
    minute, times = int(start[:2]) * 60 + int(start[3:]), []
    for length in lengths:
        times.append(f"{_clock(minute)}–{_clock(minute + length)}")
        minute += length
    return times


def _agenda_times(page: Page) -> list[str]:
    return page.locator("#susun-kit .kit-agenda tbody tr td:first-child").all_inner_texts()


def _order(page: Page) -> list[str]:
    return [re.sub(r"\s+\d+ menit$", "", t.strip()) for t in page.locator("#susun-urutan .susun-butir-nama").all_inner_texts()]


@pytest.fixture(scope="module")
def stage(real_handbook):
    first = min(real_handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    return stage_modules(first, real_handbook)


def test_compose_by_tapping_then_the_address_restores_it(phone, real_handbook, stage):
    """Check that a trainer composes a session by tapping at 360 px, the agenda's times follow the modules' minutes,
    and the address (reloaded, or opened by someone else) brings back the same selection."""
    a, b = stage[0], stage[2]
    page = phone.open(PAGE)
    expect(page.locator("#susun-ringkasan")).to_have_text("Belum ada modul yang dipilih.")
    page.locator(f"label[for='susun-modul-{a.id}']").tap()
    page.locator(f"label[for='susun-modul-{b.id}']").tap()
    page.get_by_role("button", name=f"Naikkan: {b.data.judul}").tap()
    page.get_by_role("button", name="Tambah istirahat").tap()
    assert _order(page) == [b.data.judul, "Istirahat", a.data.judul]
    page.locator("#susun-mulai").fill("09:30")
    page.locator("#susun-istirahat").fill("10")
    page.locator("#susun-peserta").fill("7")
    faqs = [f for f in faqs_answered_at_rakor(modules_cover([a, b]), real_handbook)]
    assert faqs, "the chosen modules have no FAQ answered at a rakor: pick others"
    page.locator(f"label[for='susun-faq-{faqs[0].id}']").tap()
    # Only the FAQs of the chosen modules are offered.
    offered = page.locator("[data-faq]:not([hidden])")
    expect(offered).to_have_count(len(faqs))

    order = [b.id, "-", a.id]
    times = _expected_times(real_handbook, order, "09.30", 10)
    assert _agenda_times(page) == times
    questions = len(a.data.soal) + len(b.data.soal)
    total = int(times[-1][-5:-3]) * 60 + int(times[-1][-2:]) - 9 * 60 - 30
    expect(page.locator("#susun-ringkasan")).to_contain_text(f"2 modul, {questions} soal. Pukul 09.30–{times[-1][-5:]}")
    assert total == OPENING[1] + CLOSING[1] + 2 * questions * MINUTES_PER_TEST_QUESTION + a.data.menit + b.data.menit + 10
    address = f"#modul={b.id},-,{a.id}&faq={faqs[0].id}&mulai=09.30&istirahat=10&peserta=7"
    assert page.evaluate("location.hash") == address
    expect(page.locator("#susun-tautan")).to_have_value(phone.base + PAGE + address)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH

    def same_selection(tab: Page) -> None:
        assert _order(tab) == [b.data.judul, "Istirahat", a.data.judul]
        expect(tab.locator(f"#susun-modul-{a.id}")).to_be_checked()
        expect(tab.locator(f"#susun-modul-{stage[1].id}")).not_to_be_checked()
        expect(tab.locator(f"#susun-faq-{faqs[0].id}")).to_be_checked()
        expect(tab.locator("#susun-mulai")).to_have_value("09:30")
        expect(tab.locator("#susun-istirahat")).to_have_value("10")
        expect(tab.locator("#susun-peserta")).to_have_value("7")
        assert _agenda_times(tab) == times
        expect(tab.locator("#susun-kit .kit-bahan")).to_contain_text(faqs[0].data.pertanyaan)
        expect(tab.locator("#susun-pesan")).to_be_hidden()

    page.reload()
    same_selection(page)
    other = page.context.new_page()  # the koordinator's colleague opens the shared link
    other.goto(phone.base + PAGE + address)
    same_selection(other)
    other.close()


def test_order_buttons_work_from_the_keyboard_and_keep_focus(phone, stage):
    """Check that moving a module with the keyboard keeps focus on the moved module's button, and that every
    control is a thumb's size (44 px each way) at 360 px."""
    page = phone.open(PAGE + f"#modul={stage[0].id},{stage[1].id},{stage[2].id}")
    down = page.get_by_role("button", name=f"Turunkan: {stage[0].data.judul}")
    down.focus()
    page.keyboard.press("Enter")
    assert _order(page) == [stage[1].data.judul, stage[0].data.judul, stage[2].data.judul]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Turunkan: {stage[0].data.judul}"
    page.keyboard.press("Space")
    assert _order(page)[-1] == stage[0].data.judul
    small = page.evaluate(
        """() => [...document.querySelectorAll('.susun-pilih label, #susun-form button, #susun-form input:not([type=checkbox])')]
             .filter((el) => el.offsetParent !== null)
             .map((el) => [el, el.getBoundingClientRect()])
             .filter(([el, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
             .map(([el, r]) => `${el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)}: `
               + `${Math.round(r.width)}x${Math.round(r.height)}`)"""
    )
    assert not small, small


def test_a_shared_link_with_unknown_ids_says_what_it_left_out(phone, stage):
    """Check that ids this edition lacks and values out of bounds give one clear Indonesian message, the rest is kept."""
    page = phone.open(PAGE + f"#modul=modul-lama,{stage[0].id}&faq=faq-lama&mulai=25.00&peserta=banyak&warna=merah")
    message = page.locator("#susun-pesan")
    expect(message).to_be_visible()
    expect(message).to_have_attribute("role", "alert")
    text = message.inner_text()
    assert "Tautan ini tidak bisa dipakai seluruhnya" in text
    assert 'Modul "modul-lama" tidak ada di buku saku edisi ini' in text
    assert 'Tanya jawab "faq-lama" tidak ada' in text
    assert 'Jam mulai "25.00" tidak dikenali' in text and f"dipakai {COMPOSER_DEFAULTS['mulai']}" in text
    assert 'Jumlah peserta "banyak" harus angka 1–200' in text
    assert 'Bagian tautan "warna" tidak dikenali' in text
    assert _order(page) == [stage[0].data.judul]
    expect(page.locator("#susun-kit .kit-halaman")).to_have_count(len(PARTS))
    assert page.evaluate("location.hash") == (f"#modul={stage[0].id}&mulai={COMPOSER_DEFAULTS['mulai']}"
                                              f"&istirahat={COMPOSER_DEFAULTS['istirahat']}&peserta={COMPOSER_DEFAULTS['peserta']}")


def test_composed_session_prints_every_part_with_a_row_per_participant(phone, real_handbook, stage):
    """Check the printed kit (page.pdf, A4): agenda with its times first; then handout, quiz sheet, answer key, pre-test,
    post-test, tally sheet and sign-in sheet, each starting a sheet; the same questions in the pre- and post-test in
    another order; as many sign-in and tally rows as participants; links printed with their addresses."""
    modules = stage[:2]
    faq = faqs_answered_at_rakor(modules_cover(modules), real_handbook)[0]
    address = f"#modul={modules[0].id},-,{modules[1].id}&faq={faq.id}&mulai=08.00&istirahat=15&peserta=7"
    page = phone.open(PAGE + address)
    expect(page.locator("#susun-kit .kit-halaman")).to_have_count(len(PARTS))
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    pages = [p.extract_text() or "" for p in reader.pages]
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)

    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip() and not re.fullmatch(r"Halaman \d+", line.strip())]

    starts = {}
    for heading in PARTS:
        found = [i for i, text in enumerate(pages) if lines(text)[:1] == [heading]]
        assert len(found) == 1, f"{heading!r} starts pages {[i + 1 for i in found]}"
        starts[heading] = found[0]
    assert list(starts.values()) == sorted(starts.values()), f"parts out of order: {starts}"
    assert starts[PARTS[0]] >= 1, "the agenda has no sheet of its own before the handout"

    agenda = " ".join(pages[:starts[PARTS[0]]])
    assert "Agenda" in agenda and "Sesi pelatihan TKSK" in agenda
    for time in _expected_times(real_handbook, [modules[0].id, "-", modules[1].id], "08.00", 15):
        assert time in agenda, f"agenda lacks {time}"

    def part(name: str) -> str:
        after = [s for s in starts.values() if s > starts[name]]
        return _words(" ".join(pages[starts[name]:min(after) if after else len(pages)]))

    handout = part("Bahan peserta")
    for m in modules:
        assert _words(m.data.tujuan[0]) in handout
        reading = real_handbook.get(m.data.bacaan[0])
        assert _words(reading.title) in handout and f"(/{reading.url})" in handout.replace(" ", "")
    assert _words(faq.data.pertanyaan) in handout
    assert "•" not in part("Lembar soal") and "☐" in part("Lembar soal")

    questions = [q for m in modules for q in m.data.soal]
    pre, post = part("Pre-test"), part("Post-test")
    positions = []
    for sheet in (pre, post):
        where = [sheet.find(_words(q.teks)[:40]) for q in questions]
        assert -1 not in where, "a question is missing from the pre- or post-test"
        positions.append(sorted(range(len(questions)), key=where.__getitem__))
    assert positions[0] != positions[1], "the post-test has the pre-test's order"
    assert f"Post-test (benar dari {len(questions)})" in part("Rekap nilai")

    for name in ("Daftar hadir", "Rekap nilai"):
        numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\s*$", "\n".join(pages[starts[name]:starts[name] + 2]))]
        participants = numbers[:numbers.index(7) + 1] if 7 in numbers else numbers
        assert participants == list(range(1, 8)), f"{name}: rows {numbers}"
    sign_in = "\n".join(pages[starts["Daftar hadir"]:])
    assert not re.search(r"(?m)^8\s*$", sign_in), "the sign-in sheet has more rows than participants"


def test_composer_works_offline(phone, stage):
    """Check that after one visit with signal the composer and its data open and build a kit without signal (the
    first visit saves its script and style; the page itself is kept once opened, or with Untuk Pelatih's "Simpan")."""
    page = phone.open("/")
    wait_until_saved_offline(page, "/javascripts/susun.js", "/stylesheets/susun.css")
    page.goto(phone.base + PAGE)
    expect(page.locator("#susun-form")).to_be_visible()
    page.context.set_offline(True)
    page.goto(phone.base + PAGE + f"#modul={stage[0].id}&peserta=3")
    expect(page.locator("article h1")).to_have_text(re.compile("Susun sesi sendiri"))
    expect(page.locator("#susun-kit .kit-hadir tbody tr")).to_have_count(3)


@pytest.mark.parametrize("path", ["/rencana/orientasi-tksk-baru/", PAGE + "#modul=mengenal-tksk-dan-aturannya&peserta=4"])
def test_on_paper_options_are_boxes_and_sign_in_rows_are_tall_enough(phone, path):
    """Check the print styles on a written kit and a composed one: no list bullet before an option's box, the kind
    of question at the text's size, sign-in rows about 10 mm tall (37.8 px), link addresses after the links."""
    page = phone.open(path)
    page.emulate_media(media="print")
    styles = page.evaluate("""() => {
        const option = document.querySelector('.kit-soal .kit-kotak').closest('li');
        const hint = document.querySelector('.kit-soal .kit-petunjuk');
        const row = document.querySelector('.kit-hadir tbody tr');
        const link = document.querySelector('.kit-halaman a[data-alamat]');
        return {bullet: getComputedStyle(option).listStyleType, hint: parseFloat(getComputedStyle(hint).fontSize),
                text: parseFloat(getComputedStyle(option).fontSize), row: row.getBoundingClientRect().height,
                address: getComputedStyle(link, '::after').content};
    }""")
    assert styles["bullet"] == "none"
    assert styles["hint"] >= styles["text"]
    assert styles["row"] >= 37, f"sign-in row {styles['row']:.1f} px"
    assert re.fullmatch(r'" \(/[a-z]+/[a-z0-9-]+/\)"', styles["address"]), styles  # no SITE_URL in the test build: the path


def _words(text: str) -> str:
    """Text as a reader sees it: Markdown marks dropped, whitespace (line wraps) as single spaces."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())
