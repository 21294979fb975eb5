"""Make text from YAML safe to place in a Markdown page.

Markdown formatting (emphasis, lists, links to web pages) passes through; anything that could become
live markup does not: HTML tags are escaped, links with a script scheme lose their target, and lines
that Markdown extensions would treat as directives (snippet includes, headings that would break the
page outline) are neutralised. This keeps an editor's paste from breaking or hijacking a page.
"""

from __future__ import annotations

import html
import re

_HTML = str.maketrans({"<": "&lt;", ">": "&gt;"})
_LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)")
_REF_DEF = re.compile(r"^(\s*\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-z][\w+.-]*:", re.IGNORECASE)
_DIRECTIVE_LINE = re.compile(r"^(\s*)(;?--8<--|#|!!!|\?\?\?|===|\*\[|:::)", re.MULTILINE)


def _safe_target(target: str) -> bool:
    """Allow web and mail links and relative links; refuse other schemes and entity-encoded tricks."""
    if target.lower().startswith(("http://", "https://", "mailto:")):
        return "&" not in target.split("?")[0]
    return not _SCHEME.match(target) and "&" not in target


def safe_markdown(text: str) -> str:
    """Return ``text`` with HTML escaped and unsafe links and directives defused; Markdown stays."""
    text = text.translate(_HTML)
    text = _LINK_TARGET.sub(lambda m: m.group(0) if _safe_target(m.group(1)) else "](#", text)
    text = _REF_DEF.sub(lambda m: m.group(0) if _safe_target(m.group(2)) else m.group(1) + "#", text)
    return _DIRECTIVE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def one_line(text: str) -> str:
    """Return safe text fit for one table cell: no line breaks, pipes escaped."""
    return " ".join(safe_markdown(text).split()).replace("|", "\\|")


def plain(text: str, limit: int = 0) -> str:
    """Return text without Markdown marks, for page descriptions and link previews."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
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
