"""Personal-data guard: the handbook must never carry a beneficiary's or a worker's identity.

Every text field is checked for what looks like a NIK or KK number (16 digits), a personal phone number
or an e-mail address. Official office contacts of a Dinas Sosial may appear, but only when they are
listed, word for word, in ``data/kontak-resmi.yml`` (the allow-list, with who owns each contact).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from macros.common.errors import ErrorLog

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


def _normal(contact: str) -> str:
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
            if _normal(value) not in allowed:
                found.append(f"{what} \"{value}\"")
    return found


def message(found: list[str]) -> str:
    return (f"memuat {', '.join(found)}; buku saku tidak boleh memuat data pribadi (identitas penerima, nomor atau "
            f"e-mail pribadi). Hapus, atau bila itu kontak resmi kantor Dinas Sosial, daftarkan di data/{ALLOW_LIST}")


def load_allowed(data_dir: Path, root: Path, log: ErrorLog) -> frozenset[str]:
    """Read the allow-list of official contacts: a list of ``{kontak, milik}``; report what is wrong with it."""
    path = data_dir / ALLOW_LIST
    if not path.is_file():
        return frozenset()
    rel = path.relative_to(root).as_posix()
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        log.add(rel, mark.line + 1 if mark else 1, "", f"daftar kontak resmi tidak bisa dibaca ({exc})")
        return frozenset()
    if node is None:
        return frozenset()
    if not isinstance(node, yaml.SequenceNode):
        log.add(rel, node.start_mark.line + 1, "", "harus berupa daftar; setiap butir: kontak dan milik")
        return frozenset()
    allowed = set()
    for i, item in enumerate(node.value, 1):
        fields = {k.value: v for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        line = item.start_mark.line + 1
        for name in ("kontak", "milik"):
            value = fields.get(name)
            if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                log.add(rel, line, f"[{i}].{name}", "wajib diisi (teks): kontak kantor dan instansi pemiliknya")
        extra = sorted(set(fields) - {"kontak", "milik"})
        if extra:
            log.add(rel, line, f"[{i}].{extra[0]}", "isian tidak dikenal; yang boleh: kontak, milik")
        contact = fields.get("kontak")
        if isinstance(contact, yaml.ScalarNode) and contact.value.strip():
            allowed.add(_normal(contact.value))
    return frozenset(allowed)
