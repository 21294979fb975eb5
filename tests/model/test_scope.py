"""Whose voice a statement is (macros/model/scope.py): national when any source is, else the Dinsos its sources
speak for, with the year; records, SOP steps and question explanations, on the small base tree."""

from __future__ import annotations

import pytest

from macros.load.handbook import load_handbook
from macros.model.scope import Scope, Voice, counts, record_scope, scope_of, statements
from tests.support.data import BASE

SOP = BASE["data/sop/sop-uji.yml"]
TUGAS = BASE["data/tugas/tugas-uji.yml"]
TAHAP = BASE["data/kurikulum/tahap-uji.yml"]
SOURCES = BASE["data/sumber.yml"]
#: A second region, with a source of another year, for labels of several voices.
LAMPUNG = """\
- id: berita-lampung
  judul: Berita Dinsos Lampung
  jenis: berita-rakor
  penerbit: Dinas Sosial Provinsi Lampung
  tanggal: 2017-06-22
  keyakinan: tinggi
  inti: Pengarahan Dinsos Provinsi Lampung.
  cakupan: daerah
  wilayah: Provinsi Lampung
"""

REGIONAL_STEP = SOP.replace("""  - judul: Langkah dua
    hasil: Hasil dua
    sumber: [berita-uji]
""", """  - judul: Langkah dua
    hasil: Hasil dua
    sumber: [berita-daerah-uji]
""").replace("sumber: [berita-uji]\nditinjau", "sumber: [berita-uji, berita-daerah-uji]\nditinjau")


@pytest.fixture
def handbook(tree):
    def load(changes=None):
        return load_handbook(tree(changes))
    return load


def test_a_source_declares_its_voice_once(handbook):
    """Check that a national source gives no voice and a regional one its region with the year of its date."""
    hb = handbook()
    assert scope_of(["berita-uji"], hb).national
    assert scope_of(["berita-daerah-uji"], hb) == Scope((Voice("Kabupaten Uji", 2021),))


def test_national_if_any_source_is_national(handbook):
    """Check the rule: one national source makes a statement national; only regional sources make it regional."""
    hb = handbook({"data/sumber.yml": SOURCES + LAMPUNG})
    assert scope_of(["berita-daerah-uji", "berita-uji"], hb).national
    both = scope_of(["berita-lampung", "berita-daerah-uji"], hb)
    assert not both.national
    assert both.label == "Praktik Dinsos Kabupaten Uji, 2021 dan Dinsos Provinsi Lampung, 2017"
    assert both.who == "Dinsos Kabupaten Uji (2021) dan Dinsos Provinsi Lampung (2017)"
    assert both.names == ("Uji", "Lampung")
    assert scope_of([], hb).national


def test_label_reads_as_the_issue_asks():
    """Check the label's words: "Praktik Dinsos <wilayah>, <tahun>"; years of one region joined; no year said so."""
    assert Scope((Voice("Kabupaten Probolinggo", 2021),)).label == "Praktik Dinsos Kabupaten Probolinggo, 2021"
    two_years = Scope((Voice("Kabupaten Probolinggo", 2021), Voice("Kabupaten Probolinggo", 2022)))
    assert two_years.label == "Praktik Dinsos Kabupaten Probolinggo, 2021 dan 2022"
    assert Scope((Voice("Provinsi Jawa Barat"),)).label == "Praktik Dinsos Provinsi Jawa Barat (tahun tidak tercatat)"
    assert Scope().label == "Nasional"


def test_record_resting_only_on_a_regional_source_is_regional(handbook):
    """Check that a duty whose only source is one Dinsos is that Dinsos's practice, and stays so in the counts."""
    hb = handbook({"data/tugas/tugas-uji.yml": TUGAS.replace("sumber: [berita-uji]", "sumber: [berita-daerah-uji]")})
    assert record_scope("tugas-uji", hb).label == "Praktik Dinsos Kabupaten Uji, 2021"
    assert counts(hb)["catatan"]["Praktik Dinsos Kabupaten Uji, 2021"] == 1


def test_an_sop_step_has_its_own_scope(handbook):
    """Check that a step citing only a regional source is regional inside a national SOP, with its own words."""
    hb = handbook({"data/sop/sop-uji.yml": REGIONAL_STEP})
    units = {s.path: s for s in statements(hb) if s.record.id == "sop-uji"}
    assert set(units) == {"", "langkah[1]", "langkah[2]"}
    assert units[""].scope.national and units["langkah[1]"].scope.national
    assert units["langkah[2]"].scope.label == "Praktik Dinsos Kabupaten Uji, 2021"
    assert dict(units["langkah[2]"].texts) == {"langkah[2].judul": "Langkah dua", "langkah[2].hasil": "Hasil dua"}
    assert "langkah[2].judul" not in dict(units[""].texts), "a step's words are its own statement, not the SOP's"
    assert not any(path.startswith("riwayat") for path, _ in units[""].texts), "the change log is no statement"


def test_a_question_explanation_has_the_scope_of_the_record_it_cites(handbook):
    """Check that a question's explanation is regional when the record it cites (rujukan) is."""
    regional = TUGAS.replace("sumber: [berita-uji]", "sumber: [berita-daerah-uji]")
    hb = handbook({"data/tugas/tugas-uji.yml": regional})
    explanations = {s.path: s for s in statements(hb) if s.kind == "penjelasan"}
    assert explanations["soal[1]"].cites == "tugas-uji"
    assert not explanations["soal[1]"].scope.national  # cites tugas-uji
    assert explanations["soal[2]"].scope.national  # cites rakor-uji
    assert dict(explanations["soal[1]"].texts) == {"soal[1].penjelasan": "Tugas uji berisi butir satu."}


def test_the_stage_does_not_speak_for_its_modules(handbook):
    """Check that a curriculum stage's statement holds its own words, not its modules' (they are records of their own)."""
    hb = handbook()
    stage = next(s for s in statements(hb) if s.record.id == "tahap-uji")
    assert not any(path.startswith("modul") for path, _ in stage.texts)


#: The duty with a second item citing only the regional source, and both sources on the record.
DUTY_WITH_REGIONAL_ITEM = TUGAS.replace("""  - judul: Butir satu
""", """  - judul: Butir satu
  - judul: Butir daerah
    sumber: [berita-daerah-uji]
""").replace("sumber: [berita-uji]\nriwayat", "sumber: [berita-uji, berita-daerah-uji]\nriwayat")


def test_a_duty_item_with_its_own_sources_has_its_own_scope(handbook):
    """Check that an item of a national duty citing only a regional source is that Dinsos's, and that an item
    without sources of its own belongs to the record's statement (none escapes the wording check)."""
    hb = handbook({"data/tugas/tugas-uji.yml": DUTY_WITH_REGIONAL_ITEM})
    units = {s.path: s for s in statements(hb) if s.record.id == "tugas-uji"}
    assert set(units) == {"", "butir[2]"}
    assert units[""].scope.national and units["butir[2]"].kind == "butir"
    assert units["butir[2]"].scope.label == "Praktik Dinsos Kabupaten Uji, 2021"
    assert dict(units["butir[2]"].texts) == {"butir[2].judul": "Butir daerah"}
    assert dict(units[""].texts)["butir[1].judul"] == "Butir satu"


def test_a_glossary_entry_from_one_dinsos_is_a_term_not_a_practice(handbook):
    """Check that a glossary entry resting only on one Dinsos's source reads "Istilah dari …", not "Praktik …"."""
    glossary = BASE["data/glosarium.yml"].replace("  arti: Langkah kerja baku.\n  sumber: [berita-uji]",
                                                  "  arti: Langkah kerja baku.\n  sumber: [berita-daerah-uji]").replace(
        "  kepanjangan: standar operasional prosedur\n  kepanjangan_sumber: [berita-uji]\n",
        "  kepanjangan: standar operasional prosedur\n  kepanjangan_sumber: [berita-daerah-uji]\n")
    assert glossary != BASE["data/glosarium.yml"]
    hb = handbook({"data/glosarium.yml": glossary})
    assert record_scope("sop", hb).label == "Istilah dari Dinsos Kabupaten Uji, 2021"
    assert record_scope("tksk", hb).national
