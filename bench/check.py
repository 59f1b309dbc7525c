"""Benchmark of `drafter check` on the rendered example plans (presets/examples/*.yaml).

    python bench/check.py [--runs N]

Renders every example to DOCX in memory, then prints for each plan: its estimated page count and
the median ms of `check_file` over N runs (open from disk, safety checks, parse, every rule),
per-text caches cleared before each run so that no run profits from the previous one. Also
prints the first (cold) check in this process, which loads the rules tables, and the text
checks of each example as plain text. Target: ≤ 30 ms for a 3-page plan.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.answers import load_plan  # noqa: E402
from drafter.check import check_file, check_text  # noqa: E402
from drafter.check.docx_checks import DocView  # noqa: E402
from drafter.check.page_checks import estimate_pages  # noqa: E402
from drafter.check.phrases import words_of  # noqa: E402
from drafter.check.package import Package  # noqa: E402
from drafter.check.safety import open_docx  # noqa: E402
from drafter.document.render import render_docx  # noqa: E402
from drafter.document.text import paragraph_texts  # noqa: E402
from drafter.paths import PRESETS  # noqa: E402


def _timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        words_of.cache_clear()
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    examples = sorted((PRESETS / "examples").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for example in examples:
            path = Path(tmp) / (example.stem + ".docx")
            path.write_bytes(render_docx(load_plan(example)))
            files.append(path)
        start = time.perf_counter()
        check_file(files[0])
        cold = (time.perf_counter() - start) * 1000
        print(f"first check (cold, loads the rules tables): {cold:.1f} ms")
        print(f"{'plan':<45} {'pages':>5} {'docx ms':>8} {'min':>6} {'text ms':>8}")
        medians = []
        for path in files:
            package = Package.from_bytes(path.read_bytes())
            pages = estimate_pages(package, DocView(package).paras)
            paragraphs = paragraph_texts(open_docx(path))
            docx_times = _timed(lambda: check_file(path), args.runs)
            text_times = _timed(lambda: check_text(paragraphs), args.runs)
            median = statistics.median(docx_times)
            medians.append(median)
            print(f"{path.stem:<45} {pages:>5.1f} {median:>8.1f} {min(docx_times):>6.1f} "
                  f"{statistics.median(text_times):>8.1f}")
        print(f"median over plans: {statistics.median(medians):.1f} ms per plan (target ≤ 30 ms for 3 pages)")


if __name__ == "__main__":
    main()
