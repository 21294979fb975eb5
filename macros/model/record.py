"""A record: one validated entry of data/, with its content type and where each of its fields was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.model.schema import Data, top_field

if TYPE_CHECKING:
    from macros.model.content_type import ContentType


@dataclass
class Record:
    """One validated record: its type, its fields and where it was written."""

    type: ContentType
    data: Data
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    #: field paths whose text is a source's own words (``schema.Verbatim``): names, titles, marked quotes
    verbatim: tuple[str, ...] = ()
    #: for a record nested in another (a module in a stage): the parent, and the field path to this record
    parent: Record | None = None
    prefix: str = ""
    #: the region's layer the record was written in (``wilayah/<id>/data/``); empty for national data
    wilayah: str = ""

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def title(self) -> str:
        if self.type.full_title:
            return self.type.full_title(self.data)
        return self.data[self.type.title]

    @property
    def short(self) -> str:
        """The title for menus and lists, where space is short."""
        return self.type.short_title(self.data) if self.type.short_title else self.title

    @property
    def summary(self) -> str:
        return self.data[self.type.summary]

    @property
    def url(self) -> str:
        return self.type.url(self.id)

    def where(self, path: str) -> str:
        """Return the field path as the editor sees it in the file: ``modul[2].soal[1]`` for a nested record."""
        if not self.prefix:
            return path
        return f"{self.prefix}.{path}" if path else self.prefix

    def line_of(self, path: str) -> int:
        """Return the line of a field path (``langkah[2].hasil``), else of its top field, else of the record."""
        return self.lines.get(path) or self.lines.get(top_field(path), self.line)


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
