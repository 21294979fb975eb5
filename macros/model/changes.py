"""The handbook's change log: every ``riwayat`` entry of every record, newest first, grouped by edition.

A change belongs to the first edition dated on or after it; changes after the newest edition wait for
the next one. The Pembaruan page, Beranda, the edition pages and the Atom feed all read this one log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.model.schema import PartialDate

if TYPE_CHECKING:
    from macros.model.handbook import Handbook
    from macros.model.record import Record


@dataclass(frozen=True)
class Change:
    """One dated change of one record."""

    tanggal: PartialDate
    perubahan: str
    record: Record
    #: the change's place among the record's changes of the same day, from 1 in file order: with the record id
    #: and the date it names the change for good (feed entry ids), even when later changes are added
    urutan: int

    @property
    def jenis(self) -> str:
        """The record's content type name (``sop``): what the Pembaruan filter matches."""
        return self.record.type.name


@dataclass(frozen=True)
class EditionGroup:
    """The changes one edition brought; ``edisi`` is None for changes no edition has published yet."""

    edisi: Record | None
    changes: list[Change] = field(default_factory=list)


def all_changes(handbook: Handbook) -> list[Change]:
    """Return every dated change of every record, newest first (same day: by type and id, later entries first)."""
    rows = []
    for record in handbook.records.values():
        seen: dict[PartialDate, int] = {}
        for entry in record.data.get("riwayat") or []:
            seen[entry.tanggal] = seen.get(entry.tanggal, 0) + 1
            rows.append(Change(entry.tanggal, entry.perubahan, record, seen[entry.tanggal]))
    rows.sort(key=lambda c: (c.tanggal.sort_key(), c.record.type.name, c.record.id, c.urutan), reverse=True)
    return rows


def editions(handbook: Handbook) -> list[Record]:
    """Return the editions, newest first (validation keeps numbers rising with dates)."""
    return sorted(handbook.of_type("edisi"), key=lambda e: (e.data.tanggal.sort_key(), e.id), reverse=True)


def latest_edition(handbook: Handbook) -> Record | None:
    return next(iter(editions(handbook)), None)


def edition_of(change: Change, newest_first: list[Record]) -> Record | None:
    """Return the first edition dated on or after the change, or None when no edition has it yet."""
    found = None
    for edition in newest_first:
        if edition.data.tanggal < change.tanggal:
            break
        found = edition
    return found


def by_edition(changes: list[Change], newest_first: list[Record]) -> list[EditionGroup]:
    """Group changes (newest first) by edition, newest edition first; unpublished changes come first.

    Every edition has its group, even one that brought no recorded change.
    """
    groups = {e.id: EditionGroup(e) for e in newest_first}
    waiting = EditionGroup(None)
    for change in changes:
        edition = edition_of(change, newest_first)
        (groups[edition.id] if edition else waiting).changes.append(change)
    return ([waiting] if waiting.changes else []) + list(groups.values())
