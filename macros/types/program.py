"""Aid programs a TKSK accompanies, current and historical."""

from macros.schema import Choice, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import ContentType, dasar_field, riwayat_field, sumber_field, terkait_field

STATUS = {"berjalan": "Berjalan", "berakhir": "Sudah berakhir (riwayat)"}

TYPE = ContentType(
    name="program",
    label="Program",
    files="program/*.yml",
    search_boost=2,
    many=False,
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text()),
        Field("singkatan", Text(), required=False),
        Field("status", Choice(*STATUS)),
        Field("diganti_oleh", Ref("program"), required=False, doc="program penerusnya, bila sudah berakhir"),
        Field("ringkasan", Text()),
        Field("tujuan", ListOf(Text()), required=False),
        Field("peran_tksk", ListOf(Text(), min_items=1), doc="apa yang dikerjakan TKSK dalam program ini"),
        dasar_field(),
        terkait_field(),
        sumber_field(),
        riwayat_field(),
    ),
)
