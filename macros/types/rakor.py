"""Coordination meetings (rakor) and what each one said, asked and agreed."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_year
from macros.model.schema import Choice, Date, Field, Id, ListOf, Obj, Text, Verbatim
from macros.types.base import kutipan_field, riwayat_field, sumber_field

JENIS = {
    "rakor": "Rapat koordinasi",
    "konsolidasi": "Konsolidasi dan jejaring kerja",
    "briefing": "Pengarahan (briefing)",
    "telekonferensi": "Rapat koordinasi daring (telekonferensi)",
}

TYPE = ContentType(
    where=("nasional", "wilayah"),
    name="rakor",
    topics=Topics("Tahun", "tahun", by_year("rakor"), in_nav=False, noun="rakor", heading="Rakor tahun {title}"),
    order=60,
    own_section=Section(
        title="Rakor",
        description="Catatan rapat koordinasi TKSK: waktu, tempat, narasumber, pesan kunci, pertanyaan dan tindak lanjut.",
    ),
    label="Rakor",
    files="rakor/*.yml",
    many=False,
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text()),
        Field("jenis", Choice(JENIS)),
        Field("tanggal", Date(partial=True), doc="hari pertama; YYYY atau YYYY-MM bila sumber tidak lebih rinci"),
        Field("tanggal_selesai", Date(), required=False, doc="hari terakhir, bila lebih dari sehari"),
        Field("tempat", Text(), required=False),
        Field("penyelenggara", Text()),
        Field("peserta", Text()),
        Field("tema", Verbatim(), required=False, doc="tema resmi, persis seperti tertulis di laporan"),
        Field("ringkasan", Text()),
        Field("narasumber", ListOf(Obj(
            Field("nama", Verbatim(), required=False, doc="nama persis seperti di sumber, hanya bila sumber menyebutnya"),
            Field("jabatan", Verbatim(), doc="jabatan atau instansi persis seperti di sumber"),
            Field("peran", Text(), required=False, doc="apa yang dilakukannya dalam rakor, dengan kata-kata sendiri"),
        )), required=False),
        Field("pesan_kunci", ListOf(Text(), min_items=1)),
        Field("pertanyaan", ListOf(Text()), required=False, doc="pertanyaan dan masukan yang diajukan"),
        Field("tindak_lanjut", ListOf(Text()), required=False),
        kutipan_field(),
        sumber_field(),
        riwayat_field(required=False),
    ),
)
