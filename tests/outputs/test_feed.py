"""The Atom feed of changes: valid for a feed reader, one entry per change, and the same bytes for the same data."""

from __future__ import annotations

import re

import feedparser
import pytest

from macros.load.handbook import load_handbook
from macros.model.changes import all_changes
from macros.outputs.feed import atom_feed, entry_id
from tests.support.data import BASE

SITE = "Buku Saku TKSK"
SOP = "data/sop/sop-uji.yml"


def changes_of(root):
    return all_changes(load_handbook(root))


def with_sop_changes(*entries: str) -> dict[str, str]:
    """Return the base SOP with more changes, each ``"YYYY-MM-DD text"``."""
    extra = "".join(f"  - tanggal: {e[:10]}\n    perubahan: \"{e[11:]}\"\n" for e in entries)
    return {SOP: BASE[SOP] + extra}


@pytest.mark.parametrize(("site_url", "sop_link"), [
    ("https://dinsos.contoh.go.id/buku-saku/2026.1/", "https://dinsos.contoh.go.id/buku-saku/2026.1/sop/sop-uji/"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/sop/sop-uji/"),
    ("", "sop/sop-uji/"),
    (None, "sop/sop-uji/"),
])
def test_feed_reader_reads_every_entry(tree, site_url, sop_link):
    """Check that feedparser reads the feed without complaint, with one entry per change, each with a title, date, link,
    summary and the content type as category; links are absolute from site_url, or relative without one."""
    changes = changes_of(tree(with_sop_changes("2026-11-20 Langkah diperbarui.")))
    parsed = feedparser.parse(atom_feed(changes, site_url, SITE))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == len(changes) == 8
    for entry in parsed.entries:
        assert entry.title and entry.link and entry.summary and entry.updated_parsed and entry.id.startswith("tag:")
    newest = parsed.entries[0]
    assert newest.title == "SOP uji: Langkah diperbarui."
    assert newest.link == sop_link
    assert newest.updated == "2026-11-20T00:00:00Z"
    assert newest.summary == "Langkah diperbarui. — SOP: Langkah uji."
    assert [(t.term, t.label) for t in newest.tags] == [("sop", "SOP")]
    assert parsed.feed.updated == "2026-11-20T00:00:00Z"  # the newest change, not the time of the build
    assert parsed.feed.title == "Buku Saku TKSK — Pembaruan"


def test_feed_is_deterministic_and_newest_first(tree):
    """Check that the same data gives the same bytes and that entries run from the newest change to the oldest."""
    root = tree(with_sop_changes("2026-11-10 Satu.", "2026-11-20 Dua."))
    first, second = atom_feed(changes_of(root), "https://contoh.id/", SITE), atom_feed(changes_of(root), "https://contoh.id/", SITE)
    assert first == second
    dates = re.findall(r"<updated>([^<]+)</updated>", first)[1:]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2026-11-20T00:00:00Z"


def test_entry_ids_are_stable_and_unique(tree):
    """Check that ids name record, date and place within the day, stay put when later changes are added or wording
    is corrected, and never repeat."""
    before = [entry_id(c) for c in changes_of(tree(with_sop_changes("2026-11-20 Dua.")))]
    after = [entry_id(c) for c in changes_of(tree(with_sop_changes("2026-11-20 Dua, diperbaiki.", "2026-11-20 Tiga.",
                                                                   "2026-11-21 Empat.")))]
    assert "tag:buku-saku-tksk,2026:perubahan/sop-uji/2026-11-20/1" in before
    assert set(before) <= set(after)
    assert len(after) == len(set(after)) == len(before) + 2
    assert after[:3] == ["tag:buku-saku-tksk,2026:perubahan/sop-uji/2026-11-21/1",
                         "tag:buku-saku-tksk,2026:perubahan/sop-uji/2026-11-20/2",
                         "tag:buku-saku-tksk,2026:perubahan/sop-uji/2026-11-20/1"]


def test_markup_in_a_change_stays_text(tree):
    """Check that angle brackets or ampersands written in a change (HTML tags are refused by validation) are
    escaped in the XML and read back as the same text."""
    feed = atom_feed(changes_of(tree(with_sop_changes("2026-11-20 Kolom a < b > nama & catatan."))), None, SITE)
    assert "< b >" not in feed and "a &lt; b &gt; nama &amp; catatan" in feed
    parsed = feedparser.parse(feed)
    assert not parsed.bozo
    assert parsed.entries[0].title_detail.type == "text/plain"
    assert parsed.entries[0].title == "SOP uji: Kolom a < b > nama & catatan."


def test_empty_handbook_still_gives_a_valid_feed():
    """Check that a feed without changes is still valid Atom with a fixed date."""
    parsed = feedparser.parse(atom_feed([], "https://contoh.id/", SITE))
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated == "1970-01-01T00:00:00Z"


def test_built_site_has_the_feed_with_one_entry_per_change(site, real_handbook):
    """Check that the built site has feed.xml at its root, valid and with absolute links (that a build on another day
    writes the same bytes, feed.xml among them: tests/common/test_clock.py)."""
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == [entry_id(c) for c in all_changes(real_handbook)]  # one entry per change
    assert all(re.match(r"https?://", e.link) for e in parsed.entries)
