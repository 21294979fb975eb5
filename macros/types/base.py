"""What every content type declares, and the fields they share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.schema import Date, Field, ListOf, Obj, Ref, Text, Verbatim, is_reference

if TYPE_CHECKING:
    from macros.errors import ErrorLog
    from macros.handbook import Handbook, Record
    from macros.status import StatusRule


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
    #: the status words of this type and their rules (``macros.status``), if records have a status
    status: StatusRule | None = None

    @property
    def reference_fields(self) -> frozenset[str]:
        """The top-level fields that hold ids of other records, derived from the schema."""
        return frozenset(name for name, spec in self.schema.fields.items() if is_reference(spec.kind))

    @property
    def section_folder(self) -> str:
        return self.section or self.name

    def url(self, record_id: str) -> str:
        return f"{self.name}/{record_id}/"

    def src_uri(self, record_id: str) -> str:
        return f"{self.name}/{record_id}.md"


def sumber_field() -> Field:
    return Field("sumber", ListOf(Ref("sumber"), min_items=1), doc="id sumber yang mendukung isi ini")


def dasar_field() -> Field:
    return Field("dasar", ListOf(Ref("regulasi")), required=False, doc="id regulasi yang menjadi dasar hukum")


def terkait_field() -> Field:
    return Field("terkait", ListOf(Ref()), required=False, doc="id catatan lain yang berkaitan")


def riwayat_field(required: bool = True) -> Field:
    change = Obj(
        Field("tanggal", Date(), doc="tanggal perubahan (YYYY-MM-DD)"),
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
