"""MkDocs glue, kept thin: load the data, hand generated pages over, extend the nav.

Every decision lives in plain functions of ``macros`` that work without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros.errors import DataInvalid
from macros.navigation import extend_nav
from macros.site import current, load_site


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        site = load_site(root)
    except DataInvalid as exc:
        raise PluginError("data/ tidak valid; situs tidak dibangun.\n" + exc.report()) from None
    site.write_abbreviations()
    if config.nav:
        config.nav = extend_nav(config.nav, site.handbook)
    return config


def on_files(files, config):
    for page in current().pages():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files
