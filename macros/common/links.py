"""Links an editor writes in a text field: where each Markdown link points, and whether it may point there.

A link in the data may lead to a web page (``https://…``, ``http://…``), an e-mail address (``mailto:``), a
phone number (``tel:``) or another record of the handbook, written as its id (``[SOP verval](verval-data-kpm)``).
Anything else (``javascript:``, ``data:``, a file path) is refused by validation (``macros.checks.links``) and
never rendered as a link (``macros.render.safe_text``).

Python-Markdown reads a link's target up to the parenthesis that balances the opening one, so
``[x](javascript:alert(1))`` targets ``javascript:alert(1)``; this module reads it the same way, and a
regular expression (which stops at the first ``)``) would not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Schemes a link may use; anything else with a scheme is refused.
ALLOWED_SCHEMES = ("https://", "http://", "mailto:", "tel:")
_SCHEME = re.compile(r"^[a-z][\w+.-]*:", re.IGNORECASE)
_RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REF_DEF = re.compile(r"^[ \t]*\[([^\]]+)\]:[ \t]*(\S*)", re.MULTILINE)

WEB, RECORD, REFUSED = "web", "record", "refused"


@dataclass(frozen=True)
class Link:
    """One link in a text: ``text[start:end]`` is the whole link, ``label`` what it shows, ``target`` where it goes."""

    start: int
    end: int
    label: str
    target: str
    definition: bool = False  #: a reference definition (``[x]: target``), a line of its own


def _closing(text: str, i: int, opening: str, closing: str) -> int:
    """Return the index of the bracket that closes the one just before ``i``, or -1 when none does."""
    depth, j = 0, i
    while j < len(text):
        c = text[j]
        if c == "\\":  # an escaped bracket is text
            j += 2
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return -1


def links(text: str) -> list[Link]:
    """Return every inline link ``[label](target "title")`` and reference definition ``[x]: target`` in ``text``."""
    found = []
    i = 0
    while (open_ := text.find("[", i)) != -1:
        close = _closing(text, open_ + 1, "[", "]")
        if close == -1:
            break
        if text.startswith("(", close + 1):
            end = _closing(text, close + 2, "(", ")")
            if end != -1:
                inside = text[close + 2:end].strip()
                target = inside[1:inside.find(">")] if inside.startswith("<") and ">" in inside else (inside.split() or [""])[0]
                found.append(Link(open_, end + 1, text[open_ + 1:close], target))
                i = end + 1
                continue
        i = close + 1
    for match in _REF_DEF.finditer(text):
        found.append(Link(match.start(), match.end(), match.group(1), match.group(2), definition=True))
    return sorted(found, key=lambda link: link.start)


def kind(target: str) -> str:
    """Return ``WEB`` for an address a link may open, ``RECORD`` for a record id, else ``REFUSED``."""
    lowered = target.strip().lower()
    if lowered.startswith(ALLOWED_SCHEMES):
        # An entity or escape in the scheme part hides another scheme: refuse it rather than guess what a browser reads.
        return REFUSED if "&" in lowered.split("?")[0] or "\\" in lowered or len(lowered) <= lowered.find(":") + 1 else WEB
    if _RECORD_ID.match(target):
        return RECORD
    return REFUSED
