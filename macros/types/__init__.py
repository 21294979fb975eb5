"""The content types of the handbook: one module each, declaring its fields once.

Every module in this package except ``base`` is a content type that exposes ``TYPE``; adding a type
means adding its module (and its template, tests and data), nothing here. Types are ordered by their
``order``; the records a type nests (``children``) are types too.
"""

from __future__ import annotations

import importlib
import pkgutil

from macros.model.content_type import ContentType


def _discover() -> tuple[ContentType, ...]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            found.append(importlib.import_module(f"{__name__}.{module.name}").TYPE)
    with_children = [t for top in sorted(found, key=lambda t: (t.order, t.name)) for t in (top, *(c.type for c in top.children))]
    return tuple(with_children)


#: Every content type, in the order the handbook presents its sections; nested types follow their parent.
ALL: tuple[ContentType, ...] = _discover()

BY_NAME: dict[str, ContentType] = {t.name: t for t in ALL}

#: Every readers' label of every choice field, by ``type.field``: ``LABELS["faq.topik"]["bansos"]``.
LABELS: dict[str, dict[str, str]] = {key: labels for t in ALL for key, labels in t.choice_labels.items()}
