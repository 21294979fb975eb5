"""The one way the site is built: strictly (any warning stops it), in a temporary folder, put in place only whole.

`tksk build`, `tksk pdf` and `tksk publish` all build through here. A failed build leaves the previous site
untouched, and a build that was killed half-way leaves a work folder that the next build removes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: A build works in ``.site-XXXX/`` beside its target, which holds the pid of the build that owns it.
BUILD_PREFIX = ".site-"
BUILD_OWNER = "pid"


class BuildFailed(Exception):
    """The build stopped; what was wrong has already been printed by it (file, line, field)."""


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


#: MkDocs' own words about a stopped build, and ours. Its log prefixes go; other lines (a template's own error,
#: which names its file) are kept as they are, since they are what a developer needs.
_MKDOCS_WORDS = (
    (re.compile(r"^Aborted with a BuildError!$"), None),  # our "Situs tidak dibangun" follows
    (re.compile(r"^Aborted with (\d+) warnings? in strict mode!$"), r"Pembangunan dihentikan: \1 peringatan (mode ketat)."),
    (re.compile(r"^Aborted with a configuration error!$"), "Pembangunan dihentikan: mkdocs.yml tidak valid."),
    (re.compile(r"^ERROR\s+-\s+"), ""),
    (re.compile(r"^WARNING\s+-\s+"), "peringatan: "),
    (re.compile(r"^INFO\s+-\s+"), ""),
)


def in_editors_words(line: str) -> str | None:
    """Return a line MkDocs printed, in the editors' words, or None when it only repeats what is said next."""
    for pattern, words in _MKDOCS_WORDS:
        if pattern.search(line):
            return None if words is None else pattern.sub(words, line)
    return line


def _mkdocs_build(root: Path, out: Path) -> None:
    """Run ``mkdocs build --strict`` of the project in ``root`` into ``out``; its messages go to the terminal,
    in the editors' words (``in_editors_words``)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in result.stdout.splitlines():
        said = in_editors_words(line)
        if said is not None and said.strip():
            print(said, file=sys.stderr)
    if result.returncode != 0:
        raise BuildFailed


def build_site(root: Path, site_dir: Path) -> Path:
    """Build the site of the project in ``root`` into ``site_dir``, replacing it only when the build succeeds.

    Raise ``BuildFailed`` when it does not (``site_dir`` is then as it was).
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_interrupted_builds(site_dir.parent)
    with tempfile.TemporaryDirectory(prefix=BUILD_PREFIX, dir=site_dir.parent) as tmp:
        (Path(tmp) / BUILD_OWNER).write_text(str(os.getpid()), encoding="utf-8")
        fresh = Path(tmp) / "site"
        _mkdocs_build(root, fresh)
        old = Path(tmp) / "old"
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    return site_dir


@contextlib.contextmanager
def temporary_site(root: Path, prefix: str = "tksk-") -> Iterator[Path]:
    """Build the site into a temporary folder and yield it; it is removed when the block ends."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield build_site(root, Path(tmp) / "site")
