"""Build the menu: the hand-written pages of mkdocs.yml, each type's section after the home page, and the
records of each section, all computed from the data."""

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
    for item in _with_type_sections(nav, handbook):
        if isinstance(item, dict) and len(item) == 1:
            (title, children), = item.items()
            if isinstance(children, list) and children and isinstance(children[0], str):
                folder = children[0].removesuffix("/index.md")
                children = children + _records_in(folder, handbook)
            item = {title: children}
        extended.append(item)
    return extended


def _records_in(folder: str, handbook: Handbook) -> list:
    nested = {child.type.name for ctype in ALL for child in ctype.children}  # listed by their parent's nav
    entries = []
    for ctype in ALL:
        if ctype.section_folder != folder or ctype.name in nested:
            continue
        if ctype.nav:
            entries += _escaped(ctype.nav(handbook))
        else:
            entries += [{html.escape(record.short): ctype.src_uri(record.id)} for record in handbook.of_type(ctype.name)]
    return entries


def _with_type_sections(nav: list, handbook: Handbook) -> list:
    """Insert the sections that types bring (``own_section``), in type order, after the home page entry."""
    sections = [{t.own_section.title: [f"{t.url_folder}/index.md"]} for t in ALL if t.own_section]
    return nav[:1] + sections + nav[1:]


def _escaped(entries: list) -> list:
    """Escape menu titles (the theme prints them as HTML); nested sections keep their structure."""
    out = []
    for entry in entries:
        if isinstance(entry, str):  # a section's own page, listed first
            out.append(entry)
            continue
        (title, target), = entry.items()
        out.append({html.escape(title): _escaped(target) if isinstance(target, list) else target})
    return out
