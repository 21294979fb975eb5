"""What the live preview shows while the data has errors: the editor's messages, on the page they were looking at.

`mkdocs serve` (``make serve``, ``make edit``) keeps the last good pages' addresses; while a saved file breaks a rule,
every page reads as this one instead of a stale copy, so an editor sees at once what to fix and where.
"""

from __future__ import annotations

from macros.common.errors import DataError
from macros.render.safe_text import one_line

TITLE = "Data belum valid"


def where(error: DataError) -> str:
    """``data/faq/bansos.yml, baris 12, isian jawaban``: the place of an error in an editor's words."""
    parts = [error.file]
    if error.line:
        parts.append(f"baris {error.line}")
    if error.path:
        parts.append(f"isian {error.path}")
    return ", ".join(parts)


def error_page(errors: list[DataError]) -> str:
    """The Markdown of the page the preview shows while ``errors`` stand: each error's place and what to do."""
    count = len(errors)
    lines = [
        f"# {TITLE}",
        "",
        f'!!! failure "{count} kesalahan; pratinjau menunggu perbaikan"',
        "",
        "    Berkas yang baru disimpan melanggar aturan isi buku saku. Perbaiki di penyunting (atau di berkasnya),",
        "    simpan lagi, dan halaman ini kembali menampilkan isinya.",
        "",
    ]
    for error in errors:
        lines.append(f"- **{one_line(where(error))}**: {one_line(error.message)}")
    return "\n".join(lines) + "\n"
