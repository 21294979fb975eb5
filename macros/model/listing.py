"""Lists that stay small as the handbook grows: a type's records in groups (topics, letters), each group on
pages of at most ``PAGE_SIZE`` records with an Indonesian pager, and the trail a record page shows back to
its section and group.

A type declares its groups (``ContentType.topics``, ``macros.types.base.Topics``); this module turns them
into pages and URLs. URLs are stable: ``faq/topik/bansos/`` is the first page of a group, then
``faq/topik/bansos/halaman-2/``; record pages keep their own URLs (``faq/<id>/``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from macros.model.content_type import ContentType
    from macros.model.handbook import Handbook
    from macros.model.record import Record

#: Records on one page of a group: a long group is split into pages of this size.
PAGE_SIZE = 30
#: A type with at most this many records is listed whole on its section's index (as the handbook has
#: always shown it); a larger one shows only the first ``Topics.preview`` records of each group there.
#: A type whose index entries are heavy sets its own limit (``Topics.listed_whole``: FAQ answers fold out there).
LISTED_WHOLE = 60


@dataclass(frozen=True)
class Topic:
    """One group of a type's records and its pages."""

    ctype: ContentType
    slug: str
    title: str
    records: tuple[Record, ...]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.records) / PAGE_SIZE))

    def src_uri(self, number: int = 1) -> str:
        """The Markdown source of page ``number`` (from 1): ``faq/topik/bansos/index.md``, ``.../halaman-2.md``."""
        folder = f"{self.ctype.url_folder}/{self.ctype.topics.folder}/{self.slug}"
        return f"{folder}/index.md" if number == 1 else f"{folder}/halaman-{number}.md"

    def on_page(self, number: int) -> tuple[Record, ...]:
        return self.records[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]

    def page_of(self, record: Record) -> int:
        return self.records.index(record) // PAGE_SIZE + 1


def topics_of(ctype: ContentType, handbook: Handbook) -> list[Topic]:
    """The groups of a type, in reading order; none when the type declares no grouping."""
    if not ctype.topics:
        return []
    return [Topic(ctype, slug, title, tuple(records))
            for slug, title, records in ctype.topics.groups(handbook) if records]


def listed_whole(ctype: ContentType, handbook: Handbook) -> bool:
    """Whether the section's index lists every record of the type (small types), or a preview of each group."""
    limit = ctype.topics.listed_whole if ctype.topics and ctype.topics.listed_whole is not None else LISTED_WHOLE
    return len(handbook.of_type(ctype.name)) <= limit


def shown_on_index(topic: Topic, handbook: Handbook) -> tuple[Record, ...]:
    """The records of a group that the section's index shows: all while the type is small, else a preview."""
    if listed_whole(topic.ctype, handbook):
        return topic.records
    return topic.records[:topic.ctype.topics.preview]


# -- groupings a type declares ---------------------------------------------------------------------


def by_choice(type_name: str, field: str, labels: dict[str, str]) -> Callable[[Handbook], list]:
    """Group a type's records by a choice field, in the order of its labels: FAQ by ``topik``."""

    def groups(handbook: Handbook) -> list:
        records = handbook.of_type(type_name)
        return [(value, label, [r for r in records if r.data.get(field) == value]) for value, label in labels.items()]

    return groups


def by_letter(type_name: str) -> Callable[[Handbook], list]:
    """Group a type's records by the first letter of their title, A to Z; digits and others last, as "0-9"."""

    def groups(handbook: Handbook) -> list:
        found: dict[str, list] = {}
        for record in sorted(handbook.of_type(type_name), key=lambda r: _sort_key(r.title)):
            found.setdefault(_letter(record.title), []).append(record)
        letters = sorted(k for k in found if k != "0-9") + (["0-9"] if "0-9" in found else [])
        return [(letter.lower(), letter, found[letter]) for letter in letters]

    return groups


def by_state(type_name: str, states: list[tuple[str, str, str]], newest_first: str = "") -> Callable[[Handbook], list]:
    """Group a type with a status by the state of each record: ``states`` is ``[(state, slug, title)]``.

    ``newest_first`` names a field to sort each group by, newest first (``tahun`` of a regulation).
    """

    def groups(handbook: Handbook) -> list:
        records = handbook.of_type(type_name)
        if newest_first:
            records = sorted(records, key=lambda r: r.data.get(newest_first) or 0, reverse=True)
        rule = records[0].type.status if records else None
        return [(slug, title, [r for r in records if rule.state(r.data.status) == state]) for state, slug, title in states]

    return groups


def by_year(type_name: str, field: str = "tanggal") -> Callable[[Handbook], list]:
    """Group a dated type by year, newest first (rakor by the year they were held)."""

    def groups(handbook: Handbook) -> list:
        records = sorted(handbook.of_type(type_name), key=lambda r: r.data.get(field).iso(), reverse=True)
        years: dict[int, list] = {}
        for record in records:
            years.setdefault(record.data.get(field).year, []).append(record)
        return [(str(year), str(year), found) for year, found in years.items()]

    return groups


def by_reference(type_name: str, field: str, others: str) -> Callable[[Handbook], list]:
    """Group a type by the record one of its fields names (SOPs by program), in the order of those records;
    records naming none come last, titled ``others`` (slug ``umum``)."""

    def groups(handbook: Handbook) -> list:
        records = handbook.of_type(type_name)
        targets = list(dict.fromkeys(r.data.get(field) for r in records if r.data.get(field)))
        records = sorted(records, key=lambda r: str(r.title).lower())
        named = [(t, handbook.get(t).short, [r for r in records if r.data.get(field) == t]) for t in targets]
        return [*named, ("umum", others, [r for r in records if not r.data.get(field)])]

    return groups


def _plain_letters(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()


def _letter(title: str) -> str:
    first = next((c for c in _plain_letters(title) if c.isalnum()), "")
    return first if first.isalpha() else "0-9"


def _sort_key(title: str) -> str:
    return "".join(c for c in _plain_letters(title) if c.isalnum())


# -- where a record sits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trail:
    """Where a record page sits, for the line above its title: its section, and its group or parent."""

    section_title: str
    section_uri: str  #: the section's index page
    group_word: str = ""  #: "Topik", "Huruf", "Tahap"
    group_title: str = ""
    group_uri: str = ""


def trails(handbook: Handbook, types: tuple[ContentType, ...]) -> dict[str, Trail]:
    """Return the trail of every record that sits in a section: by record id."""
    sections = {t.url_folder: t for t in types if t.own_section}
    found: dict[str, Trail] = {}
    for ctype in types:
        home = sections.get(ctype.section_folder)
        if not home:
            continue
        section = (home.own_section.title, f"{home.url_folder}/index.md")
        for topic in topics_of(ctype, handbook):
            for record in topic.records:
                found[record.id] = Trail(*section, ctype.topics.word, topic.title, topic.src_uri(topic.page_of(record)))
        for child in ctype.children:  # a module sits in its stage
            for parent in handbook.of_type(ctype.name):
                for item in parent.data.get(child.field) or []:
                    found[item.id] = Trail(*section, ctype.label, parent.short, ctype.src_uri(parent.id))
        for record in handbook.of_type(ctype.name):
            found.setdefault(record.id, Trail(*section))
    return found
