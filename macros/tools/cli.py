"""Command line for editors: ``tksk validate`` checks data/ and prints every error at once."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.common.clock import ClockError
from macros.common.errors import DataInvalid
from macros.load.handbook import load_handbook
from macros.types import ALL


def _quiet_broken_pipe() -> None:
    """Let `tksk validate | head` end quietly instead of printing a traceback."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def validate(root: Path) -> int:
    """Print ``ok`` with counts per content type, or every error in data/ and in page macros; return the exit code."""
    try:
        handbook = load_handbook(root)
    except DataInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    counts = handbook.counts()
    print("ok: data valid")
    for ctype in ALL:
        print(f"  {ctype.label:<16} {counts[ctype.name]:>4}  ({ctype.name})")
    print(f"  {'Jumlah':<16} {sum(counts.values()):>4}")
    for line in handbook.advice:
        print(f"peringatan: {line}")
    for line in handbook.notes:
        print(f"catatan: {line}")
    return 0


#: A build works in ``.site-XXXX/`` beside site/, which holds the pid of the build that owns it.
BUILD_PREFIX = ".site-"
BUILD_OWNER = "pid"


def _remove_interrupted_builds(parent: Path) -> None:
    """Remove the work folders of builds that were stopped half-way (killed, power cut): their process is gone."""
    for folder in parent.glob(BUILD_PREFIX + "*"):
        owner = folder / BUILD_OWNER
        try:
            os.kill(int(owner.read_text(encoding="utf-8")), 0)
        except PermissionError:  # the process exists (another user's build)
            continue
        except (OSError, ValueError):  # no such process, or no readable pid: nobody is building there
            shutil.rmtree(folder, ignore_errors=True)


def build(root: Path, site_dir: Path | None = None) -> int:
    """Build the site strictly into a temporary folder and put it in place only when the build succeeds.

    A failed build (bad data, a broken link, any warning) leaves the previous ``site/`` untouched.
    """
    site_dir = (site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_interrupted_builds(site_dir.parent)
    with tempfile.TemporaryDirectory(prefix=BUILD_PREFIX, dir=site_dir.parent) as tmp:
        (Path(tmp) / BUILD_OWNER).write_text(str(os.getpid()), encoding="utf-8")
        fresh = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"), "-d", str(fresh)]
        if subprocess.run(command, env=env, cwd=root).returncode != 0:
            print("Situs tidak dibangun; site/ yang lama tidak diubah.", file=sys.stderr)
            return 1
        old = Path(tmp) / "old"
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    print(f"ok: situs dibangun di {site_dir}")
    return 0


def schemas(root: Path, check_only: bool = False) -> int:
    """Regenerate schemas/ (and the VS Code mapping) from the types; print what changed. ``--check`` only reports."""
    from macros.tools import json_schema

    if check_only:
        stale = json_schema.stale(root)
        for rel in stale:
            print(f"usang: {rel}", file=sys.stderr)
        if stale:
            print("Skema JSON tidak sama dengan deklarasi jenis isi; jalankan `tksk schemas`.", file=sys.stderr)
            return 1
        print("ok: skema JSON sudah sesuai")
        return 0
    try:
        changes = json_schema.write_schemas(root)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    for rel, what in changes:
        print(f"{what}: {rel}")
    print(f"ok: {len(changes)} berkas berubah" if changes else "ok: skema JSON sudah sesuai, tidak ada yang berubah")
    return 0


def new(root: Path, type_name: str, record_id: str, berkas: Path | None) -> int:
    """Write the skeleton of a new record (or append it to its list file) and print where."""
    from macros.tools.scaffold import ScaffoldError, new_record

    try:
        path, line = new_record(root, type_name, record_id, berkas)
    except ScaffoldError as exc:
        print(f"tksk new: {exc}", file=sys.stderr)
        return 1
    print(f"{path.relative_to(root).as_posix()}:{line}: {type_name} \"{record_id}\" ditulis; isi bagian yang kosong "
          "lalu jalankan `tksk validate`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tksk", description="Alat penyunting Buku Saku TKSK.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="periksa semua berkas di data/ dan tampilkan setiap kesalahan")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="folder proyek (berisi data/); bawaan: folder ini")
    make = sub.add_parser("build", help="bangun situs ke site/; bila gagal, site/ yang lama tetap")
    make.add_argument("--root", type=Path, default=Path.cwd(), help="folder proyek (berisi mkdocs.yml)")
    make.add_argument("--site-dir", type=Path, default=None, help="folder hasil; bawaan: site/")
    paper = sub.add_parser("pdf", help="bangun situs lalu tulis PDF A4: satu per perangkat sesi (rencana/) dan buku saku lengkap")
    paper.add_argument("--root", type=Path, default=Path.cwd(), help="folder proyek (berisi mkdocs.yml)")
    paper.add_argument("--out", type=Path, default=None, help="folder PDF; bawaan: pdf/")
    generate = sub.add_parser("schemas", help="tulis ulang skema JSON di schemas/ (untuk editor) dari deklarasi jenis isi")
    generate.add_argument("--root", type=Path, default=Path.cwd(), help="folder proyek; bawaan: folder ini")
    generate.add_argument("--check", action="store_true", help="hanya periksa: keluar dengan kode 1 bila ada skema yang usang")
    scaffold = sub.add_parser("new", help="tulis kerangka catatan baru dengan isian yang tinggal diisi")
    scaffold.add_argument("jenis", help="jenis isi: " + ", ".join(t.name for t in ALL if t.files))
    scaffold.add_argument("id", help="id kebab-case catatan baru, misalnya verval-data-kpm")
    scaffold.add_argument("--berkas", type=Path, default=None,
                          help="untuk jenis berupa daftar: berkas tujuan, misalnya data/faq/bansos.yml")
    scaffold.add_argument("--root", type=Path, default=Path.cwd(), help="folder proyek; bawaan: folder ini")
    args = parser.parse_args(argv)
    if argv is None:  # a real command line, not a test calling main()
        _quiet_broken_pipe()
    try:
        return _run(args)
    except ClockError as exc:
        print(f"tksk: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "build":
        return build(args.root.resolve(), args.site_dir)
    if args.command == "pdf":
        from macros.tools.pdf import run  # playwright is needed only here

        return run(args.root.resolve(), args.out)
    if args.command == "schemas":
        return schemas(args.root.resolve(), args.check)
    if args.command == "new":
        return new(args.root.resolve(), args.jenis, args.id, args.berkas)
    return validate(args.root)


if __name__ == "__main__":
    raise SystemExit(main())
