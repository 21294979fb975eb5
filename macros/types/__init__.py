"""The content types of the handbook: one module each, declaring its fields once."""

from __future__ import annotations

from macros.types import faq, glosarium, program, rakor, regulasi, sop, sumber, tugas
from macros.types.base import ContentType

#: Every content type, in the order the handbook presents its sections.
ALL: tuple[ContentType, ...] = (
    tugas.TYPE,
    program.TYPE,
    sop.TYPE,
    regulasi.TYPE,
    faq.TYPE,
    rakor.TYPE,
    glosarium.TYPE,
    sumber.TYPE,
)

BY_NAME: dict[str, ContentType] = {t.name: t for t in ALL}
