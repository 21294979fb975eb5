"""`tksk new`: a skeleton the validator rejects until its blanks are filled, and valid once they are."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from macros.load.handbook import load_handbook
from macros.tools.cli import main
from macros.tools.json_schema import file_types, schema_line
from macros.types.edisi import edition_id
from tests.support.data import BASE, LAYER, TODAY, errors_of, write_layer, write_tree
from tests.tools.test_json_schema import schema_errors

TYPES = {t.name: t for t in file_types()}
#: Where a new record of a list type goes in the base tree.
BERKAS = {"faq": "data/faq/peran-tksk.yml"}
#: The region's layer a layer-only type is written in: a new region's own, or the base tree's (tests/support/data.py).
LAYER_OF = {"wilayah": "wilayah-baru", "catatan": LAYER}


def _next_edition() -> tuple[str, str]:
    """An edition number and date that follow the base tree's editions: ``("2026.2", "2026-11-21")``."""
    editions = [yaml.safe_load(text) for rel, text in BASE.items() if rel.startswith("data/edisi/")]
    if not editions:
        return "2026.1", TODAY.isoformat()
    last = max(editions, key=lambda e: e["tanggal"])
    year, n = last["nomor"].split(".")
    return f"{year}.{int(n) + 1}", min(last["tanggal"] + dt.timedelta(days=1), TODAY).isoformat()


@pytest.fixture(autouse=True)
def _pinned_clock(today):
    """`tksk new` dates what it writes by the handbook's clock: pinned here, so every test reads one known day."""


EDITION, EDITION_DATE = _next_edition()
#: The id each test gives its new record.
NEW_ID = {name: edition_id(EDITION) if name == "edisi" else f"{name}-baru" for name in TYPES}

#: What fills a blank, by field name; by type where a choice or an id differs. Ids point into the base tree.
FILL: dict[str, str] = {
    "sumber": "berita-uji", "status_sumber": "berita-uji", "rujukan": "tugas-uji", "bacaan": "tugas-uji",
    "tahap": "tahap-uji", "modul": "modul-uji", "keyakinan": "tinggi", "tahun": "2020", "urutan": "2",
    "menit": "30", "durasi": "60", "ditinjau": "2026-11-23", "tanggal": "2021-05-20", "jawaban": "Pilihan 1",
    "istilah": "Istilahbaru",
}
FILL_BY_TYPE: dict[str, dict[str, str]] = {
    "tugas": {"jenis": "tugas"},
    "regulasi": {"jenis": "Permensos", "status": "berlaku"},
    "program": {"status": "berakhir"},
    "rakor": {"jenis": "rakor"},
    "glosarium": {"jenis": "istilah"},
    "sumber": {"jenis": "berita", "cakupan": "nasional"},
    "kurikulum": {"jenis": "satu"},
    "catatan": {"untuk": "sop-uji"},
    "wilayah": {"tingkat": "kabupaten"},
    "edisi": {"nomor": f'"{EDITION}"', "tanggal": EDITION_DATE},
    "kata-cari": {"jenis": "abaikan", "kata": "ujikata"},
}
KEY_BLANK = re.compile(r'^(\s*(?:- )?)([a-z_]+):( ""|)(\s+#.*)?$')
ITEM_BLANK = re.compile(r'^(\s*)- ""(\s+#.*)?$')


def _column(line: str) -> int:
    """The column of a line's key: ``  - judul: x`` -> 4."""
    return len(line) - len(line.lstrip(" -"))


def blanks(text: str) -> dict[int, str]:
    """Return the line numbers of the blanks in a YAML text (``x: ""``, ``- ""``, ``x:`` with nothing under it),
    each with the field it belongs to."""
    lines = text.split("\n")
    found: dict[int, str] = {}
    keys: list[tuple[int, str]] = []  # (column, name) of the keys above, to name list items
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = ITEM_BLANK.match(line)
        if item:
            dash = len(item.group(1))
            found[number] = next(name for column, name in reversed(keys) if column < dash)
            continue
        key = re.match(r"^\s*(?:- )?([a-z_]+):", line)
        if not key:
            continue
        column = _column(line)
        keys = [k for k in keys if k[0] < column] + [(column, key.group(1))]
        if KEY_BLANK.match(line):
            below = next((n for n in lines[number:] if n.strip() and not n.lstrip().startswith("#")), "")
            if KEY_BLANK.match(line).group(3) or len(below) - len(below.lstrip(" ")) <= column:
                found[number] = key.group(1)
    return found


def fill(text: str, type_name: str) -> str:
    """Fill every blank of a skeleton in place with a value valid in the base tree."""
    values = {**FILL, **FILL_BY_TYPE.get(type_name, {})}
    lines = text.split("\n")
    counters: dict[str, int] = {}
    for number, name in blanks(text).items():
        counters[name] = counters.get(name, 0) + 1
        if name == "id":
            value = f"{type_name}-isi-{counters[name]}"
        elif name == "pilihan":
            value = f"Pilihan {2 - counters[name] % 2}"
        else:
            value = values.get(name, "Isi uji.")
        line = lines[number - 1]
        if ITEM_BLANK.match(line):
            lines[number - 1] = line.replace('- ""', f"- {value}", 1)
        else:
            lines[number - 1] = re.sub(rf'^(\s*(?:- )?{name}:)( "")?', rf"\1 {value}", line, count=1)
    return "\n".join(lines)


def new(root, name, record_id=None, *extra):
    args = ["new", name, record_id or NEW_ID[name], "--root", str(root), *extra]
    if name in LAYER_OF:
        if name == "catatan":
            write_layer(root)
        args += ["--wilayah", LAYER_OF[name]]
    if name in BERKAS and "--berkas" not in extra:
        args += ["--berkas", BERKAS[name]]
    return main(args)


def target(name: str) -> str:
    ctype = TYPES[name]
    folder = f"wilayah/{LAYER_OF[name]}/data" if name in LAYER_OF else "data"
    return BERKAS.get(name) or f"{folder}/{ctype.files.replace('*', NEW_ID[name])}"


@pytest.mark.parametrize("name", sorted(TYPES))
def test_skeleton_fails_on_its_blanks_and_passes_once_filled(tmp_path, capsys, name):
    """Check that `tksk new` writes a skeleton whose every blank validation names by file:line, valid once filled."""
    root = write_tree(tmp_path)
    assert new(root, name) == 0
    rel = target(name)
    assert capsys.readouterr().out.startswith(f"{rel}:")
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.split("\n", 1)[0] == schema_line(path, root, TYPES[name])
    spots = blanks(text)
    assert spots, "the skeleton has no blank to fill"
    errors = errors_of(root, LAYER_OF.get(name))
    assert all(e.startswith(f"{rel}:") for e in errors), errors
    assert {int(e.split(":")[1]) for e in errors} == set(spots), errors
    assert schema_errors(TYPES[name], text), "the JSON Schema accepts the blanks"

    filled = fill(text, name)
    assert "\"\"" not in "\n".join(line.split("#")[0] for line in filled.split("\n"))
    path.write_text(filled, encoding="utf-8")
    load_handbook(root, wilayah=LAYER_OF.get(name))  # raises DataInvalid, with every error, if filling is not enough
    assert schema_errors(TYPES[name], filled) == []
    assert f"tanggal: {TODAY}" in filled or "riwayat" not in TYPES[name].schema.fields


def test_curriculum_skeleton_has_one_module_with_five_questions(tmp_path):
    """Check that a new curriculum stage starts with one module holding five question skeletons."""
    root = write_tree(tmp_path)
    assert new(root, "kurikulum") == 0
    stage = yaml.safe_load((root / target("kurikulum")).read_text(encoding="utf-8"))
    assert len(stage["modul"]) == 1
    assert len(stage["modul"][0]["soal"]) == 5
    assert stage["id"] == NEW_ID["kurikulum"]


@pytest.mark.parametrize("name", sorted(n for n, t in TYPES.items() if not t.many))
def test_refuses_to_overwrite(tmp_path, capsys, name):
    """Check that a second `tksk new` for the same file leaves the first one as it was and says why."""
    root = write_tree(tmp_path)
    path = root / target(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id: lain\n", encoding="utf-8")
    assert new(root, name) == 1
    assert "sudah ada; tksk new tidak menimpa berkas" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "id: lain\n"


@pytest.mark.parametrize(("name", "used", "where"), [
    ("sop", "tugas-uji", "data/tugas/tugas-uji.yml"),
    ("faq", "tanya-uji", "data/faq/peran-tksk.yml"),
    ("glosarium", "berita-uji", "data/sumber.yml"),
    ("sumber", "tksk", "data/glosarium.yml"),
    ("program", "modul-uji", "data/kurikulum/tahap-uji.yml"),  # a nested record's id counts too
])
def test_refuses_an_id_already_used(tmp_path, capsys, name, used, where):
    """Check that an id used anywhere in data/ is refused with where it is used, and nothing is written."""
    root = write_tree(tmp_path)
    before = {p: p.read_text(encoding="utf-8") for p in (root / "data").rglob("*.yml")}
    assert new(root, name, used) == 1
    assert f"id \"{used}\" sudah dipakai di {where}" in capsys.readouterr().err
    assert {p: p.read_text(encoding="utf-8") for p in (root / "data").rglob("*.yml")} == before


@pytest.mark.parametrize(("typed", "hint"), [("SOP_Baru", "sop-baru"), ("verval data", "verval-data"), ("langkah-", "langkah")])
def test_refuses_an_id_not_in_kebab_case(tmp_path, capsys, typed, hint):
    """Check that a non-kebab id is refused with what an id looks like and a suggestion."""
    root = write_tree(tmp_path)
    assert new(root, "sop", typed) == 1
    err = capsys.readouterr().err
    assert f"id \"{typed}\" tidak bisa dipakai: harus berupa id kebab-case" in err
    assert f"misalnya \"{hint}\"" in err
    assert "Traceback" not in err
    assert not list((root / "data" / "sop").glob("*Baru*"))


def test_faq_needs_a_topic_file(tmp_path, capsys):
    """Check that an FAQ without --berkas is refused with the topic files to choose from."""
    root = write_tree(tmp_path)
    (root / "data/faq/bansos.yml").write_text(BASE["data/faq/peran-tksk.yml"].replace("tanya-uji", "tanya-dua"), encoding="utf-8")
    assert main(["new", "faq", "tanya-baru", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "pilih satu dengan --berkas" in err
    assert "data/faq/bansos.yml, data/faq/peran-tksk.yml" in err


def test_faq_in_a_new_topic_file_fills_the_topic(tmp_path, capsys):
    """Check that --berkas naming a new topic file creates it with its $schema line and the topic filled in."""
    root = write_tree(tmp_path)
    assert new(root, "faq", "tanya-bansos", "--berkas", "data/faq/bansos.yml") == 0
    text = (root / "data/faq/bansos.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/faq.json\n")
    assert [item["topik"] for item in yaml.safe_load(text)] == ["bansos"]
    assert capsys.readouterr().out.startswith("data/faq/bansos.yml:")


@pytest.mark.parametrize(("args", "message"), [
    (["faq", "tanya-baru", "--berkas", "data/sop/x.yml"], "Tanya Jawab ditulis di data/faq/*.yml"),
    (["sop", "sop-baru", "--berkas", "data/sop/x.yml"], "--berkas hanya untuk jenis yang disimpan sebagai daftar"),
    (["modul", "modul-baru"], "tksk new kurikulum <id>"),
    (["resep", "resep-baru"], "jenis \"resep\" tidak dikenal"),
])
def test_refuses_what_it_cannot_write(tmp_path, capsys, args, message):
    """Check that a wrong file, a nested type or an unknown type is refused with a clear message and exit code 1."""
    root = write_tree(tmp_path)
    assert main(["new", *args, "--root", str(root)]) == 1
    assert message in capsys.readouterr().err


def test_list_item_lines_up_with_indented_items(tmp_path):
    """Check that an item appended to a list written with indented items is indented the same, and still reads."""
    root = write_tree(tmp_path)
    indented = "".join("  " + line if line.strip() else line for line in BASE["data/glosarium.yml"].splitlines(True))
    (root / "data/glosarium.yml").write_text(indented, encoding="utf-8")
    assert new(root, "glosarium") == 0
    items = yaml.safe_load((root / "data/glosarium.yml").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == ["tksk", "sop", NEW_ID["glosarium"]]


def test_refuses_to_append_to_a_broken_list_file(tmp_path, capsys):
    """Check that a list file that does not read as YAML is left alone, with a message to fix it first."""
    root = write_tree(tmp_path)
    (root / "data/sumber.yml").write_text("- id: a\n  judul: [tidak ditutup\n", encoding="utf-8")
    assert new(root, "sumber") == 1
    err = capsys.readouterr().err
    assert "YAML tidak valid: daftar dalam kurung [ ] belum ditutup" in err and "perbaiki dulu" in err, err
    assert "expected" not in err and "while" not in err, err  # PyYAML's English stays out
    assert (root / "data/sumber.yml").read_text(encoding="utf-8") == "- id: a\n  judul: [tidak ditutup\n"
