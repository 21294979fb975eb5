"""Links in the data lead only where a reader can safely follow them (``macros.common.links``).

An editor pastes links. A target other than a web page, an e-mail address, a phone number or a record of the
handbook (by its id) is refused with the file, the line and the fix: ``javascript:`` would run script,
``data:`` or ``file:`` open what no phone has, and a path outside the handbook breaks once published.
"""

from __future__ import annotations

from macros.common.errors import ErrorLog
from macros.common.hints import did_you_mean
from macros.common.links import RECORD, REFUSED, kind, links
from macros.model.handbook import Handbook
from macros.model.record import texts

ALLOWED = ("tautan hanya boleh menuju alamat web (https://…), e-mail (mailto:…), telepon (tel:…) atau id catatan "
           "buku saku, misalnya [SOP verval](verval-data-kpm)")


def check_link_targets(handbook: Handbook, log: ErrorLog) -> None:
    """Refuse every link whose target is not allowed, and every link to a record id that does not exist."""
    for record in handbook.records.values():
        for path, text in texts(record.data):
            for link in links(text):
                what = kind(link.target)
                where = (record.file, record.line_of(path), record.where(path))
                if what == REFUSED:
                    log.add(*where, f"tautan \"{link.label}\" menuju \"{link.target}\", yang tidak diizinkan: {ALLOWED}; "
                                    "ganti alamatnya atau hapus tautan itu")
                elif what == RECORD and link.target not in handbook.records:
                    hint = did_you_mean(link.target, handbook.records)
                    log.add(*where, f"tautan \"{link.label}\" menuju id \"{link.target}\", yang bukan catatan buku saku"
                                    f"{hint + ' ' if hint else '. '}Tulis id catatan yang ada, atau alamat web lengkap "
                                    "dengan https://")
