"""One build's worth of handbook: loaded once, shared by the MkDocs hooks and the page macros."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from macros.common.files import write_if_changed
from macros.load.handbook import load_handbook
from macros.model.handbook import Handbook
from macros.render.abbreviations import abbreviations_markdown
from macros.render.renderer import Page, Renderer

#: Where generated helper files live (outside docs/, so `mkdocs serve` does not loop on them).
GENERATED = ".generated"
ABBREVIATIONS = "abbreviations.md"


@dataclass
class Site:
    root: Path
    handbook: Handbook
    renderer: Renderer

    def pages(self) -> list[Page]:
        return self.renderer.record_pages()

    def write_abbreviations(self) -> Path:
        """Write the glossary abbreviations file, only when its content changed."""
        return write_if_changed(self.root / GENERATED / ABBREVIATIONS, abbreviations_markdown(self.handbook))


_current: Site | None = None


#: The region whose edition is built (``tksk build --wilayah <id>`` sets it for MkDocs): its layer is loaded too.
WILAYAH_ENV = "TKSK_WILAYAH"


def load_site(root: Path | str) -> Site:
    """Load and check the data under ``root`` (with the layer of the region ``TKSK_WILAYAH`` names, if any); the
    result is what the page macros then use."""
    global _current
    handbook = load_handbook(root, wilayah=os.environ.get(WILAYAH_ENV) or None)
    _current = Site(Path(root), handbook, Renderer(handbook))
    return _current


def current() -> Site:
    if _current is None:
        raise RuntimeError("the handbook is not loaded: is the `buku-saku` plugin listed in mkdocs.yml?")
    return _current

