"""Fixtures shared by the test modules: data trees, built sites, a local server and a phone browser."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import ROOT, write_tree

#: What a copy of the project needs besides data/ to build a site.
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides")


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
        [sys.executable, "-m", "macros.cli", "build", "--root", str(root), "--site-dir", str(site_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Build the real handbook once per test session and return its site folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1 (a free port) and return its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
