"""Glossary: acronyms and terms, shown as tooltips wherever they appear.

A long form is a fact like any other: it is written only when a source gives it, and that source is
named in ``kepanjangan_sumber``. An acronym whose long form no source gives keeps a short meaning, and
its page says that no long form is loaded.
"""

import re

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_letter
from macros.model.schema import Choice, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import sumber_field, terkait_field

JENIS = {
    "singkatan": "Singkatan",
    "istilah": "Istilah",
}


def normalise(text: str) -> str:
    """Lower case, words separated by single spaces, brackets and commas dropped (as a reader types it)."""
    text = re.sub(r"\([^)]*\)", " ", text)  # "corporate social responsibility (tanggung jawab ...)": the aside is not the name
    text = re.sub(r"[,;:/–—]", " ", text.lower())
    return " ".join(text.split())


def names(record) -> list[str]:
    """Return an entry's names as a reader types them: term, long form, aliases (``["kpm", "keluarga penerima manfaat"]``).

    The search box treats them as one another's synonyms (macros/outputs/search.py); the search-aid list
    (macros/types/kata_cari.py) may not repeat them.
    """
    d = record.data
    found = []
    for name in [d.istilah, *([d.kepanjangan] if d.kepanjangan else []), *(d.alias or [])]:
        phrase = normalise(name)
        if phrase and phrase not in found:
            found.append(phrase)
    return found


def check_long_form(record, handbook, log):
    """Check that a long form names its source, that a source is not named for no long form, and that terms have none."""
    d = record.data
    if d.kepanjangan and not d.kepanjangan_sumber:
        log.add(record.file, record.line_of("kepanjangan"), "kepanjangan_sumber",
                "kepanjangan perlu sumber: isi kepanjangan_sumber dengan id sumber yang menyebutnya, atau hapus kepanjangan")
    if d.kepanjangan_sumber and not d.kepanjangan:
        log.add(record.file, record.line_of("kepanjangan_sumber"), "kepanjangan_sumber",
                "kepanjangan_sumber hanya dipakai bersama kepanjangan")
    if d.kepanjangan and d.jenis == "istilah":
        log.add(record.file, record.line_of("kepanjangan"), "kepanjangan",
                "istilah (bukan singkatan) tidak punya kepanjangan; ubah jenis menjadi singkatan atau hapus kepanjangan")


TYPE = ContentType(
    name="glosarium",
    topics=Topics("Huruf", "huruf", by_letter("glosarium"), in_nav=False, preview=5, noun="istilah",
                  heading="Istilah berawalan {title}"),
    order=80,
    own_section=Section(
        title="Glosarium",
        description="Singkatan dan istilah yang dipakai TKSK, dengan kepanjangan dan artinya.",
    ),
    label="Glosarium",
    files="glosarium.yml",
    search_boost=0.5,
    many=True,
    regional="istilah",
    title="istilah",
    summary="arti",
    checks=(check_long_form,),
    schema=Obj(
        Field("id", Id()),
        Field("istilah", Text(), doc="bentuk pendek seperti tertulis: TKSK, e-warong"),
        Field("jenis", Choice(JENIS), doc="singkatan (punya kepanjangan, dimuat atau belum) atau istilah"),
        Field("kepanjangan", Text(), required=False, doc="kepanjangan singkatan, hanya bila sumber menyebutnya"),
        Field("kepanjangan_sumber", ListOf(Ref("sumber"), min_items=1), required=False,
              doc="id sumber yang menyebut kepanjangan itu; wajib bila kepanjangan diisi"),
        Field("alias", ListOf(Text()), required=False, doc="sebutan lain, misalnya nama lama: PMKS"),
        Field("arti", Text(), doc="penjelasan singkat dengan kata-kata sendiri, hanya yang dinyatakan sumber"),
        terkait_field(),
        sumber_field(),
    ),
)
