"""Status words in prose (macros/checks/status_words.py): a sentence saying a dated or unconfirmed program or rule
runs or is in force now must carry the date."""

from __future__ import annotations

import pytest

from macros.checks.status_words import check_status_words, named_records, sentences, undated_claims
from macros.common.errors import ErrorLog
from macros.load.handbook import load_handbook
from tests.support.data import BASE, RIWAYAT, errors_of, faq_answering

#: A rule whose status the sources leave open, and glossary entries that name it and the base program.
UU = """\
id: uu-uji
jenis: UU
nomor: "11"
tahun: 2009
judul: Kesejahteraan Uji
status: belum-dipastikan
catatan_status: Sumber tidak menyatakan apakah isinya masih sama sampai sekarang.
ringkasan: Undang-undang untuk uji.
pokok: [Isi uji.]
sumber: [berita-uji]
""" + RIWAYAT
GLOSSARY = BASE["data/glosarium.yml"] + """\
- id: uu
  istilah: UU
  jenis: singkatan
  kepanjangan: Undang-Undang
  kepanjangan_sumber: [berita-uji]
  arti: Di buku saku uji, UU 11/2009.
  terkait: [uu-uji]
  sumber: [berita-uji]
- id: pu
  istilah: PU
  jenis: singkatan
  kepanjangan: Program uji
  kepanjangan_sumber: [berita-uji]
  alias: [Bantuan Uji]
  arti: Program untuk uji.
  terkait: [program-uji]
  sumber: [berita-uji]
"""
EXTRA = {"data/regulasi/uu-uji.yml": UU, "data/glosarium.yml": GLOSSARY}
PROGRAM_FIX = "tulis \"per Mei 2021\" seperti status catatannya (program/program-uji.yml: berjalan per Mei 2021)"


@pytest.fixture
def named(tree, today):
    """The base tree's dated and unconfirmed records with the names that point to them (program uji, UU 11/2009)."""
    return named_records(load_handbook(tree(EXTRA)))


@pytest.mark.parametrize(("text", "names"), [
    pytest.param("Program uji kini berjalan.", ["Program uji"], id="present-no-date"),
    pytest.param("Mulai 2020 TKSK mendampingi Program uji, yang masih berjalan.", ["Program uji"], id="opening-year-dates-nothing"),
    pytest.param("Sejak April 2019 Program uji berjalan sampai sekarang.", ["Program uji"], id="since-month-year"),
    pytest.param("PU masih berjalan di kecamatan.", ["PU"], id="glossary-term"),
    pytest.param("Bantuan Uji berlaku di semua desa.", ["Bantuan Uji"], id="glossary-alias"),
    pytest.param("UU 11/2009 masih berlaku.", ["UU 11/2009"], id="rule-year-in-its-name-is-no-date"),
    pytest.param("Undang-Undang Nomor 11 Tahun 2009 kini berlaku.", ["Undang-Undang Nomor 11 Tahun 2009"], id="rule-long-form"),
    pytest.param("UU 11 Tahun 2009 mengatur kesejahteraan. Aturan ini berlaku sekarang.", ["Aturan ini"], id="rule-pointed-back-to"),
    pytest.param("Isinya banyak, dan UU 11/2009 masih berlaku.", ["UU 11/2009"], id="second-clause"),
    pytest.param("Program uji tercatat berjalan per Mei 2021.", [], id="dated-per"),
    pytest.param("Pada 2021 Dinas uji masih menyebut Program uji.", [], id="dated-year"),
    pytest.param("Pada Mei 2021, Program uji masih berjalan.", [], id="date-in-an-earlier-clause"),
    pytest.param("Sejak 2019 hingga Mei 2021 Program uji berjalan.", [], id="bounded-period"),
    pytest.param("Dulu Program uji berjalan di desa.", [], id="history-dulu"),
    pytest.param("Program uji pernah berjalan di desa.", [], id="history-pernah"),
    pytest.param("Apakah Program uji masih berjalan?", [], id="question"),
    pytest.param("Sumber tidak menyebut apakah larangan itu berlaku bagi Program uji.", [], id="whether"),
    pytest.param("Status UU 11/2009 belum dipastikan, jadi jangan sebut masih berlaku.", [], id="says-not-confirmed"),
    pytest.param("Bagian tentang aturan lama kini riwayat, karena diganti Program uji.", [], id="present-word-in-another-clause"),
    pytest.param('Seorang TKSK berkata, "Program uji masih berjalan."', [], id="someone-else-s-words"),
    pytest.param("Program uji mendampingi KPM. Permensos 28/2018 berlaku sekarang.", [], id="rule-in-force-undated-is-fine"),
    pytest.param("program uji kini berjalan.", [], id="names-are-capitalised"),
])
def test_undated_claims(named, text, names):
    """Check which sentences say a dated or unconfirmed record holds now without a date, and by which words."""
    assert [c.name for c in undated_claims(text, named)] == names


def test_a_record_s_own_text_points_back_to_itself(named):
    """Check that "program ini" in a program's own text is that program."""
    own = next(item for item in named if item.record.id == "program-uji")
    assert [c.name for c in undated_claims("Program ini masih berjalan.", named, own)] == ["Program ini"]
    assert undated_claims("Program ini masih berjalan.", named) == []


def test_sentences_do_not_end_after_abbreviations():
    assert sentences("Lihat Permensos No. 20 Tahun 2019. **Riwayat.** Program uji.\nBaris baru") == [
        "Lihat Permensos No. 20 Tahun 2019.", "**Riwayat.", "Program uji.", "Baris baru"]
    assert sentences("Kab. Probolinggo meminta laporan. PKH. Program uji berjalan.") == [
        "Kab. Probolinggo meminta laporan.", "PKH.", "Program uji berjalan."]


def test_undated_program_in_an_answer_is_an_error_with_its_place_and_fix(tree, today):
    """Check the message: file, line and field of the text, the clause, the record named, and the date to write."""
    root = tree({**EXTRA, "data/faq/peran-tksk.yml": faq_answering("Program uji kini berjalan di semua kecamatan.")})
    assert errors_of(root) == [
        "data/faq/peran-tksk.yml:3: jawaban: \"Program uji kini berjalan di semua kecamatan.\" menyebut \"Program uji\" "
        "berjalan atau berlaku tanpa tanggal; " + PROGRAM_FIX]


def test_unconfirmed_rule_said_in_force_is_an_error(tree, today):
    root = tree({**EXTRA, "data/faq/peran-tksk.yml": faq_answering("Menurut UU 11/2009, yang masih berlaku, tugas uji ada.")})
    assert errors_of(root) == [
        "data/faq/peran-tksk.yml:3: jawaban: \"Menurut UU 11/2009, yang masih berlaku\" menyebut \"UU 11/2009\" berjalan atau "
        "berlaku sekarang, padahal statusnya belum dipastikan (regulasi/uu-uji.yml); tulis apa yang diatur atau dicatat "
        "sumbernya beserta tahunnya, atau sebut statusnya \"belum dipastikan\""]


def test_dated_answer_passes(tree, today):
    root = tree({**EXTRA, "data/faq/peran-tksk.yml": faq_answering("Program uji tercatat berjalan per Mei 2021.")})
    assert errors_of(root) == []


STAGE = BASE["data/kurikulum/tahap-uji.yml"]


def test_right_option_is_read_and_wrong_option_is_not(tree, today):
    """Check that a question's right option is checked (at its own line), while a wrong one, false on purpose, is not."""
    question = """\
      - id: uji-enam
        jenis: satu
        teks: Bagaimana status Program uji?
        pilihan: [Program uji masih berjalan hari ini, Berjalan per Mei 2021]
        jawaban: {jawaban}
        penjelasan: Statusnya bertanggal.
        rujukan: tugas-uji
"""
    def stage(jawaban):
        end = "\nsumber: [berita-uji]\nriwayat:"
        assert end in STAGE
        return {**EXTRA, "data/kurikulum/tahap-uji.yml": STAGE.replace(end, "\n" + question.format(jawaban=jawaban).rstrip("\n") + end, 1)}

    assert errors_of(tree(stage("Berjalan per Mei 2021"))) == []
    changes = stage("Program uji masih berjalan hari ini")
    line = next(n for n, text in enumerate(changes["data/kurikulum/tahap-uji.yml"].splitlines(), 1) if "pilihan: [Program uji" in text)
    errors = errors_of(tree(changes))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"data/kurikulum/tahap-uji.yml:{line}: modul[1].soal[6].pilihan[1]: "
                                "\"Program uji masih berjalan hari ini\" menyebut \"Program uji\"")


def test_change_notes_are_not_read(tree, today):
    """Check that a change note ("kini bertanggal") is not taken for a claim: it speaks of the text, on its own date."""
    program = BASE["data/program/program-uji.yml"] + "  - tanggal: 2026-11-02\n    perubahan: Program uji kini berjalan di ringkasan.\n"
    assert errors_of(tree({**EXTRA, "data/program/program-uji.yml": program})) == []


def test_real_data_passes(real_handbook):
    """Check that the handbook's own data says every dated or unconfirmed status with its date."""
    log = ErrorLog()
    check_status_words(real_handbook, log)
    assert log.sorted() == []
    names = {item.record.id: [p.pattern for p in item.patterns] for item in named_records(real_handbook)}
    assert {"program-sembako", "program-keluarga-harapan", "uu-11-2009", "permensos-20-2019"} <= set(names)
    assert any("BPNT" in p for p in names["program-sembako"]) and any("Sembako" in p for p in names["program-sembako"])
    assert "permensos-28-2018" not in names  # in force, with no date to carry
