"""A region's note on a national record: what one Dinas Sosial says of it for its own TKSK ("Di Kabupaten
Probolinggo: …"), shown beside the national text in that region's edition and never in the national one.

Notes live only in a layer (``wilayah/<id>/data/catatan/``): a layer adds to national records, it does not
rewrite them (a layer record may not reuse a national id).
"""

from macros.model.content_type import ContentType
from macros.model.schema import Field, Id, Obj, Ref, Text
from macros.types.base import riwayat_field, sumber_field

TYPE = ContentType(
    name="catatan",
    label="Catatan daerah",
    files="catatan/*.yml",
    many=False,
    order=210,
    where=("wilayah",),
    summary="teks",
    title="judul",
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text(), doc="judul singkat catatan, misalnya Laporan berkala di Kabupaten Probolinggo"),
        Field("untuk", Ref("sop", "tugas", "program", "regulasi", "faq", "glosarium"),
              doc="id catatan nasional yang diberi keterangan daerah ini"),
        Field("teks", Text(), doc="keterangan Dinsos wilayah ini, dengan kata-kata sendiri"),
        sumber_field(),
        riwayat_field(),
    ),
)
