"""What the presets know about a plan's issuer: its unit, agency catalogue and the names
used to fill agency templates, on the plan's date. None for a plan the presets cannot place
(a district-level plan, a unit missing from the registry): the wizard then only edits text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from drafter.errors import InputError
from drafter.plan.levels import REFORM_DATE
from drafter.plan.model import Plan
from drafter.presets import recipients
from drafter.presets.agencies import Catalogue, catalogue_for
from drafter.presets.scaffold import _values  # the same fill values the scaffold used
from drafter.units import UnitRegistry
from drafter.units.model import COMMUNE, PROVINCE, Unit


@dataclass
class Context:
    unit: Unit
    level: str
    on: dt.date
    catalogue: Catalogue
    values: dict[str, str]

    def agency_names(self) -> list[str]:
        return [a.name(self.values) for a in self.catalogue.co_quan if a.valid_on(self.on)]

    def derived_recipients(self, plan: Plan) -> list[str]:
        return recipients.derive(plan, self.catalogue, self.values, self.on)[0]


def reference_date(plan: Plan) -> dt.date:
    """The plan's date, or the end of its month or year for a draft (as the scaffold does)."""
    if plan.ngay:
        return plan.ngay
    if plan.thang:
        return dt.date(plan.year, plan.thang, 28)
    return dt.date(plan.year, 12, 31)


def find_unit(plan: Plan, units: UnitRegistry | None = None) -> Unit | None:
    registry = units or UnitRegistry.load()
    legacy = reference_date(plan) < REFORM_DATE
    issuer = plan.co_quan
    if issuer.ma:
        found = registry.get(issuer.ma, legacy=legacy)
        if found is not None:
            return found
    try:
        return registry.find(issuer.unit_name, level=PROVINCE if issuer.cap == "tinh" else COMMUNE, legacy=legacy)
    except (InputError, KeyError, ValueError):
        return None


def plan_context(plan: Plan, units: UnitRegistry | None = None) -> Context | None:
    if plan.co_quan.cap not in ("tinh", "xa"):
        return None
    registry = units or UnitRegistry.load()
    unit = find_unit(plan, registry)
    if unit is None:
        return None
    on = reference_date(plan)
    catalogue = catalogue_for(plan.co_quan.cap, on)
    values = _values(unit, registry, plan.co_quan.cap, plan.year, catalogue)
    return Context(unit, plan.co_quan.cap, on, catalogue, values)
