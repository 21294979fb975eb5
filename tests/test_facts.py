"""The facts rules that a machine can check: no copied seed text, every seed traced to a rakor, no stray URLs."""

from __future__ import annotations

import re
from functools import cache

import pytest

from macros.handbook import Handbook, load_handbook, texts
from tests.helpers import ROOT, SEEDS

#: How many consecutive words, shared with a seed, count as copying.
RUN = 8
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
#: Words as the comparison sees them: letters and digits, so case and punctuation never hide a copy.
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


def copied_stretches(tokens: list[str], known: dict[tuple[str, ...], str]) -> list[tuple[str, str]]:
    """Return ``(copied words, seed file)`` for each stretch of ``tokens`` made of overlapping runs found in a seed."""
    stretches: list[tuple[int, int, str]] = []
    for i in range(len(tokens) - RUN + 1):
        seed = known.get(tuple(tokens[i:i + RUN]))
        if seed is None:
            continue
        if stretches and i <= stretches[-1][1]:
            start, _, first_seed = stretches[-1]
            stretches[-1] = (start, i + RUN, first_seed)
        else:
            stretches.append((i, i + RUN, seed))
    return [(" ".join(tokens[start:end]), seed) for start, end, seed in stretches]


@cache
def handbook() -> Handbook:
    return load_handbook(ROOT)


@cache
def seed_runs() -> dict[tuple[str, ...], str]:
    """Every run of ``RUN`` words in every seed, mapped to the seed file it comes from."""
    found: dict[tuple[str, ...], str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for run in runs(words(path.read_text(encoding="utf-8"))):
            found.setdefault(run, path.name)
    return found


def all_texts():
    """Yield ``(record, field path, text)`` for every text of every record under data/."""
    for record in handbook().records.values():
        for path, text in texts(record.data):
            yield record, path, text


def test_no_text_copies_a_seed():
    """Check that no text under data/ repeats 8 consecutive words of a seed, ignoring case and punctuation."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed folder {SEEDS} is missing or empty: nothing to compare the data against")
    known = seed_runs()
    copies = []
    for record, path, text in all_texts():
        for copied, seed in copied_stretches(words(text), known):
            copies.append(f"{record.file}: {record.id}: {path}: \"{copied}\" (from {seed})")
    assert not copies, f"{len(copies)} stretch(es) of {RUN}+ words copied from a seed; paraphrase them:\n" + "\n".join(copies)


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
