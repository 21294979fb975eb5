"""Session plans: agendas that add up, kits that print, and the FAQs earlier rakor already answered."""

from __future__ import annotations

import textwrap

import pytest

from macros.load.handbook import load_handbook
from macros.render.renderer import Renderer
from macros.types.rencana import agenda_times, minutes
from tests.support.data import BASE_SOURCES, RIWAYAT, errors_of

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
    parts = kit.split('<div class="kit-halaman" markdown>')
    assert len(parts) == 4
    assert "## Lembar soal" in parts[1] and "**Butir satu**" not in parts[1]
    assert "    - ☐ Butir satu" in parts[1] and "    - ( ) Kedua" in parts[1]
    assert "## Kunci jawaban" in parts[2]
    assert "1. **Butir satu**  \n    Tugas uji berisi butir satu." in parts[2]
    assert "3. **Pertama → Kedua → Ketiga**" in parts[2]
    assert "## Daftar hadir" in parts[3] and "| 20 | | | |" in parts[3]


def test_kit_links_print_their_address(kit):
    """Check that links in a kit carry the page address that print shows after the link text."""
    assert '[Tugas uji](../tugas/tugas-uji.md){ data-alamat="/tugas/tugas-uji/" }' in kit


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
