"""Standard procedures: numbered steps, what each step produces, and what a TKSK must not do.

What the sources do not say about a procedure is written once, in ``belum_disebut``, and shown once on the
page, not repeated in the steps and notes ("Sumber tidak menyebut …").
"""

import re

from macros.model.content_type import ContentType, Topics
from macros.model.listing import by_reference
from macros.model.record import texts
from macros.model.schema import Date, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import check_basis_in_force, dasar_field, historis_field, riwayat_field, sumber_field, terkait_field

#: A sentence about what the sources leave out, which belongs in ``belum_disebut``.
SOURCE_GAP = re.compile(r"\bsumber(?: buku saku)? (?:ini )?(?:tidak|belum) (?:menyebut|merinci|menjelaskan|memuat)", re.IGNORECASE)


def check_gaps_gathered(record, handbook, log):
    """Check that what the sources do not say is written in ``belum_disebut``, once, not inside steps or notes."""
    for path, text in texts(record.data):
        if not path.startswith(("belum_disebut", "riwayat")) and SOURCE_GAP.search(text):
            log.add(record.file, record.line_of(path), record.where(path),
                    "yang tidak disebut sumber ditulis sekali di belum_disebut (tampil satu kali di halaman); "
                    "pindahkan kalimat \"" + SOURCE_GAP.search(text).group(0) + " …\" ke sana")


TYPE = ContentType(
    name="sop",
    topics=Topics("Program", "program", by_reference("sop", "program", "SOP tugas umum"), in_nav=False, noun="SOP",
                  heading="SOP {title}"),
    order=30,
    label="SOP",
    files="sop/*.yml",
    search_boost=3,
    many=False,
    checks=(check_basis_in_force, check_gaps_gathered),
    section="program",
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text()),
        Field("program", Ref("program"), required=False, doc="program yang memakai SOP ini, bila ada"),
        Field("ringkasan", Text(), doc="satu-dua kalimat: untuk apa SOP ini"),
        Field("pelaku", ListOf(Text(), min_items=1), doc="siapa yang terlibat"),
        Field("langkah", ListOf(Obj(
            Field("judul", Text(), doc="apa yang dikerjakan TKSK"),
            Field("rincian", Text(), required=False),
            Field("hasil", Text(), doc="apa yang ada setelah langkah selesai"),
            Field("sumber", ListOf(Ref("sumber"), min_items=1),
                  doc="id sumber yang menyebut langkah ini dikerjakan TKSK; juga dicantumkan di sumber SOP"),
        ), min_items=1), doc="langkah yang disebut sumber, berurutan; tidak ada langkah tanpa sumber"),
        Field("tidak_boleh", ListOf(Text()), required=False, doc="yang tidak boleh dilakukan TKSK"),
        Field("catatan", Text(), required=False, doc="latar dan batas sumber; tampil setelah langkah agar langkah terbaca lebih dulu"),
        Field("formulir", ListOf(Text()), required=False, doc="formulir atau aplikasi yang dipakai"),
        Field("belum_disebut", ListOf(Text()), required=False,
              doc="yang tidak disebut sumber tentang SOP ini, sekali di sini: tampil sebagai satu kotak di halaman"),
        dasar_field(),
        historis_field(),
        terkait_field(),
        sumber_field(),
        Field("ditinjau", Date(past=True), doc="tanggal terakhir isi SOP diperiksa"),
        riwayat_field(),
    ),
)
