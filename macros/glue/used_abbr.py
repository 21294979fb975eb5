"""Give each page the glossary abbreviations it uses, not the whole glossary (Markdown extension).

The glossary becomes one file of ``*[TERM]: explanation`` lines (macros/render/abbreviations.py). Appended whole
to every page (pymdownx.snippets ``auto_append``), it made every page cost time in proportion to the
glossary: Python-Markdown's ``abbr`` reads the definitions one by one, copying the rest of the block each
time, and then searches every text of the page with one pattern of all the terms. With 1,700 terms (a
handbook of 5,000 records) that cost more than rendering the page itself, on every page: the build time
grew with the square of the handbook.

This preprocessor appends only the definitions whose words all occur in the page, found with one pass
over the page's words and a dictionary lookup per term. ``abbr`` then marks exactly the same terms as
before (a term not in the page was never marked), so the HTML does not change. Neither Python-Markdown
nor pymdown-extensions can filter appended definitions, hence these few lines:
``markdown_extensions: [abbr, macros.glue.used_abbr: {path: .generated/abbreviations.md}]`` in mkdocs.yml.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

#: What counts as a word, for finding the terms a page might use: the same ``\w`` as abbr's ``\b``.
WORD = re.compile(r"\w+")
DEFINITION = re.compile(r"^\*\[(?P<term>[^\]]*)\]:")
#: Preprocessors run from high to low priority: this one after snippets (32) and whitespace (30), and before
#: raw HTML blocks are set aside (20), so the words inside them count too.
PRIORITY = 25

_cache: dict[Path, tuple[tuple[int, int], list[tuple[frozenset[str], str]]]] = {}


def definitions(path: Path) -> list[tuple[frozenset[str], str]]:
    """The file's definitions as ``(words of the term, line)``, read again only when the file changed."""
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = DEFINITION.match(line)
        if match:
            found.append((frozenset(WORD.findall(match.group("term"))), line))
    _cache[path] = (key, found)
    return found


def used(lines: list[str], known: list[tuple[frozenset[str], str]]) -> list[str]:
    """The definitions whose every word occurs among the words of ``lines``, in the file's order."""
    words = set(WORD.findall("\n".join(lines)))
    return [line for term_words, line in known if term_words and term_words <= words]


class UsedAbbrPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, path: Path):
        super().__init__(md)
        self.path = path

    def run(self, lines: list[str]) -> list[str]:
        chosen = used(lines, definitions(self.path))
        return [*lines, "", *chosen] if chosen else lines


class UsedAbbrExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"path": [".generated/abbreviations.md", "the abbreviations file, from the working folder"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(UsedAbbrPreprocessor(md, Path(self.getConfig("path"))), "used_abbr", PRIORITY)


def makeExtension(**kwargs) -> UsedAbbrExtension:
    return UsedAbbrExtension(**kwargs)
