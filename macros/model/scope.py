"""Whose voice a statement is: the whole country, or one Dinas Sosial at a date.

Every source declares its scope once (``data/sumber.yml``: ``cakupan`` ``nasional`` or ``daerah`` with
``wilayah``; the year is the year of its ``tanggal``). A statement inherits its scope from its sources:
it is national when any of them is national, else it is the practice of the Dinsos (one or more, each
with its year) that its sources speak for. A regional statement is shown as that region's practice
("Praktik Dinsos Kabupaten Probolinggo, 2021"), and must not be worded as every TKSK's duty
(``macros.checks.scope``).

The statements (``statements``):

- a record that cites sources (its ``sumber``): its text, except what belongs to the units below, its
  history and the source's own words (names, titles, marked quotes);
- an item of a list field that cites sources of its own (an SOP step, ``langkah[].sumber``; an item of a
  duty, ``butir[].sumber``); the list's items without sources of their own belong to the record's statement;
- an item of a list field that cites one record as the support of its explanation (a question of a
  module: ``soal[].rujukan`` and ``penjelasan``): its explanation has the scope of the record it cites.

This module knows no file, no page and no content type by name: what it reads is the shape of the data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from macros.model.handbook import Handbook
from macros.model.record import Record, texts
from macros.model.schema import KEBAB, Data

NATIONAL = "nasional"
REGIONAL = "daerah"
#: The word a region's name starts with, for the Dinsos of a province or of a district or city.
LEVELS = ("Provinsi", "Kabupaten", "Kota")
#: Fields that are never a statement's words: the change log, the sources themselves.
NOT_STATEMENT = frozenset({"id", "riwayat", "sumber"})
#: What the text of a question's explanation is called, and the field that names the record it rests on.
EXPLANATION, CITED = "penjelasan", "rujukan"
#: What a sourced item of a list is called, by its list's field ("butir" for any other list: a duty's items).
ITEM_KINDS = {"langkah": "langkah"}


@dataclass(frozen=True, order=True)
class Voice:
    """One Dinas Sosial speaking at a date: ``Voice("Kabupaten Probolinggo", 2021)``."""

    wilayah: str
    tahun: int | None = None

    @property
    def dinsos(self) -> str:
        """``Dinsos Kabupaten Probolinggo``."""
        return f"Dinsos {self.wilayah}"

    @property
    def name(self) -> str:
        """The region's own name, without its level: ``Probolinggo``, ``Sulawesi Barat``."""
        first, _, rest = self.wilayah.partition(" ")
        return rest if first in LEVELS and rest else self.wilayah


#: What a regional statement is, by its record's type (``ContentType.regional``), and the words its label starts
#: with: a practice of a Dinsos, or a word that only that Dinsos's sources use (a glossary entry: a place name).
KINDS = {"praktik": "Praktik", "istilah": "Istilah dari"}


@dataclass(frozen=True)
class Scope:
    """A statement's scope: national (no voices), or the Dinsos it rests on, each with its year."""

    voices: tuple[Voice, ...] = ()
    kind: str = "praktik"  #: a key of ``KINDS``

    @property
    def national(self) -> bool:
        return not self.voices

    @property
    def label(self) -> str:
        """What the reader sees: ``Praktik Dinsos Kabupaten Probolinggo, 2021`` (``Nasional`` when national).

        Several years of one region are joined (``…, 2021 dan 2022``); several regions too
        (``Praktik Dinsos Kabupaten Probolinggo, 2021 dan Dinsos Provinsi Sulawesi Barat, 2023``).
        """
        if self.national:
            return "Nasional"
        return KINDS[self.kind] + " " + _and([_voice_words(wilayah, years) for wilayah, years in self._by_region()])

    @property
    def who(self) -> str:
        """The Dinsos with their years in brackets, for a sentence: ``Dinsos Kabupaten Probolinggo (2021)``."""
        return _and([f"Dinsos {wilayah}" + (f" ({_and([str(y) for y in years])})" if years else "")
                     for wilayah, years in self._by_region()])

    @property
    def names(self) -> tuple[str, ...]:
        """The regions' own names (``Probolinggo``): a sentence that names one of them says whose practice it is."""
        return tuple(dict.fromkeys(v.name for v in self.voices))

    def _by_region(self) -> list[tuple[str, list[int]]]:
        regions: dict[str, list[int]] = {}
        for voice in self.voices:
            years = regions.setdefault(voice.wilayah, [])
            if voice.tahun is not None and voice.tahun not in years:
                years.append(voice.tahun)
        return [(wilayah, sorted(years)) for wilayah, years in regions.items()]


NATIONWIDE = Scope()


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]


def _voice_words(wilayah: str, years: list[int]) -> str:
    if not years:
        return f"Dinsos {wilayah} (tahun tidak tercatat)"
    return f"Dinsos {wilayah}, {_and([str(y) for y in years])}"


def voice_of(source: Record) -> Voice | None:
    """The Dinsos a source speaks for, or None when it is national (or declares no scope)."""
    d = source.data
    if d.get("cakupan") != REGIONAL or not d.get("wilayah"):
        return None
    date = d.get("tanggal")
    return Voice(d.wilayah, date.year if date else None)


def scope_of(source_ids, handbook: Handbook) -> Scope:
    """The scope of a statement resting on ``source_ids``: national if any is national, else their voices."""
    voices = []
    for sid in source_ids or ():
        source = handbook.records.get(sid)
        voice = voice_of(source) if source is not None else None
        if voice is None:
            return NATIONWIDE
        voices.append(voice)
    return Scope(tuple(sorted(set(voices)))) if voices else NATIONWIDE


def record_scope(record: Record | str, handbook: Handbook) -> Scope:
    """The scope of a record's own statement (its ``sumber``); national for a record that cites no sources."""
    record = handbook.get(record) if isinstance(record, str) else record
    found = scope_of(record.data.get("sumber"), handbook)
    return found if found.national else Scope(found.voices, record.type.regional)


def item_scope(item: Data, handbook: Handbook) -> Scope:
    """The scope of a list item with sources of its own (an SOP step)."""
    return scope_of(item.get("sumber"), handbook)


def explanation_scope(item: Data, handbook: Handbook) -> Scope:
    """The scope of a question's explanation: that of the record it cites (``rujukan``)."""
    cited = item.get(CITED)
    return record_scope(cited, handbook) if isinstance(cited, str) and cited in handbook.records else NATIONWIDE


@dataclass(frozen=True)
class Statement:
    """One unit of the handbook that says something on the strength of its sources."""

    record: Record
    path: str  #: "" for the record itself, ``langkah[2]`` for a step, ``butir[1]`` for an item, ``soal[3]`` for a question
    kind: str  #: "catatan", "langkah", "butir" or "penjelasan"
    scope: Scope
    #: ``(field path, text)`` of its words, paths as in the record (``langkah[2].rincian``)
    texts: tuple[tuple[str, str], ...]
    #: for an explanation: the id of the record it rests on
    cites: str = ""


def _has_own_sources(item) -> bool:
    return isinstance(item, Data) and isinstance(item.get("sumber"), list) and bool(item.get("sumber"))


def _is_question(item) -> bool:
    return isinstance(item, Data) and isinstance(item.get(CITED), str) and isinstance(item.get(EXPLANATION), str)


def _words(value, path: str, verbatim: tuple[str, ...]) -> list[tuple[str, str]]:
    """The statement's words in ``value``: not ids, not the source's own words."""
    return [(p, t) for p, t in texts(value, path) if p not in verbatim and not KEBAB.match(t)]


def statements(handbook: Handbook) -> list[Statement]:
    """Every statement of the handbook with its scope, in the order of the types and their records."""
    found: list[Statement] = []
    for records in handbook.by_type.values():
        for record in records:
            found += record_statements(record, handbook)
    return found


def record_statements(record: Record, handbook: Handbook) -> list[Statement]:
    """The statements of one record: itself (when it cites sources), its sourced items and its questions."""
    d = record.data
    verbatim = record.verbatim
    children = {child.field for child in record.type.children}
    own: list[tuple[str, str]] = []
    units: list[Statement] = []
    for key, value in d.items():
        if key in NOT_STATEMENT or key in children:
            continue
        if isinstance(value, list) and any(_has_own_sources(v) or _is_question(v) for v in value):
            for i, item in enumerate(value, 1):
                path = f"{key}[{i}]"
                if _has_own_sources(item):
                    words = _words(Data({k: v for k, v in item.items() if k != "sumber"}), path, verbatim)
                    units.append(Statement(record, path, ITEM_KINDS.get(key, "butir"), item_scope(item, handbook),
                                           tuple(words)))
                elif _is_question(item):
                    words = ((f"{path}.{EXPLANATION}", item[EXPLANATION]),)
                    units.append(Statement(record, path, EXPLANATION, explanation_scope(item, handbook), words,
                                           cites=item[CITED]))
                else:  # an item with no sources of its own rests on the record's
                    own += _words(item, path, verbatim)
            continue
        own += _words(value, key, verbatim)
    if isinstance(d.get("sumber"), list) and d.get("sumber"):
        units.insert(0, Statement(record, "", "catatan", record_scope(record, handbook), tuple(own)))
    return units


def counts(handbook: Handbook) -> dict[str, Counter]:
    """Statements per scope label, by kind: ``{"catatan": Counter({"Nasional": 120, "Praktik …": 3}), ...}``."""
    by_kind: dict[str, Counter] = {}
    for statement in statements(handbook):
        by_kind.setdefault(statement.kind, Counter())[statement.scope.label] += 1
    return by_kind
