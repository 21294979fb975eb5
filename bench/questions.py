"""Print how guessable the curriculum's self-check questions are, per stage and overall.

Run with `.venv/bin/python bench/questions.py` (a second or two: it loads and checks the handbook once).
Figures are printed, not asserted: compare them across commits. For the one-answer (`satu`) and
scenario (`kasus`) questions it counts:

- where the right option stands (the quiz shows options in file order, so a favourite place is a tell);
- how often the right option is the longest (length in characters; a tie for longest counts as longest),
  and how often it is the shortest (the opposite tell);
- the questions whose right option is more than 1.5x the next longest option;
- the questions whose right option is the only hedged one ("sumber tidak menyebut", "belum dipastikan", ...),
  or the only one sending the reader to Dinas Sosial ("tanyakan ke Dinas Sosial");
- the questions where RASTRA is named only in wrong options (a reader could drop those unread).

For several-answer (`beberapa`) questions: how many have exactly one right option and how many have all
options right. Across the whole curriculum: near-duplicate pairs (word-set Jaccard similarity of
teks + jawaban at least 0.6, with the pairs from 0.45 listed as close, and pairs whose right answers
alone reach 0.6), and questions whose `rujukan` is neither a reading (`bacaan`) of their
module nor a record a reading links to.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.handbook import load_handbook  # noqa: E402
from macros.types.kurikulum import stage_modules  # noqa: E402

RATIO = 1.5
JACCARD = 0.6
HEDGE = re.compile(r"sumber tidak|tidak menyebut|tidak merinci|belum dipastikan|belum dijelaskan|belum dimuat"
                   r"|tidak dijelaskan|tidak disebut", re.IGNORECASE)
#: Sending the reader to Dinas Sosial ("tanyakan ke Dinas Sosial"): a tell too if only right options do it.
REFER = re.compile(r"\b(tanya|ditanya|menanya|bertanya)|membicarakan"
                   r"|(meminta|memastikan|melaporkan|mengirim)[^.;]* (ke |kepada )?(dinas sosial|dinsos)", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def longest_is_right(q) -> bool:
    return len(q.jawaban[0]) >= max(len(o) for o in q.pilihan)


def shortest_is_right(q) -> bool:
    return len(q.jawaban[0]) <= min(len(o) for o in q.pilihan)


def strictly_longest(q) -> bool:
    return all(len(q.jawaban[0]) > len(o) for o in q.pilihan if o != q.jawaban[0])


def ratio(q) -> float:
    right = q.jawaban[0]
    others = [len(o) for o in q.pilihan if o != right]
    return len(right) / max(others)


def only_key(pattern, q) -> bool:
    right = q.jawaban[0]
    return bool(pattern.search(right)) and not any(pattern.search(o) for o in q.pilihan if o != right)


def rastra_tell(q) -> bool:
    """RASTRA named in some wrong option but in no right one."""
    named = [o for o in q.pilihan if "rastra" in o.casefold()]
    return bool(named) and not any(o in q.jawaban for o in named)


def linked_from(handbook, module) -> set[str]:
    """The module's readings and every record one of them refers to."""
    reach = set(module.data.bacaan)
    for rid, by_field in handbook.cited_by.items():
        if any(r.id in module.data.bacaan for rs in by_field.values() for r in rs):
            reach.add(rid)
    return reach


def pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.0f}%)" if total else "0/0"


def report(label: str, items: list) -> None:
    """Print the figures for one stage (or all): ``items`` are (module, question) pairs."""
    chosen = [q for _, q in items if q.jenis in ("satu", "kasus")]
    scen = [q for q in chosen if q.jenis == "kasus"]
    several = [q for _, q in items if q.jenis == "beberapa"]
    print(f"\n== {label}: {len(items)} questions ({len(chosen)} satu+kasus, {len(several)} beberapa)")
    print(f"  right option longest (satu+kasus): {pct(sum(map(longest_is_right, chosen)), len(chosen))}"
          f"; strictly longest: {sum(map(strictly_longest, chosen))}")
    print(f"    of which kasus:                  {pct(sum(map(longest_is_right, scen)), len(scen))}")
    print(f"  right option shortest (satu+kasus): {pct(sum(map(shortest_is_right, chosen)), len(chosen))}")
    places = Counter(q.pilihan.index(q.jawaban[0]) + 1 for q in chosen)
    print("  right option's place (satu+kasus; options are shown in file order): "
          + ", ".join(f"{n}. {pct(places[n], len(chosen))}" for n in sorted(places)))
    over = [f"{q.id} ({ratio(q):.2f}x)" for q in chosen if ratio(q) > RATIO]
    print(f"  right option > {RATIO}x next longest: {len(over)}" + (": " + ", ".join(over) if over else ""))
    hedged = [q.id for q in chosen if only_key(HEDGE, q)]
    print(f"  right option the only hedged one: {len(hedged)}" + (": " + ", ".join(hedged) if hedged else ""))
    refer = [q.id for q in chosen if only_key(REFER, q)]
    print(f"  right option the only one sending to Dinas Sosial: {len(refer)}" + (": " + ", ".join(refer) if refer else ""))
    rastra = [q.id for _, q in items if q.jenis in ("satu", "kasus", "beberapa") and rastra_tell(q)]
    print(f"  RASTRA only in wrong options:     {len(rastra)}" + (": " + ", ".join(rastra) if rastra else ""))
    one = [q.id for q in several if len(q.jawaban) == 1]
    every = [q.id for q in several if len(q.jawaban) == len(q.pilihan)]
    print(f"  beberapa with 1 right: {len(one)}" + (f" ({', '.join(one)})" if one else ""))
    print(f"  beberapa all right:    {len(every)}" + (f" ({', '.join(every)})" if every else ""))


def main() -> None:
    handbook = load_handbook(ROOT)
    stages = sorted(handbook.of_type("kurikulum"), key=lambda s: s.data.urutan)
    everything = []
    for stage in stages:
        items = [(m, q) for m in stage_modules(stage, handbook) for q in m.data.soal]
        everything += items
        report(stage.data.judul, items)
    report("Overall", everything)

    print(f"\n== Near-duplicate pairs (Jaccard of teks + jawaban >= {JACCARD})")
    bags = [(q.id, words(q.teks + " " + " ".join(q.jawaban))) for _, q in everything]
    pairs = [(a, b, len(x & y) / len(x | y)) for (a, x), (b, y) in combinations(bags, 2)]
    dupes = sorted((p for p in pairs if p[2] >= JACCARD), key=lambda p: -p[2])
    print(f"  {len(dupes)} pairs" + "".join(f"\n    {a} / {b}: {j:.2f}" for a, b, j in dupes))
    near = sorted((p for p in pairs if 0.45 <= p[2] < JACCARD), key=lambda p: -p[2])
    if near:
        print("  close (0.45-0.6): " + ", ".join(f"{a} / {b} {j:.2f}" for a, b, j in near))
    answers = [(q.id, words(" ".join(q.jawaban))) for _, q in everything]
    same = [(a, b, len(x & y) / len(x | y)) for (a, x), (b, y) in combinations(answers, 2)]
    same = sorted((p for p in same if p[2] >= JACCARD), key=lambda p: -p[2])
    print(f"  same right answer (Jaccard of jawaban >= {JACCARD}): {len(same)} pairs"
          + "".join(f"\n    {a} / {b}: {j:.2f}" for a, b, j in same))

    print("\n== Questions whose rujukan is not reachable from their module's readings")
    outside = [f"{m.id}: {q.id} -> {q.rujukan}" for m, q in everything if q.rujukan not in linked_from(handbook, m)]
    print(f"  {len(outside)}" + "".join(f"\n    {line}" for line in outside))

    per_module = [f"{m.id} ({len(m.data.soal)})" for m in handbook.of_type("modul") if len(m.data.soal) < 5]
    ids = [q.id for _, q in everything]
    print(f"\n== {len(everything)} questions, {len(set(ids))} distinct ids; modules under 5 questions: "
          f"{', '.join(per_module) or 'none'}")


if __name__ == "__main__":
    main()
