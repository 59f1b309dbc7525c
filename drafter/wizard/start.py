"""The wizard's first state, from the command line: given answers are kept (and not asked on
the first pass), `--from` pre-fills every step from an earlier plan — an answers file, or a Word,
PDF or text plan read as `drafter import` reads it (`--year` turns it into next year's edition),
`--resume` continues a saved run."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import Location
from drafter.wizard import state as saved
from drafter.wizard.state import State


def initial_state(*, kind: str | None, unit: str | None, year: int | None, output: Path | None,
                  signer: str | None, source: Path | None, resume_file: Path | None) -> State:
    if resume_file:
        return saved.load(resume_file)
    st = State(tep_ra=str(output) if output else None, nguoi_ky=signer)
    given = []
    if source:
        _from_file(st, source, year)
        given += ["nam"] if year else []
    else:
        if kind:
            from drafter.presets.kinds import get_kind

            st.loai = get_kind(kind).id
            given.append("loai")
        if year:
            st.nam = year
            given.append("nam")
        if unit:
            _unit(st, unit)
            given.append("don_vi")
    if signer:
        given.append("nguoi_ky")
    st.da_cho = given
    return st


def _unit(st: State, query: str) -> None:
    from drafter.units import UnitRegistry
    from drafter.units.model import PROVINCE

    reg = UnitRegistry.load()
    found = reg.find(query, legacy=st.legacy, location=Location(field="--unit"))
    province = found if found.level == PROVINCE else reg.province_of(found)
    st.set_unit("tinh" if found.level == PROVINCE else "xa", province, found, st.legacy)


def _from_file(st: State, source: Path, year: int | None) -> None:
    from drafter.importer import load_any
    from drafter.plan.levels import REFORM_DATE
    from drafter.wizard.dates import shown
    from drafter.wizard.context import find_unit, plan_context, reference_date
    from drafter.wizard.edition import next_edition

    plan, report = load_any(source)  # an answers file, or last year's plan in any format
    if report is not None:
        from drafter.wizard.say import say

        say(report.text())
    st.tu_tep, st.nam_goc = str(source), plan.year
    if year is not None and year != plan.year:
        plan, changes = next_edition(plan, year)
        st.thay_doi = [c.describe() for c in changes]
    st.set_plan(plan)
    st.nam, st.so, st.ngay = plan.year, plan.so, shown(st.ke_hoach)
    st.truoc_sap_xep = reference_date(plan) < REFORM_DATE if plan.year == 2025 else None
    st.nguoi_ky = st.nguoi_ky or plan.chu_ky.nguoi_ky or None
    unit = find_unit(plan)
    if unit is not None:
        from drafter.units import UnitRegistry

        province = unit if plan.co_quan.cap == "tinh" else UnitRegistry.load().province_of(unit)
        st.set_unit(plan.co_quan.cap, province, unit, unit.legacy)
    ctx = plan_context(plan)
    st.noi_nhan_goc = ctx.derived_recipients(plan) if ctx else []
