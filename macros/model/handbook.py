"""The handbook: every record by id and by type, with the reverse links every page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.model.record import Record


@dataclass
class Handbook:
    """All records by id and by type, with the reverse links every page shows."""

    records: dict[str, Record]
    by_type: dict[str, list[Record]]
    #: id -> records that point to it, by the field that points (``{"permensos-28-2018": {"dasar": [...]}}``)
    cited_by: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    #: what the types' advice found (coverage gaps): shown by `tksk validate`, never stops a build
    advice: list[str] = field(default_factory=list)
    #: the region whose layer was loaded with the national data (its ``wilayah`` record), for a regional edition
    wilayah: Record | None = None
    #: figures the types report about their records (``ContentType.reports``): shown by `tksk validate`
    reports: list[str] = field(default_factory=list)
    #: checks that could not run and why (no source texts to compare with): shown by `tksk validate`
    notes: list[str] = field(default_factory=list)

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

    def sources_of(self, record: Record) -> list[str]:
        """The sources a record's page lists: its own ``sumber``, then those of the records its text rests on
        (``ContentType.sources``: a module's readings and questions, a plan's modules), each once, in reading order."""
        own = record.data.get("sumber") or []
        derived = record.type.sources(record, self) if record.type.sources else []
        return list(dict.fromkeys([*own, *derived]))

    def counts(self) -> dict[str, int]:
        """Records of each content type, in the types' order (every type has its entry in ``by_type``)."""
        return {name: len(records) for name, records in self.by_type.items()}
