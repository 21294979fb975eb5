"""Checks against the source texts themselves (the seeds: the news reports and rakor notes the handbook rests on).

- Own words: no run of ``RUN`` words in data/, content/ or docs/ repeats a source with ``CHANGES`` or fewer
  words changed, unless it is a marked quotation, a name or an official title (``schema.Verbatim``).
- Quotes, names and titles are found word for word in a source the record cites, or in FACTS.md beside
  the seeds' folder: nothing presented as a source's words is invented.

The seeds are not part of the handbook's repository. Their folder is ``../shared/seeds`` beside the project,
or ``TKSK_NASKAH``; when it is absent these checks are skipped, with a note that says so.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from macros.checks.near_copy import NearCopyFinder, Source, words
from macros.common.errors import ErrorLog
from macros.model.handbook import Handbook
from macros.model.record import Record, texts

#: The variable that names the seeds' folder (absolute, or relative to the project).
ENV = "TKSK_NASKAH"
DEFAULT = Path("..") / "shared" / "seeds"
FACTS = "FACTS.md"
#: Each seed (by the number its file name starts with) and the id of the sumber record that stands for it.
SEED_SOURCES = {
    "000": "berita-rakor-mensos-tksk-2020",
    "001": "berita-konsolidasi-tksk-2019",
    "002": "berita-dinsos-lampung-2017",
    "003": "berita-rakor-probolinggo-2021",
    "004": "berita-rakor-sulbar-2023",
}
#: Hand-written pages, checked for near-copies like the data.
PROSE = ("content", "docs")
#: A list marker at the start of a line of a quote: formatting, not the source's words.
LIST_MARKER = re.compile(r"^\s*(?:\d+\.|[-*])\s+", re.MULTILINE)


@dataclass(frozen=True)
class Seeds:
    """The source texts, each under the id of the sumber record that stands for it, and FACTS.md's words."""

    folder: Path
    by_source: dict[str, Source]
    facts: str  #: FACTS.md as words separated by single spaces, with a space at each end ("" when absent)

    @property
    def finder(self) -> NearCopyFinder:
        return _finder(self.folder, tuple(self.by_source.values()))


def seeds_folder(root: Path) -> Path:
    """Return the seeds' folder for the project in ``root``: ``TKSK_NASKAH`` or ``../shared/seeds``."""
    return (root / os.environ.get(ENV, str(DEFAULT))).resolve()


def read_seeds(root: Path) -> Seeds | None:
    """Return the seeds of the project in ``root``, or None when their folder is missing or holds no ``*.txt``."""
    folder = seeds_folder(root)
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        return None
    by_source = {SEED_SOURCES.get(p.name[:3], p.name): Source.from_text(f"{folder.name}/{p.name}", p.read_text(encoding="utf-8"))
                 for p in paths}
    facts = folder.parent / FACTS
    return Seeds(folder, by_source, " " + " ".join(words(facts.read_text(encoding="utf-8"))) + " " if facts.is_file() else "")


def skipped_note(root: Path) -> str:
    return (f"naskah sumber tidak ditemukan di {seeds_folder(root)}: pemeriksaan kata-kata sendiri dan kutipan persis "
            f"dilewati (atur {ENV} ke folder naskah sumber)")


@cache
def _finder(folder: Path, sources: tuple[Source, ...]) -> NearCopyFinder:
    return NearCopyFinder(list(sources))  # indexing the seeds is most of the work: once per process


def _own_word_runs(record: Record, ids: set[str]):
    """Yield the record's own words as runs of ``(word, field path)``; a name, title or quote ends a run."""
    run: list[tuple[str, str]] = []
    for path, text in texts(record.data):
        if path == "id" or text in ids:
            continue
        if path in record.verbatim:
            yield run
            run = []
            continue
        run += [(word, path) for word in words(text)]
    yield run


def _first_copied(copy) -> int:
    """Return the index (in the text's words) of the first word of a near-copy that the source also has: the
    alignment may take in a differing word before it, which would name the line above."""
    theirs = set(copy.source_text.split())
    return next((copy.start + i for i, word in enumerate(copy.text.split()) if word in theirs), copy.start)


def _copy_message(copy) -> str:
    return (f"{len(copy.text.split())} kata berturut-turut hampir sama dengan naskah sumber {copy.source} baris {copy.line} "
            f"(\"{copy.source_text}\"); tulis dengan kata-kata sendiri, atau jadikan kutipan bila kata-katanya penting")


def check_own_words(handbook: Handbook, root: Path, seeds: Seeds, log: ErrorLog) -> None:
    """Report every near-copy of a seed in the data and in the hand-written pages."""
    finder, ids = seeds.finder, set(handbook.records)
    for record in handbook.records.values():
        if record.parent is not None:
            continue  # a nested record's text is its parent's, checked there
        for run in _own_word_runs(record, ids):
            for copy in finder.find([word for word, _ in run]):
                path = run[_first_copied(copy)][1]
                log.add(record.file, record.line_of(path), record.where(path), _copy_message(copy))
    for folder in PROSE:
        for page in sorted((root / folder).rglob("*.md")):
            mine = Source.from_text(page.relative_to(root).as_posix(), page.read_text(encoding="utf-8"))
            for copy in finder.find(list(mine.tokens)):
                log.add(mine.name, mine.lines[_first_copied(copy)], "", _copy_message(copy))


def check_quotes(handbook: Handbook, seeds: Seeds, log: ErrorLog) -> None:
    """Report every quote, name or title not found word for word in a seed the record cites, nor in FACTS.md."""
    for record in handbook.records.values():
        if record.parent is not None:
            continue
        cited = [seeds.by_source[s] for s in record.data.get("sumber") or [] if s in seeds.by_source]
        haystacks = [" " + " ".join(seed.tokens) + " " for seed in cited] + [seeds.facts]
        values = dict(texts(record.data))
        for path in record.verbatim:
            for part in re.split(r"…|\.\.\.", LIST_MARKER.sub("", values[path])):
                needle = " ".join(words(part))
                if needle and not any(f" {needle} " in hay for hay in haystacks):
                    log.add(record.file, record.line_of(path), record.where(path),
                            f"\"{part.strip()}\" ditulis sebagai kata-kata sumber, tetapi tidak ditemukan persis di naskah "
                            f"sumber yang dikutip catatan ini (atau di {FACTS}); salin persis, atau tulis dengan kata-kata sendiri")
