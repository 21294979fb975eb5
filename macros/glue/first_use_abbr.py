"""Glossary tooltips on the first use of each term in a page, not on every use (Markdown extension).

The glossary is appended to every page as abbreviations (macros/render/abbreviations.py), so Python-Markdown's
``abbr`` wraps every occurrence of a term in ``<abbr title>``, and Material's ``content.tooltips`` builds
a tooltip component for each of them when the page opens. Measured in Chromium at 4x CPU slowdown,
that cost the FAQ and Glosarium pages (150-190 abbreviations each) about a second of main-thread time
before a phone answered a tap; the same page without tooltips, a few tens of milliseconds.

Handbooks and style guides explain an abbreviation where it is first used; so does this extension:
the first use of each term in the running text of a page keeps its tooltip, later uses are plain text.
A term in a heading or a link gets none: a heading is a title (also shown in the table of contents,
where no tooltip opens) and the text under it uses the term again; on a phone a tap on a link opens its
page, which explains the term, before any tooltip could be read (the Glosarium lists every term as a
link beside its long form). Every term still has its tooltip where it is first used in running text,
for a fifth of the cost or less. Neither
Python-Markdown's ``abbr`` nor pymdown-extensions has such an option, hence these few lines; they run
right after ``abbr`` (``markdown_extensions: [abbr, macros.glue.first_use_abbr]`` in mkdocs.yml).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: Python-Markdown's abbr treeprocessor runs at 7; this one right after it, before toc (5).
PRIORITY = 6.9
#: Elements whose abbreviations get no tooltip (see the module's docstring).
NO_TOOLTIP = ("a", "h1", "h2", "h3", "h4", "h5", "h6")


class FirstUseTreeprocessor(Treeprocessor):
    """Unwrap every ``<abbr>`` in a heading or link, and every one whose term had a tooltip earlier in the page."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        no_tip = {el for tag in NO_TOOLTIP for title in root.iter(tag) for el in title.iter("abbr")}
        seen: set[str] = set()
        for abbr in list(root.iter("abbr")):  # document order; a copy, as the tree changes below
            term = "".join(abbr.itertext())
            if abbr in no_tip or term in seen:
                _unwrap(abbr, parents[abbr])
            else:
                seen.add(term)


def _unwrap(el: etree.Element, parent: etree.Element) -> None:
    """Replace ``el`` (an abbr holding only text) by its text, keeping the text that follows it."""
    text = "".join(el.itertext()) + (el.tail or "")
    index = list(parent).index(el)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(el)


class FirstUseAbbrExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FirstUseTreeprocessor(md), "first_use_abbr", PRIORITY)


def makeExtension(**kwargs) -> FirstUseAbbrExtension:
    return FirstUseAbbrExtension(**kwargs)
