"""Shared factories: a minimal valid data tree that each test then breaks in one place."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
FACTS = ROOT.parent / "shared" / "FACTS.md"

#: "Today" for the tests that pin the handbook's clock (the ``today`` fixture, macros/common/clock.py): a fixed,
#: chosen day after every date in the base tree, so their messages read the same on any day they run.
TODAY = dt.date(2026, 12, 1)

RIWAYAT = "riwayat:\n  - tanggal: 2026-11-01\n    perubahan: Terbit pertama.\n"

#: One valid record of every type, small enough to read at a glance.
BASE_SOURCES: dict[str, str] = {
    "data/sumber.yml": """\
        - id: berita-uji
          judul: Berita uji
          jenis: berita-rakor
          penerbit: Media Uji
          tanggal: 2021-05-20
          keyakinan: tinggi
          inti: Ringkasan berita uji.
          cakupan: nasional
        - id: berita-sedang
          judul: Berita satu sumber
          jenis: berita
          penerbit: Media Lain
          keyakinan: sedang
          inti: Hanya satu sumber.
          cakupan: nasional
        - id: berita-daerah-uji
          judul: Berita rakor Dinsos uji
          jenis: berita-rakor
          penerbit: Dinas Sosial Kabupaten Uji
          tanggal: 2021-05-20
          keyakinan: tinggi
          inti: Dinsos Kabupaten Uji meminta TKSK-nya melapor tiap bulan.
          cakupan: daerah
          wilayah: Kabupaten Uji
        """,
    "data/regulasi/aturan-lama.yml": """\
        id: aturan-lama
        jenis: Permensos
        nomor: "03"
        tahun: 2013
        judul: Aturan Lama
        status: tidak-berlaku
        diganti_oleh: aturan-baru
        ringkasan: Aturan lama.
        pokok: [Isi lama.]
        sumber: [berita-uji]
        status_sumber: [berita-uji]
        """ + "@RIWAYAT@",
    "data/regulasi/aturan-baru.yml": """\
        id: aturan-baru
        jenis: Permensos
        nomor: "28"
        tahun: 2018
        judul: Aturan Baru
        status: berlaku
        ditetapkan: 2018-11-30
        ringkasan: Aturan baru.
        pokok: [Isi baru.]
        sumber: [berita-uji]
        status_sumber: [berita-uji]
        """ + "@RIWAYAT@",
    "data/tugas/tugas-uji.yml": """\
        id: tugas-uji
        judul: Tugas uji
        jenis: tugas
        ringkasan: Tugas TKSK untuk uji.
        butir:
          - judul: Butir satu
        dasar: [aturan-lama]
        historis: true
        sumber: [berita-uji]
        """ + "@RIWAYAT@",
    "data/program/program-uji.yml": """\
        id: program-uji
        judul: Program uji
        status: berjalan
        ringkasan: Program untuk uji.
        peran_tksk: [Mendampingi.]
        sumber: [berita-uji]
        status_sumber: [berita-uji]
        status_per: 2021-05
        """ + "@RIWAYAT@",
    "data/sop/sop-uji.yml": """\
        id: sop-uji
        judul: SOP uji
        program: program-uji
        ringkasan: Langkah uji.
        pelaku: [TKSK]
        langkah:
          - judul: Langkah satu
            hasil: Hasil satu
            sumber: [berita-uji]
          - judul: Langkah dua
            hasil: Hasil dua
            sumber: [berita-uji]
        tidak_boleh: [Menangani pengaduan.]
        dasar: [aturan-baru]
        sumber: [berita-uji]
        ditinjau: 2026-11-23
        """ + "@RIWAYAT@",
    "data/faq/peran-tksk.yml": """\
        - id: tanya-uji
          pertanyaan: Apa tugas saya?
          jawaban: Lihat tugas uji.
          topik: peran-tksk
          rakor: rakor-uji
          rujukan: [tugas-uji, sop-uji]
          sumber: [berita-uji]
        """,
    "data/rakor/rakor-uji.yml": """\
        id: rakor-uji
        judul: Rakor uji
        jenis: rakor
        tanggal: 2021-05-20
        penyelenggara: Dinas uji
        peserta: Para TKSK
        ringkasan: Rakor untuk uji.
        pesan_kunci: [Pesan satu.]
        sumber: [berita-uji]
        """,
    "data/kurikulum/tahap-uji.yml": """\
        id: tahap-uji
        judul: "Tahap 1: Uji"
        urutan: 1
        untuk: TKSK baru
        ringkasan: Tahap untuk uji.
        modul:
          - id: modul-uji
            judul: Modul uji
            menit: 15
            tujuan: [Memahami tugas uji.]
            bacaan: [tugas-uji, rakor-uji]
            soal:
              - id: uji-satu
                jenis: satu
                teks: Apa tugas uji?
                pilihan: [Butir satu, Butir dua]
                jawaban: Butir satu
                penjelasan: Tugas uji berisi butir satu.
                rujukan: tugas-uji
              - id: uji-beberapa
                jenis: beberapa
                teks: Mana yang benar tentang rakor uji?
                pilihan: [Diselenggarakan Dinas uji, Diikuti para TKSK, Diadakan di luar negeri]
                jawaban: [Diselenggarakan Dinas uji, Diikuti para TKSK]
                penjelasan: Rakor uji diselenggarakan Dinas uji bagi para TKSK.
                rujukan: rakor-uji
              - id: uji-urutan
                jenis: urutan
                teks: Susun urutan kerja uji.
                pilihan: [Kedua, Pertama, Ketiga]
                jawaban: [Pertama, Kedua, Ketiga]
                penjelasan: Yang pertama lebih dulu.
                rujukan: tugas-uji
              - id: uji-kasus
                jenis: kasus
                situasi: Seorang warga bertanya tentang tugas Anda.
                teks: Apa yang Anda lakukan?
                pilihan: [Menjelaskan butir satu, Diam saja]
                jawaban: Menjelaskan butir satu
                penjelasan: Tugas uji berisi butir satu.
                rujukan: tugas-uji
              - id: uji-lima
                jenis: satu
                teks: Siapa penyelenggara rakor uji?
                pilihan: [Dinas uji, Pihak lain]
                jawaban: Dinas uji
                penjelasan: Rakor uji diselenggarakan Dinas uji.
                rujukan: rakor-uji
        sumber: [berita-uji]
        """ + "@RIWAYAT@",
    "data/rencana/rencana-uji.yml": """\
        id: rencana-uji
        judul: Rencana uji
        tahap: tahap-uji
        untuk: TKSK baru
        ringkasan: Sesi untuk uji.
        durasi: 60
        mulai: "08.00"
        tujuan: [Memahami tugas uji.]
        agenda:
          - {menit: 15, kegiatan: Pembukaan}
          - {menit: 45, kegiatan: Modul uji, modul: modul-uji}
        modul: [modul-uji]
        diskusi: ["Apa tugas uji di kecamatan Anda?"]
        sumber: [berita-uji]
        """ + "@RIWAYAT@",
    "data/edisi/edisi-2026-1.yml": """\
        id: edisi-2026-1
        nomor: "2026.1"
        tanggal: 2026-11-20
        judul: Edisi uji
        ringkasan: Edisi untuk uji.
        sorotan:
          - teks: Tugas uji terbit.
            rujukan: [tugas-uji]
        """,
    "data/glosarium.yml": """\
        - id: tksk
          istilah: TKSK
          jenis: singkatan
          kepanjangan: Tenaga Kesejahteraan Sosial Kecamatan
          kepanjangan_sumber: [berita-uji]
          arti: Pendamping kesejahteraan sosial di kecamatan.
          sumber: [berita-uji]
        - id: sop
          istilah: SOP
          jenis: singkatan
          kepanjangan: standar operasional prosedur
          kepanjangan_sumber: [berita-uji]
          arti: Langkah kerja baku.
          sumber: [berita-uji]
        """,
}


BASE = {path: textwrap.dedent(text).replace("@RIWAYAT@", RIWAYAT) for path, text in BASE_SOURCES.items()}


def write_tree(root: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the base data tree under ``root`` with ``changes`` applied (``None`` deletes a file; bytes are written as they are)."""
    files = {**BASE, **(changes or {})}
    for rel, text in files.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


#: A region's layer for the base tree: its wilayah.yml (``write_layer``).
LAYER = "kabupaten-uji"
LAYER_DESCRIPTOR = """\
- id: kabupaten-uji
  nama: Kabupaten Uji
  tingkat: kabupaten
  dinsos: Dinas Sosial Kabupaten Uji
  ringkasan: Keterangan Dinsos Kabupaten Uji untuk TKSK di wilayahnya.
  sumber: [berita-uji]
""" + RIWAYAT.replace("riwayat:", "  riwayat:").replace("\n  - ", "\n    - ").replace("\n    perubahan", "\n      perubahan")


def write_layer(root: Path, files: dict[str, str] | None = None) -> Path:
    """Write the base layer (wilayah/kabupaten-uji/data/wilayah.yml) and ``files`` under its data/; return root."""
    data = root / "wilayah" / LAYER / "data"
    for rel, text in {"wilayah.yml": LAYER_DESCRIPTOR, **(files or {})}.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text, encoding="utf-8")
    return root


def errors_of(root: Path, wilayah: str | None = None) -> list[str]:
    """Return the error lines validation prints for the data under ``root`` (with the layer of ``wilayah``), empty
    when it is valid."""
    from macros.common.errors import DataInvalid
    from macros.load.handbook import load_handbook

    try:
        load_handbook(root, wilayah=wilayah)
    except DataInvalid as exc:
        return [str(error) for error in exc.errors]
    return []


def with_more_sources() -> dict[str, str]:
    """Changes to the base tree that give the records a module and a plan cite sources of their own, beside the
    shared ``berita-uji``: ``laporan-tugas`` (tugas-uji), ``laporan-rakor`` (rakor-uji) and ``laporan-faq`` (tanya-uji).
    The new sources are copies of ``berita-uji``, so they keep whatever fields a source needs."""
    sources = BASE["data/sumber.yml"]
    first = sources[:sources.index("- id: berita-sedang")]
    extra = "".join(first.replace("berita-uji", new).replace("Berita uji", f"Berita {new}")
                    for new in ("laporan-tugas", "laporan-rakor", "laporan-faq"))

    def citing(path: str, new: str) -> str:
        text = BASE[path]
        assert text.count("sumber: [berita-uji]") == 1, path
        return text.replace("sumber: [berita-uji]", f"sumber: [berita-uji, {new}]")

    return {
        "data/sumber.yml": sources + extra,
        "data/tugas/tugas-uji.yml": citing("data/tugas/tugas-uji.yml", "laporan-tugas"),
        "data/rakor/rakor-uji.yml": citing("data/rakor/rakor-uji.yml", "laporan-rakor"),
        "data/faq/peran-tksk.yml": citing("data/faq/peran-tksk.yml", "laporan-faq"),
    }


def faq_answering(jawaban: str) -> str:
    """The base tree's FAQ file with its one answer replaced (for checks that read an answer's words)."""
    return BASE["data/faq/peran-tksk.yml"].replace("jawaban: Lihat tugas uji.", f"jawaban: {jawaban}", 1)
