"""Sources: the rakor reports (seeds), secondary reports and regulation texts every fact cites."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_choice
from macros.model.schema import Choice, Date, Field, Id, Obj, Text, Url

JENIS = {
    "berita-rakor": "Berita rapat koordinasi",
    "berita": "Berita",
    "laman-resmi": "Laman resmi instansi",
    "regulasi": "Teks regulasi",
}
KEYAKINAN = {
    "tinggi": "Tinggi: beberapa sumber yang saling bebas sepakat",
    "sedang": "Sedang: satu sumber yang kredibel; isi yang memakainya ditulis sebagai \"dilaporkan\"",
}

TYPE = ContentType(
    where=("nasional", "wilayah"),
    name="sumber",
    topics=Topics("Jenis", "jenis", by_choice("sumber", "jenis", JENIS), in_nav=False, noun="sumber"),
    order=90,
    own_section=Section(
        title="Sumber",
        description="Berita rakor, laman resmi dan teks regulasi yang menjadi dasar setiap isi buku saku.",
    ),
    label="Sumber",
    files="sumber.yml",
    search_boost=0.5,
    many=True,
    summary="inti",
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text(), doc="judul berita atau nama dokumen"),
        Field("jenis", Choice(JENIS)),
        Field("penerbit", Text(), required=False,
              doc="media atau instansi yang menerbitkan; kosongkan bila naskah tidak menyebutnya (halaman lain lalu menyebut judulnya)"),
        Field("tanggal", Date(partial=True), required=False, doc="tanggal terbit, bila diketahui"),
        Field("penulis", Text(), required=False),
        Field("url", Url(), required=False, doc="alamat web, hanya bila sumber menyebutkannya"),
        Field("keyakinan", Choice(KEYAKINAN), doc="seberapa kuat sumber ini"),
        Field("inti", Text(), doc="inti isi sumber dengan kata-kata sendiri, tanpa kutipan"),
        Field("catatan", Text(), required=False, doc="catatan penyunting, misalnya apa yang tidak dipakai"),
    ),
)
