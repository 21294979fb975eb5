"""MkDocs glue, kept thin: load the data, hand generated pages over, extend the nav.

Every decision lives in plain functions of ``macros`` that work without MkDocs, so moving to a
successor engine means rewriting only this file.
"""

from __future__ import annotations

import os
from pathlib import Path

from mike.mkdocs_utils import docs_version_var
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

from macros.common.clock import ClockError
from macros.common.errors import DataInvalid
from macros.glue.site import GENERATED, Site, load_site, write_if_changed
from macros.load.handbook import LAYERS
from macros.model.changes import all_changes
from macros.outputs.feed import FEED_NAME, atom_feed
from macros.outputs.manifest import MANIFEST_NAME, web_manifest
from macros.outputs.pipeline import finish_site
from macros.outputs.search import SearchIndexError, page_labels, search_page
from macros.render.data_errors import error_page
from macros.render.navigation import extend_nav, records_by_section
from macros.render.renderer import printed_address


class BukuSakuPlugin(BasePlugin):
    """``plugins: [buku-saku]``: pages for every record of data/, built from validated data only."""

    site: Site
    #: ``mkdocs serve`` keeps this plugin for the whole session (it has ``on_startup``): while a saved file has errors,
    #: the preview keeps the last good pages' addresses and shows the errors on each of them (macros/render/data_errors.py).
    serving = False
    errors: list = []

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        # An edition built by `make publish` (mike names it in its variable): the old-edition banner and the
        # installed app point at the reader address, latest/ beside the edition's folder (macros/tools/publish.py).
        self.edition = os.environ.get(docs_version_var) or None
        config.extra["edisi"] = self.edition
        self.reader_address = f"../{config.extra['version']['default']}/" if self.edition else "./"
        try:
            self.site = load_site(Path(config.config_file_path).parent)
            self.errors = []
        except DataInvalid as exc:
            if not (self.serving and getattr(self, "site", None)):
                raise PluginError("Ada kesalahan isi; situs tidak dibangun.\n" + exc.report()) from None
            self.errors = exc.errors  # the preview shows them on every page until the data is valid again
            print("Ada kesalahan isi; pratinjau menampilkannya di setiap halaman:\n" + exc.report(), flush=True)
        except ClockError as exc:
            raise PluginError(str(exc)) from None
        region = self.site.handbook.wilayah
        config.extra["wilayah"] = None
        if region:  # a region's edition names its region in the title and the app, and above every page (main.html)
            config.site_name = f"{config.site_name} — {region.data.nama}"
            config.extra["wilayah"] = {"nama": region.data.nama, "dinsos": region.data.dinsos, "url": region.url}
        self.site.write_abbreviations()
        self.search_pages, self.search_labels = [], page_labels(self.site.handbook)
        if config.nav:
            config.nav = extend_nav(config.nav, self.site.handbook)
        return config

    def on_files(self, files, config):
        # Kits print their links' full addresses: site_url is final only now (mike adds latest/ in its on_config).
        self.site.renderer.address = printed_address(config.site_url)
        for page in self.site.pages():
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        # The Atom feed of changes: a file of the site (links to it are checked), rewritten only when it changes.
        self.changes = all_changes(self.site.handbook)
        feed = atom_feed(self.changes, config.site_url, config.site_name)
        path = write_if_changed(self.site.root / GENERATED / FEED_NAME, feed)
        files.append(File.generated(config, FEED_NAME, abs_src_path=str(path)))
        # The web app manifest (add to home screen): addresses relative to the edition's root.
        files.append(File.generated(config, MANIFEST_NAME,
                                    content=web_manifest(config.site_name, config.site_description, self.reader_address)))
        return files

    @event_priority(-100)  # after print-site's own on_nav, which keeps the menu's items as its page's contents
    def on_nav(self, nav, config, files):
        """Give the print page (print_page/, `tksk pdf`) every record after its section's pages: the menu lists none."""
        printer = config.plugins.get("print-site")
        if printer is not None:
            region = self.site.handbook.wilayah
            rest = f"Tambahan {region.data.dinsos}" if region else "Lainnya"
            printer.renderer.items = _with_records(nav.items, files, records_by_section(self.site.handbook), rest)
        return nav

    def on_serve(self, server, config, builder):
        """`mkdocs serve` also rebuilds when a region's layer changes (wilayah/ is optional: not in mkdocs.yml's watch)."""
        layers = Path(config.config_file_path).parent / LAYERS
        if layers.is_dir():
            server.watch(str(layers))
        return server

    def on_env(self, env, config, files):
        """Date sitemap.xml's pages by the handbook's newest change, not by the day of the build (MkDocs's default):
        the same data builds the same site on any day (macros/common/clock.py)."""
        newest = self.changes[0].tanggal.iso() if self.changes else None
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = newest
        return env

    def on_page_markdown(self, markdown, page, config, files):
        return error_page(self.errors) if self.errors else markdown

    def on_page_context(self, context, page, config, nav):
        if entry := search_page(page.file.src_uri, page.url, page.meta, self.search_labels):
            self.search_pages.append(entry)
        return context

    @event_priority(-100)  # after print-site has written print_page/, so that page gets its policy too
    def on_post_build(self, config):
        try:
            finish_site(Path(config.site_dir), self.site.handbook, self.search_pages)  # macros/outputs/pipeline.py
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None


def _with_records(items: list, files, sections: dict[str, list[str]], rest: str) -> list:
    """Return the menu's top-level items, each type's section followed by its topic pages and its records' pages;
    records of sections the menu does not have (a region's notes and its own page) follow, titled ``rest``."""
    out = []
    placed: set[str] = set()
    for item in items:
        first = item.children[0] if isinstance(item, Section) and item.children else item
        folder = getattr(getattr(first, "file", None), "src_uri", "").removesuffix("/index.md")
        if folder not in sections:
            out.append(item)
            continue
        placed.add(folder)
        shown = {p.file.src_uri for p in _pages_in(item)}
        records = sections[folder]
        # The section's topic pages (glossary letters, FAQ topics...) that the menu leaves out, then the records.
        folders = {uri.split("/")[0] for uri in records}
        topics = sorted(f.src_uri for f in files.documentation_pages()
                        if f.src_uri.split("/")[0] in folders and f.src_uri not in shown and f.src_uri not in set(records))
        extra = [files.get_file_from_path(uri).page for uri in [*topics, *records] if uri not in shown]
        children = item.children if isinstance(item, Section) else [item]
        out.append(Section(item.title, [*children, *extra]))
    leftover = [files.get_file_from_path(uri).page for folder, uris in sections.items() if folder not in placed for uri in uris]
    if leftover:
        out.append(Section(rest, leftover))
    return out


def _pages_in(item) -> list:
    if isinstance(item, Section):
        return [p for child in item.children for p in _pages_in(child)]
    return [item] if getattr(item, "file", None) else []
