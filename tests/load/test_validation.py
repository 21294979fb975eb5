"""Editors' mistakes: each bad snippet gives exact ``file:line: field: message`` lines and exit code 1."""

from __future__ import annotations

import datetime as dt
import fnmatch

import pytest

from macros.common import clock
from macros.tools.cli import main
from macros.tools.json_schema import data_files
from macros.types import ALL
from tests.support.data import BASE, LAYER, LAYER_DESCRIPTOR, RIWAYAT, TODAY

SOP = BASE["data/sop/sop-uji.yml"]
FAQ = BASE["data/faq/peran-tksk.yml"]
#: When the SOP cannot be read, the FAQ that points to it is reported too: every consequence, in one run.
#: What the error of a file that cannot be read adds, once, instead of an error wherever its records are used.
UNCHECKED = "; catatan di berkas ini belum bisa diperiksa sampai kesalahan ini diperbaiki"
#: The test SOP saved by an editor whose program wrote Latin-1 instead of UTF-8 ("é" on line 2).
LATIN1_SOP = SOP.replace("judul: SOP uji", "judul: SOP \xe9uji").encode("latin-1")
UNRESOLVED_SOP = ('data/faq/peran-tksk.yml:6: rujukan[2]: tidak ada sop atau tugas atau regulasi atau program '
                  'dengan id "sop-uji"; maksudnya "tugas-uji"?')

CASES = [
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: Baca [panduan](javascript:alert(1)) dulu.")},
        ['data/sop/sop-uji.yml:4: ringkasan: tautan "panduan" menuju "javascript:alert(1)", yang tidak diizinkan: tautan '
         "hanya boleh menuju alamat web (https://…), e-mail (mailto:…), telepon (tel:…) atau id catatan buku saku, "
         "misalnya [SOP verval](verval-data-kpm); ganti alamatnya atau hapus tautan itu"],
        id="script-link",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: Lihat [tugas](tugas-ujji).")},
        ['data/sop/sop-uji.yml:4: ringkasan: tautan "tugas" menuju id "tugas-ujji", yang bukan catatan buku saku; '
         'maksudnya "tugas-uji"? Tulis id catatan yang ada, atau alamat web lengkap dengan https://'],
        id="link-to-unknown-record",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: [SOP, uji]")},
        ["data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan daftar"],
        id="list-instead-of-text",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("  - judul: Langkah dua", "  - judul:\n      - a")},
        ["data/sop/sop-uji.yml:11: langkah[2].judul: harus berupa teks, bukan daftar"],
        id="nested-path-counts-from-one",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan:", "ringkasn:")},
        ["data/sop/sop-uji.yml:1: ringkasan: wajib diisi (teks)",
         "data/sop/sop-uji.yml:4: ringkasn: isian tidak dikenal; maksudnya \"ringkasan\"? Isian yang boleh: "
         "id, judul, program, ringkasan, pelaku, langkah, tidak_boleh, catatan, formulir, belum_disebut, dasar, historis, terkait, sumber, "
         "ditinjau, riwayat"],
        id="typo-in-key-is-an-error",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP + "judul: Lagi\n"},
        ["data/sop/sop-uji.yml:20: judul: isian ganda: sudah ditulis di baris 2"],
        id="duplicate-key",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ditinjau: 2026-11-23", "ditinjau: 23-11-2026")},
        ["data/sop/sop-uji.yml:16: ditinjau: harus berupa tanggal ISO (YYYY-MM-DD), tidak di masa depan; tertulis \"23-11-2026\""],
        id="date-not-iso",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ditinjau: 2026-11-23", "ditinjau: 2026-02-30")},
        ["data/sop/sop-uji.yml:16: ditinjau: tanggal tidak ada di kalender: \"2026-02-30\""],
        id="date-not-in-calendar",
    ),
    pytest.param(
        {"data/rakor/rakor-uji.yml": BASE["data/rakor/rakor-uji.yml"].replace("jenis: rakor", "jenis: seminar")},
        ["data/rakor/rakor-uji.yml:3: jenis: harus salah satu dari: rakor, konsolidasi, briefing, telekonferensi; "
         "tertulis \"seminar\""],
        id="value-not-allowed",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("id: sop-uji", "id: SOP_uji")},
        [UNRESOLVED_SOP,
         "data/sop/sop-uji.yml:1: id: harus berupa id kebab-case (huruf kecil, angka, tanda hubung; contoh: "
         "verval-data-kpm), bukan \"SOP_uji\""],
        id="id-not-kebab-case",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("id: sop-uji", "id: sop-lain")},
        [UNRESOLVED_SOP.replace('maksudnya "tugas-uji"', 'maksudnya "sop-lain"'),
         "data/sop/sop-uji.yml:1: id: harus sama dengan nama berkas \"sop-uji\"; tertulis \"sop-lain\""],
        id="id-differs-from-file-name",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("program: program-uji", "program: program-ujii")},
        ["data/sop/sop-uji.yml:3: program: tidak ada program dengan id \"program-ujii\"; maksudnya \"program-uji\"?"],
        id="reference-does-not-resolve",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("dasar: [aturan-baru]", "dasar: [tugas-uji]")},
        ["data/sop/sop-uji.yml:14: dasar[1]: \"tugas-uji\" adalah tugas, padahal yang diminta regulasi"],
        id="reference-to-wrong-type",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.replace("id: tanya-uji", "id: sop-uji")},
        ["data/faq/peran-tksk.yml:1: id: id \"sop-uji\" sudah dipakai di data/sop/sop-uji.yml:1; "
         "id harus unik di seluruh buku saku"],
        id="id-unique-across-types",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("\nsumber: [berita-uji]\n", "\n")},
        ["data/sop/sop-uji.yml:1: sumber: wajib diisi (daftar id sumber)"],
        id="required-field-missing",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("\nsumber: [berita-uji]", "\nsumber: []")},
        ["data/sop/sop-uji.yml:15: sumber: harus berisi paling sedikit 1 butir; ada 0"],
        id="list-too-short",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan:")},
        ["data/sop/sop-uji.yml:4: ringkasan: wajib diisi (teks)"],
        id="required-field-empty",
    ),
    pytest.param(
        {"data/regulasi/aturan-baru.yml": BASE["data/regulasi/aturan-baru.yml"].replace('nomor: "28"', "nomor: 28")},
        ["data/regulasi/aturan-baru.yml:3: nomor: harus berupa teks, bukan angka; beri tanda kutip: \"28\""],
        id="number-where-text-expected",
    ),
    pytest.param(
        {"data/regulasi/aturan-lama.yml": BASE["data/regulasi/aturan-lama.yml"].replace("status: tidak-berlaku", "status: berlaku")},
        ["data/regulasi/aturan-lama.yml:7: diganti_oleh: regulasi berstatus \"berlaku\" tidak boleh punya pengganti: aturan yang "
         "sudah diganti tidak berlaku lagi; ubah status menjadi dicabut atau tidak-berlaku"],
        id="replaced-rule-cannot-be-in-force",
    ),
    pytest.param(
        {"data/regulasi/aturan-baru.yml": BASE["data/regulasi/aturan-baru.yml"].replace(
            "status: berlaku", "status: tidak-berlaku\ndiganti_oleh: aturan-lama")},
        ["data/regulasi/aturan-baru.yml:7: diganti_oleh: aturan pengganti (Permensos 03/2013, 2013) lebih tua daripada aturan "
         "yang digantinya (Permensos 28/2018, 2018-11-30); periksa diganti_oleh",
         "data/regulasi/aturan-baru.yml:7: diganti_oleh: rantai diganti_oleh berputar kembali: aturan-baru → aturan-lama → aturan-baru",
         "data/regulasi/aturan-lama.yml:7: diganti_oleh: rantai diganti_oleh berputar kembali: aturan-lama → aturan-baru → aturan-lama",
         "data/sop/sop-uji.yml:14: dasar: semua dasar hukum catatan ini sudah tidak berlaku; tandai historis: true bila catatan "
         "ini disimpan sebagai riwayat, atau tambahkan aturan yang berlaku di dasar"],
        id="replacement-chain-loops-and-goes-back-in-time",
    ),
    pytest.param(
        {"data/tugas/tugas-uji.yml": BASE["data/tugas/tugas-uji.yml"].replace("historis: true\n", "")},
        ["data/tugas/tugas-uji.yml:7: dasar: semua dasar hukum catatan ini sudah tidak berlaku; tandai historis: true bila "
         "catatan ini disimpan sebagai riwayat, atau tambahkan aturan yang berlaku di dasar"],
        id="only-basis-no-longer-in-force",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP + "  - tanggal: 2099-01-01\n    perubahan: Nanti.\n"},
        [f"data/sop/sop-uji.yml:20: riwayat[2].tanggal: tanggal 2099-01-01 ada di masa depan (hari ini {TODAY}); "
         "tulis tanggal yang sudah terjadi"],
        id="change-dated-in-the-future",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP + "  - tanggal: 2026-10-01\n    perubahan: Lebih dulu.\n"},
        ["data/sop/sop-uji.yml:20: riwayat[2].tanggal: riwayat ditulis berurutan, terbaru di akhir: 2026-10-01 lebih lama "
         "daripada riwayat[1] (2026-11-01)"],
        id="changes-out-of-order",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": "id: sop-uji\n\tjudul: x\n"},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: ada karakter tab; pakai spasi untuk indentasi" + UNCHECKED],
        id="tab-indentation",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": "id: sop-uji\njudul: Catatan: penting\n"},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: ada titik dua (:) di tengah teks; beri tanda kutip pada teks itu" + UNCHECKED],
        id="unquoted-colon",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: &p [TKSK]\nformulir: *p")},
        ["data/sop/sop-uji.yml:6: YAML tidak valid: alias (*) tidak didukung; tulis isinya langsung" + UNCHECKED],
        id="alias-refused",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: [TKSK, lihat #2]")},
        ["data/sop/sop-uji.yml:5: YAML tidak valid: daftar dalam kurung [ ] belum ditutup, atau salah satu "
         "butirnya perlu tanda kutip (misalnya teks yang memuat ? : atau #)" + UNCHECKED],
        id="hash-in-a-flow-list",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", 'ringkasan: "Langkah\\quji"')},
        ["data/sop/sop-uji.yml:4: YAML tidak valid: garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip "
         "tunggal atau tulis \\\\; tertulis \\q" + UNCHECKED],
        id="backslash-in-double-quotes",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": ""},
        ["data/sop/sop-uji.yml:1: berkas kosong; isi dengan SOP atau hapus berkasnya"],
        id="empty-file",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.lstrip("- ").replace("\n  ", "\n")},
        ["data/faq/peran-tksk.yml:1: berkas ini harus berupa daftar Tanya Jawab (setiap butir diawali \"- \")" + UNCHECKED],
        id="list-file-holds-a-mapping",
    ),
    pytest.param(
        {"data/sop/sop-uji.yaml": SOP},
        ["data/sop/sop-uji.yaml:1: berkas tidak dikenal (gunakan akhiran .yml, huruf kecil: sop-uji.yml); "
         "data dibaca dari: data/tugas/*.yml, "
         "data/program/*.yml, data/sop/*.yml, data/regulasi/*.yml, data/faq/*.yml, data/rakor/*.yml, "
         "data/kurikulum/*.yml, data/rencana/*.yml, data/glosarium.yml, data/sumber.yml, data/edisi/*.yml, "
         "data/kata-cari.yml" + UNCHECKED],
        id="wrong-extension",
    ),
    pytest.param(
        {"data/program/program-uji.yml": BASE["data/program/program-uji.yml"].replace(
            "Program untuk uji.", "Program untuk KPM.")},
        ["data/program/program-uji.yml:4: ringkasan: singkatan \"KPM\" belum ada di glosarium; "
         "tambahkan ke data/glosarium.yml"],
        id="acronym-without-glossary-entry",
    ),
    pytest.param(
        {"data/program/program-uji.yml": BASE["data/program/program-uji.yml"].replace(
            "sumber: [berita-uji]", "sumber: [berita-sedang]")},
        ["data/program/program-uji.yml:6: sumber: mengutip sumber berkeyakinan sedang (berita-sedang); "
         "tulis isinya sebagai \"dilaporkan\" atau pakai sumber lain"],
        id="medium-confidence-needs-dilaporkan",
    ),
    pytest.param(
        {"data/regulasi/aturan-baru.yml": BASE["data/regulasi/aturan-baru.yml"].replace("status_sumber: [berita-uji]\n", "")},
        ["data/regulasi/aturan-baru.yml:6: status_sumber: status \"berlaku\" adalah klaim: isi status_sumber dengan id sumber "
         "yang menyatakannya, atau ubah status menjadi belum-dipastikan"],
        id="status-without-source",
    ),
    pytest.param(
        {"data/regulasi/aturan-baru.yml": BASE["data/regulasi/aturan-baru.yml"].replace("status: berlaku", "status: belum-dipastikan")},
        ["data/regulasi/aturan-baru.yml:6: catatan_status: status belum-dipastikan perlu alasan singkat di catatan_status "
         "(satu kalimat)",
         "data/regulasi/aturan-baru.yml:11: status_sumber: status belum-dipastikan tidak memakai status_sumber; bila ada sumber "
         "yang menyatakan statusnya, ubah status"],
        id="unconfirmed-status-needs-a-reason-and-no-source",
    ),
    pytest.param(
        {"data/program/program-uji.yml": BASE["data/program/program-uji.yml"].replace("status_per: 2021-05\n", "")},
        ["data/program/program-uji.yml:3: status_per: status \"berjalan\" hanya benar per tanggal sumbernya: isi status_per "
         "(misalnya 2023-12)"],
        id="running-program-needs-a-per-date",
    ),
    pytest.param(
        {"data/program/program-uji.yml": BASE["data/program/program-uji.yml"].replace("status_per: 2021-05", "status_per: 2024")},
        ["data/program/program-uji.yml:8: status_per: status_per 2024 lebih baru daripada sumber statusnya (2021-05-20); "
         "sumber hanya bisa menyatakan keadaan sampai tanggal terbitnya"],
        id="per-date-later-than-its-source",
    ),
    pytest.param(
        {"data/kata-cari.yml": "- id: coba\n  jenis: padanan\n  kata: [Tksk 2018, tenaga kesejahteraan sosial kecamatan]\n"
                               "  arah: [honor bulanan]\n"},
        ["data/kata-cari.yml:3: kata[1]: harus berupa kata atau frasa pendek (paling banyak 4 kata) dengan huruf kecil, "
         "tanpa angka dan tanda baca; tertulis \"Tksk 2018\""],
        id="search-aid-word-with-a-number",
    ),
    pytest.param(
        {"data/glosarium.yml": BASE["data/glosarium.yml"].replace("  kepanjangan_sumber: [berita-uji]\n", "", 1)},
        ["data/glosarium.yml:4: kepanjangan_sumber: kepanjangan perlu sumber: isi kepanjangan_sumber dengan id sumber yang "
         "menyebutnya, atau hapus kepanjangan"],
        id="long-form-without-source",
    ),
    pytest.param(
        {"data/glosarium.yml": BASE["data/glosarium.yml"].replace("jenis: singkatan", "jenis: istilah", 1)},
        ["data/glosarium.yml:4: kepanjangan: istilah (bukan singkatan) tidak punya kepanjangan; ubah jenis menjadi singkatan "
         "atau hapus kepanjangan"],
        id="term-with-long-form",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.replace("sumber: [berita-uji]", "sumber: [berita-sedang]").replace(
            "Lihat tugas uji.", "Dilaporkan, lihat tugas uji.")},
        ["data/faq/peran-tksk.yml:5: rakor: FAQ ini tidak mengutip laporan rakor \"rakor-uji\" (berita-uji); isi rakor hanya "
         "bila laporan rakor itu membahas temanya, dan cantumkan laporan itu di sumber"],
        id="faq-rakor-without-its-report",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("Hasil dua\n    sumber: [berita-uji]", "Hasil dua\n    sumber: [berita-sedang]")},
        ["data/sop/sop-uji.yml:12: langkah[2].sumber[1]: sumber \"berita-sedang\" juga harus dicantumkan di daftar sumber "
         "catatan ini"],
        id="step-source-missing-from-record-sources",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("    hasil: Hasil dua\n    sumber: [berita-uji]\n", "    hasil: Hasil dua\n")},
        ["data/sop/sop-uji.yml:10: langkah[2].sumber: wajib diisi (daftar id sumber)"],
        id="step-without-source",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", 'judul: "SOP uji')},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: tanda kutip dibuka di baris ini tetapi tidak ditutup" + UNCHECKED],
        id="unclosed-double-quote-reported-where-it-opens",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: 'SOP uji")},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: tanda kutip dibuka di baris ini tetapi tidak ditutup" + UNCHECKED],
        id="unclosed-single-quote",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", 'judul: "SOP uji').replace(
            "ringkasan: Langkah uji.", 'ringkasan: "Langkah uji."')},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: tanda kutip dibuka di baris ini tetapi tidak ditutup" + UNCHECKED],
        id="quote-closed-lines-later",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: [TKSK")},
        ["data/sop/sop-uji.yml:5: YAML tidak valid: daftar dalam kurung [ ] belum ditutup, atau salah satu "
         "butirnya perlu tanda kutip (misalnya teks yang memuat ? : atau #)" + UNCHECKED],
        id="unclosed-square-bracket",
    ),
    pytest.param(
        {"data/rencana/rencana-uji.yml": BASE["data/rencana/rencana-uji.yml"].replace("kegiatan: Pembukaan}", "kegiatan: Pembukaan")},
        ["data/rencana/rencana-uji.yml:10: YAML tidak valid: isian dalam kurung { } belum ditutup, atau salah "
         "satu nilainya perlu tanda kutip" + UNCHECKED],
        id="unclosed-curly-bracket",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("    hasil: Hasil satu", "     hasil: Hasil satu")},
        ["data/sop/sop-uji.yml:8: YAML tidak valid: indentasi baris ini tidak sejajar dengan isian di "
         "atasnya; samakan jumlah spasi di awal baris" + UNCHECKED],
        id="key-indented-too-far",
    ),
    pytest.param(
        {"data/rakor/rakor-uji.yml": BASE["data/rakor/rakor-uji.yml"] + "---\nid: lagi\n"},
        ["data/rakor/rakor-uji.yml:10: YAML tidak valid: berkas berisi lebih dari satu dokumen (---); satu "
         "berkas satu dokumen" + UNCHECKED],
        id="two-documents-in-one-file",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: @TKSK melapor")},
        ["data/sop/sop-uji.yml:4: YAML tidak valid: teks tidak boleh diawali karakter @; beri tanda kutip pada teks itu"
         + UNCHECKED],
        id="text-starting-with-at-sign",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", 'judul: "SOP" uji')},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: ada teks sesudah nilai yang sudah selesai (misalnya sesudah tanda "
         "kutip penutup); masukkan teks itu ke dalam tanda kutip" + UNCHECKED],
        id="text-after-the-closing-quote",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: - TKSK")},
        ["data/sop/sop-uji.yml:5: YAML tidak valid: tanda - (butir daftar) tidak boleh di sini; tulis tiap butir di "
         "baris sendiri, sejajar dengan butir lainnya" + UNCHECKED],
        id="list-item-on-the-key-line",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: |x\n  Langkah uji.")},
        ["data/sop/sop-uji.yml:4: YAML tidak valid: sesudah tanda | atau > teksnya ditulis mulai baris berikutnya"
         + UNCHECKED],
        id="text-after-a-block-marker",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": "# SOP ini belum ditulis\n# nanti diisi\n"},
        ["data/sop/sop-uji.yml:1: berkas kosong; isi dengan SOP atau hapus berkasnya"],
        id="file-with-only-comments",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": "\ufeff" + SOP.replace("ringkasan:", "ringkasn:")},
        ["data/sop/sop-uji.yml:1: ringkasan: wajib diisi (teks)",
         "data/sop/sop-uji.yml:4: ringkasn: isian tidak dikenal; maksudnya \"ringkasan\"? Isian yang boleh: id, "
         "judul, program, ringkasan, pelaku, langkah, tidak_boleh, catatan, formulir, belum_disebut, dasar, historis, "
         "terkait, sumber, ditinjau, riwayat"],
        id="byte-order-mark-then-typo",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: [x]").replace("\n", "\r\n")},
        ["data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan daftar"],
        id="windows-line-endings-then-typo",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": LATIN1_SOP},
        ["data/sop/sop-uji.yml:2: ada huruf yang tidak tersimpan sebagai UTF-8 di baris ini (bait 0xe9); "
         "simpan ulang berkas sebagai UTF-8" + UNCHECKED],
        id="latin-1-bytes",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: " + "kata " * 220000)},
        ["data/sop/sop-uji.yml:1: berkas terlalu besar (1074 KB; paling besar 1024 KB): bukan berkas data "
         "buku saku" + UNCHECKED],
        id="very-large-file",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'},
        ["data/sop/sop-uji.yml:2: YAML tidak valid: alias (*) tidak didukung; tulis isinya langsung" + UNCHECKED],
        id="alias-bomb",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: !!python/object/apply:os.system [ls]")},
        ["data/sop/sop-uji.yml:2: judul: tag YAML \"!!python/object/apply:os.system\" tidak dipakai di data "
         "buku saku; hapus tag itu dan tulis nilainya saja"],
        id="python-object-tag",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: !!binary aGVsbG8=")},
        ["data/sop/sop-uji.yml:2: judul: tag YAML \"!!binary\" tidak dipakai di data buku saku; hapus tag itu "
         "dan tulis nilainya saja"],
        id="binary-tag",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: [!rahasia TKSK]")},
        ["data/sop/sop-uji.yml:5: pelaku[1]: tag YAML \"!rahasia\" tidak dipakai di data buku saku; hapus tag "
         "itu dan tulis nilainya saja"],
        id="custom-tag-in-a-list",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", 'ringkasan: Langkah <img src=x onerror="alert(1)"> uji.')},
        ["data/sop/sop-uji.yml:4: ringkasan: HTML tidak dipakai di buku saku (tertulis \"<img src=x "
         "onerror=\"alert(1)\">\"); tulis dengan Markdown, misalnya **tebal**, *miring* atau [teks "
         "tautan](https://alamat)"],
        id="raw-html-in-markdown",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.replace("jawaban: Lihat tugas uji.", "jawaban: Lihat tugas uji. <!-- catatan penyunting -->")},
        ["data/faq/peran-tksk.yml:3: jawaban: HTML tidak dipakai di buku saku (tertulis \"<!-- catatan penyunting -->\"); tulis dengan "
         "Markdown, misalnya **tebal**, *miring* atau [teks tautan](https://alamat)"],
        id="html-comment",
    ),
    pytest.param(
        {"data/glosarium.yml": BASE["data/glosarium.yml"].replace(
            "arti: Langkah kerja baku.", "arti: Langkah <img/src=x onerror=alert(1)> baku.")},
        ["data/glosarium.yml:13: arti: HTML tidak dipakai di buku saku (tertulis \"<img/src=x onerror=alert(1)>\"); tulis dengan "
         "Markdown, misalnya **tebal**, *miring* atau [teks tautan](https://alamat)"],
        id="tag-without-a-space-in-a-tooltip",
    ),
    pytest.param(
        {"data/glosarium.yml": BASE["data/glosarium.yml"].replace(
            "kepanjangan: standar operasional prosedur", "kepanjangan: standar &lt;svg onload=alert(1)&gt;")},
        ["data/glosarium.yml:11: kepanjangan: HTML tidak dipakai di buku saku (tertulis \"&lt;svg\"); tulis dengan Markdown, "
         "misalnya **tebal**, *miring* atau [teks tautan](https://alamat)"],
        id="tag-written-as-an-entity",
    ),
    pytest.param(
        {"data/regulasi/sop-uji.yml": SOP, "data/sop/sop-uji.yml": None},
        ["data/regulasi/sop-uji.yml:1: isinya SOP, bukan Regulasi: pindahkan ke data/sop/*.yml" + UNCHECKED],
        id="file-in-the-wrong-folder",
    ),
    pytest.param(
        {"data/sop/sop-dua.YML": SOP.replace("id: sop-uji", "id: sop-dua")},
        ["data/sop/sop-dua.YML:1: berkas tidak dikenal (gunakan akhiran .yml, huruf kecil: sop-dua.yml); data "
         "dibaca dari: data/tugas/*.yml, data/program/*.yml, data/sop/*.yml, data/regulasi/*.yml, "
         "data/faq/*.yml, data/rakor/*.yml, data/kurikulum/*.yml, data/rencana/*.yml, data/glosarium.yml, "
         "data/sumber.yml, data/edisi/*.yml, data/kata-cari.yml" + UNCHECKED],
        id="upper-case-extension",
    ),
    pytest.param(
        {"data/sop/catatan.txt": "catatan penyunting\n"},
        ["data/sop/catatan.txt:1: berkas yang bukan data YAML (.yml) tidak boleh ada di data/; data dibaca "
         "dari: data/tugas/*.yml, data/program/*.yml, data/sop/*.yml, data/regulasi/*.yml, data/faq/*.yml, "
         "data/rakor/*.yml, data/kurikulum/*.yml, data/rencana/*.yml, data/glosarium.yml, data/sumber.yml, "
         "data/edisi/*.yml, data/kata-cari.yml"],
        id="not-a-yaml-file-in-data",
    ),
    pytest.param(
        {"data/sop/sop-dua.yml": SOP},
        ["data/sop/sop-dua.yml:1: id: harus sama dengan nama berkas \"sop-dua\"; tertulis \"sop-uji\"",
         "data/sop/sop-uji.yml:1: id: id \"sop-uji\" sudah dipakai di data/sop/sop-dua.yml:1; id harus unik di "
         "seluruh buku saku"],
        id="same-type-id-in-two-files",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ditinjau: 2026-11-23", "ditinjau: 2099-01-01")},
        [f"data/sop/sop-uji.yml:16: ditinjau: tanggal 2099-01-01 ada di masa depan (hari ini {TODAY}); "
         "tulis tanggal yang sudah terjadi"],
        id="future-review-date",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ditinjau: 2026-11-23", f"ditinjau: {TODAY + dt.timedelta(days=1)}")},
        [f"data/sop/sop-uji.yml:16: ditinjau: tanggal {TODAY + dt.timedelta(days=1)} ada di masa depan "
         f"(hari ini {TODAY}); tulis tanggal yang sudah terjadi"],
        id="review-date-tomorrow",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: yes")},
        ["data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan ya/tidak (boolean); beri tanda kutip: \"yes\""],
        id="bool-where-text-expected",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("pelaku: [TKSK]", "pelaku: {siapa: TKSK}")},
        ["data/sop/sop-uji.yml:5: pelaku: harus berupa daftar teks, bukan kumpulan isian (mapping)"],
        id="mapping-where-list-expected",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.replace("rujukan: [tugas-uji, sop-uji]", "rujukan: [tugas-uji, berita-uji]")},
        ["data/faq/peran-tksk.yml:6: rujukan[2]: \"berita-uji\" adalah sumber, padahal yang diminta sop atau "
         "tugas atau regulasi atau program"],
        id="reference-to-record-of-wrong-type-in-faq",
    ),
    pytest.param(
        {"data/kurikulum/tahap-uji.yml": BASE["data/kurikulum/tahap-uji.yml"].replace("jawaban: Butir satu", "jawaban: Butir tiga")},
        ["data/kurikulum/tahap-uji.yml:17: modul[1].soal[1].jawaban: jawaban \"Butir tiga\" tidak ada di "
         "pilihan; tulis persis seperti salah satu pilihan"],
        id="answer-not-among-options",
    ),
    pytest.param(
        {"data/rencana/rencana-uji.yml": BASE["data/rencana/rencana-uji.yml"].replace(
            "{menit: 15, kegiatan: Pembukaan}", "{menit: 20, kegiatan: Pembukaan}")},
        ["data/rencana/rencana-uji.yml:6: durasi: jumlah menit agenda (65) tidak sama dengan durasi (60); "
         "samakan keduanya"],
        id="agenda-minutes-do-not-add-up",
    ),
    pytest.param(
        {"data/faq/peran-tksk.yml": FAQ.replace("Apa tugas saya?", "Data 3201234567890123 salah, apa tugas saya?")},
        ["data/faq/peran-tksk.yml:2: pertanyaan: memuat nomor 16 angka yang tampak seperti NIK atau nomor KK "
         "\"3201234567890123\"; buku saku tidak boleh memuat data pribadi (identitas penerima, nomor atau "
         "e-mail pribadi). Hapus, atau bila itu kontak resmi kantor Dinas Sosial, daftarkan di "
         "data/kontak-resmi.yml"],
        id="nik-in-text",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("hasil: Hasil dua", "hasil: Nomor KK 3201 0101 2345 6789 dicatat")},
        ["data/sop/sop-uji.yml:11: langkah[2].hasil: memuat nomor 16 angka yang tampak seperti NIK atau nomor "
         "KK \"3201 0101 2345 6789\"; buku saku tidak boleh memuat data pribadi (identitas penerima, nomor atau "
         "e-mail pribadi). Hapus, atau bila itu kontak resmi kantor Dinas Sosial, daftarkan di "
         "data/kontak-resmi.yml"],
        id="kk-number-in-groups",
    ),
    pytest.param(
        {"data/rakor/rakor-uji.yml": BASE["data/rakor/rakor-uji.yml"].replace(
            "peserta: Para TKSK", "peserta: Para TKSK (hubungi 0812-3456-7890)")},
        ["data/rakor/rakor-uji.yml:6: peserta: memuat nomor telepon \"0812-3456-7890\"; buku saku tidak boleh "
         "memuat data pribadi (identitas penerima, nomor atau e-mail pribadi). Hapus, atau bila itu kontak "
         "resmi kantor Dinas Sosial, daftarkan di data/kontak-resmi.yml"],
        id="personal-mobile-number",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: Lapor ke +62 813 1234 5678.")},
        ["data/sop/sop-uji.yml:4: ringkasan: memuat nomor telepon \"+62 813 1234 5678\"; buku saku tidak boleh "
         "memuat data pribadi (identitas penerima, nomor atau e-mail pribadi). Hapus, atau bila itu kontak "
         "resmi kantor Dinas Sosial, daftarkan di data/kontak-resmi.yml"],
        id="phone-with-country-code",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: Kirim ke budi.tksk@gmail.com.")},
        ["data/sop/sop-uji.yml:4: ringkasan: memuat alamat e-mail \"budi.tksk@gmail.com\"; buku saku tidak "
         "boleh memuat data pribadi (identitas penerima, nomor atau e-mail pribadi). Hapus, atau bila itu "
         "kontak resmi kantor Dinas Sosial, daftarkan di data/kontak-resmi.yml"],
        id="personal-e-mail",
    ),
    pytest.param(
        {"data/edisi/edisi-2026-2.yml": BASE["data/edisi/edisi-2026-1.yml"].replace("edisi-2026-1", "edisi-2026-2").replace(
            '"2026.1"', '"2026.2"').replace("2026-11-20", "2026-11-10")},
        ["data/edisi/edisi-2026-1.yml:2: nomor: nomor edisi mundur: 2026.1 terbit 20 November 2026, sesudah "
         "edisi 2026.2 (10 November 2026, data/edisi/edisi-2026-2.yml:2); nomor edisi naik mengikuti tanggal"],
        id="edition-number-goes-backwards",
    ),
    pytest.param(
        {f"wilayah/{LAYER}/data/wilayah.yml": LAYER_DESCRIPTOR,
         f"wilayah/{LAYER}/data/catatan/catatan-uji.yml": "id: catatan-uji\njudul: Catatan uji\nuntuk: sop-ujii\n"
                                                             "teks: Di Kabupaten Uji begini.\nsumber: [berita-uji]\n" + RIWAYAT},
        [f'wilayah/{LAYER}/data/catatan/catatan-uji.yml:3: untuk: tidak ada sop atau tugas atau program atau regulasi atau faq '
         'atau glosarium dengan id "sop-ujii"; maksudnya "sop-uji"?'],
        id="regional-note-on-a-record-that-does-not-exist",
    ),
    pytest.param(
        {f"wilayah/{LAYER}/data/wilayah.yml": LAYER_DESCRIPTOR.replace(f"id: {LAYER}", "id: kabupaten-lain"),
         f"wilayah/{LAYER}/data/sop/sop-baru.yml": SOP.replace("id: sop-uji", "id: sop-baru")},
        [f"wilayah/{LAYER}/data/sop/sop-baru.yml:1: SOP ditulis di data/ nasional, bukan di lapisan wilayah; untuk menambahkan "
         "keterangan daerah pada catatan nasional, tulis catatan daerah (catatan/) dengan untuk: <id>",
         f"wilayah/{LAYER}/data/wilayah.yml:1: id: berkas ini memuat tepat satu wilayah, dengan id yang sama dengan nama "
         f"foldernya: {LAYER}"],
        id="layer-with-a-national-type-and-a-wrong-name",
    ),
    pytest.param(
        {f"wilayah/{LAYER}/data/wilayah.yml": LAYER_DESCRIPTOR,
         f"wilayah/{LAYER}/data/faq/ulang.yml": BASE["data/faq/peran-tksk.yml"]},
        [f'wilayah/{LAYER}/data/faq/ulang.yml:1: id: id "tanya-uji" adalah catatan nasional (data/faq/peran-tksk.yml); lapisan '
         "wilayah tidak menulis ulang catatan nasional: tambahkan keterangan daerah sebagai catatan daerah (catatan/) dengan "
         "untuk: tanya-uji"],
        id="layer-restating-a-national-record",
    ),
    pytest.param(
        {"data/sop/sop-uji.yml": SOP.replace("ringkasan: Langkah uji.", "ringkasan: Langkah uji. Sumber tidak menyebut formulirnya.")},
        ['data/sop/sop-uji.yml:4: ringkasan: yang tidak disebut sumber ditulis sekali di belum_disebut (tampil satu kali '
         'di halaman); pindahkan kalimat "Sumber tidak menyebut …" ke sana'],
        id="source-gap-written-inside-the-text",
    ),
    pytest.param(
        {"data/sumber.yml": BASE["data/sumber.yml"].replace("keyakinan: sedang", "keyakinan: pasti")},
        ['data/sumber.yml:13: keyakinan: harus salah satu dari: tinggi, sedang; tertulis "pasti"'],
        id="source-confidence-outside-its-choices",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_bad_data_is_reported_precisely(tree, today, capsys, changes, expected):
    """Check that a bad snippet gives exactly the expected error lines, exit code 1 and no traceback."""
    root = tree(changes)
    code = main(["validate", "--root", str(root)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert err.splitlines()[:-1] == expected
    assert err.splitlines()[-1] == f"{len(expected)} kesalahan ditemukan. Perbaiki lalu jalankan lagi."


@pytest.mark.parametrize(("today", "review", "valid"), [
    ("2026-12-01", "2026-12-01", True),   # today itself has happened
    ("2026-12-01", "2026-12-02", False),
    ("2099-01-02", "2099-01-01", True),   # the rule follows the clock, not a date written in the code
    ("2028-02-29", "2028-03-01", False),
])
def test_future_is_measured_from_the_clock(tree, capsys, monkeypatch, today, review, valid):
    """Check that "no date in the future" compares with the handbook's clock, on chosen days."""
    monkeypatch.setenv(clock.ENV, today)
    root = tree({"data/sop/sop-uji.yml": SOP.replace("ditinjau: 2026-11-23", f"ditinjau: {review}")})
    code = main(["validate", "--root", str(root)])
    err = capsys.readouterr().err
    assert code == (0 if valid else 1), err
    if not valid:
        assert f"ditinjau: tanggal {review} ada di masa depan (hari ini {today})" in err


def test_clock_that_is_not_a_date_is_reported(tree, capsys, monkeypatch):
    """Check that a pinned clock that is not a date stops with a message naming it, not a traceback."""
    monkeypatch.setenv(clock.ENV, "besok")
    code = main(["validate", "--root", str(tree())])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == (f'tksk: {clock.ENV} harus berupa tanggal ISO (YYYY-MM-DD); tertulis "besok". '
                           "Kosongkan agar memakai tanggal hari ini.")


def test_valid_data_prints_counts(tree, capsys):
    """Check that valid data prints ok with the number of records of each type and exits 0."""
    code = main(["validate", "--root", str(tree())])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("ok: data valid\n")
    assert "  SOP                 1  (sop)\n" in out
    assert "  Regulasi            2  (regulasi)\n" in out
    assert "  Modul               1  (modul)\n" in out
    assert "  Jumlah             16\n" in out
    assert "Cakupan pernyataan (catatan dengan sumber, langkah SOP, butir tugas, penjelasan soal):\n  Nasional: " in out


def test_every_error_is_reported_in_one_run(tree, capsys):
    """Check that errors in several files are all reported at once, sorted by file and line."""
    root = tree({
        "data/sop/sop-uji.yml": SOP.replace("judul: SOP uji", "judul: [x]").replace("ditinjau: 2026-11-23", "ditinjau: x"),
        "data/rakor/rakor-uji.yml": BASE["data/rakor/rakor-uji.yml"].replace("jenis: rakor", "jenis: x"),
    })
    assert main(["validate", "--root", str(root)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] + ":" + line.split(":")[1] for line in lines[:-1]] == [
        "data/rakor/rakor-uji.yml:3", "data/sop/sop-uji.yml:2", "data/sop/sop-uji.yml:16",
    ]


def test_riwayat_is_required_on_pages_that_change(tree, capsys):
    """Check that an SOP without a change history is refused: readers must see what changed and when."""
    root = tree({"data/sop/sop-uji.yml": SOP.replace(RIWAYAT, "")})
    assert main(["validate", "--root", str(root)]) == 1
    assert "data/sop/sop-uji.yml:1: riwayat: wajib diisi" in capsys.readouterr().err


def test_the_table_breaks_a_file_of_every_content_type():
    """Check that the table above has a case naming a file of each content type, so no type's errors go untested."""
    named = {line.split(":")[0] for case in CASES for line in case.values[1]}
    untested = [t.name for t in ALL if t.files and not any(fnmatch.fnmatch(f, pattern) for f in named for pattern in data_files(t))]
    assert not untested, f"no bad-input case for: {untested}"


def test_official_contacts_on_the_allow_list_pass(tree, capsys):
    """Check that an office contact listed in data/kontak-resmi.yml may appear, and an unlisted one may not."""
    text = SOP.replace("ringkasan: Langkah uji.", "ringkasan: Tanyakan ke dinsos@uji.go.id atau (0721) 123456.")
    allow = "- kontak: dinsos@uji.go.id\n  milik: Dinas Sosial Uji\n- kontak: (0721) 123-456\n  milik: Dinas Sosial Uji\n"
    assert main(["validate", "--root", str(tree({"data/sop/sop-uji.yml": text, "data/kontak-resmi.yml": allow}))]) == 0
    capsys.readouterr()
    root = tree({"data/sop/sop-uji.yml": text})
    (root / "data/kontak-resmi.yml").unlink()
    assert main(["validate", "--root", str(root)]) == 1
    assert "memuat alamat e-mail \"dinsos@uji.go.id\", nomor telepon \"(0721) 123456\"" in capsys.readouterr().err
