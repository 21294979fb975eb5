"""Nothing lost: a build stopped half-way, or a bad edit while `mkdocs serve` runs, leaves the last good site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.data import ROOT
from tests.support.project import build, copy_project


def _wait_for(condition, seconds: float, step: float = 0.2) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return False


def test_interrupted_build_leaves_the_previous_site_intact(tmp_path):
    """Kill a build half-way (as a power cut would): site/ stays as it was, and the next build cleans up and succeeds."""
    project = copy_project(tmp_path / "p")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("edisi lama", encoding="utf-8")
    command = [sys.executable, "-m", "macros", "build", "--root", str(project), "--site-dir", str(site_dir)]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        under_way = _wait_for(lambda: any(tmp_path.glob(".site-*/site/sop/*/index.html")), 120)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the build and the mkdocs it runs
        process.wait()
    assert under_way, "the build never started writing pages"
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "edisi lama"

    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    assert (site_dir / "sop" / "verval-data-kpm" / "index.html").is_file()
    assert not list(tmp_path.glob(".site-*")), "the interrupted build's work folder was left behind"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@pytest.mark.real_clock  # `mkdocs serve` polls files with timed waits, which hang under libfaketime
def test_bad_edit_during_serve_keeps_the_last_good_site(tmp_path):
    """An editor saves a broken file while `mkdocs serve` runs: the error is shown in the editor's words, the server
    keeps running (MkDocs holds requests until the data is fixed, rather than serving half a site), and fixing the
    file brings the change in."""
    project = copy_project(tmp_path / "p")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/sop/verval-data-kpm/"
    sop = project / "data" / "sop" / "verval-data-kpm.yml"
    good = sop.read_text(encoding="utf-8")
    try:
        assert _wait_for(lambda: _get(url) is not None, 180), log.read_text(encoding="utf-8")
        before = _get(url)

        sop.write_text(good.replace("\njudul: ", '\njudul: "', 1), encoding="utf-8")  # an unclosed quote
        assert _wait_for(lambda: "tanda kutip dibuka di baris ini" in log.read_text(encoding="utf-8"), 120)
        assert "Traceback" not in log.read_text(encoding="utf-8")
        assert process.poll() is None, "the server stopped on bad data"

        sop.write_text(good.replace("\njudul: ", "\njudul: Disunting ", 1), encoding="utf-8")
        assert _wait_for(lambda: "Disunting" in (_get(url) or ""), 120), log.read_text(encoding="utf-8")
        assert before and "Disunting" not in before
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_generated_helper_files_are_replaced_whole(tmp_path):
    """Files the build writes for itself (glossary abbreviations, feed) are swapped in whole, never half-written."""
    from macros.common.files import write_if_changed

    target = tmp_path / "x" / "abbreviations.md"
    write_if_changed(target, "satu\n")
    inode = target.stat().st_ino
    write_if_changed(target, "satu\n")
    assert target.stat().st_ino == inode  # unchanged text: not rewritten, so watchers see no change
    write_if_changed(target, "dua\n")
    assert target.read_text(encoding="utf-8") == "dua\n"
    assert target.stat().st_ino != inode  # a new file moved into place in one step
    assert [p.name for p in target.parent.iterdir()] == ["abbreviations.md"]
    assert Path(target).parent.is_dir()
