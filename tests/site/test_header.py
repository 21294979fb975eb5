"""The header on a 360 px phone, at normal text size and with the phone's text at 150 % and 200 %: the handbook's
title is whole, the edition selector (Material's, from versions.json; "pratinjau" on the test server) is beside no
icon, every control keeps its size, and the page scrolls only downwards."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.phone import WIDTH, set_text_size

pytestmark = pytest.mark.browser

#: The header's parts, each measured as a box on the screen.
HEADER = """() => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  const title = document.querySelector('.md-header__topic:first-child > .md-ellipsis');
  return {
    title: box(title), titleCut: title.scrollWidth > title.clientWidth + 1, titleText: title.innerText.trim(),
    edition: box(document.querySelector('.md-header .md-version__current')),
    icons: [...document.querySelectorAll('.md-header__button.md-icon')].filter((el) => el.offsetParent !== null).map(box),
    header: box(document.querySelector('.md-header')),
    scrollWidth: document.scrollingElement.scrollWidth,
  };
}"""


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


@pytest.mark.parametrize("percent", [100, 150, 200])
@pytest.mark.parametrize("path", ["/", "/sop/verval-data-kpm/"])
def test_header_keeps_title_edition_and_buttons_apart_at_every_text_size(phone, path, percent):
    """Check that the whole title, the edition button and the header buttons are on screen, none over another,
    each button at least 44 px (the edition button 24 px high), and no sideways scroll."""
    session = set_text_size(phone.page, percent)
    page = phone.open(path)
    expect(page.locator(".md-header .md-version__current")).to_be_visible()  # versions.json was read
    found = page.evaluate(HEADER)
    assert found["titleText"] == "Buku Saku TKSK" and not found["titleCut"], found
    parts = {"judul": found["title"], "edisi": found["edition"]} | {f"tombol {i + 1}": b for i, b in enumerate(found["icons"])}
    assert len(found["icons"]) == 3, found["icons"]  # menu, palette, search
    for name, part in parts.items():
        assert 0 <= part["left"] and part["right"] <= WIDTH + 0.5, f"{name} off screen: {part}"
        assert found["header"]["top"] <= part["top"] and part["bottom"] <= found["header"]["bottom"] + 0.5, f"{name} outside the header"
    names = list(parts)
    crossed = [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if _overlap(parts[a], parts[b])]
    assert not crossed, f"overlapping at {percent} %: {crossed}"
    small = [f"{n} {round(b['width'])}x{round(b['height'])}" for n, b in parts.items() if n.startswith("tombol")
             and (b["width"] < 44 or b["height"] < 44)]
    assert not small, small
    assert found["edition"]["height"] >= 24 and found["edition"]["width"] >= 24, found["edition"]
    assert found["scrollWidth"] <= WIDTH, f"scrolls sideways by {found['scrollWidth'] - WIDTH} px at {percent} %"
    session.detach()


def test_page_title_replaces_the_site_name_in_the_header_on_scrolling(phone):
    """Check that after scrolling past the H1 the header shows the page's title where the site's name was."""
    page = phone.open("/sop/verval-data-kpm/")
    site_name = page.locator(".md-header__topic:first-child").bounding_box()
    page.mouse.wheel(0, 800)
    topic = page.locator("[data-md-component=header-topic]")
    expect(page.locator(".md-header__title--active")).to_be_visible()
    box = topic.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert abs(box["y"] - site_name["y"]) < 4 and box["y"] + box["height"] <= header["y"] + header["height"] + 1, (box, header)
