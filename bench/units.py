"""Benchmark of the unit snapshot: load time and lookup speed.

    python bench/units.py

Prints: ms for a cold load in a fresh interpreter (import + load), ms for a load in this
process (no cache), ms for the first use of the legacy data, and µs per `find` over 1,000
random lookups (names spelled in several forgiving ways).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from drafter.errors import InputError
from drafter.units import UnitRegistry
from drafter.units.registry import default_dir

COLD = """
import time
t = time.perf_counter()
from drafter.units import UnitRegistry
UnitRegistry.load()
print((time.perf_counter() - t) * 1000)
"""


def variants(name: str, type_word: str) -> list[str]:
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    return [name, f"{type_word} {name}", bare.lower(), name.upper(), name.replace("òa", "oà").replace("ủy", "uỷ")]


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    cold = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, cwd=root, check=True).stdout) for _ in range(5)]
    print(f"cold load (fresh interpreter, import + load), best of 5: {min(cold):.1f} ms")

    folder = default_dir()
    start = time.perf_counter()
    reg = UnitRegistry(folder / "don-vi-2025.json", folder / "don-vi-truoc-2025.json")
    print(f"load in process (2025 data, uncached): {(time.perf_counter() - start) * 1000:.1f} ms")
    start = time.perf_counter()
    reg.districts()
    print(f"first use of pre-2025 data: {(time.perf_counter() - start) * 1000:.1f} ms")

    rng = random.Random(2025)
    units = [*reg.provinces(), *reg.communes()]
    queries = [rng.choice(variants(u.name, u.type_word)) for u in rng.choices(units, k=1000)]
    found = ambiguous = 0
    start = time.perf_counter()
    for query in queries:
        try:
            reg.find(query)
            found += 1
        except InputError:
            ambiguous += 1
    elapsed = time.perf_counter() - start
    print(f"find: {elapsed / len(queries) * 1e6:.1f} µs per lookup over {len(queries)} lookups ({found} unique, {ambiguous} ambiguous)")

    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1024:.0f} KiB" for p in sorted(folder.glob("*.json")))
    print(f"snapshot files: {sizes}")


if __name__ == "__main__":
    main()
