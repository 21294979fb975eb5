"""The handbook model: every record loaded, validated, cross-checked and linked both ways."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from macros.checks.personal_data import load_allowed
from macros.common import clock
from macros.common.errors import DataInvalid, ErrorLog
from macros.load.records import Record, load_type, unknown_files
from macros.model.schema import Data, top_field
from macros.types import ALL

#: An acronym as it appears in text: two or more capitals, digits may follow (COVID-19, LK3, SIKS-NG).
ACRONYM = re.compile(r"(?<![\w/-])([A-Z][A-Z0-9]*[A-Z0-9](?:[-/][A-Z0-9]+)*)(?![\w])")
#: Words in capitals that are not acronyms and need no glossary entry.
NOT_ACRONYMS = frozenset({"I", "II", "III", "IV"})


@dataclass
class Handbook:
    """All records by id and by type, with the reverse links every page shows."""

    records: dict[str, Record]
    by_type: dict[str, list[Record]]
    #: id -> records that point to it, by the field that points (``{"permensos-28-2018": {"dasar": [...]}}``)
    cited_by: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    #: what the types' advice found (coverage gaps): shown by `tksk validate`, never stops a build
    advice: list[str] = field(default_factory=list)

    def get(self, record_id: str) -> Record:
        return self.records[record_id]

    def of_type(self, name: str) -> list[Record]:
        return self.by_type.get(name, [])

    def referrers(self, record_id: str, via: str | None = None, of_type: str | None = None) -> list[Record]:
        """Return the records that refer to ``record_id``, optionally only through one field or of one type."""
        links = self.cited_by.get(record_id, {})
        found = [r for name, rs in links.items() if via in (None, name) for r in rs]
        unique = {r.id: r for r in found if of_type in (None, r.type.name)}
        return sorted(unique.values(), key=lambda r: (r.type.name, str(r.title).lower()))

    def counts(self) -> dict[str, int]:
        return {t.name: len(self.of_type(t.name)) for t in ALL}


def load_handbook(root: Path | str, today: dt.date | None = None) -> Handbook:
    """Load and check everything under ``root/data``; raise ``DataInvalid`` with every error found.

    ``today`` is the date no date in the data may pass; by default the handbook's clock (``macros.common.clock``).
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
    for ctype in ALL:
        loaded = load_type(ctype, data_dir, root, log, today, allowed)
        records.extend(loaded.records)
        refs.extend(loaded.refs)
        unchecked |= loaded.unchecked

    by_id = _unique_ids(records, log)
    cited_by: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record, ref_id, types, line, path in refs:
        _check_listed_source(record, ref_id, types, line, path, log)
        target = by_id.get(ref_id)
        if target is None and ref_id in unchecked:
            continue  # written in a file that could not be read: that file's error says so, once
        if target is None:
            pool = [r for r in by_id.values() if not types or r.type.name in types]
            close = difflib.get_close_matches(ref_id, [r.id for r in pool], n=1)
            hint = f"; maksudnya \"{close[0]}\"?" if close else ""
            what = " atau ".join(types) if types else "catatan"
            log.add(record.file, line, record.where(path), f"tidak ada {what} dengan id \"{ref_id}\"{hint}")
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
    if not log:
        for record in by_id.values():
            for check in record.type.checks:
                check(record, handbook, log)
        check_acronyms(handbook, log)
        check_reported_facts(handbook, log)
        check_history_order(handbook, log)
        handbook.advice = [line for t in ALL for advise in t.advice for line in advise(handbook)]
    if log:
        raise DataInvalid(log.sorted())
    return handbook


def _check_listed_source(record: Record, ref_id: str, types: tuple[str, ...], line: int, path: str, log: ErrorLog) -> None:
    """Check that a source named inside a record (a step's, a status's, a quote's) is also in its ``sumber`` list,
    so the page's list of sources is complete. A record with no sources at all already has its own error."""
    listed = record.data.get("sumber") or []
    if listed and types == ("sumber",) and top_field(path) != "sumber" and ref_id not in listed:
        log.add(record.file, line, record.where(path), f"sumber \"{ref_id}\" juga harus dicantumkan di daftar sumber catatan ini")


def _order(record: Record) -> tuple:
    return (str(record.title or "").lower(),)


def _unique_ids(records: list[Record], log: ErrorLog) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for record in records:
        first = by_id.get(record.id)
        if first is not None:
            log.add(record.file, record.line_of("id"), record.where("id"),
                    f"id \"{record.id}\" sudah dipakai di {first.file}:{first.line_of('id')}; id harus unik di seluruh buku saku")
            continue
        by_id[record.id] = record
    return by_id


def texts(value, path: str = ""):
    """Yield ``(field path, text)`` for every text inside a record's validated data."""
    if isinstance(value, Data):
        for key, inner in value.items():
            yield from texts(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, inner in enumerate(value, 1):
            yield from texts(inner, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def glossary_terms(handbook: Handbook) -> set[str]:
    terms = set()
    for entry in handbook.of_type("glosarium"):
        terms.add(entry.data.istilah)
        terms.update(entry.data.alias)
    return terms


def check_acronyms(handbook: Handbook, log: ErrorLog) -> None:
    """Check that every acronym written anywhere has a glossary entry, so every page can explain it."""
    known = glossary_terms(handbook)
    reported: set[tuple[str, str]] = set()  # each missing term once per file: one entry fixes them all
    for record in handbook.records.values():
        for path, text in texts(record.data):
            if path == "id" or top_field(path) in record.type.reference_fields:
                continue
            for match in ACRONYM.finditer(text):
                word = match.group(1)
                if word not in known and word not in NOT_ACRONYMS and (record.file, word) not in reported:
                    reported.add((record.file, word))
                    log.add(record.file, record.line_of(path), record.where(path),
                            f"singkatan \"{word}\" belum ada di glosarium; tambahkan ke data/glosarium.yml")


def check_reported_facts(handbook: Handbook, log: ErrorLog) -> None:
    """Check that a record citing a source of medium confidence says "dilaporkan", as the facts rules ask."""
    medium = {s.id for s in handbook.of_type("sumber") if s.data.keyakinan == "sedang"}
    for record in handbook.records.values():
        if record.type.name == "sumber":
            continue
        cited = set(record.data.get("sumber") or []) & medium
        if cited and not any("dilaporkan" in text.lower() for _, text in texts(record.data)):
            log.add(record.file, record.line_of("sumber"), "sumber",
                    f"mengutip sumber berkeyakinan sedang ({', '.join(sorted(cited))}); "
                    "tulis isinya sebagai \"dilaporkan\" atau pakai sumber lain")


def check_history_order(handbook: Handbook, log: ErrorLog) -> None:
    """Check that every change history is written oldest first, newest last, as readers and the feed expect."""
    for record in handbook.records.values():
        changes = record.data.get("riwayat") or []
        for i in range(1, len(changes)):
            if changes[i].tanggal < changes[i - 1].tanggal:
                path = f"riwayat[{i + 1}].tanggal"
                log.add(record.file, record.line_of(path), record.where(path),
                        f"riwayat ditulis berurutan, terbaru di akhir: {changes[i].tanggal} lebih lama daripada "
                        f"riwayat[{i}] ({changes[i - 1].tanggal})")
                break


__all__ = ["Handbook", "Record", "load_handbook"]
