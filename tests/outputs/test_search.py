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

from macros.outputs.built import fragment_url, page_url
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
#: Queries as TKSK type them in the field: whole questions, everyday words (issue 18).
FIELD_QUERIES = yaml.safe_load((Path(__file__).parent / "data/pencarian-lapangan.yml").read_text(encoding="utf-8"))
RECALL_FLOOR = 0.95
FIELD_RECALL_FLOOR = 0.9
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


def test_field_query_set_asks_as_tksk_do_and_points_at_real_pages(site):
    """Check that the field set has at least 40 queries, whole questions and everyday words, and names real pages."""
    assert len(FIELD_QUERIES) >= 40
    assert {q["jenis"] for q in FIELD_QUERIES} == {"pertanyaan", "sehari-hari", "ejaan"}
    for query in FIELD_QUERIES:
        assert 1 <= len(query["halaman"]) <= TOP, query
        for url in query["halaman"]:
            assert (site / url.strip("/") / "index.html").is_file(), f"{query['cari']!r}: no page {url}"


def test_query_set_reaches_every_section_and_points_at_real_pages(site, real_handbook):
    """Check that the query set has queries of every kind, asks for pages of every section a reader searches,
    and that every page it names exists."""
    assert {q["jenis"] for q in QUERIES} == {"kata", "imbuhan", "singkatan", "kepanjangan", "ejaan"}
    wanted = {url.strip("/").split("/")[0] for q in QUERIES for url in q["halaman"]}
    sections = {r.url.split("/")[0] for r in real_handbook.records.values() if r.type.pages and r.type.search_boost >= 1}
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
    aid = json.loads((site / "pagefind/kata-cari.json").read_text(encoding="utf-8"))
    groups = {g["url"]: g for g in aid["glosarium"]}
    assert groups["glosarium/kpm/"]["nama"] == ["kpm", "keluarga penerima manfaat"]
    assert (site / "pagefind/fragment" / (groups["glosarium/kpm/"]["id"] + ".pf_fragment")).is_file()  # its page, by Pagefind's id
    assert pages["/glosarium/kpm/"]["meta"]["jenis"] == "Glosarium"
    assert "saya" in aid["abaikan"] and any("hilang" in entry["kata"] for entry in aid["padanan"])
    rules = {rule["url"]: rule for rule in aid["regulasi"]}
    assert {k: rules["regulasi/permensos-03-2013/"][k] for k in ("jenis", "nomor", "tahun")} == {
        "jenis": "permensos", "nomor": "03", "tahun": "2013"}
    assert (site / "pagefind/fragment" / (rules["regulasi/permensos-03-2013/"]["id"] + ".pf_fragment")).is_file()
    assert aid["halaman"] == len(pages)


def test_lines_about_the_page_are_not_indexed_and_no_two_pages_share_a_title(site):
    """Check that the trail, the "Terbit … · riwayat perubahan" line and footnotes are not a page's words, that every
    page that is not a record is named as a listing, and that no two indexed pages have the same title."""
    pages = fragments(site)
    sop = pages["/sop/verval-data-kpm/"]
    assert sop["content"].startswith("Verval data KPM. ")  # the title, then the text: no trail, no "Terbit" line
    assert "riwayat perubahan." not in sop["content"].split("Riwayat perubahan")[0].lower().split("verval data kpm.")[1][:200]
    assert "Sumber tiap langkah" not in sop["content"] and "↩" not in sop["content"]
    titles: dict[str, list[str]] = {}
    for url, page in pages.items():
        titles.setdefault(page["meta"]["title"], []).append(url)
    assert not {title: urls for title, urls in titles.items() if len(urls) > 1}
    assert pages["/sop/program/program-sembako/"]["meta"]["title"].startswith("SOP Program Sembako")
    listing = set(json.loads((site / "pagefind/kata-cari.json").read_text(encoding="utf-8"))["daftar"])
    by_url = {url: path.name.removesuffix(".pf_fragment") for path in (site / "pagefind/fragment").glob("*.pf_fragment")
              for url in [fragment_url(path.read_bytes())]}
    assert {by_url["/glosarium/huruf/p/"], by_url["/sop/program/program-sembako/"], by_url["/faq/"]} <= listing
    assert by_url["/glosarium/kpm/"] not in listing and by_url["/faq/nama-kpm-tidak-ada-di-daftar/"] not in listing


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


@pytest.mark.browser
@pytest.mark.parametrize(("queries", "floor"), [(QUERIES, RECALL_FLOOR), (FIELD_QUERIES, FIELD_RECALL_FLOOR)],
                         ids=["pencarian", "lapangan"])
def test_query_set_recall_at_3(phone, queries, floor):
    """Check that each query set finds its pages among the first three results: recall@3 >= 0.95 on the 80 queries,
    >= 0.9 on the field set (whole questions, everyday words)."""
    page = phone.open("/")
    missed, total = [], 0.0
    for query in queries:
        found = [r["url"].split("?")[0] for r in page.evaluate("q => window.bukuSakuCari(q)", query["cari"])]
        recall = recall_at(found, query["halaman"])
        total += recall
        if recall < 1:
            missed.append(f"{query['cari']!r}: wanted {query['halaman']}, got {found[:TOP]}")
    score = total / len(queries)
    assert score >= floor, f"recall@3 {score:.3f} < {floor}:\n" + "\n".join(missed)


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
    """Check that a page fetches nothing of search but cari-muat.js (neither cari.js nor Pagefind) until the header
    button opens search, then finds as keys come up."""
    page = phone.page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))  # the page's own requests, not the offline worker's
    phone.open("/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/" in url or url.endswith("/javascripts/cari.js")]
    assert [url for url in fetched if url.endswith("/javascripts/cari-muat.js")]
    page.locator('.md-header label.md-header__button[for="__search"]').tap()
    query = page.locator(".md-search__input")
    expect(query).to_be_focused()
    query.press_sequentially("verval", delay=30)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ hasil"))
    top = page.locator(".md-search-result__item > a").evaluate_all("links => links.slice(0, 3).map(a => a.getAttribute('href'))")
    assert any(href.startswith("/sop/verval-data-kpm/?h=verval") for href in top), top
    loaded = {url.split("/pagefind/")[1].split("/")[0].split("_")[0] for url in fetched if "/pagefind/" in url}
    assert {"pagefind.js", "kata-cari.json", "wasm.id.pagefind"} <= loaded, loaded
    assert [url for url in fetched if url.endswith("/javascripts/cari.js")]


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


def _typed(phone, path: str, query: str):
    """Open a page on the phone, open search with "/", type the query and wait for its results (cari.js's "cari:hasil"
    for the whole query, not the list of a shorter prefix still shown on a busy machine); return the page."""
    page = phone.open(path)
    page.evaluate("""() => document.addEventListener("cari:hasil", (e) => { window.__lastQuery = e.detail.query; })""")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function("(query) => window.__lastQuery === query", arg=query.strip())
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    return page


def _shown(page) -> list[dict]:
    return page.locator(".md-search-result__item").evaluate_all("""items => items.map(li => ({
        href: li.querySelector("a").getAttribute("href"), title: li.querySelector("h1").textContent,
        tag: li.querySelector(".md-tag") ? li.querySelector(".md-tag").textContent : "",
        excerpt: li.querySelector("p").textContent,
        bottom: li.getBoundingClientRect().bottom }))""")


@pytest.mark.browser
def test_words_no_page_holds_together_give_the_best_pages_for_most_of_them_labelled(phone):
    """Check that a query whose words no page holds together shows pages for most of them, labelled with the words
    used, and never "Tidak ada hasil" while a word matches."""
    page = _typed(phone, "/", "verval stunting")  # no page holds both; "stunting" is the rarer word
    status = page.locator(".md-search-result__meta")
    expect(status).to_have_text(re.compile(r"^Hasil untuk sebagian kata: stunting · \d+ hasil"))
    assert "stunting" in _shown(page)[0]["excerpt"].lower()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "wanted"), [
    ("apa yang harus saya lakukan kalau nama kpm hilang dari daftar penerima", "/faq/nama-kpm-tidak-ada-di-daftar/"),
    ("dicoret", "/faq/nama-kpm-tidak-ada-di-daftar/"),
    ("bohong", "/glosarium/hoaks/"),
    ("kontrak tksk diperpanjang", "/faq/apakah-kinerja-saya-dinilai/"),
    ("permensos 3 2013 masih berlaku gak", "/regulasi/permensos-03-2013/"),
], ids=["question-words-do-not-block", "everyday-word-dicoret", "everyday-word-bohong", "two-everyday-words-one-answer",
        "rule-named-without-its-zero"])
def test_question_words_and_everyday_words_lead_to_the_record(phone, query, wanted):
    """Check that question words do not block results, an everyday word leads to the record using the handbook's word,
    and a rule named by kind, number and year ("3" for "03") leads to its page."""
    page = _typed(phone, "/", query)
    top = [r["href"].split("?")[0] for r in _shown(page)[:3]]
    assert wanted in top, top


def listing_urls(site: Path) -> set[str]:
    """Return the addresses of the indexed pages that are not records (kata-cari.json ``daftar``, by Pagefind id)."""
    listing = set(json.loads((site / "pagefind/kata-cari.json").read_text(encoding="utf-8"))["daftar"])
    return {fragment_url(path.read_bytes()) for path in (site / "pagefind/fragment").glob("*.pf_fragment")
            if path.name.removesuffix(".pf_fragment") in listing}


@pytest.mark.browser
@pytest.mark.parametrize("query", ["hilang", "kpm protes", "program sembako", "pkh"])
def test_results_put_records_first_with_distinct_titles_and_excerpts_from_the_text(phone, site, query):
    """Check that no listing page (glossary letter, topic, section) outranks a record, no two results share a title,
    and no excerpt starts with the "Terbit" line."""
    page = _typed(phone, "/", query)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ hasil"))
    expect(page.locator(".md-search-result__item")).to_have_count(10)  # the rest of the list follows the first screen
    shown = _shown(page)
    lists = listing_urls(site)
    kinds = ["list" if r["href"].split("?")[0] in lists else "record" for r in shown]
    assert kinds == sorted(kinds, key=lambda kind: kind == "list"), list(zip(kinds, [r["href"] for r in shown], strict=True))
    titles = [r["title"] for r in shown]
    assert len(titles) == len(set(titles)), titles
    assert not [r for r in shown if r["excerpt"].startswith("Terbit")]


@pytest.mark.browser
def test_five_results_fit_on_a_phone_screen(phone):
    """Check that at least five whole results are visible at 360 x 740 without scrolling."""
    page = _typed(phone, "/", "verval data kpm")
    expect(page.locator(".md-search-result__item").nth(4)).to_be_attached()
    height = page.viewport_size["height"]
    visible = [r for r in _shown(page) if r["bottom"] <= height]
    assert len(visible) >= 5, [round(r["bottom"]) for r in _shown(page)[:6]]
