"""Questions as a TKSK asks them, answered, each traced to the rakor that raised it."""

from macros.schema import Choice, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import ContentType, riwayat_field, sumber_field

TOPIK = {
    "peran-tksk": "Peran dan kedudukan TKSK",
    "regulasi": "Aturan yang berlaku",
    "bansos": "Penyaluran bantuan sosial",
    "data-penerima": "Data penerima bantuan",
    "pelaporan": "Pelaporan",
    "perlindungan-tksk": "Perlindungan bagi TKSK",
    "jejaring": "Jejaring kerja dan koordinasi",
}

TYPE = ContentType(
    name="faq",
    label="Tanya Jawab",
    files="faq/*.yml",
    search_boost=2,
    many=True,
    title="pertanyaan",
    summary="jawaban",
    schema=Obj(
        Field("id", Id()),
        Field("pertanyaan", Text(), doc="pertanyaan seperti diucapkan TKSK"),
        Field("jawaban", Text(), doc="jawaban singkat; rincian ada di rujukan"),
        Field("topik", Choice(*TOPIK)),
        Field("rakor", Ref("rakor"), doc="rakor yang membahas tema pertanyaan ini"),
        Field("rujukan", ListOf(Ref("sop", "tugas", "regulasi", "program"), min_items=1),
              doc="SOP, tugas, regulasi atau program yang menjawabnya"),
        sumber_field(),
        riwayat_field(required=False),
    ),
)
