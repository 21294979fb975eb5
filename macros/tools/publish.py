"""Publishing an edition: ``tksk publish 2026.2 [--branch gh-pages] [--remote origin] [--push]`` (``make publish``).

The branch a host serves holds, written by mike:

- ``latest/``: the reader address, a real copy of the newest edition (mike's ``copy`` alias). Phones,
  the installed app, shared links, canonical links and ``og:url`` all use it; its one service worker
  keeps the offline copy and updates it file by file when the next edition replaces the folder.
- ``2026.1/``, ``2026.2/``, ...: every edition as it was published, the archive a trainer can cite;
  online only, with a banner that links to the same page under ``latest/``.
- the root, which sends a typed address to ``latest/``.

The site is built once, strictly, into a temporary folder, and mike commits it only when the build
succeeded; if anything fails, the branch ref is put back where it was.

A region's edition (``--wilayah kabupaten-probolinggo``) is the national handbook with that Dinsos's layer
(``wilayah/<id>/data/``). It has its own branch, ``gh-pages-<id>`` unless ``--branch`` says otherwise, so its
numbers, archive and ``latest/`` are the region's own and never mix with the national edition's.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mike import commands as mike_commands
from mike.commands import AliasType
from mike.git_utils import GitError
from mike.mkdocs_utils import docs_version_var

from macros.common import clock
from macros.common.hints import did_you_mean
from macros.glue.site import WILAYAH_ENV
from macros.load.handbook import LAYERS, layer_ids
from macros.tools.build import BuildFailed, build_site

#: The alias of the newest edition; the same name as ``extra.version.default`` in mkdocs.yml.
LATEST = "latest"
EDITION = re.compile(r"(?P<year>\d{4})\.(?P<number>[1-9]\d*)")  # as data/edisi numbers (macros/types/edisi.py)
VERSIONS_FILE = "versions.json"
#: The branch of the national edition, and the start of each region's own branch name.
BRANCH = "gh-pages"
#: The pages of latest/ and of the branch root (mike's own say "Redirecting" in English). ``href`` is
#: relative, so the branch works at any address and on any static host, without symlinks.
REDIRECT_PAGE = """\
<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>Buku Saku TKSK — membuka edisi terbaru</title>
  <noscript><meta http-equiv="refresh" content="0; url={{href}}"></noscript>
  <script>window.location.replace("{{href}}" + window.location.search + window.location.hash);</script>
</head>
<body>
  <p>Membuka edisi terbaru Buku Saku TKSK: <a href="{{href}}">{{href}}</a></p>
</body>
</html>
"""


DESCRIPTION = ("Terbitkan satu edisi Buku Saku TKSK ke cabang git (bawaan gh-pages): arsip TAHUN.URUTAN/ dan alamat pembaca "
               "latest/. Dengan --wilayah ID: edisi wilayah itu (nasional ditambah lapisan wilayah/ID/), di cabangnya sendiri "
               "(bawaan gh-pages-ID).")


class PublishError(Exception):
    """A reason not to publish, or a failed step, told in Indonesian for the editor."""


@dataclass(frozen=True, order=True)
class Edition:
    """An edition number, ``YYYY.N``: the year and the edition's number within that year."""

    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year}.{self.number}"

    def following(self, today: datetime.date) -> Edition:
        """Return the number the next edition would take if published today."""
        return Edition(today.year, 1) if today.year > self.year else Edition(self.year, self.number + 1)


def parse_edition(text: str, today: datetime.date) -> Edition:
    """Return the edition named by ``text`` or raise PublishError saying what a valid number looks like."""
    match = EDITION.fullmatch(text.strip())
    if not match:
        raise PublishError(
            f'Nomor edisi "{text}" tidak valid: tulis TAHUN.URUTAN, misalnya {today.year}.1 '
            f"(edisi pertama tahun {today.year}) atau {today.year}.2."
        )
    edition = Edition(int(match["year"]), int(match["number"]))
    if edition.year > today.year:
        raise PublishError(f"Nomor edisi {edition}: tahun {edition.year} belum tiba (hari ini {today.isoformat()}).")
    return edition


def check_order(edition: Edition, published: list[Edition], today: datetime.date, branch: str) -> None:
    """Refuse an edition number at or below the newest published one, except the newest itself (re-publishing)."""
    if not published:
        return
    newest = max(published)
    if edition == newest:
        return
    if edition < newest:
        again = "sudah terbit" if edition in published else "lebih rendah dari edisi terbaru"
        raise PublishError(
            f"Edisi {edition} {again} di cabang {branch}; edisi terbaru adalah {newest}. "
            f"Terbitkan perubahan sebagai edisi baru, misalnya {newest.following(today)}, "
            f"atau perbaiki edisi terbaru dengan menerbitkan ulang nomor {newest}. Edisi lama tidak diterbitkan ulang."
        )


def check_site_url(env: dict[str, str]) -> str:
    """Return SITE_URL, the address the branch will be served at, or raise PublishError explaining it."""
    url = env.get("SITE_URL", "").strip()
    if not url:
        raise PublishError(
            "SITE_URL belum diisi: alamat tempat buku saku diterbitkan, misalnya "
            "SITE_URL=https://dinsos.example.go.id/buku-saku/ make publish EDITION=2026.2. "
            "Tanpa itu sitemap, tautan kanonik dan pratinjau tautan (og:url) menunjuk ke alamat yang salah."
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PublishError(f'SITE_URL "{url}" bukan alamat situs: tulis lengkap dengan https://, misalnya https://dinsos.example.go.id/buku-saku/.')
    return url


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise PublishError(f"Perintah git {' '.join(args)} gagal: {result.stderr.strip()}")
    return result


def branch_head(root: Path, branch: str) -> str | None:
    """Return the commit the branch points to, or None when it does not exist yet."""
    result = git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}", check=False)
    return result.stdout.strip() or None


def published_editions(root: Path, branch: str) -> list[Edition]:
    """Return the editions listed in the branch's versions.json (none when the branch is new)."""
    if branch_head(root, branch) is None:
        return []
    shown = git(root, "show", f"refs/heads/{branch}:{VERSIONS_FILE}", check=False)
    if shown.returncode != 0:
        return []
    try:
        versions = json.loads(shown.stdout)
    except json.JSONDecodeError as exc:
        raise PublishError(f"{VERSIONS_FILE} di cabang {branch} rusak ({exc}); periksa cabang itu sebelum menerbitkan.") from None
    editions = []
    for entry in versions:
        match = EDITION.fullmatch(str(entry.get("version", "")))
        if match:
            editions.append(Edition(int(match["year"]), int(match["number"])))
    return editions


def check_identity(root: Path) -> None:
    """Refuse early when git has no name or email for the edition's commits (mike needs both)."""
    for key, variable in (("user.name", "GIT_COMMITTER_NAME"), ("user.email", "GIT_COMMITTER_EMAIL")):
        if not os.environ.get(variable) and not git(root, "config", key, check=False).stdout.strip():
            raise PublishError(
                "Identitas git belum diatur; commit edisi perlu nama dan email: "
                'git config user.name "Nama Anda" && git config user.email "nama@contoh.go.id".'
            )


def restore_branch(root: Path, branch: str, before: str | None) -> None:
    """Point the branch back at ``before`` (or delete it when it did not exist): the branch as it was."""
    now = branch_head(root, branch)
    if now == before:
        return
    if before is None:
        git(root, "update-ref", "-d", f"refs/heads/{branch}", now)
    else:
        git(root, "update-ref", f"refs/heads/{branch}", before, now or "")
    if branch_head(root, branch) != before:
        raise PublishError(f"Cabang {branch} tidak dapat dikembalikan; jalankan: git update-ref refs/heads/{branch} {before}")


def source_description(root: Path) -> str:
    """Return which commit of the sources is published, noting uncommitted changes."""
    head = git(root, "rev-parse", "--short", "HEAD", check=False).stdout.strip()
    dirty = bool(git(root, "status", "--porcelain", "--untracked-files=no", check=False).stdout.strip())
    if not head:
        return "sumber yang belum di-commit"
    return f"commit {head}" + (" dengan perubahan yang belum di-commit" if dirty else "")


def check_layer(root: Path, wilayah: str | None) -> None:
    """Refuse a region with no layer in the project, before anything is built, naming the ones there are."""
    if wilayah is None:
        return
    known = layer_ids(root)
    if wilayah not in known:
        raise PublishError(f'Lapisan wilayah "{wilayah}" tidak ada: folder {LAYERS}/{wilayah}/data/ tidak ditemukan'
                           f"{did_you_mean(wilayah, known)}" + (f" (yang ada: {', '.join(known)})." if known else
                           ". Mulai lapisan dengan: tksk new wilayah ID --wilayah ID (lihat Panduan penyunting)."))


def branch_for(wilayah: str | None, branch: str | None) -> str:
    """Return the branch an edition goes to: the one asked for, else gh-pages, or gh-pages-<id> for a region."""
    if branch:
        return branch
    return f"{BRANCH}-{wilayah}" if wilayah else BRANCH


@contextlib.contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    """Set (or, for None, unset) environment variables for the block, and put them back afterwards."""
    before = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def edition_build(root: Path, edition: Edition, wilayah: str | None = None) -> Iterator[None]:
    """Run the block in the project folder (mike reads and writes the branch of the repository it runs in) with
    mike's edition variable set, so the build's mike plugin puts canonical links under latest/ (mkdocs.yml), and
    with the region whose layer the build adds (none: the national edition, whatever the shell had set)."""
    with _environment(**{docs_version_var: str(edition), WILAYAH_ENV: wilayah}), contextlib.chdir(root):
        yield


def strict_build(root: Path, site_dir: Path) -> None:
    """Build the whole site strictly into ``site_dir``; raise PublishError when it fails (nothing is then committed).

    The build's own errors (data file, line, field) reach the terminal straight from mkdocs."""
    try:
        build_site(root, site_dir)
    except BuildFailed:
        raise PublishError("Situs tidak dapat dibangun (lihat kesalahan di atas); perbaiki lalu terbitkan lagi.") from None


def commit_edition(root: Path, edition: Edition, branch: str, message: str, wilayah: str | None = None) -> None:
    """Build the edition once and commit it with mike into ``<edition>/`` and, as a real copy, ``latest/``.

    mike's own ``deploy`` command would build the site a second time; its library takes our strict build
    instead: the commit is written only after the build succeeded.
    """
    with tempfile.TemporaryDirectory(prefix="tksk-edisi-") as tmp, edition_build(root, edition, wilayah):
        site_dir = Path(tmp) / "site"
        config = {"site_dir": str(site_dir), "use_directory_urls": True}
        with mike_commands.deploy(config, str(edition), aliases=[LATEST], update_aliases=True,
                                  alias_type=AliasType.copy, branch=branch, message=message):
            strict_build(root, site_dir)
        root_page = git(root, "show", f"refs/heads/{branch}:index.html", check=False).stdout
        if f'"{LATEST}/"' not in root_page:  # the branch root sends a typed address to the reader address; set once
            template = Path(tmp) / "pengalih.html"
            template.write_text(REDIRECT_PAGE, encoding="utf-8")
            mike_commands.set_default(LATEST, str(template), branch=branch,
                                      message=f"Alamat utama menuju alamat pembaca ({LATEST}/)")


def publish(root: Path, text: str, branch: str | None, remote: str, push: bool, today: datetime.date,
            wilayah: str | None = None) -> None:
    """Publish edition ``text`` of the project in ``root`` (with the layer of region ``wilayah``, if given) to
    ``branch`` (None: the edition's own, ``branch_for``); raise PublishError on any refusal or failure."""
    edition = parse_edition(text, today)
    branch = branch_for(wilayah, branch)
    site_url = check_site_url(dict(os.environ))
    if not (root / "mkdocs.yml").is_file():
        raise PublishError(f"Folder {root} tidak berisi mkdocs.yml; jalankan dari folder proyek Buku Saku TKSK.")
    if git(root, "rev-parse", "--is-inside-work-tree", check=False).returncode != 0:
        raise PublishError(f"Folder {root} bukan repositori git; edisi disimpan di sebuah cabang git.")
    if git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip() == branch:
        raise PublishError(f"Cabang {branch} sedang dibuka (checkout) di folder ini; edisi ditulis ke cabang tersendiri "
                           f"(bawaan gh-pages): pilih cabang lain dengan --branch, atau pindah dulu ke cabang sumber.")
    check_layer(root, wilayah)
    check_identity(root)
    check_order(edition, published_editions(root, branch), today, branch)

    before = branch_head(root, branch)
    of_region = f" wilayah {wilayah}" if wilayah else ""
    message = f"Edisi {edition} Buku Saku TKSK{of_region}, dari {source_description(root)}"
    print(f"[1/2] Membangun edisi{of_region} {edition} dengan ketat lalu menyimpannya di cabang {branch} untuk {site_url}…", flush=True)
    try:
        commit_edition(root, edition, branch, message, wilayah)
        if push:
            print(f"[2/2] Mengirim cabang {branch} ke {remote}…", flush=True)
            pushed = git(root, "push", "--", remote, branch, check=False)
            if pushed.returncode != 0:
                raise PublishError(f"Cabang {branch} tidak terkirim ke {remote}: {pushed.stderr.strip()}\n"
                                   f"Bila ditolak karena {remote}/{branch} lebih baru (diterbitkan dari komputer lain), "
                                   f"jalankan git fetch {remote} {branch}:{branch} lalu terbitkan lagi.")
    except (PublishError, GitError, KeyboardInterrupt) as exc:
        restore_branch(root, branch, before)
        reason = {PublishError: str(exc), KeyboardInterrupt: "Dihentikan."}.get(type(exc), f"Perintah git gagal: {exc}")
        raise PublishError(f"{reason}\nCabang {branch} dikembalikan seperti semula.") from None
    if not push:
        print(f"[2/2] Tidak dikirim (tanpa --push): cabang {branch} hanya di komputer ini.", flush=True)
    print(f"ok: edisi{of_region} {edition} terbit di cabang {branch}: {site_url.rstrip('/')}/{LATEST}/ (alamat pembaca) kini edisi ini, "
          f"arsipnya di {site_url.rstrip('/')}/{edition}/.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `tksk publish`."""
    parser.add_argument("edition", metavar="EDISI", help="nomor edisi TAHUN.URUTAN, misalnya 2026.2")
    parser.add_argument("--branch", default=None, metavar="CABANG",
                        help="cabang tempat edisi disimpan; bawaan: gh-pages (edisi wilayah: gh-pages-ID)")
    parser.add_argument("--wilayah", default=None, metavar="ID",
                        help="terbitkan edisi wilayah: buku saku nasional ditambah lapisan wilayah/ID/, di cabangnya sendiri")
    parser.add_argument("--remote", default="origin", metavar="NAMA", help="remote tujuan --push; bawaan: origin")
    parser.add_argument("--push", action="store_true", help="kirim cabang ke remote setelah berhasil; bawaan: hanya di komputer ini")
    parser.add_argument("--root", type=Path, default=Path.cwd(), metavar="FOLDER",
                        help="folder proyek (berisi mkdocs.yml); bawaan: folder ini")


def run(args: argparse.Namespace) -> int:
    """`tksk publish`: publish one edition; print why not, without a traceback, and return the exit code."""
    try:
        publish(args.root.resolve(), args.edition, args.branch, args.remote, args.push, clock.today(), args.wilayah)
    except (PublishError, clock.ClockError) as exc:
        print(f"Edisi tidak diterbitkan: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Edisi tidak diterbitkan: dihentikan.", file=sys.stderr)
        return 1
    return 0
