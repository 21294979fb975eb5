"""The checks registry (macros/checks/): one list, in order, run by `tksk validate`, the build and the tests alike;
the source checks (own words, exact quotes) against a seeds folder chosen with TKSK_NASKAH."""

from __future__ import annotations

import pytest

from macros.checks import CHECKS
from macros.checks.sources import ENV
from macros.tools.cli import main
from tests.support.data import BASE, errors_of, faq_answering

SEED = ("Judul berita\n"
        "Jejaring kerja menjadi dasar bagi TKSK yang seringkali memberikan layanan langsung kepada masyarakat, "
        "dengan jejaring kerja akan mudah mendapatkan kepercayaan dan dukungan.\n")
COPY = "Jejaring kerja menjadi dasar bagi TKSK yang sering memberikan layanan langsung kepada masyarakat."


@pytest.fixture
def seeds(tmp_path, monkeypatch, today):
    """A seeds folder with one source text, and FACTS.md beside it, named by TKSK_NASKAH."""
    folder = tmp_path / "naskah" / "seeds"
    folder.mkdir(parents=True)
    (folder / "000_uji.txt").write_text(SEED, encoding="utf-8")
    (folder.parent / "FACTS.md").write_text("Rakor uji membahas kata persis dari fakta.\n", encoding="utf-8")
    monkeypatch.setenv(ENV, str(folder))
    return folder


def test_checks_run_in_their_stated_order():
    """Check the registry's order: personal data on everything read first, then the checks that need linked data."""
    assert [c.linked for c in CHECKS][:1] == [False] and all(c.linked for c in CHECKS[1:])
    assert [c.name for c in CHECKS][-2:] == ["kata-kata sendiri, bukan salinan naskah sumber",
                                             "kutipan, nama dan judul persis seperti di naskah sumber"]


def test_near_copy_in_data_is_an_error_with_its_place(tree, seeds):
    """Check that a sentence copied from a seed with one word changed is reported at its file, line and field."""
    root = tree({"data/faq/peran-tksk.yml": faq_answering(COPY)})
    errors = errors_of(root)
    assert len(errors) == 1, errors
    assert errors[0].startswith("data/faq/peran-tksk.yml:3: jawaban: ")
    assert "kata berturut-turut hampir sama dengan naskah sumber seeds/000_uji.txt baris " in errors[0]
    assert "jejaring kerja menjadi dasar bagi tksk yang seringkali memberikan layanan langsung" in errors[0]
    assert errors[0].endswith("tulis dengan kata-kata sendiri, atau jadikan kutipan bila kata-katanya penting")


def test_own_words_pass(tree, seeds):
    root = tree({"data/faq/peran-tksk.yml": faq_answering("TKSK sering melayani warga secara langsung, jadi jejaring kerja "
                                                                  "menjadi dasarnya.")})
    assert errors_of(root) == []


def test_near_copy_in_a_hand_written_page_is_an_error(tree, seeds):
    root = tree({"docs/tentang.md": f"# Tentang\n\nSatu baris.\n{COPY}\n"})
    errors = errors_of(root)
    assert len(errors) == 1 and errors[0].startswith("docs/tentang.md:4: "), errors
    assert "hampir sama dengan naskah sumber seeds/000_uji.txt" in errors[0]


def test_a_quote_must_be_found_word_for_word(tree, seeds):
    """Check that a marked quote missing from every cited seed and from FACTS.md is an error, and one in FACTS.md is not."""
    rakor = BASE["data/rakor/rakor-uji.yml"] + (
        "kutipan:\n  - teks: {teks}\n    oleh: Kepala Dinas uji, 2021\n    sumber: berita-uji\n")
    invented = errors_of(tree({"data/rakor/rakor-uji.yml": rakor.format(teks="Kata yang tidak pernah diucapkan.")}))
    assert invented == ["data/rakor/rakor-uji.yml:11: kutipan[1].teks: \"Kata yang tidak pernah diucapkan.\" ditulis sebagai "
                        "kata-kata sumber, tetapi tidak ditemukan persis di naskah sumber yang dikutip catatan ini (atau di "
                        "FACTS.md); salin persis, atau tulis dengan kata-kata sendiri"]
    assert errors_of(tree({"data/rakor/rakor-uji.yml": rakor.format(teks="Kata persis dari fakta.")})) == []


def test_without_seeds_the_source_checks_are_skipped_with_a_note(tree, monkeypatch, capsys, today, tmp_path):
    """Check that `tksk validate` says which checks it skipped, and why, when the seeds folder is absent."""
    monkeypatch.setenv(ENV, str(tmp_path / "tidak-ada"))
    root = tree({"data/faq/peran-tksk.yml": faq_answering(COPY)})
    assert main(["validate", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert (f"catatan: naskah sumber tidak ditemukan di {tmp_path / 'tidak-ada'}: pemeriksaan kata-kata sendiri dan "
            f"kutipan persis dilewati (atur {ENV} ke folder naskah sumber)") in out
