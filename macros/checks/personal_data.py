"""Personal-data guard: the handbook must never carry a beneficiary's or a worker's identity.

Every text field is checked for what looks like a NIK or KK number (16 digits), a personal phone number
or an e-mail address. Official office contacts of a Dinas Sosial may appear, but only when they are
listed, word for word, in ``data/kontak-resmi.yml`` (the allow-list, with who owns each contact).
"""

from __future__ import annotations

import re

from macros.common.errors import ErrorLog
from macros.model.record import texts

#: The allow-list of official contacts under data/ (read by ``macros.load.contacts``).
ALLOW_LIST = "kontak-resmi.yml"

#: 16 digits, optionally in groups of four (NIK and KK numbers are both 16 digits long).
_SIXTEEN_DIGITS = re.compile(r"(?<![\d/.-])\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?![\d/])")
#: An Indonesian phone number: +62 / 62 / 0 then 8-13 more digits, spaces, dots or dashes between groups,
#: the area code possibly in brackets: 0812-3456-7890, +62 812 3456 7890, (0721) 123456.
_PHONE = re.compile(r"(?<![\w/.-])(?:\+62|62|0|\(0\d{2,3}\))[ .-]?\d{2,4}(?:[ .-]?\d{2,5}){1,3}(?![\w/])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_KINDS = (
    (_SIXTEEN_DIGITS, "nomor 16 angka yang tampak seperti NIK atau nomor KK"),
    (_EMAIL, "alamat e-mail"),
    (_PHONE, "nomor telepon"),
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def normal_contact(contact: str) -> str:
    """Return a contact in a form that ignores spacing and punctuation: digits for a number, lower case for an e-mail."""
    return contact.strip().lower() if "@" in contact else _digits(contact)


def personal_data(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Return a description of each piece of ``text`` that looks like personal data and is not allowed."""
    found = []
    taken: list[tuple[int, int]] = []
    for pattern, what in _KINDS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in taken):
                continue
            value = match.group(0)
            if what == "nomor telepon" and not 9 <= len(_digits(value)) <= 14:
                continue  # a year, a regulation number or a count, not a phone number
            taken.append(match.span())
            if normal_contact(value) not in allowed:
                found.append(f"{what} \"{value}\"")
    return found


def message(found: list[str]) -> str:
    return (f"memuat {', '.join(found)}; buku saku tidak boleh memuat data pribadi (identitas penerima, nomor atau "
            f"e-mail pribadi). Hapus, atau bila itu kontak resmi kantor Dinas Sosial, daftarkan di data/{ALLOW_LIST}")


def check_personal_data(records, allowed: frozenset[str], log: ErrorLog) -> None:
    """Report every text of every record that carries personal data not on the allow-list (names and quotes too)."""
    for record in records:
        for path, text in texts(record.data):
            found = personal_data(text, allowed)
            if found:
                log.add(record.file, record.line_of(path), record.where(path), message(found))
