"""`drafter new`: the wizard on a terminal, or, with --no-input, the same result from what
the command line gives (a kind, unit and year; or an earlier plan file and a year)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from drafter.cli_usage import check_year
from drafter.errors import EXIT_OK, Location, UsageError

NO_TERMINAL = ("không có bàn phím để hỏi đáp (đầu vào không phải terminal): thêm --no-input cùng --kind, "
               "--unit, --year, -o, hoặc dựng từ tệp trả lời có sẵn bằng «drafter render»")


def new_command(*, kind: str | None, unit: str | None, year: int | None, output: Path | None,
                signer: str | None, no_input: bool, force: bool, source: Path | None,
                resume_file: Path | None, echo: Callable[[str], None] = print,
                template: Path | None = None, pdf: bool = False) -> int:
    check_year(year)
    if resume_file and (source or kind or unit):
        raise UsageError("--resume tiếp tục đúng các câu trả lời đã lưu; bỏ --from, --kind, --unit",
                         Location(field="--resume"))
    if source and (kind or unit):
        raise UsageError("tệp --from đã có loại kế hoạch và đơn vị; bỏ --kind, --unit", Location(field="--from"))
    if no_input:
        if resume_file:
            raise UsageError("--resume cần trả lời câu hỏi; bỏ --no-input", Location(field="--resume"))
        if pdf or template:
            raise UsageError("--no-input chỉ ghi tệp trả lời; dựng văn bản bằng «drafter render <tệp> --pdf»",
                             Location(field="--pdf" if pdf else "--template"))
        return _no_input(kind, unit, year, output, signer, force, source, echo)
    if not sys.stdin.isatty():
        raise UsageError(NO_TERMINAL, Location(field="--no-input"))
    from drafter.wizard.flow import Wizard
    from drafter.wizard.start import initial_state

    state = initial_state(kind=kind, unit=unit, year=year, output=output, signer=signer,
                          source=source, resume_file=resume_file)
    return Wizard(state, force=force, resume_file=resume_file, template=template, pdf=pdf).run()


def _no_input(kind, unit, year, output, signer, force, source, echo) -> int:
    from drafter.answers import dump_plan
    from drafter.fileio import write_atomic

    changes = []
    if source:
        from drafter.wizard import naming
        from drafter.wizard.edition import next_edition

        from drafter.importer import load_any

        plan, report = load_any(source)  # an answers file, or last year's plan in any format
        if report is not None:
            echo(report.text())
        old = plan.year
        if year is not None:
            plan, changes = next_edition(plan, year)
        output = output or naming.suggest(None, "", plan.year, str(source), old)
    else:
        missing = [name for name, value in (("--kind", kind), ("--unit", unit), ("--year", year), ("-o", output))
                   if value is None]
        if missing:
            raise UsageError(f"với --no-input cần {', '.join(missing)} (hoặc --from <tệp trả lời>)",
                             Location(field=missing[0]))
        from drafter.presets import scaffold
        from drafter.units.registry import AmbiguousUnitError, UnitNotFoundError

        try:
            plan = scaffold(kind, unit, year, signer)
        except (UnitNotFoundError, AmbiguousUnitError) as error:
            error.location = Location(field="--unit")  # the name the user typed
            raise
    write_atomic(output, dump_plan(plan).encode("utf-8"), force=force)
    for change in changes:
        echo(f"  - {change.describe()}")
    from drafter.wizard.naming import written

    echo(written(output))
    return EXIT_OK
