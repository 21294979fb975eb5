"""Load the handbook: read every file of data/, resolve every reference both ways, then run the checks.

``load_handbook`` is the one way in, for `tksk validate`, the build and the tests alike: it returns a handbook
only when nothing is wrong, else raises ``DataInvalid`` with every error found (file, line, field, message).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from macros.checks import Subject, run_checks
from macros.checks.sources import read_seeds
from macros.common import clock
from macros.common.errors import DataInvalid, ErrorLog
from macros.common.hints import did_you_mean
from macros.load.contacts import load_allowed
from macros.load.records import load_type, unknown_files
from macros.model.handbook import Handbook
from macros.model.record import Record
from macros.model.schema import top_field
from macros.types import ALL

#: The folder of the regions' layers: ``wilayah/<id>/data/`` beside the national ``data/``.
LAYERS = "wilayah"


def layer_ids(root: Path | str) -> list[str]:
    """The regions with a layer in the project: the folders ``wilayah/<id>/`` that hold a ``data/``."""
    folder = Path(root) / LAYERS
    return sorted(p.name for p in folder.iterdir() if (p / "data").is_dir()) if folder.is_dir() else []


def load_handbook(root: Path | str, today: dt.date | None = None, wilayah: str | None = None) -> Handbook:
    """Load and check everything under ``root/data`` (and, with ``wilayah``, that region's layer under
    ``root/wilayah/<id>/data``); raise ``DataInvalid`` with every error found.

    ``today`` is the date no date in the data may pass; by default the handbook's clock (``macros.common.clock``).
    The checks are those of ``macros.checks``, in its order.
    """
    root = Path(root)
    today = today or clock.today()
    data_dir = root / "data"
    log = ErrorLog()
    if not data_dir.is_dir():
        log.add("data", 0, "", "folder data/ tidak ditemukan")
        raise DataInvalid(log.sorted())
    records: list[Record] = []
    refs = []
    allowed = load_allowed(data_dir, root, log)
    unchecked = unknown_files(data_dir, root, log)
    layers = [("nasional", data_dir, "")]
    if wilayah:
        layer_dir = root / LAYERS / wilayah / "data"
        if not layer_dir.is_dir():
            known = layer_ids(root)
            log.add(f"{LAYERS}/{wilayah}", 0, "", f"lapisan wilayah \"{wilayah}\" tidak ada: folder {LAYERS}/{wilayah}/data/ "
                    f"tidak ditemukan{did_you_mean(wilayah, known)}" + (f" (yang ada: {', '.join(known)})" if known else ""))
            raise DataInvalid(log.sorted())
        allowed |= load_allowed(layer_dir, root, log)
        unchecked |= unknown_files(layer_dir, root, log)
        layers.append(("wilayah", layer_dir, wilayah))
    for place, folder, layer in layers:
        for ctype in ALL:
            if place not in ctype.where:
                misplaced = sorted(folder.glob(ctype.files)) if ctype.files else []
                for path in misplaced:
                    _wrong_place(ctype, path.relative_to(root).as_posix(), place, log)
                continue
            loaded = load_type(ctype, folder, root, log, today)
            for record in loaded.records:
                record.wilayah = layer
            records.extend(loaded.records)
            refs.extend(loaded.refs)
            unchecked |= loaded.unchecked
    if wilayah:
        _check_descriptor(wilayah, [r for r in records if r.type.name == "wilayah"], root, log)

    by_id = _unique_ids(records, log)
    cited_by: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record, ref_id, types, line, path in refs:
        _check_listed_source(record, ref_id, types, line, path, log)
        target = by_id.get(ref_id)
        if target is None and ref_id in unchecked:
            continue  # written in a file that could not be read: that file's error says so, once
        if target is None:
            pool = [r for r in by_id.values() if not types or r.type.name in types]
            what = " atau ".join(types) if types else "catatan"
            log.add(record.file, line, record.where(path),
                    f"tidak ada {what} dengan id \"{ref_id}\"{did_you_mean(ref_id, [r.id for r in pool])}")
        elif types and target.type.name not in types:
            log.add(record.file, line, record.where(path),
                    f"\"{ref_id}\" adalah {target.type.name}, padahal yang diminta {' atau '.join(types)}")
        else:
            cited_by[ref_id][top_field(path)].append(record)

    handbook = Handbook(
        records=by_id,
        by_type={t.name: sorted((r for r in by_id.values() if r.type is t), key=_order) for t in ALL},
        cited_by={k: dict(v) for k, v in cited_by.items()},
    )
    if wilayah:
        handbook.wilayah = next((r for r in by_id.values() if r.type.name == "wilayah" and r.id == wilayah), None)
    subject = Subject(handbook, root, allowed, read_seeds(root))
    run_checks(subject, log)
    handbook.notes = subject.notes
    if log:
        raise DataInvalid(log.sorted())
    _link_derived_sources(handbook)
    return handbook


def _link_derived_sources(handbook: Handbook) -> None:
    """Add to each source's users the records that list it only through what they cite (``ContentType.sources``: a
    module, a stage, a plan), so a source's page names every page that lists it, not only those naming it in ``sumber``."""
    for record in handbook.records.values():
        if record.type.sources:
            for source_id in handbook.sources_of(record):
                users = handbook.cited_by.setdefault(source_id, {}).setdefault("sumber", [])
                if all(user is not record for user in users):
                    users.append(record)


def _check_listed_source(record: Record, ref_id: str, types: tuple[str, ...], line: int, path: str, log: ErrorLog) -> None:
    """Check that a source named inside a record (a step's, a status's, a quote's) is also in its ``sumber`` list,
    so the page's list of sources is complete. A record with no sources at all already has its own error."""
    listed = record.data.get("sumber") or []
    if listed and types == ("sumber",) and top_field(path) != "sumber" and ref_id not in listed:
        log.add(record.file, line, record.where(path), f"sumber \"{ref_id}\" juga harus dicantumkan di daftar sumber catatan ini")


def _wrong_place(ctype, rel: str, place: str, log: ErrorLog) -> None:
    """A file of a type that is not written here: said once for the file, which is not read."""
    if place == "nasional":
        log.add(rel, 1, "", f"{ctype.label} hanya ditulis di lapisan wilayah ({LAYERS}/<id>/data/{ctype.files}), "
                "bukan di data/ nasional")
    else:
        log.add(rel, 1, "", f"{ctype.label} ditulis di data/ nasional, bukan di lapisan wilayah; untuk menambahkan "
                "keterangan daerah pada catatan nasional, tulis catatan daerah (catatan/) dengan untuk: <id>")


def _check_descriptor(wilayah: str, found: list[Record], root: Path, log: ErrorLog) -> None:
    """A layer names its region once, in its wilayah.yml, with the folder's name as id."""
    path = f"{LAYERS}/{wilayah}/data/wilayah.yml"
    if not found:
        log.add(path, 0, "", f"lapisan wilayah perlu berkas wilayah.yml berisi satu wilayah dengan id: {wilayah}")
    elif len(found) > 1 or found[0].id != wilayah:
        record = found[-1] if len(found) > 1 else found[0]
        log.add(record.file, record.line_of("id"), "id",
                f"berkas ini memuat tepat satu wilayah, dengan id yang sama dengan nama foldernya: {wilayah}")


def _order(record: Record) -> tuple:
    return (str(record.title or "").lower(),)


def _unique_ids(records: list[Record], log: ErrorLog) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for record in records:
        first = by_id.get(record.id)
        if first is not None and record.wilayah and not first.wilayah:
            log.add(record.file, record.line_of("id"), record.where("id"),
                    f"id \"{record.id}\" adalah catatan nasional ({first.file}); lapisan wilayah tidak menulis ulang catatan "
                    f"nasional: tambahkan keterangan daerah sebagai catatan daerah (catatan/) dengan untuk: {record.id}")
            continue
        if first is not None:
            log.add(record.file, record.line_of("id"), record.where("id"),
                    f"id \"{record.id}\" sudah dipakai di {first.file}:{first.line_of('id')}; id harus unik di seluruh buku saku")
            continue
        by_id[record.id] = record
    return by_id
