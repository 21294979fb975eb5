"""Session plans for trainers: a rakor or training session built from the curriculum, printed as a kit.

A plan names its stage, the modules it covers, an agenda whose minutes add up to its duration, and
discussion questions. Its page is the trainer's kit: agenda with times, what to read, the FAQs already
answered at earlier rakor on the same records, a quiz sheet, the answer key on its own pages and a
sign-in sheet, all printable on A4. Its sources are its own ``sumber`` and those of its modules and of the FAQs
it prints (``plan_sources``).

The section also has "Susun sesi sendiri" (``rencana/susun/``): a trainer picks modules and FAQs in the
browser and prints a kit of the same parts plus a handout, pre- and post-test and a tally sheet. What it
adds around the modules is declared here (``OPENING``, ``CLOSING``, the defaults); its data is made once per
build from the same records (macros/render/composer.py), and docs/javascripts/susun.js does the rest.
"""

from __future__ import annotations

import re

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_reference
from macros.model.schema import Field, Id, Integer, ListOf, Obj, Ref, Text
from macros.types.base import riwayat_field, sumber_field

CLOCK = re.compile(r"^([01]\d|2[0-3])\.([0-5]\d)$")
#: Rows of a sign-in sheet when a plan does not say how many take part.
SIGN_IN_ROWS = 20
#: The composer's page in the section (``rencana/susun/``): no plan may take its name as id.
COMPOSER = "susun"
#: What a composed session holds besides its modules and breaks, in minutes: written once here, used by the
#: page (bagian/rencana/susun.md.j2 says it) and by susun.js (which computes the times).
OPENING = ("Pembukaan dan daftar hadir", 15)
CLOSING = ("Penutupan, rangkuman, dan tindak lanjut", 15)
MINUTES_PER_TEST_QUESTION = 1
#: A composed session's settings before the trainer changes them; also the bounds a shared link is checked against.
COMPOSER_DEFAULTS = {"mulai": "08.00", "istirahat": 15, "peserta": 20}
COMPOSER_LIMITS = {"istirahat": (0, 120), "peserta": (1, 200)}


class Clock(Text):
    """A time of day as written in Indonesia: ``08.00``."""

    expected = "jam mulai dengan format JJ.MM, misalnya 08.00"

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is not None and not CLOCK.match(value):
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis \"{value}\"")
            return None
        return value


def check_agenda(record, handbook, log):
    """Check that the agenda's minutes add up to the duration and that it only names modules the plan covers."""
    d = record.data
    total = sum(item.menit or 0 for item in d.agenda)
    if d.durasi and total != d.durasi:
        log.add(record.file, record.line_of("durasi"), "durasi",
                f"jumlah menit agenda ({total}) tidak sama dengan durasi ({d.durasi}); samakan keduanya")
    for i, item in enumerate(d.agenda, 1):
        if item.modul and item.modul not in d.modul:
            log.add(record.file, record.line_of(f"agenda[{i}].modul"), f"agenda[{i}].modul",
                    f"modul \"{item.modul}\" dibahas di agenda tetapi tidak ada di daftar modul rencana ini")


def check_id_is_free(record, handbook, log):
    """Check that a plan's id does not take the address of a page of the section ("Susun sesi sendiri")."""
    if record.id in TYPE.own_section.pages:
        log.add(record.file, record.line_of("id"), "id",
                f"id \"{record.id}\" sudah dipakai halaman rencana/{record.id}/ (Susun sesi sendiri); pilih id lain")


def agenda_times(record) -> list[tuple[str, str]]:
    """Return ``(from, to)`` for each agenda item: clock times from ``mulai``, else minutes from the start."""
    start = record.data.mulai
    minute = int(start[:2]) * 60 + int(start[3:]) if start else 0
    times = []
    for item in record.data.agenda:
        end = minute + item.menit
        times.append((_clock(minute), _clock(end)) if start else (f"{minute}", f"{end} menit"))
        minute = end
    return times


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}.{minutes % 60:02d}"


def minutes(total: int) -> str:
    """Say a duration as trainers do: ``3 jam 30 menit``."""
    hours, rest = divmod(total, 60)
    parts = ([f"{hours} jam"] if hours else []) + ([f"{rest} menit"] if rest or not hours else [])
    return " ".join(parts)


def covered_records(plan, handbook) -> set[str]:
    """Every record the plan's modules read or ask about."""
    return modules_cover([handbook.get(m) for m in plan.data.modul])


def modules_cover(modules) -> set[str]:
    """Every record the modules read or ask about."""
    return {ref for m in modules for ref in (*m.data.bacaan, *(q.rujukan for q in m.data.soal))}


def earlier_faqs(plan, handbook) -> list:
    """FAQs whose theme an earlier rakor discussed and that answer from the records this plan covers."""
    return faqs_answered_at_rakor(covered_records(plan, handbook), handbook)


def faqs_answered_at_rakor(covered: set[str], handbook) -> list:
    """FAQs discussed at an earlier rakor that are, or answer from, one of the ``covered`` records (handbook order)."""
    return [f for f in handbook.of_type("faq")
            if f.data.rakor and (f.id in covered or covered & set(f.data.rujukan))]


def plan_sources(plan, handbook) -> list[str]:
    """The sources a plan rests on besides its own: its modules' (readings and questions), then those of the FAQs
    its kit prints as answered at earlier rakor."""
    modules = [handbook.get(m) for m in plan.data.modul]
    return [s for r in (*modules, *earlier_faqs(plan, handbook)) for s in handbook.sources_of(r)]


def example_selection(module_ids: list[str], **settings) -> str:
    """The address fragment of a composed session: modules in order with a break (``-``) halfway, the defaults.

    ``tksk pdf`` prints the first stage's as its composed example kit; the page offers one per stage.
    """
    order = list(module_ids)
    if len(order) > 1:
        order.insert((len(order) + 1) // 2, "-")
    values = {**COMPOSER_DEFAULTS, **settings}
    return f"modul={','.join(order)}&mulai={values['mulai']}&istirahat={values['istirahat']}&peserta={values['peserta']}"


def _helpers(handbook) -> dict:
    return {"agenda_times": agenda_times, "minutes": minutes, "sign_in_rows": SIGN_IN_ROWS,
            "earlier_faqs": lambda plan: earlier_faqs(plan, handbook),
            "plan_modules": lambda plan: [handbook.get(m) for m in plan.data.modul],
            "example_selection": example_selection,
            "composer_agenda": {"opening": OPENING, "closing": CLOSING, "per_question": MINUTES_PER_TEST_QUESTION}}


TYPE = ContentType(
    name="rencana",
    topics=Topics("Tahap", "tahap", by_reference("rencana", "tahap", "Lainnya"), in_nav=False, preview=5, noun="rencana sesi",
                  heading="Rencana sesi {title}"),
    label="Rencana sesi",
    #: a kit repeats the questions, answers and readings it bundles; the record itself is the better search answer
    search_boost=0.5,
    files="rencana/*.yml",
    many=False,
    order=75,
    checks=(check_agenda, check_id_is_free),
    template_helpers=_helpers,
    sources=plan_sources,
    own_section=Section(
        title="Untuk Pelatih",
        description=("Perangkat pelatih untuk rakor dan pelatihan TKSK: agenda, bahan, soal, kunci jawaban dan daftar "
                     "hadir yang siap dicetak."),
        pages=(COMPOSER,),
    ),
    nav=lambda handbook: [{"Susun sesi sendiri": f"rencana/{COMPOSER}.md"}],
    schema=Obj(
        Field("id", Id(), doc="id tetap rencana; menjadi alamat halamannya: rencana/<id>/"),
        Field("judul", Text()),
        Field("tahap", Ref("kurikulum"), doc="tahap kurikulum yang menjadi dasar sesi ini"),
        Field("untuk", Text(), doc="siapa pesertanya"),
        Field("ringkasan", Text()),
        Field("durasi", Integer(15, 960), doc="lama sesi dalam menit; sama dengan jumlah menit agenda"),
        Field("mulai", Clock(), required=False, doc="jam mulai (JJ.MM), bila agenda ingin ditulis dengan jam"),
        Field("tujuan", ListOf(Text(), min_items=1), doc="yang dicapai peserta di akhir sesi"),
        Field("agenda", ListOf(Obj(
            Field("menit", Integer(1, 480)),
            Field("kegiatan", Text()),
            Field("modul", Ref("modul"), required=False, doc="modul yang dibahas pada bagian ini"),
            Field("catatan", Text(), required=False, doc="petunjuk bagi pelatih"),
        ), min_items=2), doc="urutan kegiatan dengan menitnya"),
        Field("modul", ListOf(Ref("modul"), min_items=1), doc="modul kurikulum yang dibahas"),
        Field("diskusi", ListOf(Text(), min_items=1), doc="pertanyaan diskusi untuk peserta"),
        Field("persiapan", ListOf(Text()), required=False, doc="yang perlu disiapkan pelatih"),
        Field("peserta", Integer(1, 200), required=False,
              doc=f"jumlah peserta: baris daftar hadir; bila kosong {SIGN_IN_ROWS} baris"),
        sumber_field(),
        riwayat_field(),
    ),
)
