"""Print how guessable the curriculum's self-check questions are, per stage and overall.

Run with `.venv/bin/python bench/questions.py` (a second or two: it loads and checks the handbook once).
Figures are printed, not asserted: compare them across commits. For the one-answer (`satu`) and
scenario (`kasus`) questions it counts:

- where the right option stands (the quiz shows options in file order, so a favourite place is a tell);
- how often the right option is the longest (longer than every other, as `tksk validate` reports it:
  macros/model/question_quality.py), and how often it is the shortest (the opposite tell);
- the questions whose right option is more than 1.5x the next longest option;
- the questions whose right option is the only hedged one ("sumber tidak menyebut", "belum dipastikan", ...),
  or the only one sending the reader to Dinas Sosial ("tanyakan ke Dinas Sosial");
- the questions where RASTRA is named only in wrong options (a reader could drop those unread).

For several-answer (`beberapa`) questions: how many have exactly one right option and how many have all
options right. Across the whole curriculum: near-duplicate pairs (the validator's rule), and questions
whose `rujukan` is neither a reading (`bacaan`) of their module nor a record a reading links to.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.handbook import load_handbook  # noqa: E402
from macros.model.question_quality import STANDOUT_RATIO, near_duplicates, right_option_length  # noqa: E402
from macros.types.kurikulum import readable_from, stage_modules  # noqa: E402

HEDGE = re.compile(r"sumber tidak|tidak menyebut|tidak merinci|belum dipastikan|belum dijelaskan|belum dimuat"
                   r"|tidak dijelaskan|tidak disebut", re.IGNORECASE)
#: Sending the reader to Dinas Sosial ("tanyakan ke Dinas Sosial"): a tell too if only right options do it.
REFER = re.compile(r"\b(tanya|ditanya|menanya|bertanya)|membicarakan"
                   r"|(meminta|memastikan|melaporkan|mengirim)[^.;]* (ke |kepada )?(dinas sosial|dinsos)", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")


def shortest_is_right(q) -> bool:
    return len(q.jawaban[0]) <= min(len(o) for o in q.pilihan)


def only_key(pattern, q) -> bool:
    right = q.jawaban[0]
    return bool(pattern.search(right)) and not any(pattern.search(o) for o in q.pilihan if o != right)


def rastra_tell(q) -> bool:
    """RASTRA named in some wrong option but in no right one."""
    named = [o for o in q.pilihan if "rastra" in o.casefold()]
    return bool(named) and not any(o in q.jawaban for o in named)


def pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.0f}%)" if total else "0/0"


def report(label: str, items: list) -> None:
    """Print the figures for one stage (or all): ``items`` are (module, question) pairs."""
    chosen = [q for _, q in items if q.jenis in ("satu", "kasus")]
    scen = [q for q in chosen if q.jenis == "kasus"]
    several = [q for _, q in items if q.jenis == "beberapa"]
    print(f"\n== {label}: {len(items)} questions ({len(chosen)} satu+kasus, {len(several)} beberapa)")
    lengths = {q.id: right_option_length(q) for q in chosen}
    print(f"  right option longest (satu+kasus): {pct(sum(lengths[q.id].longest for q in chosen), len(chosen))}")
    print(f"    of which kasus:                  {pct(sum(lengths[q.id].longest for q in scen), len(scen))}")
    print(f"  right option shortest (satu+kasus): {pct(sum(map(shortest_is_right, chosen)), len(chosen))}")
    places = Counter(q.pilihan.index(q.jawaban[0]) + 1 for q in chosen)
    print("  right option's place (satu+kasus; options are shown in file order): "
          + ", ".join(f"{n}. {pct(places[n], len(chosen))}" for n in sorted(places)))
    over = [f"{q.id} ({lengths[q.id].ratio:.2f}x)" for q in chosen if lengths[q.id].ratio > STANDOUT_RATIO]
    print(f"  right option > {STANDOUT_RATIO}x next longest: {len(over)}" + (": " + ", ".join(over) if over else ""))
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

    dupes = near_duplicates([(q.id, q) for _, q in everything])
    print(f"\n== Near-duplicate pairs (as tksk validate finds them): {len(dupes)}"
          + "".join(f"\n    {a} / {b}: {j:.2f}" for a, b, j in dupes))

    print("\n== Questions whose rujukan is not reachable from their module's readings")
    outside = [f"{m.id}: {q.id} -> {q.rujukan}" for m, q in everything if q.rujukan not in readable_from(m, handbook)]
    print(f"  {len(outside)}" + "".join(f"\n    {line}" for line in outside))

    per_module = [f"{m.id} ({len(m.data.soal)})" for m in handbook.of_type("modul") if len(m.data.soal) < 5]
    ids = [q.id for _, q in everything]
    print(f"\n== {len(everything)} questions, {len(set(ids))} distinct ids; modules under 5 questions: "
          f"{', '.join(per_module) or 'none'}")


if __name__ == "__main__":
    main()
