"""Offline reading: what the worker saves, how a new edition reaches the phone, installing to the home screen."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
import struct
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.outputs.manifest import ICONS, web_manifest
from macros.outputs.offline import (
    BUDGET,
    SAVED_ON_REQUEST,
    WORKER_ROOM,
    learning_stages,
    pages,
    plan,
    service_worker,
    write_service_worker,
)
from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS
from macros.tools.serve import serving
from tests.support.data import ROOT
from tests.support.phone import PHONE, WIDTH, wait_until_saved_offline


def make_site(root: Path, page_text: str = "isi") -> Path:
    """A small built site: Beranda linking its CSS, two sections with records, a search engine and excerpts."""
    (root / "assets").mkdir(parents=True)
    (root / "assets/main.css").write_text("c")
    (root / "index.html").write_text('<link href="assets/main.css"><script src="https://x.test/a.js"></script>'
                                     '<a href="tugas/">Tugas</a> <a href="faq/">FAQ</a>')
    for page in ("offline", "faq", "faq/a", "faq/b", "tugas", "tugas/c", "tentang", "print_page"):
        (root / page).mkdir(parents=True)
        (root / page / "index.html").write_text(f"{page_text} {page} " + "kata " * 2000)
    (root / "pagefind/fragment").mkdir(parents=True)
    (root / "pagefind/pagefind.js").write_text("engine")
    for page in ("faq/a", "tugas/c"):
        fragment = gzip.compress(json.dumps({"url": f"/{page}/"}).encode(), mtime=0)
        (root / f"pagefind/fragment/id_{page[-1]}.pf_fragment").write_bytes(fragment)
    return root


def urls(entries) -> list[str]:
    return [e.url for e in entries]


def test_small_handbook_is_saved_whole_with_search(tmp_path):
    """Check that a small handbook saves shell, search engine, every page and every excerpt, nothing else."""
    chosen = plan(make_site(tmp_path))
    assert sorted(urls(chosen.precache)) == sorted([
        "", "offline/", "assets/main.css", "pagefind/pagefind.js", "faq/", "tentang/", "tugas/",
        "faq/a/", "pagefind/fragment/id_a.pf_fragment", "faq/b/", "tugas/c/", "pagefind/fragment/id_c.pf_fragment"])
    assert set(chosen.groups) == {"faq/", "tugas/"}
    assert all(chosen.complete(g) for g in chosen.groups.values())


def test_large_handbook_saves_indexes_and_whole_sections_within_budget(tmp_path):
    """Check that over budget the first visit saves shell, search and section pages, then whole sections in menu order."""
    site = make_site(tmp_path)
    full = plan(site).precache_bytes
    faq = plan(site).bytes(plan(site).groups["faq/"].urls)
    chosen = plan(site, budget=full + WORKER_ROOM - 1)  # one section does not fit any more: Tugas (first in the menu) does
    saved = urls(chosen.precache)
    assert {"", "offline/", "assets/main.css", "pagefind/pagefind.js", "faq/", "tugas/", "tentang/"} <= set(saved)
    assert {"tugas/c/", "pagefind/fragment/id_c.pf_fragment"} <= set(saved)
    assert "faq/a/" not in saved and "pagefind/fragment/id_a.pf_fragment" not in saved
    assert chosen.complete(chosen.groups["tugas/"]) and not chosen.complete(chosen.groups["faq/"])
    assert chosen.precache_bytes < full
    assert plan(site, budget=full - faq + WORKER_ROOM - 1).precache_bytes < full - faq  # and nothing else when less fits


def test_stage_group_lists_its_modules(tmp_path):
    """Check that a learning stage's button saves the stage page and its modules, listed in simpan/."""
    site = make_site(tmp_path)
    source, lists = service_worker(site, stages={"faq/b/": ["faq/a/", "hilang/"]})
    groups = json.loads(re.search(r"const GROUPS = (.*);", source).group(1))
    stage = groups["./faq/b/"]
    assert stage["kind"] == "tahap" and stage["pages"] == 2
    assert [u for u, _ in json.loads(lists[stage["list"].removeprefix("./")])] == [
        "./faq/b/", "./faq/a/", "./pagefind/fragment/id_a.pf_fragment"]


def precache_of(source: str) -> dict[str, str]:
    return dict(json.loads(re.search(r"const PRECACHE = (.*);", source).group(1)))


def test_each_file_has_its_own_content_revision(tmp_path):
    """Check that a changed page changes its own revision and the worker's version, and nothing else."""
    first, _ = service_worker(make_site(tmp_path / "a"))
    same, _ = service_worker(make_site(tmp_path / "b"))
    changed_site = make_site(tmp_path / "c")
    (changed_site / "faq/a/index.html").write_text("isi baru")
    changed, _ = service_worker(changed_site)
    assert first == same
    version = re.compile(r'const VERSION = "(\w+)"')
    assert version.search(first).group(1) != version.search(changed).group(1)
    old, new = precache_of(first), precache_of(changed)
    assert old.keys() == new.keys()
    assert [u for u in old if old[u] != new[u]] == ["./faq/a/"]
    assert "./print_page/" not in old and "./pagefind/pagefind-ui.js" not in old


def test_manifest_starts_inside_the_edition_with_committed_icons():
    """Check the manifest: Indonesian name, standalone, relative start URL and scope, icons that exist at their size."""
    manifest = json.loads(web_manifest("Buku Saku TKSK", "Buku saku  TKSK."))
    assert manifest["name"] == "Buku Saku TKSK" and manifest["lang"] == "id"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    for src, sizes, _ in ICONS:
        data = (ROOT / "docs" / src).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == sizes


# --- in the browser ---------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on a free port; yield (base URL, list of requested paths)."""
    paths: list[str] = []
    with serving(folder, cache_control=None, paths=paths) as base:
        yield base, paths


@pytest.fixture(scope="module")
def stages(real_handbook):
    return learning_stages(real_handbook)


@pytest.fixture
def own_site(site, tmp_path):
    """A copy of the built handbook that a test may change (a new edition, another budget)."""
    return Path(shutil.copytree(site, tmp_path / "site"))


@pytest.fixture
def tab(browser):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def heading(page):
    return page.locator(".md-content h1").first


FAQ = "faq/apa-fungsi-saya-di-lapangan/"
OTHER_PAGES = ("sop/pendampingan-rastra/", "regulasi/permensos-03-2013/", "glosarium/tksk/", "tugas/", "kurikulum/tahap-1-orientasi/")


def test_whole_handbook_works_offline_with_search(phone):
    """Check that after one visit with signal, five pages never opened, search and section pages work without signal."""
    page = phone.open("/")
    wait_until_saved_offline(page, *("/" + p for p in OTHER_PAGES))
    page.context.set_offline(True)
    for path in OTHER_PAGES:
        page.goto(phone.base + "/" + path)
        expect(heading(page)).to_be_visible()
        expect(heading(page)).not_to_contain_text("belum tersimpan")
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.keyboard.press("/")
    page.locator("[data-cari-input]").fill("bantuan pangan non tunai")
    results = page.locator("[data-cari-results] li")
    expect(results.first).to_be_visible()
    results.first.locator("a").first.click()
    expect(heading(page)).not_to_contain_text("belum tersimpan")
    # The whole handbook is saved: section and stage pages say so instead of offering to save them.
    page.goto(phone.base + "/faq/")
    expect(page.locator(".buku-saku-simpan__isi button")).to_have_text("Tersimpan")
    page.goto(phone.base + "/kurikulum/tahap-1-orientasi/")
    expect(page.locator(".buku-saku-simpan__isi [role=status]")).to_contain_text("halaman tahap ini bisa dibuka tanpa sinyal")


def test_new_edition_downloads_only_changed_files_and_waits_for_the_reader(tab, own_site, stages):
    """Check a new edition: only its changed files are fetched, one notice, old pages until the reader reloads."""
    page = tab
    with serve(own_site) as (base, requested):
        page.goto(base + "/")
        wait_until_saved_offline(page, "/" + FAQ)
        # Deploy a new edition with one changed page.
        faq = own_site / FAQ / "index.html"
        html = faq.read_text(encoding="utf-8")
        faq.write_text(html.replace("<h1", '<p id="edisi-baru">Edisi baru</p><h1', 1), encoding="utf-8")
        write_service_worker(own_site, stages)
        requested.clear()
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        notice = page.get_by_role("button", name="Versi baru tersedia — muat ulang")
        expect(notice).to_be_visible()
        fetched = sorted({p for p in requested if p != "/sw.js"})
        assert fetched == ["/" + FAQ], f"the new edition fetched more than the changed page: {fetched}"
        expect(page.locator(".buku-saku-versi").get_by_role("button")).to_have_count(1)
        assert page.locator(".buku-saku-versi").get_attribute("role") == "status"  # announced politely

        # Reading on: pages still come from the edition the reader started with.
        page.goto(base + "/" + FAQ)
        expect(page.locator("#edisi-baru")).to_have_count(0)
        expect(page.locator(".buku-saku-versi").get_by_role("button")).to_have_count(1)
        page.screenshot(path=str(own_site.parent / "notice.png"))

        notice.click()
        expect(page.locator("#edisi-baru")).to_be_visible()
        expect(page.locator(".buku-saku-versi").get_by_role("button")).to_have_count(0)
        page.context.set_offline(True)
        page.goto(base + "/" + FAQ)
        expect(page.locator("#edisi-baru")).to_be_visible()


def test_a_section_is_saved_for_offline_reading_on_request(tab, own_site, stages):
    """Check that over budget a section's button saves the whole section, with progress and then "Tersimpan"."""
    page = tab
    write_service_worker(own_site, stages, budget=0)  # a handbook too big: the first visit saves only shell, search, indexes
    section, record = "regulasi/", "regulasi/permensos-03-2013/"
    assert record not in urls(plan(own_site, budget=0).precache)
    with serve(own_site) as (base, _):
        page.goto(base + "/" + section)
        button = page.locator(".buku-saku-simpan__isi button")
        expect(button).to_have_text("Simpan bagian ini untuk dibaca tanpa sinyal")
        page.screenshot(path=str(own_site.parent / "simpan.png"))
        button.click()
        expect(button).to_have_text("Tersimpan")
        expect(page.locator(".buku-saku-simpan__isi [role=status]")).to_contain_text("bisa dibuka tanpa sinyal")
        page.context.set_offline(True)
        page.goto(base + "/" + record)
        expect(heading(page)).not_to_contain_text("belum tersimpan")
        page.goto(base + "/" + section)
        expect(page.locator(".buku-saku-simpan__isi button")).to_have_text("Tersimpan")


def test_handbook_is_installable_with_its_manifest_and_icons(browser, site, tmp_path):
    """Check with Chromium's own check that the handbook can be added to the home screen, and its icons load."""
    with serve(site) as (base, _):
        # Chromium never offers installing in an incognito profile: use a profile on disk.
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profil"), executable_path=CHROMIUM, args=LAUNCH_ARGS, **PHONE)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(base + "/sop/pendampingan-rastra/")
            cdp = context.new_cdp_session(page)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == base + "/manifest.webmanifest"
            assert not manifest.get("errors"), manifest["errors"]
            parsed = json.loads(manifest["data"])
            assert parsed["start_url"] == "./"
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            for icon in parsed["icons"]:
                response = page.request.get(base + "/" + icon["src"])
                assert response.ok and response.headers["content-type"] == "image/png"
            assert page.locator('meta[name="theme-color"]').first.get_attribute("content") == json.loads(
                (site / "manifest.webmanifest").read_text())["theme_color"]
        finally:
            context.close()


def test_todays_handbook_is_saved_whole_within_budget(site, stages):
    """Check that the real handbook is small enough to be saved whole on the first visit, within the budget, but for
    the trainers' section: its index is saved, its kits and composer wait for its "Simpan" button."""
    chosen = plan(site, stages)
    saved = set(urls(chosen.precache))
    trainers = {p for p in pages(site) if p.startswith(SAVED_ON_REQUEST) and p not in SAVED_ON_REQUEST}
    assert trainers and {"rencana/", "rencana/susun/"} <= set(pages(site))
    assert set(pages(site)) - trainers <= saved and not trainers & saved
    assert [g.page for g in chosen.groups.values() if not chosen.complete(g)] == ["rencana/"]
    assert set(chosen.groups["program/"].urls) >= {p for p in pages(site) if p.startswith("sop/")}  # SOPs are listed under Program
    # A module page loads its quiz itself as the reader nears it (kuis-muat.js): the quiz files are saved all the same.
    assert {"javascripts/kuis-muat.js", "javascripts/kuis.js", "stylesheets/kuis.css"} <= saved
    assert chosen.precache_bytes <= BUDGET
