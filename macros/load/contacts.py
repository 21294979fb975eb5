"""The allow-list of official office contacts (``data/kontak-resmi.yml``) that text may carry: a list of
``{kontak, milik}``, read with the project's YAML reader; what the contacts are for is ``macros.checks.personal_data``."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.checks.personal_data import ALLOW_LIST, normal_contact
from macros.common.errors import ErrorLog
from macros.load.yaml_file import read_nodes


def load_allowed(data_dir: Path, root: Path, log: ErrorLog) -> frozenset[str]:
    """Read the allow-list of official contacts: a list of ``{kontak, milik}``; report what is wrong with it."""
    path = data_dir / ALLOW_LIST
    if not path.is_file():
        return frozenset()
    rel = path.relative_to(root).as_posix()
    readable, node = read_nodes(path, rel, log)
    if not readable or node is None:
        return frozenset()
    if not isinstance(node, yaml.SequenceNode):
        log.add(rel, node.start_mark.line + 1, "", "harus berupa daftar; setiap butir: kontak dan milik")
        return frozenset()
    allowed = set()
    for i, item in enumerate(node.value, 1):
        fields = {k.value: v for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        line = item.start_mark.line + 1
        for name in ("kontak", "milik"):
            value = fields.get(name)
            if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                log.add(rel, line, f"[{i}].{name}", "wajib diisi (teks): kontak kantor dan instansi pemiliknya")
        extra = sorted(set(fields) - {"kontak", "milik"})
        if extra:
            log.add(rel, line, f"[{i}].{extra[0]}", "isian tidak dikenal; yang boleh: kontak, milik")
        contact = fields.get("kontak")
        if isinstance(contact, yaml.ScalarNode) and contact.value.strip():
            allowed.add(normal_contact(contact.value))
    return frozenset(allowed)
