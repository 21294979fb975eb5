"""Where an editor's Markdown links point (macros/common/links.py), read as Python-Markdown reads them."""

from __future__ import annotations

import pytest

from macros.common.links import RECORD, REFUSED, WEB, kind, links


def test_a_target_runs_to_the_balancing_parenthesis():
    """Check that ``[x](javascript:alert(1))`` targets the whole call, as Python-Markdown reads it, and where it ends."""
    text = "Baca [panduan](javascript:alert(1)) dulu, [web](https://x.id/a_(b) \"judul\") dan [\\]](verval-data-kpm)."
    found = links(text)
    assert [(link.label, link.target) for link in found] == [
        ("panduan", "javascript:alert(1)"), ("web", "https://x.id/a_(b)"), ("\\]", "verval-data-kpm")]
    assert text[found[0].start:found[0].end] == "[panduan](javascript:alert(1))"


def test_reference_definitions_are_links_too():
    found = links("Lihat [a][r].\n  [r]: data:text/html,x\n")
    assert [(link.label, link.target, link.definition) for link in found] == [("r", "data:text/html,x", True)]


@pytest.mark.parametrize(("target", "what"), [
    ("https://kemensos.go.id", WEB), ("HTTP://x.id", WEB), ("mailto:a@b.id", WEB), ("tel:+62211234", WEB),
    ("verval-data-kpm", RECORD),
    ("javascript:alert(1)", REFUSED), ("data:text/html,x", REFUSED), ("file:///etc/passwd", REFUSED),
    ("java&#115;cript:x", REFUSED), ("https:", REFUSED), ("https&#58;//x", REFUSED), ("../sop/x.md", REFUSED),
    ("#langkah", REFUSED), ("", REFUSED),
])
def test_only_web_mail_phone_and_record_ids_are_allowed(target, what):
    assert kind(target) == what
