"""A Dinsos editor publishes a regulation update: one new rule replaces one in force, and every reader sees it."""

from __future__ import annotations

import re

import pytest

from macros.common import clock
from tests.support.project import build, copy_project
from tests.support.data import ROOT

#: The editor publishes the update on the day the suite runs (the real data is checked against the real day).
TODAY = clock.today().isoformat()
NEW_RULE = f"""\
# yaml-language-server: $schema=../../schemas/regulasi.json
id: permensos-5-2026
jenis: Permensos
nomor: "5"
tahun: {TODAY[:4]}
judul: Tenaga Kesejahteraan Sosial Kecamatan
status: berlaku
status_sumber: [uji-pengumuman]
ditetapkan: {TODAY}
ringkasan: Aturan uji yang menggantikan Permensos 28 Tahun 2018.
pokok: [Isi uji.]
sumber: [uji-pengumuman]
riwayat:
  - {{tanggal: {TODAY}, perubahan: Terbit pertama.}}
"""
SOURCE = """
- id: uji-pengumuman
  judul: Pengumuman uji
  jenis: laman-resmi
  penerbit: Kementerian Sosial
  keyakinan: tinggi
  cakupan: nasional
  inti: Pengumuman uji tentang aturan TKSK yang baru.
"""


def text(path) -> str:
    """Return a built page's text without tags, spaces squeezed."""
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """Build a copy of the real handbook in which Permensos 28/2018 is replaced by a new rule."""
    root = tmp_path_factory.mktemp("pembaruan")
    old = (ROOT / "data/regulasi/permensos-28-2018.yml").read_text(encoding="utf-8")
    old = old.replace("status: berlaku\nstatus_sumber: [dinsos-kab-semarang-2023, laman-dinsos-dan-berita-2020-2025]\n",
                      "status: dicabut\nstatus_sumber: [uji-pengumuman]\ndiganti_oleh: permensos-5-2026\n")
    old = old.replace("sumber: [teks-permensos-28-2018,", "sumber: [uji-pengumuman, teks-permensos-28-2018,")
    old = old.rstrip("\n") + f"\n  - {{tanggal: {TODAY}, perubahan: Dicabut dan diganti Permensos 5/{TODAY[:4]}.}}\n"
    duty = (ROOT / "data/tugas/fungsi-koordinasi-fasilitasi-administrasi.yml").read_text(encoding="utf-8")
    duty = duty.replace("dasar: [permensos-28-2018]", "dasar: [permensos-28-2018, permensos-5-2026]")
    project = copy_project(root / "p", {
        "data/regulasi/permensos-28-2018.yml": old,
        "data/regulasi/permensos-5-2026.yml": NEW_RULE,
        "data/sumber.yml": (ROOT / "data/sumber.yml").read_text(encoding="utf-8") + SOURCE,
        "data/tugas/fungsi-koordinasi-fasilitasi-administrasi.yml": duty,
    })
    site = root / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_old_rule_says_it_is_replaced_and_by_what(updated):
    """Check that the replaced rule's page says it is revoked and links the rule now in force."""
    page = text(updated / "regulasi/permensos-28-2018/index.html")
    assert "Dicabut" in page and "Yang berlaku sekarang" in page
    assert 'href="../permensos-5-2026/"' in (updated / "regulasi/permensos-28-2018/index.html").read_text(encoding="utf-8")


def test_new_rule_has_its_page_and_names_what_it_replaces(updated):
    """Check that the new rule's page exists, reads as in force with its source, and lists the rule it replaces."""
    page = text(updated / "regulasi/permensos-5-2026/index.html")
    assert "Berlaku · menurut Kementerian Sosial" in page
    assert "Menggantikan: Permensos 28/2018 (dicabut)" in page


def test_neighbours_show_both_rules_and_warn(updated):
    """Check that a duty based on both rules lists each with its state and warns about the revoked one."""
    page = text(updated / "tugas/fungsi-koordinasi-fasilitasi-administrasi/index.html")
    assert "Disusun berdasarkan aturan yang tidak berlaku lagi" in page
    basis = page.split("Dasar hukum")[-1]
    assert "Permensos Nomor 28 Tahun 2018 tentang Tenaga Kesejahteraan Sosial Kecamatan — Dicabut" in basis
    assert f"Permensos Nomor 5 Tahun {TODAY[:4]} tentang Tenaga Kesejahteraan Sosial Kecamatan — Berlaku" in basis


def test_change_reaches_the_updates_page_and_the_feed(updated):
    """Check that the change is listed on Pembaruan and in the Atom feed, linked to the changed page."""
    change = f"Dicabut dan diganti Permensos 5/{TODAY[:4]}."
    assert change in text(updated / "pembaruan/index.html")
    feed = (updated / "feed.xml").read_text(encoding="utf-8")
    entry = next(e for e in feed.split("<entry>")[1:] if change in e)
    assert "regulasi/permensos-28-2018/" in entry
