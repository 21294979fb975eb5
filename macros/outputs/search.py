"""Search: a Pagefind index of the built handbook, and what the search box needs besides it (``kata-cari.json``).

Pagefind (the ``pagefind[bin]`` wheel: its binary, no node) reads the pages MkDocs wrote and stems
Indonesian because every page says ``<html lang="id">`` (Material sets it from ``theme.language``), so
"dipetakan", "pemetaan" and "memetakan" find each other. The index is split into fragments that the
browser loads only when the reader opens search (docs/javascripts/cari.js).

Which pages are searched, and how much each weighs, follows the front matter Material's own search
read: ``search: {exclude: true}`` leaves a page out and ``search: {boost: 3}`` weighs it (records get
their type's ``search_boost``). Pages that are not records (section and topic lists, glossary letters, Beranda,
the editor's guide) weigh ``LIST_BOOST`` unless they say otherwise: they repeat the titles and summaries of
the records they list, and the record itself is the better answer. A weight lowers a page's score but cannot
promise an order, so these pages are also named in ``kata-cari.json`` (``daftar``) and the search box puts them
after every record. Only the article body is indexed, not the menus, header or footer, nor the lines of a
page that are about the page rather than its subject (``NOT_TEXT``: the trail above the title, the
"Terbit … · riwayat perubahan" line, footnote marks and the footnotes that name sources), so that excerpts
start in the text.

``pagefind/kata-cari.json`` holds, in one small file loaded with the engine:

- ``glosarium``: each glossary entry's names (acronym, long form, aliases; ``data/glosarium.yml`` alone,
  :func:`synonym_groups`) and its page: the search box also looks for the other names of an entry when the
  reader types one (BPNT <-> Bantuan Pangan Non Tunai), and puts the entry's page first when the reader types
  exactly one of its names;
- ``padanan`` and ``abaikan``: the search-aid list (``data/kata-cari.yml``, ``macros.types.kata_cari``):
  everyday words and the handbook words they lead to, and the words of a question that are left out;
- ``regulasi``: each regulation's kind, number and year (``data/regulasi/``) and its page: a query that names a rule
  ("permensos 3 2013", "uu 11 tahun 2009") puts that rule's page first;
- ``daftar``: the Pagefind ids of the pages that are not records; ``halaman``: how many pages are indexed (how
  rare a word is, when the search box weighs the words of a query no page holds whole).

Why the search box expands the query from this file instead of writing the everyday words into the target
pages (hidden ``data-pagefind-*`` text): the list joins words to words, not to pages, so the pages an everyday
word should find are whatever pages hold its handbook words, today and after the next edit; and the file is
about 3 KB gzip once, where hidden words would go into the index chunks and fragments of every page holding a
handbook word (the search-aid words would then also match as if the page said them, and show in no excerpt).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from macros.model.handbook import Handbook
from macros.outputs.built import BuiltSite, fragment_url, page_url
from macros.types import ALL, BY_NAME
from macros.types.glosarium import names as glossary_names

#: The folder of the search bundle inside the site; the service worker pre-caches it (macros/outputs/offline.py).
BUNDLE = "pagefind"
#: What the search box loads beside the index (see above).
SEARCH_AID = "kata-cari.json"
#: Material's article: the only part of a page that is indexed.
ARTICLE = '<article class="md-content__inner md-typeset">'
#: Inside the article, but not words of the page: heading permalinks ("¶"), the trail above a record's title
#: (``_jejak.md.j2``, ``_topik.md.j2``), its "Terbit … · riwayat perubahan" line (``_head.md.j2``), footnote marks,
#: and the footnotes naming an SOP step's sources with the line above them (``_sumber.md.j2``); the page's
#: "Sumber" list keeps the sources searchable.
NOT_TEXT = (".headerlink", ".jejak", ".terbit", ".footnote-ref", ".sumber-langkah", ".footnote")
#: Files Pagefind writes that the handbook does not use (its ready-made UIs, the highlighter, the engine
#: for languages without a stemmer): removed, so that neither the host nor the offline copy carries them.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js", "wasm.unknown.pagefind")
#: The label of a page that is not a record in the results (records show their type: "SOP", "Glosarium").
PAGE_LABEL = "Halaman"
#: The weight of a page that is not a record, unless its front matter sets ``search.boost``.
LIST_BOOST = 0.5


class SearchIndexError(Exception):
    """The search index could not be written; the message says why, in the editor's words."""


@dataclass(frozen=True)
class SearchPage:
    """A page to index: its address in the site, its file, the label shown in results and its weight."""

    url: str  #: "sop/verval-data-kpm/" (relative to the site root, as MkDocs writes it)
    label: str
    boost: float = 1.0
    listing: bool = False  #: not a record: a list, a section's index, a hand-written page; ranked after records


@dataclass(frozen=True)
class Labels:
    """What :func:`search_page` needs to know of the generated pages, by source path."""

    records: dict[str, str]  #: a record's page: its type's label ("SOP")
    sections: dict[str, str]  #: a section's index page: the section's title ("Glosarium")
    hidden: frozenset[str]  #: pages not to search


def page_labels(handbook: Handbook) -> Labels:
    """Return the labels of the generated pages: records by type, section index pages by section.

    A section's further pages (``Section.pages``, such as Belajar's "Progres saya") show what the
    reader keeps on the phone, not handbook content, so they are not searched.
    """
    records, sections, hidden = {}, {}, set()
    for ctype in (t for t in ALL if t.pages):
        for record in handbook.of_type(ctype.name):
            records[ctype.src_uri(record.id)] = ctype.label
        if ctype.own_section:
            sections[f"{ctype.url_folder}/index.md"] = ctype.own_section.title
            hidden.update(f"{ctype.url_folder}/{name}.md" for name in ctype.own_section.pages)
    return Labels(records, sections, frozenset(hidden))


def search_page(src_uri: str, url: str, meta: dict, labels: Labels) -> SearchPage | None:
    """Return how to index one page from its front matter, or ``None`` when it is not searched."""
    options = meta.get("search") or {}
    if options.get("exclude") or src_uri in labels.hidden:
        return None
    if src_uri in labels.records:
        return SearchPage(url, labels.records[src_uri], float(options.get("boost", 1.0)))
    return SearchPage(url, labels.sections.get(src_uri, PAGE_LABEL), float(options.get("boost", LIST_BOOST)), listing=True)


def synonym_groups(handbook: Handbook) -> list[dict]:
    """Return every glossary entry as its page and its names (term, long form, aliases), as a reader types them.

    ``[{"url": "glosarium/bpnt/", "nama": ["bpnt", "bantuan pangan non tunai", ...]}, ...]``; the index adds
    each page's Pagefind id (:func:`fragment_ids`).
    """
    ctype = BY_NAME["glosarium"]
    return [{"url": page_url(ctype.src_uri(entry.id)), "nama": glossary_names(entry)} for entry in handbook.of_type("glosarium")]


def indexed_html(html: str, page: SearchPage) -> str:
    """Return the page's HTML as Pagefind should read it: the article is the body, with its label and weight."""
    if ARTICLE not in html:
        raise SearchIndexError(f"halaman {page.url or '/'} tidak memuat artikel Material ({ARTICLE}); indeks pencarian tidak bisa dibuat")
    label = page.label.replace("&", "&amp;").replace('"', "&quot;")
    attributes = f' data-pagefind-body data-pagefind-meta="jenis:{label}"'
    if page.boost != 1.0:
        attributes += f' data-pagefind-weight="{page.boost:g}"'
    return html.replace(ARTICLE, ARTICLE[:-1] + attributes + ">", 1)


def search_aid(handbook: Handbook) -> dict:
    """Return the search-aid list as the search box reads it: ``{"padanan": [{"kata": [...], "arah": [...]}], "abaikan": [...],
    "regulasi": [{"url": "regulasi/permensos-03-2013/", "jenis": "permensos", "nomor": "03", "tahun": "2013"}, ...]}``."""
    entries = handbook.of_type("kata-cari")
    ctype = BY_NAME["regulasi"]
    return {
        "padanan": [{"kata": list(e.data.kata), "arah": list(e.data.arah)} for e in entries if e.data.jenis == "padanan"],
        "abaikan": sorted({word for e in entries if e.data.jenis == "abaikan" for word in e.data.kata}),
        "regulasi": [{"url": page_url(ctype.src_uri(r.id)), "jenis": r.data.jenis.lower(), "nomor": str(r.data.nomor),
                      "tahun": str(r.data.tahun)} for r in handbook.of_type("regulasi")],
    }


def write_search_index(site_dir: Path, pages: list[SearchPage], groups: list[dict], aid: dict | None = None) -> dict:
    """Index ``pages`` of the built site into ``site_dir/pagefind/`` and write ``kata-cari.json`` beside it.

    Return Pagefind's counts (``page_count``). Raise :class:`SearchIndexError` with the reason when
    Pagefind cannot run or a page is missing.
    """
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)  # no fragments of an earlier build left behind
    for attempt in (1, 2):
        try:
            counts = asyncio.run(_index(site_dir, pages, bundle))
            broken = incomplete_files(bundle)
            if broken:
                raise _Incomplete(f"berkas indeks terpotong: {', '.join(broken)}")
            break
        except SearchIndexError:
            raise
        except Exception as exc:  # Pagefind's service reports its failures as plain exceptions
            # Seen under heavy load in the suite: "Expecting value" (the Python API reads the service's stdout,
            # which it merges with stderr, as JSON), and files cut short (see incomplete_files). One more try
            # before the build stops.
            if attempt == 2:
                raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian: {exc}") from exc
            shutil.rmtree(bundle, ignore_errors=True)
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    ids = fragment_ids(bundle)
    groups = [{**group, "id": ids.get("/" + group["url"])} for group in groups]  # None: the page is not searched
    listing = sorted(ids["/" + page.url] for page in pages if page.listing and "/" + page.url in ids)
    aid = aid or {"padanan": [], "abaikan": [], "regulasi": []}
    rules = [{**rule, "id": ids["/" + rule["url"]]} for rule in aid.get("regulasi", []) if "/" + rule["url"] in ids]
    found = {"glosarium": groups, **aid, "regulasi": rules, "daftar": listing, "halaman": len(ids)}
    (bundle / SEARCH_AID).write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return counts


class _Incomplete(Exception):
    """Pagefind answered that it wrote the bundle, but a file is cut short."""


#: How the two scripts Pagefind writes end when they are whole (pagefind 1.x, minified).
_SCRIPT_ENDS = {"pagefind.js": b"};", "pagefind-worker.js": b");"}


def incomplete_files(bundle: Path) -> list[str]:
    """Name the bundle's files that are cut short: every index, fragment and engine file is gzip, and must unpack;
    the two scripts must end as they do when whole.

    Pagefind's Python API stops the indexer as soon as it has answered "files written"; under load that answer has
    come before the last write was flushed, leaving pagefind-worker.js cut at 32 KiB or pagefind.js empty.
    """
    import gzip
    import zlib

    broken = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and (path.suffix.startswith(".pf_") or path.suffix == ".pagefind"):
            try:
                gzip.decompress(path.read_bytes())
            except (EOFError, OSError, zlib.error):
                broken.append(path.relative_to(bundle).as_posix())
    for name, end in _SCRIPT_ENDS.items():
        path = bundle / name
        if not path.is_file() or not path.read_bytes().rstrip().endswith(end):
            broken.append(name)
    return broken


def fragment_ids(bundle: Path) -> dict[str, str]:
    """Return Pagefind's id of every indexed page by URL: the name of its fragment file, which search results carry.

    With it the search box finds a glossary page among the results without loading their fragments.
    """
    return {url: path.name.removesuffix(".pf_fragment") for path in (bundle / "fragment").glob("*.pf_fragment")
            if (url := fragment_url(path.read_bytes())) is not None}


async def _index(site_dir: Path, pages: list[SearchPage], bundle: Path) -> dict:
    """Write the pages to search, as Pagefind should read them, into a scratch folder, and index it in one request.

    One folder in one request lets Pagefind read the pages in parallel (as ``pagefind --site`` does); sending the
    pages one by one cost about 0.1 s each, two minutes at 1,000 records.
    """
    from pagefind.index import PagefindIndex  # imported here: only a build needs the binary

    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent) as scratch:
        for page in pages:
            path = BuiltSite(site_dir).file(page.url)
            if not path.is_file():
                raise SearchIndexError(f"halaman {page.url or '/'} tidak ada di {site_dir}; indeks pencarian tidak bisa dibuat")
            target = Path(scratch) / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(indexed_html(path.read_text(encoding="utf-8"), page), encoding="utf-8")
        config = {"exclude_selectors": list(NOT_TEXT), "output_path": str(bundle)}
        async with PagefindIndex(config=config) as index:  # written to ``bundle`` when the block ends without error
            await index.add_directory(path=scratch)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {"page_count": sum(lang["page_count"] for lang in entry["languages"].values()), "languages": sorted(entry["languages"])}
