"""Fixtures shared by the test modules: data trees, built sites, a local server and a phone browser."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from macros.common import clock
from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS  # Debian's Chromium and its flags: one list for the PDFs, tests and benches
from macros.tools.serve import serving
from tests.helpers import ROOT, TODAY, write_tree

#: What a copy of the project needs besides data/ to build a site.
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides")


@pytest.fixture
def today(monkeypatch) -> dt.date:
    """Pin the handbook's clock to ``TODAY`` for this test and the commands it starts; return that date.

    A test that needs another day sets ``clock.ENV`` itself (``monkeypatch.setenv``). Tests that build the
    real data leave the clock alone: its dates are checked against the real day.
    """
    monkeypatch.setenv(clock.ENV, TODAY.isoformat())
    return TODAY


@pytest.fixture
def tree(tmp_path):
    """Return a function that writes the base data tree with some files changed, and returns its root."""

    def make(changes=None):
        return write_tree(tmp_path, changes)

    return make


def copy_project(dest: Path, data_changes: dict[str, str | None] | None = None, real_data: bool = True) -> Path:
    """Copy the project's site sources to ``dest`` with the real data (or the small base tree), changed."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    if real_data:
        shutil.copytree(ROOT / "data", dest / "data")
        for rel, text in (data_changes or {}).items():
            path = dest / rel
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
    else:
        write_tree(dest, data_changes)
    return dest


def build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the editors' build command (strict, atomic) on a project folder."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "build", "--root", str(root), "--site-dir", str(site_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Build the real handbook once per test session and return its site folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 (a free port), as a static host does, and return its base URL."""
    with serving(site, cache_control=None) as base:
        yield base


WIDTH = 360
PHONE = {"viewport": {"width": WIDTH, "height": 740}, "is_mobile": True, "has_touch": True}
#: Requests that never reach a network.
LOCAL_SCHEMES = ("data:", "blob:")



@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Start one headless Chromium for the whole session."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Phone:
    """A fresh phone tab on the local site, with every request and script error it saw."""

    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: what the page's Content-Security-Policy refused (macros/outputs/csp.py): must stay empty
    refused: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        """Open a path of the site (``/`` for Beranda) and return the page."""
        self.page.goto(self.base + path)
        return self.page

    def tap_and_wait(self, locator: Locator, url_pattern: re.Pattern[str]) -> None:
        """Tap a link and wait until the browser shows a page whose URL matches."""
        locator.tap()
        self.page.wait_for_url(url_pattern)
        self.page.wait_for_load_state()


@pytest.fixture
def phone(browser, server) -> Iterator[Phone]:
    """Yield a new phone context and page; afterwards check that nothing left 127.0.0.1 and no script failed."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    tab = Phone(page, server)
    # The context sees the requests of its pages and of their workers (Material's search runs in one).
    context.on("request", lambda request: tab.requests.append(request.url))
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    page.on("console", lambda message: "Content Security Policy" in message.text and tab.refused.append(message.text))
    try:
        yield tab
    finally:
        context.close()
    outside = [url for url in tab.requests if not url.startswith((server + "/", *LOCAL_SCHEMES))]
    assert not outside, f"requests left the local site: {outside}"
    assert tab.requests, "no request was recorded"
    assert not tab.errors, f"script errors on the page: {tab.errors}"
    assert not tab.refused, f"the page's security policy refused something: {tab.refused}"


def evaluate_until(page: Page, script: str, condition, what: str, seconds: float = 30, arg=None):
    """Run an (async) script in the page until ``condition(result)``; return that result, or fail saying ``what``.

    Polled with ``page.evaluate``: ``page.wait_for_function`` does not await an async predicate (its
    promise counts as true at once), so it cannot wait on the Cache API.
    """
    import time

    deadline = time.monotonic() + seconds
    while not condition(result := page.evaluate(script, arg)):
        assert time.monotonic() < deadline, f"{what} after {seconds} s: {result}"
        page.wait_for_timeout(250)
    return result


def wait_until_saved_offline(page: Page, *paths: str, seconds: float = 30) -> None:
    """Wait until the service worker has saved every path (``/sop/x/``) for offline reading."""
    check = "async (paths) => { for (const p of paths) { if (!(await caches.match(p))) return false; } return true; }"
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    evaluate_until(page, check, bool, f"not saved for offline reading: {paths}", seconds, list(paths))


#: What builds a whole site with MkDocs, in a test's or a fixture's own code: such tests are marked ``build``.
_BUILDS = re.compile(r"\b(?:build|build_site|copy_project|publish|commit_edition|strict_build|temporary_site)\(|\"build\"|'build'")


def _builds(function) -> bool:
    import inspect

    try:
        return bool(_BUILDS.search(inspect.getsource(function)))
    except (OSError, TypeError):
        return False


def pytest_collection_modifyitems(items):
    """Mark ``build`` every test that builds a site itself or through a fixture (``pytest -m "not build and not browser"``
    is then the fast loop: the data layer, rendering and the tools' own logic, in seconds)."""
    for item in items:
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        fixtures = [d.func for defs in definitions.values() for d in defs]
        if _builds(getattr(item, "function", None)) or any(_builds(f) for f in fixtures):
            item.add_marker(pytest.mark.build)
