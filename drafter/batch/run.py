"""One tailored plan per commune: scaffold from the model for the commune's own unit, apply its
roster row, render through the prepared template, write DOCX and answers file, check the DOCX.

A problem with one commune (bad roster row, a value the plan rejects, a file edited by hand)
is recorded against that commune and the run goes on with the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from slugify import slugify

from drafter.answers import dump_plan
from drafter.batch.model import Model
from drafter.batch.outputs import OutputFolder
from drafter.batch.roster import Roster, RosterRow
from drafter.check import check_docx_bytes
from drafter.document.prepared import prepared_template
from drafter.errors import DrafterError, InputError, Location
from drafter.paths import DEFAULT_TEMPLATE
from drafter.plan.model import Plan
from drafter.presets import BasisRegistry, scaffold
from drafter.units import UnitRegistry
from drafter.units.model import Unit
from drafter.yamlio import validate

FAILED = "lỗi"


@dataclass
class Outcome:
    """One line of the summary: a commune (or a roster row that names none) and what became of it."""

    code: str
    name: str
    docx: Path | None = None
    status: str = FAILED
    errors: int = 0
    warnings: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == FAILED or self.errors > 0


@dataclass
class BatchResult:
    outcomes: list[Outcome]

    @property
    def documents(self) -> list[Path]:
        """Every DOCX of this run (written or already up to date): the input of a PDF step."""
        return [o.docx for o in self.outcomes if o.docx is not None and o.status != FAILED]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.failed]


def file_stem(unit: Unit) -> str:
    """`22333-phuong-bac-nha-trang`: the code keeps names unique, the name keeps them readable."""
    return slugify(f"{unit.code} {unit.full_name}")


def _plan(model: Model, unit: Unit, row: RosterRow | None, year: int, registry: UnitRegistry,
          bases: BasisRegistry) -> Plan:
    row = row or RosterRow(0, unit)
    missing = [k for k in model.extra if k not in row.extra]
    if missing:
        where = Location(line=row.row or None, field=missing[0])
        raise InputError(f"thiếu giá trị {', '.join('{' + k + '}' for k in missing)} của mẫu cho {unit.full_name}",
                         where, hint="điền cột cùng tên trong danh sách (drafter batch roster … MẪU)")
    plan = scaffold(model.kind, unit, year, row.nguoi_ky, row.ngay, registry, bases=bases,
                    source=model.source, extra=row.extra)
    if row.so is None and row.hinh_thuc is None and row.dia_danh is None:
        return plan
    data = plan.model_dump(mode="json", exclude_defaults=True)
    if row.so is not None:
        data["so"] = row.so
    if row.hinh_thuc is not None:
        data.setdefault("chu_ky", {})["hinh_thuc"] = row.hinh_thuc
    if row.dia_danh is not None:
        data["co_quan"]["dia_danh"] = row.dia_danh
    return validate(Plan, data, model.source)


def run_batch(model: Model, units: list[Unit], folder: OutputFolder, *, year: int, roster: Roster | None = None,
              registry: UnitRegistry | None = None, template: Path | None = None,
              advance: Callable[[Outcome], None] = lambda outcome: None) -> BatchResult:
    registry = registry or UnitRegistry.load()
    bases = BasisRegistry.load()
    prepared = prepared_template(template or DEFAULT_TEMPLATE)  # a broken template stops the run here
    outcomes: list[Outcome] = []
    rejected: dict[str, list[str]] = {}
    if roster is not None:
        codes = {u.code for u in units}
        for problem in roster.problems:
            text = str(problem.error(roster.path))
            if problem.unit is not None and problem.unit.code in codes:
                rejected.setdefault(problem.unit.code, []).append(text)
            else:
                outcomes.append(Outcome("", f"dòng {problem.row} của danh sách", problems=[text]))
    try:
        for unit in units:
            outcome = Outcome(unit.code, unit.full_name)
            if unit.code in rejected:
                outcome.problems = rejected[unit.code]
            else:
                _one(outcome, model, unit, roster.rows.get(unit.code) if roster else None, year, registry,
                     bases, prepared, folder)
            outcomes.append(outcome)
            advance(outcome)
    finally:
        folder.save()
    return BatchResult(outcomes)


def _one(outcome: Outcome, model: Model, unit: Unit, row: RosterRow | None, year: int, registry: UnitRegistry,
         bases: BasisRegistry, prepared, folder: OutputFolder) -> None:
    stem = file_stem(unit)
    try:
        plan = _plan(model, unit, row, year, registry, bases)
        data = prepared.render(plan)
        folder.write(f"{stem}.yaml", dump_plan(plan).encode("utf-8"))
        outcome.status = folder.write(f"{stem}.docx", data)
    except DrafterError as error:
        outcome.problems.append(str(error))
        return
    except OSError:  # disk full, permissions: this commune fails, the run goes on
        outcome.problems.append(f"thư mục {folder.path}: không ghi được tệp {stem} (đĩa đầy hoặc không có quyền ghi)")
        return
    outcome.docx = folder.path / f"{stem}.docx"
    findings = check_docx_bytes(data, outcome.docx)
    outcome.errors = sum(1 for f in findings if f.is_error)
    outcome.warnings = len(findings) - outcome.errors
    outcome.problems.extend(f"{f.rule} ({f.where}): {f.message}" for f in findings)


def default_year() -> int:
    return dt.date.today().year
