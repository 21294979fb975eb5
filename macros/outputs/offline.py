"""Offline reading: a service worker that keeps the handbook on the phone and updates it file by file.

Why our own worker and not Workbox: Material for MkDocs has no service worker (its ``offline`` plugin is for
opening files from disk). Workbox (``workbox-build`` 7.4) is the reference and the worker follows its
precaching: a manifest of ``[url, revision]`` pairs whose revision is the file's content hash, unchanged
files kept and only changed ones downloaded on a new edition, the new worker waiting until the reader
chooses to switch (``workbox-window``'s "waiting" recipe: SKIP_WAITING, reload on controllerchange), caches
per scope. What Workbox lacks here is the offline budget: ``workbox-build`` puts every file in the worker
(hundreds of KB at 5,000 records, fetched again with every edition) and has no "save this section"; that
would be our own code on top of Workbox anyway. One small worker (macros/outputs/sw.js, no node at build
time) was simpler, and tests/outputs/test_offline.py checks the Workbox behaviour in Chromium.

What a first visit saves is chosen here, at build time, within ``BUDGET`` (gzip bytes):
1. always: the shell (Beranda, the "not saved" page, CSS, JS, manifest) and the search engine (Pagefind's
   script, wasm and metadata);
2. then, each step whole or skipped, while it fits: the top-level pages (sections, Pembaruan, Tentang),
   the search index (Pagefind's word chunks), the topic and learning-stage pages (shallowest first),
   and every other page with its search excerpt: all of it when it fits (today's handbook), else whole
   sections in menu order, then whole topics and stages. What does not fit is saved when the reader opens it, or all at once with the
   "Simpan" button of its section or stage (``simpan/*.json`` lists).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from macros.outputs.built import BuiltSite, fragment_url

SW_NAME = "sw.js"
TEMPLATE = Path(__file__).parent / "sw.js"
#: First-visit download for offline reading, in gzip bytes (issue 8: at most 2 MiB at any size).
BUDGET = 2 * 1024 * 1024
#: Part of the budget kept for sw.js itself, which lists the saved files (13.7 KiB gzip today, 10 at 5,000 records).
WORKER_ROOM = 32 * 1024
#: Hex digits of a file's SHA-256 that name its revision: 40 bits tell one edition's file from the previous one's
#: (compared only with the same address), and keep the list in sw.js, fetched with every edition, short.
REVISION_LENGTH = 10
#: Pagefind's files whose names carry their content's hash (word chunks, excerpts, filters, metadata).
HASH_NAMED = re.compile(r"^pagefind/(?:(?:index|fragment|filter)/[a-z-]+_[0-9a-f]{7,}\.pf_\w+|pagefind\.[a-z-]+_[0-9a-f]{7,}\.pf_meta)$")
#: Lists of the files of each section and stage the reader can save: fetched by the worker on request.
GROUP_DIR = "simpan"
OFFLINE_PAGE = "offline/"
SEARCH_DIR = "pagefind"
#: Pages and files never saved: the print page (megabytes, for printing only), files for machines, source maps.
SKIP_PAGES = ("print_page/",)
#: Sections whose pages a first visit leaves to the section's "Simpan" button (and to the copy kept of every
#: page opened); their index page is saved. Untuk Pelatih: printed kits and the session composer, which carries
#: the whole curriculum as data (29 KiB gzip), are for trainers preparing a session, not for a TKSK in the field;
#: with them, the pages of a published edition no longer all fit in the budget (2,095 of 2,064 KiB, 2026-12).
SAVED_ON_REQUEST = ("rencana/",)
#: Shell files the pages load only on demand, so they are not found among the pages' links: search and the quiz,
#: which the pages load when the reader opens search or nears a quiz (docs/javascripts/cari-muat.js, kuis-muat.js),
#: must work without signal too.
ON_DEMAND = ("manifest.webmanifest", "javascripts/cari.js", "javascripts/kuis.js", "stylesheets/kuis.css")
LINKED = re.compile(rb'(?:src|href)="([^"#?:]+\.(?:css|js|png|svg|ico|webmanifest|json))"')


@dataclass(frozen=True)
class Entry:
    """One file of the edition: its URL relative to the edition's root and its size."""

    url: str
    revision: str
    gzip_bytes: int


@dataclass
class Group:
    """A section or learning stage the reader can save as a whole: its page and the files below or in it."""

    page: str
    kind: str  # "bagian" (a section) or "tahap" (a learning stage): the button's words
    urls: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What the worker saves on a first visit, and what the reader can save later."""

    precache: list[Entry]
    groups: dict[str, Group]
    entries: dict[str, Entry]
    pages: list[str]  #: every page the edition saves (``pages``), found once

    def bytes(self, urls: Iterable[str]) -> int:
        return sum(self.entries[u].gzip_bytes for u in urls)

    @property
    def precache_bytes(self) -> int:
        return sum(e.gzip_bytes for e in self.precache)

    def complete(self, group: Group) -> bool:
        saved = {e.url for e in self.precache}
        return all(u in saved for u in group.urls)


def _file_of(site_dir: Path, url: str) -> Path:
    return BuiltSite(site_dir).file(url)


def _entry(site_dir: Path, url: str) -> Entry:
    data = _file_of(site_dir, url).read_bytes()
    # Pagefind's files are already compressed; a server sends them as they are.
    packed = len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))
    # A file Pagefind names by its content's hash needs no revision: a new content is a new address.
    revision = "" if HASH_NAMED.search(url) else hashlib.sha256(data).hexdigest()[:REVISION_LENGTH]
    return Entry(url, revision, packed)


def pages(site_dir: Path) -> list[str]:
    """Return every page the edition saves as a directory URL (``sop/verval-data-kpm/``), Beranda as ``""``."""
    return [url for url in BuiltSite(site_dir).pages if not url.startswith(SKIP_PAGES)]


def _shell(site_dir: Path, page_urls: list[str]) -> list[str]:
    """Return the files the pages link to (CSS, JS, icons, manifest) and the ones they load on demand."""
    found: set[str] = set()
    for url in page_urls:
        folder = _file_of(site_dir, url).parent
        for ref in set(LINKED.findall(_file_of(site_dir, url).read_bytes())):
            target = (folder / ref.decode()).resolve()
            if target.is_file() and site_dir.resolve() in target.parents:
                found.add(target.relative_to(site_dir.resolve()).as_posix())
    found |= {rel for rel in ON_DEMAND if (site_dir / rel).is_file()}
    # The home-screen icons are not: the phone keeps its own copy when the handbook is added to it.
    return sorted(f for f in found if not f.endswith(".map") and f != SW_NAME and not f.startswith(GROUP_DIR + "/"))


def _search_files(site_dir: Path) -> tuple[list[str], dict[str, str]]:
    """Return Pagefind's engine and index files, and its per-page excerpts by page URL."""
    root = site_dir / SEARCH_DIR
    engine: list[str] = []
    fragments: dict[str, str] = {}
    if not root.is_dir():
        return engine, fragments
    try:
        entry = json.loads((root / "pagefind-entry.json").read_text(encoding="utf-8"))
        wasm = {f"wasm.{lang['wasm']}.pagefind" for lang in entry["languages"].values()}
    except (OSError, ValueError, KeyError, TypeError):
        wasm = None
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if path.name.startswith("wasm.") and wasm is not None and path.name not in wasm:
            continue  # the engine for other languages
        page = fragment_url(path.read_bytes()) if path.parent.name == "fragment" else None
        if page is None:
            engine.append(rel)
        else:
            fragments[page.lstrip("/")] = rel
    return engine, fragments


def _groups(page_urls: list[str], stages: Mapping[str, list[str]]) -> dict[str, Group]:
    """Return the sections (a page with pages below it) and learning stages (pages they list), by page URL."""
    known = set(page_urls)
    below: dict[str, list[str]] = {}
    for url in page_urls:
        parts = url.split("/")[:-2]  # "a/b/c/" -> folders "a/", "a/b/"
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth]) + "/"
            if folder in known:
                below.setdefault(folder, []).append(url)
    for url in page_urls:  # records listed in another type's section (SOPs under Program) are saved with it
        home = _HOMES.get(url.split("/", 1)[0] + "/")
        if home in known and url.split("/", 1)[0] + "/" not in known:
            below.setdefault(home, []).append(url)
    groups = {url: Group(url, "bagian", [url, *below[url]]) for url in page_urls if url in below}
    for url, members in stages.items():
        if url in page_urls:
            groups[url] = Group(url, "tahap", [url, *(m for m in members if m in page_urls)])
    return groups


def _section_homes() -> dict[str, str]:
    """Folders of records whose section is another type's: ``{"sop/": "program/"}`` (no page lives at ``sop/``)."""
    from macros.types import ALL

    return {f"{t.url_folder}/": f"{t.section_folder}/" for t in ALL if t.section_folder != t.url_folder}


_HOMES = _section_homes()


def _menu_order(site_dir: Path, sections: list[str]) -> list[str]:
    """Return top-level sections in the order Beranda links to them (the menu's), others after."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    first = {s: html.find(f'href="{s}"') for s in sections}
    return sorted(sections, key=lambda s: (first[s] < 0, first[s], s))


def plan(site_dir: Path, stages: Mapping[str, list[str]] | None = None, budget: int = BUDGET) -> Plan:
    """Choose what a first visit saves (within ``budget`` gzip bytes) and the groups a reader can save."""
    page_urls = pages(site_dir)
    engine, fragments = _search_files(site_dir)
    shell = ["", OFFLINE_PAGE, *_shell(site_dir, page_urls)]
    groups = _groups(page_urls, stages or {})
    parents = {url for url in page_urls if url.count("/") <= 1} | set(groups)
    entries = {u: _entry(site_dir, u) for u in [*shell, *engine, *fragments.values(), *page_urls] if _file_of(site_dir, u).is_file()}

    def with_excerpts(urls: Iterable[str]) -> list[str]:
        return [x for u in urls for x in (u, fragments.get(u)) if x]

    for group in groups.values():
        group.urls = with_excerpts(group.urls)
    # Always: the shell and the search engine. Then, each step whole or not at all, while it fits: the
    # top-level pages, the search index, the section/topic/stage pages (shallowest first), everything else
    # or else whole sections in menu order.
    index = [u for u in engine if "/index/" in u or "/filter/" in u]
    chosen = list(dict.fromkeys(u for u in [*shell, *(u for u in engine if u not in index)] if u in entries))
    room = budget - WORKER_ROOM - sum(entries[u].gzip_bytes for u in chosen)

    def take(urls: Iterable[str]) -> bool:
        nonlocal room
        extra = [u for u in dict.fromkeys(urls) if u in entries and u not in chosen]
        cost = sum(entries[u].gzip_bytes for u in extra)
        if cost > room:
            return False
        chosen.extend(extra)
        room -= cost
        return True

    take(with_excerpts(u for u in sorted(parents) if u.count("/") <= 1))
    take(index)
    for url in sorted((u for u in parents if u.count("/") > 1), key=lambda u: (u.count("/"), u)):
        take(with_excerpts([url]))
    field = [u for u in page_urls if u in chosen or not u.startswith(SAVED_ON_REQUEST)]
    if not take(with_excerpts(field)):  # a large handbook: whole sections in menu order, then whole topics
        top = _menu_order(site_dir, [g.page for g in groups.values() if g.page.count("/") == 1])
        deeper = sorted((g.page for g in groups.values() if g.page.count("/") > 1), key=lambda u: (u.count("/"), u))
        for name in [*top, *deeper]:
            take(groups[name].urls)
    return Plan([entries[u] for u in chosen], groups, entries, page_urls)


def _pairs(entries: Iterable[Entry]) -> str:
    return json.dumps([["./" + e.url, e.revision] for e in entries], separators=(",", ":"))


def _group_file(page: str) -> str:
    return f"{GROUP_DIR}/{page.strip('/').replace('/', '--')}.json"


def service_worker(site_dir: Path, stages: Mapping[str, list[str]] | None = None, budget: int = BUDGET) -> tuple[str, dict[str, str]]:
    """Return the service worker source and the group lists (file name -> JSON) for ``site_dir``."""
    chosen = plan(site_dir, stages, budget)
    lists = {_group_file(g.page): _pairs(chosen.entries[u] for u in g.urls) for g in chosen.groups.values()}
    page_urls = set(chosen.pages)
    groups = {
        "./" + g.page: {"kind": g.kind, "list": "./" + _group_file(g.page),
                        "revision": hashlib.sha256(lists[_group_file(g.page)].encode()).hexdigest()[:REVISION_LENGTH],
                        "pages": sum(u in page_urls for u in g.urls), "bytes": chosen.bytes(g.urls),
                        "complete": chosen.complete(g)}
        for g in chosen.groups.values()
    }
    precache = _pairs(chosen.precache)
    version = hashlib.sha256((precache + json.dumps(lists, sort_keys=True)).encode()).hexdigest()[:12]
    # The template's comments stay in macros/outputs/sw.js: the phone fetches this file with every edition.
    lines = [line for line in TEMPLATE.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("//")]
    source = "\n".join(["// Buku Saku TKSK service worker, written by macros/outputs/offline.py from macros/outputs/sw.js (read it there).",
                        *lines, ""])
    source = (source.replace("__VERSION__", version)
                    .replace("__PRECACHE__", precache)
                    .replace("__GROUPS__", json.dumps(groups, separators=(",", ":")))
                    .replace("__OFFLINE_PAGE__", "./" + OFFLINE_PAGE)
                    .replace("__SEARCH_DIR__", "./" + SEARCH_DIR))
    return source, lists


#: The place of a section's or stage's "Simpan" button, right under its H1, written into the page so that the button,
#: which docs/javascripts/offline.js fills in only once the worker answers, pushes nothing down (layout shift). It holds
#: a hidden copy of the button in both its states, with their notes (the words of offline.js, counts at their widest),
#: in the same grid cell as the button (docs/stylesheets/offline.css): the place is as high as the taller of them at
#: any width and text size.
SAVE_PLACE = ('<div class="buku-saku-simpan" data-simpan>'
              '<div class="buku-saku-simpan__bayang" aria-hidden="true">'
              '<button type="button" class="md-button" tabindex="-1" disabled>Simpan {kind} ini untuk dibaca tanpa sinyal</button>'
              '<span>000 halaman, 0000 KB</span></div>'
              '<div class="buku-saku-simpan__bayang" aria-hidden="true">'
              '<button type="button" class="md-button" tabindex="-1" disabled>Tersimpan</button>'
              '<span>000 halaman {kind} ini bisa dibuka tanpa sinyal.</span></div>'
              '</div>')


def reserve_save_buttons(site_dir: Path, stages: Mapping[str, list[str]] | None = None) -> list[str]:
    """Write the save button's place under the H1 of every page that gets one (its group's page); return their URLs."""
    reserved = []
    for url, group in _groups(pages(site_dir), stages or {}).items():
        path = _file_of(site_dir, url)
        html = path.read_text(encoding="utf-8")
        end = html.find("</h1>")
        if end < 0 or "data-simpan" in html:
            continue
        end += len("</h1>")
        path.write_text(html[:end] + SAVE_PLACE.format(kind=group.kind) + html[end:], encoding="utf-8")
        reserved.append(url)
    return reserved


def write_service_worker(site_dir: Path, stages: Mapping[str, list[str]] | None = None, budget: int = BUDGET) -> Path:
    """Write the save buttons' places, sw.js and the group lists into a built site; call it after every other file
    is written (the places first: the worker lists each page's revision)."""
    reserve_save_buttons(site_dir, stages)
    source, lists = service_worker(site_dir, stages, budget)
    for name, text in lists.items():
        (site_dir / name).parent.mkdir(exist_ok=True)
        (site_dir / name).write_text(text, encoding="utf-8")
    path = site_dir / SW_NAME
    path.write_text(source, encoding="utf-8")
    return path


def learning_stages(handbook) -> dict[str, list[str]]:
    """Return each learning stage's page URL with its modules' page URLs (the stage's "Simpan" button)."""
    from macros.types.kurikulum import MODUL, TYPE, stage_modules

    return {TYPE.url(stage.id): [MODUL.url(m.id) for m in stage_modules(stage, handbook)]
            for stage in handbook.of_type("kurikulum")}
