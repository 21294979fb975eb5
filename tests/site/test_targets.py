"""Touch targets at 360 px (WCAG 2.2, 2.5.8): every control a reader taps is 24 x 24 px at least on each kind of page,
and the primary ones (quiz answers and buttons, header buttons and search, menu entries, the 404 page's way on) 44 px.

Exempt, as 2.5.8 allows or because they are not targets on a phone:
- links inside running text (a sentence in a paragraph, list item, table cell or box): 2.5.8's "inline" exception;
- a quiz's radio button or check box inside its label: the label (44 px, the whole row) is the target;
- Material's heading anchors (¶) are shown only on hover and focus (opacity 0 on a phone), and the closed menu and
  table of contents lie off screen: neither is counted until shown.
"""

from __future__ import annotations

import pytest

from tests.support.phone import load_quiz
from tests.support.targets import TARGETS

pytestmark = pytest.mark.browser

#: One page of each kind: Beranda, a section index, a record, a module with its quiz, the glossary, the 404 page.
PAGES = ("/", "/tugas/", "/sop/verval-data-kpm/", "/kurikulum/pelaporan-tksk/", "/glosarium/", "/halaman-yang-tidak-ada/")
#: Primary controls: 44 px high at least.
PRIMARY = (".kuis button, .kuis-pilihan label, .md-header__button, .md-search__icon, .md-search__input, "
           ".buku-saku-404-cari, .buku-saku-404-bagian a")


def _too_small(page) -> list[str]:
    small = []
    for t in page.evaluate(TARGETS):
        if t["inline"] or (t["tag"] == "input" and t["inLabel"]):
            continue
        if t["w"] < 24 or t["h"] < 24 or (t["primary"] and t["h"] < 44):
            small.append(f'{t["tag"]}.{t["cls"]} "{t["text"]}" {t["w"]}x{t["h"]}' + (" (utama: 44)" if t["primary"] else ""))
    return small


def test_every_control_is_big_enough_on_every_page_type(phone):
    """Check each page type, the open search with results and the open menu: 24 px every control, 44 px primary ones."""
    page = phone.page
    page.add_init_script(f"window.__primary = {PRIMARY!r};")
    found = []
    for path in PAGES:
        phone.open(path)
        page.wait_for_load_state("load")
        load_quiz(page)  # the module's quiz, styled and wired as the reader finds it
        found += [f"{path}: {s}" for s in _too_small(page)]
    phone.open("/sop/verval-data-kpm/")
    page.keyboard.press("/")
    page.keyboard.type("pendampingan")
    page.wait_for_selector("[data-cari-results] li")
    found += [f"(pencarian): {s}" for s in _too_small(page)]
    page.keyboard.press("Escape")
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.wait_for_timeout(400)
    found += [f"(menu): {s}" for s in _too_small(page)]
    assert not found, "\n".join(found)
