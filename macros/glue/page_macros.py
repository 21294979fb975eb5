"""The macros that hand-written pages (docs/, content/) may call; each renders one data block."""

from __future__ import annotations

from macros.glue.site import current
from macros.model.changes import all_changes, by_edition, editions


def define_env(env):
    """Register the macros with mkdocs-macros-plugin."""

    @env.macro
    def daftar(name: str) -> str:
        """Render the block ``templates/blocks/<name>.md.j2`` for the current page."""
        return current().renderer.block(name, env.page.file.src_uri)

    @env.macro
    def pembaruan(limit: int = 0) -> str:
        """Render the handbook's changes, newest first: grouped by edition with a filter by content type, or
        with ``limit`` (Beranda) the latest edition and that many latest changes."""
        site = current()
        changes = all_changes(site.handbook)
        newest_first = editions(site.handbook)
        return site.renderer.block("pembaruan", env.page.file.src_uri, limit=limit, changes=changes[:limit] if limit else changes,
                                   groups=by_edition(changes, newest_first), latest=next(iter(newest_first), None))

    @env.macro
    def tautan(record_id: str, text: str | None = None) -> str:
        """Link to a record by id from prose, checked at build time."""
        return current().renderer.link_from(env.page.file.src_uri, record_id, text)
