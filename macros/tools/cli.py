"""Command line for editors: ``tksk validate``, ``build``, ``new``, ``schemas``, ``pdf``, ``publish``, ``preview``, ``edit``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.common.clock import ClockError
from macros.common.errors import DataInvalid
from macros.load.handbook import load_handbook
from macros.tools.build import BuildFailed, build_site
from macros.types import ALL


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


#: argparse's own messages, in the editors' language (the rest of each message names their own words).
_ARGPARSE_WORDS = (
    ("the following arguments are required: ", "argumen wajib belum diisi: "),
    ("unrecognized arguments: ", "argumen tidak dikenal: "),
    ("invalid choice: ", "pilihan tidak dikenal: "),
    ("choose from ", "pilih salah satu: "),
    ("expected one argument", "perlu satu nilai"),
    ("expected at most one argument", "paling banyak satu nilai"),
    ("expected at least one argument", "perlu paling sedikit satu nilai"),
    ("ignored explicit argument ", "tidak memakai nilai, tertulis "),
    ("not allowed with argument ", "tidak boleh bersama "),
    ("one of the arguments ", "salah satu dari "),
    (" is required", " wajib diisi"),
    ("invalid int value: ", "bukan angka: "),
    ("argument ", "argumen "),
)


class TkskParser(argparse.ArgumentParser):
    """argparse with its help and its errors in Indonesian (the subcommands' parsers are of this class too)."""

    def __init__(self, *args, **kwargs):
        # allow_abbrev=False: "--ro" is not silently "--root", and argparse's English "ambiguous option" never shows.
        super().__init__(*args, add_help=False, allow_abbrev=False, formatter_class=_Formatter, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str):
        for english, indonesian in _ARGPARSE_WORDS:
            message = message.replace(english, indonesian)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def _quiet_broken_pipe() -> None:
    """Let `tksk validate | head` end quietly instead of printing a traceback."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def validate(root: Path, wilayah: str | None = None) -> int:
    """Print ``ok`` with counts per content type, or every error in data/ and in page macros; return the exit code.

    With ``wilayah``, the national data and that region's layer are checked together; without it, the national data
    and then each layer in ``wilayah/`` in turn (a layer is checked with the national data it adds to).
    """
    from macros.load.handbook import layer_ids

    failed = False
    for layer in [wilayah] if wilayah else [None, *layer_ids(root)]:
        try:
            handbook = load_handbook(root, wilayah=layer)
        except DataInvalid as exc:
            print(exc.report(), file=sys.stderr)
            failed = True
            if layer is None:
                break  # each layer would only repeat the national data's errors
            continue
        if layer:
            print(f"ok: lapisan wilayah {layer} valid ({sum(r.wilayah == layer for r in handbook.records.values())} catatan)")
        elif not wilayah:
            _report(handbook)
    if wilayah and not failed:
        _report(handbook)
    return 1 if failed else 0


def _report(handbook) -> int:
    counts = handbook.counts()
    print("ok: data valid")
    for ctype in ALL:
        print(f"  {ctype.label:<16} {counts[ctype.name]:>4}  ({ctype.name})")
    print(f"  {'Jumlah':<16} {sum(counts.values()):>4}")
    for line in handbook.reports:
        print(line)
    for line in handbook.advice:
        print(f"peringatan: {line}")
    for line in handbook.notes:
        print(f"catatan: {line}")
    return 0


def build(root: Path, site_dir: Path | None = None) -> int:
    """Build the site strictly and put it in ``site_dir`` (``site/``) only when the build succeeds."""
    try:
        built = build_site(root, site_dir or root / "site")
    except BuildFailed:
        print("Situs tidak dibangun; site/ yang lama tidak diubah.", file=sys.stderr)
        return 1
    print(f"ok: situs dibangun di {built}")
    return 0


def schemas(root: Path, check_only: bool = False) -> int:
    """Regenerate schemas/ (and the VS Code mapping) and the form editor's admin/config.yml from the types; print what
    changed. ``--check`` only reports."""
    from macros.tools import cms, json_schema

    if check_only:
        stale = json_schema.stale(root) + cms.stale(root)
        for rel in stale:
            print(f"usang: {rel}", file=sys.stderr)
        if stale:
            print("Skema JSON atau konfigurasi penyunting tidak sama dengan deklarasi jenis isi; jalankan `tksk schemas`.",
                  file=sys.stderr)
            return 1
        print("ok: skema JSON dan konfigurasi penyunting sudah sesuai")
        return 0
    try:
        changes = json_schema.write_schemas(root) + cms.write_config(root)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    for rel, what in changes:
        print(f"{what}: {rel}")
    print(f"ok: {len(changes)} berkas berubah" if changes else
          "ok: skema JSON dan konfigurasi penyunting sudah sesuai, tidak ada yang berubah")
    return 0


def new(root: Path, type_name: str, record_id: str, berkas: Path | None, wilayah: str | None = None) -> int:
    """Write the skeleton of a new record (or append it to its list file) and print where."""
    from macros.tools.scaffold import ScaffoldError, new_record

    try:
        path, line = new_record(root, type_name, record_id, berkas, wilayah=wilayah)
    except ScaffoldError as exc:
        print(f"tksk new: {exc}", file=sys.stderr)
        return 1
    print(f"{path.relative_to(root).as_posix()}:{line}: {type_name} \"{record_id}\" ditulis; isi bagian yang kosong "
          "lalu jalankan `tksk validate`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = TkskParser(prog="tksk", description="Alat penyunting Buku Saku TKSK: periksa data, bangun, "
                                     "pratinjau, cetak dan terbitkan buku saku. Bantuan tiap perintah: tksk PERINTAH --help.")
    parser._positionals.title = "perintah"
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    check = sub.add_parser("validate", help="periksa semua berkas di data/ dan tampilkan setiap kesalahan")
    check.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER", help="folder proyek (berisi data/); bawaan: folder ini")
    check.add_argument("--wilayah", default=None, metavar="ID",
                       help="periksa data nasional bersama lapisan wilayah/ID/ saja; bawaan: data nasional, lalu setiap lapisan")
    make = sub.add_parser("build", help="bangun situs ke site/; bila gagal, site/ yang lama tetap")
    make.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER", help="folder proyek (berisi mkdocs.yml)")
    make.add_argument("--site-dir", type=Path, default=None, metavar="FOLDER", help="folder hasil; bawaan: site/")
    make.add_argument("--wilayah", default=None, metavar="ID",
                      help="bangun edisi wilayah: buku saku nasional ditambah lapisan wilayah/ID/")
    paper = sub.add_parser("pdf", help=("bangun situs lalu tulis PDF A4: satu per perangkat sesi (rencana/), "
                                        "contoh susun sendiri, dan buku saku lengkap"))
    paper.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER", help="folder proyek (berisi mkdocs.yml)")
    paper.add_argument("--out", type=Path, default=None, metavar="FOLDER", help="folder PDF; bawaan: pdf/")
    paper.add_argument("--wilayah", default=None, metavar="ID", help="cetak edisi wilayah: nasional ditambah lapisan wilayah/ID/")
    generate = sub.add_parser("schemas", help=("tulis ulang skema JSON di schemas/ dan konfigurasi penyunting formulir "
                                                "admin/config.yml dari deklarasi jenis isi"))
    generate.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER", help="folder proyek; bawaan: folder ini")
    generate.add_argument("--check", action="store_true", help="hanya periksa: keluar dengan kode 1 bila ada skema yang usang")
    scaffold = sub.add_parser("new", help="tulis kerangka catatan baru dengan isian yang tinggal diisi")
    scaffold.add_argument("jenis", help="jenis isi: " + ", ".join(t.name for t in ALL if t.files))
    scaffold.add_argument("id", help="id kebab-case catatan baru, misalnya verval-data-kpm")
    scaffold.add_argument("--berkas", type=Path, default=None, metavar="BERKAS",
                          help="untuk jenis berupa daftar: berkas tujuan, misalnya data/faq/bansos.yml")
    scaffold.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER", help="folder proyek; bawaan: folder ini")
    scaffold.add_argument("--wilayah", default=None, metavar="ID",
                          help="tulis di lapisan wilayah/ID/data/ (catatan daerah, aturan, rakor, tanya jawab Dinsos itu)")
    from macros.tools import edit, publish, serve

    publishing = sub.add_parser("publish", help="terbitkan satu edisi ke cabang git (gh-pages): arsip TAHUN.URUTAN/ dan latest/",
                                description=publish.DESCRIPTION)
    publish.add_arguments(publishing)
    previewing = sub.add_parser("preview", help="sajikan situs hasil build seperti hosting (gzip, cache) di komputer ini",
                                description=serve.DESCRIPTION)
    serve.add_arguments(previewing)
    editing = sub.add_parser("edit", help="buka penyunting formulir dan pratinjau langsung di komputer ini (make edit)",
                             description=edit.DESCRIPTION)
    edit.add_arguments(editing)
    args = parser.parse_args(argv)
    if argv is None:  # a real command line, not a test calling main()
        _quiet_broken_pipe()
    try:
        return _run(args)
    except ClockError as exc:
        print(f"tksk: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command in ("build", "pdf") and args.wilayah:
        from macros.glue.site import WILAYAH_ENV

        os.environ[WILAYAH_ENV] = args.wilayah  # read by the build's MkDocs (macros/glue/site.py)
    if args.command == "build":
        return build(args.root.resolve(), args.site_dir)
    if args.command == "pdf":
        from macros.tools.pdf import run  # playwright is needed only here

        return run(args.root.resolve(), args.out)
    if args.command == "schemas":
        return schemas(args.root.resolve(), args.check)
    if args.command == "new":
        return new(args.root.resolve(), args.jenis, args.id, args.berkas, args.wilayah)
    if args.command == "publish":
        from macros.tools import publish

        return publish.run(args)
    if args.command == "preview":
        from macros.tools import serve

        return serve.run(args)
    if args.command == "edit":
        from macros.tools import edit

        return edit.run(args)
    return validate(args.root, args.wilayah)


if __name__ == "__main__":
    raise SystemExit(main())
