"""Regulations: what is in force, what replaced what, and when."""

from macros.schema import Choice, Date, Field, Id, Integer, ListOf, Obj, Ref, Text
from macros.status import ACTIVE, ENDED, NOT_CONFIRMED, NOT_CONFIRMED_LABEL, UNCONFIRMED, StatusRule
from macros.types.base import ContentType, Section, kutipan_field, riwayat_field, sumber_field

JENIS = (
    "UU", "PP", "Perpres", "Inpres", "Permensos", "Kepmensos", "Perdirjen",
    "Pergub", "Perbup", "Perwali", "Surat Edaran",
)
STATUS = StatusRule(
    labels={
        "berlaku": "Berlaku",
        "diubah": "Berlaku dengan perubahan",
        "dicabut": "Dicabut",
        "tidak-berlaku": "Tidak berlaku lagi",
        NOT_CONFIRMED: NOT_CONFIRMED_LABEL,
    },
    states={"berlaku": ACTIVE, "diubah": ACTIVE, "dicabut": ENDED, "tidak-berlaku": ENDED, NOT_CONFIRMED: UNCONFIRMED},
)
NOT_IN_FORCE = ("dicabut", "tidak-berlaku")


def check_replacement(record, handbook, log):
    """Check that only a rule no longer in force names a successor, and never itself."""
    successor = record.data.diganti_oleh
    if successor and record.data.status not in (*NOT_IN_FORCE, NOT_CONFIRMED):
        log.add(record.file, record.line_of("diganti_oleh"), "diganti_oleh",
                f"regulasi berstatus \"{record.data.status}\" tidak boleh punya pengganti; "
                "ubah status menjadi dicabut atau tidak-berlaku")
    if successor == record.id:
        log.add(record.file, record.line_of("diganti_oleh"), "diganti_oleh", "regulasi tidak bisa menggantikan dirinya sendiri")


def full_title(d) -> str:
    return f"{d['jenis']} Nomor {d['nomor']} Tahun {d['tahun']} tentang {d['judul']}"


def short_title(d) -> str:
    return f"{d['jenis']} {d['nomor']}/{d['tahun']}"


TYPE = ContentType(
    name="regulasi",
    order=40,
    own_section=Section(
        title="Regulasi",
        description="Aturan tentang TKSK dan program yang didampinginya: yang berlaku sekarang dan yang sudah diganti.",
    ),
    label="Regulasi",
    files="regulasi/*.yml",
    many=False,
    checks=(check_replacement, STATUS.check),
    status=STATUS,
    full_title=full_title,
    short_title=short_title,
    schema=Obj(
        Field("id", Id()),
        Field("jenis", Choice(*JENIS)),
        Field("nomor", Text(), doc="nomor seperti tertulis, dalam tanda kutip: \"08\""),
        Field("tahun", Integer(1945, 2100)),
        Field("judul", Text(), doc="judul resmi tanpa kata 'tentang'"),
        *STATUS.fields(),
        Field("ditetapkan", Date(), required=False, doc="tanggal ditetapkan, bila sumber menyebutkannya"),
        Field("pengundangan", Text(), required=False, doc="misalnya nomor Berita Negara"),
        Field("diganti_oleh", Ref("regulasi"), required=False, doc="aturan yang kini berlaku menggantikannya"),
        Field("ringkasan", Text()),
        Field("pokok", ListOf(Text(), min_items=1), doc="pokok isi yang penting bagi TKSK"),
        kutipan_field(),
        sumber_field(),
        riwayat_field(),
    ),
)
