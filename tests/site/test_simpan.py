"""The "Simpan" button of a section or learning stage (docs/javascripts/offline.js) has its place in the page from the
first paint (macros/outputs/offline.py writes it under the H1), so its arrival pushes nothing down."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Where the text under the H1 starts, and the button's place, as the page shows them.
PLACE = """() => { const box = document.querySelector('.buku-saku-simpan');
  return box && {top: box.nextElementSibling.getBoundingClientRect().top, filled: box.querySelector('button') !== null,
                 button: box.querySelector('button') && box.querySelector('button').getBoundingClientRect().height}; }"""


def test_save_place_is_written_into_the_pages_that_get_a_button(site):
    """Check that section and stage pages have the empty place under their H1, and Beranda and records do not."""
    def has(page: str) -> bool:
        return 'class="buku-saku-simpan" data-simpan' in (site / page / "index.html").read_text(encoding="utf-8")

    assert has("tugas") and has("rencana") and has("kurikulum/tahap-1-orientasi")
    assert not has(".") and not has("sop/verval-data-kpm")


@pytest.mark.parametrize("path", ["/tugas/", "/rencana/", "/kurikulum/tahap-1-orientasi/"])
def test_save_button_appears_without_moving_the_text(phone, path):
    """Check that the text under the H1 is where it was before the button ("Tersimpan" or "Simpan …") appeared,
    and that the button is 44 px high."""
    page = phone.open(path)
    before = page.evaluate(PLACE)
    assert before and not before["filled"], "the place is there, empty, before the worker answers"
    page.wait_for_selector(".buku-saku-simpan button", timeout=20_000)
    page.wait_for_timeout(300)
    after = page.evaluate(PLACE)
    assert abs(after["top"] - before["top"]) < 1, f"the text moved by {after['top'] - before['top']} px"
    assert after["button"] >= 44, after
