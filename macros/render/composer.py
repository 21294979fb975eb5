"""The data of "Susun sesi sendiri" (``rencana/susun/``), made once per build from the handbook.

The page carries it as a JSON block (``<script type="application/json" id="susun-data">``: data, not code, so
the Content-Security-Policy needs no hash for it, macros/outputs/csp.py), and docs/javascripts/susun.js builds
the trainer's kit from it in the browser. Being part of the page, it is saved for offline reading with the
page itself (macros/outputs/offline.py). Every text is the records' own, as plain text (``plain``): nothing
is written here that the data does not say.
"""

from __future__ import annotations

import posixpath

from macros.model.handbook import Handbook
from macros.model.scope import record_scope
from macros.render.safe_text import plain
from macros.types.kurikulum import JENIS_SOAL, stage_modules
from macros.types.rencana import (
    CLOSING,
    COMPOSER_DEFAULTS,
    COMPOSER_LIMITS,
    MINUTES_PER_TEST_QUESTION,
    OPENING,
    example_selection,
    faqs_answered_at_rakor,
    modules_cover,
)


def composer_data(handbook: Handbook, address: str, url_dir: str) -> dict:
    """Return everything the composer needs, ready for JSON.

    - ``tahap``: the stages in order, each with its module ids; ``modul``: each module's title, minutes,
      objectives (``tujuan``), readings (``bacaan``, ids), questions and the FAQs of ``faq``;
    - ``catatan``: each record a module reads or a question cites, once: title, type, address and its key
      point, which is the record's own summary field (``ContentType.summary``: a reading's ``ringkasan``, an
      FAQ's ``jawaban``, a term's ``arti``), and for a record that rests only on regional sources its label
      (``cakupan``: "Praktik Dinsos Kabupaten Probolinggo, 2021", macros/model/scope.py);
    - ``faq``: the FAQs already answered at an earlier rakor on a module's records, by the rule written plans
      use (``faqs_answered_at_rakor``); for a set of modules they are the union of each module's;
    - ``agenda``, ``bawaan``, ``batas``: what a session holds besides modules, the defaults and the bounds
      (macros/types/rencana.py); ``contoh``: the first stage's example selection;
    - ``alamat``: what printed addresses start with (``printed_address``); ``akar``: the way from the page
      (served at ``url_dir``) back to the site's root, for links on screen.
    """
    records: dict[str, dict] = {}

    def cite(record_id: str) -> str:
        if record_id not in records:
            r = handbook.get(record_id)
            records[record_id] = {"judul": plain(r.title), "jenis": r.type.label, "url": r.url, "inti": plain(r.summary)}
            scope = record_scope(r, handbook)
            if not scope.national:  # one Dinsos's practice: the kit prints its label beside the key point
                records[record_id]["cakupan"] = scope.label
        return record_id

    stages = sorted(handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    modules: dict[str, dict] = {}
    answered_anywhere: set[str] = set()
    for stage in stages:
        for m in stage_modules(stage, handbook):
            answered = [f.id for f in faqs_answered_at_rakor(modules_cover([m]), handbook)]
            answered_anywhere.update(answered)
            modules[m.id] = {
                "judul": plain(m.title), "menit": m.data.menit, "url": m.url, "tahap": stage.id,
                "tujuan": [plain(t) for t in m.data.tujuan],
                "bacaan": [cite(ref) for ref in m.data.bacaan],
                "soal": [_question(q, cite) for q in m.data.soal],
                "faq": answered,
            }
    faqs = {}
    for f in handbook.of_type("faq"):
        if f.id in answered_anywhere:
            rakor = handbook.get(f.data.rakor)
            faqs[f.id] = {"pertanyaan": plain(f.title), "jawaban": plain(f.data.jawaban), "url": f.url,
                          "rakor": {"judul": plain(rakor.title), "url": rakor.url}}
    return {
        "alamat": address,
        "akar": posixpath.relpath(".", url_dir) + "/",
        "tahap": [{"id": s.id, "judul": plain(s.data.judul), "modul": [m.id for m in stage_modules(s, handbook)]}
                  for s in stages],
        "modul": modules,
        "faq": faqs,
        "catatan": records,
        "agenda": {"pembukaan": list(OPENING), "penutupan": list(CLOSING), "menit_per_soal": MINUTES_PER_TEST_QUESTION},
        "bawaan": COMPOSER_DEFAULTS,
        "batas": {name: list(bounds) for name, bounds in COMPOSER_LIMITS.items()},
        "contoh": example_selection([m.id for m in stage_modules(stages[0], handbook)]) if stages else "",
    }


def _question(q, cite) -> dict:
    """A question as the sheets print it: options in their written order, answers as option numbers from 0."""
    return {"id": q.id, "jenis": q.jenis, "petunjuk": JENIS_SOAL[q.jenis], "situasi": plain(q.situasi or ""),
            "teks": plain(q.teks), "pilihan": [plain(o) for o in q.pilihan],
            "jawaban": [q.pilihan.index(a) for a in q.jawaban], "penjelasan": plain(q.penjelasan),
            "rujukan": cite(q.rujukan)}
