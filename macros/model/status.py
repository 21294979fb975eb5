"""A status is a claim: whether a rule is in force or a program is running needs a source that says so.

A content type with a status (``regulasi``, ``program``) declares a ``StatusRule``: the words it may
use, which of three states each word means, and which words must say as of when they hold. The rule
gives the type its fields and the check that keeps every status traceable:

- any status but "belum-dipastikan" names the ``sumber`` that states it (``status_sumber``);
- "belum-dipastikan" gives a one-line reason instead (``catatan_status``);
- a status that can only be true at a moment ("berjalan") says as of when (``status_per``), and that date
  is never later than the newest source that states it.

Pages show the three states distinctly, in words and with an icon, so only a confirmed rule reads as
in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.model.schema import Choice, Date, Field, ListOf, Ref, Text

if TYPE_CHECKING:
    from macros.common.errors import ErrorLog
    from macros.model.handbook import Handbook
    from macros.model.record import Record

#: The three states a reader must be able to tell apart.
ACTIVE = "aktif"  #: confirmed by a source: in force, running
UNCONFIRMED = "belum-dipastikan"  #: the sources do not say; also the status word every type with a status offers
ENDED = "selesai"  #: confirmed by a source: no longer in force, ended

#: The state names, for templates (``states.active``): the words are written here only.
STATES = {"active": ACTIVE, "unconfirmed": UNCONFIRMED, "ended": ENDED}
NOT_CONFIRMED_LABEL = "Status belum dipastikan"

#: How each state looks on a page: a Material icon, then words (never colour alone).
ICONS = {
    ACTIVE: ":material-check-circle:",
    UNCONFIRMED: ":material-help-circle-outline:",
    ENDED: ":material-close-circle-outline:",
}

#: The longest reason for an unconfirmed status: one line on a phone's page.
REASON_LIMIT = 200


@dataclass(frozen=True)
class StatusRule:
    """The status words of one content type, their states, and which ones need a date."""

    labels: dict[str, str]  #: status word -> what readers see
    states: dict[str, str]  #: status word -> ACTIVE, UNCONFIRMED or ENDED
    dated: tuple[str, ...] = ()  #: status words that hold only "per" a date (a program "berjalan")

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("status", Choice(self.labels), doc="status menurut sumber; belum-dipastikan bila tidak ada sumber yang menyatakannya"),
            Field("status_sumber", ListOf(Ref("sumber"), min_items=1), required=False,
                  doc="id sumber yang menyatakan status ini; wajib kecuali status belum-dipastikan"),
            Field("status_per", Date(partial=True), required=False,
                  doc="sejak kapan status ini diketahui benar, menurut tanggal sumbernya (YYYY, YYYY-MM atau YYYY-MM-DD)"
                      + (f"; wajib untuk status {', '.join(self.dated)}" if self.dated else "")),
            Field("catatan_status", Text(), required=False,
                  doc=f"penjelasan status; untuk belum-dipastikan wajib, satu kalimat alasan (paling banyak {REASON_LIMIT} huruf)"),
        )

    def state(self, status: str) -> str:
        return self.states[status]

    def check(self, record: Record, handbook: Handbook, log: ErrorLog) -> None:
        """Report a status that names no source, an unconfirmed one with no reason, and a "per" date the sources cannot back."""
        d = record.data
        status, sources, per = d.status, d.get("status_sumber") or [], d.get("status_per")
        if status is None:
            return
        where = record.line_of("status")
        if status == UNCONFIRMED:
            reason = d.get("catatan_status")
            if not reason:
                log.add(record.file, where, "catatan_status",
                        "status belum-dipastikan perlu alasan singkat di catatan_status (satu kalimat)")
            elif len(reason) > REASON_LIMIT or "\n" in reason:
                log.add(record.file, record.line_of("catatan_status"), "catatan_status",
                        f"alasan status belum-dipastikan ditulis satu kalimat saja, paling banyak {REASON_LIMIT} huruf; "
                        f"tertulis {len(reason)} huruf")
            for name in ("status_sumber", "status_per"):
                if d.get(name):
                    log.add(record.file, record.line_of(name), name,
                            f"status belum-dipastikan tidak memakai {name}; bila ada sumber yang menyatakan statusnya, ubah status")
            return
        if not sources:
            log.add(record.file, where, "status_sumber",
                    f"status \"{status}\" adalah klaim: isi status_sumber dengan id sumber yang menyatakannya, "
                    "atau ubah status menjadi belum-dipastikan")
        if status in self.dated and per is None:
            log.add(record.file, where, "status_per",
                    f"status \"{status}\" hanya benar per tanggal sumbernya: isi status_per (misalnya 2023-12)")
        dates = [handbook.get(s).data.tanggal for s in sources if s in handbook.records and handbook.get(s).data.tanggal]
        if per is not None and dates and len(dates) == len(sources) and per > max(dates):
            log.add(record.file, record.line_of("status_per"), "status_per",
                    f"status_per {per} lebih baru daripada sumber statusnya ({max(dates)}); "
                    "sumber hanya bisa menyatakan keadaan sampai tanggal terbitnya")


def status_view(record: Record) -> dict:
    """Return what a page shows of a record's status: state, icon, label with its date, and its sources."""
    rule: StatusRule = record.type.status
    d = record.data
    label = rule.labels[d.status]
    if d.get("status_per"):
        label = f"{label} per {d.status_per.indonesian()}"
    state = rule.state(d.status)
    return {
        "state": state,
        "icon": ICONS[state],
        "label": label,
        "sources": d.get("status_sumber") or [],
        "reason": d.get("catatan_status") if d.status == UNCONFIRMED else None,
    }
