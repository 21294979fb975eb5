"""Writing files so that a reader (an editor's program, `mkdocs serve`, a crash) never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to a temporary file beside ``path``, then put it in place in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_if_changed(path: Path, text: str) -> Path:
    """Write ``text`` atomically, only when the file does not already hold it (watchers see no change)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)
    return path
