"""The handbook's one clock (macros/common/clock.py): pinned by tests, and nothing else of a build reads the day."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from macros.common import clock
from tests.support.data import ROOT


def test_unpinned_clock_is_the_machines_date(monkeypatch):
    monkeypatch.delenv(clock.ENV, raising=False)
    before = dt.date.today()
    assert clock.today() in {before, dt.date.today()}


@pytest.mark.parametrize("pinned", ["2026-12-01", "2030-02-28", " 2027-01-01 "])
def test_pinned_clock_is_the_pinned_date(monkeypatch, pinned):
    monkeypatch.setenv(clock.ENV, pinned)
    assert clock.today() == dt.date.fromisoformat(pinned.strip())


@pytest.mark.parametrize("pinned", ["besok", "2026-13-01", "01-12-2026", "2026-12"])
def test_pinned_clock_must_be_a_date(monkeypatch, pinned):
    monkeypatch.setenv(clock.ENV, pinned)
    with pytest.raises(clock.ClockError, match=f'{clock.ENV} harus berupa tanggal ISO'):
        clock.today()


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _build_on(shift: str, site_dir) -> None:
    """Build the real handbook with every clock of the build (ours, MkDocs's, the libraries') shifted by ``shift``."""
    env = {k: v for k, v in os.environ.items() if k != clock.ENV}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = ["faketime", shift, sys.executable, "-m", "macros", "build", "--root", str(ROOT), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_same_data_builds_the_same_site_on_any_day(site, tmp_path):
    """Build the real handbook as if two years later than the session's build: every file of the site is the same,
    byte for byte (sitemap and feed dates come from the data's changes, not from the day of the build)."""
    assert shutil.which("faketime"), "Debian's faketime is needed (make test installs it)"
    _build_on("+760 days", tmp_path / "b")
    one, other = _files(site), _files(tmp_path / "b")
    assert "sitemap.xml" in one and len(one) > 100
    changed = sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))
    assert not changed, f"files that depend on the day of the build: {changed}"
