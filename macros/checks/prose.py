"""Check the macro calls in hand-written pages before the build, so a typo gets a precise message.

mkdocs-macros would stop on it too, but with a Python traceback; an editor should see
``content/beranda.md:46: tautan: tidak ada catatan dengan id "..."`` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.common.errors import ErrorLog
from macros.common.hints import did_you_mean
from macros.model.handbook import Handbook
from macros.render.renderer import TEMPLATES

_CALL = re.compile(r"""\{\{\s*(tautan|daftar)\(\s*["']([^"']*)["']""")


def check_page_macros(root: Path, handbook: Handbook, log: ErrorLog) -> None:
    """Report every ``tautan("id")`` to a missing record and every ``daftar("name")`` of an unknown block."""
    blocks = sorted(p.name.removesuffix(".md.j2") for p in (TEMPLATES / "blocks").glob("*.md.j2"))
    for folder in ("docs", "content"):
        for path in sorted((root / folder).rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for macro, arg in _CALL.findall(line):
                    known = list(handbook.records) if macro == "tautan" else blocks
                    if arg in known:
                        continue
                    what = "catatan dengan id" if macro == "tautan" else "daftar bernama"
                    log.add(rel, number, macro, f"tidak ada {what} \"{arg}\"{did_you_mean(arg, known)}")
