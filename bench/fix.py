"""Benchmark of `drafter fix` on the hand-made real plan of the tests (tests/fix/real_plan.py:
Kế hoạch 5571/KH-UBND, about 5 pages, some 60 repairs) and on the compliant plan of the checker's
tests (nothing to repair: one check only).

    python bench/fix.py [--runs N]

Prints the median ms of `fix_bytes` over N runs, the number of changes and of check rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fix"))
sys.path.insert(0, str(ROOT / "tests" / "check"))

from checkhelp import good_bytes  # noqa: E402
from real_plan import build  # noqa: E402

import drafter.fix as fix  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rounds = {"n": 0}
    original = fix._plan_round

    def counted(*args):
        rounds["n"] += 1
        return original(*args)

    fix._plan_round = counted
    for name, data in (("real plan, hand-made (5571/KH-UBND)", build()), ("compliant plan", good_bytes())):
        times = []
        for _ in range(runs):
            rounds["n"] = 0
            start = time.perf_counter()
            result = fix.fix_bytes(data)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:40s} {statistics.median(times):8.1f} ms  changes {len(result.changes):3d}  "
              f"rounds {rounds['n']}  findings {len(result.before)} → {len(result.after)}")


if __name__ == "__main__":
    main()
