"""Status words in prose: a sentence that says a program runs or a rule is in force now carries the status's date.

A record's status is a claim with a date (``macros.model.status``): Program Sembako "berjalan per Desember
2023"; UU 11/2009 "belum dipastikan". Prose elsewhere must not turn that into a timeless "kini berjalan" or
"masih berlaku". So every sentence of every text field is read, clause by clause (a clause opening with "yang"
stays with the one before it), and a clause that

1. names a record whose status holds only per a date (``StatusRule.dated``) or is not confirmed, by a name
   derived from the records (a program's ``judul``, the parts of a title such as "Program Sembako" and "Bantuan
   Pangan Non Tunai", its ``singkatan``; a regulation's number in every common spelling: "Permensos 20/2019",
   "Permensos Nomor 20 Tahun 2019", "Peraturan Menteri Sosial ..." with the long form of ``jenis`` from the
   glossary; and the glossary's terms, long forms and aliases of an entry that points to the record and shares
   one of those names: BPNT, Sembako), or points back to one named before ("aturan ini", "program itu"),
2. uses a present-state word (``PRESENT``: berjalan, berlaku, masih, kini, sekarang, saat ini, ...),
3. and carries no date, in the clause or before it in the sentence ("Pada 2023, ..."): no year outside the names
   themselves, other than one that only opens a period ("sejak 2020", "mulai 2020": the period reaches today)

is reported with its file, line and field, and the fix. A sentence is not a claim about today, and is left alone,
when it is a question, asks "apakah" (whether), says the status is "belum dipastikan", or is history ("dulu",
"pernah", "saat itu"); words in quotation marks are someone's words, not the handbook's. What the check does not
read: change notes (``riwayat``: dated by their own ``tanggal``, and about this handbook's text), a source's own
words (``Verbatim`` fields), and a question's wrong options, which are wrong on purpose (an old rule taken as
current is a distractor the design guide asks for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.common.errors import ErrorLog
from macros.model.handbook import Handbook
from macros.model.record import Record, texts
from macros.model.schema import BULAN, top_field
from macros.model.status import UNCONFIRMED

#: Words that put a state in the present: a program running, a rule in force, now.
PRESENT = re.compile(r"\b(berjalan|berlaku|masih|kini|sekarang|saat ini|hari ini|dewasa ini|sampai sekarang)\b", re.IGNORECASE)
#: Words that make a sentence history, or not a claim at all.
HISTORY = re.compile(r"\b(dulu|dahulu|pernah|semula|saat itu|waktu itu|kala itu|ketika itu)\b", re.IGNORECASE)
NOT_A_CLAIM = re.compile(r"\b(apakah|belum dipastikan|tidak dipastikan)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = "|".join(BULAN)
#: A year that only opens a period ("sejak April 2019", "mulai 2020"): the period runs on to today, so it dates nothing.
OPENING = re.compile(rf"\b(?:sejak|semenjak|mulai)\s+(?:(?:tanggal\s+)?\d{{1,2}}\s+)?(?:(?:bulan\s+)?(?:{_MONTH})\s+)?"
                     rf"(?:tahun\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
#: Text in quotation marks: someone's words (a TKSK in a scenario, a term being named), not the handbook's claim.
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
#: Where a sentence ends: after . ! ? (before a capital, a digit or an opening mark) or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[*_]*\s+(?=[\"“(*A-Z0-9])|\n+")
#: Where a clause ends inside a sentence: a comma, semicolon or colon, or before a conjunction that opens a new one.
_CLAUSE_END = re.compile(r"\s*[,;:]\s*|\s+(?=(?:karena|sebab|sedangkan|tetapi|namun|padahal|sehingga)\b)")
#: Words that point back to a rule or a program named before ("Aturan ini masih berlaku").
ANAPHOR = re.compile(r"\b(?:aturan|peraturan|program|undang-undang|instruksi|pedoman) (?:ini|itu|tersebut)\b", re.IGNORECASE)
#: Abbreviations a full stop does not end a sentence after.
_ABBREVIATIONS = ("No.", "Kab.", "Kec.", "Prov.", "Kel.", "dll.", "dsb.", "dst.", "hlm.", "Dr.", "H.", "Hj.", "St.")
#: The most of a clause a message quotes, in characters.
CLAUSE_SHOWN = 90
#: A question's path inside a module, for its options and answer.
_QUESTION_PART = re.compile(r"^soal\[(\d+)\]\.(pilihan\[\d+\]|jawaban(?:\[\d+\])?)$")


@dataclass(frozen=True)
class Named:
    """A record whose status holds only per a date, or is not confirmed, and the patterns that name it."""

    record: Record
    patterns: tuple[re.Pattern, ...]

    @property
    def status_words(self) -> str:
        """How the record's own status reads: "berjalan per Desember 2023", "belum dipastikan"."""
        d = self.record.data
        if d.status == UNCONFIRMED:
            return "belum dipastikan"
        return f"{d.status} per {d.status_per.indonesian()}" if d.get("status_per") else d.status


def sentences(text: str) -> list[str]:
    """Split a text into sentences (a full stop after "No." or "Kab." ends none)."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()]
        if "\n" not in match.group(0) and before.rsplit(None, 1)[-1] in _ABBREVIATIONS:
            continue
        parts.append(before)
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _regulation_pattern(record: Record, long_forms: dict[str, list[str]]) -> re.Pattern:
    """Every common spelling of a regulation's number: ``Permensos 20/2019``, ``Peraturan Menteri Sosial Nomor 20 Tahun 2019``."""
    d = record.data
    kinds = "|".join(re.escape(k) for k in sorted({d.jenis, *long_forms.get(d.jenis, [])}, key=len, reverse=True))
    number = "0*" + re.escape(d.nomor.lstrip("0") or "0")
    return re.compile(rf"\b(?:{kinds})(?:\s+[A-Z][\w-]*){{0,3}}\s+(?:(?:Nomor|No\.?)\s*)?{number}"
                      rf"(?:\s*/\s*|\s+(?:Tahun|Th\.?)\s+){d.tahun}\b")


def _title_names(record: Record) -> set[str]:
    """A program's names from its own fields: its title, the title's parts around brackets, its short name."""
    d = record.data
    names = {record.title, record.short, d.get("singkatan") or ""}
    bracketed = re.fullmatch(r"(.+?)\s*\((.+)\)", record.title)
    if bracketed:
        names |= {bracketed.group(1), bracketed.group(2)}
    return {n.strip() for n in names if n and n.strip()}


def _glossary_names(record: Record, names: set[str], handbook: Handbook) -> set[str]:
    """The terms, long forms and aliases of glossary entries that point to the record and share one of its names."""
    found = set()
    for entry in handbook.of_type("glosarium"):
        d = entry.data
        words = {d.istilah, d.get("kepanjangan") or "", *(d.get("alias") or [])} - {""}
        if record.id in (d.get("terkait") or []) and words & names:
            found |= words
    return found


def named_records(handbook: Handbook) -> list[Named]:
    """Every record whose status is dated or not confirmed, with the patterns that name it in text."""
    long_forms: dict[str, list[str]] = {}
    for entry in handbook.of_type("glosarium"):
        if entry.data.get("kepanjangan"):
            long_forms.setdefault(entry.data.istilah, []).append(entry.data.kepanjangan)
    found = []
    for record in handbook.records.values():
        rule = record.type.status
        if rule is None or not (record.data.status in rule.dated or record.data.status == UNCONFIRMED):
            continue
        if record.type.short_title:  # a regulation: named by its number, never by its title's words ("DTKS", "TKSK")
            patterns = [_regulation_pattern(record, long_forms)]
        else:
            names = _title_names(record)
            names |= _glossary_names(record, names, handbook)
            patterns = [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])") for n in sorted(names, key=len, reverse=True)]
        found.append(Named(record, tuple(patterns)))
    return found


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of a sentence's clauses; a clause opening with "yang" belongs to the one before it."""
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(sentence):
        if re.match(r"\s*yang\b", sentence[match.end():], re.IGNORECASE):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return spans


def _names_in(text: str, named: list[Named]) -> list[tuple[Named, str, tuple[int, int]]]:
    """Each record the text names, with the name it used and where (its first mention), in reading order."""
    found = []
    for item in named:
        for pattern in item.patterns:
            match = pattern.search(text)
            if match:
                found.append((item, match.group(0), match.span()))
                break
    return sorted(found, key=lambda hit: hit[2])


def _dated(text: str, named: list[Named]) -> bool:
    """Whether the text carries a year of its own: not inside a name ("Permensos 20/2019"), not one opening a period."""
    names = [m.span() for item in named for pattern in item.patterns for m in pattern.finditer(text)]
    opening = {m.start(1) for m in OPENING.finditer(text)}
    return any(m.start() not in opening and not any(a <= m.start() < b for a, b in names) for m in YEAR.finditer(text))


@dataclass(frozen=True)
class Claim:
    """A clause that says a record runs or is in force now, with no date: the record, the words naming it, the clause."""

    item: Named
    name: str
    clause: str


def undated_claims(text: str, named: list[Named], own: Named | None = None) -> list[Claim]:
    """Return each record the text says is running or in force now without a date, with the words that named it.

    A clause says so when it has a present-state word and names the record, or refers to it as "aturan ini",
    "program itu": the record named earlier in the sentence, else in the sentence before, else (``own``) the record
    whose text this is.
    """
    claims: list[Claim] = []
    topic = [own] if own else []
    for sentence in sentences(text):
        plain = QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
        hits = _names_in(plain, named)
        if plain.rstrip().endswith("?") or NOT_A_CLAIM.search(plain) or HISTORY.search(plain):
            topic = [item for item, _, _ in hits] or topic
            continue
        for start, end in _clauses(plain):
            clause = plain[start:end]
            if not PRESENT.search(clause) or _dated(plain[:end], named):
                continue  # a date in this clause or before it ("Pada 2023, ...") dates it
            here = [(item, name) for item, name, (a, _) in hits if start <= a < end]
            if not here and (anaphor := ANAPHOR.search(clause)):
                before = [item for item, _, (a, _) in hits if a < start] or topic
                here = [(item, anaphor.group(0)) for item in before]
            claims += [Claim(item, name, clause.strip()) for item, name in here
                       if all(item is not c.item for c in claims)]
        topic = [item for item, _, _ in hits] or topic
    return claims


def _readable(record: Record) -> list[tuple[str, str]]:
    """The record's texts that speak for the handbook: not ids and references, not a source's own words, not its
    change notes, not a question's wrong options, and not its nested records (each is read as a record itself)."""
    skip = {"id", "riwayat", *record.type.reference_fields, *(c.field for c in record.type.children)}
    found = []
    for path, text in texts(record.data):
        if top_field(path) in skip or path in record.verbatim:
            continue
        part = _QUESTION_PART.match(path) if "soal" in record.data else None
        if part:
            question = record.data.soal[int(part.group(1)) - 1]
            if part.group(2).startswith("jawaban") or text not in question.jawaban:
                continue  # the answer repeats its option (read there); a wrong option is wrong on purpose
        found.append((path, text))
    return found


def message(claim: Claim) -> str:
    """Say which clause names which record without its date, and how to write it instead."""
    record = claim.item.record
    where = record.file.removeprefix("data/")
    name = f"\"{claim.name}\"" + (f" ({record.short})" if claim.name not in record.short else "")
    said = " ".join(claim.clause.split())
    said = f"\"{said if len(said) <= CLAUSE_SHOWN else said[:CLAUSE_SHOWN - 1].rstrip() + '…'}\""
    if record.data.status == UNCONFIRMED:
        return (f"{said} menyebut {name} berjalan atau berlaku sekarang, padahal statusnya belum dipastikan ({where}); "
                "tulis apa yang diatur atau dicatat sumbernya beserta tahunnya, atau sebut statusnya \"belum dipastikan\"")
    return (f"{said} menyebut {name} berjalan atau berlaku tanpa tanggal; tulis \"per {record.data.status_per.indonesian()}\" "
            f"seperti status catatannya ({where}: {claim.item.status_words})")


def check_status_words(handbook: Handbook, log: ErrorLog) -> None:
    """Report every sentence that says a dated or unconfirmed program or rule runs or is in force now, with no date."""
    named = named_records(handbook)
    own = {item.record.id: item for item in named}
    for record in handbook.records.values():
        for path, text in _readable(record):
            for claim in undated_claims(text, named, own.get(record.id)):
                log.add(record.file, record.line_of(path), record.where(path), message(claim))
