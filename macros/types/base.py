"""What every content type declares, and the fields they share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.model.schema import Choice, Date, Field, Flag, ListOf, Obj, Ref, Text, Verbatim, field_rows, is_reference

if TYPE_CHECKING:
    from macros.common.errors import ErrorLog
    from macros.load.handbook import Handbook, Record
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
    noun: str = ""  #: what a record is called in a count, when not the type's label: "12 istilah"


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
    #: the section whose index lists this type (``sop`` is listed under ``program``)
    section: str = ""
    #: full title and short title (for menus and lists) when they are not a single field
    full_title: Callable[[dict], str] | None = None
    short_title: Callable[[dict], str] | None = None
    #: weight in search results: what a TKSK looks for (SOPs, duties, answers) ranks above the glossary
    search_boost: float = 1.0
    #: the status words of this type and their rules (``macros.model.status``), if records have a status
    status: StatusRule | None = None
    #: where the type sits among the others (menus, lists); types are found by ``macros.types``
    order: int = 100
    #: the URL folder when it is not the type's name (modules live under ``kurikulum/``)
    folder: str = ""
    #: the template that renders its pages when it is not ``<name>.md.j2`` (children use their parent's)
    template: str = ""
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
        return self.template or f"{self.name}.md.j2"

    @property
    def choice_labels(self) -> dict[str, dict[str, str]]:
        """Readers' words for every choice field that declares them: ``{"faq.topik": {...}}``."""
        return {f"{self.name}.{path}": spec.kind.labels for path, spec in field_rows(self.schema)
                if isinstance(spec.kind, Choice) and spec.kind.labels}

    def url(self, record_id: str) -> str:
        return f"{self.url_folder}/{record_id}/"

    def src_uri(self, record_id: str) -> str:
        return f"{self.url_folder}/{record_id}.md"


def sumber_field() -> Field:
    return Field("sumber", ListOf(Ref("sumber"), min_items=1), doc="id sumber yang mendukung isi ini")


def dasar_field() -> Field:
    return Field("dasar", ListOf(Ref("regulasi")), required=False, doc="id regulasi yang menjadi dasar hukum")


def terkait_field() -> Field:
    return Field("terkait", ListOf(Ref()), required=False, doc="id catatan lain yang berkaitan")


def historis_field() -> Field:
    return Field("historis", Flag(), required=False,
                 doc="true bila catatan ini disimpan sebagai riwayat karena dasar hukumnya tidak berlaku lagi")


def check_basis_in_force(record, handbook, log):
    """Check that a record resting only on rules no longer in force says it is kept as history (``historis: true``)."""
    basis = [handbook.get(r) for r in record.data.get("dasar") or [] if r in handbook.records]
    ended = [r for r in basis if r.type.status and r.type.status.state(r.data.status) == "selesai"]
    if basis and len(ended) == len(basis) and not record.data.get("historis"):
        log.add(record.file, record.line_of("dasar"), record.where("dasar"),
                "semua dasar hukum catatan ini sudah tidak berlaku; tandai historis: true bila catatan ini disimpan "
                "sebagai riwayat, atau tambahkan aturan yang berlaku di dasar")


def riwayat_field(required: bool = True) -> Field:
    change = Obj(
        Field("tanggal", Date(past=True), doc="tanggal perubahan (YYYY-MM-DD), tidak di masa depan"),
        Field("perubahan", Text(), doc="apa yang berubah, satu kalimat"),
    )
    return Field("riwayat", ListOf(change, min_items=1), required=required, doc="riwayat perubahan, terbaru di akhir")


#: A passage kept in the source's own words: a duty list read out from a regulation, an official text.
#: It is shown as a quote, attributed, and must be found word for word in the source it names.
QUOTE = Obj(
    Field("teks", Verbatim(), doc="kata-kata sumber persis; bagian yang dilewati ditandai …"),
    Field("oleh", Text(), doc="siapa yang mengucapkan atau menulisnya, dengan jabatan dan tahun"),
    Field("sumber", Ref("sumber"), doc="id sumber tempat kutipan ini tertulis; juga dicantumkan di sumber catatan"),
)


def kutipan_field() -> Field:
    return Field("kutipan", ListOf(QUOTE), required=False,
                 doc="kutipan persis dari sumber, hanya bila kata-katanya sendiri penting; selebihnya kata-kata sendiri")
