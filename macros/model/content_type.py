"""What a content type declares: its files, its schema, its checks, its pages and its place in the site.

The types themselves are the modules of ``macros.types``; this is the vocabulary they declare with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.model.schema import Choice, Obj, field_rows, is_reference

if TYPE_CHECKING:
    from macros.common.errors import ErrorLog
    from macros.model.handbook import Handbook
    from macros.model.record import Record
    from macros.model.status import StatusRule


@dataclass(frozen=True)
class Section:
    """A section of the site that a type brings with it: its index page and its place in the navigation.

    The index page is generated from the type's own template (``page == "index"``), so a new type needs
    no hand-written page in docs/ or content/ and no line in mkdocs.yml. Sections appear in the menu in
    the order of their types, after the home page.
    """

    title: str  #: the menu entry and the index page's title: "Belajar"
    description: str  #: the index page's description (search results, link previews)
    #: further pages of the section rendered by the type's template (``page == name``): ``("progres",)``
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topics:
    """How a type's records are grouped for reading (FAQ by topic, glossary by letter): ``macros.model.listing``.

    Each group gets its own pages (``faq/topik/<slug>/``, split into pages of bounded size), the section's
    index lists the groups, and a record page names its group; so no page grows with the handbook.
    """

    word: str  #: what a group is called, for readers: "Topik", "Huruf"
    folder: str  #: the URL part of group pages: ``faq/topik/bansos/``
    #: the groups in reading order, each ``(slug, title, records)``; empty groups are left out
    groups: Callable[[Handbook], list[tuple[str, str, list[Record]]]]
    in_nav: bool = True  #: the groups are entries of the menu under the section
    preview: int = 8  #: records of each group the section's index shows once the type is too large to list whole
    #: the most records a type may have and still be listed whole on its section's index (None: ``listing.LISTED_WHOLE``)
    listed_whole: int | None = None
    noun: str = ""  #: what a record is called in a count, when not the type's label: "12 istilah"
    #: the title of a group's own page, from the group's title: "SOP {title}" gives "SOP Program Sembako (…)", so that
    #: the page listing a program's SOPs is not titled like the program's own page (search results, tabs)
    heading: str = "{title}"

    def page_title(self, title: str) -> str:
        """The group page's title; a group title that already starts with the heading's words keeps its own ("SOP tugas umum")."""
        prefix = self.heading.split("{title}")[0]
        return title if prefix and title.lower().startswith(prefix.lower()) else self.heading.format(title=title)


@dataclass(frozen=True)
class Child:
    """Records nested in a list field of another record (the modules of a curriculum stage).

    Each item becomes a record of its own type, with its own id and page, and with messages that still
    name the parent's file and the full field path (``modul[2].soal[3].jawaban``).
    """

    field: str
    type: ContentType


@dataclass(frozen=True)
class ContentType:
    """A kind of record: where its files are, its schema, and how its pages are titled."""

    name: str  #: also the URL folder: ``sop/<id>/``
    label: str  #: singular, for readers: "SOP"
    files: str  #: glob under data/: "sop/*.yml" (one record a file) or "glosarium.yml" (a list)
    many: bool  #: True when a file holds a list of records
    schema: Obj
    title: str = "judul"  #: the field that titles the record's page
    summary: str = "ringkasan"  #: the field that describes it (search, link previews)
    checks: tuple[Callable[[Record, Handbook, ErrorLog], None], ...] = field(default=())
    #: whether each record has a page of its own (``<type>/<id>/``); a list that only serves the site, such as the
    #: search aid (``macros.types.kata_cari``), has none and is not counted among the handbook's pages
    pages: bool = True
    #: the section whose index lists this type (``sop`` is listed under ``program``)
    section: str = ""
    #: full title and short title (for menus and lists) when they are not a single field
    full_title: Callable[[dict], str] | None = None
    short_title: Callable[[dict], str] | None = None
    #: weight in search results: what a TKSK looks for (SOPs, duties, answers) ranks above the glossary
    search_boost: float = 1.0
    #: where its records may be written: the national data (``data/``) and/or a region's layer
    #: (``wilayah/<id>/data/``, see ``macros.load.handbook``)
    where: tuple[str, ...] = ("nasional",)
    #: what a record resting only on one Dinsos's sources is (``macros.model.scope.KINDS``): that Dinsos's
    #: "praktik", or, for the glossary, an "istilah" its sources use (a place name is no practice)
    regional: str = "praktik"
    #: the status words of this type and their rules (``macros.model.status``), if records have a status
    status: StatusRule | None = None
    #: where the type sits among the others (menus, lists); types are found by ``macros.types``
    order: int = 100
    #: the URL folder when it is not the type's name (modules live under ``kurikulum/``)
    folder: str = ""
    #: a section of its own (index page generated, menu entry added), for types that have no hand-written index
    own_section: Section | None = None
    #: records nested in a list field, each a record of a child type
    children: tuple[Child, ...] = ()
    #: menu entries under its section (topics such as learning stages, never every record); default none
    nav: Callable[[Handbook], list] | None = None
    #: how its records are grouped on pages of their own (``macros.model.listing``), if they are
    topics: Topics | None = None
    #: checks that only warn (coverage): reported by `tksk validate`, never stop a build
    advice: tuple[Callable[[Handbook], list[str]], ...] = field(default=())
    #: figures about its records (how guessable the questions are): printed by `tksk validate`, never stop a build
    reports: tuple[Callable[[Handbook], list[str]], ...] = field(default=())
    #: the sources of the records a record's text rests on, listed on its page after its own ``sumber``
    #: (``Handbook.sources_of``): a module's come from what it reads and asks about, so no one copies them by hand
    sources: Callable[[Record, Handbook], list[str]] | None = None
    #: functions the type's template calls, given the handbook: ``lambda hb: {"modules_of": ...}``
    template_helpers: Callable[[Handbook], dict[str, Callable]] | None = None

    @property
    def reference_fields(self) -> frozenset[str]:
        """The top-level fields that hold ids of other records, derived from the schema."""
        return frozenset(name for name, spec in self.schema.fields.items() if is_reference(spec.kind))

    @property
    def section_folder(self) -> str:
        return self.section or self.folder or self.name

    @property
    def url_folder(self) -> str:
        return self.folder or self.name

    @property
    def template_name(self) -> str:
        """The template of its record pages (its section's pages are under ``templates/bagian/<name>/``)."""
        return f"{self.name}.md.j2"

    @property
    def choice_labels(self) -> dict[str, dict[str, str]]:
        """Readers' words for every choice field that declares them: ``{"faq.topik": {...}}``."""
        return {f"{self.name}.{path}": spec.kind.labels for path, spec in field_rows(self.schema)
                if isinstance(spec.kind, Choice) and spec.kind.labels}

    def url(self, record_id: str) -> str:
        return f"{self.url_folder}/{record_id}/"

    def src_uri(self, record_id: str) -> str:
        return f"{self.url_folder}/{record_id}.md"
