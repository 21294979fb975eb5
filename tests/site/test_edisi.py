"""Editions: numbered YEAR.N, rising with their dates, never in the future; every change is listed under the
edition that published it, on the Pembaruan page (filterable by content type), on Beranda and on record pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.load.handbook import load_handbook
from macros.model.changes import all_changes, by_edition, editions
from macros.render.renderer import Renderer
from macros.types.edisi import edition_id, number_key
from tests.support.phone import PHONE
from tests.support.data import BASE, TODAY, errors_of

FILE = "data/edisi/edisi-2026-1.yml"
SECOND = "data/edisi/edisi-2026-2.yml"
SOP = "data/sop/sop-uji.yml"


def edition(nomor: str, tanggal: str, extra: str = "") -> str:
    """Return an edition file with the given number and date."""
    return (f'id: {edition_id(nomor)}\nnomor: "{nomor}"\ntanggal: {tanggal}\njudul: Edisi uji\n'
            f"ringkasan: Edisi untuk uji.\n{extra}")


def base_edition(old: str, new: str) -> dict[str, str]:
    assert old in BASE[FILE], old
    return {FILE: BASE[FILE].replace(old, new, 1)}


def sop_changes(*dates: str) -> dict[str, str]:
    """Return the base SOP with one more change on each date (after its first one, 2026-11-01)."""
    extra = "".join(f"  - tanggal: {d}\n    perubahan: Perubahan {d}.\n" for d in dates)
    return {SOP: BASE[SOP] + extra}


NUMBER_EXPECTED = 'harus berupa nomor edisi TAHUN.URUTAN dalam tanda kutip, misalnya "2026.1"'

CASES = [
    pytest.param(base_edition('nomor: "2026.1"', 'nomor: "2026-1"'),
                 [f'{FILE}:2: nomor: {NUMBER_EXPECTED}; tertulis "2026-1"'], id="number-not-year-dot-n"),
    pytest.param(base_edition('nomor: "2026.1"', 'nomor: "2026.01"'),
                 [f'{FILE}:2: nomor: {NUMBER_EXPECTED}; tertulis "2026.01"'], id="number-with-leading-zero"),
    pytest.param(base_edition('nomor: "2026.1"', "nomor: 2026.1"),
                 [f"{FILE}:2: nomor: {NUMBER_EXPECTED}; tanpa tanda kutip 2026.1 dibaca sebagai angka"], id="number-unquoted"),
    pytest.param(base_edition('nomor: "2026.1"', 'nomor: "2026.2"'),
                 [f'{FILE}:1: id: id edisi 2026.2 harus "edisi-2026-2" (nomornya dengan tanda hubung), di berkas '
                  f'data/edisi/edisi-2026-2.yml; tertulis "edisi-2026-1"'], id="id-does-not-follow-number"),
    pytest.param({FILE: None, "data/edisi/edisi-2025-1.yml": edition("2025.1", "2026-11-20")},
                 ["data/edisi/edisi-2025-1.yml:2: nomor: nomor edisi 2025.1 diawali tahun 2025, padahal edisi ini terbit "
                  "20 November 2026; nomor edisi diawali tahun terbitnya"], id="number-year-is-not-date-year"),
    pytest.param(base_edition("tanggal: 2026-11-20", "tanggal: 2999-01-01"),
                 [f"{FILE}:3: tanggal: tanggal 2999-01-01 ada di masa depan (hari ini {TODAY}); tulis tanggal yang sudah terjadi"],
                 id="date-in-the-future"),
    pytest.param({SECOND: edition("2026.2", "2026-10-01")},
                 [f"{FILE}:2: nomor: nomor edisi mundur: 2026.1 terbit 20 November 2026, sesudah edisi 2026.2 "
                  f"(1 Oktober 2026, {SECOND}:2); nomor edisi naik mengikuti tanggal"], id="number-goes-backwards"),
    pytest.param({SECOND: edition("2026.2", "2026-11-20")},
                 [f"{SECOND}:3: tanggal: edisi 2026.1 ({FILE}:2) juga terbit 20 November 2026; satu tanggal satu edisi"],
                 id="two-editions-one-date"),
    pytest.param({SECOND: edition("2026.1", "2026-11-21").replace("id: edisi-2026-1", "id: edisi-2026-2")},
                 [f'{SECOND}:1: id: id edisi 2026.1 harus "edisi-2026-1" (nomornya dengan tanda hubung), di berkas '
                  f'data/edisi/edisi-2026-1.yml; tertulis "edisi-2026-2"',
                  f"{SECOND}:2: nomor: nomor edisi 2026.1 sudah dipakai di {FILE}:2"], id="number-used-twice"),
    pytest.param(base_edition("rujukan: [tugas-uji]", "rujukan: [tugas-ujii]"),
                 [f'{FILE}:8: sorotan[1].rujukan[1]: tidak ada catatan dengan id "tugas-ujii"; maksudnya "tugas-uji"?'],
                 id="highlight-points-nowhere"),
    pytest.param({FILE: BASE[FILE] + "sumber: [berita-uji]\n"},
                 [f"{FILE}:9: sumber: isian tidak dikenal Isian yang boleh: id, nomor, tanggal, judul, ringkasan, sorotan"],
                 id="editions-cite-no-sources"),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_bad_edition_is_reported_precisely(tree, today, changes, expected):
    """Check that each edition mistake gives exactly the expected file:line: field: message."""
    assert errors_of(tree(changes)) == expected


def test_numbers_rise_as_numbers_not_as_text(tree):
    """Check that 2026.10 after 2026.9 is accepted: numbers are compared as numbers."""
    changes = {FILE: None, "data/edisi/edisi-2026-9.yml": edition("2026.9", "2026-10-01"),
               "data/edisi/edisi-2026-10.yml": edition("2026.10", "2026-11-20")}
    assert errors_of(tree(changes)) == []
    assert number_key("2026.10") > number_key("2026.9")


def _groups(tree, changes):
    handbook = load_handbook(tree(changes))
    return by_edition(all_changes(handbook), editions(handbook))


@pytest.mark.parametrize(("date", "expected"), [
    ("2026-11-19", "edisi-2026-1"),  # before the first edition: published by it
    ("2026-11-20", "edisi-2026-1"),  # on an edition's date: in that edition
    ("2026-11-21", "edisi-2026-2"),  # between two editions: the next one
    ("2026-11-22", "edisi-2026-2"),
    ("2026-11-23", None),            # after the newest edition: not published yet
])
def test_change_belongs_to_the_first_edition_on_or_after_it(tree, date, expected):
    """Check that a change is grouped under the first edition dated on or after it, or under none yet."""
    groups = _groups(tree, {SECOND: edition("2026.2", "2026-11-22"), **sop_changes(date)})
    holder = [g.edisi.id if g.edisi else None for g in groups for c in g.changes if c.perubahan == f"Perubahan {date}."]
    assert holder == [expected]


def test_groups_are_newest_first_with_unpublished_changes_on_top(tree):
    """Check that groups run from unpublished changes to the oldest edition, each edition listed even without changes."""
    changes = {SECOND: edition("2026.2", "2026-11-21"), "data/edisi/edisi-2026-3.yml": edition("2026.3", "2026-11-22"),
               **sop_changes("2026-11-20", "2026-11-23")}
    groups = _groups(tree, changes)
    assert [(g.edisi.id if g.edisi else None, len(g.changes)) for g in groups] == [
        (None, 1), ("edisi-2026-3", 0), ("edisi-2026-2", 0), ("edisi-2026-1", 8)]
    dates = [c.tanggal for g in groups for c in g.changes]
    assert dates == sorted(dates, reverse=True)


def test_pembaruan_block_lists_changes_by_edition_with_their_types(tree):
    """Check that the Pembaruan block heads each edition with its number, date and summary, marks each entry with its
    type for the filter, offers only the types that have changes, and says when an edition has none."""
    handbook = load_handbook(tree({SECOND: edition("2026.2", "2026-11-21"), **sop_changes("2026-11-23")}))
    renderer = Renderer(handbook)
    changes = all_changes(handbook)
    text = renderer.block("pembaruan", "pembaruan.md", limit=0, changes=changes,
                          groups=by_edition(changes, editions(handbook)), latest=editions(handbook)[0])
    headings = re.findall(r"^### .*$", text, re.MULTILINE)
    assert headings == ["### Sejak edisi 2026.2 { #belum-diterbitkan }",
                        "### Edisi 2026.2 · 21 November 2026 { #edisi-2026-2 }",
                        "### Edisi 2026.1 · 20 November 2026 { #edisi-2026-1 }"]
    assert "**[Edisi uji](edisi/edisi-2026-1.md).** Edisi untuk uji." in text
    assert "Tidak ada perubahan yang tercatat di edisi ini." in text.split("{ #edisi-2026-2 }")[1].split("### ")[0]
    entry = "- **23 November 2026** · [SOP uji](sop/sop-uji.md) <small>(SOP)</small>: Perubahan 2026-11-23.\n" \
            '  { data-jenis="sop" }\n'
    assert entry in text
    assert text.count("{ data-jenis=") == len(changes)
    assert re.findall(r'<option value="(\w*)">', text) == ["", "tugas", "program", "sop", "regulasi", "kurikulum", "rencana"]
    assert '<form class="pembaruan-saring" hidden>' in text


def test_beranda_shows_the_latest_edition_above_the_latest_changes(tree):
    """Check that with a limit the block shows the newest edition (number, date, summary), then that many changes."""
    handbook = load_handbook(tree({SECOND: edition("2026.2", "2026-11-21")}))
    renderer = Renderer(handbook)
    text = renderer.block("pembaruan", "index.md", limit=2, changes=all_changes(handbook)[:2], groups=[],
                          latest=editions(handbook)[0])
    first, rest = text.split("Perubahan terbaru:")
    assert "**[Edisi 2026.2](edisi/edisi-2026-2.md) · 21 November 2026: Edisi uji.** Edisi untuk uji." in first
    assert rest.count("\n- **") == 2 and "data-jenis" not in rest


@pytest.mark.parametrize(("extra", "line"), [
    ((), "*Terbit 1 November 2026 · [riwayat perubahan](#riwayat-perubahan)*"),
    (("2026-11-20", "2026-11-22"), "*Terbit pertama 1 November 2026 · Diperbarui 22 November 2026 · "
                                   "[riwayat perubahan](#riwayat-perubahan)*"),
])
def test_record_page_says_when_it_was_first_published_and_last_updated(tree, extra, line):
    """Check that a record page's head gives its first and last change dates from the data, or one date when equal."""
    handbook = load_handbook(tree(sop_changes(*extra)))
    assert line in Renderer(handbook).record_page(handbook.get("sop-uji")).splitlines()


def test_record_history_is_newest_first_even_on_one_day(tree):
    """Check that the history table lists changes newest first, later entries of the same day first."""
    handbook = load_handbook(tree(sop_changes("2026-11-20", "2026-11-20")))
    page = Renderer(handbook).record_page(handbook.get("sop-uji"))
    rows = re.findall(r"^\| (\d+ \w+ 2026) \| (.*) \|$", page.split("## Riwayat perubahan")[1], re.MULTILINE)
    assert rows == [("20 November 2026", "Perubahan 2026-11-20."), ("20 November 2026", "Perubahan 2026-11-20."),
                    ("1 November 2026", "Terbit pertama.")]


def test_edition_page_lists_highlights_and_its_changes(tree):
    """Check that an edition's page shows its number, date, highlights with links and the changes it brought."""
    handbook = load_handbook(tree())
    page = Renderer(handbook).record_page(handbook.get("edisi-2026-1"))
    assert "# Edisi 2026.1: Edisi uji" in page
    assert "- **Terbit:** 20 November 2026" in page
    assert "- Tugas uji terbit. ([Tugas uji](../tugas/tugas-uji.md))" in page
    assert page.split("## Perubahan di edisi ini")[1].count("\n- **1 November 2026**") == 7
    assert "## Sumber" not in page


def test_real_site_pembaruan_and_beranda(site, real_handbook):
    """Check that the built Pembaruan page groups changes under the first edition, marks entries and links the feed,
    and that Beranda shows the latest edition before the latest changes."""
    html = (site / "pembaruan" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="edisi-2026-1">Edisi 2026\.1 · 23 November 2026', html)
    groups = by_edition(all_changes(real_handbook), editions(real_handbook))
    assert re.findall(r'<li data-jenis="([a-z]+)">', html) == [c.jenis for g in groups for c in g.changes]  # every change, by edition
    assert '<form class="pembaruan-saring" hidden>' in html and 'href="../feed.xml"' in html
    beranda = (site / "index.html").read_text(encoding="utf-8").split('id="pembaruan-terakhir"')[1]
    assert beranda.index('href="edisi/edisi-2026-1/"') < beranda.index("<ul>")
    assert (site / "edisi" / "edisi-2026-1" / "index.html").is_file()


def _visible_types(page) -> set[str]:
    return set(page.eval_on_selector_all("li[data-jenis]", "items => items.filter(li => li.offsetParent).map(li => li.dataset.jenis)"))


@pytest.mark.browser
def test_pembaruan_filter_hides_other_types_and_works_by_keyboard(phone, real_handbook):
    """Check that choosing a content type with the keyboard hides the other types' changes, says how many are shown,
    and that choosing all types shows every change again."""
    page = phone.open("/pembaruan/")
    select = page.get_by_label("Tampilkan perubahan")
    expect(select).to_be_visible()
    every = page.locator("li[data-jenis]").count()
    assert _visible_types(page) == {r.type.name for r in real_handbook.records.values() if r.data.get("riwayat")}
    select.focus()
    page.keyboard.press("ArrowDown")  # first type after "Semua jenis isi"
    chosen = select.input_value()
    assert chosen
    assert _visible_types(page) == {chosen}
    shown = page.locator(f'li[data-jenis="{chosen}"]').count()
    expect(page.locator(".pembaruan-jumlah")).to_contain_text(f"Menampilkan {shown} dari {every} perubahan")
    select.select_option("sop")
    assert _visible_types(page) == {"sop"}
    select.select_option("")
    assert page.locator("li[data-jenis]:visible").count() == every


@pytest.mark.browser
def test_pembaruan_without_javascript_shows_everything(browser, server):
    """Check that without JavaScript the filter stays hidden and every change is visible."""
    context = browser.new_context(java_script_enabled=False, **PHONE)
    try:
        page = context.new_page()
        page.goto(server + "/pembaruan/")
        expect(page.locator("form.pembaruan-saring")).to_be_hidden()
        entries = page.locator("li[data-jenis]")
        assert entries.count() == page.locator("li[data-jenis]:visible").count() > 0
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/pembaruan/", "/edisi/", "/edisi/edisi-2026-1/"])
def test_pembaruan_and_editions_have_no_serious_accessibility_violations(phone, path):
    """Check with axe-core that Pembaruan (its filter shown and used) and the edition pages have no serious or critical
    violation."""
    from axe_playwright_python.sync_playwright import Axe

    page = phone.open(path)
    if path == "/pembaruan/":
        page.get_by_label("Tampilkan perubahan").select_option("sop")
    violations = [v for v in Axe().run(page).response["violations"]
                  if v["impact"] in ("serious", "critical")]
    assert not violations, [f"{v['id']}: {v['nodes'][0]['html'][:120]}" for v in violations]
