"""Read data/ into validated records, keeping each record's file and line for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.errors import ErrorLog
from macros.schema import Context, Data, top_field
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
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        log.add(rel, 1, "", f"berkas harus tersimpan sebagai UTF-8 ({exc.reason})")
        return False, None
    try:
        return True, yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        log.add(rel, line, "", f"YAML tidak valid: {_explain(exc.problem or exc.context or '')}")
        return False, None


def load_type(ctype: ContentType, data_dir: Path, root: Path, log: ErrorLog) -> Loaded:
    """Load every record of one content type from its files."""
    loaded = Loaded([], [])
    if not ctype.files:  # nested in another type's files (a module in a stage): loaded with its parent
        return loaded
    for path in sorted(data_dir.glob(ctype.files)):
        rel = path.relative_to(root).as_posix()
        readable, node = read_nodes(path, rel, log)
        if not readable:
            continue
        if node is None:
            log.add(rel, 1, "", f"berkas kosong; isi dengan {ctype.label} atau hapus berkasnya")
            continue
        if ctype.many:
            if not isinstance(node, yaml.SequenceNode):
                log.add(rel, node.start_mark.line + 1, "", f"berkas ini harus berupa daftar {ctype.label} (setiap butir diawali \"- \")")
                continue
            items = node.value
        else:
            items = [node]
        for item in items:
            record = _load_record(ctype, item, rel, log, loaded)
            if record is None:
                continue
            if not ctype.many and record.id != path.stem:
                log.add(rel, record.line_of("id"), "id", f"harus sama dengan nama berkas \"{path.stem}\"; tertulis \"{record.id}\"")
            loaded.records.append(record)
    return loaded


def _load_record(ctype, node, rel, log, loaded) -> Record | None:
    ctx = Context(rel, log)
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


def unknown_files(data_dir: Path, root: Path, log: ErrorLog) -> None:
    """Report YAML files in data/ that no content type reads, so a misplaced file is not silently ignored."""
    known = {p for ctype in ALL if ctype.files for p in data_dir.glob(ctype.files)}
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix in (".yml", ".yaml") and path not in known:
            rel = path.relative_to(root).as_posix()
            where = ", ".join(f"data/{t.files}" for t in ALL if t.files)
            hint = " (gunakan akhiran .yml)" if path.suffix == ".yaml" else ""
            log.add(rel, 1, "", f"berkas tidak dikenal{hint}; data dibaca dari: {where}")


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


def _explain(problem: str) -> str:
    for needle, hint in _YAML_HINTS:
        if needle in problem:
            return f"{hint} ({problem})"
    return problem or "tidak bisa dibaca"
