"""One Dinsos's practice is not written as every TKSK's duty (macros/checks/scope.py), and every source declares
whose voice it is (macros/types/sumber.py): both sides of each rule, on the small base tree."""

from __future__ import annotations

import pytest

from macros.checks.scope import universal_claims
from macros.model.scope import Scope, Voice
from tests.support.data import BASE, errors_of

SOURCES = BASE["data/sumber.yml"]
TUGAS = BASE["data/tugas/tugas-uji.yml"].replace("sumber: [berita-uji]", "sumber: [berita-daerah-uji]")
SOP = BASE["data/sop/sop-uji.yml"]
TAHAP = BASE["data/kurikulum/tahap-uji.yml"]
UJI = Scope((Voice("Kabupaten Uji", 2021),))
FIX = ('tulis sebagai praktik Dinsos itu, misalnya "Dinsos Kabupaten Uji meminta TKSK…", bukan "setiap TKSK…" '
       "(atau, bila aturan nasional atau Kemensos menyatakannya, cantumkan sumber itu)")


def regional_duty(ringkasan: str) -> dict[str, str]:
    """The base tree with the duty resting only on the regional source, and its summary replaced."""
    return {"data/tugas/tugas-uji.yml": TUGAS.replace("ringkasan: Tugas TKSK untuk uji.", f"ringkasan: {ringkasan}")}


def test_universal_wording_in_a_regional_record_is_refused(tree):
    """Check that "setiap TKSK wajib" in a duty resting only on one Dinsos is an error at its line, naming the fix."""
    errors = errors_of(tree(regional_duty("Setiap TKSK wajib melapor tiap bulan.")))
    assert errors == [
        'data/tugas/tugas-uji.yml:4: ringkasan: "Setiap TKSK" menyatakan ini berlaku bagi setiap TKSK, padahal '
        f"catatan ini hanya bersumber dari Dinsos Kabupaten Uji (2021); {FIX}"]


@pytest.mark.parametrize("ringkasan", [
    "Dinsos Kabupaten Uji meminta setiap TKSK di wilayahnya melapor tiap bulan.",
    "Di Kabupaten Uji (2021), TKSK wajib melapor tiap bulan.",
    "Laporan bulanan bukan kewajiban yang disebut sumber lain.",
    "Sumber tidak menyebut TKSK harus melapor tiap bulan.",
    "Dinas itu meminta TKSK-nya melapor tiap bulan.",
])
def test_regional_wording_that_says_whose_practice_passes(tree, ringkasan):
    """Check that a sentence naming the region, or denying the duty, or with no universal words, passes."""
    assert errors_of(tree(regional_duty(ringkasan))) == []


def test_national_record_may_state_a_duty_for_every_tksk(tree):
    """Check that the same words in a record with a national source are no error."""
    national = BASE["data/tugas/tugas-uji.yml"].replace("ringkasan: Tugas TKSK untuk uji.", "ringkasan: Setiap TKSK wajib melapor.")
    assert errors_of(tree({"data/tugas/tugas-uji.yml": national})) == []


def test_each_sentence_is_judged_on_its_own(tree):
    """Check that naming the region in one sentence does not cover the next one's "harus"."""
    errors = errors_of(tree(regional_duty("Dinsos Kabupaten Uji meminta laporan. Laporan harus dikirim tiap bulan.")))
    assert len(errors) == 1 and errors[0].startswith('data/tugas/tugas-uji.yml:4: ringkasan: "harus" menyatakan'), errors


def test_a_regional_sop_step_is_checked_with_its_own_scope(tree):
    """Check that a step citing only a regional source is checked, and reported at the step's field, in a national SOP."""
    sop = SOP.replace("""  - judul: Langkah dua
    hasil: Hasil dua
    sumber: [berita-uji]
""", """  - judul: Semua TKSK mengirim laporan
    hasil: Hasil dua
    sumber: [berita-daerah-uji]
""").replace("sumber: [berita-uji]\nditinjau", "sumber: [berita-uji, berita-daerah-uji]\nditinjau")
    errors = errors_of(tree({"data/sop/sop-uji.yml": sop}))
    assert errors == [
        'data/sop/sop-uji.yml:10: langkah[2].judul: "Semua TKSK" menyatakan ini berlaku bagi setiap TKSK, padahal '
        f"langkah ini hanya bersumber dari Dinsos Kabupaten Uji (2021); {FIX}"]
    named = sop.replace("Semua TKSK mengirim laporan", "Semua TKSK di Kabupaten Uji mengirim laporan")
    assert errors_of(tree({"data/sop/sop-uji.yml": named})) == []


def test_a_question_explanation_citing_a_regional_record_is_checked(tree):
    """Check that an explanation whose cited record is regional may not word it as every TKSK's duty."""
    first = "penjelasan: Tugas uji berisi butir satu.\n        rujukan: tugas-uji\n      - id: uji-beberapa"
    assert first in TAHAP
    tahap = TAHAP.replace(first, first.replace("Tugas uji berisi butir satu.", "Setiap TKSK harus mengerjakan butir satu."))
    errors = errors_of(tree({**regional_duty("Tugas TKSK untuk uji."), "data/kurikulum/tahap-uji.yml": tahap}))
    assert errors == [
        'data/kurikulum/tahap-uji.yml:18: modul[1].soal[1].penjelasan: "Setiap TKSK" menyatakan ini berlaku bagi '
        'setiap TKSK, padahal penjelasan soal ini (rujukannya "tugas-uji") hanya bersumber dari Dinsos Kabupaten Uji '
        f"(2021); {FIX}"]
    assert errors_of(tree({"data/kurikulum/tahap-uji.yml": tahap})) == [], "citing a national record, it may"


def test_quotes_and_history_are_not_the_handbook_speaking(tree):
    """Check that the change log of a regional record may say "semua TKSK" (it tells what changed, not a duty)."""
    changed = TUGAS + "  - tanggal: 2026-11-02\n    perubahan: Tidak lagi ditulis sebagai kewajiban semua TKSK di mana pun.\n"
    assert errors_of(tree({"data/tugas/tugas-uji.yml": changed})) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Seluruh TKSK mendata PPKS.", ["Seluruh TKSK"]),
    ("TKSK diwajibkan melapor. Dinsos Kabupaten Uji juga harus tahu.", ["diwajibkan"]),
    ("Para TKSK hadir; laporan tidak wajib.", []),
    ("Data 7.201 TKSK harus diperbarui.", ["harus"]),
])
def test_universal_claims_sentence_by_sentence(text, found):
    """Check the words and the sentence splitting: each sentence reports its first universal words, once."""
    assert [words for words, _ in universal_claims(text, UJI)] == found


REGIONAL = "- id: berita-daerah-uji\n" + BASE["data/sumber.yml"].split("- id: berita-daerah-uji\n", 1)[1]


@pytest.mark.parametrize(("source", "error"), [
    (REGIONAL.replace("  wilayah: Kabupaten Uji\n", ""),
     "data/sumber.yml:23: wilayah: sumber daerah perlu wilayah Dinas Sosial yang berbicara, misalnya wilayah: "
     "Kabupaten Probolinggo"),
    (REGIONAL.replace("wilayah: Kabupaten Uji", "wilayah: Uji"),
     'data/sumber.yml:24: wilayah: tulis wilayah dengan jenjangnya (Provinsi, Kabupaten, Kota), misalnya "Kabupaten Uji" '
     'atau "Provinsi Uji"; tertulis "Uji"'),
    (REGIONAL.replace("cakupan: daerah", "cakupan: nasional"),
     "data/sumber.yml:24: wilayah: sumber nasional tidak punya wilayah; hapus wilayah, atau ubah cakupan menjadi daerah "
     "bila yang berbicara satu Dinas Sosial"),
    (REGIONAL.replace("  cakupan: daerah\n", "").replace("  wilayah: Kabupaten Uji\n", ""),
     "data/sumber.yml:16: cakupan: wajib diisi (salah satu dari: nasional, daerah)"),
])
def test_every_source_declares_whose_voice_it_is(tree, source, error):
    """Check that a source must say national or regional, and a regional one its region with its level."""
    head = SOURCES[:SOURCES.index("- id: berita-daerah-uji")]
    assert errors_of(tree({"data/sumber.yml": head + source})) == [error]


def test_an_item_source_missing_from_the_record_sources_is_refused(tree):
    """Check that an item's own source must also be listed in its record's sources, at the item's line."""
    duty = BASE["data/tugas/tugas-uji.yml"].replace("""  - judul: Butir satu
""", """  - judul: Butir satu
    sumber: [berita-daerah-uji]
""")
    errors = errors_of(tree({"data/tugas/tugas-uji.yml": duty}))
    assert errors == ['data/tugas/tugas-uji.yml:7: butir[1].sumber[1]: sumber "berita-daerah-uji" juga harus dicantumkan '
                      "di daftar sumber catatan ini"]


def test_a_regional_duty_item_is_checked_with_its_own_scope(tree):
    """Check that "wajib" in an item citing only a regional source is refused inside a national duty."""
    duty = BASE["data/tugas/tugas-uji.yml"].replace("""  - judul: Butir satu
""", """  - judul: TKSK wajib melapor tiap bulan
    sumber: [berita-daerah-uji]
""").replace("sumber: [berita-uji]\\nriwayat", "sumber: [berita-uji, berita-daerah-uji]\\nriwayat")
    duty = duty.replace("historis: true\nsumber: [berita-uji]", "historis: true\nsumber: [berita-uji, berita-daerah-uji]")
    errors = errors_of(tree({"data/tugas/tugas-uji.yml": duty}))
    assert errors == ['data/tugas/tugas-uji.yml:6: butir[1].judul: "wajib" menyatakan ini berlaku bagi setiap TKSK, padahal '
                      f"butir ini hanya bersumber dari Dinsos Kabupaten Uji (2021); {FIX}"]
