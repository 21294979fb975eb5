"""The web app manifest: lets a phone add the handbook to its home screen and open it like an app.

Material for MkDocs writes no manifest, so the handbook writes its own small one. Every address in it is
relative to the manifest, which sits at the edition's root. In a published edition the app's address is
the reader address, ``../latest/`` beside the edition's folder (macros/tools/publish.py): an app added from
``latest/`` or from an archived edition opens, and stays in, the newest edition, where the offline copy is.

The icons are committed files (docs/images/ikon-*.png), drawn from docs/images/ikon.svg (Material's
``book-open-variant`` on the header's indigo; the header logo too: theme.logo, mkdocs.yml) by rendering the SVG in Chromium
at 192 and 512 px; the maskable icon keeps the book inside the central 80 % safe zone.
"""

from __future__ import annotations

import json

MANIFEST_NAME = "manifest.webmanifest"
#: Material's indigo (``--md-primary-fg-color`` of ``primary: indigo``): the header and the phone's status bar.
THEME_COLOR = "#4051b5"
BACKGROUND_COLOR = "#ffffff"
ICONS = (
    ("images/ikon-192.png", "192x192", "any"),
    ("images/ikon-512.png", "512x512", "any"),
    ("images/ikon-maskable-512.png", "512x512", "maskable"),
)


def web_manifest(name: str, description: str, app_address: str = "./", short_name: str = "Buku Saku") -> str:
    """Return the manifest JSON; ``app_address`` (relative to the manifest) is where the app starts and stays."""
    manifest = {
        "name": name,
        "short_name": short_name,
        "description": " ".join(description.split()),
        "lang": "id",
        "dir": "ltr",
        "id": app_address,
        "start_url": app_address,
        "scope": app_address,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": src, "sizes": sizes, "type": "image/png", "purpose": purpose} for src, sizes, purpose in ICONS],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
