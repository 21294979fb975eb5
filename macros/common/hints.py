"""The "did you mean" hint of the error messages: the closest known word to what an editor wrote."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(written: str, known: Iterable[str]) -> str:
    """Return ``; maksudnya "x"?`` for the known word closest to ``written``, or ``""`` when none is close."""
    close = difflib.get_close_matches(str(written), list(known), n=1)
    return f"; maksudnya \"{close[0]}\"?" if close else ""
