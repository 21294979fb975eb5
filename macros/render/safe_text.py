"""Make text from YAML safe to place in a Markdown page.

Markdown formatting (emphasis, lists, links to web pages) passes through; anything that could become
live markup does not: HTML tags are escaped, links with a script scheme lose their target, and lines
that Markdown extensions would treat as directives (snippet includes, headings that would break the
page outline) are neutralised. This keeps an editor's paste from breaking or hijacking a page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from macros.common.links import RECORD, REFUSED, kind, links

_HTML = str.maketrans({"<": "&lt;", ">": "&gt;"})
_DIRECTIVE_LINE = re.compile(r"^(\s*)(;?--8<--|#|!!!|\?\?\?|===|\*\[|:::)", re.MULTILINE)


def _links_made_safe(text: str, url_of: Callable[[str], str | None] | None) -> str:
    """Return ``text`` with each link kept when it opens a web page, mail or phone; a record id pointed at that
    record's page (``url_of``); anything else shown as its words only, with no link and no stray bracket."""
    for link in reversed(links(text)):
        what = kind(link.target)
        url = url_of(link.target) if what == RECORD and url_of else None
        if what == REFUSED or (what == RECORD and not url):
            text = text[:link.start] + ("" if link.definition else link.label) + text[link.end:]
        elif what == RECORD:
            text = text[:link.start] + f"[{link.label}]({url})" + text[link.end:]
    return text


def safe_markdown(text: str, url_of: Callable[[str], str | None] | None = None) -> str:
    """Return ``text`` with HTML escaped, links made safe (record ids resolved by ``url_of``) and directives
    defused; Markdown stays."""
    text = _links_made_safe(text.translate(_HTML), url_of)
    return _DIRECTIVE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def one_line(text: str, url_of: Callable[[str], str | None] | None = None) -> str:
    """Return safe text fit for one table cell: no line breaks, pipes escaped."""
    return " ".join(safe_markdown(text, url_of).split()).replace("|", "\\|")


def plain(text: str, limit: int = 0) -> str:
    """Return text without Markdown marks, for page descriptions and link previews."""
    for link in reversed(links(text)):
        text = text[:link.start] + ("" if link.definition else link.label) + text[link.end:]
    text = re.sub(r"^\s*[#>]+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`]", "", text)
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def attr_text(text: str, limit: int = 0) -> str:
    """Return plain text escaped for an HTML attribute or title (the theme prints these unescaped)."""
    return html.escape(plain(text, limit), quote=True)


_LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*])\s")


def quote_block(text: str) -> str:
    """Return safe text as a Markdown blockquote; a one-paragraph quote gets quotation marks, a list keeps its items."""
    lines = [line.rstrip() for line in safe_markdown(text).splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [f"“{lines[0]}”"]
    spaced = []
    for i, line in enumerate(lines):
        if i and _LIST_ITEM.match(line) and not _LIST_ITEM.match(lines[i - 1]):
            spaced.append("")  # Markdown needs a blank line between a paragraph and a list
        spaced.append(line)
    return "\n".join(f"> {line}".rstrip() for line in spaced)


_ACRONYM = re.compile(r"[A-Z0-9]{2,}")


def lower_first(text: str) -> str:
    """Return a title as it reads inside a sentence: its first letter small, unless the first word is an acronym, and
    every other word as written (``Peran dan kedudukan TKSK`` -> ``peran dan kedudukan TKSK``; ``PKH dan BPNT`` stays)."""
    first = text.split(" ", 1)[0]
    return text if _ACRONYM.match(first) else text[:1].lower() + text[1:]
