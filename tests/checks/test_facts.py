"""The facts rules of the real data that a machine can check beyond the registry (macros/checks/): every source used,
every glossary entry used, every seed traced to a rakor, no stray URLs."""

from __future__ import annotations

import re
from functools import cache

import pytest

from macros.checks.sources import SEED_SOURCES, read_seeds
from macros.load.handbook import load_handbook
from macros.model.handbook import Handbook
from macros.model.record import texts
from tests.support.data import ROOT, SEEDS

#: A web address in any form a writer might paste one.
URL = re.compile(r"https?:|www\.", re.IGNORECASE)
#: Hand-written pages, checked for near-copies like the data.
PROSE = ("content", "docs")


def need_seeds():
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed folder {SEEDS} is missing or empty: nothing to compare the data against")


@cache
def handbook() -> Handbook:
    return load_handbook(ROOT)


def texts_of(record):
    """Yield ``(record, field path, text)`` for each text of a record, ids and references left out."""
    for path, text in texts(record.data):
        if path != "id" and text not in handbook().records:
            yield record, path, text


def all_texts():
    """Yield ``(record, field path, text)`` for every text of every record under data/."""
    for record in handbook().records.values():
        yield from texts_of(record)


def test_the_source_checks_ran_on_the_real_data():
    """Check that the own-words and exact-quote checks (macros/checks/sources.py) ran on the real data, not skipped:
    loading it without an error then means no near-copy and no quote missing from its source."""
    need_seeds()
    assert read_seeds(ROOT) is not None
    assert handbook().notes == []


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
