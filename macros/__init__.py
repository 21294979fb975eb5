"""Buku Saku TKSK: data schema, loading, linking and rendering.

For mkdocs-macros-plugin this package exposes only ``define_env`` (see ``macros.glue.page_macros``).
"""

from macros.glue.page_macros import define_env

__all__ = ["define_env"]
