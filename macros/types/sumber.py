"""Sources: the rakor reports (seeds), secondary reports and regulation texts every fact cites.

Each source declares whose voice it is, once (``cakupan``): national (a national rule, Kemensos, a report on
national matters) or one Dinas Sosial (``daerah``, with its ``wilayah``; the year is that of ``tanggal``).
What rests only on regional sources is shown as that Dinsos's practice (``macros.model.scope``).
"""

from macros.model import scope
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

CAKUPAN = {
    scope.NATIONAL: "Nasional: aturan nasional, Kementerian Sosial, atau laporan tentang hal yang berlaku nasional",
    scope.REGIONAL: "Daerah: satu Dinas Sosial provinsi atau kabupaten/kota yang berbicara kepada TKSK-nya",
}


def check_scope(record, handbook, log):
    """Check that a regional source names its region with its level (Provinsi, Kabupaten, Kota), and a national one none."""
    d = record.data
    if d.cakupan == scope.REGIONAL and not d.wilayah:
        log.add(record.file, record.line_of("cakupan"), "wilayah",
                "sumber daerah perlu wilayah Dinas Sosial yang berbicara, misalnya wilayah: Kabupaten Probolinggo")
    elif d.cakupan == scope.REGIONAL and d.wilayah.split(" ")[0] not in scope.LEVELS:
        log.add(record.file, record.line_of("wilayah"), "wilayah",
                f"tulis wilayah dengan jenjangnya ({', '.join(scope.LEVELS)}), misalnya \"Kabupaten {d.wilayah}\" "
                f"atau \"Provinsi {d.wilayah}\"; tertulis \"{d.wilayah}\"")
    elif d.cakupan == scope.NATIONAL and d.wilayah:
        log.add(record.file, record.line_of("wilayah"), "wilayah",
                "sumber nasional tidak punya wilayah; hapus wilayah, atau ubah cakupan menjadi daerah bila yang "
                "berbicara satu Dinas Sosial")


def scope_report(handbook) -> list[str]:
    """Statements per scope (records, SOP steps, question explanations): how much of the handbook is one Dinsos's practice."""
    by_kind = scope.counts(handbook)
    labels = sorted({label for c in by_kind.values() for label in c}, key=lambda label: (label != "Nasional", label))
    names = {"catatan": "catatan", "langkah": "langkah SOP", "butir": "butir tugas", "penjelasan": "penjelasan soal"}
    lines = ["Cakupan pernyataan (catatan dengan sumber, langkah SOP, butir tugas, penjelasan soal):"]
    for label in labels:
        parts = [f"{by_kind[k][label]} {names[k]}" for k in names if by_kind.get(k, {}).get(label)]
        lines.append(f"  {label}: {', '.join(parts)}")
    return lines


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
    checks=(check_scope,),
    reports=(scope_report,),
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
        Field("cakupan", Choice(CAKUPAN),
              doc="suara siapa sumber ini: nasional (aturan nasional, Kemensos, laporan tentang hal nasional) atau "
                  "daerah (satu Dinas Sosial); isi yang hanya bersumber dari sumber daerah tampil sebagai praktik Dinsos itu"),
        Field("wilayah", Text(), required=False,
              doc="untuk sumber daerah: wilayah Dinas Sosial yang berbicara, dengan jenjangnya (Provinsi Lampung, "
                  "Kabupaten Probolinggo); tahunnya diambil dari tanggal"),
        Field("inti", Text(), doc="inti isi sumber dengan kata-kata sendiri, tanpa kutipan"),
        Field("catatan", Text(), required=False, doc="catatan penyunting, misalnya apa yang tidak dipakai"),
    ),
)
