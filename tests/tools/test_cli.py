"""`tksk` speaks the editors' language: every command's help and argparse's own error messages are Indonesian."""

from __future__ import annotations

import re

import pytest

from macros.tools.cli import main

#: argparse's English words, as Python 3.11-3.13 print them in help texts and errors.
ENGLISH = re.compile(r"usage:|positional arguments|options:|optional arguments|show this help|\bargument|ambiguous|"
                     r"could match|invalid|expected|required|unrecognized|ignored explicit|choose from|not allowed")
COMMANDS = ["validate", "build", "pdf", "schemas", "new", "publish", "preview"]


def _said(capsys, argv: list[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out = capsys.readouterr()
    return stopped.value.code, out.out + out.err


@pytest.mark.parametrize("argv", [["--help"], *([c, "--help"] for c in COMMANDS)], ids=lambda a: " ".join(a))
def test_help_is_indonesian(capsys, argv):
    """Check that `tksk [PERINTAH] --help` has Indonesian headings and no argparse English."""
    code, said = _said(capsys, argv)
    assert code == 0
    assert said.startswith("penggunaan: tksk") and "tampilkan bantuan ini lalu keluar" in said, said
    assert not ENGLISH.search(said), said


@pytest.mark.parametrize(("argv", "expected"), [
    ([], "argumen wajib belum diisi: PERINTAH"),
    (["bogus"], "pilihan tidak dikenal: 'bogus'"),
    (["new"], "argumen wajib belum diisi: jenis, id"),
    (["new", "sop", "a", "b"], "argumen tidak dikenal: b"),
    (["validate", "--root"], "argumen --root: perlu satu nilai"),
    (["preview", "--port", "x"], "argumen --port: bukan angka: 'x'"),
    (["publish", "--push=1", "2026.1"], "argumen --push: tidak memakai nilai, tertulis '1'"),
    (["publish", "--r", "origin", "2026.1"], "argumen tidak dikenal: --r"),  # no abbreviations: no "ambiguous option"
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_command_line_mistakes_are_told_in_indonesian(capsys, argv, expected):
    """Check that each kind of command-line mistake exits 2 with an Indonesian message and usage line."""
    code, said = _said(capsys, argv)
    assert code == 2
    assert expected in said and "penggunaan: tksk" in said, said
    assert not ENGLISH.search(said), said
