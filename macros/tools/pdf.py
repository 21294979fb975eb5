"""PDF for paper: ``tksk pdf`` writes each trainer's kit and the whole handbook as A4 PDF files.

The site is built strictly (``macros.tools.build``) into a temporary folder, served on 127.0.0.1 from a
thread (``macros.tools.serve``), and Debian's Chromium prints it through the ``playwright`` package (which never downloads a
browser here). The print CSS decides the layout (docs/stylesheets/cetak.css; the whole handbook is
mkdocs-print-site-plugin's ``print_page/``). Output, by default in ``pdf/``:

- ``<id>.pdf``: one per session plan kit page ``rencana/<id>/``;
- ``susun-sendiri-contoh.pdf``: a kit composed on "Susun sesi sendiri" (``rencana/susun/``), the example the page
  itself carries (the first stage's modules, docs/javascripts/susun.js builds it in the browser);
- ``buku-saku-tksk.pdf``: the whole handbook.

Each file is written under a temporary name and renamed when complete, so a failure never leaves a
half-written PDF. Requests that would leave 127.0.0.1 are refused and reported: the site loads
nothing from another host.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.tools.build import BuildFailed, temporary_site
from macros.tools.serve import serving
from macros.types.rencana import COMPOSER
from macros.types.rencana import TYPE as RENCANA

#: Debian's Chromium, the same the browser tests drive; playwright never downloads one.
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: The folder of kit pages, one per session plan (data/rencana/<id>.yml → rencana/<id>/).
KIT_SECTION = "rencana"
#: The whole handbook on one page, written by mkdocs-print-site-plugin (mkdocs.yml).
HANDBOOK_PAGE = "print_page/"
HANDBOOK_PDF = "buku-saku-tksk.pdf"
#: The composed example kit, and what shows that the composer has built it (a part of the kit on its own sheet).
COMPOSED_PDF = "susun-sendiri-contoh.pdf"
COMPOSED_READY = "#susun-kit .kit-halaman"
_COMPOSER_DATA = re.compile(r'<script type="application/json" id="susun-data">(.*?)</script>', re.DOTALL)
#: Milliseconds a page may take to load and print (the whole handbook is one long page).
TIMEOUT_MS = 180_000
LOCAL_SCHEMES = ("data:", "blob:", "about:")


class PdfError(Exception):
    """A failure with a message for the editor, in Indonesian."""


@dataclass(frozen=True)
class Written:
    path: Path
    size: int
    pages: int

    def line(self) -> str:
        return f"  {self.path.name:<40} {_size(self.size):>9}  {self.pages:>4} halaman"


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def kit_ids(site_dir: Path) -> list[str]:
    """Return the id of every kit page in a built site: each ``rencana/<id>/`` (not the section's own pages)."""
    section = site_dir / KIT_SECTION
    if not section.is_dir():
        return []
    own = set(RENCANA.own_section.pages)
    return sorted(p.parent.name for p in section.glob("*/index.html") if p.parent.name not in own)


def composed_example(site_dir: Path) -> str | None:
    """Return the address of the composer's example kit in a built site (``rencana/susun/#modul=...``), if it has one."""
    page = site_dir / KIT_SECTION / COMPOSER / "index.html"
    if not page.is_file():
        return None
    found = _COMPOSER_DATA.search(page.read_text(encoding="utf-8"))
    example = json.loads(found.group(1)).get("contoh") if found else None
    return f"{KIT_SECTION}/{COMPOSER}/#{example}" if example else None


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _print_page(page, url: str, target: Path, ready: str | None = None) -> None:
    """Open ``url`` as for printing and write it to ``target`` as an A4 PDF, atomically; with ``ready``, first wait
    until the page shows that selector (a kit its script builds)."""
    response = page.goto(url, wait_until="networkidle")
    if response is None or not response.ok:
        raise PdfError(f"halaman {url} tidak dapat dibuka (status {response.status if response else 'tidak ada'})")
    if ready:
        page.wait_for_selector(ready, state="attached")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    # The print page copies its table of contents from the sidebar on DOMContentLoaded (print-site-plugin's
    # generate_toc); under load that copy was seen missing, so make sure it is there before printing.
    rebuild = """() => {
        const toc = document.querySelector("#print-page-toc nav");
        if (!toc || toc.querySelector("li") || typeof generate_toc !== "function") return;
        toc.querySelectorAll("ul").forEach((list) => list.remove());
        generate_toc();
    }"""
    for _ in range(20):  # the page is large (every record): its deferred scripts may still be running
        page.evaluate(rebuild)
        if page.evaluate("() => !document.querySelector('#print-page-toc nav') || !!document.querySelector('#print-page-toc nav li')"):
            break
        page.wait_for_timeout(250)
    # What a browser does before printing: Material opens every <details> so that no text is hidden on paper.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_load_state("networkidle")
    part = target.with_name(f".{target.name}.part")
    try:
        page.pdf(path=str(part), format="A4", print_background=True, prefer_css_page_size=True)
        if page_count(part) < 1:
            raise PdfError(f"{target.name}: PDF kosong")
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def write_pdfs(site_dir: Path, out_dir: Path, report: Callable[[str], None] = print) -> list[Written]:
    """Print every kit page and the whole handbook of the site built in ``site_dir`` into ``out_dir``.

    Report each file as it is written; raise :class:`PdfError` (an Indonesian message) on any failure.
    """
    try:
        import playwright.sync_api as pw
        import pypdf  # noqa: F401  (page counts)
    except ImportError as exc:
        raise PdfError(f"paket {exc.name} belum terpasang; jalankan `make pdf` (memasang yang diperlukan)") from exc
    if not Path(CHROMIUM).exists():
        raise PdfError(f"Chromium tidak ada di {CHROMIUM}; jalankan `make pdf` (memasangnya dengan apt-get)")
    if not (site_dir / HANDBOOK_PAGE / "index.html").is_file():
        raise PdfError(f"halaman cetak {HANDBOOK_PAGE} tidak ada di situs; periksa plugin print-site di mkdocs.yml")
    jobs = [(f"{KIT_SECTION}/{kid}/", f"{kid}.pdf", None) for kid in kit_ids(site_dir)]
    if example := composed_example(site_dir):
        jobs.append((example, COMPOSED_PDF, COMPOSED_READY))
    jobs.append((HANDBOOK_PAGE, HANDBOOK_PDF, None))
    out_dir.mkdir(parents=True, exist_ok=True)

    written: list[Written] = []
    outside: list[str] = []
    with serving(site_dir) as base:

        def only_local(route):
            url = route.request.url
            if url.startswith((base + "/", *LOCAL_SCHEMES)):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        try:
            with pw.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
                # No service worker: offline.js would otherwise start caching the whole edition.
                context = browser.new_context(service_workers="block", viewport={"width": 1000, "height": 1400})
                context.set_default_timeout(TIMEOUT_MS)
                context.route("**/*", only_local)
                page = context.new_page()
                page.emulate_media(media="print")
                for path, name, ready in jobs:
                    target = out_dir / name
                    try:
                        _print_page(page, f"{base}/{path}", target, ready)
                    except pw.Error as exc:
                        raise PdfError(f"{name} gagal dibuat dari {path}: {_first_line(exc)}") from exc
                    written.append(Written(target, target.stat().st_size, page_count(target)))
                    report(written[-1].line())
                browser.close()
        except pw.Error as exc:  # starting the browser: one line for the editor, no traceback
            raise PdfError(f"Chromium gagal: {_first_line(exc)}") from exc
    if outside:
        report(f"peringatan: {len(outside)} permintaan ke luar 127.0.0.1 ditolak, misalnya {outside[0]}")
    return written


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def run(root: Path, out_dir: Path | None = None) -> int:
    """Build the site strictly into a temporary folder and print its PDFs into ``out_dir`` (``pdf/``)."""
    out_dir = (out_dir or root / "pdf").resolve()
    try:
        with temporary_site(root, prefix="tksk-pdf-") as site_dir:
            print("ok: situs dibangun")
            print(f"Mencetak PDF A4 ke {out_dir}:")
            try:
                written = write_pdfs(site_dir, out_dir)
            except PdfError as exc:
                print(f"PDF tidak dibuat: {exc}", file=sys.stderr)
                return 1
            except OSError as exc:
                print(f"PDF tidak dibuat: {exc.filename or out_dir} tidak dapat ditulis ({exc.strerror or exc})", file=sys.stderr)
                return 1
            except Exception as exc:  # the editor gets one line, not a traceback
                print(f"PDF tidak dibuat: kesalahan tak terduga: {type(exc).__name__}: {_first_line(exc)}", file=sys.stderr)
                return 1
    except BuildFailed:
        print("PDF tidak dibuat: situs gagal dibangun (lihat kesalahan di atas).", file=sys.stderr)
        return 1
    composed = sum(w.path.name == COMPOSED_PDF for w in written)
    kits = len(written) - 1 - composed
    also = ", contoh susun sendiri" if composed else ""
    print(f"ok: {len(written)} PDF ditulis ({kits} perangkat sesi{also} dan buku saku lengkap)")
    return 0
