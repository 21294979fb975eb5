"""Regional editions: a Dinsos's layer (wilayah/<id>/data/) beside the national data, built as that region's
edition with `tksk build --wilayah <id>`; the national edition is unchanged by it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from macros.load.handbook import load_handbook
from macros.render.renderer import Renderer
from tests.support.data import BASE, LAYER, RIWAYAT, ROOT, errors_of, write_layer, write_tree
from macros.tools.serve import serving
from tests.support.links import broken_links
from tests.support.phone import PHONE
from tests.support.project import copy_project

REGIONAL_SOURCE = "berita-daerah-uji"  # the base tree's source of Dinsos Kabupaten Uji
NOTE = "id: catatan-uji\njudul: Laporan di Kabupaten Uji\nuntuk: sop-uji\nteks: Di Kabupaten Uji laporan dikirim ke Dinsos.\n" \
       "sumber: [berita-uji]\n" + RIWAYAT


#: The title of a region's note box on a national page.
NOTE_TITLE = '<p class="admonition-title">Di Kabupaten Probolinggo</p>'


def _pages(root, wilayah=None) -> dict[str, str]:
    return {p.src_uri: p.markdown for p in Renderer(load_handbook(root, wilayah=wilayah)).record_pages()}


def test_a_note_shows_on_its_national_record_only_in_the_regional_edition(tmp_path, today):
    """Check that a layer's note is a box on the national record's page, named by the region, linking to the note,
    and that the national edition neither shows it nor has the layer's pages."""
    root = write_layer(write_tree(tmp_path), {"catatan/catatan-uji.yml": NOTE})
    regional = _pages(root, LAYER)
    sop = regional["sop/sop-uji.md"]
    assert '!!! note "Di Kabupaten Uji"\n\n    Di Kabupaten Uji laporan dikirim ke Dinsos.' in sop
    assert "(../catatan/catatan-uji.md)" in sop
    assert sop.index("Di Kabupaten Uji") < sop.index("## Langkah")
    assert "catatan/catatan-uji.md" in regional and "wilayah/kabupaten-uji.md" in regional
    assert "Sop uji" not in regional["wilayah/kabupaten-uji.md"] and "[Laporan di Kabupaten Uji]" in regional["wilayah/kabupaten-uji.md"]
    national = _pages(root)
    assert "Di Kabupaten Uji" not in national["sop/sop-uji.md"]
    assert not any(uri.startswith(("catatan/", "wilayah/")) for uri in national)


def test_a_layers_own_record_is_marked_as_the_dinsos_s(tmp_path, today):
    """Check that a rakor written in the layer says on its page that it is the Dinsos's addition, not national."""
    own = BASE["data/rakor/rakor-uji.yml"].replace("id: rakor-uji", "id: rakor-kabupaten-uji")
    root = write_layer(write_tree(tmp_path), {"rakor/rakor-kabupaten-uji.yml": own})
    page = _pages(root, LAYER)["rakor/rakor-kabupaten-uji.md"]
    assert '!!! info "Isi Dinas Sosial Kabupaten Uji"' in page and "bukan isi buku saku nasional" in page


def test_the_editions_own_dinsos_practice_is_told_as_the_readers_dinsos(tmp_path, today):
    """Check that a record resting only on the region's own Dinsos says so in that region's edition ("Praktik Dinsos
    Anda", ask that Dinsos), while the national edition calls it another region's practice."""
    duty = BASE["data/tugas/tugas-uji.yml"].replace("sumber: [berita-uji]", f"sumber: [{REGIONAL_SOURCE}]")
    root = write_layer(write_tree(tmp_path, {"data/tugas/tugas-uji.yml": duty}))
    regional = _pages(root, LAYER)["tugas/tugas-uji.md"]
    assert '!!! info "Praktik Dinsos Anda"' in regional and "tanyakan kepada\n    Dinas Sosial Kabupaten Uji" in regional
    assert "bukan aturan untuk setiap TKSK" not in regional
    national = _pages(root)["tugas/tugas-uji.md"]
    assert '!!! info "Praktik daerah"' in national and "bukan aturan untuk setiap TKSK" in national


@pytest.fixture(scope="module")
def probolinggo_site(tmp_path_factory):
    """Build the real handbook with the Kabupaten Probolinggo layer, as `tksk build --wilayah` does."""
    tmp = tmp_path_factory.mktemp("wilayah")
    project = copy_project(tmp / "p")  # the layers come with the copy
    site = tmp / "site"
    result = subprocess.run([sys.executable, "-m", "macros", "build", "--root", str(project), "--site-dir", str(site),
                             "--wilayah", "kabupaten-probolinggo"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_probolinggo_edition_builds_with_its_name_on_every_page(probolinggo_site):
    """Check that `tksk build --wilayah kabupaten-probolinggo` on the real data names the region in the title and
    above every page, shows its notes, and leaves no link broken (print page included)."""
    site = probolinggo_site
    html = (site / "sop" / "pelaporan-berkala" / "index.html").read_text(encoding="utf-8")
    assert "<title>Pelaporan berkala kepada Dinas Sosial - Buku Saku TKSK — Kabupaten Probolinggo</title>" in html
    assert "Edisi <strong>Kabupaten Probolinggo</strong>" in html and NOTE_TITLE in html
    assert (site / "catatan" / "probolinggo-laporan-berkala" / "index.html").is_file()
    assert NOTE_TITLE in (site / "print_page" / "index.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_regional_pages_pass_axe_on_a_phone(probolinggo_site, browser, scheme):
    """Check with axe-core at 360 px that the announcement bar, a note box and the region's pages have no violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    with serving(probolinggo_site, cache_control=None) as base:
        context = browser.new_context(**PHONE, color_scheme=scheme)
        page = context.new_page()
        found = {}
        for path in ("/sop/pelaporan-berkala/", "/wilayah/kabupaten-probolinggo/", "/catatan/probolinggo-laporan-berkala/"):
            page.goto(base + path)
            expect(page.locator(".md-banner")).to_contain_text("Edisi Kabupaten Probolinggo")
            found[path] = [v["id"] for v in axe.run(page).response["violations"]]
        context.close()
    assert all(not v for v in found.values()), found


def test_the_national_edition_has_no_regional_layer(site):
    """Check that the plain build shows no region's banner, note or page."""
    html = (site / "sop" / "pelaporan-berkala" / "index.html").read_text(encoding="utf-8")
    assert '<div class="md-banner' not in html and NOTE_TITLE not in html
    assert not (site / "catatan").exists() and not (site / "wilayah").exists()


def test_a_layer_cites_only_national_sources_or_its_own_region(tmp_path, today):
    """Check that a note citing another region's Dinsos is refused, naming both regions, and its own region's passes."""
    other = ("- id: berita-lain\n  judul: Berita Dinsos lain\n  jenis: berita-rakor\n  penerbit: Dinas Sosial Kabupaten Lain\n"
             "  tanggal: 2022-01-10\n  keyakinan: tinggi\n  inti: Dinsos Kabupaten Lain memberi arahan.\n  cakupan: daerah\n"
             "  wilayah: Kabupaten Lain\n")
    note = NOTE.replace("sumber: [berita-uji]", "sumber: [berita-lain]")
    root = write_layer(write_tree(tmp_path), {"sumber.yml": other, "catatan/catatan-uji.yml": note})
    assert errors_of(root, LAYER) == [
        f'wilayah/{LAYER}/data/catatan/catatan-uji.yml:5: sumber[1]: sumber "berita-lain" adalah suara Dinsos Kabupaten Lain, '
        "bukan Kabupaten Uji; lapisan Kabupaten Uji hanya memakai sumber nasional atau sumber Dinsos Kabupaten Uji"]
    own = NOTE.replace("sumber: [berita-uji]", f"sumber: [{REGIONAL_SOURCE}]")
    assert errors_of(write_layer(write_tree(tmp_path / "b"), {"catatan/catatan-uji.yml": own}), LAYER) == []
