"""The Atom feed of the handbook's changes (``feed.xml`` at the site root), built with the standard library.

One entry per change of ``macros.model.changes``, newest first. The feed depends on the data and the site
address only, never on when it is built, so two builds of the same data give the same bytes:

- ``updated`` of the feed is the newest change date; each entry's is its change date (midnight UTC, which
  is morning of the same day everywhere in Indonesia);
- entry ids are ``tag:`` URIs made of the record id, the change date and the change's place among that
  record's changes of the day (``tag:buku-saku-tksk,2026:perubahan/verval-data-kpm/2026-11-23/1``): they
  stay the same when the site moves to another address or a change's wording is corrected;
- links are absolute from ``site_url`` (``https://…/sop/verval-data-kpm/``), or relative to the feed when
  no address is configured.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from macros.model.changes import Change
from macros.model.schema import PartialDate
from macros.render.safe_text import plain

FEED_NAME = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The tag authority and the year it was minted: part of every id, so it never changes.
TAG = "tag:buku-saku-tksk,2026:"
#: The page that lists the same changes, for readers who open the feed's own link.
UPDATES_PAGE = "pembaruan/"
#: When no change is recorded at all, the feed still needs a fixed `updated`.
NO_DATE = "1970-01-01T00:00:00Z"
SUMMARY_LIMIT = 300


def timestamp(date: PartialDate) -> str:
    """Return an RFC 3339 time for a date: midnight UTC of that day."""
    return f"{date.iso()}T00:00:00Z"


def absolute(site_url: str | None, path: str) -> str:
    """Return ``path`` under the site's address, or ``path`` itself (relative to the feed) without an address."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def entry_id(change: Change) -> str:
    return f"{TAG}perubahan/{change.record.id}/{change.tanggal.iso()}/{change.urutan}"


def entry_title(change: Change) -> str:
    return f"{plain(change.record.short)}: {plain(change.perubahan)}"


def entry_summary(change: Change) -> str:
    """What changed, then what the page is about, as plain text."""
    return f"{plain(change.perubahan)} — {change.record.type.label}: {plain(change.record.summary, SUMMARY_LIMIT)}"


def atom_feed(changes: Iterable[Change], site_url: str | None, site_name: str) -> str:
    """Return the Atom document (UTF-8 text) for ``changes``, which come newest first."""
    changes = list(changes)
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "id"})
    _text(feed, "id", f"{TAG}pembaruan")
    _text(feed, "title", f"{site_name} — Pembaruan")
    _text(feed, "subtitle", f"Setiap perubahan isi {site_name}, dari yang terbaru, dengan tanggal dan halamannya.")
    _text(feed, "updated", max((timestamp(c.tanggal) for c in changes), default=NO_DATE))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site_name)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": absolute(site_url, FEED_NAME)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": absolute(site_url, UPDATES_PAGE)})
    for change in changes:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", entry_id(change))
        _text(entry, "title", entry_title(change))
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": absolute(site_url, change.record.url)})
        _text(entry, "updated", timestamp(change.tanggal))
        ET.SubElement(entry, "category", {"term": change.jenis, "label": change.record.type.label})
        _text(entry, "summary", entry_summary(change))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element
