"""PDF for paper (macros/tools/pdf.py, `tksk pdf`): each trainer's kit and the whole handbook, printed by Chromium.

The real handbook is built once (the ``site`` fixture) and printed once into a temporary folder; the
tests read the PDFs' text with pypdf.
"""

from __future__ import annotations

import gzip
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from macros.tools import pdf
from macros.tools.cli import main
from tests.support.data import ROOT

pytestmark = pytest.mark.browser


def _plans() -> dict[str, dict]:
    """Every session plan in data/rencana/, by id."""
    plans = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "data/rencana").glob("*.yml"))]
    return {plan["id"]: plan for plan in plans}


def _words(text: str) -> str:
    """Text as a reader sees it: Markdown marks dropped, whitespace (line wraps) as single spaces."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())


def _page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


@pytest.fixture(scope="session")
def printed(site, tmp_path_factory):
    """Print the real handbook's kits and the whole handbook once; return (folder, files, report lines)."""
    out = tmp_path_factory.mktemp("pdf")
    lines: list[str] = []
    # Its own thread: playwright's sync API refuses to start where another test module's browser runs.
    with ThreadPoolExecutor(max_workers=1) as pool:
        written = pool.submit(pdf.write_pdfs, site, out, lines.append).result()
    return out, written, lines


@pytest.fixture(scope="session")
def kit_texts(printed) -> dict[str, list[str]]:
    """The text of each page of each kit PDF, by plan id."""
    out, _, _ = printed
    return {plan_id: _page_texts(out / f"{plan_id}.pdf") for plan_id in _plans()}


def test_one_pdf_per_kit_and_the_whole_handbook(printed):
    """Check that every session plan has its kit PDF, the handbook has its own, and nothing else is written."""
    out, written, lines = printed
    plans = _plans()
    assert plans, "data/rencana/ has no session plan: the kit PDFs cannot be checked"
    expected = {f"{plan_id}.pdf" for plan_id in plans} | {pdf.HANDBOOK_PDF, pdf.COMPOSED_PDF}
    assert {w.path.name for w in written} == expected
    assert {p.name for p in out.iterdir()} == expected, "a temporary or extra file was left in the output folder"
    for w in written:
        assert w.size > 10_000 and w.pages >= 1, w
        assert PdfReader(w.path).pages[0].mediabox.width == pytest.approx(595, abs=2), f"{w.path.name} is not A4"
    assert len(lines) == len(written), f"the writer warned: {lines}"  # e.g. a request that left 127.0.0.1


def test_kit_pdf_has_several_pages_and_its_agenda(kit_texts):
    """Check that each kit prints on several A4 pages and carries every activity of its plan's agenda."""
    for plan_id, plan in _plans().items():
        pages = kit_texts[plan_id]
        assert len(pages) > 1, f"{plan_id}.pdf has a single page"
        text = _words(" ".join(pages))
        assert _words(plan["judul"]) in text
        for item in plan["agenda"]:
            assert _words(item["kegiatan"]) in text, f"{plan_id}.pdf lacks the agenda item {item['kegiatan']!r}"


@pytest.mark.parametrize("heading", ["Lembar soal", "Kunci jawaban", "Daftar hadir"])
def test_each_part_of_a_kit_starts_on_its_own_page(kit_texts, heading):
    """Check that the quiz sheet, the answer key and the sign-in sheet each start a page, so they print apart."""
    parts = ("Lembar soal", "Kunci jawaban", "Daftar hadir")
    for plan_id, pages in kit_texts.items():
        found = [i for i, text in enumerate(pages) if heading in text.splitlines()]
        assert len(found) == 1, f"{plan_id}.pdf: heading {heading!r} on pages {[i + 1 for i in found]}"
        lines = [line for line in pages[found[0]].splitlines() if not re.fullmatch(r"\s*Halaman \d+\s*", line)]
        assert f"Halaman {found[0] + 1}" in pages[found[0]], f"{plan_id}.pdf page {found[0] + 1} has no page number"
        others = [p for p in parts if p != heading and p in lines]
        assert not others, f"{plan_id}.pdf page {found[0] + 1}: {heading!r} shares the page with {others}"
        assert lines[0].strip() == heading, f"{plan_id}.pdf page {found[0] + 1} starts with {lines[0]!r}, not {heading!r}"


def test_kit_pdf_prints_as_a_trainer_reads_it(kit_texts):
    """Check the paper fixes in each written kit: link addresses printed, the kind of question with 'Anda' as written."""
    for plan_id, pages in kit_texts.items():
        text = _words(" ".join(pages))
        assert "(/kurikulum/" in text.replace(" ", ""), f"{plan_id}.pdf prints no link address"
        assert not re.search(r"\banda\b", text), f"{plan_id}.pdf writes 'anda' in lower case"
        assert "(Pilih satu jawaban)" in text


#: The parts of a composed kit after its agenda, each starting a sheet, in order (docs/javascripts/susun.js).
COMPOSED_PARTS = ("Bahan peserta", "Lembar soal", "Kunci jawaban", "Pre-test", "Post-test", "Rekap nilai", "Daftar hadir")


def test_composed_example_kit_has_every_part(site, printed, real_handbook):
    """Check `tksk pdf`'s composed example (the composer's own example: the first stage's modules): agenda with its
    modules, then handout, quiz sheet, answer key, pre-test, post-test, tally and sign-in sheets each starting a page,
    and as many sign-in rows as the example's participants."""
    out, _, _ = printed
    example = pdf.composed_example(site)
    assert example and example.startswith("rencana/susun/#modul=")
    settings = dict(part.split("=", 1) for part in example.split("#", 1)[1].split("&"))
    modules = [real_handbook.get(m) for m in settings["modul"].split(",") if m != "-"]
    first = min(real_handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    assert [m.id for m in modules] == [m.id for m in first.data.modul]
    pages = _page_texts(out / pdf.COMPOSED_PDF)
    lines = [[line.strip() for line in text.splitlines() if line.strip() and not re.fullmatch(r"Halaman \d+", line.strip())]
             for text in pages]
    starts = []
    for heading in COMPOSED_PARTS:
        found = [i for i, page_lines in enumerate(lines) if page_lines[:1] == [heading]]
        assert len(found) == 1, f"{pdf.COMPOSED_PDF}: {heading!r} starts pages {[i + 1 for i in found]}"
        starts.append(found[0])
    assert starts == sorted(starts) and starts[0] >= 1, starts
    agenda = _words(" ".join(pages[:starts[0]]))
    assert "Agenda" in agenda and f"{settings['mulai']}–" in agenda
    for m in modules:
        assert _words(m.data.judul) in agenda
    sign_in = "\n".join(pages[starts[-1]:])
    rows = [int(n) for n in re.findall(r"(?m)^(\d+)\s*$", sign_in)]
    assert rows == list(range(1, int(settings["peserta"]) + 1)), rows


def test_handbook_pdf_has_an_indonesian_cover_and_many_pages(printed):
    """Check the whole handbook: many pages, cover with the site name, table of contents, page numbers in Indonesian."""
    out, _, _ = printed
    reader = PdfReader(out / pdf.HANDBOOK_PDF)
    assert len(reader.pages) > 100
    cover, contents = (reader.pages[i].extract_text() for i in (0, 1))
    assert "Buku Saku TKSK" in cover and "Versi cetak" in cover
    assert "Daftar isi" in contents and len(contents.splitlines()) > 20, "the table of contents is empty"
    for text in (cover, contents):
        assert not re.search(r"\b(Page|Table of Contents|Description|Figure)\b", text), text
    assert "Halaman 1" in cover


def test_a_failed_page_leaves_no_half_file(tmp_path):
    """Check that a PDF that fails while being written leaves neither a partial file nor a changed old one."""
    target = tmp_path / "kit.pdf"
    target.write_bytes(b"old edition")

    class Response:
        ok, status = True, 200

    class FailingPage:
        def goto(self, url, wait_until):
            return Response()

        def evaluate(self, script):
            return True

        def wait_for_load_state(self, state):
            pass

        def pdf(self, path, **options):
            Path(path).write_bytes(b"%PDF-1.4 half")
            raise RuntimeError("printer gone")

    with pytest.raises(RuntimeError):
        pdf._print_page(FailingPage(), "http://127.0.0.1:1/rencana/x/", target)
    assert [p.name for p in tmp_path.iterdir()] == ["kit.pdf"]
    assert target.read_bytes() == b"old edition"


def test_tksk_pdf_reports_a_failed_build_in_indonesian(tmp_path, capfd):
    """Check that `tksk pdf` on a project that does not build exits 1 with a message and writes nothing."""
    (tmp_path / "mkdocs.yml").write_text("site_name: rusak\nplugins: [tidak-ada]\n", encoding="utf-8")
    assert main(["pdf", "--root", str(tmp_path), "--out", str(tmp_path / "pdf")]) == 1
    err = capfd.readouterr().err
    assert "PDF tidak dibuat" in err and "Traceback" not in err
    assert not (tmp_path / "pdf").exists()


def test_print_page_is_built_but_not_searched_nor_precached(site, tmp_path):
    """Check the print page: built, loads nothing from another host, absent from search and the offline pre-cache."""
    html = (site / "print_page/index.html").read_text(encoding="utf-8")
    assert "Buku Saku TKSK — versi cetak" in html
    # A canonical link names the page's published address (site_url); it loads nothing.
    assert not re.findall(r'<(?:link|script|img|iframe|source)\b(?![^>]*\brel="canonical")[^>]*(?:src|href)="(?:https?:)?//', html)
    assert not [p for p in (site / "pagefind/fragment").iterdir() if b"print_page" in gzip.decompress(p.read_bytes())]
    assert "print_page" not in (site / "sw.js").read_text(encoding="utf-8")
    # Whatever order the plugins write in, the service worker never lists it.
    from macros.outputs.offline import pages

    (tmp_path / "print_page").mkdir()
    (tmp_path / "print_page/index.html").write_text("semua halaman")
    (tmp_path / "index.html").write_text("beranda")
    assert pages(tmp_path) == [""]
