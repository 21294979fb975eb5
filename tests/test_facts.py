"""The facts rules that a machine can check: own words or a marked quote, every name and quote found in its source,
every source used, every seed traced to a rakor, no stray URLs."""

from __future__ import annotations

import re
from functools import cache

import pytest

from macros.checks.near_copy import NearCopyFinder, Source, words
from macros.load.handbook import Handbook, load_handbook, texts
from tests.helpers import FACTS, ROOT, SEEDS

#: Each seed (by the number its file name starts with) and the id of the sumber record that stands for it.
SEED_SOURCES = {
    "000": "berita-rakor-mensos-tksk-2020",
    "001": "berita-konsolidasi-tksk-2019",
    "002": "berita-dinsos-lampung-2017",
    "003": "berita-rakor-probolinggo-2021",
    "004": "berita-rakor-sulbar-2023",
}
#: A web address in any form a writer might paste one.
URL = re.compile(r"https?:|www\.", re.IGNORECASE)
#: A list marker at the start of a line of a quote: formatting, not the source's words.
LIST_MARKER = re.compile(r"^\s*(?:\d+\.|[-*])\s+", re.MULTILINE)
#: Hand-written pages, checked for near-copies like the data.
PROSE = ("content", "docs")


def need_seeds():
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed folder {SEEDS} is missing or empty: nothing to compare the data against")


@cache
def handbook() -> Handbook:
    return load_handbook(ROOT)


@cache
def seeds() -> dict[str, Source]:
    """Every seed by the sumber id that stands for it."""
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found[SEED_SOURCES.get(path.name[:3], path.name)] = Source.from_text(f"seeds/{path.name}", path.read_text(encoding="utf-8"))
    return found


@cache
def finder() -> NearCopyFinder:
    return NearCopyFinder(list(seeds().values()))


def texts_of(record):
    """Yield ``(record, field path, text)`` for each text of a record, ids and references left out."""
    for path, text in texts(record.data):
        if path != "id" and text not in handbook().records:
            yield record, path, text


def all_texts():
    """Yield ``(record, field path, text)`` for every text of every record under data/."""
    for record in handbook().records.values():
        yield from texts_of(record)


def own_word_runs(record):
    """Yield the record's own words as runs of ``(word, field path)``; a name, title or quote ends a run."""
    run = []
    for _, path, text in texts_of(record):
        if path in record.verbatim:
            yield run
            run = []
            continue
        run += [(word, path) for word in words(text)]
    yield run


def test_no_text_near_copies_a_seed():
    """Check that no run of 10 words in data/, content/ or docs/ repeats a seed with 2 or fewer words changed,
    unless it is a marked quotation, a name or an official title."""
    need_seeds()
    copies = []
    for record in handbook().records.values():
        for run in own_word_runs(record):
            for copy in finder().find([word for word, _ in run]):
                path = run[copy.start][1]
                copies.append(f"{record.file}:{record.line_of(path)}: {path}: {copy}")
    for folder in PROSE:
        for page in sorted((ROOT / folder).rglob("*.md")):
            mine = Source.from_text(page.relative_to(ROOT).as_posix(), page.read_text(encoding="utf-8"))
            for copy in finder().find(list(mine.tokens)):
                copies.append(f"{mine.name}:{mine.lines[copy.start]}: {copy}")
    assert not copies, (f"{len(copies)} near-copies of a seed; write them in your own words, or make them a "
                        "marked quotation (kutipan) where the exact words matter:\n" + "\n".join(copies))


def test_quotes_names_and_titles_are_found_word_for_word_in_a_cited_source():
    """Check that every marked quotation, name and official title appears word for word in a seed the record cites
    (or in FACTS.md), so nothing the handbook presents as a source's words is invented."""
    need_seeds()
    facts = " " + " ".join(words(FACTS.read_text(encoding="utf-8"))) + " "
    missing = []
    for record in handbook().records.values():
        cited = [seeds()[s] for s in record.data.get("sumber") or [] if s in seeds()]
        haystacks = [" " + " ".join(seed.tokens) + " " for seed in cited] + [facts]
        for path in record.verbatim:
            text = _value_at(record, path)
            for part in re.split(r"…|\.\.\.", LIST_MARKER.sub("", text)):
                needle = " ".join(words(part))
                if needle and not any(f" {needle} " in hay for hay in haystacks):
                    missing.append(f"{record.file}:{record.line_of(path)}: {path}: \"{part.strip()}\"")
    assert not missing, "not found word for word in a seed the record cites, nor in FACTS.md:\n" + "\n".join(missing)


def _value_at(record, path: str) -> str:
    return dict(texts(record.data))[path]


def test_every_source_is_used():
    """Check that every sumber is cited by some record: a source that nothing uses is either a gap or clutter."""
    unused = [s.id for s in handbook().of_type("sumber") if not handbook().referrers(s.id)]
    assert not unused, f"sources no record cites (use them, with 'dilaporkan' where needed, or drop them): {unused}"


def test_every_glossary_entry_is_used():
    """Check that every glossary term appears somewhere outside its own entry: unused entries are removed."""
    corpus = [text for record, _, text in all_texts() if record.type.name != "glosarium"]
    corpus += [p.read_text(encoding="utf-8") for folder in PROSE for p in (ROOT / folder).rglob("*.md")]
    corpus += [text for record, path, text in all_texts() if record.type.name == "glosarium" and path == "arti"]
    unused = []
    for entry in handbook().of_type("glosarium"):
        terms = [entry.data.istilah, *entry.data.alias]
        own = entry.data.arti
        pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(t)}(?![\w-])" for t in terms), re.IGNORECASE)
        if not any(pattern.search(text) for text in corpus if text is not own):
            unused.append(entry.id)
    assert not unused, f"glossary entries that no page uses: {unused}"


@pytest.mark.parametrize(("prefix", "source_id"), SEED_SOURCES.items(), ids=list(SEED_SOURCES.values()))
def test_every_seed_is_cited_by_a_rakor(prefix, source_id):
    """Check that each seed has its sumber record and that some rakor cites it."""
    if SEEDS.is_dir():
        assert list(SEEDS.glob(f"{prefix}_*.txt")), f"no seed file {prefix}_*.txt in {SEEDS}"
    record = handbook().records.get(source_id)
    assert record is not None and record.type.name == "sumber", f"seed {prefix} has no sumber record with id {source_id!r}"
    citing = [r.id for r in handbook().referrers(source_id, via="sumber", of_type="rakor")]
    assert citing, f"no rakor cites {source_id!r} (seed {prefix}) in its sumber"


def test_every_seed_has_a_source_id():
    """Check that every seed file in the seed folder is one of the five that have a sumber id."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} is missing: nothing to match against the sumber ids")
    unknown = [p.name for p in sorted(SEEDS.glob("*.txt")) if p.name[:3] not in SEED_SOURCES]
    assert not unknown, f"seed files with no sumber id in SEED_SOURCES: {unknown}"


def test_every_rakor_has_two_faqs():
    """Check that every rakor has at least two FAQs that name it as the rakor where they came up."""
    thin = {r.id: len(handbook().referrers(r.id, via="rakor", of_type="faq")) for r in handbook().of_type("rakor")}
    thin = {k: v for k, v in thin.items() if v < 2}
    assert not thin, f"rakor with fewer than two FAQs: {thin}"


def test_no_url_outside_sumber():
    """Check that no record other than a sumber contains a web address."""
    found = [f"{record.file}: {record.id}: {path}: {text!r}"
             for record, path, text in all_texts() if record.type.name != "sumber" and URL.search(text)]
    assert not found, "web addresses belong only in sumber records:\n" + "\n".join(found)
