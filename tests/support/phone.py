"""A phone for browser tests: its viewport, a tab that records what it saw, and waits on the service worker."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import CDPSession, Locator, Page, expect

WIDTH = 360
PHONE = {"viewport": {"width": WIDTH, "height": 740}, "is_mobile": True, "has_touch": True}
#: Requests that never reach a network.
LOCAL_SCHEMES = ("data:", "blob:")


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


def load_quiz(page: Page) -> None:
    """Bring a module page's quiz to life as a reader does, by scrolling to it (kuis-muat.js loads kuis.css and kuis.js
    only then), wait until kuis.js has wired every question, and go back to the top. A page without a quiz: nothing."""
    questions = page.locator("fieldset.kuis-soal")
    if not questions.count():
        return
    questions.first.scroll_into_view_if_needed()
    expect(page.locator("fieldset.kuis-soal:not([data-kuis-siap])")).to_have_count(0)
    page.evaluate("window.scrollTo(0, 0)")


def evaluate_until(page: Page, script: str, condition, what: str, seconds: float = 30, arg=None):
    """Run an (async) script in the page until ``condition(result)``; return that result, or fail saying ``what``.

    Polled with ``page.evaluate``: ``page.wait_for_function`` does not await an async predicate (its
    promise counts as true at once), so it cannot wait on the Cache API.
    """
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


def set_text_size(page: Page, percent: int) -> CDPSession:
    """Make the phone's text ``percent`` % of normal, as a phone's text-size setting does: the browser's default font
    size grows, so the theme's rem and em (and its em media queries) grow with it. Applies to pages opened afterwards.

    Setting ``document.documentElement.style.fontSize`` instead would leave the media queries at normal size and,
    over Material's own 125 %, make text only 1.6 times larger at "200 %".
    """
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})
    return session  # the setting lasts while this session is attached
