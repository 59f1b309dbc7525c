"""What became of a unit name from before 1 July 2025: a province merged into another, a district
level abolished, a commune or thị trấn gone into a new commune. Used for hints when a name is not
found among the current units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.errors import InputError
from drafter.plan.levels import REFORM_DATE
from drafter.units import normalize as nz
from drafter.units.index import top_level
from drafter.units.model import COMMUNE, DISTRICT, ERA_2025, PROVINCE, Unit
from drafter.units.registry import MAX_SUGGESTIONS  # registry imports this module only when used
from drafter.vn import date_numeric

if TYPE_CHECKING:
    from drafter.units.registry import UnitRegistry


def replaced_name_hint(registry: UnitRegistry, name: str) -> str | None:
    """Explain what became of a pre-2025 name that no longer exists, or None."""
    try:
        if registry.search(name):
            return None
        old = top_level(registry.search(name, legacy=True))
    except InputError:  # an unknown ", <tỉnh>" part: nothing to say
        return None
    type_word = nz.interpretations(nz.clean(name).split(",")[0])[-1].type_word
    if type_word in {"huyện", "quận", "thị xã"} or (old and old[0].level == DISTRICT):
        return _district_hint(registry, old)
    if not old:
        if type_word == "thị trấn":
            return f"thị trấn không còn là đơn vị hành chính từ {_reform()}"
        return None
    lines = [_moved_hint(registry, u) for u in old[:MAX_SUGGESTIONS]]
    return "; ".join(line for line in lines if line) or None


def _reform() -> str:
    return date_numeric(REFORM_DATE)


def _district_hint(registry: UnitRegistry, old: list[Unit]) -> str:
    text = f"cấp huyện (huyện, quận, thị xã, thành phố thuộc tỉnh) đã bị bãi bỏ từ {_reform()}"
    places = []
    for unit in old[:MAX_SUGGESTIONS]:
        province = registry.province_of(unit)
        if province is None:
            continue
        if unit.successors:
            now = f", nay là {_successors(registry, unit)}"
        else:
            new = _successors(registry, province)
            now = f", nay thuộc {new}" if new and new != province.full_name else ""
        places.append(f"{unit.full_name} trước đây thuộc {province.full_name}{now}")
    return text + ("; " + "; ".join(places) if places else "")


def _moved_hint(registry: UnitRegistry, unit: Unit) -> str | None:
    new = _successors(registry, unit)
    if not new:
        return None
    if unit.level == PROVINCE:
        return f"từ {_reform()}, {unit.full_name} đã được nhập vào {new}"
    prefix = "thị trấn không còn là đơn vị hành chính; " if unit.type_word == "thị trấn" else ""
    return f"{prefix}từ {_reform()}, {registry.describe(unit)} nay thuộc {new}"


def _successors(registry: UnitRegistry, unit: Unit) -> str | None:
    """The 2025 units a legacy unit went into, described: "phường Hồng Hà (thành phố Hà Nội)"."""
    level = PROVINCE if unit.level == PROVINCE else COMMUNE
    units = registry.era_units(ERA_2025, level)
    names = [registry.describe(units[code]) for code in unit.successors if code in units]
    return ", ".join(names) or None
