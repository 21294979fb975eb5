"""A build that scales: the menu lists sections and topics, lists are split into bounded pages, and a
record page is as big in a large handbook as in today's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.model.listing import PAGE_SIZE, Topic, topics_of, trails
from macros.render.navigation import extend_nav
from macros.render.renderer import Renderer
from macros.types import ALL, BY_NAME
from tests.support.project import build
from tests.support.scaled_data import generate

#: Records in the generated handbook the size checks build (once per module).
GENERATED_RECORDS = 500
#: No index or topic page of the generated handbook may be larger than this (HTML, bytes).
INDEX_BOUND = 110_000
#: Record pages whose size must not depend on the number of records.
RECORD_PAGES = ("faq/bpnt-dan-program-sembako", "sop/verval-data-kpm", "glosarium/tksk", "tugas/tugas-umum-tksk")


def _pages_in(entries) -> list[str]:
    found = []
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, str):
            found.append(entry)
        else:
            for target in entry.values():
                found += _pages_in(target)
    return found


def test_menu_has_topics_not_records(real_handbook):
    """Check that the menu of the real handbook lists no record page, only sections, topics and learning stages."""
    handbook = real_handbook
    nav = extend_nav([{"Beranda": "index.md"}], handbook)
    pages = _pages_in(nav)
    stages = {BY_NAME["kurikulum"].src_uri(s.id) for s in handbook.of_type("kurikulum")}
    records = {r.type.src_uri(r.id) for r in handbook.records.values()} - stages
    assert not set(pages) & records
    assert "faq/topik/bansos/index.md" in pages and "kurikulum/progres.md" in pages
    assert len(pages) < 50, "the menu grows with the data"


def test_topic_pages_are_split_with_stable_urls():
    """Check that a long group is split into pages of PAGE_SIZE with stable addresses, first page at the group's folder."""
    topic = Topic(BY_NAME["faq"], "bansos", "Penyaluran bantuan sosial", tuple(range(2 * PAGE_SIZE + 5)))
    assert topic.pages == 3
    assert [topic.src_uri(n) for n in (1, 2, 3)] == [
        "faq/topik/bansos/index.md", "faq/topik/bansos/halaman-2.md", "faq/topik/bansos/halaman-3.md"]
    assert len(topic.on_page(3)) == 5 and topic.page_of(PAGE_SIZE) == 2


def test_every_record_page_names_its_section_and_group(real_handbook):
    """Check that every record of a section gets the trail line above its title, linking back."""
    handbook = real_handbook
    found = trails(handbook, ALL)
    assert set(found) == {r.id for r in handbook.records.values() if r.type.pages}  # the search aid has no pages
    assert found["bpnt-dan-program-sembako"].group_uri == "faq/topik/bansos/index.md"
    page = Renderer(handbook).record_page(handbook.get("bpnt-dan-program-sembako"))
    assert '<small class="jejak">[Tanya Jawab](index.md) › Topik: [Penyaluran bantuan sosial](topik/bansos/index.md)</small>' in page
    assert page.index('class="jejak"') < page.index("\n# ")  # above the title, after the front matter


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    """Build a generated handbook of GENERATED_RECORDS records once and return its site folder."""
    project = generate(tmp_path_factory.mktemp("besar") / "proyek", GENERATED_RECORDS)
    out = project.parent / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_index_pages_stay_bounded(big_site):
    """Check that no section index or topic page of a larger handbook exceeds the bound, and long groups get a pager."""
    sections = {t.url_folder for t in ALL if t.own_section} | {t.url_folder for t in ALL if t.topics}
    listing = [p for folder in sections for p in (big_site / folder).glob("index.html")]
    listing += [p for t in ALL if t.topics for p in (big_site / t.url_folder / t.topics.folder).rglob("index.html")]
    sizes = {p.relative_to(big_site).as_posix(): p.stat().st_size for p in listing}
    assert len(sizes) > 20
    too_big = {path: size for path, size in sizes.items() if size > INDEX_BOUND}
    assert not too_big
    second = sorted(big_site.rglob("halaman-2/index.html"))
    assert second, "no group is long enough for a second page"
    html = second[0].read_text(encoding="utf-8")
    assert re.search(r"Halaman 2 dari \d", html) and "Sebelumnya" in html


@pytest.mark.parametrize("path", RECORD_PAGES)
def test_record_page_size_does_not_grow_with_the_handbook(site, big_site, path):
    """Check that a record page is about as big in a handbook of 500 records as in today's (menu and lists bounded)."""
    today = (site / path / "index.html").stat().st_size
    larger = (big_site / path / "index.html").stat().st_size
    assert abs(larger - today) <= 0.05 * today, (today, larger)


def test_trail_leads_from_a_record_to_its_topic(phone):
    """Check on a phone that the line above an answer's title is visible and opens its topic's page."""
    page = phone.open("/faq/bpnt-dan-program-sembako/")
    trail = page.locator(".jejak")
    assert trail.is_visible() and "Tanya Jawab" in trail.inner_text()
    phone.tap_and_wait(trail.get_by_role("link", name="Penyaluran bantuan sosial"), re.compile(r"/faq/topik/bansos/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Penyaluran bantuan sosial")
    assert page.locator("details.question").count() >= 3  # the topic's questions, each answer folded


def test_faq_index_shows_three_questions_a_topic_with_a_link_to_the_rest(site, real_handbook):
    """Check that the Tanya Jawab index, whose questions fold out their answers, shows at most three per topic once
    the handbook has more than three a topic could show, each topic with a link to all its questions, so that the
    index stays a light page however many questions Dinsos add; and that every question is on its topic's pages."""
    faq = BY_NAME["faq"]
    html = (site / "faq" / "index.html").read_text(encoding="utf-8")
    assert len(real_handbook.of_type("faq")) > faq.topics.listed_whole, "the real handbook is listed whole: test the preview"
    sections = re.split(r"<h2 ", html)[1:]
    assert len(sections) == len(topics_of(faq, real_handbook))
    for section, topic in zip(sections, topics_of(faq, real_handbook), strict=True):
        assert section.count("<details") == min(3, len(topic.records)), topic.slug
        if len(topic.records) > 3:
            assert f"Semua {len(topic.records)} pertanyaan tentang " in section, topic.slug
    assert "tentang peran dan kedudukan TKSK" in html
    on_topic_pages = "".join(p.read_text(encoding="utf-8") for p in (site / "faq" / "topik").rglob("index.html"))
    missing = [r.id for r in real_handbook.of_type("faq") if f'href="../../{r.id}/"' not in on_topic_pages]
    assert not missing, missing
