"""A region's layer: who speaks in it (one Dinas Sosial, of a province or a district) and on which sources.

A Dinsos adds its own layer beside the national data, never inside it: ``wilayah/<id>/data/`` holds one
``wilayah.yml`` (this record, whose id is the folder's name), its notes on national records
(``catatan/``, ``macros.types.catatan``) and, with the national layout, its own rules, rakor, FAQs and sources.
``tksk build --wilayah <id>`` builds that region's edition: the national handbook plus the layer.
"""

from macros.model.content_type import ContentType
from macros.model.schema import Choice, Field, Id, Obj, Text
from macros.types.base import riwayat_field, sumber_field

TINGKAT = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}

TYPE = ContentType(
    name="wilayah",
    label="Wilayah",
    files="wilayah.yml",
    many=True,
    order=200,
    where=("wilayah",),
    title="nama",
    summary="ringkasan",
    schema=Obj(
        Field("id", Id(), doc="sama dengan nama folder lapisan: wilayah/<id>/"),
        Field("nama", Text(), doc="nama wilayah seperti tertulis di judul edisi, misalnya Kabupaten Probolinggo"),
        Field("tingkat", Choice(TINGKAT)),
        Field("dinsos", Text(), doc="nama Dinas Sosial yang menyusun lapisan ini"),
        Field("ringkasan", Text(), doc="satu-dua kalimat: apa isi lapisan ini"),
        sumber_field(),
        riwayat_field(),
    ),
)
