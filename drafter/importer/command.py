"""The `drafter import` command: read a plan, write its answers file, print the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError, Location


def unit_fields(query: str) -> dict:
    """`co_quan` fields for a unit the user names ("tỉnh Bình Thuận"): the current registry first,
    then the one before 1/7/2025."""
    from drafter.units import find

    where = Location(field="--unit")
    try:
        found = find(query, location=where)
    except DrafterError as current_error:
        try:
            found = find(query, legacy=True, location=where)
        except DrafterError:
            raise current_error from None
    return {"cap": found.level, "loai": found.type_word, "ten": found.name}


def run_import(source: Path, output: Path, *, force: bool, fmt: str, unit: str | None,
               echo: Callable[[str], None], echo_err: Callable[[str], None]) -> int:
    from drafter.answers import dump_plan
    from drafter.fileio import write_atomic
    from drafter.importer import import_file

    plan, report = import_file(source, unit=unit_fields(unit) if unit else None)
    write_atomic(output, dump_plan(plan).encode("utf-8"), force=force)
    if fmt == "json":
        echo(report.json())
    else:
        echo_err(report.text())
        from drafter.wizard.naming import written

        echo(written(output))
    return 0
