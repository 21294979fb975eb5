"""A small declarative schema for YAML records, checked on PyYAML nodes so every error has a line.

Each content type declares its fields once, one per line (see ``macros/types/``). Checking a node
returns plain Python values (``Data`` mappings, lists, ``str``, ``int``, ``PartialDate``) and
records every problem in an ``ErrorLog`` instead of stopping at the first one.

Field paths in messages count list items from 1, as an editor counts them: ``langkah[1]`` is the
first step.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.common import clock
from macros.common.errors import ErrorLog
from macros.common.hints import did_you_mean

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The start of HTML in text: a tag, a closing tag or a comment as a browser reads them (``<img/src=x>`` too),
#: or a tag written as an entity (``&lt;img``). Pages are written in Markdown; HTML from data is refused rather
#: than trusted to every place the text lands (Material's tooltips, for one, render an abbreviation's title as HTML).
HTML_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>?|&(?:lt|gt|#0*60|#0*62|#x0*3c|#x0*3e);?[^\s]*", re.IGNORECASE)
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONSTRUCTOR = yaml.SafeLoader("")  # used only to construct single scalar nodes

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


class Data(dict):
    """A validated mapping whose fields read as attributes (``sop.judul``) in Python and Jinja."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """An ISO date that may be reduced to a year or a month, as sources often are."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def indonesian(self) -> str:
        """Return the date as readers write it: ``15 April 2019``, ``Juni 2020`` or ``2020``."""
        if self.day:
            return f"{self.day} {BULAN[self.month - 1]} {self.year}"
        if self.month:
            return f"{BULAN[self.month - 1]} {self.year}"
        return str(self.year)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.iso()

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()


@dataclass
class Context:
    """Where a check happens, and where it reports."""

    file: str
    log: ErrorLog
    refs: list[tuple[str, tuple[str, ...], int, str]] = field(default_factory=list)
    #: field path -> line of its value, so later checks can point at the exact line
    lines: dict[str, int] = field(default_factory=dict)
    #: field paths whose text is a source's own words (names, titles, marked quotes)
    verbatim: list[str] = field(default_factory=list)
    #: the date "in the future" is measured from (``macros.common.clock``), read once per run
    today: dt.date = field(default_factory=clock.today)

    def error(self, node: yaml.Node, path: str, message: str) -> None:
        self.log.add(self.file, node.start_mark.line + 1, path, message)


def describe(node: yaml.Node) -> str:
    """Name what an editor wrote, in the words of the error messages."""
    if isinstance(node, yaml.MappingNode):
        return "kumpulan isian (mapping)"
    if isinstance(node, yaml.SequenceNode):
        return "daftar"
    tag = node.tag.rsplit(":", 1)[-1]
    return {
        "str": "teks", "int": "angka", "float": "angka", "bool": "ya/tidak (boolean)",
        "null": "kosong", "timestamp": "tanggal",
    }.get(tag, tag)


#: The YAML tags plain data uses; any other (``!!python/object``, ``!!binary``, ``!custom``) is refused.
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))


def foreign_tag(node: yaml.Node, path: str, ctx: Context) -> bool:
    """Report and return True when ``node`` carries a tag plain data does not use (code or binary payloads)."""
    if node.tag in PLAIN_TAGS:
        return False
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    ctx.error(node, path, f"tag YAML \"{tag}\" tidak dipakai di data buku saku; hapus tag itu dan tulis nilainya saja")
    return True


def scalar_value(node: yaml.ScalarNode) -> Any:
    """Construct the Python value of one scalar node with PyYAML's safe rules."""
    return _CONSTRUCTOR.construct_object(node, deep=True)


class Kind:
    """What a field's value must be. ``expected`` names it in Bahasa Indonesia for messages."""

    expected = "nilai"

    def check(self, node: yaml.Node, path: str, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, node: yaml.Node, path: str, ctx: Context) -> None:
        ctx.error(node, path, f"harus berupa {self.expected}, bukan {describe(node)}")


class Text(Kind):
    """Free text (Markdown allowed in rendering; HTML is escaped there)."""

    expected = "teks"

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            return self.wrong(node, path, ctx)
        if not node.tag.endswith(":str"):
            ctx.error(node, path, f"harus berupa teks, bukan {describe(node)}; beri tanda kutip: \"{node.value}\"")
            return None
        value = node.value.strip()
        if not value:
            ctx.error(node, path, "tidak boleh kosong")
            return None
        tag = HTML_TAG.search(value)
        if tag:
            ctx.error(node, path, f"HTML tidak dipakai di buku saku (tertulis \"{tag.group(0)}\"); tulis dengan Markdown, "
                                  "misalnya **tebal**, *miring* atau [teks tautan](https://alamat)")
            return None
        return value


class Verbatim(Text):
    """Words exactly as a source wrote them: a name, an official title, a marked quotation.

    Everything else in the handbook is in its own words; text of this kind is exempt from the near-copy
    check and is shown as a name or a quote, attributed to its source.
    """

    expected = "teks persis seperti tertulis di sumber"

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is not None:
            ctx.verbatim.append(path)
        return value


class Id(Text):
    """A stable kebab-case id: it becomes the record's URL and never changes."""

    expected = "id kebab-case (huruf kecil, angka, tanda hubung; contoh: verval-data-kpm)"

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is not None and not KEBAB.match(value):
            ctx.error(node, path, f"harus berupa {self.expected}, bukan \"{value}\"")
            return None
        return value


class Ref(Id):
    """The id of another record of one of the given types; resolved after every file is read."""

    def __init__(self, *types: str):
        self.types = types
        self.expected = "id " + " atau ".join(types)

    def check(self, node, path, ctx):
        value = Id.check(self, node, path, ctx)
        if value is not None:
            ctx.refs.append((value, self.types, node.start_mark.line + 1, path))
        return value


class Choice(Text):
    """One of a fixed set of words; given as a mapping, each word also has the label readers see."""

    def __init__(self, *values: str | dict[str, str]):
        if len(values) == 1 and isinstance(values[0], dict):
            self.labels: dict[str, str] = dict(values[0])
            values = tuple(self.labels)
        else:
            self.labels = {}
        self.values = values
        self.expected = "salah satu dari: " + ", ".join(values)

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is not None and value not in self.values:
            ctx.error(node, path, f"harus {self.expected}; tertulis \"{value}\"")
            return None
        return value


class Url(Text):
    """A web address a reader can open."""

    expected = "alamat web yang diawali http:// atau https://"

    def check(self, node, path, ctx):
        value = Text.check(self, node, path, ctx)
        if value is not None and not re.match(r"^https?://[^\s<>\"]+$", value):
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis \"{value}\"")
            return None
        return value


class Integer(Kind):
    """A whole number within bounds."""

    def __init__(self, low: int, high: int):
        self.low, self.high = low, high
        self.expected = f"angka bulat {low}–{high}"

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":int"):
            return self.wrong(node, path, ctx)
        value = scalar_value(node)
        if not self.low <= value <= self.high:
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis {value}")
            return None
        return value


class Date(Kind):
    """An ISO date ``YYYY-MM-DD``; with ``partial=True`` also ``YYYY-MM`` or ``YYYY``."""

    def __init__(self, partial: bool = False, past: bool = False):
        self.partial, self.past = partial, past
        self.expected = (
            "tanggal ISO (YYYY-MM-DD, atau YYYY-MM / YYYY bila sumber hanya menyebut bulan atau tahun)"
            if partial else "tanggal ISO (YYYY-MM-DD)"
        )
        if past:
            self.expected += ", tidak di masa depan"

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool", ":float")):
            return self.wrong(node, path, ctx)
        match = ISO_DATE.match(node.value.strip())
        if not match or (not self.partial and not match.group(3)):
            ctx.error(node, path, f"harus berupa {self.expected}; tertulis \"{node.value}\"")
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            ctx.error(node, path, f"tanggal tidak ada di kalender: \"{node.value}\"")
            return None
        date = PartialDate(year, month, day)
        today = ctx.today
        if self.past and date > PartialDate(today.year, today.month, today.day):
            ctx.error(node, path, f"tanggal {date} ada di masa depan (hari ini {today.isoformat()}); tulis tanggal yang sudah terjadi")
            return None
        return date


class Flag(Kind):
    """Yes or no, written ``true`` or ``false``."""

    expected = "true atau false"

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":bool"):
            return self.wrong(node, path, ctx)
        return scalar_value(node)


class ListOf(Kind):
    """A YAML list whose items are all of one kind."""

    def __init__(self, item: Kind, min_items: int = 0):
        self.item, self.min_items = item, min_items
        self.expected = f"daftar {item.expected}"

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.SequenceNode):
            return self.wrong(node, path, ctx)
        if len(node.value) < self.min_items:
            ctx.error(node, path, f"harus berisi paling sedikit {self.min_items} butir; ada {len(node.value)}")
        items = []
        for i, child in enumerate(node.value, 1):
            ctx.lines[f"{path}[{i}]"] = child.start_mark.line + 1
            if not foreign_tag(child, f"{path}[{i}]", ctx):
                items.append(self.item.check(child, f"{path}[{i}]", ctx))
        return [item for item in items if item is not None]


@dataclass(frozen=True)
class Field:
    """One declared field: its name, its kind, whether it must be there, what it is for."""

    name: str
    kind: Kind
    required: bool = True
    doc: str = ""


class Obj(Kind):
    """A mapping with declared fields: unknown and duplicate keys are errors, not silence."""

    expected = "kumpulan isian (mapping)"

    def __init__(self, *fields: Field):
        self.fields = {f.name: f for f in fields}

    def check(self, node, path, ctx):
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(node, path, ctx)
        prefix = f"{path}." if path else ""
        seen: dict[str, yaml.Node] = {}
        values = Data()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                first = seen[key].start_mark.line + 1
                ctx.error(key_node, prefix + str(key), f"isian ganda: sudah ditulis di baris {first}")
                continue
            if key not in self.fields:
                ctx.error(key_node, prefix + str(key), self._unknown(key))
                continue
            seen[key] = key_node
            ctx.lines[prefix + key] = value_node.start_mark.line + 1
            spec = self.fields[key]
            if foreign_tag(value_node, prefix + key, ctx):
                continue
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null"):
                if spec.required:
                    ctx.error(value_node, prefix + key, f"wajib diisi ({spec.kind.expected})")
                continue
            values[key] = spec.kind.check(value_node, prefix + key, ctx)
        for name, spec in self.fields.items():
            if name not in seen and spec.required:
                ctx.error(node, prefix + name, f"wajib diisi ({spec.kind.expected})")
            if values.get(name) is None:
                values[name] = [] if isinstance(spec.kind, ListOf) else None
        return values

    def _unknown(self, key: str | None) -> str:
        names = list(self.fields)
        return f"isian tidak dikenal{did_you_mean(str(key), names)} Isian yang boleh: {', '.join(names)}"


def top_field(path: str) -> str:
    """Return the top-level field of a field path: ``langkah[2].hasil`` -> ``langkah``."""
    return path.split("[")[0].split(".")[0]


def is_reference(kind: Kind) -> bool:
    """Tell whether a field holds ids of other records (a ``Ref`` or a list of them)."""
    return isinstance(kind.item if isinstance(kind, ListOf) else kind, Ref)


def field_rows(obj: Obj, prefix: str = ""):
    """Yield ``(path, Field)`` for every field, nested ones as ``langkah[].judul`` (for the editor guide)."""
    for spec in obj.fields.values():
        yield prefix + spec.name, spec
        inner = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(inner, Obj):
            yield from field_rows(inner, prefix + spec.name + ("[]." if inner is not spec.kind else "."))
