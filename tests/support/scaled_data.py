"""A valid synthetic handbook of a given size, for the scale tests and the benchmarks of a growing handbook.

The handbook is the real project (mkdocs.yml, docs/, content/, overrides/ and data/, copied by
``copy_project``) plus near-duplicates of real records until it holds ``records`` records, counted as
``tksk validate`` counts them. Every type grows in the proportions of today's data (glossary and FAQ most,
then duties, regulations, sources, SOPs, ...), except the learning stages: a curriculum gains stages more
slowly than modules (about the square root of the growth), so stages get longer as a real one would.
A copy keeps its original's text, references and sources and gets a new id and a title with
"(salinan N)", so it passes every check of the validator and renders like the record it copies.

Synthetic handbooks are for measuring only: their copies are not content and are never published.
``python bench/generate.py DEST --records N`` writes one from the command line.
"""

from __future__ import annotations

import copy
import math
import shutil
from pathlib import Path

import yaml

from macros.load.handbook import load_handbook
from tests.support.data import ROOT
from tests.support.project import copy_project

#: Types that are not copied: one edition is published at a time, its number must grow with its date; the search
#: aid is a list of words, each written once, that does not grow with the records.
FIXED = {"edisi", "kata-cari"}
#: The highest stage number the curriculum schema allows (``urutan``).
MAX_STAGES = 20


class _Dumper(yaml.SafeDumper):
    """Writes each copy out in full: the loader refuses YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def _dump(value) -> str:
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


def _plan(counts: dict[str, int], records: int) -> dict[str, int]:
    """How many copies of each type to add so that the handbook holds about ``records`` records.

    Returns counts of copies by type; ``kurikulum`` copies are stages and ``modul`` the modules they carry.
    """
    total = sum(counts.values())
    extra = max(records - total, 0)
    if not extra:
        return {}
    growth = records / total
    stages = min(round(counts["kurikulum"] * math.sqrt(growth)), MAX_STAGES) - counts["kurikulum"]
    weights = {name: n for name, n in counts.items() if name not in FIXED | {"kurikulum"}}
    share = extra - max(stages, 0)
    plan = {name: math.floor(share * n / sum(weights.values())) for name, n in weights.items()}
    plan["glosarium"] += share - sum(plan.values())  # the rounding remainder: the type that grows most
    plan["kurikulum"] = max(stages, 0)
    if plan["kurikulum"] == 0:  # modules can only be added inside new stages
        plan["glosarium"] += plan.pop("modul")
        plan["modul"] = 0
    return plan


def _suffix_title(item: dict, field: str, n: int) -> None:
    if field in item and isinstance(item[field], str):
        item[field] = f"{item[field]} (salinan {n})"


def _copy_of(item: dict, n: int, title: str) -> dict:
    new = copy.deepcopy(item)
    new["id"] = f"{item['id']}-s{n}"
    _suffix_title(new, title, n)
    return new


def _reference_names() -> frozenset[str]:
    """Names of the fields, at any depth, that hold ids of other records (``sumber``, ``rujukan``, ...)."""
    from macros.model.schema import field_rows, is_reference
    from macros.types import ALL

    return frozenset(path.rsplit(".", 1)[-1].split("[")[0] for t in ALL
                     for path, spec in field_rows(t.schema) if is_reference(spec.kind))


def _references(value, refs: frozenset[str], key: str = ""):
    """Yield every id a record refers to (curriculum references aside: modules are copied within stages)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _references(v, refs, k)
    elif isinstance(value, list):
        for v in value:
            yield from _references(v, refs, key)
    elif isinstance(value, str) and key in refs and key not in ("tahap", "modul"):
        yield value


def _relinked(value, generation: int, ids: set[str], refs: frozenset[str], key: str = ""):
    """Point a copy's references at copies of one generation (else at the originals).

    Copy 3 of an FAQ cites copy 3 of its SOP, rakor and sources, so references spread over the copies as
    they would in a bigger handbook, instead of every copy piling its back-links onto the real records.
    The newest generation in which every referenced record has a copy is used, so an FAQ and its rakor
    keep citing the same report.
    """
    wanted = set(_references(value, refs))
    while generation and not all(f"{r}-s{generation}" in ids for r in wanted):
        generation -= 1
    return _renamed(value, generation, refs) if generation else value


def _renamed(value, generation: int, refs: frozenset[str], key: str = ""):
    if isinstance(value, dict):
        return {k: _renamed(v, generation, refs, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, generation, refs, key) for v in value]
    if isinstance(value, str) and key in refs and key not in ("tahap", "modul"):
        return f"{value}-s{generation}"
    return value


def _stage_copies(stages: list[dict], how_many: int, modules: int, first_number: int) -> list[dict]:
    """Copies of the real stages, numbered after them, carrying ``modules`` module copies between them."""
    real_modules = [m for s in stages for m in s["modul"]]
    out = []
    made = 0
    for i in range(how_many):
        n = i + 1
        base = stages[i % len(stages)]
        stage = _copy_of({k: v for k, v in base.items() if k != "modul"}, n, "judul")
        stage["judul"] = f"Tahap {first_number + i}: {base['judul'].split(': ', 1)[-1]} (salinan {n})"
        stage["urutan"] = first_number + i
        quota = modules // how_many + (1 if i < modules % how_many else 0)
        stage["modul"] = []
        for _ in range(max(quota, 1)):
            source = real_modules[made % len(real_modules)]
            made += 1
            module = _copy_of(source, made, "judul")
            for question in module.get("soal") or []:
                question["id"] = f"{question['id']}-s{made}"
            stage["modul"].append(module)
        out.append(stage)
    return out


def generate(dest: Path, records: int) -> Path:
    """Write a valid handbook of about ``records`` records (never fewer than the real one) to ``dest``.

    ``dest`` is replaced; returns it. ``tksk build --root dest`` builds it.
    """
    dest = Path(dest)
    handbook = load_handbook(ROOT)
    counts = dict(handbook.counts())
    plan = _plan(counts, records)
    if dest.exists():
        shutil.rmtree(dest)
    copy_project(dest)
    data = dest / "data"
    from macros.types import BY_NAME

    originals: dict[str, list[tuple[Path, dict]]] = {}
    for name, copies in plan.items():
        ctype = BY_NAME[name]
        if copies and ctype.files and name != "kurikulum":
            originals[name] = [(p, item) for p in sorted(data.glob(ctype.files))
                               for item in (yaml.safe_load(p.read_text(encoding="utf-8")) if ctype.many else
                                            [yaml.safe_load(p.read_text(encoding="utf-8"))])]
    # copy i of a type copies original i % n as generation i // n + 1
    ids = {f"{items[i % len(items)][1]['id']}-s{i // len(items) + 1}"
           for name, items in originals.items() for i in range(plan[name])}
    refs = _reference_names()
    for name, items in originals.items():
        ctype = BY_NAME[name]
        added: dict[Path, list[dict]] = {}
        for i in range(plan[name]):
            path, item = items[i % len(items)]
            generation = i // len(items) + 1
            new = _relinked(_copy_of(item, generation, ctype.title), generation, ids, refs)
            if ctype.many:  # lists: appended to the file of the original (glosarium.yml must stay one file)
                added.setdefault(path, []).append(new)
            else:
                (path.parent / f"{new['id']}.yml").write_text(_dump(new), encoding="utf-8")
        for path, new_items in added.items():
            with path.open("a", encoding="utf-8") as out:
                out.write("\n" + _dump(new_items))
    if plan.get("kurikulum"):
        stages = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / "kurikulum").glob("*.yml"))]
        first = max(s["urutan"] for s in stages) + 1
        for stage in _stage_copies(stages, plan["kurikulum"], plan.get("modul", 0), first):
            (data / "kurikulum" / f"{stage['id']}.yml").write_text(_dump(stage), encoding="utf-8")
    return dest
