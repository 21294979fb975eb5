"""The service worker lists the edition's files and changes version exactly when the content changes."""

from __future__ import annotations

import json
import re

from macros.offline import service_worker


def make_site(root, page_text="isi"):
    (root / "assets/javascripts/workers").mkdir(parents=True)
    (root / "assets/javascripts/workers/search.1.min.js").write_text("w")
    (root / "assets/stylesheets").mkdir(parents=True)
    (root / "assets/stylesheets/main.css").write_text("c")
    (root / "index.html").write_text('<link href="assets/stylesheets/main.css"><script src="https://x.test/a.js"></script>')
    for page in ("offline", "sop/a", "faq"):
        (root / page).mkdir(parents=True)
        (root / page / "index.html").write_text(page_text)
    (root / "search").mkdir()
    (root / "search/search_index.json").write_text("{}")
    return root


def lists(source):
    core = json.loads(re.search(r"const CORE = (.*);", source).group(1))
    pages = json.loads(re.search(r"const PAGES = (.*);", source).group(1))
    version = re.search(r'const CACHE = "buku-saku-(\w+)"', source).group(1)
    return core, pages, version


def test_core_files_and_every_page_are_listed(tmp_path):
    """Check that the shell (home, offline page, search index, linked CSS/JS, search worker) and all pages are cached."""
    core, pages, _ = lists(service_worker(make_site(tmp_path)))
    assert core == ["./", "./offline/", "./search/search_index.json",
                    "./assets/javascripts/workers/search.1.min.js", "./assets/stylesheets/main.css"]
    assert pages == ["./faq/", "./sop/a/"]


def test_version_follows_content(tmp_path):
    """Check that a changed page gives a new cache version and an identical build keeps it."""
    first = lists(service_worker(make_site(tmp_path / "a")))[2]
    same = lists(service_worker(make_site(tmp_path / "b")))[2]
    changed = lists(service_worker(make_site(tmp_path / "c", page_text="isi baru")))[2]
    assert first == same != changed
