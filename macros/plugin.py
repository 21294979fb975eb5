"""MkDocs glue, kept thin: load the data, hand generated pages over, extend the nav.

Every decision lives in plain functions of ``macros`` that work without MkDocs, so moving to a
successor engine means rewriting only this file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from macros.changes import all_changes
from macros.errors import DataInvalid
from macros.feed import FEED_NAME, atom_feed
from macros.manifest import MANIFEST_NAME, web_manifest
from macros.navigation import extend_nav
from macros.offline import learning_stages, write_service_worker
from macros.search import SearchIndexError, page_labels, search_page, synonym_groups, write_search_index
from macros.site import GENERATED, Site, load_site, write_if_changed


class BukuSakuPlugin(BasePlugin):
    """``plugins: [buku-saku]``: pages for every record of data/, built from validated data only."""

    site: Site

    def on_config(self, config):
        try:
            self.site = load_site(Path(config.config_file_path).parent)
        except DataInvalid as exc:
            raise PluginError("Ada kesalahan isi; situs tidak dibangun.\n" + exc.report()) from None
        self.site.write_abbreviations()
        self.search_pages, self.search_labels = [], page_labels(self.site.handbook)
        if config.nav:
            config.nav = extend_nav(config.nav, self.site.handbook)
        return config

    def on_files(self, files, config):
        for page in self.site.pages():
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        # The Atom feed of changes: a file of the site (links to it are checked), rewritten only when it changes.
        feed = atom_feed(all_changes(self.site.handbook), config.site_url, config.site_name)
        path = write_if_changed(self.site.root / GENERATED / FEED_NAME, feed)
        files.append(File.generated(config, FEED_NAME, abs_src_path=str(path)))
        # The web app manifest (add to home screen): addresses relative to the edition's root.
        files.append(File.generated(config, MANIFEST_NAME, content=web_manifest(config.site_name, config.site_description)))
        return files

    def on_page_context(self, context, page, config, nav):
        if entry := search_page(page.file.src_uri, page.url, page.meta, self.search_labels):
            self.search_pages.append(entry)
        return context

    def on_post_build(self, config):
        try:  # before the service worker, which pre-caches the index
            write_search_index(Path(config.site_dir), self.search_pages, synonym_groups(self.site.handbook))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        write_service_worker(Path(config.site_dir), learning_stages(self.site.handbook))  # last: lists every file
