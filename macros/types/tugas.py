"""Duties, functions and prohibitions of a TKSK, and the lists (PPKS, PSKS) they work with."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_choice
from macros.model.schema import Choice, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import check_basis_in_force, dasar_field, historis_field, riwayat_field, sumber_field, terkait_field

JENIS = {
    "fungsi": "Fungsi",
    "tugas": "Tugas",
    "kewajiban": "Kewajiban",
    "larangan": "Larangan",
    "daftar": "Daftar rujukan",
}

TYPE = ContentType(
    name="tugas",
    topics=Topics("Jenis", "jenis", by_choice("tugas", "jenis", JENIS), noun="catatan"),
    order=10,
    own_section=Section(
        title="Tugas & Fungsi",
        description=("Fungsi, tugas, kewajiban dan larangan TKSK, serta daftar PPKS dan PSKS, masing-masing dengan dasar "
                     "hukum dan sumbernya."),
    ),
    label="Tugas & Fungsi",
    files="tugas/*.yml",
    search_boost=2,
    many=False,
    checks=(check_basis_in_force,),
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text()),
        Field("jenis", Choice(JENIS)),
        Field("ringkasan", Text()),
        Field("butir", ListOf(Obj(
            Field("judul", Text()),
            Field("penjelasan", Text(), required=False),
            Field("sumber", ListOf(Ref("sumber"), min_items=1), required=False,
                  doc="id sumber butir ini, bila butir ini hanya bersandar pada sebagian sumber catatan (misalnya "
                      "praktik satu Dinsos); juga dicantumkan di sumber catatan"),
        ), min_items=1), doc="butir tugas, fungsi, larangan atau isi daftar"),
        Field("contoh", ListOf(Text()), required=False, doc="contoh di lapangan, hanya yang disebut sumber"),
        dasar_field(),
        historis_field(),
        terkait_field(),
        sumber_field(),
        riwayat_field(),
    ),
)
