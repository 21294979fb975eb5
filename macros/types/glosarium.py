"""Glossary: acronyms and terms, shown as tooltips wherever they appear."""

from macros.schema import Field, Id, ListOf, Obj, Text
from macros.types.base import ContentType, sumber_field, terkait_field

TYPE = ContentType(
    name="glosarium",
    label="Glosarium",
    files="glosarium.yml",
    search_boost=0.5,
    many=True,
    title="istilah",
    summary="arti",
    schema=Obj(
        Field("id", Id()),
        Field("istilah", Text(), doc="bentuk pendek seperti tertulis: TKSK, e-warong"),
        Field("kepanjangan", Text(), required=False, doc="kepanjangan singkatan"),
        Field("alias", ListOf(Text()), required=False, doc="sebutan lain, misalnya nama lama: PMKS"),
        Field("arti", Text(), doc="penjelasan singkat dengan kata-kata sendiri"),
        terkait_field(),
        sumber_field(),
    ),
)
