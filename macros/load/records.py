"""Read data/ into validated records, keeping each record's file and line for error messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.checks.personal_data import ALLOW_LIST
from macros.common.errors import ErrorLog
from macros.load.yaml_file import UNCHECKED, read_nodes
from macros.model.content_type import ContentType
from macros.model.record import Record
from macros.model.schema import Context, Data
from macros.types import ALL


@dataclass
class Loaded:
    records: list[Record]
    refs: list[tuple[Record, str, tuple[str, ...], int, str]]
    #: ids written in files that could not be read: references to them are not reported as missing
    #: (the file's own error says its records could not be checked)
    unchecked: set[str] = field(default_factory=set)


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([a-z0-9-]+)", re.MULTILINE)


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


def load_type(ctype: ContentType, data_dir: Path, root: Path, log: ErrorLog, today: dt.date) -> Loaded:
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
            record = _load_record(ctype, item, rel, log, loaded, today)
            if record is None:
                continue
            if not ctype.many and record.id != path.stem:
                log.add(rel, record.line_of("id"), "id", f"harus sama dengan nama berkas \"{path.stem}\"; tertulis \"{record.id}\"")
            loaded.records.append(record)
    return loaded


def _load_record(ctype, node, rel, log, loaded, today) -> Record | None:
    ctx = Context(rel, log, today=today)
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
        layer = data_dir != root / "data"
        where = ", ".join(f"{data_dir.relative_to(root).as_posix()}/{t.files}" for t in ALL
                          if t.files and ("wilayah" if layer else "nasional") in t.where)
        if path.suffix.lower() in (".yml", ".yaml"):
            hint = f" (gunakan akhiran .yml, huruf kecil: {path.stem}.yml)" if path.suffix != ".yml" else ""
            log.add(rel, 1, "", f"berkas tidak dikenal{hint}; data dibaca dari: {where}{UNCHECKED}")
            unchecked |= ids_in(path)
        else:
            log.add(rel, 1, "", f"berkas yang bukan data YAML (.yml) tidak boleh ada di data/; data dibaca dari: {where}")
    return unchecked
