"""Copies of the project and the editors' build command, for tests and benches that build a whole site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.data import ROOT, write_tree

#: What a copy of the project needs besides data/ to build a site.
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides")


def copy_project(dest: Path, data_changes: dict[str, str | None] | None = None, real_data: bool = True) -> Path:
    """Copy the project's site sources to ``dest`` with the real data (or the small base tree), changed."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    if real_data:
        shutil.copytree(ROOT / "data", dest / "data")
        shutil.copytree(ROOT / "wilayah", dest / "wilayah")  # the regions' layers, built only when asked for
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
