"""`tksk build` speaks the editors' language: MkDocs' own English lines about a stopped build are translated or left
out, and the data errors come through as they are (file:line: field: message)."""

from __future__ import annotations

import pytest

from macros.tools.build import in_editors_words
from tests.support.data import BASE
from tests.support.project import build, copy_project


@pytest.mark.parametrize(("line", "said"), [
    ("Aborted with a BuildError!", None),
    ("Aborted with 3 warnings in strict mode!", "Pembangunan dihentikan: 3 peringatan (mode ketat)."),
    ("Aborted with 1 warning in strict mode!", "Pembangunan dihentikan: 1 peringatan (mode ketat)."),
    ("ERROR   -  Ada kesalahan isi; situs tidak dibangun.", "Ada kesalahan isi; situs tidak dibangun."),
    ("WARNING -  Doc file 'x.md' contains a link", "peringatan: Doc file 'x.md' contains a link"),
    ("data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan daftar", "data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan daftar"),
])
def test_mkdocs_lines_in_the_editors_words(line, said):
    """Check each kind of line MkDocs prints when a build stops."""
    assert in_editors_words(line) == said


def test_a_failed_build_says_why_in_indonesian(tmp_path):
    """Check that a build of bad data prints the data error and our sentence, and no English abort line."""
    bad = BASE["data/sop/sop-uji.yml"].replace("judul: SOP uji", "judul: [SOP, uji]")
    project = copy_project(tmp_path / "p", {"data/sop/sop-uji.yml": bad}, real_data=False)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/sop/sop-uji.yml:2: judul: harus berupa teks, bukan daftar" in result.stderr
    assert "Situs tidak dibangun; site/ yang lama tidak diubah." in result.stderr
    assert "Aborted" not in result.stdout + result.stderr and "ERROR" not in result.stderr
    assert "Traceback" not in result.stderr
