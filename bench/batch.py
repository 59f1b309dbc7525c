"""Benchmark of `drafter batch` against a naive docxtpl loop, in one process, on the same answers.

    python bench/batch.py [--naive 200] [--communes 0] [--full-run]

1. Naive loop on the plans of the first --naive communes (answers built before timing):
   `DocxTemplate(path).render(ctx).save(buffer)` per plan.
2. Batch on the same plans: `PreparedTemplate.render(plan)` (context included in both).
3. Every commune of the country (3,321): answers built (scaffold) and rendered one at a time, as
   a batch run does; then the same with `check_docx_bytes` on each document.
4. With --full-run: the whole `run_batch` into a temporary folder (answers files, atomic writes,
   checks, summary rows), as `drafter batch run --ca-nuoc` does it.

Prints both rates, their ratio, the times for all communes and the peak resident memory, with
the load average (the machine is shared: figures under load are slower). Targets on the 2-core
machine: ≥ 9× the naive loop; all communes rendered ≤ 17 s, rendered and checked ≤ 45 s; peak
memory ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from drafter.batch.model import load_model  # noqa: E402
from drafter.batch.outputs import OutputFolder  # noqa: E402
from drafter.batch.run import run_batch  # noqa: E402
from drafter.check import check_docx_bytes  # noqa: E402
from drafter.document.prepared import PreparedTemplate  # noqa: E402
from drafter.document.render import environment  # noqa: E402
from drafter.paths import DEFAULT_TEMPLATE  # noqa: E402
from drafter.plan.layout import context  # noqa: E402
from drafter.presets import BasisRegistry, scaffold  # noqa: E402
from drafter.units import UnitRegistry  # noqa: E402

KIND = "trien-khai-nghi-quyet"
YEAR = 2026


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def naive(plans) -> float:
    start = time.perf_counter()
    for plan in plans:
        tpl = DocxTemplate(str(DEFAULT_TEMPLATE))
        tpl.render(context(plan), jinja_env=environment(), autoescape=True)
        tpl.save(io.BytesIO())
    return time.perf_counter() - start


def prepared_loop(prepared, plans, *, check: bool = False) -> float:
    start = time.perf_counter()
    for plan in plans:
        data = prepared.render(plan)
        if check:
            check_docx_bytes(data)
    return time.perf_counter() - start


def cpu() -> float:
    """CPU seconds of this process: on a shared, loaded machine closer to what an idle one gives."""
    return time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive", type=int, default=200, help="plans for the naive loop (slow: ~50 ms each)")
    parser.add_argument("--communes", type=int, default=0, help="limit the communes (0: all)")
    parser.add_argument("--full-run", action="store_true", help="also time run_batch writing every file")
    args = parser.parse_args()

    print(f"load average at start: {load()} (2 cores, shared)")
    registry, bases = UnitRegistry.load(), BasisRegistry.load()
    communes = registry.communes()
    if args.communes:
        communes = communes[: args.communes]
    sample = [scaffold(KIND, unit, YEAR, units=registry, bases=bases) for unit in communes[: args.naive]]
    start = time.perf_counter()
    prepared = PreparedTemplate.load(DEFAULT_TEMPLATE)
    print(f"prepare the template once: {(time.perf_counter() - start) * 1000:.0f} ms")
    prepared_loop(prepared, sample[:5])  # warm the caches of both paths alike
    naive(sample[:5])
    cpu_start = cpu()
    naive_s = naive(sample)
    naive_cpu, cpu_start = cpu() - cpu_start, cpu()
    batch_s = prepared_loop(prepared, sample)
    batch_cpu = cpu() - cpu_start
    naive_rate, batch_rate = len(sample) / naive_s, len(sample) / batch_s
    print(f"naive docxtpl loop: {naive_rate:7.1f} plans/s ({naive_s / len(sample) * 1000:.1f} ms each, {len(sample)} plans)")
    print(f"drafter batch     : {batch_rate:7.1f} plans/s ({batch_s / len(sample) * 1000:.1f} ms each, same plans)")
    print(f"ratio             : {batch_rate / naive_rate:.1f}x wall, {naive_cpu / batch_cpu:.1f}x CPU (target ≥ 9x)"
          f"   load average: {load()}")
    del sample

    # every commune: answers built and rendered one at a time, as a batch run does (no list kept)
    for check, label, target in ((False, "rendered", 17), (True, "rendered and checked", 45)):
        scaffold_s = render_s = 0.0
        cpu_start = cpu()
        for unit in communes:
            start = time.perf_counter()
            plan = scaffold(KIND, unit, YEAR, units=registry, bases=bases)
            scaffold_s += time.perf_counter() - start
            render_s += prepared_loop(prepared, [plan], check=check)
        print(f"all {len(communes)} communes {label}: {scaffold_s + render_s:.1f} s (answers {scaffold_s:.1f} s + "
              f"render{' and check' if check else ''} {render_s:.1f} s; target ≤ {target} s), CPU {cpu() - cpu_start:.1f} s"
              f"   load average: {load()}")
    print(f"peak resident memory: {peak_mb():.0f} MB (target ≤ 200 MB)")

    if args.full_run:
        model = load_model(KIND, None, year=YEAR, registry=registry)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = run_batch(model, communes, OutputFolder(Path(tmp)), year=YEAR, registry=registry)
            full_s = time.perf_counter() - start
        print(f"run_batch, every file written and checked: {full_s:.1f} s for {len(result.outcomes)} communes "
              f"({len(result.failed)} failed)   load average: {load()}")
        print(f"peak resident memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
