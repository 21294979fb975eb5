"""Editions: `tksk publish` puts each edition in its own folder of the gh-pages branch with mike.

Two real editions are published once for the module (each publish builds the site twice, about 20 s);
refusals and failures use small repositories whose branch is written with git plumbing.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from macros.common import clock
from macros.tools import publish
from macros.tools.cli import main
from macros.tools.publish import Edition, PublishError, check_order, parse_edition
from macros.tools.serve import serving
from tests.support.data import ROOT
from tests.support.links import broken_links
from tests.support.phone import PHONE, WIDTH, evaluate_until
from tests.support.project import copy_project

TODAY = datetime.date(2026, 11, 23)
#: Without the final slash on purpose: MkDocs adds it, mike then adds the edition folder.
SITE_URL = "https://dinsos.example.go.id/buku-saku"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Penguji", "GIT_AUTHOR_EMAIL": "penguji@contoh.go.id",
    "GIT_COMMITTER_NAME": "Penguji", "GIT_COMMITTER_EMAIL": "penguji@contoh.go.id",
}
PAGE = "sop/pelaporan-berkala/"
CHANGED = "data/sop/pelaporan-berkala.yml"
SECOND_TITLE_END = "edisi kedua"


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=repo, input=stdin, capture_output=True, text=True,
                            env={**os.environ, **GIT_IDENTITY}, check=True)
    return result.stdout.strip()


def run_publish(repo: Path, edition: str, site_url: str | None = SITE_URL,
                today: datetime.date | None = None, *extra: str) -> subprocess.CompletedProcess:
    """Run `make publish`'s command; ``today`` pins the handbook's clock (unset: the real day, as the real data needs)."""
    env = {**os.environ, **GIT_IDENTITY}
    env.pop("SITE_URL", None)
    if today is not None:
        env[clock.ENV] = today.isoformat()
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, "-m", "macros", "publish", edition, "--root", str(repo), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture
def refuse(monkeypatch, capsys):
    """Run `tksk publish` in this process, for runs refused before any build; return (exit code, stdout, stderr)."""

    def run(repo: Path, edition: str, site_url: str | None = SITE_URL, today: datetime.date | None = None, *extra: str):
        for name, value in GIT_IDENTITY.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("SITE_URL", raising=False)
        if site_url is not None:
            monkeypatch.setenv("SITE_URL", site_url)
        if today is not None:
            monkeypatch.setenv(clock.ENV, today.isoformat())
        capsys.readouterr()
        code = main(["publish", edition, "--root", str(repo), *extra])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["tksk", "publish", edition], code, out, err)

    return run


def head(repo: Path, branch: str = "gh-pages") -> str | None:
    return publish.branch_head(repo, branch)


def small_repo(path: Path, versions: list[dict] | None) -> Path:
    """A git repository with a mkdocs.yml and, when ``versions`` is given, a gh-pages branch listing them."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "mkdocs.yml").write_text("site_name: uji\n", encoding="utf-8")
    git(path, "init", "-q", "-b", "main")
    if versions is not None:
        fake_branch(path, versions)
    return path


def fake_branch(repo: Path, versions: list[dict]) -> str:
    """Write a gh-pages branch holding only versions.json, as mike would list those editions."""
    blob = git(repo, "hash-object", "-w", "--stdin", stdin=json.dumps(versions))
    tree = git(repo, "mktree", stdin=f"100644 blob {blob}\tversions.json\n")
    commit = git(repo, "commit-tree", tree, "-m", "edisi terdahulu")
    git(repo, "update-ref", "refs/heads/gh-pages", commit)
    return commit


TWO_EDITIONS = [{"version": "2026.2", "title": "2026.2", "aliases": ["latest"]},
                {"version": "2026.1", "title": "2026.1", "aliases": []}]


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    """Publish 2026.1, change one SOP's title, publish 2026.2; return the repository."""
    repo = copy_project(tmp_path_factory.mktemp("terbit") / "proyek")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sumber")
    first = run_publish(repo, "2026.1")
    assert first.returncode == 0, first.stdout + first.stderr
    record = repo / CHANGED
    text, count = re.subn(r"^judul: (.+)$", rf"judul: \1 {SECOND_TITLE_END}", record.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1
    record.write_text(text, encoding="utf-8")
    second = run_publish(repo, "2026.2")
    assert second.returncode == 0, second.stdout + second.stderr
    return repo


def branch_files(repo: Path, folder: str) -> dict[str, str]:
    """Return {path: git mode} of every file under ``folder`` in gh-pages."""
    lines = git(repo, "ls-tree", "-r", "gh-pages", "--", folder).splitlines()
    return {line.split("\t")[1]: line.split()[0] for line in lines}


def show(repo: Path, path: str) -> str:
    return git(repo, "show", f"gh-pages:{path}")


def test_versions_list_both_editions_with_latest_on_the_newer(editions):
    """Check that versions.json on the branch lists 2026.2 with the latest alias, then 2026.1 without."""
    versions = json.loads(show(editions, "versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026.2", ["latest"]), ("2026.1", [])]


def test_latest_is_a_real_copy_of_the_newest_edition(editions):
    """Check that latest/, the reader address, holds every file of 2026.2 with the same bytes, as plain files."""
    latest = git(editions, "ls-tree", "-r", "gh-pages", "--", "latest").splitlines()
    newest = git(editions, "ls-tree", "-r", "gh-pages", "--", "2026.2").splitlines()
    blobs = lambda lines, folder: {line.split("\t")[1].removeprefix(folder): line.split()[2] for line in lines}  # noqa: E731
    assert {line.split()[0] for line in latest} == {"100644"}, "symlinks (120000) do not survive every static host"
    assert blobs(latest, "latest/") == blobs(newest, "2026.2/")
    assert len(latest) > 100 and "sw.js" in blobs(latest, "latest/")


def test_root_redirects_to_latest(editions):
    """Check that the branch root sends readers to latest/ (and so to the newest edition)."""
    page = show(editions, "index.html")
    assert 'window.location.replace("latest/"' in page
    assert branch_files(editions, ".nojekyll")  # GitHub Pages serves the folders as they are


def test_older_edition_stays_as_published(editions):
    """Check that publishing 2026.2 left 2026.1's pages as they were and 2026.2 has the change."""
    old = show(editions, f"2026.1/{PAGE}index.html")
    new = show(editions, f"2026.2/{PAGE}index.html")
    assert SECOND_TITLE_END not in old
    assert SECOND_TITLE_END in new


@pytest.mark.parametrize("edition", ["2026.1", "2026.2", "latest"])
def test_shared_addresses_are_the_reader_address(editions, edition):
    """Check that in every folder sitemap.xml, the canonical link and og:url (the link a WhatsApp preview shows)
    are SITE_URL's latest/: the address to share, whichever edition the page was opened in."""
    base = f"{SITE_URL}/latest/"
    locations = re.findall(r"<loc>(.*?)</loc>", show(editions, f"{edition}/sitemap.xml"))
    assert f"{base}{PAGE}" in locations
    assert locations and all(loc.startswith(base) for loc in locations)
    page = show(editions, f"{edition}/{PAGE}index.html")
    assert f'<link rel="canonical" href="{base}{PAGE}">' in page
    assert f'<meta property="og:url" content="{base}{PAGE}">' in page


@pytest.mark.parametrize(("page", "target"), [
    (f"2026.1/{PAGE}index.html", f"latest/{PAGE}"),
    ("2026.1/index.html", "latest/"),
    ("2026.1/404.html", "latest/"),  # the 404 page's base URL is absolute
])
def test_banner_links_to_the_same_page_in_latest(editions, page, target):
    """Check that an edition's banner link, resolved at its published address, is that page in latest/."""
    html = show(editions, page)
    hrefs = re.findall(r'<a href="([^"]*)"><strong>Buka edisi terbaru halaman ini.</strong></a>', html)
    assert len(hrefs) == 1, "one banner link"
    assert urljoin(f"{SITE_URL}/{page}", hrefs[0]) == f"{SITE_URL}/{target}"
    assert branch_files(editions, f"{target}index.html")


def test_plain_build_has_no_banner(site):
    """Check that a build outside mike (make build, make serve) carries no banner: no latest/ beside it."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="outdated"' in html
    assert "Anda membaca edisi lama" not in html and "md-banner--warning" not in html


def test_commits_name_their_edition(editions):
    """Check that each edition's commit on the branch names the edition."""
    subjects = git(editions, "log", "--format=%s", "gh-pages").splitlines()
    assert any(s.startswith("Edisi 2026.1 ") for s in subjects)
    assert any(s.startswith("Edisi 2026.2 ") for s in subjects)


def test_publishing_leaves_the_project_folder_clean(editions):
    """Check that the edition was built elsewhere: no site/ and no leftover temporary configs in the project."""
    assert not (editions / "site").exists()
    assert not list(editions.glob(".terbit-*.yml")) and not list(editions.glob("mike-mkdocs*.yml"))


def extract(repo: Path, commit: str, folder: Path) -> None:
    """Put the branch's files at ``commit`` in ``folder`` (emptied first), as a host does when it is updated."""
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    archive = subprocess.run(["git", "archive", commit], cwd=repo, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")



@pytest.fixture(scope="module")
def branch_folder(editions, tmp_path_factory) -> Path:
    """Check out the files of gh-pages as a static host would hold them."""
    folder = tmp_path_factory.mktemp("cabang")
    extract(editions, "gh-pages", folder)
    return folder


def test_every_link_resolves_across_editions(branch_folder):
    """Check that in the published branch (both editions, latest/ and the root) every internal link and anchor resolves."""
    assert (branch_folder / "2026.1" / "index.html").is_file() and (branch_folder / "latest" / "index.html").is_file()
    assert not broken_links(branch_folder, prefix=urlsplit(SITE_URL).path + "/")


@pytest.fixture(scope="module")
def branch_server(branch_folder):
    """Serve the checked-out branch and return the base URL."""
    with serving(branch_folder, cache_control=None) as base:
        yield base


@pytest.fixture
def reader(browser, branch_server):
    """Yield a fresh phone tab on the served branch; afterwards check nothing left it and no script failed."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: "Content Security Policy" in message.text and errors.append(message.text))
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"script errors or refusals of the security policy: {errors}"
    outside = [url for url in requests if not url.startswith((branch_server + "/", "data:", "blob:"))]
    assert not outside, f"requests left the local copy: {outside}"


@pytest.mark.browser
def test_older_edition_shows_the_banner_to_the_same_page_in_latest(reader, branch_server):
    """Check in Chromium that the root opens latest/ (2026.2) and a 2026.1 page's banner leads to the same page there."""
    base, page = branch_server, reader
    page.goto(base + "/")
    page.wait_for_url(f"{base}/latest/")
    expect(page.locator(".md-version__current")).to_have_text("2026.2")
    expect(page.locator("[data-md-component=outdated]")).to_be_hidden()

    page.goto(f"{base}/2026.1/{PAGE}")
    banner = page.locator("[data-md-component=outdated]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Anda membaca edisi lama.")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    banner.get_by_role("link", name="Buka edisi terbaru halaman ini.").tap()
    page.wait_for_url(f"{base}/latest/{PAGE}")
    expect(page.locator("h1")).to_contain_text(SECOND_TITLE_END)
    expect(page.locator(".md-version__current")).to_have_text("2026.2")  # versions.json was read
    expect(page.locator("[data-md-component=outdated]")).to_be_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("folder", ["latest", "2026.2", "2026.1"])
def test_edition_selector_leads_to_the_newest_at_the_reader_address(reader, branch_server, folder):
    """Check that in the edition selector the newest edition (2026.2) is the same page in latest/, from latest/ itself
    and from both archive folders, and that an older edition still opens its own folder."""
    base, page = branch_server, reader
    page.goto(f"{base}/{folder}/{PAGE}")
    newest, older = page.locator(".md-version__link").nth(0), page.locator(".md-version__link").nth(1)
    expect(newest).to_have_text("2026.2")
    expect(newest).to_have_attribute("href", f"{base}/latest/{PAGE}")
    expect(older).to_have_attribute("href", f"{base}/2026.1/")  # Material's: it opens the same page there
    page.locator(".md-version__current").tap()  # the list opens on focus
    newest.tap()
    page.wait_for_url(f"{base}/latest/{PAGE}")
    expect(page.locator("h1")).to_contain_text(SECOND_TITLE_END)
    if folder == "latest":
        page.locator(".md-version__current").tap()
        page.locator(".md-version__link").nth(1).tap()
        page.wait_for_url(f"{base}/2026.1/{PAGE}")
        expect(page.locator("[data-md-component=outdated]")).to_be_visible()


@pytest.mark.parametrize("folder", ["2026.1", "2026.2", "latest"])
def test_installed_app_opens_the_reader_address(editions, folder):
    """Check that the app added to the home screen from any folder starts, and stays, at latest/."""
    manifest = json.loads(show(editions, f"{folder}/manifest.webmanifest"))
    at = f"{SITE_URL}/{folder}/manifest.webmanifest"
    assert {key: urljoin(at, manifest[key]) for key in ("id", "start_url", "scope")} == dict.fromkeys(
        ("id", "start_url", "scope"), f"{SITE_URL}/latest/")


def precache(sw: str) -> dict[str, str]:
    """Return {url under the edition's root: revision} of a service worker's first-visit list."""
    pairs = json.loads(re.search(r"^const PRECACHE = (\[.*\]);$", sw, re.M).group(1))
    return {url.removeprefix("./"): revision for url, revision in pairs}


#: The phone's caches: every name, and the entries of each.
CACHES = """async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).length;
    return out;
}"""
#: A copy saved in an edition's own folder by an earlier worker.
OLD_EDITION_CACHE = """caches.open("buku-saku-0123456789ab /2026.1/").then((c) => c.put("/2026.1/", new Response("lama")))"""
#: The worker's record of what its cache holds (macros/outputs/sw.js).
META = """async () => {
    const scope = (await navigator.serviceWorker.ready).scope;
    const response = await caches.match(new URL("__buku-saku-simpanan__", scope).href);
    return response ? response.json() : null;
}"""


@pytest.mark.browser
def test_phone_follows_the_reader_address_across_editions(editions, browser, tmp_path):
    """A TKSK saves the handbook at latest/ (2026.1); Dinsos publishes 2026.2, which retitles one SOP. A day later the
    phone opens latest/ again: it fetches sw.js and the changed files only, asks before switching, then holds one
    copy; the new search index arrives when search is next opened online, and everything opens offline."""
    host = tmp_path / "host"
    host.mkdir()
    first, second = git(editions, "rev-parse", "gh-pages~1"), git(editions, "rev-parse", "gh-pages")
    assert [v["version"] for v in json.loads(git(editions, "show", f"{first}:versions.json"))] == ["2026.1"]
    extract(editions, first, host)
    paths: list[str] = []
    host_server = contextlib.ExitStack()
    base = host_server.enter_context(serving(host, cache_control=None, paths=paths))
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base + "/latest/")
        evaluate_until(page, META, bool, "the first visit's copy was not saved")
        page.evaluate(OLD_EDITION_CACHE)  # as a phone that read 2026.1 in its own folder before latest/ was the address
        old = precache(git(editions, "show", f"{first}:latest/sw.js"))
        new = precache(git(editions, "show", f"{second}:latest/sw.js"))
        changed = {url for url, revision in new.items() if old.get(url) != revision}
        assert f"{PAGE}" in changed

        extract(editions, second, host)  # Dinsos publishes 2026.2; the host now serves it
        context.new_cdp_session(page).send("Network.clearBrowserCache")  # a day later: the HTTP cache has expired
        paths.clear()
        page.goto(base + "/latest/")
        notice = page.get_by_role("button", name="Versi baru tersedia — muat ulang")
        expect(notice).to_be_visible()
        fetched = {p.removeprefix("/latest/").replace("index.html", "") for p in paths if p.startswith("/latest/")}
        expected = {url for url in changed if not url.startswith("pagefind/")} | {"sw.js"}
        assert fetched == expected, f"fetched {sorted(fetched - expected)} more, {sorted(expected - fetched)} missing"
        assert not [p for p in paths if p.startswith("/2026.")], "an edition folder was read"

        page.goto(f"{base}/latest/{PAGE}")  # reading on: the edition the reader started with, until they choose
        expect(page.locator("h1")).not_to_contain_text(SECOND_TITLE_END)
        page.get_by_role("button", name="Versi baru tersedia — muat ulang").click()
        expect(page.locator("h1")).to_contain_text(SECOND_TITLE_END)
        held = evaluate_until(page, CACHES, lambda c: len([n for n in c if "dibuka" not in n]) == 1, "older copies kept")
        assert all(name.endswith(" /latest/") for name in held), held

        # The older index until search is opened online; then the new one, in the background.
        meta = page.evaluate(META)
        assert meta["pending"] and all(url.startswith(f"{base}/latest/pagefind/") for url in meta["pending"])
        page.keyboard.press("/")
        page.locator("[data-cari-input]").fill("pelaporan berkala")
        expect(page.locator("[data-cari-results] li").first).to_be_visible()
        meta = evaluate_until(page, META, lambda m: m["pending"] is None, "the new search index was not saved")
        assert meta["stale"], "the older index's files are dropped at the next page"
        page.goto(base + "/latest/faq/")
        evaluate_until(page, META, lambda m: not m["stale"], "the older index's files were not dropped")

        page.context.set_offline(True)
        page.goto(f"{base}/latest/sop/pendampingan-rastra/")  # never opened
        expect(page.locator("h1")).to_contain_text("RASTRA")
        page.keyboard.press("/")
        page.locator("[data-cari-input]").fill("pelaporan berkala")
        result = page.locator("[data-cari-results] li").first
        expect(result).to_contain_text(SECOND_TITLE_END)  # the new edition's index, offline
    finally:
        context.close()
        host_server.close()
    assert not errors, errors


@pytest.mark.browser
def test_archived_edition_keeps_no_offline_copy(reader, branch_server):
    """Check that a numbered edition's folder (the archive, online) registers no worker and saves nothing."""
    page = reader
    page.goto(f"{branch_server}/2026.1/{PAGE}")
    expect(page.locator("[data-md-component=outdated]")).to_be_visible()
    page.evaluate(OLD_EDITION_CACHE)
    page.reload()  # the archive's page removes the copy an earlier worker had saved in its folder
    page.wait_for_load_state("networkidle")
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    evaluate_until(page, CACHES, lambda c: c == {}, "the archived edition's copy was kept", seconds=10)


def test_failed_build_leaves_the_branch_as_it_was(tmp_path):
    """Check that bad data stops publishing with the data error, no traceback, and the branch ref unchanged."""
    repo = copy_project(tmp_path / "p", {"data/rakor/rakor-sulbar-2023.yml": "id: rakor-sulbar-2023\njenis: seminar\n"})
    git(repo, "init", "-q", "-b", "main")
    before = fake_branch(repo, TWO_EDITIONS)
    result = run_publish(repo, "2026.3")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/rakor/rakor-sulbar-2023.yml:2: jenis: harus salah satu dari" in result.stderr
    assert "Edisi tidak diterbitkan: Situs tidak dapat dibangun" in result.stderr
    assert head(repo) == before


@pytest.mark.parametrize(("edition", "says"), [
    ("2026.1", "Edisi 2026.1 sudah terbit di cabang gh-pages; edisi terbaru adalah 2026.2"),
    ("2025.4", "Edisi 2025.4 lebih rendah dari edisi terbaru di cabang gh-pages; edisi terbaru adalah 2026.2"),
])
def test_edition_going_backwards_is_refused(tmp_path, edition, says, refuse):
    """Check that an edition at or below the newest one is refused before any build, saying what to do."""
    repo = small_repo(tmp_path / "p", TWO_EDITIONS)
    before = head(repo)
    result = refuse(repo, edition, today=TODAY)
    assert result.returncode == 1
    assert says in result.stderr
    assert "misalnya 2026.3" in result.stderr and "menerbitkan ulang nomor 2026.2" in result.stderr
    assert "Traceback" not in result.stderr and "[1/3]" not in result.stdout
    assert head(repo) == before


@pytest.mark.parametrize(("today", "suggested"), [
    (datetime.date(2026, 12, 31), "2026.3"),
    (datetime.date(2027, 1, 1), "2027.1"),  # a new year starts its numbers at .1
])
def test_suggested_number_follows_the_clock(tmp_path, today, suggested, refuse):
    """Check that the number suggested after a refusal is counted from the handbook's clock, on chosen days."""
    result = refuse(small_repo(tmp_path / "p", TWO_EDITIONS), "2026.1", today=today)
    assert result.returncode == 1
    assert f"misalnya {suggested}," in result.stderr


@pytest.mark.parametrize(("today", "refused"), [
    (datetime.date(2026, 12, 31), True),
    (datetime.date(2027, 1, 1), False),
])
def test_edition_for_a_year_still_to_come_is_refused(tmp_path, today, refused, refuse):
    """Check that `make publish` refuses a year that has not come by the handbook's clock, and takes it once it has."""
    repo = small_repo(tmp_path / "p", TWO_EDITIONS)
    result = refuse(repo, "2027.1", site_url="bukan-alamat", today=today)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    if refused:
        assert "Nomor edisi 2027.1: tahun 2027 belum tiba (hari ini 2026-12-31)." in result.stderr
    else:  # the number is taken; the next check (the address) is what stops this run
        assert "belum tiba" not in result.stderr and 'SITE_URL "bukan-alamat" bukan alamat situs' in result.stderr


@pytest.mark.parametrize(("site_url", "says"), [
    (None, "SITE_URL belum diisi"),
    ("dinsos.example.go.id", 'SITE_URL "dinsos.example.go.id" bukan alamat situs'),
])
def test_site_url_is_required(tmp_path, site_url, says, refuse):
    """Check that publishing without a real SITE_URL is refused: canonical links would point elsewhere."""
    repo = small_repo(tmp_path / "p", None)
    result = refuse(repo, "2026.1", site_url=site_url)
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr
    assert head(repo) is None


@pytest.mark.parametrize(("text", "edition"), [
    ("2026.1", Edition(2026, 1)),
    ("2026.12", Edition(2026, 12)),
    (" 2025.3 ", Edition(2025, 3)),
    ("26.1", None),
    ("2026", None),
    ("2026.0", None),
    ("2026.02", None),
    ("2026.1.1", None),
    ("v2026.1", None),
    ("2027.1", None),  # a year still to come
])
def test_edition_numbers(text, edition):
    """Check that edition numbers are YEAR.N with N from 1, no leading zero, and no year still to come."""
    if edition is None:
        with pytest.raises(PublishError, match="Nomor edisi"):
            parse_edition(text, TODAY)
    else:
        assert parse_edition(text, TODAY) == edition


@pytest.mark.parametrize(("edition", "published", "refused"), [
    (Edition(2026, 1), [], False),
    (Edition(2026, 3), [Edition(2026, 2), Edition(2026, 1)], False),
    (Edition(2027, 1), [Edition(2026, 2)], False),
    (Edition(2026, 2), [Edition(2026, 2), Edition(2026, 1)], False),  # re-publishing the newest
    (Edition(2026, 1), [Edition(2026, 2), Edition(2026, 1)], True),   # an older one would take latest
    (Edition(2025, 9), [Edition(2026, 1)], True),
])
def test_edition_order(edition, published, refused):
    """Check that only a number above the newest edition, or the newest itself, may be published."""
    if refused:
        with pytest.raises(PublishError):
            check_order(edition, published, datetime.date(2027, 2, 1), "gh-pages")
    else:
        check_order(edition, published, datetime.date(2027, 2, 1), "gh-pages")


def test_next_number_suggested_follows_the_year():
    """Check that the suggested next edition restarts at .1 in a new year."""
    assert Edition(2026, 2).following(datetime.date(2026, 12, 1)) == Edition(2026, 3)
    assert Edition(2026, 2).following(datetime.date(2027, 1, 5)) == Edition(2027, 1)


@pytest.mark.parametrize("branch_existed", [True, False])
def test_failure_after_mike_started_puts_the_branch_back(tmp_path, monkeypatch, capsys, branch_existed):
    """Check that when a step fails after mike has committed, the branch ref returns to where it was."""
    repo = small_repo(tmp_path / "p", TWO_EDITIONS if branch_existed else None)
    before = head(repo)

    def mike_commits_then_fails(root, *args):
        fake_branch(root, [{"version": "2026.3", "title": "2026.3", "aliases": ["latest"]}])
        raise PublishError("Langkah mike gagal (lihat pesan di atas).")

    monkeypatch.setattr(publish, "commit_edition", mike_commits_then_fails)
    for name, value in {**GIT_IDENTITY, "SITE_URL": SITE_URL}.items():
        monkeypatch.setenv(name, value)
    assert main(["publish", "2026.3", "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    assert "Langkah mike gagal" in err and "Cabang gh-pages dikembalikan seperti semula." in err
    assert head(repo) == before


def test_an_edition_is_built_once(tmp_path, monkeypatch, capsys):
    """Check that publishing builds the site once (strictly), and mike commits that build: no second build."""
    repo = copy_project(tmp_path / "p")
    git(repo, "init", "-q", "-b", "main")
    builds = []
    real_build = publish.build_site

    def counted(root, site_dir):
        builds.append(site_dir)
        return real_build(root, site_dir)

    monkeypatch.setattr(publish, "build_site", counted)
    for name, value in {**GIT_IDENTITY, "SITE_URL": SITE_URL}.items():
        monkeypatch.setenv(name, value)
    assert main(["publish", "2026.1", "--root", str(repo)]) == 0, capsys.readouterr().err
    assert len(builds) == 1
    assert show(repo, "2026.1/index.html") == show(repo, "latest/index.html")
    assert publish.docs_version_var not in os.environ and Path.cwd() != repo  # put back after the build


def test_latest_alias_is_the_one_material_expects():
    """Check that the alias publish moves is mkdocs.yml's extra.version.default (the banner links to it)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert config["extra"]["version"] == {"provider": "mike", "default": publish.LATEST}


REGION = "kabupaten-probolinggo"
REGION_BRANCH = f"gh-pages-{REGION}"


def test_region_edition_goes_to_its_own_branch(tmp_path):
    """Check that a region's edition is the national handbook with its layer, on its own branch with its own numbers:
    region 2026.1 publishes beside a national branch already at 2026.2, which stays as it was."""
    repo = copy_project(tmp_path / "p")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sumber")
    national = fake_branch(repo, TWO_EDITIONS)
    result = run_publish(repo, "2026.1", SITE_URL, None, "--wilayah", REGION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"edisi wilayah {REGION} 2026.1 terbit di cabang {REGION_BRANCH}" in result.stdout
    assert head(repo) == national
    versions = json.loads(git(repo, "show", f"{REGION_BRANCH}:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026.1", ["latest"])]
    home = git(repo, "show", f"{REGION_BRANCH}:latest/index.html")
    assert "<title>Beranda - Buku Saku TKSK — Kabupaten Probolinggo</title>" in home
    assert "Di Kabupaten Probolinggo" in git(repo, "show", f"{REGION_BRANCH}:latest/sop/verval-data-kpm/index.html")
    assert f"Edisi 2026.1 Buku Saku TKSK wilayah {REGION}" in git(repo, "log", "--format=%s", REGION_BRANCH)
    manifest = json.loads(git(repo, "show", f"{REGION_BRANCH}:latest/manifest.webmanifest"))
    assert "Kabupaten Probolinggo" in manifest["name"]


def test_unknown_region_is_refused_before_building(tmp_path, refuse):
    """Check that a misspelt region is refused at once, with the likely name, and no branch is written."""
    repo = small_repo(tmp_path / "p", None)
    (repo / "wilayah" / REGION / "data").mkdir(parents=True)
    result = refuse(repo, "2026.1", SITE_URL, TODAY, "--wilayah", "kabupaten-probolingo")
    assert result.returncode == 1
    assert 'Lapisan wilayah "kabupaten-probolingo" tidak ada' in result.stderr
    assert REGION in result.stderr and "Traceback" not in result.stderr
    assert head(repo, "gh-pages-kabupaten-probolingo") is None and head(repo) is None
