"""The Content-Security-Policy every page carries (macros/outputs/csp.py): strict, and computed from the page itself."""

from __future__ import annotations

import base64
import hashlib
import re

from macros.outputs.csp import policy_for, with_policy

PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>x</title>
<script>__md_scope=new URL("..",location)</script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script src="../assets/javascripts/bundle.js"></script></head>
<body><table><tr><td style="text-align: right;">1</td></tr></table></body></html>"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_are_allowed_by_their_hash_only():
    """Check that the page's own inline script is allowed by hash, JSON data blocks need none, and nothing is 'unsafe-inline'."""
    policy = policy_for(PAGE)
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert script_src == ["'self'", "'wasm-unsafe-eval'", _sha('__md_scope=new URL("..",location)')]
    assert "unsafe-inline" not in policy
    assert "style-src-attr 'unsafe-hashes' " + _sha("text-align: right;") in policy
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "connect-src 'self'", "font-src 'self'"):
        assert directive in policy


def test_policy_comes_before_any_script_and_is_not_doubled():
    """Check that the policy is placed right after <meta charset>, before the first script, once even if applied twice."""
    secured = with_policy(with_policy(PAGE))
    assert secured.count('http-equiv="Content-Security-Policy"') == 1
    assert secured.index("Content-Security-Policy") < secured.index("<script")
    assert secured.index("<meta charset") < secured.index("Content-Security-Policy")


def test_every_built_page_carries_its_own_policy(site):
    """Check that every HTML page of the real build, the print page included, carries the policy computed from what
    that page holds now (its inline scripts' and styles' hashes), so nothing written after the policy escapes it."""
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    missing = [name for name, html in pages.items() if 'http-equiv="Content-Security-Policy"' not in html]
    stale = [name for name, html in pages.items() if name not in missing and with_policy(html) != html]
    assert not missing and not stale, f"no policy: {missing}; a policy that no longer matches the page: {stale}"
