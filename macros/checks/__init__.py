"""Every check of the handbook, in one registry, in the order they run: ``tksk validate``, the build and the
tests all run this list (through ``macros.load.handbook.load_handbook``), so an editor learns of every problem
from the same place.

Two stages. While the data is read (``macros.load``), each field is checked by its kind (``macros.model.schema``)
and every reference is resolved; those errors come first. Then:

1. ``READ`` checks need only the records as read: they run even when other errors were found;
2. ``LINKED`` checks need valid data with every reference resolved: they run only when no error was found so far.

Advice (coverage gaps, ``ContentType.advice``) and reports (figures, ``ContentType.reports``) come after the
checks and never stop a build.
To add a check: write it in a module of this package, taking a ``Subject`` and the ``ErrorLog``, and list it below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.checks import cross_record, links, prose, scope, sources
from macros.checks.personal_data import check_personal_data
from macros.checks.status_words import check_status_words
from macros.common.errors import ErrorLog
from macros.model.handbook import Handbook
from macros.types import ALL


@dataclass
class Subject:
    """What the checks look at: the handbook as read, the project it came from, and what they need besides."""

    handbook: Handbook
    root: Path
    #: official office contacts text may carry (``data/kontak-resmi.yml``, read by ``macros.load.contacts``)
    allowed_contacts: frozenset[str] = frozenset()
    #: the source texts, read once per run; None when their folder is absent (those checks are then skipped)
    seeds: sources.Seeds | None = None
    #: what was skipped and why, for `tksk validate` to say
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    name: str  #: what it checks, in a few words (README, tests)
    run: Callable[[Subject, ErrorLog], None]
    linked: bool = True  #: needs valid data with references resolved (see the module's docstring)


def _needs_seeds(check: Callable[[Subject, ErrorLog], None]) -> Callable[[Subject, ErrorLog], None]:
    def run(subject: Subject, log: ErrorLog) -> None:
        if subject.seeds is None:
            note = sources.skipped_note(subject.root)
            if note not in subject.notes:
                subject.notes.append(note)
            return
        check(subject, log)
    return run


CHECKS: tuple[Check, ...] = (
    Check("data pribadi (NIK, nomor telepon, e-mail) di setiap teks",
          lambda s, log: check_personal_data(s.handbook.records.values(), s.allowed_contacts, log), linked=False),
    Check("pemeriksaan setiap jenis isi (ContentType.checks)", lambda s, log: cross_record.check_records(s.handbook, log)),
    Check("setiap singkatan ada di glosarium", lambda s, log: cross_record.check_acronyms(s.handbook, log)),
    Check("sumber berkeyakinan sedang ditulis \"dilaporkan\"", lambda s, log: cross_record.check_reported_facts(s.handbook, log)),
    Check("riwayat berurutan, terbaru di akhir", lambda s, log: cross_record.check_history_order(s.handbook, log)),
    Check("lapisan wilayah memakai sumber nasional atau sumber wilayahnya sendiri",
          lambda s, log: cross_record.check_layer_sources(s.handbook, log)),
    Check("status bertanggal di setiap kalimat (berjalan per …, belum dipastikan)",
          lambda s, log: check_status_words(s.handbook, log)),
    Check("praktik satu Dinsos tidak ditulis sebagai tugas setiap TKSK",
          lambda s, log: scope.check_regional_wording(s.handbook, log)),
    Check("tautan hanya ke alamat web, e-mail, telepon atau catatan buku saku",
          lambda s, log: links.check_link_targets(s.handbook, log)),
    Check("makro di halaman tulisan tangan (tautan, daftar)", lambda s, log: prose.check_page_macros(s.root, s.handbook, log)),
    Check("kata-kata sendiri, bukan salinan naskah sumber",
          _needs_seeds(lambda s, log: sources.check_own_words(s.handbook, s.root, s.seeds, log))),
    Check("kutipan, nama dan judul persis seperti di naskah sumber",
          _needs_seeds(lambda s, log: sources.check_quotes(s.handbook, s.seeds, log))),
)


def run_checks(subject: Subject, log: ErrorLog) -> None:
    """Run the ``READ`` checks, then, on data with no error so far, the ``LINKED`` ones and the types' advice."""
    for check in CHECKS:
        if not check.linked:
            check.run(subject, log)
    if log:
        return
    for check in CHECKS:
        if check.linked:
            check.run(subject, log)
    if not log:
        handbook = subject.handbook
        handbook.advice = [line for t in ALL for advise in t.advice for line in advise(handbook)]
        handbook.reports = [line for t in ALL for report in t.reports for line in report(handbook)]
