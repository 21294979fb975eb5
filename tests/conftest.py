"""Fixtures shared by the test modules: data trees, the real handbook, built sites, a local server and a phone
browser. The code behind them lives in tests/support/ (data, project, phone, links)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from macros.common import clock
from macros.load.handbook import load_handbook
from macros.model.handbook import Handbook
from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS  # Debian's Chromium and its flags: one list for the PDFs, tests and benches
from macros.tools.serve import serving
from tests.support.data import ROOT, TODAY, write_tree
from tests.support.phone import LOCAL_SCHEMES, PHONE, Phone
from tests.support.project import build


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


@pytest.fixture(scope="session")
def real_handbook() -> Handbook:
    """Load and check the real data once per session (about a second: the source checks read every seed).

    Read-only: a test that changes data writes a tree of its own.
    """
    return load_handbook(ROOT)


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Start one headless Chromium for the whole session."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


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
