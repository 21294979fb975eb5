"""Search: the Pagefind index of the built handbook, the glossary's names, and searching on a phone.

The query set (tests/outputs/data/pencarian.yml) runs through the same function the search panel uses
(docs/javascripts/cari.js: Pagefind's wasm in Chromium, with the glossary's other names), against the
real handbook built once per session.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from macros.outputs.built import page_url
from macros.outputs.search import (
    LIST_BOOST,
    SearchIndexError,
    SearchPage,
    incomplete_files,
    indexed_html,
    page_labels,
    search_page,
    synonym_groups,
)

QUERIES = yaml.safe_load((Path(__file__).parent / "data/pencarian.yml").read_text(encoding="utf-8"))
RECALL_FLOOR = 0.95
TOP = 3


@pytest.fixture(scope="module")
def handbook(real_handbook):
    return real_handbook


def fragments(site: Path) -> dict[str, dict]:
    """Return every indexed page of the built site's Pagefind index by URL: its words and metadata."""
    pages = {}
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])  # after Pagefind's "pagefind_dcd" signature
        pages[data["url"]] = data
    return pages


def recall_at(found: list[str], wanted: list[str], top: int = TOP) -> float:
    """Return the share of the wanted pages among the first ``top`` results."""
    return sum(url in found[:top] for url in wanted) / len(wanted)


def test_query_set_reaches_every_section_and_points_at_real_pages(site, real_handbook):
    """Check that the query set has queries of every kind, asks for pages of every section a reader searches,
    and that every page it names exists."""
    assert {q["jenis"] for q in QUERIES} == {"kata", "imbuhan", "singkatan", "kepanjangan", "ejaan"}
    wanted = {url.strip("/").split("/")[0] for q in QUERIES for url in q["halaman"]}
    sections = {r.url.split("/")[0] for r in real_handbook.records.values() if r.type.search_boost >= 1}
    assert sections <= wanted, f"no query looks for a page of: {sorted(sections - wanted)}"
    for query in QUERIES:
        assert 1 <= len(query["halaman"]) <= TOP, query
        for url in query["halaman"]:
            assert (site / url.strip("/") / "index.html").is_file(), f"{query['cari']!r}: no page {url}"


def test_glossary_names_are_the_synonyms(handbook):
    """Check that each glossary entry gives its page and its names, as a reader types them, and nothing else."""
    groups = {g["url"]: g["nama"] for g in synonym_groups(handbook)}
    assert groups["glosarium/bpnt/"] == ["bpnt", "bantuan pangan non tunai", "bantuan pangan nontunai"]
    assert groups["glosarium/kpm/"] == ["kpm", "keluarga penerima manfaat"]
    assert groups["glosarium/e-warong/"] == ["e-warong", "e-warung"]
    assert groups["glosarium/csr/"] == ["csr", "corporate social responsibility"]  # the bracketed aside is not a name
    assert len(groups) == len(handbook.of_type("glosarium"))
    names = [name for group in groups.values() for name in group]
    assert all(name == name.lower() and "  " not in name for name in names)


def test_which_pages_are_searched_and_how_they_weigh(handbook):
    """Check the rules: front matter may exclude or boost, records weigh their type, lists weigh less, progress is left out."""
    labels = page_labels(handbook)
    assert search_page("offline.md", "offline/", {"search": {"exclude": True}}, labels) is None
    assert search_page("kurikulum/progres.md", "kurikulum/progres/", {}, labels) is None
    assert search_page("sop/verval-data-kpm.md", "sop/verval-data-kpm/", {"search": {"boost": 3}}, labels) == SearchPage(
        "sop/verval-data-kpm/", "SOP", 3.0)
    assert search_page("glosarium/index.md", "glosarium/", {}, labels) == SearchPage("glosarium/", "Glosarium", LIST_BOOST, listing=True)
    assert search_page("tentang.md", "tentang/", {}, labels) == SearchPage("tentang/", "Halaman", LIST_BOOST, listing=True)
    assert search_page("glosarium/huruf/p/index.md", "glosarium/huruf/p/", {}, labels).listing  # a glossary letter is a list
    assert search_page("index.md", "", {"search": {"boost": 2}}, labels).boost == 2.0
    assert page_url("glosarium/kpm.md") == "glosarium/kpm/" and page_url("faq/index.md") == "faq/" and page_url("index.md") == ""


def test_only_the_article_is_indexed_with_its_label_and_weight():
    """Check that Pagefind reads Material's article as the page body, and that a page without one stops the build."""
    page = SearchPage("sop/x/", 'A & "B"', 3.0)
    html = indexed_html('<nav>menu</nav><article class="md-content__inner md-typeset"><h1>x</h1></article>', page)
    assert '<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-meta="jenis:A &amp; &quot;B&quot;" ' \
           'data-pagefind-weight="3">' in html
    with pytest.raises(SearchIndexError, match="sop/x/"):
        indexed_html("<main>no article</main>", page)


def test_built_index_is_indonesian_and_holds_only_content_pages(site):
    """Check the built index: Indonesian, every content page, none of the pages that are not content, no menus."""
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"]
    pages = fragments(site)
    assert "/sop/verval-data-kpm/" in pages and "/glosarium/kpm/" in pages and "/" in pages
    for left_out in ("/print_page/", "/offline/", "/kurikulum/progres/", "/404.html", "/404"):
        assert left_out not in pages
    assert entry["languages"]["id"]["page_count"] == len(pages)
    sop = pages["/sop/verval-data-kpm/"]
    assert sop["meta"]["jenis"] == "SOP" and "verval" in sop["meta"]["title"].lower()
    assert "Panduan penyunting" not in sop["content"]  # the menu is not part of the page's words
    assert not list((site / "pagefind").glob("pagefind-ui*")) and not (site / "pagefind/wasm.unknown.pagefind").exists()
    groups = {g["url"]: g for g in json.loads((site / "pagefind/sinonim.json").read_text(encoding="utf-8"))}
    assert groups["glosarium/kpm/"]["nama"] == ["kpm", "keluarga penerima manfaat"]
    assert (site / "pagefind/fragment" / (groups["glosarium/kpm/"]["id"] + ".pf_fragment")).is_file()  # its page, by Pagefind's id
    assert pages["/glosarium/kpm/"]["meta"]["jenis"] == "Glosarium"


@pytest.mark.browser
def test_a_bundle_cut_short_is_named(site, tmp_path):
    """Check that the built bundle is whole, and that each way Pagefind has been seen to cut it short is caught:
    a script cut at 32 KiB, an empty script, an index file cut in half (the build then indexes again)."""
    bundle = shutil.copytree(site / "pagefind", tmp_path / "pagefind")
    assert incomplete_files(bundle) == []
    worker = bundle / "pagefind-worker.js"
    worker.write_bytes(worker.read_bytes()[:32_768])
    (bundle / "pagefind.js").write_bytes(b"")
    index = sorted((bundle / "index").iterdir())[0]
    index.write_bytes(index.read_bytes()[: len(index.read_bytes()) // 2])
    assert incomplete_files(bundle) == [f"index/{index.name}", "pagefind.js", "pagefind-worker.js"]


def test_query_set_recall_at_3(phone):
    """Check that the TKSK query set finds its pages among the first three results, recall@3 >= 0.95."""
    page = phone.open("/")
    missed, total = [], 0.0
    for query in QUERIES:
        found = [r["url"].split("?")[0] for r in page.evaluate("q => window.bukuSakuCari(q)", query["cari"])]
        recall = recall_at(found, query["halaman"])
        total += recall
        if recall < 1:
            missed.append(f"{query['cari']!r}: wanted {query['halaman']}, got {found[:TOP]}")
    score = total / len(QUERIES)
    assert score >= RECALL_FLOOR, f"recall@3 {score:.3f} < {RECALL_FLOOR}:\n" + "\n".join(missed)


@pytest.mark.browser
@pytest.mark.parametrize(("typed", "forms"), [("dipetakan", {"memetakan", "pemetaan"}), ("mendampingi", {"pendampingan", "pendamping"})])
def test_inflected_words_find_their_other_forms(phone, typed, forms):
    """Check Indonesian stemming: "dipetakan" also finds pemetaan and memetakan, "mendampingi" finds pendampingan."""
    page = phone.open("/")
    results = page.evaluate("q => window.bukuSakuCari(q)", typed)
    words = {word.lower() for r in results for word in re.findall(r"<mark>([^<]+)</mark>", r["excerpt"])}
    assert forms <= words, f"{typed!r} found only {words}"


@pytest.mark.browser
def test_slash_opens_search_and_a_long_form_opens_the_acronyms_page_with_words_marked(phone):
    """Check on a phone: "/" opens search, typing a long form lists the acronym's page first; it opens with the words marked."""
    page = phone.open("/sop/verval-data-kpm/")
    page.keyboard.press("/")
    query = page.locator(".md-search__input")
    expect(query).to_be_focused()
    expect(page.locator(".md-search__inner")).to_be_in_viewport()
    query.press_sequentially("keluarga penerima manfaat", delay=30)
    status = page.locator(".md-search-result__meta")
    expect(status).to_have_text(re.compile(r"\d+ hasil"))
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(r"^/glosarium/kpm/\?h="))
    expect(first.locator(".md-tag")).to_have_text("Glosarium")
    expect(first.locator("p mark").first).to_be_visible()
    phone.tap_and_wait(first, re.compile(r"/glosarium/kpm/\?h="))
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    assert {m.lower() for m in marks.all_inner_texts()} >= {"keluarga", "penerima", "manfaat"}


@pytest.mark.browser
def test_the_page_loads_search_only_when_it_is_opened(phone):
    """Check that a page fetches nothing of Pagefind until the header button opens search, then finds as keys come up."""
    page = phone.page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))  # the page's own requests, not the offline worker's
    phone.open("/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/" in url]
    page.locator('.md-header label.md-header__button[for="__search"]').tap()
    query = page.locator(".md-search__input")
    expect(query).to_be_focused()
    query.press_sequentially("verval", delay=30)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ hasil"))
    top = page.locator(".md-search-result__item > a").evaluate_all("links => links.slice(0, 3).map(a => a.getAttribute('href'))")
    assert any(href.startswith("/sop/verval-data-kpm/?h=verval") for href in top), top
    loaded = {url.split("/pagefind/")[1].split("/")[0].split("_")[0] for url in fetched if "/pagefind/" in url}
    assert {"pagefind.js", "sinonim.json", "wasm.id.pagefind"} <= loaded, loaded


@pytest.mark.browser
def test_open_search_panel_has_no_accessibility_violations(phone):
    """Check with axe-core that the search panel, open with results, has no accessibility violation at all."""
    from axe_playwright_python.sync_playwright import Axe

    page = phone.open("/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("bpnt", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    violations = Axe().run(page, context={"include": [[".md-search"]]}).response["violations"]
    assert not violations, [f"{v['id']}: {v['nodes'][0]['html'][:120]}" for v in violations]
