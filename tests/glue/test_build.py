"""The real handbook builds strictly, every record has its page, and the pages keep their promises."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.data import ROOT
from tests.support.links import broken_links
from tests.support.project import build, copy_project


class _Page(HTMLParser):
    """Collects what the checks need from one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and not {"canonical", "alternate"} & set((a.get("rel") or "").split()):
            self.resources.append(a["href"])
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content", "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(site) -> dict[Path, _Page]:
    return {path: parse(path) for path in site.rglob("*.html")}


def test_every_record_has_its_page(site, real_handbook):
    """Check that each record written in data/ is loaded, and has a page at its stable URL <type>/<id>/."""
    from macros.types import ALL

    written = {item["id"] for ctype in ALL if ctype.files for path in sorted((ROOT / "data").glob(ctype.files))
               for item in (lambda doc: doc if ctype.many else [doc])(yaml.safe_load(path.read_text(encoding="utf-8")))}
    assert written and written <= set(real_handbook.records), f"records written but not loaded: {written - set(real_handbook.records)}"
    missing = [r.url for r in real_handbook.records.values() if r.type.pages and not (site / r.url / "index.html").is_file()]
    assert not missing


def test_every_internal_link_resolves(site):
    """Check that every link between pages, and every script and style, reaches an existing file and named anchor."""
    assert not broken_links(site)


def test_no_page_loads_anything_from_another_host(pages):
    """Check that no script, style, font or image is loaded from another host: phones may be offline."""
    external = {r for page in pages.values() for r in page.resources if urlsplit(r).scheme in ("http", "https") or r.startswith("//")}
    assert not external


def test_no_web_fonts_are_requested(site):
    """Check that the theme uses system fonts: no Google Fonts and no @font-face to fetch."""
    assert not list(site.rglob("*.woff*"))
    text = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_every_page_has_a_title_and_link_preview(site, pages):
    """Check that every page has a real title and Open Graph title/description for WhatsApp previews."""
    problems = []
    for path, page in pages.items():
        if path.name == "404.html":
            continue
        og_title, og_desc = page.meta.get("og:title", ""), page.meta.get("og:description", "")
        if not og_title or not og_desc or len(og_desc) < 20 or page.title.startswith("Index"):
            problems.append(str(path.relative_to(site)))
    assert not problems


def test_record_page_preview_uses_the_record(site, pages):
    """Check that a record page's preview shows its own title and summary, not the site's."""
    page = pages[site / "sop" / "verval-data-kpm" / "index.html"]
    assert "verval" in page.meta["og:title"].lower()
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:description"] != yaml.safe_load((ROOT / "mkdocs.yml").read_text().split("theme:")[0])["site_description"]


def test_glossary_terms_become_tooltips(site):
    """Check that glossary terms are marked as abbreviations with their long form on ordinary pages."""
    html = (site / "sop" / "verval-data-kpm" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Tenaga Kesejahteraan Sosial Kecamatan">TKSK</abbr>' in html


def test_outdated_rule_is_flagged_where_it_is_used(site):
    """Check that a page built on Permensos 03/2013 warns and links to the rule in force."""
    html = (site / "tugas" / "tugas-umum-tksk" / "index.html").read_text(encoding="utf-8")
    warning = html.split('class="admonition warning"')[1].split("</div>")[0]
    assert "permensos-28-2018" in warning


def test_regulation_change_shows_on_the_updates_page(site):
    """Check that the updates page lists dated changes with links to the changed pages."""
    html = (site / "pembaruan" / "index.html").read_text(encoding="utf-8")
    assert "../regulasi/permensos-03-2013/" in html
    replaced = re.sub(r"<[^>]+>", "", html.split('id="aturan-yang-sudah-diganti"')[1].split('id="semua-perubahan"')[0])
    assert "Permensos 03/2013 — tidak berlaku lagi; yang berlaku sekarang Permensos 28/2018 (ditetapkan 30 November 2018)" in replaced
    assert re.search(r"<strong>\d{1,2} \w+ 20\d\d</strong>", html)


def test_docs_front_matter_is_valid(site):
    """Check that every hand-written page has valid front matter with a title and a description."""
    for path in (ROOT / "docs").rglob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert meta["title"] and meta["description"], path


def test_html_pasted_into_data_is_refused(tmp_path):
    """Check that HTML pasted into a YAML field stops the build with the field's line (what passes stays text:
    tests/site/test_inert.py)."""
    sop = ROOT / "data" / "sop" / "verval-data-kpm.yml"
    text = sop.read_text(encoding="utf-8")
    evil = "ringkasan: '<script>alert(1)</script><img src=x onerror=alert(2)> \"><b>x</b>'\n"
    changed = re.sub(r"^ringkasan:.*?(?=^\w)", evil, text, count=1, flags=re.MULTILINE | re.DOTALL)
    project = copy_project(tmp_path / "p", {"data/sop/verval-data-kpm.yml": changed})
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/sop/verval-data-kpm.yml:5: ringkasan: HTML tidak dipakai di buku saku (tertulis \"<script>\")" in result.stderr
    assert not (tmp_path / "site").exists()


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    """Check that bad data stops the build with the precise error, no traceback, and site/ stays as it was."""
    project = copy_project(tmp_path / "p", {"data/rakor/rakor-sulbar-2023.yml": "id: rakor-sulbar-2023\njenis: seminar\n"})
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("edisi lama", encoding="utf-8")
    result = build(project, site_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/rakor/rakor-sulbar-2023.yml:2: jenis: harus salah satu dari" in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "edisi lama"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_plain_mkdocs_build_reports_data_errors_without_writing(tmp_path):
    """Check that `mkdocs build` itself stops on bad data with the editor's message and writes nothing."""
    import subprocess
    import sys

    project = copy_project(tmp_path / "p", {"data/sumber.yml": "- id: Salah\n"})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/sumber.yml:1: id: harus berupa id kebab-case" in result.stderr
    assert not (tmp_path / "out").exists()


def test_macro_typo_in_a_page_is_reported_precisely(tmp_path):
    """Check that a wrong id or block name in a hand-written page stops the build with file:line, no traceback."""
    project = copy_project(tmp_path / "p")
    tentang = project / "content" / "tentang.md"
    text = tentang.read_text(encoding="utf-8")
    line = text.splitlines().index(next(t for t in text.splitlines() if 'tautan("permensos-28-2018")' in t)) + 1
    tentang.write_text(text.replace('tautan("permensos-28-2018")', 'tautan("permensos-28-2019")'), encoding="utf-8")
    updates = project / "docs" / "pembaruan.md"
    page = updates.read_text(encoding="utf-8")
    block_line = page.splitlines().index(next(t for t in page.splitlines() if 'daftar("perubahan_aturan")' in t)) + 1
    updates.write_text(page.replace('daftar("perubahan_aturan")', 'daftar("perubahan_aturn")'), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = f'content/tentang.md:{line}: tautan: tidak ada catatan dengan id "permensos-28-2019"; maksudnya "permensos-28-2018"?'
    assert expected in result.stderr
    assert (f'docs/pembaruan.md:{block_line}: daftar: tidak ada daftar bernama "perubahan_aturn"; maksudnya "perubahan_aturan"?'
            in result.stderr)
    assert not (tmp_path / "site").exists()
