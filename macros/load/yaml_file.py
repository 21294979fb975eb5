"""Reading one YAML file of data/ as a tree of nodes that keep their line numbers: the project's one YAML reader.

Plain data only: safe tags, no anchors or aliases, UTF-8 (a byte-order mark and Windows line endings are
accepted), at most ``MAX_FILE_BYTES``. PyYAML's complaints are put in an editor's words, at the line where
the problem starts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from macros.common.errors import ErrorLog

#: A data file larger than this is refused: it is not an editor's file (the largest today is under 100 KB).
MAX_FILE_BYTES = 1024 * 1024
#: What an unreadable file's error adds, once: why records it holds are missing elsewhere.
UNCHECKED = "; catatan di berkas ini belum bisa diperiksa sampai kesalahan ini diperbaiki"


class NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases: each fact is written out where it is used,
    and a nested alias cannot make validation walk the same nodes without end."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, _ALIAS, event.start_mark)
        return super().compose_node(parent, index)


def read_nodes(path: Path, rel: str, log: ErrorLog) -> tuple[bool, yaml.Node | None]:
    """Compose a YAML file into nodes (which keep line numbers); report syntax errors with their line.

    Returns ``(False, None)`` after reporting an unreadable file, ``(True, None)`` for an empty one.
    A byte-order mark and Windows line endings are accepted.
    """
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        log.add(rel, 1, "", f"berkas terlalu besar ({len(raw) // 1024} KB; paling besar {MAX_FILE_BYTES // 1024} KB): "
                            f"bukan berkas data buku saku{UNCHECKED}")
        return False, None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        log.add(rel, line, "", f"ada huruf yang tidak tersimpan sebagai UTF-8 di baris ini (bait 0x{raw[exc.start]:02x}); "
                               f"simpan ulang berkas sebagai UTF-8{UNCHECKED}")
        return False, None
    fast = _compose_fast(text)
    if fast is not None:
        return True, fast
    try:  # the careful reader: PyYAML's own messages, which the hints below put in an editor's words
        return True, yaml.compose(text, Loader=NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        line, hint = _error_place(exc, text)
        log.add(rel, line, "", f"YAML tidak valid: {hint}{UNCHECKED}")
        return False, None


def _compose_fast(text: str) -> yaml.Node | None:
    """Compose with libyaml (C, about ten times faster) a file that has no alias and no error; else return None.

    A file with an error or an alias is read again by PyYAML's pure-Python reader, whose messages the editor sees.
    An empty file also returns None, and the careful reader says so.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return None
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            return None
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None


def parse_plain(text: str) -> Any:
    """Return the Python values of a YAML text read by the same rules (safe tags, no aliases); raise ``yaml.YAMLError``."""
    return yaml.load(text, Loader=NoAliasLoader)


#: PyYAML's complaints (its problem or its context), said in an editor's words. PyYAML's English is never
#: shown: where it names a character, the hint names it (``{found}``). Checked in order: the first match wins.
_ALIAS = "alias (*) tidak didukung; tulis isinya langsung"  # NoAliasLoader's own problem, already in an editor's words
_BACKSLASH = "garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal atau tulis \\\\"
_YAML_HINTS = (
    (_ALIAS, _ALIAS),
    ("'\\t'", "ada karakter tab; pakai spasi untuk indentasi"),
    ("mapping values are not allowed", "ada titik dua (:) di tengah teks; beri tanda kutip pada teks itu"),
    ("found duplicate anchor", "nama anchor (&) dipakai dua kali; tulis isinya langsung, tanpa &"),
    ("expected <block end>", "indentasi tidak rata; samakan jumlah spasi di awal baris"),
    ("expected the node content", "isian atau daftar belum ditutup (kurung [ ] atau { } tidak lengkap)"),
    ("expected ',' or ']'", "daftar dalam kurung [ ] belum ditutup, atau salah satu butirnya perlu tanda kutip "
                            "(misalnya teks yang memuat ? : atau #)"),
    ("expected ',' or '}'", "isian dalam kurung { } belum ditutup, atau salah satu nilainya perlu tanda kutip"),
    ("expected escape sequence", _BACKSLASH),
    ("found unknown escape character", _BACKSLASH + "; tertulis \\{found}"),
    ("found unexpected end of stream", "tanda kutip belum ditutup"),
    ("expected a single document", "berkas berisi lebih dari satu dokumen (---); satu berkas satu dokumen"),
    ("found unexpected document separator", "ada --- di tengah isian; beri tanda kutip pada teks itu"),
    ("could not find expected ':'", "baris tanpa titik dua (:); tulis sebagai nama_isian: nilai"),
    ("that cannot start any token", "teks tidak boleh diawali karakter {found}; beri tanda kutip pada teks itu"),
    ("sequence entries are not allowed here", "tanda - (butir daftar) tidak boleh di sini; tulis tiap butir di baris "
                                              "sendiri, sejajar dengan butir lainnya"),
    ("mapping keys are not allowed here", "tanda ? tidak boleh di sini; beri tanda kutip pada teks itu"),
    ("expected a comment or a line break", "ada teks sesudah nilai yang sudah selesai (misalnya sesudah tanda kutip "
                                           "penutup); masukkan teks itu ke dalam tanda kutip"),
    ("while scanning a block scalar", "sesudah tanda | atau > teksnya ditulis mulai baris berikutnya"),
    ("while scanning a directive", "baris yang diawali % dibaca sebagai perintah YAML; beri tanda kutip pada teks itu"),
    ("expected alphabetic or numeric character", "teks yang diawali & * atau ! dibaca sebagai tanda YAML; beri tanda "
                                                 "kutip pada teks itu"),
    ("while scanning a tag", "teks yang diawali ! dibaca sebagai tanda YAML; beri tanda kutip pada teks itu"),
    ("expected '<document start>'", "ada teks di luar isian; periksa indentasi baris ini"),
)
#: Any other complaint of PyYAML's: where to look, in the editor's words.
_UNKNOWN = "susunan baris ini tidak bisa dibaca; periksa indentasi, titik dua (:) dan tanda kutip"
_FOUND = re.compile(r"character '(.+?)'")


#: A line whose value opens a quote: ``judul: "Teks`` or ``- 'Teks``.
_OPENS_QUOTE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?([\"'])(.*)$")


def _unclosed_quote(lines: list[str], last: int) -> int | None:
    """Return the number of the first line up to ``last`` whose value opens a quote it does not close."""
    for number, line in enumerate(lines[:last], 1):
        match = _OPENS_QUOTE.match(line)
        if match:
            quote, rest = match.groups()
            rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
            if quote not in rest:
                return number
    return None


def error_place(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """Return the line of a YAML error in ``text`` and the problem in an editor's words (never PyYAML's English)."""
    if isinstance(exc, yaml.MarkedYAMLError):
        return _error_place(exc, text)
    return 1, _UNKNOWN


def _error_place(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """Return the line where the problem starts, and the problem in an editor's words.

    PyYAML reports where it gave up (for an unclosed quote, the end of the file); an editor needs the
    place where the quote or bracket was opened, which PyYAML gives as the context mark.
    """
    context = exc.context or ""
    problem = exc.problem or context
    mark = exc.problem_mark or exc.context_mark
    last = mark.line + 1 if mark else 1
    if context.startswith("while scanning a quoted scalar") and exc.context_mark:
        return exc.context_mark.line + 1, "tanda kutip dibuka di baris ini tetapi tidak ditutup"
    if context.startswith("while parsing a flow") and exc.context_mark:
        return exc.context_mark.line + 1, _explain(problem, context)
    lines = text.splitlines()
    opened = _unclosed_quote(lines, last)
    if opened is not None and opened < last:
        return opened, "tanda kutip dibuka di baris ini tetapi tidak ditutup"
    # The line's own key is unexpected (its first colon is where PyYAML stopped): it is indented wrongly.
    if "mapping values are not allowed" in problem and mark and mark.line < len(lines) and lines[mark.line].find(":") == mark.column:
        return last, "indentasi baris ini tidak sejajar dengan isian di atasnya; samakan jumlah spasi di awal baris"
    # PyYAML reads `judul: "SOP" uji` as a quoted value followed by an unexpected one, "expected <block end>".
    if "expected <block end>" in problem and mark and mark.line < len(lines) and _TEXT_AFTER_QUOTE.match(lines[mark.line]):
        return last, _explain("expected a comment or a line break")
    return last, _explain(problem, context)


#: A line whose quoted value is followed by more text: ``judul: "SOP" uji``.
_TEXT_AFTER_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(["'])(?:(?!\1).)*\1\s*[^\s#]""")


def _explain(problem: str, context: str = "") -> str:
    for needle, hint in _YAML_HINTS:
        if needle in problem or needle in context:
            found = _FOUND.search(problem)
            return hint.replace("{found}", found.group(1) if found else "itu")
    return _UNKNOWN
