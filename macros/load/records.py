"""Read data/ into validated records, keeping each record's file and line for error messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.checks.personal_data import ALLOW_LIST
from macros.common.errors import ErrorLog
from macros.model.schema import Context, Data, top_field
from macros.types import ALL
from macros.types.base import ContentType


@dataclass
class Record:
    """One validated record: its type, its fields and where it was written."""

    type: ContentType
    data: Data
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    #: field paths whose text is a source's own words (``schema.Verbatim``): names, titles, marked quotes
    verbatim: tuple[str, ...] = ()
    #: for a record nested in another (a module in a stage): the parent, and the field path to this record
    parent: Record | None = None
    prefix: str = ""

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def title(self) -> str:
        if self.type.full_title:
            return self.type.full_title(self.data)
        return self.data[self.type.title]

    @property
    def short(self) -> str:
        """The title for menus and lists, where space is short."""
        return self.type.short_title(self.data) if self.type.short_title else self.title

    @property
    def summary(self) -> str:
        return self.data[self.type.summary]

    @property
    def url(self) -> str:
        return self.type.url(self.id)

    def where(self, path: str) -> str:
        """Return the field path as the editor sees it in the file: ``modul[2].soal[1]`` for a nested record."""
        if not self.prefix:
            return path
        return f"{self.prefix}.{path}" if path else self.prefix

    def line_of(self, path: str) -> int:
        """Return the line of a field path (``langkah[2].hasil``), else of its top field, else of the record."""
        return self.lines.get(path) or self.lines.get(top_field(path), self.line)


@dataclass
class Loaded:
    records: list[Record]
    refs: list[tuple[Record, str, tuple[str, ...], int, str]]
    #: ids written in files that could not be read: references to them are not reported as missing
    #: (the file's own error says its records could not be checked)
    unchecked: set[str] = field(default_factory=set)


#: A data file larger than this is refused: it is not an editor's file (the largest today is under 100 KB).
MAX_FILE_BYTES = 1024 * 1024
#: What an unreadable file's error adds, once: why records it holds are missing elsewhere.
UNCHECKED = "; catatan di berkas ini belum bisa diperiksa sampai kesalahan ini diperbaiki"
_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([a-z0-9-]+)", re.MULTILINE)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases: each fact is written out where it is used,
    and a nested alias cannot make validation walk the same nodes without end."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "alias (*) tidak didukung; tulis isinya langsung", event.start_mark)
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
        return True, yaml.compose(text, Loader=_NoAliasLoader)
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


def ids_in(path: Path) -> set[str]:
    """Return the ids an unreadable, empty or misplaced file seems to hold: those written on ``id:`` lines,
    and its name (a one-record file is named after its id)."""
    return {path.stem, *_ID_LINE.findall(path.read_bytes().decode("utf-8", "replace"))}


def _belongs_elsewhere(ctype: ContentType, node: yaml.Node) -> ContentType | None:
    """Return the type whose fields a record written in ``ctype``'s folder plainly has (a file in the wrong folder).

    Plainly: at least two of its fields are not ``ctype``'s, and all of its fields are the other type's.
    """
    if not isinstance(node, yaml.MappingNode):
        return None
    keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    if len(keys - set(ctype.schema.fields)) < 2:
        return None
    for other in ALL:
        if other is not ctype and other.files and keys <= set(other.schema.fields):
            return other
    return None


def load_type(ctype: ContentType, data_dir: Path, root: Path, log: ErrorLog, today: dt.date,
              allowed: frozenset[str] = frozenset()) -> Loaded:
    """Load every record of one content type from its files."""
    loaded = Loaded([], [])
    if not ctype.files:  # nested in another type's files (a module in a stage): loaded with its parent
        return loaded
    for path in sorted(data_dir.glob(ctype.files)):
        rel = path.relative_to(root).as_posix()
        readable, node = read_nodes(path, rel, log)
        if not readable:
            loaded.unchecked |= ids_in(path)
            continue
        if node is None:
            log.add(rel, 1, "", f"berkas kosong; isi dengan {ctype.label} atau hapus berkasnya")
            loaded.unchecked |= ids_in(path)
            continue
        if ctype.many:
            if not isinstance(node, yaml.SequenceNode):
                log.add(rel, node.start_mark.line + 1, "", f"berkas ini harus berupa daftar {ctype.label} (setiap butir diawali \"- \")"
                                                          + UNCHECKED)
                loaded.unchecked |= ids_in(path)
                continue
            items = node.value
        else:
            items = [node]
        for item in items:
            elsewhere = _belongs_elsewhere(ctype, item)
            if elsewhere is not None:
                log.add(rel, item.start_mark.line + 1, "",
                        f"isinya {elsewhere.label}, bukan {ctype.label}: pindahkan ke data/{elsewhere.files}" + UNCHECKED)
                loaded.unchecked |= ids_in(path)
                continue
            record = _load_record(ctype, item, rel, log, loaded, today, allowed)
            if record is None:
                continue
            if not ctype.many and record.id != path.stem:
                log.add(rel, record.line_of("id"), "id", f"harus sama dengan nama berkas \"{path.stem}\"; tertulis \"{record.id}\"")
            loaded.records.append(record)
    return loaded


def _load_record(ctype, node, rel, log, loaded, today, allowed) -> Record | None:
    ctx = Context(rel, log, allowed_contacts=allowed, today=today)
    data = ctype.schema.check(node, "", ctx)
    if data is None or not data.get("id"):
        return None
    # A record with errors is kept so its references and id are checked too: every error in one run.
    record = Record(ctype, data, rel, node.start_mark.line + 1, ctx.lines, tuple(ctx.verbatim))
    owners = [(record, "")]
    for child in ctype.children:
        for i, item in enumerate(data.get(child.field) or [], 1):
            prefix = f"{child.field}[{i}]"
            if isinstance(item, Data) and item.get("id"):
                nested = Record(child.type, item, rel, ctx.lines.get(prefix, record.line), _under(ctx.lines, prefix),
                                tuple(_under(dict.fromkeys(ctx.verbatim), prefix)), parent=record, prefix=prefix)
                owners.append((nested, prefix))
                loaded.records.append(nested)
    for ref_id, types, line, path in ctx.refs:
        owner, prefix = next((o, p) for o, p in reversed(owners) if not p or path.startswith(p + "."))
        loaded.refs.append((owner, ref_id, types, line, path[len(prefix) + 1:] if prefix else path))
    return record


def _under(paths: dict, prefix: str) -> dict:
    """Return the entries of ``paths`` below ``prefix``, with the prefix taken off: ``modul[1].judul`` -> ``judul``."""
    return {key[len(prefix) + 1:]: value for key, value in paths.items() if key.startswith(prefix + ".")}


def unknown_files(data_dir: Path, root: Path, log: ErrorLog) -> set[str]:
    """Report files in data/ that no content type reads, so a misplaced file is not silently ignored.

    Returns the ids such files seem to hold: they are not reported again as missing wherever they are used.
    """
    known = {p for ctype in ALL if ctype.files for p in data_dir.glob(ctype.files)} | {data_dir / ALLOW_LIST}
    unchecked: set[str] = set()
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file() or path in known or path.name.startswith(".") or path.name.endswith("~"):
            continue
        rel = path.relative_to(root).as_posix()
        where = ", ".join(f"data/{t.files}" for t in ALL if t.files)
        if path.suffix.lower() in (".yml", ".yaml"):
            hint = f" (gunakan akhiran .yml, huruf kecil: {path.stem}.yml)" if path.suffix != ".yml" else ""
            log.add(rel, 1, "", f"berkas tidak dikenal{hint}; data dibaca dari: {where}{UNCHECKED}")
            unchecked |= ids_in(path)
        else:
            log.add(rel, 1, "", f"berkas yang bukan data YAML (.yml) tidak boleh ada di data/; data dibaca dari: {where}")
    return unchecked


#: PyYAML's most common complaints, said in an editor's words.
_YAML_HINTS = (
    ("'\\t'", "ada karakter tab; pakai spasi untuk indentasi"),
    ("mapping values are not allowed", "ada titik dua (:) di tengah teks; beri tanda kutip pada teks itu"),
    ("found duplicate anchor", "anchor (&) ganda"),
    ("expected <block end>", "indentasi tidak rata; samakan jumlah spasi di awal baris"),
    ("expected the node content", "isian atau daftar belum ditutup (kurung [ ] atau { } tidak lengkap)"),
    ("expected ',' or ']'", "daftar dalam kurung [ ] belum ditutup, atau salah satu butirnya perlu tanda kutip "
                            "(misalnya teks yang memuat ? : atau #)"),
    ("expected ',' or '}'", "isian dalam kurung { } belum ditutup, atau salah satu nilainya perlu tanda kutip"),
    ("expected escape sequence", "garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal "
                                 "atau tulis \\\\"),
    ("found unknown escape character", "garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal "
                                       "atau tulis \\\\"),
    ("found unexpected end of stream", "tanda kutip belum ditutup"),
    ("expected a single document", "berkas berisi lebih dari satu dokumen (---); satu berkas satu dokumen"),
    ("could not find expected ':'", "baris tanpa titik dua (:); tulis sebagai nama_isian: nilai"),
)


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
        return last, ("indentasi baris ini tidak sejajar dengan isian di atasnya; samakan jumlah spasi di awal baris "
                          f"({problem})")
    return last, _explain(problem, context)


def _explain(problem: str, context: str = "") -> str:
    for needle, hint in _YAML_HINTS:
        if needle in problem or needle in context:
            return f"{hint} ({problem})"
    return problem or "tidak bisa dibaca"
