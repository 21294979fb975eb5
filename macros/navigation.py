"""Extend the hand-written top-level nav with one entry per record, computed from the data."""

from __future__ import annotations

import html

from macros.handbook import Handbook
from macros.types import ALL


def extend_nav(nav: list, handbook: Handbook) -> list:
    """Return ``nav`` where each section whose first page is ``<folder>/index.md`` also lists its records.

    ``- Regulasi: [regulasi/index.md]`` becomes the index followed by ``{short title: regulasi/<id>.md}``
    for every regulation. Sections are matched by folder, so a type listed under another section
    (SOPs under Program & SOP) follows that section's own records.
    """
    extended = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, children), = item.items()
            if isinstance(children, list) and children and isinstance(children[0], str):
                folder = children[0].removesuffix("/index.md")
                children = children + _records_in(folder, handbook)
            item = {title: children}
        extended.append(item)
    return extended


def _records_in(folder: str, handbook: Handbook) -> list[dict[str, str]]:
    entries = []
    for ctype in ALL:
        if ctype.section_folder == folder:
            entries += [{html.escape(record.short): ctype.src_uri(record.id)} for record in handbook.of_type(ctype.name)]
    return entries
