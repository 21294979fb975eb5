"""JSON Schemas for editors, generated from the same field declarations the validator checks.

`tksk schemas` writes one schema per content type that has files to ``schemas/<type>.json`` and maps
them to their data files in ``.vscode/settings.json``. An editor with a YAML language server (VS Code
with ``redhat.vscode-yaml``) then completes field names, shows each field's ``doc`` and flags a wrong
value while the editor types. The schemas say what JSON Schema can: field names, required fields,
value kinds, choices, id and date shapes, list lengths. What needs the whole handbook (that a referenced
record exists, that a date is not in the future, that a quiz answer is among its options) stays with
`tksk validate`, and the descriptions say so.

The schemas use only keywords that mean the same in draft 2020-12 and draft-07 (the YAML language server
still validates with draft-07 rules), and no ``$ref``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros.common.files import write_atomic
from macros.model.content_type import ContentType
from macros.model.schema import (
    KEBAB,
    Choice,
    Date,
    Field,
    Flag,
    Id,
    Integer,
    Kind,
    ListOf,
    Obj,
    Ref,
    Text,
    Url,
    Verbatim,
)
from macros.types import ALL
from macros.types.kata_cari import Kata
from macros.types.kurikulum import AnswerList
from macros.types.rencana import CLOCK, Clock

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"
VSCODE_SETTINGS = ".vscode/settings.json"
#: What the first line of every data file says, so an editor finds the schema without any setting.
SCHEMA_LINE = "# yaml-language-server: $schema={path}"

#: Same shapes as ``macros.model.schema``: a full ISO date, or (partial) a year or a month as well.
FULL_DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
URL = r"^https?://[^\s<>\"]+$"
NOT_BLANK = r"\S"
CHECKED_BY_VALIDATE = "`tksk validate`"


def _text(kind: Kind) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "pattern": NOT_BLANK, "patternErrorMessage": "tidak boleh kosong"}


def _pattern(pattern: str, message: str) -> dict[str, Any]:
    return {"type": "string", "pattern": pattern, "patternErrorMessage": message}


def _id(kind: Id) -> dict[str, Any]:
    return _pattern(KEBAB.pattern, f"harus berupa {Id.expected}")


def _choice(kind: Choice) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "enum": list(kind.values)}
    if kind.labels:
        schema["enumDescriptions"] = [kind.labels[value] for value in kind.values]
    return schema


def _url(kind: Url) -> dict[str, Any]:
    return _pattern(URL, f"harus berupa {kind.expected}")


def _integer(kind: Integer) -> dict[str, Any]:
    return {"type": "integer", "minimum": kind.low, "maximum": kind.high}


def _date(kind: Date) -> dict[str, Any]:
    if not kind.partial:
        return _pattern(FULL_DATE, "harus berupa tanggal ISO YYYY-MM-DD, misalnya 2026-11-23")
    # An editor reads a bare year (2020) as a number, a month (2020-06) or a date as text.
    return {"anyOf": [
        _pattern(PARTIAL_DATE, "harus berupa tanggal ISO: YYYY-MM-DD, YYYY-MM atau YYYY"),
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ]}


def _flag(kind: Flag) -> dict[str, Any]:
    return {"type": "boolean"}


def _list(kind: ListOf) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": kind_schema(kind.item)}
    if kind.min_items:
        schema["minItems"] = kind.min_items
    return schema


def _obj(kind: Obj) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: field_schema(spec) for name, spec in kind.fields.items()},
        "required": [name for name, spec in kind.fields.items() if spec.required],
        "additionalProperties": False,
    }


def _answers(kind: AnswerList) -> dict[str, Any]:
    return {"anyOf": [_text(kind), {"type": "array", "items": _text(kind), "minItems": 1}]}


def _kata(kind: Kata) -> dict[str, Any]:
    return _pattern(kind.pattern, f"harus berupa {kind.expected}")


def _clock(kind: Clock) -> dict[str, Any]:
    return _pattern(CLOCK.pattern, f"harus berupa {kind.expected}")


#: How each kind of ``macros.model.schema`` (and the kinds type modules add) reads as JSON Schema. A kind not
#: listed is converted as its nearest listed base class (a ``Text`` subclass is text).
CONVERTERS: dict[type[Kind], Callable[[Any], dict[str, Any]]] = {
    AnswerList: _answers,
    Kata: _kata,
    Clock: _clock,
    Ref: _id,
    Id: _id,
    Choice: _choice,
    Url: _url,
    Verbatim: _text,
    Text: _text,
    Integer: _integer,
    Date: _date,
    Flag: _flag,
    ListOf: _list,
    Obj: _obj,
}


def kind_schema(kind: Kind) -> dict[str, Any]:
    """Return the JSON Schema of one field kind."""
    for cls in type(kind).__mro__:
        if cls in CONVERTERS:
            return CONVERTERS[cls](kind)
    raise TypeError(f"{type(kind).__name__}: no JSON Schema for this kind; add it to CONVERTERS in macros/tools/json_schema.py")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def expected(kind: Kind) -> str:
    """What a kind's value must be, as the validator's messages say it (a reference to any type included)."""
    if isinstance(kind, ListOf):
        return f"daftar {expected(kind.item)}"
    if isinstance(kind, Ref) and not kind.types:
        return "id catatan lain"
    return kind.expected


def _notes(kind: Kind) -> list[str]:
    """What the schema cannot check about a kind, said in the editor's words."""
    item = kind.item if isinstance(kind, ListOf) else kind
    notes = []
    if isinstance(item, Ref):
        notes.append(f"Editor hanya memeriksa bentuk id (kebab-case); apakah catatan itu ada diperiksa oleh {CHECKED_BY_VALIDATE}.")
    if isinstance(item, Date) and item.past:
        notes.append(f"Tanggal di masa depan ditolak oleh {CHECKED_BY_VALIDATE}.")
    if isinstance(item, AnswerList):
        notes.append(f"Bahwa jawaban ada di pilihan diperiksa oleh {CHECKED_BY_VALIDATE}.")
    return notes


def field_schema(spec: Field) -> dict[str, Any]:
    """Return a field's schema with its description; an optional field may also be left empty (null)."""
    schema = kind_schema(spec.kind)
    parts = [_sentence(spec.doc), _sentence(f"Isi: {expected(spec.kind)}"), *_notes(spec.kind)]
    if not spec.required:
        parts.append("Tidak wajib.")
        schema = {"anyOf": [schema, {"type": "null"}]}
    return {"description": " ".join(p for p in parts if p), **schema}


def type_schema(ctype: ContentType) -> dict[str, Any]:
    """Return the whole schema of one content type's files: a record, or a list of records."""
    record = kind_schema(ctype.schema)
    where = " atau ".join(data_files(ctype))
    rules = (f"Aturan antarcatatan dan antarisian (rujukan yang harus ada, id yang unik, riwayat yang berurutan) "
             f"diperiksa oleh {CHECKED_BY_VALIDATE}.")
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "$comment": (f"Generated by `tksk schemas` from the \"{ctype.name}\" content type (macros/types/); "
                     "do not edit by hand."),
        "title": ctype.label,
    }
    if ctype.many:
        head["description"] = f"Daftar {ctype.label} di {where}; setiap butir diawali \"- \". {rules}"
        return {**head, "type": "array", "items": record}
    head["description"] = f"Satu {ctype.label} per berkas di {where}; id sama dengan nama berkas. {rules}"
    return {**head, **record}


def file_types() -> list[ContentType]:
    """The content types that have files of their own (nested types are part of their parent's schema)."""
    return [t for t in ALL if t.files]


def schema_path(ctype: ContentType) -> str:
    return f"{SCHEMA_DIR}/{ctype.name}.json"


def render(schema: dict[str, Any]) -> str:
    """Serialise a schema the same way every time: declared order, two-space indent, trailing newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generated() -> dict[str, str]:
    """Every schema file's text by its path under the project root."""
    return {schema_path(t): render(type_schema(t)) for t in file_types()}


def data_files(ctype: ContentType) -> list[str]:
    """Where a type's files are: the national ``data/`` and/or every region's layer (``wilayah/<id>/data/``)."""
    return [f"{'data' if place == 'nasional' else 'wilayah/*/data'}/{ctype.files}" for place in ctype.where]


def vscode_schemas() -> dict[str, str | list[str]]:
    """The ``yaml.schemas`` setting: each schema and the data files it describes (a list where they are in two places)."""
    return {f"./{schema_path(t)}": files[0] if len(files := data_files(t)) == 1 else files for t in file_types()}


def schema_line(data_file: Path, root: Path, ctype: ContentType) -> str:
    """The ``# yaml-language-server: $schema=...`` line a data file starts with, the path relative to the file."""
    target = (root / schema_path(ctype)).resolve()
    return SCHEMA_LINE.format(path=Path(os.path.relpath(target, data_file.resolve().parent)).as_posix())


def write_schemas(root: Path) -> list[tuple[str, str]]:
    """Write every schema and the VS Code mapping under ``root``; return ``(path, what happened)`` for each change.

    Raises ``ValueError`` (and writes nothing) when ``.vscode/settings.json`` cannot be read as JSON.
    """
    settings = read_vscode_settings(root)
    changes = []
    wanted = generated()
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    for rel, text in wanted.items():
        path = root / rel
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            write_atomic(path, text)
            changes.append((rel, "dibuat" if old is None else "diperbarui"))
    for path in sorted(folder.glob("*.json")):
        rel = path.relative_to(root).as_posix()
        if rel not in wanted:
            path.unlink()
            changes.append((rel, "dihapus (jenis isinya sudah tidak ada)"))
    if settings is None or settings.get("yaml.schemas") != vscode_schemas():
        path = root / VSCODE_SETTINGS
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, json.dumps({**(settings or {}), "yaml.schemas": vscode_schemas()}, ensure_ascii=False, indent=2) + "\n")
        changes.append((VSCODE_SETTINGS, "dibuat" if settings is None else "diperbarui (yaml.schemas)"))
    return changes


def read_vscode_settings(root: Path) -> dict[str, Any] | None:
    """The project's VS Code settings, or None when there are none yet; other settings there are kept as they are."""
    path = root / VSCODE_SETTINGS
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{VSCODE_SETTINGS}:{exc.lineno}: bukan JSON yang valid ({exc.msg}); "
                         "perbaiki berkasnya (tanpa komentar) lalu jalankan lagi") from exc


def stale(root: Path) -> list[str]:
    """The schema files (and the VS Code mapping) under ``root`` that differ from freshly generated ones."""
    out = []
    for rel, text in generated().items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(rel)
    out += [p.relative_to(root).as_posix() for p in sorted((root / SCHEMA_DIR).glob("*.json"))
            if p.relative_to(root).as_posix() not in generated()]
    try:
        mapping = (read_vscode_settings(root) or {}).get("yaml.schemas")
    except ValueError:
        mapping = None
    if mapping != vscode_schemas():
        out.append(VSCODE_SETTINGS)
    return out
