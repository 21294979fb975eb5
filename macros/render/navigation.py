"""Build the menu: the hand-written pages of mkdocs.yml, each type's section after the home page, and the
topics of each section (FAQ topics, learning stages), all computed from the data.

The menu never lists records: a handbook of thousands of records keeps a short menu, and a page's size and
the build time do not grow with records elsewhere. Records are reached from their section's index and
topic pages (``macros.model.listing``), from links and from search; a record page names its section and topic.
"""

from __future__ import annotations

import html

from macros.model.handbook import Handbook
from macros.model.listing import topics_of
from macros.types import ALL


def extend_nav(nav: list, handbook: Handbook) -> list:
    """Return ``nav`` where each section whose first page is ``<folder>/index.md`` also lists its topics.

    ``- Tanya Jawab: [faq/index.md]`` becomes the index followed by ``{topic title: faq/topik/<slug>/index.md}``
    for every FAQ topic. A type adds its own entries with ``nav`` (the learning stages) and its groups
    with ``topics`` (``in_nav``). Sections are matched by folder, so a type listed under another section
    (SOPs under Program & SOP) adds its entries to that section.
    """
    extended = []
    for item in _with_type_sections(nav, handbook):
        if isinstance(item, dict) and len(item) == 1:
            (title, children), = item.items()
            if isinstance(children, list) and children and isinstance(children[0], str):
                children = children + _topics_in(children[0].removesuffix("/index.md"), handbook)
                if len(children) == 1:  # no topics: a plain entry, not a section that opens onto nothing
                    children = children[0]
            item = {title: children}
        extended.append(item)
    return extended


def _topics_in(folder: str, handbook: Handbook) -> list:
    entries = []
    for ctype in ALL:
        if ctype.section_folder != folder:
            continue
        if ctype.nav:
            entries += _escaped(ctype.nav(handbook))
        if ctype.topics and ctype.topics.in_nav:
            entries += [{html.escape(t.title): t.src_uri()} for t in topics_of(ctype, handbook)]
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


def records_by_section(handbook: Handbook) -> dict[str, list[str]]:
    """Return the source files of every record, by the folder of the section that shows it, in reading order.

    The menu lists no records; the printed handbook (print_page/, `tksk pdf`) still holds every one of them,
    after its section's own pages. Nested records (modules) follow their parent (a learning stage).
    """
    nested = {child.type.name: child for ctype in ALL for child in ctype.children}
    sections: dict[str, list[str]] = {}
    for ctype in ALL:
        if ctype.name in nested or not ctype.pages:
            continue
        entries = sections.setdefault(ctype.section_folder, [])
        for record in handbook.of_type(ctype.name):
            entries.append(ctype.src_uri(record.id))
            for child in ctype.children:
                for item in record.data.get(child.field) or []:
                    entries.append(child.type.src_uri(item.id))
    return sections
