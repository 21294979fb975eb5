"""Regulations: what is in force, what replaced what, and when."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_state
from macros.model.schema import Choice, Date, Field, Id, Integer, ListOf, Obj, PartialDate, Ref, Text
from macros.model.status import ACTIVE, ENDED, NOT_CONFIRMED_LABEL, UNCONFIRMED, StatusRule
from macros.types.base import kutipan_field, riwayat_field, sumber_field

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
        UNCONFIRMED: NOT_CONFIRMED_LABEL,
    },
    states={"berlaku": ACTIVE, "diubah": ACTIVE, "dicabut": ENDED, "tidak-berlaku": ENDED, UNCONFIRMED: UNCONFIRMED},
)
NOT_IN_FORCE = ("dicabut", "tidak-berlaku")


def check_replacement(record, handbook, log):
    """Check a replaced rule: it is no longer in force, it names neither itself nor a chain that comes back to it,
    and the rule replacing it is not older than it."""
    successor = record.data.diganti_oleh
    if not successor:
        return
    where = (record.file, record.line_of("diganti_oleh"), "diganti_oleh")
    if record.data.status not in NOT_IN_FORCE:
        log.add(*where, f"regulasi berstatus \"{record.data.status}\" tidak boleh punya pengganti: aturan yang sudah diganti "
                        "tidak berlaku lagi; ubah status menjadi dicabut atau tidak-berlaku")
    if successor == record.id:
        log.add(*where, "regulasi tidak bisa menggantikan dirinya sendiri")
        return
    chain, current = [record.id], successor
    while current in handbook.records and current not in chain:
        chain.append(current)
        current = handbook.get(current).data.get("diganti_oleh")
    if current == record.id:
        log.add(*where, "rantai diganti_oleh berputar kembali: " + " → ".join([*chain, record.id]))
    new = handbook.records.get(successor)
    if new is not None and new.type is record.type and _issued(new) < _issued(record):
        log.add(*where, f"aturan pengganti ({new.type.short_title(new.data)}, {_issued(new)}) lebih tua daripada aturan "
                        f"yang digantinya ({record.type.short_title(record.data)}, {_issued(record)}); periksa diganti_oleh")


def _issued(record):
    """When a rule was set: its ``ditetapkan`` date, else its year."""
    return record.data.ditetapkan or PartialDate(record.data.tahun)


def full_title(d) -> str:
    return f"{d['jenis']} Nomor {d['nomor']} Tahun {d['tahun']} tentang {d['judul']}"


def short_title(d) -> str:
    return f"{d['jenis']} {d['nomor']}/{d['tahun']}"


TYPE = ContentType(
    where=("nasional", "wilayah"),
    name="regulasi",
    topics=Topics("Status", "status", by_state("regulasi", [
        (ACTIVE, "berlaku", "Berlaku"), (UNCONFIRMED, UNCONFIRMED, NOT_CONFIRMED_LABEL),
        (ENDED, "tidak-berlaku", "Tidak berlaku lagi")], newest_first="tahun"), noun="aturan"),
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
