"""The form editor's configuration (macros/tools/cms.py) and its server (macros/tools/edit.py), without a browser:
generated from the same declarations as the validator, current, and served with nothing from another host."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import threading

import pytest
import yaml

from macros.common.errors import DataError
from macros.model.schema import Choice, Date, ListOf, Obj, Ref
from macros.render.data_errors import error_page
from macros.tools import cms, edit
from macros.tools.cli import main
from macros.tools.json_schema import file_types
from tests.support.data import BASE, ROOT, write_tree

CONFIG = yaml.safe_load((ROOT / cms.CONFIG).read_text(encoding="utf-8"))
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def test_committed_config_is_the_generated_one():
    """Check that admin/config.yml is what `tksk schemas` writes from today's declarations (run it after changing one)."""
    assert cms.stale(ROOT) == [], "admin/config.yml is stale: run .venv/bin/tksk schemas"


def _fields(collection: dict) -> list[dict]:
    if "files" in collection:
        root_list = collection["files"][0]["fields"][0]
        assert root_list["root"] is True and root_list["widget"] == "list"
        return root_list["fields"]
    return collection["fields"]


def _check_fields(obj: Obj, fields: list[dict], where: str) -> None:
    assert [f["name"] for f in fields] == list(obj.fields), where
    for spec, field in zip(obj.fields.values(), fields, strict=True):
        at = f"{where}.{spec.name}"
        assert field.get("required", True) == spec.required, at
        kind = spec.kind
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Ref) and field["widget"] == "relation":
            assert field.get("multiple", False) == isinstance(kind, ListOf), at
            if len(item.types) == 1:
                assert field["collection"] in (item.types[0], "kurikulum"), at
            else:
                assert field["collection"] == cms.ANY_RECORD and "Diperiksa lagi" in field["hint"], at
        elif isinstance(kind, Choice):
            assert field["widget"] == "select" and [o["value"] for o in field["options"]] == list(kind.values), at
        elif isinstance(kind, Date):
            assert field["widget"] == ("string" if kind.partial else "datetime"), at
        elif isinstance(kind, ListOf) and isinstance(item, Obj):
            _check_fields(item, field["fields"], at)
        elif isinstance(kind, Obj):
            _check_fields(kind, field["fields"], at)
        if spec.doc:
            assert spec.doc[:20].lower() in field["hint"].lower(), f"{at}: the hint does not say the field's doc"


@pytest.mark.parametrize("ctype", [t for t in file_types() if "nasional" in t.where], ids=lambda t: t.name)
def test_every_declared_field_is_a_form_field(ctype):
    """Check that each content type is a collection whose fields are the declared ones, in order, with the same
    required fields, choices, dates and references (one place defines each field)."""
    collection = COLLECTIONS[ctype.name]
    assert collection["label"] == ctype.label
    assert ("files" in collection) == ctype.many
    _check_fields(ctype.schema, _fields(collection), ctype.name)


def test_sources_and_answers_are_picked_from_lists_not_typed():
    """Check the clerk's path: an FAQ's rakor, references and sources are lists of existing records, and the list files
    (sources, glossary, every FAQ topic) are edited as lists at the top of their file."""
    faq = {f["name"]: f for f in _fields(COLLECTIONS["faq"])}
    assert faq["rakor"]["collection"] == "rakor" and faq["rakor"]["value_field"] == "id"
    assert faq["sumber"]["collection"] == "sumber" and faq["sumber"]["value_field"] == f"{cms.ROOT_LIST}.*.id"
    assert faq["rujukan"]["collection"] == cms.ANY_RECORD and faq["rujukan"]["multiple"] is True
    assert {f["file"] for f in COLLECTIONS["faq"]["files"]} == {f"data/{p.relative_to(ROOT / 'data').as_posix()}"
                                                             for p in (ROOT / "data" / "faq").glob("*.yml")}
    assert COLLECTIONS["faq"]["files"][0]["label"] == "Penyaluran bantuan sosial"  # the topic's readers' label
    assert COLLECTIONS[cms.ANY_RECORD]["hide"] is True
    assert CONFIG["editor"] == {"preview": False}, "the CMS's own preview pane could render a pasted link live"


def test_backend_comes_from_the_environment_or_the_origin_remote(tmp_path):
    """Check the three ways the editor learns its repository, and an unknown backend refused in Indonesian."""
    assert edit.backend_from({"CMS_REPO": "dinsos-contoh/buku-saku", "CMS_BACKEND": "gitlab"}, tmp_path) == \
        edit.Backend("gitlab", "dinsos-contoh/buku-saku", "main")
    (tmp_path / "p").mkdir()
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "p", check=True)
    subprocess.run(["git", "remote", "add", "origin", "git@github.com:dinsos-jatim/buku-saku-tksk.git"], cwd=tmp_path / "p", check=True)
    assert edit.backend_from({}, tmp_path / "p") == edit.Backend("github", "dinsos-jatim/buku-saku-tksk", "main")
    local = edit.backend_from({}, tmp_path)
    assert local.repo == f"lokal/{tmp_path.name}" and edit.remote(local) is None
    with pytest.raises(edit.EditError, match='CMS_BACKEND "bitbucket" tidak dikenal'):
        edit.backend_from({"CMS_BACKEND": "bitbucket", "CMS_REPO": "a/b"}, tmp_path)


def test_the_admin_policy_allows_no_other_host_unless_a_remote_backend_is_set():
    local = edit.policy(edit.Backend("github", "lokal/x", "main"))
    assert "https:" not in local and "default-src 'none'" in local and "script-src 'self';" in local
    remote = edit.policy(edit.Backend("github", "dinsos/buku", "main"))
    assert "connect-src 'self' data: blob: https://api.github.com;" in remote


def test_the_cms_script_fetches_its_fonts_from_us(tmp_path):
    """Check that Sveltia's three CDN font addresses point at our copies, and that a bundle naming another refuses."""
    script = edit.cms_script(ROOT).decode("utf-8")
    assert "cdn.jsdelivr.net" not in script and script.count("/admin/fonts/") == 3
    for local in edit.FONTS.values():
        assert (ROOT / local).is_file(), local
    fake = tmp_path / edit.CMS_SCRIPT
    fake.parent.mkdir(parents=True)
    fake.write_text("font: url(https://cdn.jsdelivr.net/fontsource/fonts/lain@1/latin.woff2)", encoding="utf-8")
    with pytest.raises(edit.EditError, match="Sveltia CMS tidak lagi memuat huruf dari"):
        edit.cms_script(tmp_path)


@pytest.fixture
def editor_server(tmp_path):
    """The editor's server for a small project (the real CMS script and fonts, the base tree's data)."""
    root = write_tree(tmp_path)
    (root / "admin").mkdir()
    for name in ("index.html", "status.js", "status.css"):
        (root / "admin" / name).write_bytes((ROOT / "admin" / name).read_bytes())
    cms.write_config(root)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    server = edit.make_server(root, port=0, preview="http://127.0.0.1:8000/", env={"CMS_REPO": "dinsos/buku"})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port: int, path: str) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_the_editor_server_serves_the_admin_page_with_its_policy(editor_server):
    _, port = editor_server
    status, headers, body = _get(port, "/admin/")
    assert status == 200 and b'rel="cms-config-url"' in body
    assert headers["Content-Security-Policy"] == edit.policy(edit.Backend("github", "dinsos/buku", "main"))
    status, _, body = _get(port, "/admin/config.yml")
    served = yaml.safe_load(body)
    assert served["backend"] == {"name": "github", "repo": "dinsos/buku", "branch": "main"}
    assert served["site_url"] == "http://127.0.0.1:8000/" and served["collections"]
    status, headers, body = _get(port, "/admin/fonts/source-sans-3-latin-wght-normal.woff2")
    assert status == 200 and headers["Content-Type"] == "font/woff2" and body[:4] == b"wOF2"
    status, _, body = _get(port, "/admin/../mkdocs.yml")
    assert status == 404 and body == b"Tidak ada di penyunting."
    assert _get(port, "/")[0] == 302


def test_the_status_tells_the_editor_what_to_fix_after_a_save(editor_server):
    """Check that the data's status follows the files: valid, then a saved mistake with its file, line and field."""
    root, port = editor_server
    assert yaml.safe_load(_get(port, "/admin/status.json")[2]) == {"valid": True, "errors": []}
    sop = root / "data" / "sop" / "sop-uji.yml"
    sop.write_text(BASE["data/sop/sop-uji.yml"].replace("ringkasan: Langkah uji.", "ringkasan: ''"), encoding="utf-8")
    status = yaml.safe_load(_get(port, "/admin/status.json")[2])
    assert status["valid"] is False
    assert status["errors"] == [{"where": "data/sop/sop-uji.yml, baris 4, isian ringkasan", "file": "data/sop/sop-uji.yml",
                                 "line": 4, "field": "ringkasan", "message": "tidak boleh kosong"}]


def test_the_preview_page_while_data_is_invalid_names_each_place():
    page = error_page([DataError("data/faq/bansos.yml", 12, "jawaban", "tidak boleh kosong"),
                       DataError("data/sumber.yml", 0, "", "harus berupa daftar")])
    assert page.startswith("# Data belum valid\n")
    assert "- **data/faq/bansos.yml, baris 12, isian jawaban**: tidak boleh kosong" in page
    assert "- **data/sumber.yml**: harus berupa daftar" in page
    assert '"2 kesalahan; pratinjau menunggu perbaikan"' in page


def test_schemas_check_reports_a_stale_editor_config(tmp_path, capsys):
    root = write_tree(tmp_path)
    assert main(["schemas", "--root", str(root)]) == 0
    assert main(["schemas", "--root", str(root), "--check"]) == 0
    (root / cms.CONFIG).write_text("collections: []\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["schemas", "--root", str(root), "--check"]) == 1
    assert f"usang: {cms.CONFIG}" in capsys.readouterr().err


def test_tksk_edit_starts_serves_and_stops_cleanly(tmp_path):
    """Check the real command: it writes the editor's configuration, says where to open it, serves the admin page,
    and stops on a signal with exit code 0 and no traceback."""
    root = write_tree(tmp_path)
    (root / "admin").mkdir()
    (root / "admin" / "index.html").write_bytes((ROOT / "admin" / "index.html").read_bytes())
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    process = subprocess.Popen([sys.executable, "-m", "macros", "edit", "--tanpa-pratinjau", "--port", "0", "--root", str(root)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[0] == f"{cms.CONFIG}: dibuat\n"
        port = int(lines[1].split("http://127.0.0.1:")[1].split("/")[0])
        assert _get(port, "/admin/")[0] == 200
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "Traceback" not in err, err
    assert (root / cms.CONFIG).is_file()
