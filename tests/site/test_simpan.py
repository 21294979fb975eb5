"""The "Simpan" button of a section or learning stage (docs/javascripts/offline.js) has its place in the page from the
first paint (macros/outputs/offline.py writes it under the H1), so its arrival pushes nothing down."""

from __future__ import annotations

import pytest

from tests.support.phone import set_text_size

pytestmark = pytest.mark.browser

#: Where the text under the H1 starts, and the button's place, as the page shows them.
PLACE = """() => { const box = document.querySelector('.buku-saku-simpan');
  return box && {top: box.nextElementSibling.getBoundingClientRect().top, filled: box.querySelector('.buku-saku-simpan__isi:not([data-sementara])') !== null,
                 button: box.querySelector('.buku-saku-simpan__isi button')?.getBoundingClientRect().height}; }"""


def test_save_place_is_written_into_the_pages_that_get_a_button(site):
    """Check that section and stage pages have the empty place under their H1, and Beranda and records do not."""
    def has(page: str) -> bool:
        return 'class="buku-saku-simpan" data-simpan' in (site / page / "index.html").read_text(encoding="utf-8")

    assert has("tugas") and has("rencana") and has("kurikulum/tahap-1-orientasi")
    assert not has(".") and not has("sop/verval-data-kpm")


#: Every layout shift of the page (the browser's own measure, as Lighthouse's CLS adds them up), with what moved.
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(
  {value: e.value, moved: e.sources.map((s) => s.node ? (s.node.className || s.node.nodeName) : '?')}); })
  .observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("percent", [100, 150, 200])
def test_save_button_appears_without_moving_the_text(phone, percent):
    """Check on a section, a trainers' section and a learning stage, with the phone's text at 100, 150 and 200 %, that
    nothing on the page moves while it loads and the button ("Tersimpan" or "Simpan …") appears (neither the text under
    the H1 nor the header, which gets the edition selector), and that the button is 44 px high."""
    session = set_text_size(phone.page, percent)
    phone.page.add_init_script(SHIFTS)
    for number, path in enumerate(("/tugas/", "/rencana/", "/kurikulum/tahap-1-orientasi/")):
        page = phone.open(path)
        before = page.evaluate(PLACE)
        assert before, f"{path}: no place for the button"
        if number == 0:  # later pages: the worker, already running, may answer before the first look
            assert not before["filled"], f"{path}: the place is there, empty, before the worker answers"
        page.wait_for_selector(".buku-saku-simpan__isi button", timeout=20_000)
        page.locator(".md-header .md-version__current").wait_for()
        page.wait_for_timeout(300)
        after = page.evaluate(PLACE)
        assert abs(after["top"] - before["top"]) < 1, f"{path} at {percent} %: the text moved by {after['top'] - before['top']} px"
        shifts = page.evaluate("window.__shifts")
        assert not [s for s in shifts if s["value"] > 0], f"{path} at {percent} %: layout shifts {shifts}"
        assert after["button"] >= 44, (path, after)
    session.detach()


#: What the button's place shows, in order: each status text and button label offline.js puts there.
#: Watched from before the page's own scripts run (offline.js may fill the place before DOMContentLoaded).
SHOWN = """window.__shown = [];
new MutationObserver(() => { const isi = document.querySelector('.buku-saku-simpan .buku-saku-simpan__isi');
  const now = isi ? isi.innerText.trim() : '';
  if (now && now !== window.__shown[window.__shown.length - 1]) window.__shown.push(now); })
  .observe(document, {childList: true, subtree: true, characterData: true});"""


def test_first_visit_says_the_handbook_is_being_saved(phone):
    """Check that on a first visit, while the worker is still saving the handbook (a while on a slow signal), the
    button's place says so in words, and that the button then takes the place of those words."""
    phone.page.add_init_script(SHOWN)
    page = phone.open("/tugas/")
    page.wait_for_selector(".buku-saku-simpan__isi button", timeout=20_000)
    shown = page.evaluate("window.__shown")
    assert shown[0] == "Menyimpan buku saku untuk dibaca tanpa sinyal…", shown
    assert shown[-1].startswith("Tersimpan\n"), shown
    assert page.locator(".buku-saku-simpan__isi").count() == 1


def test_a_later_visit_shows_the_button_at_once(phone):
    """Check that once the handbook is saved, the next page's place goes straight to its button, without the note."""
    page = phone.open("/tugas/")
    page.wait_for_selector(".buku-saku-simpan__isi button", timeout=20_000)
    phone.page.add_init_script(SHOWN)
    page = phone.open("/rencana/")
    page.wait_for_selector(".buku-saku-simpan__isi button", timeout=20_000)
    shown = page.evaluate("window.__shown")
    assert shown and all("Menyimpan buku saku" not in text for text in shown), shown
