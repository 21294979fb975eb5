"""Near-copies: runs of words that keep a source's wording with only a word or two changed."""

from __future__ import annotations

import pytest

from macros.checks.near_copy import NearCopyFinder, Source

SEED = (
    "Judul berita\n"
    "Jejaring kerja menjadi dasar bagi TKSK yang seringkali memberikan layanan langsung kepada masyarakat, "
    "dengan jejaring kerja akan mudah mendapatkan kepercayaan dan dukungan.\n"
)


@pytest.fixture(scope="module")
def finder():
    return NearCopyFinder([Source.from_text("seed.txt", SEED)])


@pytest.mark.parametrize(("text", "found"), [
    pytest.param("Jejaring kerja menjadi dasar bagi TKSK yang seringkali memberikan layanan langsung.", True, id="exact"),
    pytest.param("JEJARING KERJA, menjadi dasar bagi TKSK; yang seringkali memberikan layanan langsung", True, id="case-and-punctuation"),
    pytest.param("Jejaring kerja adalah dasar bagi TKSK yang sering memberikan layanan langsung.", True, id="two-words-swapped"),
    pytest.param("Jejaring kerja menjadi dasar bagi TKSK yang seringkali layanan langsung kepada masyarakat", True, id="one-word-dropped"),
    pytest.param("Jejaring kerja menjadi dasar utama bagi para TKSK yang seringkali memberikan layanan", True, id="two-words-added"),
    pytest.param("Jejaring kerja adalah dasar bagi TKSK yang sering melayani warga secara langsung.", False, id="three-words-changed"),
    pytest.param("TKSK sering melayani warga secara langsung, jadi jejaring kerja menjadi dasarnya.", False, id="own-words"),
    pytest.param("Jejaring kerja menjadi dasar bagi TKSK.", False, id="shorter-than-a-run"),
])
def test_finds_copies_with_up_to_two_words_changed(finder, text, found):
    """Check that a run of 10 words within two word edits of the source is found, and three edits are not."""
    assert bool(finder.find(text)) is found


def test_names_both_places(finder):
    """Check that a near-copy names the copied words, the source, its line and the source's words."""
    (copy,) = finder.find("Kata Menteri: jejaring kerja adalah dasar bagi TKSK yang sering memberikan layanan langsung.")
    assert copy.source == "seed.txt" and copy.line == 2
    assert copy.text.startswith("jejaring kerja adalah dasar")
    assert copy.source_text.startswith("jejaring kerja menjadi dasar")
    assert str(copy).startswith('"jejaring kerja adalah dasar') and "~ seed.txt:2" in str(copy)


def test_overlapping_runs_make_one_stretch(finder):
    """Check that a long copied stretch is reported once, not once per run of ten words."""
    copies = finder.find(SEED.splitlines()[1])
    assert len(copies) == 1
    assert copies[0].text.endswith("kepercayaan dan dukungan")


def test_run_must_fit_its_pieces():
    """Check that a run too short to hold an intact piece per allowed change is refused."""
    with pytest.raises(ValueError):
        NearCopyFinder([], run=8, changes=2)
