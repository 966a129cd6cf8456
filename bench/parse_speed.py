"""Parse speed: cables per second on one core over a folder of cables (default: cables/).

Reads every file once, then parses the whole set repeatedly and reports the best and the
median of several rounds, so that the figure is stable. Time is the process's CPU time, so a
busy machine does not lower the figure. Usage:

    python bench/parse_speed.py [folder] [--rounds 7] [--min-seconds 0.5]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.errors import CableError
from generator.parse import parse_cable
from generator.sources import find_cables, read_source


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder", nargs="?", default="cables", type=Path)
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--min-seconds", type=float, default=0.5, help="least CPU time spent in one round")
    arguments = options.parse_args()
    sources = [read_source(path) for path in find_cables(arguments.folder)]
    if not sources:
        print(f"no cables in {arguments.folder}", file=sys.stderr)
        return 1
    size = sum(len("\n".join(source.lines)) for source in sources)
    rates = []
    for _ in range(arguments.rounds):
        parsed, started = 0, time.process_time()
        while True:
            for source in sources:
                with contextlib.suppress(CableError):  # a refused stub still counts as work done
                    parse_cable(source)
                parsed += 1
            elapsed = time.process_time() - started
            if elapsed >= arguments.min_seconds:
                break
        rates.append(parsed / elapsed)
    print(f"{len(sources)} cables, {size / len(sources) / 1000:.1f} kB average")
    print(f"best {max(rates):,.0f} cables/second, median {statistics.median(rates):,.0f} cables/second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
