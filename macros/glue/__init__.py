"""The MkDocs glue, kept thin: the plugin, the page macros of mkdocs-macros and the Python-Markdown extensions.

Every decision lives in the layers below, which work without MkDocs; moving to another engine rewrites this
folder only."""
