"""Find near-copies of a source text: runs of words that repeat the source with only a word or two changed.

The handbook is written in its own words; a sentence that keeps a source's wording with one word
swapped is still a copy. ``NearCopyFinder`` indexes the source texts (the seeds) once and then reports,
for any text, every stretch in which each run of ``run`` words matches some run of a source with at most
``changes`` words substituted, inserted or deleted.

It stays fast by the pigeonhole principle: a run of 10 words with at most 2 edits keeps at least one of
its three pieces (3 + 3 + 4 words) intact, so only the places where a piece of three words occurs in a
source are checked with an edit distance.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

#: Words as the comparison sees them: letters and digits, so case and punctuation never hide a copy.
WORD = re.compile(r"[^\W_]+")
PIECE = 3


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


@dataclass(frozen=True)
class Source:
    """A text to compare against, with where each of its words sits (for naming the place)."""

    name: str
    tokens: tuple[str, ...]
    lines: tuple[int, ...]  #: the line of each token, counted from 1

    @classmethod
    def from_text(cls, name: str, text: str) -> Source:
        tokens, lines = [], []
        for number, line in enumerate(text.splitlines(), 1):
            found = words(line)
            tokens += found
            lines += [number] * len(found)
        return cls(name, tuple(tokens), tuple(lines))


@dataclass(frozen=True)
class NearCopy:
    """One stretch of a text that follows a source too closely."""

    text: str  #: the words of the text, as compared
    source: str  #: the source's name
    line: int  #: the line of the source where the matching words start
    source_text: str  #: the matching words of the source
    start: int  #: index of the first copied word in the text's words

    def __str__(self) -> str:
        return f"\"{self.text}\" ~ {self.source}:{self.line} \"{self.source_text}\""


class NearCopyFinder:
    """Index sources once; ``find(text)`` returns the near-copies in ``text``."""

    def __init__(self, sources: list[Source], run: int = 10, changes: int = 2):
        if run < PIECE * (changes + 1):
            raise ValueError("a run must hold one intact piece of three words per allowed change plus one")
        self.sources, self.run, self.changes = sources, run, changes
        self.index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for s, source in enumerate(sources):
            for p in range(len(source.tokens) - PIECE + 1):
                self.index[source.tokens[p:p + PIECE]].append((s, p))
        # Piece offsets inside a run: changes + 1 pieces spread over the run, the last one flush with its end.
        step = (run - PIECE) // changes if changes else 0
        self.offsets = sorted({min(k * step, run - PIECE) for k in range(changes + 1)} | {run - PIECE})

    def find(self, text: str | list[str]) -> list[NearCopy]:
        tokens = words(text) if isinstance(text, str) else text
        hits: list[tuple[int, int, int, int, int]] = []  # (start, end) in text, source, (start, end) in source
        for i in range(len(tokens) - self.run + 1):
            match = self._match(tokens[i:i + self.run])
            if match is not None:
                s, a, b = match
                if hits and i <= hits[-1][1] and hits[-1][2] == s:
                    start, _, _, sa, _ = hits[-1]
                    hits[-1] = (start, i + self.run, s, sa, max(b, hits[-1][4]))
                else:
                    hits.append((i, i + self.run, s, a, b))
        found = []
        for start, end, s, a, b in hits:
            source = self.sources[s]
            found.append(NearCopy(" ".join(tokens[start:end]), source.name, source.lines[a],
                                  " ".join(source.tokens[a:b]), start))
        return found

    def _match(self, window: list[str]) -> tuple[int, int, int] | None:
        """Return ``(source, start, end)`` of a source run within ``changes`` edits of ``window``, if any."""
        tried = set()
        for offset in self.offsets:
            for s, p in self.index.get(tuple(window[offset:offset + PIECE]), ()):
                tokens = self.sources[s].tokens
                lo = max(0, p - offset - self.changes)
                hi = min(len(tokens), p - offset + self.run + self.changes)
                if (s, lo) in tried:
                    continue
                tried.add((s, lo))
                span = _best_alignment(window, tokens[lo:hi], self.changes)
                if span is not None:
                    return s, lo + span[0], lo + span[1]
        return None


def _best_alignment(pattern: list[str], region: tuple[str, ...], limit: int) -> tuple[int, int] | None:
    """Return the span of ``region`` that ``pattern`` matches with at most ``limit`` word edits, if any.

    Semi-global edit distance (Sellers): the match may start and end anywhere in ``region``.
    """
    m, n = len(pattern), len(region)
    # cost[i][j]: fewest edits to match pattern[:i] ending at region[:j]; start[i][j]: where that match began.
    cost = [[0] * (n + 1)] + [[i] + [0] * n for i in range(1, m + 1)]
    start = [list(range(n + 1))] + [[0] * (n + 1) for _ in range(m)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            options = (
                (cost[i - 1][j - 1] + (pattern[i - 1] != region[j - 1]), start[i - 1][j - 1]),
                (cost[i - 1][j] + 1, start[i - 1][j]),
                (cost[i][j - 1] + 1, start[i][j - 1]),
            )
            cost[i][j], start[i][j] = min(options)
    best = min(range(n + 1), key=lambda j: cost[m][j])
    if cost[m][best] > limit:
        return None
    return start[m][best], best
