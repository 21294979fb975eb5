"""A Content-Security-Policy on every page, as strict as the site allows, written into the built HTML.

A static host may not let an editor set HTTP headers, so the policy travels with each page as
``<meta http-equiv="Content-Security-Policy">``, placed before any script. Everything comes from the site
itself. Material writes a few small inline scripts into every page (the site's scope, the saved colour
palette, the anchor fix); they are allowed by their SHA-256 hashes, computed here from the page itself after
the build, so no ``'unsafe-inline'`` is needed for scripts. Inline ``style=""`` attributes (Markdown table
alignment) and ``<style>`` blocks (the print page) are allowed the same way, by hash.

Beyond ``'self'``: ``data:`` images (Material's icons are SVG data URLs in its CSS) and
``'wasm-unsafe-eval'`` (Pagefind's search runs as WebAssembly, which browsers gate behind this keyword).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from macros.outputs.built import BuiltSite

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype=["']?(application/(?:ld\+)?json|text/template)""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_EXISTING = re.compile(r"""\s*<meta http-equiv="Content-Security-Policy"[^>]*>""", re.IGNORECASE)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy_for(html: str) -> str:
    """Return the policy for one page: the site only, plus the hashes of this page's own inline code."""
    scripts = sorted({_hash(body) for attrs, body in _INLINE_SCRIPT.findall(html) if not _DATA_TYPE.search(attrs)})
    blocks = sorted({_hash(body) for body in _STYLE_BLOCK.findall(html)})
    attrs = sorted({_hash(a or b) for a, b in _STYLE_ATTR.findall(html)})
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *scripts]),
        " ".join(["style-src 'self'", *blocks]),
        " ".join(["style-src-attr", "'unsafe-hashes'", *attrs]) if attrs else "style-src-attr 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def with_policy(html: str) -> str:
    """Return the page with its policy as the first thing after ``<meta charset>`` (before any script runs)."""
    html = _EXISTING.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[:charset.end()] + "\n    " + tag + html[charset.end():]
    head = html.lower().find("<head>")
    if head < 0:
        return html  # not a full page (a fragment); nothing runs from it on its own
    return html[:head + 6] + tag + html[head + 6:]


def secure_site(site_dir: Path) -> int:
    """Write the policy into every HTML page of a built site; return how many pages carry it."""
    count = 0
    for path in BuiltSite(site_dir).html_files():
        html = path.read_text(encoding="utf-8")
        secured = with_policy(html)
        if secured != html:
            path.write_text(secured, encoding="utf-8")
            count += 1
    return count
