"""Print what a phone downloads across two published editions, served as a static host serves mike's branch.

    .venv/bin/python bench/editions.py           # --all lists every file of the update, not only the largest

Two editions are published with `python -m macros publish` (`tksk publish`) into a temporary repository (2026.1, then 2026.2
with one FAQ answer reworded), the gh-pages branch is exported to HOST/buku-saku/ and served by
macros/tools/serve.py (gzip, ETag, max-age), counting the body bytes sent per request. A persistent Chromium
profile at a phone's viewport keeps its service worker and caches between visits, as a phone does:
first visit (the worker saves the offline copy); a day later (HTTP cache expired) the update to 2026.2
and the reader's switch; search after the update; then pages without signal. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.offline import EDIT, kib  # noqa: E402  the same edit as the in-folder figure
from macros.tools.pdf import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from macros.tools.serve import PreviewHandler, QuietServer  # noqa: E402
from tests.support.project import copy_project  # noqa: E402

IDENTITY = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@contoh.go.id",
            "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@contoh.go.id"}
PREFIX = "/buku-saku/"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
NOTICE = "Versi baru tersedia — muat ulang"
SOP_PAGE = "sop/verval-data-kpm/"
STATE = """async () => { const r = await navigator.serviceWorker.getRegistration();
  return {controlled: Boolean(navigator.serviceWorker.controller), waiting: Boolean(r && r.waiting), scope: r ? r.scope : null}; }"""
READY = """(ms) => Promise.race([navigator.serviceWorker.ready.then((r) => r.scope),
  new Promise((resolve) => setTimeout(() => resolve(null), ms))])"""
REPORT = """async () => {
  const found = [];
  for (const name of await caches.keys()) found.push([name, (await (await caches.open(name)).keys()).length]);
  const link = document.querySelector("link[rel=manifest]");
  let manifest = null;
  if (link) {
    const url = link.href, m = await (await fetch(url)).json(), at = (x) => (x === undefined ? "(absent)" : new URL(x, url).href);
    manifest = {url, start_url: at(m.start_url), scope: at(m.scope), id: at(m.id)};
  }
  return {caches: found, manifest, canonical: document.querySelector("link[rel=canonical]")?.href ?? "(none)",
          og: document.querySelector("meta[property='og:url']")?.content ?? "(none)"};
}"""


class Counter:
    """Body bytes sent per request path (gzip when gzip was sent), and when the server was last busy."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.busy, self.last = 0, time.monotonic()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.files: list[tuple[str, int]] = []

    def begin(self) -> None:
        with self.lock:
            self.busy += 1

    def end(self, path: str, sent: int) -> None:
        with self.lock:
            self.busy, self.last = self.busy - 1, time.monotonic()
            self.files.append((path, sent))

    def totals(self) -> str:
        with self.lock:
            empty = sum(1 for _, n in self.files if not n)
            text = f"{kib(sum(n for _, n in self.files))}, {len(self.files)} requests ({empty} with no body: 304, 301)"
        twice = [p.removeprefix(PREFIX) for p, _, _, whole in self.by_path() if whole > 1]
        return text + (f"; sent whole more than once: {', '.join(twice)}" if twice else "")

    def by_path(self) -> list[tuple[str, int, int, int]]:
        """Return (path, bytes, requests, requests with a body) per path, largest first."""
        with self.lock:
            merged: dict[str, list[int]] = {}
            for path, n in self.files:
                entry = merged.setdefault(path, [0, 0, 0])
                entry[0], entry[1], entry[2] = entry[0] + n, entry[1] + 1, entry[2] + bool(n)
        return sorted(((p, *v) for p, v in merged.items()), key=lambda row: (-row[1], row[0]))

    def quiet(self, idle: float = 1.5, timeout: float = 90, what: str = "the network") -> None:
        start = time.monotonic()
        deadline = start + timeout
        while True:
            with self.lock:  # quiet for ``idle`` seconds, counted from this call at the earliest
                if not self.busy and time.monotonic() - max(self.last, start) >= idle:
                    return
            if time.monotonic() > deadline:
                raise SystemExit(f"timeout: {what} was still busy after {timeout:.0f} s")
            time.sleep(0.1)


class _Wire:
    """The handler's socket writer, counting what goes through it."""

    def __init__(self, raw) -> None:
        self.raw, self.written = raw, 0

    def write(self, data) -> int:
        self.written += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def counting_server(host_dir: Path, counter: Counter) -> QuietServer:
    class Handler(PreviewHandler):
        quiet = True

        def setup(self):
            super().setup()
            self.wfile = _Wire(self.wfile)

        def flush_headers(self):  # headers are left out: what they write is taken off again
            self.wfile.written -= sum(map(len, getattr(self, "_headers_buffer", [])))
            super().flush_headers()

        def _serve(self, head: bool) -> None:
            counter.begin()
            before = self.wfile.written
            try:
                super()._serve(head)
            finally:
                counter.end(unquote(urlsplit(self.path).path), self.wfile.written - before)

    class Server(QuietServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    return Server(("127.0.0.1", 0), lambda *a, **k: Handler(*a, directory=str(host_dir), **k))


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> bytes:
    result = subprocess.run(args, cwd=cwd, env={**os.environ, **IDENTITY, **(env or {})}, capture_output=True)
    if result.returncode:
        sys.exit(f"{' '.join(args[:4])} failed:\n{result.stdout.decode()}{result.stderr.decode()}")
    return result.stdout


def publish(repo: Path, edition: str, site_url: str) -> float:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    start = time.perf_counter()
    run([sys.executable, "-m", "macros", "publish", edition, "--root", str(repo)], ROOT, {"SITE_URL": site_url, "PATH": path})
    return time.perf_counter() - start


def export(repo: Path, folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(run(["git", "archive", "gh-pages"], repo))) as tar:
        tar.extractall(folder, filter="data")


def land(page, url: str) -> None:
    """Open a latest/ address and follow its redirect page to the edition it names."""
    from playwright.sync_api import TimeoutError as Timeout

    page.goto(url)
    with contextlib.suppress(Timeout):  # a latest/ that is a page of its own, not a redirect, stays where it is
        page.wait_for_url(lambda u: "/latest/" not in u, timeout=15_000)
    page.wait_for_load_state()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every file fetched by the update")
    listing = parser.parse_args(argv).all
    from playwright.sync_api import Error, sync_playwright

    counter, fig = Counter(), {}
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as tmp:
        repo, host, profile = Path(tmp) / "repo", Path(tmp) / "host", Path(tmp) / "profile"
        copy_project(repo)
        run(["git", "init", "-q", "-b", "main"], repo)
        run(["git", "add", "-A"], repo)
        run(["git", "commit", "-q", "-m", "sources"], repo)
        host.mkdir()
        httpd = counting_server(host, counter)  # bound now: its port is the published address
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        latest = base + PREFIX + "latest/"
        fig["publish 2026.1"] = f"{publish(repo, '2026.1', base + PREFIX):.1f} s"
        export(repo, host / PREFIX.strip("/"))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as p:
                context = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=LAUNCH_ARGS, **PHONE)
                context.set_default_timeout(30_000)
                step = "the first visit"
                try:
                    page = context.pages[0] if context.pages else context.new_page()
                    # Visit 1: the worker installs and saves the offline copy.
                    land(page, latest)
                    if page.evaluate(READY, 90_000) is None:
                        sys.exit("timeout: no service worker became ready on the first visit")
                    counter.quiet(what="the first visit")
                    fig["first visit"] = f"{counter.totals()} — landed on {page.url.removeprefix(base)}"

                    # A new edition: one FAQ answer reworded.
                    path = repo / EDIT[0]
                    text = path.read_text(encoding="utf-8")
                    if text.count(EDIT[1]) != 1:
                        sys.exit(f"{EDIT[0]} no longer holds the sentence this benchmark rewords exactly once")
                    path.write_text(text.replace(EDIT[1], EDIT[2]), encoding="utf-8")
                    run(["git", "commit", "-q", "-am", "one FAQ answer reworded"], repo)
                    fig["publish 2026.2"] = f"{publish(repo, '2026.2', base + PREFIX):.1f} s"
                    export(repo, host / PREFIX.strip("/"))
                    counter.reset()

                    step = "the update (visit 2)"
                    # Visit 2, a day later: the HTTP cache has expired, the worker's caches have not.
                    context.new_cdp_session(page).send("Network.clearBrowserCache")
                    land(page, latest)
                    state = page.evaluate(STATE)
                    if state["controlled"]:  # the old worker serves the page; the new one should install and wait
                        deadline = time.monotonic() + 90
                        while not (state := page.evaluate(STATE))["waiting"]:
                            if time.monotonic() > deadline:
                                sys.exit(f"timeout: no new worker waiting after 90 s (at {page.url})")
                            page.wait_for_timeout(250)
                        how = "old worker served the page, new worker waiting"
                    else:
                        scope = page.evaluate(READY, 90_000)
                        how = f"page not controlled on arrival: fresh install, scope {scope}" if scope else "no worker ready"
                    counter.quiet(what="the update")
                    fig["update (visit 2)"] = f"{counter.totals()} — {how}, at {page.url.removeprefix(base)}"
                    files = counter.by_path()
                    edition = base + PREFIX + urlsplit(page.url).path.removeprefix(PREFIX).split("/")[0] + "/"

                    step = "the switch"
                    # The switch: the reader taps the notice; the page reloads under the new worker.
                    counter.reset()
                    notice = page.get_by_role("button", name=NOTICE)
                    if state["waiting"] and notice.count():
                        with page.expect_navigation(timeout=30_000):
                            notice.tap()
                        page.wait_for_load_state()
                        counter.quiet(what="the switch")
                        fig["switch"] = counter.totals()
                    else:
                        fig["switch"] = "n/a (no waiting worker, no notice)"

                    seen = page.evaluate(REPORT)
                    counter.quiet(what="the report")
                    counter.reset()
                    step = "search after the update"
                    page.keyboard.press("/")
                    field = page.locator("[data-cari-input]")
                    if not field.is_visible():
                        page.locator("label.md-header__button[for=__search]").first.tap()
                    field.fill("verval")
                    page.locator("[data-cari-results] li").first.wait_for(state="visible", timeout=30_000)
                    counter.quiet(what="the search")
                    found = page.locator("[data-cari-results] li").count()
                    fig["search 'verval' after update"] = f"{counter.totals()}, {found} results shown" + "".join(
                        f"; {p.removeprefix(PREFIX)} {kib(b)}" for p, b, _, _ in counter.by_path()[:6])

                    step = "the offline check"
                    context.set_offline(True)
                    checks = []
                    # latest/ as the reader opens it, and (apart, to tell the two apart) the edition's own folder.
                    for url in (latest + "faq/", latest + SOP_PAGE, edition + "faq/", edition + SOP_PAGE):
                        tab = context.new_page()  # a tab of its own: a failed load leaves an error page behind
                        try:
                            land(tab, url)
                            title = tab.locator(".md-content h1").first.inner_text(timeout=5_000).rstrip("¶ \n")
                            ok = "ok" if "belum tersimpan" not in title else "failed (offline page)"
                            checks.append(f"{url.removeprefix(base)}: {ok} — {title!r} at {tab.url.removeprefix(base)}")
                        except Error as exc:
                            checks.append(f"{url.removeprefix(base)}: failed — {str(exc).splitlines()[0]}")
                        finally:
                            tab.close()
                    context.set_offline(False)
                except Error as exc:
                    sys.exit(f"failed during {step}: {str(exc).splitlines()[0]}")
                finally:
                    context.close()
        finally:
            httpd.shutdown()
            httpd.server_close()

    print(f"{'first visit':<30} {fig['first visit']}")
    print(f"{'update (visit 2)':<30} {fig['update (visit 2)']}")
    shown = files if listing else files[:25]
    for path, size, n, whole in shown:
        print(f"  {kib(size):>12}  {path.removeprefix(PREFIX)}" + (f"  ({n} requests, {whole} with a body)" if n > 1 else ""))
    if len(shown) < len(files):
        rest = files[len(shown):]
        print(f"  {kib(sum(row[1] for row in rest)):>12}  ... {len(rest)} more paths (--all lists them)")
    for key in ("switch", "search 'verval' after update", "publish 2026.1", "publish 2026.2"):
        print(f"{key:<30} {fig[key]}")
    print(f"{'caches on the phone':<30} " + "; ".join(f"{name!r}: {n} entries" for name, n in seen["caches"]))
    manifest = seen["manifest"] or {}
    for key in ("url", "start_url", "scope", "id"):
        print(f"{'manifest ' + key:<30} {manifest.get(key, '(no manifest link)')}")
    print(f"{'canonical':<30} {seen['canonical']}")
    print(f"{'og:url':<30} {seen['og']}")
    for line in checks:
        print(f"{'offline':<30} {line}")


if __name__ == "__main__":
    main()
