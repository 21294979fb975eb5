"""Checks across records, run once every reference is resolved: what no single field can tell."""

from __future__ import annotations

import re

from macros.common.errors import ErrorLog
from macros.model.handbook import Handbook
from macros.model.record import texts
from macros.model.schema import top_field

#: An acronym as it appears in text: two or more capitals, digits may follow (COVID-19, LK3, SIKS-NG).
ACRONYM = re.compile(r"(?<![\w/-])([A-Z][A-Z0-9]*[A-Z0-9](?:[-/][A-Z0-9]+)*)(?![\w])")
#: Words in capitals that are not acronyms and need no glossary entry.
NOT_ACRONYMS = frozenset({"I", "II", "III", "IV"})


def check_records(handbook: Handbook, log: ErrorLog) -> None:
    """Run each content type's own record checks (``ContentType.checks``: a status's sources, a quiz's answers...)."""
    for record in handbook.records.values():
        for check in record.type.checks:
            check(record, handbook, log)


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


def check_layer_sources(handbook: Handbook, log: ErrorLog) -> None:
    """A region's layer speaks for its own Dinsos: its records cite national sources or that region's, never
    another region's (a Probolinggo layer cannot carry what Dinsos Lampung said)."""
    region = handbook.wilayah
    if region is None:
        return
    for record in handbook.records.values():
        if record.wilayah != region.id:
            continue
        for i, sid in enumerate(record.data.get("sumber") or [], 1):
            source = handbook.records.get(sid)
            if source is None or source.data.get("cakupan") != "daerah" or source.data.get("wilayah") == region.data.nama:
                continue
            log.add(record.file, record.line_of(f"sumber[{i}]"), record.where(f"sumber[{i}]"),
                    f"sumber \"{sid}\" adalah suara Dinsos {source.data.wilayah}, bukan {region.data.nama}; lapisan "
                    f"{region.data.nama} hanya memakai sumber nasional atau sumber Dinsos {region.data.nama}")
