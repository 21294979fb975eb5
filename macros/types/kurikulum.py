"""The curriculum: stages of capacity building (berjenjang), each with modules a TKSK works through on the phone.

A file in ``data/kurikulum/`` is one stage; its ``modul`` list holds the modules, each a record of its
own (type ``modul``) with a stable id, a page at ``kurikulum/<id>/`` and a self-check of at least five
questions. The stages are this handbook's own design: no official tiers of TKSK training were found.

Questions are ours to write but must agree with the records they cite: every question names the record
that supports its answer, and an ordering question that cites an SOP must put that SOP's steps in the
SOP's own order.

A module's page lists as its sources those of the records it reads and asks about, and a stage's lists its own
``sumber`` and then its modules' (``module_sources``, ``stage_sources``): the curriculum restates what those
records say, so their sources are its sources, derived rather than copied by hand.
"""

from __future__ import annotations

import hashlib
import json

import yaml

from macros.model.content_type import Child, ContentType, Section
from macros.model.question_quality import (
    LONGEST_TARGET,
    STANDOUT_RATIO,
    Length,
    near_duplicates,
    right_option_length,
)
from macros.model.schema import Choice, Field, Id, Integer, ListOf, Obj, Ref, Text
from macros.types.base import riwayat_field, sumber_field

JENIS_SOAL = {
    "satu": "Pilih satu jawaban",
    "beberapa": "Pilih semua jawaban yang benar",
    "urutan": "Susun langkah menurut urutannya",
    "kasus": "Apa yang Anda lakukan?",
}
#: What a module may ask the reader to read, and a question may cite.
READABLE = ("sop", "tugas", "regulasi", "faq", "program", "rakor", "glosarium")
#: What the curriculum must teach: every record of these types is read or asked about in some module.
MUST_TEACH = {"sop": "SOP", "tugas": "Tugas"}


class AnswerList(Text):
    """One answer (text) or several (a list of texts); always returned as a list."""

    expected = "teks atau daftar teks yang sama persis dengan pilihan"

    def check(self, node, path, ctx):
        if isinstance(node, yaml.SequenceNode):
            return ListOf(Text(), min_items=1).check(node, path, ctx)
        value = Text.check(self, node, path, ctx)
        return None if value is None else [value]


class Question(Obj):
    """A self-check question: its answer must be among its options, and an ordering answer uses every step once."""

    def check(self, node, path, ctx):
        q = super().check(node, path, ctx)
        if q is None or not q.pilihan or not q.jawaban or not q.jenis:
            return q
        line = ctx.lines.get(f"{path}.jawaban", node.start_mark.line + 1)
        options = q.pilihan
        if len(set(options)) != len(options):
            ctx.log.add(ctx.file, ctx.lines.get(f"{path}.pilihan", line), f"{path}.pilihan", "ada pilihan yang ditulis dua kali")
        for answer in q.jawaban:
            if answer not in options:
                ctx.log.add(ctx.file, line, f"{path}.jawaban",
                            f"jawaban \"{answer}\" tidak ada di pilihan; tulis persis seperti salah satu pilihan")
        if q.jenis in ("satu", "kasus") and len(q.jawaban) != 1:
            ctx.log.add(ctx.file, line, f"{path}.jawaban", f"soal jenis {q.jenis} punya tepat satu jawaban; tertulis {len(q.jawaban)}")
        if q.jenis == "urutan" and sorted(q.jawaban) != sorted(options):
            ctx.log.add(ctx.file, line, f"{path}.jawaban",
                        "jawaban soal urutan harus memuat setiap langkah di pilihan tepat sekali, dalam urutan yang benar")
        if q.jenis == "urutan" and q.jawaban == options:
            ctx.log.add(ctx.file, ctx.lines.get(f"{path}.pilihan", line), f"{path}.pilihan",
                        "pilihan soal urutan sudah dalam urutan benar; acak urutannya agar soal ini menguji sesuatu")
        if q.jenis == "kasus" and not q.situasi:
            ctx.log.add(ctx.file, node.start_mark.line + 1, f"{path}.situasi", "soal jenis kasus perlu situasi lapangan (situasi)")
        return q


QUESTION = Question(
    Field("id", Id(), doc="id tetap soal, unik di seluruh kurikulum; progres pembaca disimpan dengan id ini"),
    Field("jenis", Choice(JENIS_SOAL)),
    Field("situasi", Text(), required=False, doc="untuk soal kasus: keadaan di lapangan"),
    Field("teks", Text(), doc="pertanyaannya"),
    Field("pilihan", ListOf(Text(), min_items=2), doc="pilihan jawaban; untuk soal urutan: langkah dalam urutan acak"),
    Field("jawaban", AnswerList(), doc="pilihan yang benar, ditulis persis; beberapa: daftar; urutan: semua langkah berurutan"),
    Field("penjelasan", Text(), doc="mengapa itu jawabannya, dengan kata-kata sendiri"),
    Field("rujukan", Ref(*READABLE), doc="id catatan yang mendukung jawabannya"),
)

def check_questions(module, handbook, log):
    """Check that the module's question ids are unique across the curriculum (progress is kept by them),
    and that its ordering questions follow the SOPs they cite."""
    first: dict[str, tuple[str, int]] = {}
    for other in sorted(handbook.of_type("modul"), key=lambda m: (m.file, m.line)):
        for i, q in enumerate(other.data.soal, 1):
            here = (other.file, other.line_of(f"soal[{i}].id"))
            if other is module and first.get(q.id, here) != here:
                log.add(*here, module.where(f"soal[{i}].id"),
                        f"id soal \"{q.id}\" sudah dipakai di {first[q.id][0]}:{first[q.id][1]}; id soal harus unik di seluruh kurikulum")
            first.setdefault(q.id, here)
    readable = readable_from(module, handbook)
    for i, q in enumerate(module.data.soal, 1):
        _check_order_follows_sop(module, f"soal[{i}]", q, handbook, log)
        if q.rujukan in handbook.records and q.rujukan not in readable:
            log.add(module.file, module.line_of(f"soal[{i}].rujukan"), module.where(f"soal[{i}].rujukan"),
                    f"\"{q.rujukan}\" bukan bacaan modul ini dan tidak ditautkan dari bacaannya "
                    f"({', '.join(module.data.bacaan)}): pembaca tidak bisa menjawab dari bacaan modul; "
                    "tambahkan ke bacaan, atau rujuk bacaan yang memuat jawabannya")


def readable_from(module, handbook) -> set[str]:
    """The records a module's reader meets: its readings and the records those readings link to."""
    readings = set(module.data.bacaan)
    linked = {target for target, fields in handbook.cited_by.items()
              if any(r.id in readings for referrers in fields.values() for r in referrers)}
    return readings | linked


def module_sources(module, handbook) -> list[str]:
    """The sources a module rests on: those of the records it reads, then of those its questions cite, in that order."""
    cited = dict.fromkeys([*module.data.bacaan, *(q.rujukan for q in module.data.soal)])
    return [s for ref in cited for s in handbook.sources_of(handbook.get(ref))]


def stage_sources(stage, handbook) -> list[str]:
    """The sources a stage rests on besides its own: those of its modules, in the stage's order."""
    return [s for module in stage_modules(stage, handbook) for s in handbook.sources_of(module)]


def _check_order_follows_sop(module, path, q, handbook, log):
    """An ordering question citing an SOP must list steps of that SOP, in the SOP's order."""
    if q.jenis != "urutan" or q.rujukan not in handbook.records or handbook.get(q.rujukan).type.name != "sop":
        return
    steps = [step.judul for step in handbook.get(q.rujukan).data.langkah]
    positions = [steps.index(a) if a in steps else -1 for a in q.jawaban]
    if -1 in positions or positions != sorted(positions):
        log.add(module.file, module.line_of(f"{path}.jawaban"), module.where(f"{path}.jawaban"),
                f"soal urutan merujuk SOP \"{q.rujukan}\": jawabannya harus judul langkah SOP itu, "
                f"dalam urutan SOP ({'; '.join(steps)})")


def coverage(handbook) -> list[str]:
    """Report every SOP and duty that no module reads or asks about."""
    taught = {ref for m in handbook.of_type("modul") for ref in (*m.data.bacaan, *(q.rujukan for q in m.data.soal))}
    return [f"{label} \"{r.id}\" ({r.file}) belum diajarkan di modul mana pun; tambahkan ke bacaan atau rujukan soal"
            for name, label in MUST_TEACH.items() for r in handbook.of_type(name) if r.id not in taught]


def _one_answer_questions(stage, handbook) -> list[tuple[object, Length]]:
    return [(q, length) for m in stage_modules(stage, handbook) for q in m.data.soal
            if (length := right_option_length(q)) is not None]


def _share(measured: list) -> str:
    longest = sum(length.longest for _, length in measured)
    return f"{longest} dari {len(measured)} ({longest / len(measured):.0%})" if measured else "tidak ada soal"


def guessability_report(handbook) -> list[str]:
    """Per stage and overall: how often the right option of a one-answer or scenario question is the longest."""
    stages = sorted(handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    if not stages:
        return []
    measured = {s.id: _one_answer_questions(s, handbook) for s in stages}
    every = [m for ms in measured.values() for m in ms]
    lines = [f"Soal cek mandiri: pilihan benar paling panjang (soal satu jawaban dan kasus; sasaran paling banyak "
             f"{LONGEST_TARGET:.0%}, peluang menebak {_chance(every)})"]
    lines += [f"  {s.data.judul}: {_share(measured[s.id])}" for s in stages]
    lines.append(f"  Seluruh kurikulum: {_share(every)}")
    return lines


def _chance(measured: list) -> str:
    if not measured:
        return "-"
    return f"{sum(1 / len(q.pilihan) for q, _ in measured) / len(measured):.0%}"


def guessable_questions(handbook) -> list[str]:
    """Warn when the right option gives itself away: longest too often, far longer than the rest, or asked twice."""
    found = []
    stages = sorted(handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    every = [m for s in stages for m in _one_answer_questions(s, handbook)]
    if every and sum(length.longest for _, length in every) / len(every) > LONGEST_TARGET:
        found.append(f"kurikulum: pilihan benar paling panjang di {_share(every)} soal satu jawaban dan kasus, "
                     f"lebih dari sasaran {LONGEST_TARGET:.0%}: pembaca bisa menebak tanpa membaca; samakan panjang pilihan")
    modules = {q.id: m for m in handbook.of_type("modul") for q in m.data.soal}
    for q, length in every:
        if length.ratio > STANDOUT_RATIO:
            found.append(f"{_where(modules[q.id], q)}: pilihan benar {length.ratio:.2f}× lebih panjang dari pilihan "
                         f"lain yang terpanjang (batas {STANDOUT_RATIO}×); tulis pengecoh yang sama lengkapnya")
    questions = [(q.id, q) for m in sorted(handbook.of_type("modul"), key=lambda m: (m.file, m.line)) for q in m.data.soal]
    by_id = dict(questions)
    for a, b, score in near_duplicates(questions):
        found.append(f"{_where(modules[a], by_id[a])}: soal \"{a}\" hampir sama dengan soal \"{b}\" "
                     f"({_where(modules[b], by_id[b])}; {score:.0%} kata sama); ubah salah satunya agar menguji hal lain")
    return found


def _where(module, question) -> str:
    index = next(i for i, q in enumerate(module.data.soal, 1) if q is question)
    return f"{module.file}:{module.line_of(f'soal[{index}].id')}"


def question_version(question) -> str:
    """A short fingerprint of what a question asks and expects: a reader's saved answer counts only while it holds."""
    content = json.dumps([question.jenis, question.situasi, question.teks, question.pilihan, question.jawaban], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]


MODUL = ContentType(
    name="modul",
    label="Modul",
    files="",
    many=False,
    folder="kurikulum",
    search_boost=1.5,
    summary="judul",
    checks=(check_questions,),
    sources=module_sources,
    schema=Obj(
        Field("id", Id(), doc="id tetap modul; menjadi alamat halamannya: kurikulum/<id>/"),
        Field("judul", Text()),
        Field("menit", Integer(5, 240), doc="perkiraan waktu belajar, dalam menit"),
        Field("tujuan", ListOf(Text(), min_items=1), doc="yang bisa dilakukan pembaca setelah modul ini"),
        Field("pengantar", Text(), required=False, doc="satu-dua kalimat pembuka"),
        Field("bacaan", ListOf(Ref(*READABLE), min_items=1), doc="id catatan buku saku yang dibaca di modul ini"),
        Field("soal", ListOf(QUESTION, min_items=5), doc="soal cek mandiri, paling sedikit lima"),
    ),
)


def _nav(handbook) -> list:
    """The progress page and the stages (at most 20): a stage's page lists its modules, the menu does not."""
    stages = sorted(handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    return [{"Progres saya": "kurikulum/progres.md"}, *({s.data.judul: TYPE.src_uri(s.id)} for s in stages)]


def stage_modules(stage, handbook) -> list:
    """The module records of a stage, in the stage's order."""
    return [handbook.get(m.id) for m in stage.data.modul]


def right_values(question) -> str:
    """The right answer as the quiz script reads it: option numbers from 1, comma-separated, in answer order."""
    numbers = [question.pilihan.index(answer) + 1 for answer in question.jawaban]
    return ",".join(str(n) for n in (numbers if question.jenis == "urutan" else sorted(numbers)))


def _helpers(handbook) -> dict:
    return {"version": question_version, "right_values": right_values,
            "modules_of": lambda stage: stage_modules(stage, handbook)}


TYPE = ContentType(
    name="kurikulum",
    label="Tahap belajar",
    files="kurikulum/*.yml",
    many=False,
    order=70,
    search_boost=1.5,
    children=(Child("modul", MODUL),),
    own_section=Section(
        title="Belajar",
        description=("Belajar tugas TKSK bertahap di ponsel: tahap, modul singkat, dan soal cek mandiri yang bisa "
                     "dikerjakan tanpa sinyal."),
        pages=("progres",),
    ),
    nav=_nav,
    advice=(coverage, guessable_questions),
    reports=(guessability_report,),
    template_helpers=_helpers,
    sources=stage_sources,
    schema=Obj(
        Field("id", Id(), doc="id tetap tahap; menjadi alamat halamannya: kurikulum/<id>/"),
        Field("judul", Text(), doc="judul tahap, misalnya Tahap 1: Orientasi TKSK baru"),
        Field("urutan", Integer(1, 20), doc="urutan tahap: 1, 2, 3"),
        Field("untuk", Text(), doc="siapa yang mengikuti tahap ini"),
        Field("ringkasan", Text()),
        Field("modul", ListOf(MODUL.schema, min_items=1), doc="modul tahap ini, berurutan"),
        sumber_field(),
        riwayat_field(),
    ),
)
