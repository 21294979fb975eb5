"""The fields content types share (sources, legal basis, history, quotes), and the check that goes with ``dasar``.

What a type declares is ``macros.model.content_type.ContentType``.
"""

from __future__ import annotations

from macros.model.schema import Date, Field, Flag, ListOf, Obj, Ref, Text, Verbatim
from macros.model.status import ENDED


def sumber_field() -> Field:
    return Field("sumber", ListOf(Ref("sumber"), min_items=1), doc="id sumber yang mendukung isi ini")


def dasar_field() -> Field:
    return Field("dasar", ListOf(Ref("regulasi")), required=False, doc="id regulasi yang menjadi dasar hukum")


def terkait_field() -> Field:
    return Field("terkait", ListOf(Ref()), required=False, doc="id catatan lain yang berkaitan")


def historis_field() -> Field:
    return Field("historis", Flag(), required=False,
                 doc="true bila catatan ini disimpan sebagai riwayat karena dasar hukumnya tidak berlaku lagi")


def check_basis_in_force(record, handbook, log):
    """Check that a record resting only on rules no longer in force says it is kept as history (``historis: true``)."""
    basis = [handbook.get(r) for r in record.data.get("dasar") or [] if r in handbook.records]
    ended = [r for r in basis if r.type.status and r.type.status.state(r.data.status) == ENDED]
    if basis and len(ended) == len(basis) and not record.data.get("historis"):
        log.add(record.file, record.line_of("dasar"), record.where("dasar"),
                "semua dasar hukum catatan ini sudah tidak berlaku; tandai historis: true bila catatan ini disimpan "
                "sebagai riwayat, atau tambahkan aturan yang berlaku di dasar")


def riwayat_field(required: bool = True) -> Field:
    change = Obj(
        Field("tanggal", Date(past=True), doc="tanggal perubahan (YYYY-MM-DD), tidak di masa depan"),
        Field("perubahan", Text(), doc="apa yang berubah, satu kalimat"),
    )
    return Field("riwayat", ListOf(change, min_items=1), required=required, doc="riwayat perubahan, terbaru di akhir")


#: A passage kept in the source's own words: a duty list read out from a regulation, an official text.
#: It is shown as a quote, attributed, and must be found word for word in the source it names.
QUOTE = Obj(
    Field("teks", Verbatim(), doc="kata-kata sumber persis; bagian yang dilewati ditandai …"),
    Field("oleh", Text(), doc="siapa yang mengucapkan atau menulisnya, dengan jabatan dan tahun"),
    Field("sumber", Ref("sumber"), doc="id sumber tempat kutipan ini tertulis; juga dicantumkan di sumber catatan"),
)


def kutipan_field() -> Field:
    return Field("kutipan", ListOf(QUOTE), required=False,
                 doc="kutipan persis dari sumber, hanya bila kata-katanya sendiri penting; selebihnya kata-kata sendiri")
