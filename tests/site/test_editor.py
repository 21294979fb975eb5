"""The form editor as a Dinsos clerk uses it (`make edit`): Sveltia CMS in Chromium on a copy of the project, beside
the live preview (`mkdocs serve`). The clerk adds an answer with its rakor and source picked from lists, changes a
regulation's status with its source, makes a mistake and reads the message in the form and in the preview, fixes it
and sees the preview change; the YAML on disk is read after each save. The operating system's folder dialog is the
one thing replaced (tests/support/folder_picker.js): no browser automation can drive it.
"""

from __future__ import annotations

import datetime
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from macros.load.handbook import load_handbook
from macros.model.schema import ListOf, Text
from macros.tools.cms import ROOT_LIST
from macros.tools.edit import make_server
from macros.tools.json_schema import file_types
from tests.support.data import ROOT
from tests.support.folder_picker import offer_folder
from tests.support.project import copy_project

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
#: How long the preview may take to rebuild after a save on a loaded 2-core machine.
REBUILD_SECONDS = 150
FAQ_FILE = "data/faq/data-penerima.yml"
REGULATION = "permensos-3-2021"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A clerk's copy of the project: a git repository with the real data, the editor's files and its npm packages."""
    root = copy_project(tmp_path_factory.mktemp("penyunting") / "proyek")
    shutil.copytree(ROOT / "admin", root / "admin")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    return root


@pytest.fixture(scope="module")
def preview(project):
    """`mkdocs serve` of the copy, as `make edit` starts it; its base URL."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                "-f", str(project / "mkdocs.yml")], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    _PREVIEWS.append(process)
    try:
        _wait_for(base + "/", REBUILD_SECONDS)
        yield base
    finally:
        _stop_previews()


#: The running previews: tests that no longer look at the preview stop it, so it does not rebuild after their saves.
_PREVIEWS: list[subprocess.Popen] = []


def _stop_previews() -> None:
    while _PREVIEWS:
        process = _PREVIEWS.pop()
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def editor(project, preview):
    """The editor's server (`tksk edit`) for the copy, local folder only; its base URL."""
    server = make_server(project, port=0, preview=preview + "/", env={})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def clerk(browser, editor, project):
    """The clerk's browser tab with the project folder opened in the editor; the list of files it wrote."""
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(30_000)
    outside: list[str] = []
    context.route(lambda url: not url.startswith(editor) and "/__folder__/" not in url,
                  lambda route: (outside.append(route.request.url), route.abort()))
    written = offer_folder(context, project)
    page = context.new_page()
    page.goto(editor + "/admin/")
    page.get_by_role("button", name="Work with Local Repository").click()
    expect(page.get_by_text("Collections")).to_be_visible(timeout=120_000)
    page.written, page.outside = written, outside
    yield page
    context.close()


def _open(page, collection: str, entry: str) -> None:
    """Open an entry: a record's file, or a list file."""
    target = f"#/collections/{collection}/entries/{entry}"
    for _ in range(20):  # after a save the editor goes back to the list: ask again until the form stays open
        page.evaluate(f"location.hash = '{target}'")
        page.wait_for_timeout(500)
        if page.evaluate("location.hash") == target and page.locator("section[data-key-path]").count():
            break
    expect(page.get_by_role("button", name="Save")).to_be_visible()


def _field(page, key: str):
    """The form's field at ``key``, as the CMS names it (``daftar.4.jawaban``: the 5th answer's jawaban). The form
    draws a long list's items as they scroll into view, so fields are found by their place, not by their order."""
    section = page.locator(f'section[data-key-path="{key}"]')
    page.mouse.move(DESKTOP["viewport"]["width"] / 2, DESKTOP["viewport"]["height"] / 2)
    if not section.count():
        page.mouse.wheel(0, -100_000)  # from the top of the form
    for _ in range(60):  # scroll the form down, as a clerk does, until the item is drawn
        if section.count():
            break
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(150)
    if not section.count():
        page.screenshot(path="/tmp/editor-missing-field.png")
    section.scroll_into_view_if_needed()
    return section


def _fill(page, key: str, text: str) -> None:
    _field(page, key).locator("input, textarea").first.fill(text)


def _add_item(page, list_key: str, new_key: str) -> None:
    """Press the add button of the list at ``list_key`` and wait until the new item's field ``new_key`` is there."""
    # The list's own add button follows its items (and theirs) in the page.
    _field(page, list_key).get_by_role("button", name=re.compile(r"\bAdd\b")).last.click()
    expect(page.locator(f'section[data-key-path="{new_key}"]')).to_have_count(1)


def _pick(page, key: str, option: str, exact: bool = False) -> None:
    """Choose ``option`` in the field at ``key``: a drop-down (a list of existing records or of choices), or, for a
    few choices, a row of radio buttons."""
    section = _field(page, key)
    name = re.compile(rf"^\W*{re.escape(option)}\W*(check)?$" if exact else re.escape(option))
    if section.get_by_role("radio").count():
        section.get_by_role("radio", name=name).first.click()
        return
    box = section.get_by_role("combobox").first
    box.click()
    # Every drop-down of the form keeps its (hidden) list in the page: choose in the one that is open.
    choice = page.locator('[role="listbox"]:visible').get_by_role("option", name=name).first
    try:
        choice.wait_for(state="visible")
    except Exception:
        shown = page.locator('[role="listbox"]:visible').get_by_role("option").all_inner_texts()
        raise AssertionError(f"{key}: no option {option!r} among {shown}") from None
    choice.click()
    if box.get_attribute("aria-expanded") == "true":
        page.keyboard.press("Escape")


def _save(page, project: Path, rel: str):
    """Save, wait until ``rel`` is written, and return its content as PyYAML reads it."""
    before = len(page.written)
    page.get_by_role("button", name="Save").click()
    end = time.monotonic() + 30
    while rel not in page.written[before:] and time.monotonic() < end:
        page.wait_for_timeout(200)
    assert rel in page.written[before:], f"{rel} was not written; written: {page.written[before:]}"
    return yaml.safe_load((project / rel).read_text(encoding="utf-8"))


def _preview_shows(browser, url: str, text: str) -> None:
    """Open the preview page and wait (it rebuilds after each save) until it shows ``text``."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    end = time.monotonic() + REBUILD_SECONDS
    try:
        while True:
            try:
                page.goto(url)
                if text in page.locator("body").inner_text():
                    return
            except Exception:  # the preview restarts its server while it rebuilds
                pass
            if time.monotonic() > end:
                raise AssertionError(f"{url} did not show {text!r} within {REBUILD_SECONDS} s")
            page.wait_for_timeout(1000)
    finally:
        context.close()


def test_clerk_adds_an_answer_with_its_rakor_and_source_from_lists(clerk, project, preview, browser):
    """Check that an answer added in the form, with its rakor, reference and source chosen from lists of existing
    records and its date from the calendar, lands in the topic's file as a valid record, leaving the others as they
    were, and that the preview shows it."""
    before = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    _open(clerk, "faq", "data-penerima")
    new = f"daftar.{len(before)}"
    _add_item(clerk, "daftar", f"{new}.id")
    _fill(clerk, f"{new}.id", "uji-penyunting-formulir")
    _fill(clerk, f"{new}.pertanyaan", "Bagaimana penyunting menambah jawaban lewat formulir?")
    _fill(clerk, f"{new}.jawaban", "Jawaban ini ditulis di penyunting formulir untuk uji.")
    _pick(clerk, f"{new}.topik", "Data penerima bantuan")
    _pick(clerk, f"{new}.rakor", "Rakor pengembangan PSKS")
    _pick(clerk, f"{new}.rujukan", "Verval data KPM")
    _pick(clerk, f"{new}.sumber", "Dinsos Kabupaten Probolinggo menggelar rakor")
    _add_item(clerk, f"{new}.riwayat", f"{new}.riwayat.0.tanggal")
    _fill(clerk, f"{new}.riwayat.0.tanggal", "2026-12-01")
    _fill(clerk, f"{new}.riwayat.0.perubahan", "Terbit pertama.")
    records = _save(clerk, project, FAQ_FILE)
    assert records[:-1] == before, "the other answers of the file changed"
    assert records[-1] == {
        "id": "uji-penyunting-formulir", "pertanyaan": "Bagaimana penyunting menambah jawaban lewat formulir?",
        "jawaban": "Jawaban ini ditulis di penyunting formulir untuk uji.", "topik": "data-penerima",
        "rakor": "rakor-probolinggo-2021", "rujukan": ["verval-data-kpm"], "sumber": ["berita-rakor-probolinggo-2021"],
        "riwayat": [{"tanggal": datetime.date(2026, 12, 1), "perubahan": "Terbit pertama."}],
    }
    load_handbook(project, today=datetime.date(2026, 12, 2))  # valid: no DataInvalid
    _preview_shows(browser, preview + "/faq/uji-penyunting-formulir/", "Bagaimana penyunting menambah jawaban lewat formulir?")
    assert clerk.outside == [], f"the editor loaded from another host: {clerk.outside}"


def _banner(page):
    return page.locator("#tksk-status")


def test_a_status_without_its_source_is_told_in_the_form_and_the_preview_until_fixed(clerk, project, preview, browser):
    """Check that a regulation whose status is changed without naming its source saves, then shows the validator's
    message (file, line, field, what to do) under the form and on the preview page instead of a stale page; and
    that picking the source from the list clears both and the preview shows the new status."""
    rel = f"data/regulasi/{REGULATION}.yml"
    page_url = f"{preview}/regulasi/{REGULATION}/"
    _open(clerk, "regulasi", REGULATION)
    _pick(clerk, "status", "Berlaku", exact=True)
    saved = _save(clerk, project, rel)
    assert saved["status"] == "berlaku" and "status_sumber" not in saved
    message = (f'{rel}, baris 7, isian status_sumber: status "berlaku" adalah klaim: isi status_sumber dengan id sumber '
               "yang menyatakannya, atau ubah status menjadi belum-dipastikan")
    expect(_banner(clerk)).to_be_visible(timeout=20_000)
    expect(_banner(clerk)).to_contain_text("Data belum valid: 1 kesalahan")
    expect(_banner(clerk)).to_contain_text(message.split(": ", 1)[1][:60])
    assert " ".join(_banner(clerk).inner_text().split()).count(rel) == 1
    _preview_shows(browser, page_url, "Data belum valid")
    _preview_shows(browser, page_url, "isi status_sumber dengan id sumber yang menyatakannya")

    _open(clerk, "regulasi", REGULATION)  # the editor closes the form after a save
    _pick(clerk, "status_sumber", "Peraturan Menteri Sosial Nomor 3 Tahun 2021")
    saved = _save(clerk, project, rel)
    assert saved["status"] == "berlaku" and saved["status_sumber"] == ["teks-permensos-3-2021"]
    expect(_banner(clerk)).to_be_hidden(timeout=20_000)
    _preview_shows(browser, page_url, "Berlaku")
    load_handbook(project)  # valid again


def test_a_script_link_is_never_live_in_the_editor_and_is_refused_on_save(clerk, project):
    """Check that a pasted ``javascript:`` link stays text in the editor (its own preview pane is off, fields are plain
    text boxes), runs nothing, and that saving it gets the validator's message naming the fix."""
    _stop_previews()  # from here on only the files and the form are looked at
    dialogs: list[str] = []
    clerk.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    before = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    _open(clerk, "faq", "data-penerima")
    last = f"daftar.{len(before) - 1}"
    _fill(clerk, f"{last}.jawaban", "Baca [panduan](javascript:alert(1)) dulu.")
    _save(clerk, project, FAQ_FILE)
    expect(_banner(clerk)).to_contain_text("menuju \"javascript:alert(1)\", yang tidak diizinkan", timeout=20_000)
    assert clerk.locator("a[href^='javascript:' i]").count() == 0
    assert dialogs == []
    _open(clerk, "faq", "data-penerima")
    _fill(clerk, f"{last}.jawaban", "Baca dulu panduan verval di buku saku ini.")
    _save(clerk, project, FAQ_FILE)
    expect(_banner(clerk)).to_be_hidden(timeout=20_000)


def _edited_path(ctype) -> str:
    """The field a round trip edits: the type's summary text (it changes no rule's outcome), else the first word of
    its first list of words (the search aid)."""
    summary = ctype.schema.fields.get(ctype.summary)
    if summary is not None and type(summary.kind) is Text:
        return ctype.summary
    return next(f"{name}.0" for name, spec in ctype.schema.fields.items()
                if isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Text))


def _round_trip_cases() -> list[tuple[str, str, str, str]]:
    """(collection, entry, file, field path in the record) of one record of every content type with files."""
    cases = []
    for ctype in file_types():
        if "nasional" not in ctype.where:
            continue
        first = sorted((ROOT / "data").glob(ctype.files))[0]
        entry = first.stem if not ctype.many or "*" in ctype.files else ctype.name
        cases.append((ctype.name, entry, first.relative_to(ROOT).as_posix(), _edited_path(ctype)))
    return cases


def _records_of(project: Path, rel: str) -> dict:
    """The validated records written in ``rel``, by id: what the handbook reads, whatever the YAML's style. A yes/no
    field the CMS writes as ``false`` where the file left it out means the same (absent is no) and is dropped."""
    handbook = load_handbook(project)
    return {r.id: {k: v for k, v in r.data.items() if v is not False}
            for r in handbook.records.values() if r.file == rel}


def test_a_round_trip_of_every_content_type_changes_only_the_edited_field(clerk, project):
    """Check, for one record of every content type, that opening it in the editor, changing its title and saving
    leaves every other value of the file as the handbook reads it (dates, numbers, lists, quotes) and valid.

    What the CMS changes in the text itself (comments dropped, [a, b] lists and {…} maps written as blocks, long
    folded text on one line) is listed in README "Penyunting formulir"."""
    _stop_previews()
    for collection, entry, rel, path in _round_trip_cases():
        before = _records_of(project, rel)
        record_id = entry if entry in before else next(iter(before))  # the file's record, or a list's first
        key = path if entry in before else f"{ROOT_LIST}.0.{path}"
        _open(clerk, collection, entry)
        box = _field(clerk, key).locator("input, textarea").first
        old = box.input_value()
        box.fill(old + " uji")
        _save(clerk, project, rel)
        after = _records_of(project, rel)
        assert set(after) == set(before), f"{rel}: records came or went"
        top = path.split(".")[0]
        changed = {rid: {k for k in set(before[rid]) | set(after[rid]) if before[rid].get(k) != after[rid].get(k)}
                   for rid in before}
        assert changed == {rid: ({top} if rid == record_id else set()) for rid in before}, f"{rel}: {changed}"
        value = after[record_id][top]
        assert (value[0] if path.endswith(".0") else value) == old + " uji", f"{rel}: {value!r}"
