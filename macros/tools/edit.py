"""`tksk edit` (`make edit`): the form editor for Dinsos editors, beside the live preview, on this computer only.

Two addresses on 127.0.0.1:

- the editor, ``http://127.0.0.1:8001/admin/``: Sveltia CMS (npm ``@sveltia/cms``, pinned in package-lock.json)
  with the configuration `tksk schemas` generates from the content types (``admin/config.yml``,
  ``macros/tools/cms.py``). In Chromium or Edge, "Work with Local Repository" opens the project folder; each
  save writes the YAML file itself;
- the preview, ``http://127.0.0.1:8000/``: ``mkdocs serve``, which rebuilds after each save. While a saved file
  breaks a rule, every preview page shows the editor's messages (``macros/render/data_errors.py``), and the editor
  shows them too, above the form (``admin/status.js`` reads ``/admin/status.json``, the result of the same checks
  as `tksk validate`).

Why Sveltia CMS, measured on 2026-12-02 (first load gzip; details in README "Penyunting formulir"): its one
script is 620 KiB against Decap CMS's 1,474 KiB; it writes a list at the top of a YAML file (``root: true``),
which the handbook's list files need and Decap cannot (decap-cms issue 531); it edits the local folder through
the browser's File System Access API with no extra server, where Decap needs its ``decap-server`` proxy. Neither
ships an Indonesian interface: Sveltia follows the browser's language among the 29 it has and falls back to
English, so labels, hints and messages of the handbook are Indonesian and the CMS's own buttons are English.

Nothing here loads from another host. Sveltia's bundle names three fonts on a CDN (jsDelivr); the same fonts
come from npm (``@fontsource``) and the script is served with those three addresses pointing at our copies
(``FONTS``: checked at start, so a new Sveltia version that names others stops with a message rather than
fetching them). The admin page has its own Content-Security-Policy (``policy``): scripts only from this server,
connections only to it (and, with a remote backend, to that host's API), no frames, no plugins. Sveltia needs
inline styles (Svelte puts component styles in ``<style>`` elements) and ``blob:`` images for its file previews.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from macros.common.errors import DataInvalid
from macros.load.handbook import load_handbook
from macros.render.data_errors import where
from macros.tools import cms

ADMIN = "admin"
CMS_SCRIPT = "node_modules/@sveltia/cms/dist/sveltia-cms.js"
#: The CDN addresses in Sveltia's bundle, and the same font files from npm (package-lock.json pins both).
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
}
#: Hosts a remote backend's API answers on: the editor may connect to these, and to nothing else outside.
BACKEND_HOSTS = {"github": "https://api.github.com", "gitlab": "https://gitlab.com"}
DEFAULT_PORT, PREVIEW_PORT = 8001, 8000
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".yml": "application/yaml; charset=utf-8", ".json": "application/json; charset=utf-8", ".woff2": "font/woff2",
         ".svg": "image/svg+xml"}


class EditError(Exception):
    """A reason the editor cannot start, told in Indonesian."""


@dataclass(frozen=True)
class Backend:
    """Where the editor commits when it is not editing the local folder: a GitHub or GitLab repository."""

    name: str
    repo: str
    branch: str

    def config(self) -> dict:
        return {"name": self.name, "repo": self.repo, "branch": self.branch}


def backend_from(env: dict[str, str], root: Path) -> Backend:
    """The backend named by ``CMS_BACKEND``/``CMS_REPO``/``CMS_BRANCH``, else the project's ``origin`` remote, else a
    local-only one (the editor then works on the local folder only; its repository name is never contacted)."""
    name = env.get("CMS_BACKEND", "").strip() or None
    repo = env.get("CMS_REPO", "").strip() or None
    branch = env.get("CMS_BRANCH", "").strip() or "main"
    if repo is None:
        origin = subprocess.run(["git", "remote", "get-url", "origin"], cwd=root, capture_output=True, text=True).stdout.strip()
        match = re.search(r"(github|gitlab)\.com[:/](.+?)(?:\.git)?$", origin)
        if match:
            name, repo = name or match[1], match[2]
    if name is not None and name not in BACKEND_HOSTS:
        raise EditError(f'CMS_BACKEND "{name}" tidak dikenal: tulis github atau gitlab.')
    if repo is not None and not re.fullmatch(r"[\w.-]+(?:/[\w.-]+)+", repo):
        raise EditError(f'CMS_REPO "{repo}" bukan nama repositori: tulis PEMILIK/NAMA, misalnya dinsos-contoh/buku-saku-tksk.')
    return Backend(name or "github", repo or f"lokal/{root.name}", branch)


def remote(backend: Backend) -> str | None:
    """The API host the editor talks to, or None when it only edits the local folder."""
    return None if backend.repo.startswith("lokal/") else BACKEND_HOSTS[backend.name]


def policy(backend: Backend) -> str:
    """The admin page's Content-Security-Policy: this server only, plus the backend's API when there is one."""
    connect = " ".join(filter(None, ["'self'", "data:", "blob:", remote(backend)]))  # Sveltia fetches its own logo (data:)
    return ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            f"font-src 'self'; connect-src {connect}; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'; frame-src 'none'; object-src 'none'")


def cms_script(root: Path) -> bytes:
    """Sveltia's script with its three font addresses pointing at our copies; refuse one that names other hosts' fonts."""
    path = root / CMS_SCRIPT
    if not path.is_file():
        raise EditError(f"{CMS_SCRIPT} belum ada: jalankan make edit (memasang paket npm dengan npm ci).")
    text = path.read_text(encoding="utf-8")
    for address, local in FONTS.items():
        if address not in text:
            raise EditError(f"Sveltia CMS tidak lagi memuat huruf dari {address}; perbarui FONTS di macros/tools/edit.py "
                            "untuk versi ini sebelum memakainya (penyunting tidak boleh memuat apa pun dari host lain).")
        text = text.replace(address, "/admin/fonts/" + Path(local).name)
    if "cdn.jsdelivr.net/fontsource" in text:
        raise EditError("Sveltia CMS memuat huruf lain dari jsDelivr; tambahkan ke FONTS di macros/tools/edit.py.")
    return text.encode("utf-8")


def served_config(root: Path, backend: Backend, preview: str | None) -> bytes:
    """``admin/config.yml`` as the editor reads it: the generated collections, the backend, and the preview's address."""
    data = yaml.safe_load((root / cms.CONFIG).read_text(encoding="utf-8"))
    data = {"backend": backend.config(), **data}
    if preview:
        data["site_url"] = preview
        data["show_preview_links"] = True
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


class Status:
    """What `tksk validate` says of the data, recomputed when a data file changed: read by the editor's banner."""

    def __init__(self, root: Path):
        self.root, self._stamp, self._body = root, None, b""
        self._lock = threading.Lock()

    def _data_stamp(self) -> tuple:
        files = sorted(p for folder in ("data", "wilayah") for p in (self.root / folder).rglob("*.yml"))
        return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)

    def json(self) -> bytes:
        with self._lock:
            stamp = self._data_stamp()
            if stamp != self._stamp:
                self._stamp, self._body = stamp, json.dumps(self._check(), ensure_ascii=False).encode("utf-8")
            return self._body

    def _check(self) -> dict:
        try:
            load_handbook(self.root)
        except DataInvalid as exc:
            return {"valid": False, "errors": [{"where": where(e), "file": e.file, "line": e.line, "field": e.path,
                                                 "message": e.message} for e in exc.errors]}
        except Exception as exc:
            return {"valid": False, "errors": [{"where": "data/", "file": "data/", "line": 0, "field": "",
                                                 "message": f"data tidak dapat dibaca: {exc}"}]}
        return {"valid": True, "errors": []}


class EditHandler(http.server.BaseHTTPRequestHandler):
    """The admin page, its files, the CMS script and fonts, the served configuration and the data's status."""

    root: Path
    backend: Backend
    preview: str | None
    status: Status
    script: bytes

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = urlsplit(self.path).path
        if path in ("/", "/admin"):
            return self._redirect("/admin/")
        if path == "/admin/":
            return self._file(self.root / ADMIN / "index.html")
        if path == "/admin/config.yml":
            return self._send(served_config(self.root, self.backend, self.preview), TYPES[".yml"])
        if path == "/admin/status.json":
            return self._send(self.status.json(), TYPES[".json"], cache=False)
        if path == "/admin/sveltia-cms.js":
            return self._send(self.script, TYPES[".js"])
        if path.startswith("/admin/fonts/"):
            fonts = {Path(local).name: local for local in FONTS.values()}
            local = fonts.get(path.removeprefix("/admin/fonts/"))
            return self._file(self.root / local) if local else self._missing()
        name = path.removeprefix("/admin/")
        if re.fullmatch(r"[\w-]+\.(?:js|css|svg)", name):
            return self._file(self.root / ADMIN / name)
        return self._missing()

    def _redirect(self, to: str):
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _file(self, path: Path):
        if not path.is_file():
            return self._missing()
        return self._send(path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))

    def _missing(self):
        self._send(b"Tidak ada di penyunting.", "text/plain; charset=utf-8", code=404)

    def _send(self, body: bytes, kind: str, code: int = 200, cache: bool = True):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", policy(self.backend))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache" if cache else "no-store")
        self.end_headers()
        self.wfile.write(body)


def make_server(root: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, preview: str | None = None,
                env: dict[str, str] | None = None) -> http.server.ThreadingHTTPServer:
    """The editor's server for the project in ``root`` (port 0: any free port)."""
    backend = backend_from(dict(os.environ) if env is None else env, root)
    options = {"root": root, "backend": backend, "preview": preview, "status": Status(root), "script": cms_script(root)}
    server = _Server((host, port), type("Handler", (EditHandler,), options))
    server.daemon_threads = True
    server.backend = backend
    return server


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closed its connection early (a reload) is no error worth a traceback in the terminal."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start_preview(root: Path, port: int) -> subprocess.Popen:
    """Start ``mkdocs serve`` for the live preview: quiet (its progress lines are English), so the terminal shows only
    problems, and the data errors the plugin prints in Indonesian."""
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    return subprocess.Popen([mkdocs, "serve", "--quiet", "--dev-addr", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
                            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


DESCRIPTION = ("Buka penyunting formulir (Sveltia CMS) di http://127.0.0.1:8001/admin/ dan pratinjau langsung "
               "(mkdocs serve) di http://127.0.0.1:8000/, hanya di komputer ini.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="PORT", help=f"port penyunting; bawaan: {DEFAULT_PORT}")
    parser.add_argument("--preview-port", type=int, default=PREVIEW_PORT, metavar="PORT", help=f"port pratinjau; bawaan: {PREVIEW_PORT}")
    parser.add_argument("--tanpa-pratinjau", action="store_true", help="jangan jalankan mkdocs serve (pratinjau sudah berjalan)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER",
                        help="folder proyek (berisi mkdocs.yml); bawaan: folder ini")


def run(args: argparse.Namespace) -> int:
    """`tksk edit`: write the editor's configuration, start the preview and the editor, serve until Ctrl+C."""
    root = args.root.resolve()
    try:
        for rel, what in cms.write_config(root):
            print(f"{rel}: {what}")
        preview_url = f"http://127.0.0.1:{args.preview_port}/"
        server = make_server(root, port=args.port, preview=preview_url)
    except (EditError, OSError) as exc:
        print(f"Penyunting tidak dapat dibuka: {exc}", file=sys.stderr)
        return 1
    preview = None if args.tanpa_pratinjau else start_preview(root, args.preview_port)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        backend = server.backend
        print(f"Penyunting: http://127.0.0.1:{server.server_address[1]}/admin/ (buka di Chromium, Chrome atau Edge; "
              "pilih \"Work with Local Repository\" lalu folder proyek ini)")
        if preview is not None:
            print(f"Pratinjau:  {preview_url} (diperbarui setiap kali Anda menyimpan)")
        if remote(backend):
            print(f"Terbitkan dari peramban: {backend.name} {backend.repo}, cabang {backend.branch} (lihat README).")
        print("Hentikan dengan Ctrl+C.", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if preview is not None:
            preview.terminate()
            try:
                preview.wait(timeout=10)
            except subprocess.TimeoutExpired:
                preview.kill()
    return 0


def _interrupt(signum, frame):
    """Stop on ``kill`` as on Ctrl+C: the preview is stopped with the editor."""
    raise KeyboardInterrupt
