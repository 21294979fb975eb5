"""`tksk new <jenis> <id>`: a commented YAML skeleton of a new record, in the right place.

The skeleton is built from the same field declarations the validator checks. It starts with the
``# yaml-language-server: $schema=...`` line, then holds every field with a comment from its ``doc``:

- ``id`` is set; the first change in ``riwayat`` is dated today ("Terbit pertama.");
- every other required field is a blank the validator rejects until it is filled: ``""`` for text,
  ids and choices (one ``- ""`` per required list item), nothing after the colon for numbers and dates;
  lists of records hold as many skeleton items as they need (a curriculum stage: one module with five
  questions);
- optional fields are commented out (``# catatan: ""``): remove ``# `` to use one. A type with a status
  also gets ``status_sumber`` as a blank, since every status but "belum-dipastikan" needs it.

Types whose records share a list file (faq, glosarium, sumber) get the item appended to that file: the
fixed file, or for FAQs the topic file given with ``--berkas data/faq/<topik>.yml`` (a new topic file is
created); the topic is filled in from the file name when it is one of the topics. Nothing is ever
overwritten, and an id already used anywhere in data/ is refused.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from pathlib import Path

import yaml

from macros.common import clock
from macros.common.files import write_atomic
from macros.load.handbook import LAYERS
from macros.load.yaml_file import error_place, parse_plain
from macros.model.content_type import ContentType
from macros.model.schema import KEBAB, Choice, Field, Id, Kind, ListOf, Obj, Text
from macros.tools.json_schema import expected, schema_line
from macros.types import ALL, BY_NAME

#: The field of every type that records changes; a new record's first change is dated today.
HISTORY = "riwayat"
FIRST_CHANGE = "Terbit pertama."
INDENT = "  "


class ScaffoldError(Exception):
    """A request `tksk new` refuses, with the editor's message in Bahasa Indonesia."""


def is_text(kind: Kind) -> bool:
    """Whether a blank of this kind is written ``""`` (text, ids, choices) rather than left empty (numbers, dates)."""
    return isinstance(kind, Text)


#: What the ``id`` line of a new record says when its type declares no ``doc`` for it.
ID_COMMENT = "id tetap: menjadi alamat halamannya; jangan diubah setelah terbit"


def _comment(spec: Field) -> str:
    """The comment of one field: its doc, then what its value must be (but not for lists of records)."""
    kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
    what = "" if isinstance(kind, Obj) else expected(spec.kind)
    text = f"{spec.doc} ({what})" if spec.doc and what else spec.doc or what
    return text if spec.required else f"tidak wajib: {text}" if text else "tidak wajib"


class Skeleton:
    """Writes the lines of one record's skeleton."""

    def __init__(self, ctype: ContentType, record_id: str, today: dt.date, prefill: dict[str, str]):
        self.ctype, self.record_id, self.today, self.prefill = ctype, record_id, today, prefill
        #: optional fields written as blanks, not commented out: a status needs its source
        self.active = {"status_sumber"} if ctype.status else set()

    def record(self, first_prefix: str = "", rest_prefix: str = "") -> list[str]:
        """The lines of the whole record; the first line starts with ``first_prefix`` (``"- "`` in a list)."""
        return self._fields(self.ctype.schema, first_prefix, rest_prefix, top=True)

    def _fields(self, obj: Obj, first_prefix: str, rest_prefix: str, top: bool = False) -> list[str]:
        """The lines of a mapping's fields; optional ones commented out (inside a commented block, twice)."""
        lines: list[str] = []
        for spec in obj.fields.values():
            field_lines = self._field(spec, top)
            if not spec.required and not (top and spec.name in (*self.active, HISTORY)):
                field_lines = ["# " + line for line in field_lines]
            lines.append((rest_prefix if lines else first_prefix) + field_lines[0])
            lines += [rest_prefix + line for line in field_lines[1:]]
        return lines

    def _field(self, spec: Field, top: bool) -> list[str]:
        """The lines of one field, relative to its own indentation."""
        name, kind, comment = spec.name, spec.kind, "  # " + _comment(spec)
        if top and name == "id":
            return [f"{name}: {self.record_id}  # {spec.doc or ID_COMMENT}"]
        if top and name == HISTORY:
            return [f"{name}:{comment}", f"{INDENT}- tanggal: {self.today.isoformat()}", f"{INDENT}  perubahan: {FIRST_CHANGE}"]
        if top and name in self.prefill:
            return [f"{name}: {self.prefill[name]}{comment}"]
        if isinstance(kind, ListOf):
            count = max(1, kind.min_items)
            lines = [f"{name}:{comment}"]
            if isinstance(kind.item, Obj):
                for _ in range(count):
                    lines += self._fields(kind.item, INDENT + "- ", INDENT + "  ")
            else:
                lines += [INDENT + ('- ""' if is_text(kind.item) else "-")] * count
            return lines
        if isinstance(kind, Obj):
            return [f"{name}:{comment}", *self._fields(kind, INDENT, INDENT)]
        return [f"{name}: \"\"{comment}" if is_text(kind) else f"{name}:{comment}"]


def _header(ctype: ContentType, record_id: str, today: dt.date, item: bool) -> list[str]:
    what = "butir ini" if item else "berkas ini"
    return [
        f"# {ctype.label} baru, dibuat dengan `tksk new {ctype.name} {record_id}` pada {today.isoformat()}.",
        f"# Isi setiap \"\" dan setiap isian yang masih kosong di {what}, lalu jalankan `tksk validate`: yang belum",
        "# terisi disebut dengan nomor barisnya. Baris yang diawali \"# \" adalah isian tidak wajib: hapus \"# \" untuk",
        "# memakainya. Komentar boleh dihapus setelah terisi" + ("." if item else ", kecuali baris pertama ($schema)."),
    ]


def kebab_hint(text: str) -> str:
    """A kebab-case form of what an editor typed: ``Verval Data_KPM`` -> ``verval-data-kpm``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def existing_ids(root: Path, wilayah: str | None = None) -> dict[str, str]:
    """Every record id already written in data/ (and in the layer of ``wilayah``; nested records too), with the
    file it is in.

    Read leniently: a file with errors is skipped here, and `tksk validate` reports it.
    """
    folders = [root / "data", *([data_folder(root, wilayah)] if wilayah else [])]
    found: dict[str, str] = {}
    for ctype in ALL:
        if not ctype.files:
            continue
        for path in sorted(p for folder in folders for p in folder.glob(ctype.files)):
            try:
                doc = parse_plain(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError):
                continue
            items = doc if ctype.many and isinstance(doc, list) else [doc]
            rel = path.relative_to(root).as_posix()
            for item in items:
                if not isinstance(item, dict):
                    continue
                nested = [c for child in ctype.children for c in (item.get(child.field) or []) if isinstance(c, dict)]
                for record in (item, *nested):
                    if isinstance(record.get("id"), str):
                        found.setdefault(record["id"], rel)
    return found


def _content_type(name: str) -> ContentType:
    ctype = BY_NAME.get(name)
    if ctype is None:
        names = ", ".join(t.name for t in ALL if t.files)
        raise ScaffoldError(f"jenis \"{name}\" tidak dikenal; pilih salah satu: {names}")
    if not ctype.files:
        parent = next(t for t in ALL if any(c.type is ctype for c in t.children))
        field = next(c.field for c in parent.children if c.type is ctype)
        raise ScaffoldError(f"{ctype.label} ditulis di dalam berkas {parent.label} (isian {field} di data/{parent.files}); "
                            f"buat {parent.label} baru dengan `tksk new {parent.name} <id>` atau tambahkan {ctype.label} "
                            "di berkas yang sudah ada")
    return ctype


def data_folder(root: Path, wilayah: str | None) -> Path:
    """Where new records go: the national data/, or a region's layer (wilayah/<id>/data/)."""
    return root / "data" if not wilayah else root / LAYERS / wilayah / "data"


def _check_place(ctype: ContentType, wilayah: str | None) -> None:
    place = "wilayah" if wilayah else "nasional"
    if place in ctype.where:
        return
    if wilayah:
        raise ScaffoldError(f"{ctype.label} ditulis di data/ nasional, bukan di lapisan wilayah; di lapisan, tambahkan "
                            "keterangan daerah dengan `tksk new catatan <id> --wilayah " + wilayah + "`")
    raise ScaffoldError(f"{ctype.label} hanya ditulis di lapisan wilayah: tambahkan --wilayah <id wilayah>, misalnya "
                        f"`tksk new {ctype.name} <id> --wilayah kabupaten-probolinggo`")


def _check_id(record_id: str, root: Path, wilayah: str | None = None) -> None:
    if not KEBAB.match(record_id):
        hint = kebab_hint(record_id)
        suggestion = f"; misalnya \"{hint}\"" if hint else ""
        raise ScaffoldError(f"id \"{record_id}\" tidak bisa dipakai: harus berupa {Id.expected}{suggestion}")
    used = existing_ids(root, wilayah).get(record_id)
    if used:
        raise ScaffoldError(f"id \"{record_id}\" sudah dipakai di {used}; setiap catatan punya id sendiri, pilih id lain")


def _list_file(ctype: ContentType, root: Path, berkas: Path | None, data_dir: Path) -> Path:
    """The list file a new item of a list type goes to: given with --berkas, or the only one there is."""
    pattern = f"{data_dir.relative_to(root).as_posix()}/{ctype.files}"
    if berkas is None:
        if not any(ch in ctype.files for ch in "*?["):
            return data_dir / ctype.files
        files = sorted(data_dir.glob(ctype.files))
        if len(files) == 1:
            return files[0]
        listed = ", ".join(p.relative_to(root).as_posix() for p in files) or "belum ada"
        example = files[0].relative_to(root).as_posix() if files else pattern.replace("*", "<nama>")
        raise ScaffoldError(f"{ctype.label} disimpan dalam beberapa berkas ({pattern}); pilih satu dengan --berkas, "
                            f"misalnya --berkas {example}. Berkas yang ada: {listed}")
    target = berkas if berkas.is_absolute() else root / berkas
    rel = Path(os.path.relpath(target.resolve(), root.resolve())).as_posix()
    if not fnmatch.fnmatchcase(rel, pattern) or rel.count("/") != pattern.count("/"):
        raise ScaffoldError(f"--berkas {berkas}: {ctype.label} ditulis di {pattern}")
    return root / rel


def new_record(root: Path, type_name: str, record_id: str, berkas: Path | None = None,
               today: dt.date | None = None, wilayah: str | None = None) -> tuple[Path, int]:
    """Write the skeleton of a new record (in the layer of ``wilayah``, if given); return the file written and the
    line its record starts on."""
    today = today or clock.today()
    ctype = _content_type(type_name)
    _check_place(ctype, wilayah)
    data_dir = data_folder(root, wilayah)
    if berkas is not None and not ctype.many:
        raise ScaffoldError(f"--berkas hanya untuk jenis yang disimpan sebagai daftar "
                            f"({', '.join(t.name for t in ALL if t.many)}); {ctype.label} ditulis di data/{ctype.files}")
    if not ctype.many:
        path = data_dir / ctype.files.replace("*", record_id)
        if path.exists():
            raise ScaffoldError(f"berkas {path.relative_to(root).as_posix()} sudah ada; tksk new tidak menimpa berkas")
        _check_id(record_id, root, wilayah)
        header = [schema_line(path, root, ctype), *_header(ctype, record_id, today, item=False)]
        lines = [*header, *Skeleton(ctype, record_id, today, {}).record()]
        _write(path, "\n".join(lines) + "\n", ctype, record_id)
        return path, len(header) + 1
    _check_id(record_id, root, wilayah)
    path = _list_file(ctype, root, berkas, data_dir)
    prefill = _prefill_from_file_name(ctype, path)
    item = Skeleton(ctype, record_id, today, prefill)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    indent = _item_indent(old)
    line = schema_line(path, root, ctype)
    head = old if old.startswith(line + "\n") else f"{line}\n{old}"  # a list file without the line gets it
    if not head.endswith("\n"):
        head += "\n"
    block = [*_header(ctype, record_id, today, item=True), *item.record(indent + "- ", indent + "  ")]
    text = head + "\n" + "\n".join(block) + "\n"
    _write(path, text, ctype, record_id)
    start = head.count("\n") + 2 + len(_header(ctype, record_id, today, item=True))
    return path, start


def _prefill_from_file_name(ctype: ContentType, path: Path) -> dict[str, str]:
    """A list file named after one value of a required choice (``data/faq/bansos.yml``) fills that choice in."""
    return {name: path.stem for name, spec in ctype.schema.fields.items()
            if spec.required and isinstance(spec.kind, Choice) and path.stem in spec.kind.values}


def _item_indent(text: str) -> str:
    """The indentation of a list file's items, so an appended item lines up with them."""
    match = re.search(r"^( *)- ", text, re.MULTILINE)
    return match.group(1) if match else ""


def _write(path: Path, text: str, ctype: ContentType, record_id: str) -> None:
    """Write the file in one step, after checking that it still reads as YAML with the new record last."""
    rel = path.name
    try:
        doc = parse_plain(text)
    except yaml.YAMLError as exc:
        line, problem = error_place(exc, text)
        raise ScaffoldError(f"{rel}:{line}: YAML tidak valid: {problem}; catatan baru tidak ditambah, perbaiki dulu "
                            "(jalankan `tksk validate`)") from exc
    last = doc[-1] if ctype.many and isinstance(doc, list) and doc else doc
    if not isinstance(last, dict) or last.get("id") != record_id:
        raise ScaffoldError(f"{rel} harus berupa daftar {ctype.label} (setiap butir diawali \"- \") agar bisa ditambah; "
                            "perbaiki dulu berkasnya")
    write_atomic(path, text)
