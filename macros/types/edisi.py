"""Editions: the moments the handbook is published, each with a number, a date and what it brings.

An edition is numbered ``YEAR.N`` (``2026.1``: the first edition of 2026); its id and file name are
the number written kebab-case: ``edisi-2026-1`` in ``data/edisi/edisi-2026-1.yml``. Numbers rise with
dates. Every change recorded in a record's ``riwayat`` belongs to the first edition dated on or after it
(``macros.model.changes``): the Pembaruan page lists changes by edition.

An edition cites no ``sumber``: it states no fact about TKSK work, only what this handbook published
and when. Its highlights point at the records, and those cite their sources.
"""

from __future__ import annotations

import re

from macros.model.changes import all_changes, by_edition, editions, latest_edition
from macros.model.content_type import ContentType, Section
from macros.model.schema import Date, Field, Id, ListOf, Obj, Ref, Text

NUMBER = re.compile(r"^(\d{4})\.([1-9]\d*)$")


class EditionNumber(Text):
    """An edition number ``YEAR.N``, written in quotes so YAML keeps it as text: ``"2026.1"``."""

    expected = "nomor edisi TAHUN.URUTAN dalam tanda kutip, misalnya \"2026.1\""

    def check(self, node, path, ctx):
        if node.tag.endswith((":float", ":int")):
            ctx.error(node, path, f"harus berupa {self.expected}; tanpa tanda kutip {node.value} dibaca sebagai angka")
            return None
        value = Text.check(self, node, path, ctx)
        if value is not None and not NUMBER.match(value):
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis \"{value}\"")
            return None
        return value


def number_key(nomor: str) -> tuple[int, int]:
    """Order edition numbers as numbers: ``2026.10`` comes after ``2026.9``."""
    year, n = NUMBER.match(nomor).groups()
    return int(year), int(n)


def edition_id(nomor: str) -> str:
    """The id (and file name) an edition number gives: ``2026.1`` -> ``edisi-2026-1``."""
    return "edisi-" + nomor.replace(".", "-")


def check_edition(record, handbook, log):
    """Check that an edition's id follows its number, its number's year is its date's year, its number is not
    used twice, and numbers rise with dates."""
    d = record.data
    if not d.nomor or not d.tanggal:
        return
    if record.id != edition_id(d.nomor):
        log.add(record.file, record.line_of("id"), "id",
                f"id edisi {d.nomor} harus \"{edition_id(d.nomor)}\" (nomornya dengan tanda hubung), di berkas "
                f"data/edisi/{edition_id(d.nomor)}.yml; tertulis \"{record.id}\"")
    year = number_key(d.nomor)[0]
    if year != d.tanggal.year:
        log.add(record.file, record.line_of("nomor"), "nomor",
                f"nomor edisi {d.nomor} diawali tahun {year}, padahal edisi ini terbit {d.tanggal.indonesian()}; "
                f"nomor edisi diawali tahun terbitnya")
    others = [e for e in handbook.of_type("edisi") if e is not record and e.data.nomor and e.data.tanggal]
    for other in others:
        where = f"{other.file}:{other.line_of('nomor')}"
        earlier_file = (other.file, other.line) < (record.file, record.line)  # a clash is reported once, on the later file
        if other.data.nomor == d.nomor:
            if earlier_file:
                log.add(record.file, record.line_of("nomor"), "nomor", f"nomor edisi {d.nomor} sudah dipakai di {where}")
        elif other.data.tanggal == d.tanggal:
            if earlier_file:
                log.add(record.file, record.line_of("tanggal"), "tanggal",
                        f"edisi {other.data.nomor} ({where}) juga terbit {d.tanggal.indonesian()}; satu tanggal satu edisi")
        elif other.data.tanggal < d.tanggal and number_key(other.data.nomor) > number_key(d.nomor):
            log.add(record.file, record.line_of("nomor"), "nomor",
                    f"nomor edisi mundur: {d.nomor} terbit {d.tanggal.indonesian()}, sesudah edisi {other.data.nomor} "
                    f"({other.data.tanggal.indonesian()}, {where}); nomor edisi naik mengikuti tanggal")


def full_title(d) -> str:
    return f"Edisi {d['nomor']}: {d['judul']}"


def short_title(d) -> str:
    return f"Edisi {d['nomor']}"


def _helpers(handbook) -> dict:
    changes = all_changes(handbook)
    groups = {g.edisi.id: g for g in by_edition(changes, editions(handbook)) if g.edisi}
    return {"editions": lambda: editions(handbook), "latest_edition": lambda: latest_edition(handbook),
            "edition_changes": lambda edition: groups[edition.id].changes}


TYPE = ContentType(
    name="edisi",
    label="Edisi",
    files="edisi/*.yml",
    many=False,
    order=95,
    search_boost=0.5,
    full_title=full_title,
    short_title=short_title,
    checks=(check_edition,),
    template_helpers=_helpers,
    own_section=Section(
        title="Edisi",
        description="Edisi Buku Saku TKSK yang sudah terbit: nomor, tanggal, dan apa yang dibawa setiap edisi.",
    ),
    schema=Obj(
        Field("id", Id(), doc="nomor edisi dengan tanda hubung: edisi-2026-1; sama dengan nama berkas"),
        Field("nomor", EditionNumber(), doc="TAHUN.URUTAN, misalnya \"2026.1\"; naik mengikuti tanggal"),
        Field("tanggal", Date(past=True), doc="tanggal terbit edisi; perubahan sampai tanggal ini masuk edisi ini"),
        Field("judul", Text(), doc="judul pendek edisi, misalnya Edisi pertama"),
        Field("ringkasan", Text(), doc="apa yang dibawa edisi ini, dengan kata-kata sendiri"),
        Field("sorotan", ListOf(Obj(
            Field("teks", Text(), doc="satu hal penting di edisi ini"),
            Field("rujukan", ListOf(Ref(), min_items=1), required=False, doc="id catatan yang menunjukkannya"),
        )), required=False, doc="hal-hal penting di edisi ini"),
    ),
)
