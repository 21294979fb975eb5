"""The curriculum: stages, modules and self-check questions, validated like every record and rendered as quizzes."""

from __future__ import annotations

import re
import textwrap

import pytest

from macros.load.handbook import load_handbook
from macros.render.navigation import extend_nav
from macros.render.renderer import Renderer
from macros.tools.cli import main
from macros.types.kurikulum import question_version, right_values
from tests.support.data import BASE_SOURCES, RIWAYAT, errors_of, with_more_sources

FILE = "data/kurikulum/tahap-uji.yml"
#: The base stage as written in tests/support/data.py (indented), so changes below read like the file.
STAGE = BASE_SOURCES[FILE]


def written(text: str) -> str:
    return textwrap.dedent(text).replace("@RIWAYAT@", RIWAYAT)


def stage(old: str, new: str, count: int = 1) -> dict[str, str]:
    assert old in STAGE, old
    return {FILE: written(STAGE.replace(old, new, count))}


def with_sop_reading(changes: dict[str, str]) -> dict[str, str]:
    """The same changes with sop-uji among modul-uji's readings."""
    text = changes[FILE]
    assert "bacaan: [tugas-uji, rakor-uji]" in text
    return {**changes, FILE: text.replace("bacaan: [tugas-uji, rakor-uji]", "bacaan: [tugas-uji, rakor-uji, sop-uji]", 1)}


SECOND_MODULE = STAGE.replace("        sumber: [berita-uji]\n", """\
          - id: modul-dua
            judul: Modul dua
            menit: 10
            tujuan: [Mengulang.]
            bacaan: [tugas-uji]
            soal:
""" + "".join(f"""\
              - id: {qid}
                jenis: satu
                teks: Soal {n}?
                pilihan: [Ya, Tidak]
                jawaban: Ya
                penjelasan: Karena ya.
                rujukan: tugas-uji
""" for n, qid in enumerate(["dua-1", "dua-2", "uji-lima", "dua-4", "dua-5"], 1)) + "        sumber: [berita-uji]\n", 1)

CASES = [
    pytest.param(
        stage("jawaban: Butir satu", "jawaban: Butir tiga"),
        [f"{FILE}:17: modul[1].soal[1].jawaban: jawaban \"Butir tiga\" tidak ada di pilihan; tulis persis seperti salah satu pilihan"],
        id="answer-not-among-options",
    ),
    pytest.param(
        stage("pilihan: [Butir satu, Butir dua]", "pilihan: [Butir satu]"),
        [f"{FILE}:16: modul[1].soal[1].pilihan: harus berisi paling sedikit 2 butir; ada 1"],
        id="fewer-than-two-options",
    ),
    pytest.param(
        stage("pilihan: [Butir satu, Butir dua]", "pilihan: [Butir satu, Butir satu]"),
        [f"{FILE}:16: modul[1].soal[1].pilihan: ada pilihan yang ditulis dua kali"],
        id="option-written-twice",
    ),
    pytest.param(
        stage("jawaban: Butir satu", "jawaban: [Butir satu, Butir dua]"),
        [f"{FILE}:17: modul[1].soal[1].jawaban: soal jenis satu punya tepat satu jawaban; tertulis 2"],
        id="one-answer-question-with-two",
    ),
    pytest.param(
        stage("jawaban: [Pertama, Kedua, Ketiga]", "jawaban: [Pertama, Kedua]"),
        [f"{FILE}:31: modul[1].soal[3].jawaban: jawaban soal urutan harus memuat setiap langkah di pilihan tepat sekali, "
         "dalam urutan yang benar"],
        id="ordering-answer-not-a-permutation",
    ),
    pytest.param(
        stage("pilihan: [Kedua, Pertama, Ketiga]", "pilihan: [Pertama, Kedua, Ketiga]"),
        [f"{FILE}:30: modul[1].soal[3].pilihan: pilihan soal urutan sudah dalam urutan benar; acak urutannya agar soal ini "
         "menguji sesuatu"],
        id="ordering-options-already-in-order",
    ),
    pytest.param(
        stage("                situasi: Seorang warga bertanya tentang tugas Anda.\n", ""),
        [f"{FILE}:34: modul[1].soal[4].situasi: soal jenis kasus perlu situasi lapangan (situasi)"],
        id="scenario-without-situation",
    ),
    pytest.param(
        stage("jenis: satu", "jenis: isian"),
        [f"{FILE}:14: modul[1].soal[1].jenis: harus salah satu dari: satu, beberapa, urutan, kasus; tertulis \"isian\""],
        id="unknown-question-kind",
    ),
    pytest.param(
        {FILE: written(STAGE[:STAGE.index("              - id: uji-lima")] + STAGE[STAGE.index("        sumber: [berita-uji]"):])},
        [f"{FILE}:13: modul[1].soal: harus berisi paling sedikit 5 butir; ada 4"],
        id="module-with-four-questions",
    ),
    pytest.param(
        {FILE: written(SECOND_MODULE)},
        [f"{FILE}:69: modul[2].soal[3].id: id soal \"uji-lima\" sudah dipakai di {FILE}:42; id soal harus unik di seluruh kurikulum"],
        id="question-id-used-twice",
    ),
    pytest.param(
        stage("bacaan: [tugas-uji, rakor-uji]", "bacaan: [tugas-ujii, rakor-uji]"),
        [f"{FILE}:11: modul[1].bacaan[1]: tidak ada sop atau tugas atau regulasi atau faq atau program atau rakor atau glosarium "
         "dengan id \"tugas-ujii\"; maksudnya \"tugas-uji\"?"],
        id="reading-does-not-resolve",
    ),
    pytest.param(
        with_sop_reading(stage("""                pilihan: [Kedua, Pertama, Ketiga]
                jawaban: [Pertama, Kedua, Ketiga]
                penjelasan: Yang pertama lebih dulu.
                rujukan: tugas-uji""", """                pilihan: [Langkah satu, Langkah dua]
                jawaban: [Langkah dua, Langkah satu]
                penjelasan: Yang pertama lebih dulu.
                rujukan: sop-uji""")),
        [f"{FILE}:31: modul[1].soal[3].jawaban: soal urutan merujuk SOP \"sop-uji\": jawabannya harus judul langkah SOP itu, "
         "dalam urutan SOP (Langkah satu; Langkah dua)"],
        id="ordering-question-disagrees-with-its-sop",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_bad_curriculum_is_reported_precisely(tree, changes, expected):
    """Check that each curriculum mistake gives exactly the expected file:line: field: message."""
    assert errors_of(tree(changes)) == expected


def test_ordering_question_following_its_sop_is_accepted(tree):
    """Check that an ordering question citing an SOP passes when it lists the SOP's steps in the SOP's order."""
    changes = with_sop_reading(stage("""                pilihan: [Kedua, Pertama, Ketiga]
                jawaban: [Pertama, Kedua, Ketiga]
                penjelasan: Yang pertama lebih dulu.
                rujukan: tugas-uji""", """                pilihan: [Langkah dua, Langkah satu]
                jawaban: [Langkah satu, Langkah dua]
                penjelasan: Langkah satu lebih dulu.
                rujukan: sop-uji"""))
    assert errors_of(tree(changes)) == []


def test_question_the_readings_do_not_answer_is_refused(tree):
    """Check that a question citing a record that is neither a reading of its module nor linked from one is an error:
    the reader could not answer it from the module."""
    changes = stage("""                penjelasan: Rakor uji diselenggarakan Dinas uji bagi para TKSK.
                rujukan: rakor-uji""", """                penjelasan: Rakor uji diselenggarakan Dinas uji bagi para TKSK.
                rujukan: sop-uji""")
    assert errors_of(tree(changes)) == [
        f'{FILE}:26: modul[1].soal[2].rujukan: "sop-uji" bukan bacaan modul ini dan tidak ditautkan dari bacaannya '
        "(tugas-uji, rakor-uji): pembaca tidak bisa menjawab dari bacaan modul; tambahkan ke bacaan, atau rujuk "
        "bacaan yang memuat jawabannya"]


def test_question_may_cite_what_a_reading_links_to(tree):
    """Check that a question may cite a record a reading links to (tugas-uji names aturan-lama as its basis)."""
    changes = stage("""                penjelasan: Rakor uji diselenggarakan Dinas uji bagi para TKSK.
                rujukan: rakor-uji""", """                penjelasan: Rakor uji diselenggarakan Dinas uji bagi para TKSK.
                rujukan: aturan-lama""")
    assert errors_of(tree(changes)) == []


def _validate_out(root, capsys) -> str:
    assert main(["validate", "--root", str(root)]) == 0
    return capsys.readouterr().out


def test_report_says_how_often_the_right_option_is_the_longest(tree, capsys):
    """Check that `tksk validate` reports, per stage and overall, the one-answer and scenario questions whose right
    option is longer than every other, and warns over the 40% target and for a right option far longer than the rest."""
    out = _validate_out(tree(), capsys)
    # uji-satu: "Butir satu" is longer than "Butir dua"; uji-kasus: "Menjelaskan butir satu" against "Diam saja"
    assert ("Soal cek mandiri: pilihan benar paling panjang (soal satu jawaban dan kasus; sasaran paling banyak 40%, "
            "peluang menebak 50%)\n  Tahap 1: Uji: 2 dari 3 (67%)\n  Seluruh kurikulum: 2 dari 3 (67%)\n") in out
    assert ("peringatan: kurikulum: pilihan benar paling panjang di 2 dari 3 (67%) soal satu jawaban dan kasus, lebih dari "
            "sasaran 40%: pembaca bisa menebak tanpa membaca; samakan panjang pilihan") in out
    assert (f"peringatan: {FILE}:34: pilihan benar 2.44× lebih panjang dari pilihan lain yang terpanjang (batas 1.5×); "
            "tulis pengecoh yang sama lengkapnya") in out
    fair = stage("pilihan: [Menjelaskan butir satu, Diam saja]", "pilihan: [Menjelaskan butir dua saja, Menjelaskan butir satu]")
    fair_out = _validate_out(tree(fair), capsys)
    assert "  Seluruh kurikulum: 2 dari 3 (67%)" not in fair_out and "  Seluruh kurikulum: 1 dari 3 (33%)" in fair_out
    assert "pilihan benar paling panjang di" not in fair_out and "lebih panjang dari pilihan lain" not in fair_out


def test_near_duplicate_questions_are_flagged(tree, capsys):
    """Check that two questions expecting the same answer are named together as a warning, with both places."""
    twice = stage("""                teks: Siapa penyelenggara rakor uji?
                pilihan: [Dinas uji, Pihak lain]
                jawaban: Dinas uji""", """                teks: Apa yang benar tentang rakor uji?
                pilihan: [Diselenggarakan Dinas uji dan diikuti para TKSK, Diadakan di luar negeri bagi warga]
                jawaban: Diselenggarakan Dinas uji dan diikuti para TKSK""")
    out = _validate_out(tree(twice), capsys)
    assert (f'peringatan: {FILE}:20: soal "uji-beberapa" hampir sama dengan soal "uji-lima" ({FILE}:42; 86% kata sama); ') in out
    assert "ubah salah satunya agar menguji hal lain" in out
    assert "hampir sama" not in _validate_out(tree(), capsys)


def test_coverage_gaps_are_warnings_not_errors(tree, capsys):
    """Check that an SOP no module teaches is reported by `tksk validate` as a warning, with exit code 0."""
    assert main(["validate", "--root", str(tree())]) == 0
    out = capsys.readouterr().out
    assert ('peringatan: SOP "sop-uji" (data/sop/sop-uji.yml) belum diajarkan di modul mana pun; '
            "tambahkan ke bacaan atau rujukan soal") in out
    assert "tugas-uji" not in out.split("peringatan:", 1)[1]  # taught: read in modul-uji


@pytest.fixture
def pages(tree):
    def render(changes=None):
        return {p.src_uri: p.markdown for p in Renderer(load_handbook(tree(changes))).record_pages()}
    return render


def test_module_page_is_a_quiz_that_reads_without_javascript(pages):
    """Check that each question renders with its kind, right answer for the script, and a readable answer in <details>."""
    page = pages()["kurikulum/modul-uji.md"]
    assert page.startswith('---\ntitle: "Modul uji"\n')
    assert page.count('<fieldset class="kuis-soal"') == 5
    assert '<fieldset class="kuis-soal" id="soal-uji-urutan" data-soal="uji-urutan"' in page
    assert 'data-jenis="urutan" data-benar="2,1,3">' in page
    assert 'data-jenis="beberapa" data-benar="1,2">' in page
    assert '<input type="checkbox" name="uji-beberapa" value="3"> Diadakan di luar negeri' in page
    assert '<li data-nilai="1"><span class="kuis-langkah">Kedua</span></li>' in page
    assert "<p><strong>Urutan yang benar:</strong> Pertama → Kedua → Ketiga</p>" in page
    assert '<p>Rujukan: <a href="../../tugas/tugas-uji/">Tugas uji</a></p>' in page
    assert '<p class="kuis-situasi">Seorang warga bertanya tentang tugas Anda.</p>' in page
    assert "1. [Tugas uji](../tugas/tugas-uji.md) <small>(Tugas & Fungsi)</small>" in page


def test_module_page_states_the_mastery_rule_and_holds_ulangi_yang_salah(pages):
    """Check that a module page says how mastery is counted, has the hidden "Ulangi yang salah" bar (#ulangi) and
    button for the script, and lists its stage's modules with itself marked as the current page."""
    page = pages()["kurikulum/modul-uji.md"]
    assert "Sebuah soal **dikuasai** bila jawaban terakhir Anda benar pada percobaan\npertama" in page
    assert page.index("Cara progres dihitung") < page.index('<div class="kuis"')
    assert '<div class="kuis-mode" id="ulangi" hidden>' in page
    assert '<button type="button" class="md-button kuis-semua">Tampilkan semua soal</button>' in page
    assert '<button type="button" class="md-button kuis-ulangi" hidden>Ulangi yang salah</button>' in page
    assert page.index('<div class="kuis-hasil"') < page.index('class="md-button kuis-ulangi"') < page.index("## Progres tahap ini")
    progress = page[page.index("## Progres tahap ini"):]
    assert '<section class="kuis-tahap" data-tahap="tahap-uji">' in progress
    assert '<a href="./" aria-current="page">Modul uji</a>' in progress
    assert page.count("aria-current") == 1


def test_text_from_data_stays_text_inside_the_quiz(pages):
    """Check that angle brackets and quotes typed into a question (tags are refused by validation) stay text in the quiz."""
    page = pages(stage("teks: Apa tugas uji?", "teks: 'Jika a < b > c \" onclick=\"x, apa?'"))["kurikulum/modul-uji.md"]
    assert "< b >" not in page and '" onclick="x' not in page
    assert "Jika a &lt; b &gt; c" in page


def test_progress_is_keyed_by_question_and_its_version(pages):
    """Check that a question's version changes with what it asks, not with its explanation, and pages list them."""
    first = pages()["kurikulum/progres.md"]
    versions = re.search(r'data-soal="([^"]+)"', first).group(1).split()
    assert [v.split(":")[0] for v in versions] == ["uji-satu", "uji-beberapa", "uji-urutan", "uji-kasus", "uji-lima"]
    explained = pages(stage("penjelasan: Tugas uji berisi butir satu.", "penjelasan: Lihat butir satu.", 2))["kurikulum/progres.md"]
    assert re.search(r'data-soal="([^"]+)"', explained).group(1).split() == versions
    asked = pages(stage("teks: Apa tugas uji?", "teks: Apa isi tugas uji?"))["kurikulum/progres.md"]
    changed = re.search(r'data-soal="([^"]+)"', asked).group(1).split()
    assert changed[0] != versions[0] and changed[1:] == versions[1:]


def test_stage_page_shows_progress_completion_and_plans(pages):
    """Check that a stage page lists its modules with progress, holds the completion panel and names its plans."""
    page = pages()["kurikulum/tahap-uji.md"]
    assert '<section class="kuis-tahap" data-tahap="tahap-uji">' in page
    assert '<section class="kuis-sertifikat" data-tahap="tahap-uji" hidden>' in page
    assert "Penilaian mandiri, bukan sertifikat resmi." in page
    assert "Anda telah menguasai semua soal cek mandiri di tahap ini." in page
    assert "**Cara progres dihitung.**" in page and "tanda selesai tahap muncul bila semua modul tahap itu dikuasai" in page
    assert "aria-current" not in page
    assert "- [Rencana uji](../rencana/rencana-uji.md): 60 menit" in page
    assert "rancangan buku saku ini sendiri" in page


def test_belajar_section_is_generated_with_its_menu(pages, tree):
    """Check that the type brings its index and progress pages and its menu entry after Rakor, with its stages."""
    all_pages = pages()
    assert all_pages["kurikulum/index.md"].startswith('---\ntitle: "Belajar"\n')
    assert "kuis-reset" in all_pages["kurikulum/progres.md"]
    progress = all_pages["kurikulum/progres.md"]
    assert "**Dikuasai**, **Dilatih** atau **Belum dimulai**" in progress
    rule = progress[progress.index("## Cara progres dihitung"):progress.index("## Mulai dari awal")]
    assert rule.startswith("## Cara progres dihitung\n\nSebuah soal **dikuasai**")
    assert "sebelum buku saku memakai aturan ini dihitung **dilatih**" in rule
    assert "dikuasai" in all_pages["kurikulum/index.md"] and "progres.md" in all_pages["kurikulum/index.md"]
    nav = dict(next(iter(item.items())) for item in extend_nav([{"Beranda": "index.md"}], load_handbook(tree())))
    titles = list(nav)
    assert titles.index("Belajar") == titles.index("Rakor") + 1 and titles.index("Untuk Pelatih") == titles.index("Belajar") + 1
    assert nav["Belajar"] == ["kurikulum/index.md", {"Progres saya": "kurikulum/progres.md"},
                              {"Tahap 1: Uji": "kurikulum/tahap-uji.md"}]  # stages; their pages list the modules


def test_right_values_and_versions_helpers(tree):
    """Check the answer encoding the quiz script reads: option numbers, sorted except for ordering questions."""
    module = load_handbook(tree()).get("modul-uji")
    urutan = module.data.soal[2]
    assert right_values(urutan) == "2,1,3"
    assert right_values(module.data.soal[1]) == "1,2"
    assert len(question_version(urutan)) == 8


def test_module_and_stage_sources_are_those_of_the_records_they_cite(tree):
    """Check that a module lists the sources of what it reads and asks about, and a stage its own then its modules'."""
    handbook = load_handbook(tree(with_more_sources()))
    assert handbook.sources_of(handbook.get("modul-uji")) == ["berita-uji", "laporan-tugas", "laporan-rakor"]
    assert handbook.sources_of(handbook.get("tahap-uji")) == ["berita-uji", "laporan-tugas", "laporan-rakor"]
    assert handbook.get("tahap-uji").data.sumber == ["berita-uji"]  # derived, never written into the data
    users = [r.id for r in handbook.referrers("laporan-rakor", via="sumber")]
    assert {"modul-uji", "tahap-uji", "rakor-uji"} <= set(users)


def test_a_question_s_record_adds_its_sources_after_the_readings(tree):
    """Check that a record a question cites but the module does not read (linked from a reading) brings its sources
    too, after the readings' own."""
    changes = {**with_more_sources(), **stage("bacaan: [tugas-uji, rakor-uji]", "bacaan: [rakor-uji, tanya-uji]")}
    module = (handbook := load_handbook(tree(changes))).get("modul-uji")
    assert "tugas-uji" not in module.data.bacaan and "tugas-uji" in {q.rujukan for q in module.data.soal}
    assert handbook.sources_of(module) == ["berita-uji", "laporan-rakor", "laporan-faq", "laporan-tugas"]


def test_module_and_stage_pages_list_the_derived_sources(pages):
    """Check that the Sumber section of module and stage pages lists every derived source, once."""
    rendered = pages(with_more_sources())
    for page in (rendered["kurikulum/modul-uji.md"], rendered["kurikulum/tahap-uji.md"]):
        sources = page[page.index("## Sumber\n"):]
        for source_id in ("berita-uji", "laporan-tugas", "laporan-rakor"):
            assert sources.count(f"(../sumber/{source_id}.md)") == 1, source_id
    assert "[Modul uji](../kurikulum/modul-uji.md) <small>(Modul)</small>" in rendered["sumber/laporan-rakor.md"]


def test_real_stages_and_plans_cite_the_sources_their_text_uses(real_handbook):
    """Check the issue's case on the real data: stages and plans list 28/2018, UU 11/2009 and the Lampung and Sulawesi
    Barat reports that their modules use, without anyone writing them into their ``sumber``."""
    used = {"teks-permensos-28-2018", "teks-uu-11-2009", "berita-dinsos-lampung-2017", "berita-rakor-sulbar-2023"}
    stage_3 = real_handbook.get("tahap-3-koordinasi-dan-jejaring")
    assert used <= set(real_handbook.sources_of(stage_3)) and not used & set(stage_3.data.sumber)
    assert used - {"teks-uu-11-2009"} <= set(real_handbook.sources_of(real_handbook.get("orientasi-tksk-baru")))
    for record in (*real_handbook.of_type("kurikulum"), *real_handbook.of_type("modul"), *real_handbook.of_type("rencana")):
        listed = real_handbook.sources_of(record)
        assert len(listed) == len(set(listed)) and set(record.data.get("sumber") or []) <= set(listed), record.id
