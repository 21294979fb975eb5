"""The glossary as one Markdown abbreviations file, appended to every page so each term gets a tooltip."""

from __future__ import annotations

import re

from macros.model.handbook import Handbook
from macros.render.safe_text import plain


def abbreviations_markdown(handbook: Handbook) -> str:
    """Return ``*[TERM]: explanation`` lines for every glossary term and alias, longest terms first."""
    lines = {}
    for entry in handbook.of_type("glosarium"):
        tip = entry.data.kepanjangan or first_sentence(plain(entry.data.arti))
        for term in [entry.data.istilah, *entry.data.alias]:
            lines[term] = f"*[{term.replace(']', '')}]: {' '.join(tip.split())}"
    return "\n".join(lines[t] for t in sorted(lines, key=lambda t: (-len(t), t))) + "\n"


def first_sentence(text: str, limit: int = 140) -> str:
    """Return the first sentence of ``text`` (a tooltip is read at a glance), shortened only if very long."""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return plain(sentence, limit)
