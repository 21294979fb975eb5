"""Write a valid synthetic handbook of a given size (tests/support/scaled_data.py), for benchmarks.

    python bench/generate.py /tmp/hb-1000 --records 1000      # then: tksk build --root /tmp/hb-1000
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.load.handbook import load_handbook
from tests.support.scaled_data import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Make a valid synthetic handbook of N records (for benchmarks).")
    parser.add_argument("dest", type=Path, help="folder to write (replaced)")
    parser.add_argument("--records", type=int, default=1000, help="records in the handbook (default 1000)")
    args = parser.parse_args(argv)
    generate(args.dest, args.records)
    counts = load_handbook(args.dest).counts()
    print(f"{args.dest}: {sum(counts.values())} records " + " ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
