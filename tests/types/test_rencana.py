"""Session plans: agendas that add up, kits that print, and the FAQs earlier rakor already answered."""

from __future__ import annotations

import re
import textwrap

import pytest

from macros.load.handbook import load_handbook
from macros.render.composer import composer_data
from macros.render.renderer import Renderer, printed_address
from macros.types.rencana import SIGN_IN_ROWS, agenda_times, earlier_faqs, example_selection, minutes
from tests.support.data import BASE_SOURCES, RIWAYAT, errors_of, with_more_sources

FILE = "data/rencana/rencana-uji.yml"
PLAN = BASE_SOURCES[FILE]


def plan(old: str, new: str) -> dict[str, str]:
    assert old in PLAN, old
    return {FILE: textwrap.dedent(PLAN.replace(old, new, 1)).replace("@RIWAYAT@", RIWAYAT)}


CASES = [
    pytest.param(
        plan("{menit: 15, kegiatan: Pembukaan}", "{menit: 5, kegiatan: Pembukaan}"),
        [f"{FILE}:6: durasi: jumlah menit agenda (50) tidak sama dengan durasi (60); samakan keduanya"],
        id="agenda-minutes-do-not-add-up",
    ),
    pytest.param(
        plan("{menit: 15, kegiatan: Pembukaan}", "{menit: 15, kegiatan: Pembukaan, modul: modul-lain}"),
        [f"{FILE}:10: agenda[1].modul: tidak ada modul dengan id \"modul-lain\"; maksudnya \"modul-uji\"?"],
        id="agenda-module-does-not-resolve",
    ),
    pytest.param(
        plan('mulai: "08.00"', 'mulai: "8:00"'),
        [f"{FILE}:7: mulai: harus berupa jam mulai dengan format JJ.MM, misalnya 08.00; tertulis \"8:00\""],
        id="start-time-not-a-clock",
    ),
    pytest.param(
        plan("tahap: tahap-uji", "tahap: modul-uji"),
        [f"{FILE}:3: tahap: \"modul-uji\" adalah modul, padahal yang diminta kurikulum"],
        id="stage-is-a-module",
    ),
    pytest.param(
        plan("modul: [modul-uji]", "modul: []"),
        [f"{FILE}:12: modul: harus berisi paling sedikit 1 butir; ada 0"],
        id="plan-without-modules",
    ),
    pytest.param(
        {FILE: None, "data/rencana/susun.yml": plan("id: rencana-uji", "id: susun")[FILE]},
        ["data/rencana/susun.yml:1: id: id \"susun\" sudah dipakai halaman rencana/susun/ (Susun sesi sendiri); pilih id lain"],
        id="id-taken-by-the-composer",
    ),
    pytest.param(
        plan("durasi: 60", "durasi: 60\n        peserta: 0"),
        [f"{FILE}:7: peserta: harus berupa angka bulat 1–200; tertulis 0"],
        id="no-participants",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_bad_plan_is_reported_precisely(tree, changes, expected):
    """Check that each plan mistake gives exactly the expected file:line: field: message."""
    assert errors_of(tree(changes)) == expected


@pytest.fixture
def kit(tree):
    handbook = load_handbook(tree())
    return Renderer(handbook).record_page(handbook.get("rencana-uji"))


def test_agenda_has_clock_times_that_add_up(kit, tree):
    """Check that the agenda shows each item's clock times from the start time and the total."""
    assert "| 08.00–08.15 | **Pembukaan** | 15 |" in kit
    assert "| 08.15–09.00 | **Modul uji**<br>Modul: [Modul uji](../kurikulum/modul-uji.md)" in kit
    assert "| | **Jumlah** | **60** |" in kit
    without_start = "".join(line for line in PLAN.splitlines(True) if "mulai:" not in line)
    no_clock = load_handbook(tree({FILE: textwrap.dedent(without_start).replace("@RIWAYAT@", RIWAYAT)}))
    assert agenda_times(no_clock.get("rencana-uji")) == [("0", "15 menit"), ("15", "60 menit")]


@pytest.mark.parametrize(("total", "said"), [(45, "45 menit"), (60, "1 jam"), (210, "3 jam 30 menit")])
def test_minutes_are_said_as_trainers_say_them(total, said):
    """Check that a duration reads in hours and minutes."""
    assert minutes(total) == said


def test_kit_has_quiz_sheet_answer_key_and_sign_in_sheet_on_their_own_pages(kit):
    """Check that the quiz sheet, the answer key and the sign-in sheet each start a new printed page, in that order."""
    parts = kit.split('<div class="kit-halaman ')
    assert len(parts) == 4
    assert parts[1].startswith('kit-soal" markdown>') and parts[2].startswith('kit-kunci" markdown>')
    assert parts[3].startswith('kit-hadir" markdown>')
    assert "## Lembar soal" in parts[1] and "**Butir satu**" not in parts[1]
    assert "## Kunci jawaban" in parts[2]
    assert "1. **Butir satu**  \n    Tugas uji berisi butir satu." in parts[2]
    assert "3. **Pertama → Kedua → Ketiga**" in parts[2]
    assert "## Daftar hadir" in parts[3] and f"| {SIGN_IN_ROWS} | | | |" in parts[3]
    assert f"| {SIGN_IN_ROWS + 1} |" not in parts[3]


def test_quiz_sheet_has_one_box_per_option_and_instructions_as_written(kit):
    """Check the quiz sheet on paper: each option is one box (the bullet is dropped by cetak.css's kit-soal), the kind of
    question is said at the text's size with 'Anda' as written, and ordering questions ask for numbers in the boxes."""
    sheet = kit.split('<div class="kit-halaman kit-soal" markdown>')[1].split("</div>")[0]
    assert '    - <span class="kit-kotak">☐</span> Butir satu' in sheet
    assert '    - <span class="kit-kotak">☐</span> Kedua' in sheet
    assert "( )" not in sheet and "<small>" not in sheet
    assert '<span class="kit-petunjuk">(Apa yang Anda lakukan?)</span>' in sheet
    assert '<span class="kit-petunjuk">(Pilih satu jawaban)</span>' in sheet
    assert not re.search(r"\banda\b", sheet)
    assert "tulis nomor urut (1, 2, 3, ...)\ndi kotak setiap langkah" in sheet


def test_agenda_is_kept_together_on_paper(kit):
    """Check that the agenda table sits in its own block, which cetak.css keeps from breaking after its first row."""
    agenda = kit.split('<div class="kit-agenda" markdown>')[1].split("</div>")[0]
    assert agenda.lstrip().startswith("## Agenda") and "| | **Jumlah** | **60** |" in agenda


def test_sign_in_sheet_has_a_row_per_participant(tree):
    """Check that a plan that says how many take part gets that many sign-in rows."""
    handbook = load_handbook(tree(plan("durasi: 60", "durasi: 60\n        peserta: 7")))
    page = Renderer(handbook).record_page(handbook.get("rencana-uji"))
    assert "| 7 | | | |" in page and "| 8 |" not in page


def test_kit_links_print_their_address(kit):
    """Check that links in a kit carry the page address that print shows after the link text (no published
    address: the path)."""
    assert '[Tugas uji](../tugas/tugas-uji.md){ data-alamat="/tugas/tugas-uji/" }' in kit


@pytest.mark.parametrize(("site_url", "start"), [
    ("https://dinsos.example.go.id/buku-saku/latest/", "https://dinsos.example.go.id/buku-saku/latest/"),
    ("https://dinsos.example.go.id/buku-saku/latest", "https://dinsos.example.go.id/buku-saku/latest/"),  # mike's urljoin
    ("http://127.0.0.1:8000/", "/"),  # `make serve`'s default: no address a reader could open
    ("http://localhost:8000/", "/"),
    (None, "/"),
])
def test_printed_addresses_start_with_the_published_address(tree, site_url, start):
    """Check that kits print full addresses from SITE_URL, and the path when the site has no published address."""
    assert printed_address(site_url) == start
    handbook = load_handbook(tree())
    page = Renderer(handbook, site_url=site_url).record_page(handbook.get("rencana-uji"))
    assert f'[Tugas uji](../tugas/tugas-uji.md){{ data-alamat="{start}tugas/tugas-uji/" }}' in page


def test_kit_lists_faqs_already_discussed_at_a_rakor(kit, tree):
    """Check that FAQs on the covered records, discussed at a rakor, are listed with that rakor; others are not."""
    assert "## Sudah dibahas di rakor sebelumnya" in kit
    assert ("*Dibahas di:* [Rakor uji](../rakor/rakor-uji.md){ data-alamat=\"/rakor/rakor-uji/\" }") in kit
    faq = "".join(line for line in BASE_SOURCES["data/faq/peran-tksk.yml"].splitlines(True) if "rakor: rakor-uji" not in line)
    handbook = load_handbook(tree({"data/faq/peran-tksk.yml": textwrap.dedent(faq)}))
    assert "Sudah dibahas di rakor" not in Renderer(handbook).record_page(handbook.get("rencana-uji"))


def test_trainer_section_lists_every_plan(tree):
    """Check that the generated "Untuk Pelatih" page lists each plan with its length, stage and modules."""
    pages = {p.src_uri: p.markdown for p in Renderer(load_handbook(tree())).record_pages()}
    index = pages["rencana/index.md"]
    assert index.startswith('---\ntitle: "Untuk Pelatih"\n')
    assert "## [Rencana uji](rencana-uji.md)" in index
    assert "- **Lama:** 1 jam" in index


def test_composer_page_carries_its_data_and_an_example(tree):
    """Check the "Susun sesi sendiri" page: generated with the section, its form lists every module by stage, and its
    JSON block holds each module's minutes, objectives, readings with their own summaries, questions and the FAQs
    an earlier rakor answered on its records (the same ones a written plan of that module lists)."""
    handbook = load_handbook(tree())
    pages = {p.src_uri: p.markdown for p in Renderer(handbook).record_pages()}
    page = pages["rencana/susun.md"]
    assert page.startswith('---\ntitle: "Susun sesi sendiri"\n')
    assert 'scripts: ["javascripts/susun.js"]' in page and 'styles: ["stylesheets/susun.css"]' in page
    assert 'id="susun-modul-modul-uji"' in page and '<legend>Tahap 1: Uji</legend>' in page
    assert f'href="#{example_selection(["modul-uji"])}"' in page
    assert '<script type="application/json" id="susun-data">' in page
    data = composer_data(handbook, "/", "rencana/susun")
    module = data["modul"]["modul-uji"]
    assert module["menit"] == handbook.get("modul-uji").data.menit and module["tujuan"]
    assert module["bacaan"] == ["tugas-uji", "rakor-uji"]
    assert data["catatan"]["tugas-uji"]["inti"] == handbook.get("tugas-uji").summary
    assert [q["id"] for q in module["soal"]] == [q.id for q in handbook.get("modul-uji").data.soal]
    assert module["faq"] == [f.id for f in earlier_faqs(handbook.get("rencana-uji"), handbook)] and module["faq"]
    assert set(data["faq"]) == set(module["faq"])
    assert data["akar"] == "../../" and data["contoh"] == example_selection(["modul-uji"])


def test_example_selection_puts_a_break_halfway():
    """Check the example address: modules in order, a break halfway, the defaults."""
    assert example_selection(["a", "b", "c", "d"]) == "modul=a,b,-,c,d&mulai=08.00&istirahat=15&peserta=20"
    assert example_selection(["a"], peserta=5) == "modul=a&mulai=08.00&istirahat=15&peserta=5"


def test_composer_is_in_the_menu_and_not_a_kit(tree):
    """Check that "Susun sesi sendiri" is a menu entry under Untuk Pelatih and is not printed as a written plan's kit."""
    from macros.render.navigation import extend_nav
    from macros.tools.pdf import kit_ids

    nav = extend_nav([{"Beranda": "index.md"}], load_handbook(tree()))
    assert {"Untuk Pelatih": ["rencana/index.md", {"Susun sesi sendiri": "rencana/susun.md"}]} in nav
    site = tree()
    for folder in ("rencana/rencana-uji", "rencana/susun"):
        (site / "built" / folder).mkdir(parents=True)
        (site / "built" / folder / "index.html").write_text("x")
    assert kit_ids(site / "built") == ["rencana-uji"]


def test_plan_sources_are_its_own_then_its_modules_and_printed_faqs(tree):
    """Check that a plan lists its own sources, then its modules' (readings and questions), then those of the FAQs its
    kit prints as discussed at a rakor; an FAQ the kit does not print adds nothing."""
    changes = with_more_sources()
    handbook = load_handbook(tree(changes))
    plan_record = handbook.get("rencana-uji")
    assert handbook.sources_of(plan_record) == ["berita-uji", "laporan-tugas", "laporan-rakor", "laporan-faq"]
    assert plan_record.data.sumber == ["berita-uji"]
    page = Renderer(handbook).record_page(plan_record)
    sources = page[page.index("## Sumber\n"):page.index("## Lembar soal")]
    assert [s for s in ("berita-uji", "laporan-tugas", "laporan-rakor", "laporan-faq") if f"(../sumber/{s}.md)" in sources] == [
        "berita-uji", "laporan-tugas", "laporan-rakor", "laporan-faq"]
    not_at_rakor = "".join(line for line in changes["data/faq/peran-tksk.yml"].splitlines(True) if "rakor: rakor-uji" not in line)
    handbook = load_handbook(tree({**changes, "data/faq/peran-tksk.yml": not_at_rakor}))
    assert handbook.sources_of(handbook.get("rencana-uji")) == ["berita-uji", "laporan-tugas", "laporan-rakor"]
