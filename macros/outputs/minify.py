"""Lighter files for phones: Material's CSS trimmed to what the site uses, our own CSS and JS minified, and the
indentation of the HTML removed. Runs on the built site, before the CSP step hashes each page's inline code.

What a first view costs is mostly the theme (issue 18: 75-95 KB gzip before this step, budget 65 KB). Material's
``main.css`` (22.7 KB gzip) styles every component it has: blog posts, tabs, code annotations, the cookie
consent, repository facts, admonition icons of every kind, right-to-left layouts. Lighthouse counted 16 KiB of
it unused on a page.

Why these tools: the build must run with Python alone (``make serve`` on a fresh machine installs no node),
so PurgeCSS, esbuild or lightningcss's npm package cannot run here. The CSS is read and written with tinycss2
(the CSS parser WeasyPrint is built on) and our own CSS and JS are minified with rcssmin and rjsmin; what to
keep is decided here, in the few rules PurgeCSS applies, because no maintained Python package does that:

- a selector stays while every class and id it names can occur: in a ``class``/``id`` attribute of a built
  page, among the classes Material's bundle gives the elements it creates (``class:"md-tooltip2"``,
  ``classList.add(...)``), or anywhere in our own scripts (they build search results, quiz feedback, notices);
  class names the bundle builds from parts (``md-tag--${...}``) stay by prefix (``BUILT_CLASSES``);
- an attribute selector with a value (``[data-md-toggle=search]``) stays while that value is a word of a page or
  a script; ``[dir=rtl]`` only while a page has ``dir="rtl"``;
- a custom property (``--md-admonition-icon--note``) stays while something reads it with ``var()`` or a script
  names it; ``@keyframes`` while an animation names them; empty rules and blocks go.

A page whose markup is new (a record type with new markup, a new Material version) keeps its styles: the
trimming reads the built pages themselves, every build. The trimmed files keep Material's names (a file's
name changes with Material's version, its content with the site, like our own stylesheets; the offline copy
updates by content hash either way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin
import rjsmin
import tinycss2
from tinycss2 import ast

from macros.outputs.built import BuiltSite

#: Material's own stylesheets in a built site (main, palette), trimmed to what the pages use.
THEME_CSS = "assets/stylesheets"
#: Material's JavaScript bundle: only the classes it gives to elements it creates count as used.
THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"
#: Our own stylesheets and scripts (docs/stylesheets, docs/javascripts), minified as they are.
OWN_DIRS = ("stylesheets", "javascripts")
#: Classes Material's bundle builds from a prefix and a value at run time (grep the bundle for "--${").
BUILT_CLASSES = ("md-tag--", "tabbed-control--", "md-source__fact--")

_WORD = re.compile(r"[\w-]+")
_CLASS_ATTR = re.compile(r"""\s(?:class|id)=["']([^"']*)["']""")
_DIR_ATTR = re.compile(r"""\sdir=["']?(\w+)""")
#: How Material's bundle names the classes of the elements it makes: class:"a b", class:`a ${x}`, classList.add("a").
_MADE = re.compile(r'class:"([^"]*)"|class:`([^`$]*)|classList\.(?:add|toggle)\("([^"]*)"|className="([^"]*)"')
_NAMES = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE = re.compile(r"""\[\s*([\w-]+)\s*[~|^$*]?=\s*["']?([^"'\]\s]+)["']?\s*(?:i\s*)?\]""")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_ANIMATION = re.compile(r"^(?:-webkit-)?animation(?:-name)?$")
#: Parts of a page whose white space is content: left exactly as written.
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{2,}")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


@dataclass
class Used:
    """What the built site can put on a page: class and id names, words of its pages and scripts, text directions."""

    names: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    directions: set[str] = field(default_factory=set)

    def keeps(self, name: str) -> bool:
        return name in self.names or name.startswith(BUILT_CLASSES)


def used_in(site_dir: Path) -> Used:
    """Return the names the pages and scripts of ``site_dir`` use."""
    used = Used()
    for path in BuiltSite(site_dir).html_files():
        html = path.read_text(encoding="utf-8")
        used.words |= set(_WORD.findall(html))
        used.directions |= set(_DIR_ATTR.findall(html))
        for value in _CLASS_ATTR.findall(html):
            used.names |= set(value.split())
    bundles = set(site_dir.glob(THEME_BUNDLE))
    for path in bundles:
        code = path.read_text(encoding="utf-8")
        used.words |= set(_WORD.findall(code))
        used.names |= {name for groups in _MADE.findall(code) for group in groups for name in group.split()}
    for folder in OWN_DIRS:
        for path in sorted((site_dir / folder).glob("*.js")):
            words = set(_WORD.findall(path.read_text(encoding="utf-8")))
            used.words |= words
            used.names |= words  # our scripts are small: any word of theirs may be a class they set
    return used


def _selectors(prelude: list) -> list[list]:
    """Split a rule's prelude at its top-level commas."""
    parts: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _can_match(selector: list, used: Used) -> bool:
    text = tinycss2.serialize(selector)
    for attribute, value in _ATTRIBUTE.findall(text):
        if (value not in used.directions) if attribute == "dir" else (value not in used.words):
            return False
    bare = re.sub(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'", "", text)  # names inside [..] and strings are not classes
    return all(used.keeps(name) for name in _NAMES.findall(bare))


def _join(selectors: list[list]) -> list:
    prelude: list = []
    for i, selector in enumerate(selectors):
        if i:
            prelude.append(ast.LiteralToken(0, 0, ","))
        prelude.extend(selector)
    return prelude


def _trim_rules(rules: Iterable, used: Used) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if _can_match(s, used)]
            if selectors:
                rule.prelude = _join(selectors)
                kept.append(rule)
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "container", "layer"):
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used)
            if inner:
                rule.content = inner
                kept.append(rule)
        elif rule.type not in ("whitespace", "comment"):
            kept.append(rule)
    return kept


def _declarations(rule) -> list:
    return tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)


def _walk(rules: Iterable):
    """Yield every style rule and @keyframes rule, inside @media and the like too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.content is not None:
            if rule.lower_at_keyword in ("media", "supports", "container", "layer"):
                yield from _walk(rule.content)
            else:
                yield rule


def _prune_properties(sheets: list[list], used: Used, read_elsewhere: set[str]) -> None:
    """Drop custom properties nothing reads (in any of ``sheets``, in ``read_elsewhere`` or by a script), and
    @keyframes no animation names; repeat while something goes (a property may be read only by another)."""
    while True:
        styles = [r for rules in sheets for r in _walk(rules) if r.type == "qualified-rule"]
        declared = {id(r): [d for d in _declarations(r) if d.type == "declaration"] for r in styles}
        reads = read_elsewhere | {m for decls in declared.values() for d in decls for m in _VAR.findall(tinycss2.serialize(d.value))}
        animations = {t.value for decls in declared.values() for d in decls if _ANIMATION.match(d.lower_name)
                      for t in d.value if t.type == "ident"}
        changed = False
        for rule in styles:
            decls = declared[id(rule)]
            keep = [d for d in decls if not d.name.startswith("--") or d.name in reads or d.name in used.words]
            if len(keep) != len(decls):
                rule.content = _serialized_declarations(keep)
                changed = True
        for rule in [r for rules in sheets for r in _walk(rules)]:
            if (rule.type == "at-rule" and rule.lower_at_keyword.endswith("keyframes") and rule.content
                    and tinycss2.serialize(rule.prelude).strip() not in animations):
                rule.content = []
                changed = True
        if not changed:
            return


def _serialized_declarations(declarations: list) -> list:
    tokens: list = []
    for i, declaration in enumerate(declarations):
        if i:
            tokens.append(ast.LiteralToken(0, 0, ";"))
        tokens.extend(tinycss2.parse_component_value_list(
            f"{declaration.name}:{tinycss2.serialize(declaration.value).strip()}{'!important' if declaration.important else ''}"))
    return tokens


def _drop_empty(rules: list) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule" and not [t for t in rule.content if t.type not in ("whitespace", "comment")]:
            continue
        if rule.type == "at-rule" and rule.content is not None:
            if rule.lower_at_keyword in ("media", "supports", "container", "layer"):
                rule.content = _drop_empty(list(rule.content))
            if not rule.content:
                continue
        kept.append(rule)
    return kept


def trim_css(sheets: list[str], used: Used, read_elsewhere: Iterable[str] = ()) -> list[str]:
    """Return each of ``sheets`` (stylesheets loaded together, Material's main and palette) without the rules,
    custom properties and animations no page of the site can use. ``read_elsewhere``: CSS that stays as it is
    (our own stylesheets), whose ``var()`` reads keep the properties they read."""
    parsed = [_trim_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used) for css in sheets]
    _prune_properties(parsed, used, {m for css in read_elsewhere for m in _VAR.findall(css)})
    return [rcssmin.cssmin(tinycss2.serialize(_drop_empty(rules))) for rules in parsed]


def squeeze_html(html: str) -> str:
    """Return ``html`` without the indentation at the start of its lines and blank lines (outside pre, textarea,
    script and style). A line break stays where one was, so the page reads and wraps the same."""
    parts = _KEEP.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3  # split with two groups: text, whole kept element, its tag name
        if kind == 0:
            out.append(_BLANK_LINES.sub("\n", _INDENT.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def minify_site(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Trim Material's CSS, minify our own CSS and JS and squeeze every HTML file in ``site_dir``, in place.

    Returns the bytes before and after of each CSS and JS file changed (for bench/pages.py --verbose and tests).
    """
    used = used_in(site_dir)
    sizes: dict[str, tuple[int, int]] = {}

    def rewrite(path: Path, change) -> None:
        before = path.read_text(encoding="utf-8")
        after = change(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            sizes[path.relative_to(site_dir).as_posix()] = (len(before.encode()), len(after.encode()))

    theme = sorted((site_dir / THEME_CSS).glob("*.css"))
    own = [p.read_text(encoding="utf-8") for folder in OWN_DIRS for p in sorted((site_dir / folder).glob("*.css"))]
    trimmed = trim_css([_SOURCE_MAP.sub("", p.read_text(encoding="utf-8")) for p in theme], used, own)
    for path, css in zip(theme, trimmed, strict=True):
        rewrite(path, lambda _, css=css: css)
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the untrimmed file
    for folder in OWN_DIRS:
        for path in sorted((site_dir / folder).glob("*.css")):
            rewrite(path, rcssmin.cssmin)
        for path in sorted((site_dir / folder).glob("*.js")):
            rewrite(path, lambda code: rjsmin.jsmin(code, keep_bang_comments=True))
    for path in BuiltSite(site_dir).html_files():
        html = path.read_text(encoding="utf-8")
        squeezed = squeeze_html(html)
        if squeezed != html:
            path.write_text(squeezed, encoding="utf-8")
    return sizes
