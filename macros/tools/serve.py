"""The one static server of the project: a built site served as a real static host serves it (gzip, cache headers).

`tksk preview` (`make preview`), `tksk pdf`, the benchmarks in bench/ and the tests serve sites with this, so page weights and Lighthouse
figures match what a phone downloads from the published handbook. `mkdocs serve` and Python's
``http.server`` send every file uncompressed and without cache headers, which makes pages look three
to four times heavier than they are and a second page look as heavy as the first.

Why our own few lines and not a package: the standard library has the file server but no compression,
and the static servers that compress (nginx, caddy, npm ``serve``) are another program to install and
configure. The reference host is GitHub Pages, where `make publish` (mike) puts the editions:

- text files (HTML, CSS, JS, JSON, XML, SVG, web manifest, plain text) are sent gzip-compressed to a
  browser that accepts it, with ``Vary: Accept-Encoding``;
- every file carries ``Cache-Control: max-age=600`` and an ``ETag``; a request with a matching
  ``If-None-Match`` gets ``304 Not Modified`` without a body;
- a folder address without its slash is redirected (301) to the slash form; a missing file gets the
  site's own 404.html with status 404.

A published edition sits in mike's folder beside ``versions.json``, which Material's edition selector
reads on every first view. A build served at the root has none, so the preview answers it with this one
edition (``pratinjau``), as mike would: otherwise each page would log a 404 and download the 404 page.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import http.server
import sys
import threading
from collections.abc import Iterator
from functools import lru_cache, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Types a static host compresses. Images (PNG, JPEG, WebP) and fonts (WOFF2) are compressed already.
COMPRESSED_TYPES = frozenset({
    "text/html", "text/css", "text/javascript", "application/javascript", "application/json",
    "application/xml", "text/xml", "image/svg+xml", "application/manifest+json", "text/plain",
    "application/atom+xml",
})
#: What GitHub Pages sends: browsers reuse a file for ten minutes before asking again.
CACHE_CONTROL = "max-age=600"
GZIP_LEVEL = 6
#: mike's list of editions, for a single build served at the root (see the module's docstring).
VERSIONS = b'[{"version": "pratinjau", "title": "pratinjau", "aliases": []}]'


@lru_cache(maxsize=4096)
def _encoded(path: str, mtime_ns: int, size: int) -> tuple[bytes, bytes, str]:
    """Return (body, gzip body, ETag) of a file; the key includes mtime and size so a rebuild is seen."""
    body = Path(path).read_bytes()
    etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:16] + '"'
    return body, gzip.compress(body, GZIP_LEVEL, mtime=0), etag


def _uses_mike(site_dir: Path) -> bool:
    """Whether the build shows mike's edition selector (mkdocs.yml extra.version.provider: mike)."""
    home = site_dir / "index.html"
    return home.is_file() and b'"provider": "mike"' in home.read_bytes()


@lru_cache(maxsize=1)
def _versions_file() -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="pratinjau-")) / "versions.json"
    path.write_bytes(VERSIONS)
    return path


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a folder as a static host does: gzip, ETag, max-age, 304, folder redirects, the site's 404 page."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
    }
    protocol_version = "HTTP/1.1"  # keep-alive, as every host: one connection for a page's files
    quiet = False
    #: what ``Cache-Control`` says; None sends none (the tests, which rewrite files in place between visits)
    cache_control: str | None = CACHE_CONTROL
    #: when a list: every requested path, without its query, is appended (tests count what a phone fetched)
    paths: list[str] | None = None

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)

    def end_headers(self):
        if self.cache_control:
            self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def do_GET(self):
        self._serve(head=False)

    def do_HEAD(self):
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        if self.paths is not None:
            self.paths.append(self.path.split("?")[0])
        url_path = unquote(urlsplit(self.path).path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        if status == 404 and url_path == "/versions.json" and _uses_mike(Path(self.directory)):
            path = _versions_file()
            status = 200
        stat = path.stat()
        body, packed, etag = _encoded(str(path), stat.st_mtime_ns, stat.st_size)
        ctype = self.guess_type(str(path))
        if status == 200 and etag in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        compress = ctype.split(";")[0] in COMPRESSED_TYPES
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        data = packed if compress and accepts else body
        self.send_response(status)
        self.send_header("Content-Type", ctype if not ctype.startswith("text/") else ctype + "; charset=utf-8")
        if compress:
            self.send_header("Vary", "Accept-Encoding")
            if accepts:
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        if not head:
            self.wfile.write(data)


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded server that says nothing when a browser drops a connection (a page left mid-load, a tool that
    closes early, as Lighthouse does): a traceback for each would bury what the preview prints, and printed
    from a server thread it lands in whatever else is writing to the terminal."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
                cache_control: str | None = CACHE_CONTROL, paths: list[str] | None = None) -> QuietServer:
    """Return a server for ``site_dir`` on host:port (port 0: any free port); call ``serve_forever`` on it."""
    options = {"quiet": quiet, "cache_control": cache_control, "paths": paths}
    handler = partial(type("Handler", (PreviewHandler,), options), directory=str(site_dir))
    return QuietServer((host, port), handler)


@contextlib.contextmanager
def serving(site_dir: Path, host: str = "127.0.0.1", port: int = 0, cache_control: str | None = CACHE_CONTROL,
            paths: list[str] | None = None) -> Iterator[str]:
    """Serve ``site_dir`` in a background thread while the block runs; yield its base URL (no trailing slash)."""
    httpd = make_server(site_dir, host, port, quiet=True, cache_control=cache_control, paths=paths)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


DESCRIPTION = "Pratinjau situs hasil build seperti di hosting: gzip dan cache."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `tksk preview`."""
    parser.add_argument("site_dir", nargs="?", default="site", type=Path, metavar="FOLDER", help="folder hasil build (bawaan: site)")
    parser.add_argument("--host", default="127.0.0.1", metavar="ALAMAT", help="alamat; bawaan: 127.0.0.1 (hanya komputer ini)")
    parser.add_argument("--port", type=int, default=8000, help="port; bawaan: 8000")


def run(args: argparse.Namespace) -> int:
    """`tksk preview`: serve a built site until Ctrl+C."""
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}/index.html tidak ada: bangun situs dulu (tksk build).", file=sys.stderr)
        return 1
    httpd = make_server(args.site_dir, args.host, args.port)
    address = f"http://{args.host}:{httpd.server_address[1]}/"
    print(f"Pratinjau {args.site_dir} (gzip, cache seperti hosting) di {address} — Ctrl+C untuk berhenti.", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        httpd.serve_forever()
    httpd.server_close()
    return 0
