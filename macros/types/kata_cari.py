"""The search-aid list (``data/kata-cari.yml``): words a TKSK types that the handbook does not use, joined to the
handbook's own words, and the words of a question that carry no meaning in a search.

Two kinds of entry:

- ``padanan``: everyday words (``kata``: "hilang", "dicoret", "tidak terdaftar") that lead to the handbook's words
  (``arah``: "data penerima berubah", "verval"). The search box (docs/javascripts/cari.js) also searches the query
  with each everyday word replaced by each of its handbook words, and ranks those pages as the reader's own.
- ``abaikan``: words of a question ("saya", "apa", "bagaimana") that the search box leaves out, so that a whole
  question is not refused because a page lacks one of them.

The list states no fact: it only joins words. So it cites no source and has no page of its own, and the checks
below keep it that way: every word is a short phrase of lower-case letters (no sentence, no number); every
handbook word is one that some record of the handbook actually uses (else the search would lead nowhere); a name
the glossary already gives (term, long form, alias: ``macros.types.glosarium.names``) is not repeated here, since
the glossary is the one source of those synonyms; an everyday word is listed once.
"""

from __future__ import annotations

import re

from macros.model.content_type import ContentType
from macros.model.record import texts
from macros.model.schema import Choice, Field, Id, ListOf, Obj, Text
from macros.types.glosarium import names as glossary_names

JENIS = {
    "padanan": "kata sehari-hari yang mengarah ke kata yang dipakai buku saku",
    "abaikan": "kata pertanyaan yang tidak bermakna dalam pencarian (saya, apa, bagaimana); tidak menghalangi hasil",
}
#: A phrase, not a sentence: at most this many words.
MAX_WORDS = 4
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*$")
#: A handbook word, as the index sees it: letters and digits, hyphenated compounds kept whole too.
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Kata(Text):
    """A word or a short phrase as a reader types it: lower-case letters, single spaces and hyphens, no number."""

    expected = f"kata atau frasa pendek (paling banyak {MAX_WORDS} kata) dengan huruf kecil, tanpa angka dan tanda baca"
    pattern = WORD.pattern

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is None:
            return None
        if not WORD.match(value):
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis \"{value}\"")
            return None
        if len(value.split()) > MAX_WORDS:
            ctx.error(node, path, f"paling banyak {MAX_WORDS} kata: daftar kata cari hanya menghubungkan kata, bukan "
                                  f"kalimat; tertulis {len(value.split())} kata")
            return None
        return value


def handbook_words(handbook) -> list[set[str]]:
    """Return the words of each record of the handbook (titles and every text field), the search-aid list's own
    entries left out."""
    found = []
    for record in handbook.records.values():
        if record.type.name == TYPE.name:
            continue
        words: set[str] = set()
        for _, text in texts(record.data):
            for token in _TOKEN.findall(text.lower()):
                words.add(token)
                words.update(token.split("-"))
        found.append(words)
    return found


def check_entries(handbook, log) -> None:
    """Check the whole list: what each kind of entry holds, that handbook words are the handbook's, that no name of the
    glossary and no everyday word is listed twice."""
    entries = handbook.of_type(TYPE.name)
    if not entries:
        return
    glossary = {name: entry for entry in handbook.of_type("glosarium") for name in glossary_names(entry)}
    records = handbook_words(handbook)
    seen: dict[str, tuple[str, int]] = {}
    for entry in entries:
        d = entry.data
        if d.jenis == "padanan" and not d.arah:
            log.add(entry.file, entry.line_of("jenis"), "arah",
                    "padanan perlu arah: kata yang dipakai buku saku, tempat kata sehari-hari ini mengarah")
        if d.jenis == "abaikan" and d.arah:
            log.add(entry.file, entry.line_of("arah"), "arah",
                    "kata yang diabaikan tidak mengarah ke mana pun; hapus arah, atau ubah jenis menjadi padanan")
        for i, word in enumerate(d.kata or [], 1):
            where = f"kata[{i}]"
            if d.jenis == "abaikan" and " " in word:
                log.add(entry.file, entry.line_of(where), where,
                        f"kata yang diabaikan ditulis satu per satu, satu kata tiap butir; tertulis \"{word}\"")
            if word in glossary:
                other = glossary[word]
                log.add(entry.file, entry.line_of(where), where,
                        f"\"{word}\" sudah menjadi nama istilah {other.data.istilah} di glosarium ({other.file}:{other.line}); "
                        "sebutan lain sebuah istilah ditulis sebagai alias di glosarium, tidak di sini")
            if word in seen:
                log.add(entry.file, entry.line_of(where), where,
                        f"\"{word}\" sudah tertulis di {seen[word][0]}:{seen[word][1]}; satu kata cukup ditulis sekali")
            else:
                seen[word] = (entry.file, entry.line_of(where))
        for i, target in enumerate(d.arah or [], 1):
            where = f"arah[{i}]"
            wanted = set(target.split())
            if not any(wanted <= words for words in records):
                log.add(entry.file, entry.line_of(where), where,
                        f"tidak ada catatan buku saku yang memuat \"{target}\"; arah harus kata yang dipakai buku saku, "
                        "supaya pencarian menemukan halamannya")
            if target in (d.kata or []):
                log.add(entry.file, entry.line_of(where), where, f"\"{target}\" juga tertulis di kata; arah adalah kata lain")


def _check_list(record, handbook, log) -> None:
    """The list is checked as a whole, once (on its first entry), so a clash between two entries is said once."""
    entries = handbook.of_type(TYPE.name)
    if entries and record is entries[0]:
        check_entries(handbook, log)


TYPE = ContentType(
    name="kata-cari",
    label="Kata cari",
    files="kata-cari.yml",
    many=True,
    order=300,
    pages=False,
    title="id",
    summary="id",
    checks=(_check_list,),
    schema=Obj(
        Field("id", Id(), doc="nama butir ini, kebab-case: hilang, kata-tanya"),
        Field("jenis", Choice(JENIS), doc="padanan (kata sehari-hari dengan arahnya) atau abaikan (kata pertanyaan)"),
        Field("kata", ListOf(Kata(), min_items=1), doc="kata yang diketik TKSK, huruf kecil; ejaan yang salah juga boleh"),
        Field("arah", ListOf(Kata(), min_items=1), required=False,
              doc="untuk padanan: kata yang dipakai buku saku (di catatan mana pun), tempat kata sehari-hari itu mengarah"),
    ),
)
