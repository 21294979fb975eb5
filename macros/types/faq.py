"""Questions as a TKSK asks them, answered from the sources; linked to a rakor only where its report covers the theme."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_choice
from macros.model.schema import Choice, Field, Id, ListOf, Obj, Ref, Text
from macros.types.base import riwayat_field, sumber_field

#: Questions of each topic the Tanya Jawab index shows (the first ones in the topic's file).
ON_INDEX = 3
TOPIK = {
    "peran-tksk": "Peran dan kedudukan TKSK",
    "regulasi": "Aturan yang berlaku",
    "bansos": "Penyaluran bantuan sosial",
    "data-penerima": "Data penerima bantuan",
    "pelaporan": "Pelaporan",
    "perlindungan-tksk": "Perlindungan bagi TKSK",
    "jejaring": "Jejaring kerja dan koordinasi",
}



def check_rakor_report(record, handbook, log):
    """Check that an FAQ linked to a rakor cites that rakor's report, so "dibahas di" means what it says."""
    rakor_id = record.data.rakor
    if not rakor_id or rakor_id not in handbook.records:
        return
    reports = [s for s in handbook.get(rakor_id).data.sumber
               if s in handbook.records and handbook.get(s).data.jenis == "berita-rakor"]
    if not set(reports) & set(record.data.sumber):
        log.add(record.file, record.line_of("rakor"), "rakor",
                f"FAQ ini tidak mengutip laporan rakor \"{rakor_id}\" ({', '.join(reports) or 'tidak ada'}); "
                "isi rakor hanya bila laporan rakor itu membahas temanya, dan cantumkan laporan itu di sumber")


TYPE = ContentType(
    where=("nasional", "wilayah"),
    name="faq",
    # The index shows each question with its answer folded in, about 0.16 KB gzip each, and must stay a light next page
    # (10 KB, bench/pages.py; 9.9 KB with all 31 questions): it lists them whole only while that is no longer than
    # its preview; past that, ON_INDEX a topic and a link to each topic's own pages.
    topics=Topics("Topik", "topik", by_choice("faq", "topik", TOPIK), preview=ON_INDEX, noun="pertanyaan",
                  listed_whole=ON_INDEX * len(TOPIK)),
    order=50,
    own_section=Section(
        title="Tanya Jawab",
        description="Pertanyaan TKSK dari rapat koordinasi beserta jawaban singkat dan rujukannya.",
    ),
    label="Tanya Jawab",
    files="faq/*.yml",
    search_boost=2,
    many=True,
    title="pertanyaan",
    summary="jawaban",
    checks=(check_rakor_report,),
    schema=Obj(
        Field("id", Id()),
        Field("pertanyaan", Text(), doc="pertanyaan seperti diucapkan TKSK"),
        Field("jawaban", Text(), doc="jawaban singkat; rincian ada di rujukan"),
        Field("topik", Choice(TOPIK)),
        Field("rakor", Ref("rakor"), required=False,
              doc="rakor yang laporannya membahas tema ini (laporan itu juga dicantumkan di sumber); kosongkan bila tidak ada"),
        Field("rujukan", ListOf(Ref("sop", "tugas", "regulasi", "program"), min_items=1),
              doc="SOP, tugas, regulasi atau program yang menjawabnya"),
        sumber_field(),
        riwayat_field(required=False),
    ),
)
