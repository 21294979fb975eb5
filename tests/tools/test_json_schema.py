"""The editors' JSON Schemas: fresh, valid, matching every data file, and as strict as the validator where they can be."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import shutil

import jsonschema
import pytest
import yaml

from macros.checks.personal_data import ALLOW_LIST
from macros.common.errors import DataInvalid
from macros.load.handbook import load_handbook
from macros.tools.json_schema import file_types, generated, schema_line, stale, type_schema, vscode_schemas
from tests.support.data import BASE, ROOT, errors_of, write_tree

TYPES = {t.name: t for t in file_types()}


def plain(value):
    """Return a YAML value as an editor's language server sees it: dates as ISO text."""
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def type_of(rel: str):
    """Return the content type that reads a data file (``data/sop/x.yml``), or None."""
    for ctype in TYPES.values():
        pattern = f"data/{ctype.files}"
        if fnmatch.fnmatchcase(rel, pattern) and rel.count("/") == pattern.count("/"):
            return ctype
    return None


def schema_errors(ctype, text: str) -> list[str]:
    """Return what the type's JSON Schema finds wrong in a YAML text (empty when it passes)."""
    validator = jsonschema.Draft202012Validator(type_schema(ctype))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(plain(yaml.safe_load(text)))]


DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yml") if type_of(p.relative_to(ROOT).as_posix()))


def test_committed_schemas_are_the_generated_ones():
    """Check that schemas/ and the VS Code mapping equal what `tksk schemas` generates from the types now."""
    assert not stale(ROOT), f"skema JSON usang: {stale(ROOT)}; jalankan `tksk schemas` dan sertakan hasilnya"


def test_generation_is_deterministic():
    """Check that generating twice gives the same text, in JSON with a trailing newline and a generated-by comment."""
    first, second = generated(), generated()
    assert first == second
    for rel, text in first.items():
        assert text.endswith("}\n"), rel
        assert "tksk schemas" in json.loads(text)["$comment"], rel


@pytest.mark.parametrize("name", sorted(TYPES))
def test_schema_is_valid_draft_2020_12(name):
    """Check that each type's schema is itself a valid draft 2020-12 JSON Schema."""
    schema = type_schema(TYPES[name])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_type_with_files_has_a_schema_and_a_vscode_mapping():
    """Check that every type with files has schemas/<type>.json, mapped to its data glob, and nested types have none."""
    assert set(generated()) == {f"schemas/{name}.json" for name in TYPES}
    assert "schemas/modul.json" not in generated()
    assert vscode_schemas()["./schemas/sop.json"] == "data/sop/*.yml"
    assert vscode_schemas()["./schemas/glosarium.json"] == "data/glosarium.yml"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("rel", DATA_FILES)
def test_data_file_validates_against_its_schema(rel):
    """Check that a data file the validator accepts is accepted by its JSON Schema too."""
    text = (ROOT / rel).read_text(encoding="utf-8")
    assert schema_errors(type_of(rel), text) == []


#: Every data file of a content type; the allow-list of official contacts is the personal-data guard's own list.
_TYPED_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yml") if p.name != ALLOW_LIST)


@pytest.mark.parametrize("rel", _TYPED_FILES)
def test_data_file_starts_with_its_schema_line(rel):
    """Check that every data file's first line points an editor to its type's schema."""
    ctype = type_of(rel)
    assert ctype is not None, f"{rel}: tidak ada jenis isi yang membaca berkas ini"
    line = schema_line(ROOT / rel, ROOT, ctype)
    first = (ROOT / rel).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == line, f"{rel}: baris pertama harus {line!r} (agar editor memakai skemanya); tertulis {first!r}"


def test_schema_line_is_relative_to_the_file():
    """Check that the $schema path climbs from the data file's folder to schemas/."""
    assert schema_line(ROOT / "data/sop/x.yml", ROOT, TYPES["sop"]).endswith("$schema=../../schemas/sop.json")
    assert schema_line(ROOT / "data/glosarium.yml", ROOT, TYPES["glosarium"]).endswith("$schema=../schemas/glosarium.json")


def test_base_tree_validates_against_the_schemas():
    """Check that the small test tree, valid for the validator, passes its JSON Schemas (the control for the table below)."""
    for rel, text in BASE.items():
        assert schema_errors(type_of(rel), text) == [], rel


SOP = BASE["data/sop/sop-uji.yml"]
RAKOR = BASE["data/rakor/rakor-uji.yml"]
SUMBER = BASE["data/sumber.yml"]
TAHAP = BASE["data/kurikulum/tahap-uji.yml"]
RENCANA = BASE["data/rencana/rencana-uji.yml"]
REGULASI = BASE["data/regulasi/aturan-baru.yml"]
TUGAS = BASE["data/tugas/tugas-uji.yml"]

#: Mistakes both the validator and the JSON Schema must catch: (file, its text with one mistake).
BAD = [
    pytest.param("data/sop/sop-uji.yml", SOP.replace("ringkasan:", "ringkasn:"), id="unknown-key"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("    hasil: Hasil dua\n", "    hasil: Hasil dua\n    hasl: x\n"),
                 id="unknown-key-nested"),
    pytest.param("data/rakor/rakor-uji.yml", RAKOR.replace("jenis: rakor", "jenis: seminar"), id="wrong-choice"),
    pytest.param("data/sumber.yml", SUMBER.replace("keyakinan: tinggi", "keyakinan: rendah"), id="wrong-choice-in-list-file"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("ringkasan: Langkah uji.\n", ""), id="missing-required"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("    hasil: Hasil satu\n", ""), id="missing-required-nested"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("judul: SOP uji", "judul:"), id="required-left-empty"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("judul: SOP uji", 'judul: ""'), id="empty-text"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("judul: SOP uji", "judul: [SOP, uji]"), id="list-instead-of-text"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("pelaku: [TKSK]", "pelaku: TKSK"), id="text-instead-of-list"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("pelaku: [TKSK]", "pelaku: []"), id="list-too-short"),
    pytest.param("data/regulasi/aturan-baru.yml", REGULASI.replace("tahun: 2018", 'tahun: "2018"'), id="text-instead-of-number"),
    pytest.param("data/regulasi/aturan-baru.yml", REGULASI.replace('nomor: "28"', "nomor: 28"), id="number-instead-of-text"),
    pytest.param("data/regulasi/aturan-baru.yml", REGULASI.replace("tahun: 2018", "tahun: 1900"), id="number-out-of-range"),
    pytest.param("data/kurikulum/tahap-uji.yml", TAHAP.replace("menit: 15", "menit: 2"), id="number-out-of-range-nested"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("id: sop-uji", "id: SOP_uji"), id="bad-id-pattern"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("sumber: [berita-uji]\nditinjau", "sumber: [Berita Uji]\nditinjau"),
                 id="bad-reference-pattern"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("ditinjau: 2026-11-23", "ditinjau: 23-11-2026"), id="date-not-iso"),
    pytest.param("data/sop/sop-uji.yml", SOP.replace("ditinjau: 2026-11-23", "ditinjau: 2026-11"), id="date-not-full"),
    pytest.param("data/rakor/rakor-uji.yml", RAKOR.replace("tanggal: 2021-05-20", "tanggal: 2021-13"), id="partial-date-bad-month"),
    pytest.param("data/sumber.yml", SUMBER.replace("tanggal: 2021-05-20", "tanggal: Mei 2021"), id="partial-date-in-words"),
    pytest.param("data/sumber.yml", SUMBER.replace("keyakinan: sedang", "keyakinan: sedang\n  url: www.contoh.go.id"),
                 id="url-without-scheme"),
    pytest.param("data/rencana/rencana-uji.yml", RENCANA.replace('mulai: "08.00"', 'mulai: "8 pagi"'), id="clock-format"),
    pytest.param("data/tugas/tugas-uji.yml", TUGAS.replace("historis: true", "historis: ya"), id="flag-not-boolean"),
    pytest.param("data/kurikulum/tahap-uji.yml", TAHAP.replace("jawaban: Dinas uji", "jawaban: []"), id="answer-empty-list"),
    pytest.param("data/sumber.yml", "id: berita-uji\njudul: Bukan daftar\n", id="list-file-not-a-list"),
]


@pytest.mark.parametrize(("rel", "text"), BAD)
def test_mistake_is_caught_by_validator_and_schema(tmp_path, rel, text):
    """Check that a mistake the validator rejects is also flagged by the JSON Schema an editor uses while typing."""
    assert text != BASE[rel], "the case changes nothing"
    assert errors_of(write_tree(tmp_path, {rel: text})), "the validator accepts it"
    assert schema_errors(type_of(rel), text), "the JSON Schema accepts it"


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("data/rakor/rakor-uji.yml", "tanggal: 2021-05-20", "tanggal: 2021"),  # a bare year: a number to a YAML 1.2 editor
    ("data/rakor/rakor-uji.yml", "tanggal: 2021-05-20", "tanggal: 2021-05"),
    ("data/faq/peran-tksk.yml", "  rakor: rakor-uji\n", "  rakor:\n"),  # an optional field left empty
    ("data/kurikulum/tahap-uji.yml", "jawaban: Dinas uji", "jawaban: [Dinas uji]"),
])
def test_what_the_validator_accepts_the_schema_accepts(tmp_path, rel, old, new):
    """Check that forms the validator accepts (partial dates, empty optional fields, one answer as a list) pass the schema."""
    text = BASE[rel].replace(old, new)
    assert text != BASE[rel]
    assert errors_of(write_tree(tmp_path, {rel: text})) == []
    assert schema_errors(type_of(rel), text) == []


def test_descriptions_carry_docs_labels_and_limits():
    """Check that hovering a field shows its doc, choices show readers' labels, and a reference says what only validate checks."""
    faq = type_schema(TYPES["faq"])["items"]["properties"]
    assert faq["pertanyaan"]["description"].startswith("pertanyaan seperti diucapkan TKSK")
    assert faq["topik"]["enumDescriptions"][faq["topik"]["enum"].index("bansos")] == "Penyaluran bantuan sosial"
    assert "tksk validate" in faq["rujukan"]["description"]
    sop = type_schema(TYPES["sop"])
    assert sop["additionalProperties"] is False
    assert "ringkasan" in sop["required"] and "catatan" not in sop["required"]
    assert "masa depan" in sop["properties"]["ditinjau"]["description"]


@pytest.mark.parametrize(("pattern", "field"), [("data/sop/*.yml", "judul"), ("data/glosarium.yml", "istilah"),
                                               ("data/faq/*.yml", "pertanyaan")])
def test_error_lines_count_the_schema_line(tmp_path, pattern, field):
    """Check that with the $schema line first, an error in a real data file still names the line the editor sees."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    rel = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob(pattern))[0]
    lines = (tmp_path / rel).read_text(encoding="utf-8").split("\n")
    one_line = re.compile(rf"^(\s*(?:- )?){field}: [^>|\s]")
    number = next(i for i, line in enumerate(lines, 1) if one_line.match(line))
    lines[number - 1] = one_line.match(lines[number - 1]).group(1) + f"{field}: [bukan, teks]"
    (tmp_path / rel).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_handbook(tmp_path)
    assert f"{rel}:{number}: " in {f"{e.file}:{e.line}: " for e in caught.value.errors}, caught.value.report()
    assert number > 1 and lines[0].startswith("# yaml-language-server:")


def test_schemas_command_writes_reports_and_checks(tmp_path, capsys):
    """Check that `tksk schemas` writes every schema and the VS Code mapping, keeps other settings, removes
    schemas of types that are gone, reports only what changed, and that --check fails on a stale schema."""
    from macros.tools.cli import main

    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode/settings.json").write_text('{"editor.tabSize": 2}\n', encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas/lama.json").write_text("{}\n", encoding="utf-8")
    assert main(["schemas", "--check", "--root", str(tmp_path)]) == 1
    assert "jalankan `tksk schemas`" in capsys.readouterr().err
    assert main(["schemas", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "dibuat: schemas/sop.json" in out and "dihapus" in out and "schemas/lama.json" in out
    assert {p.name for p in (tmp_path / "schemas").iterdir()} == {f"{name}.json" for name in TYPES}
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings == {"editor.tabSize": 2, "yaml.schemas": vscode_schemas()}
    assert main(["schemas", "--root", str(tmp_path)]) == 0
    assert "tidak ada yang berubah" in capsys.readouterr().out
    assert main(["schemas", "--check", "--root", str(tmp_path)]) == 0
    (tmp_path / "schemas/sop.json").write_text("{}\n", encoding="utf-8")
    assert main(["schemas", "--check", "--root", str(tmp_path)]) == 1
    assert "usang: schemas/sop.json" in capsys.readouterr().err


def test_schemas_command_refuses_settings_it_cannot_read(tmp_path, capsys):
    """Check that a .vscode/settings.json with comments is left alone with a message naming the file and line."""
    from macros.tools.cli import main

    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode/settings.json").write_text('{\n  // komentar\n}\n', encoding="utf-8")
    assert main(["schemas", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert ".vscode/settings.json:2: bukan JSON yang valid" in err and "Traceback" not in err
    assert (tmp_path / ".vscode/settings.json").read_text(encoding="utf-8") == '{\n  // komentar\n}\n'
    assert not (tmp_path / "schemas").exists()
