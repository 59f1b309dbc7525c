"""Print milliseconds per plan to render each example (load answers + render DOCX)."""

from __future__ import annotations

import statistics
import time

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.paths import PRESETS

REPEAT = 10


def main() -> None:
    for path in sorted((PRESETS / "examples").glob("*.yaml")):
        load_plan(path)  # warm caches (rules, labels)
        times = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            data = render_docx(load_plan(path))
            times.append((time.perf_counter() - start) * 1000)
        print(f"{path.name}: {statistics.median(times):.1f} ms/kế hoạch (trung vị {REPEAT} lần, "
              f"nhỏ nhất {min(times):.1f} ms), {len(data) // 1024} KiB")


if __name__ == "__main__":
    main()
