"""The lookup indexes of one era's units, and what a query asks for (name and filters)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.units import normalize as nz
from drafter.units.model import COMMUNE, DISTRICT, LEVEL_RANK, PROVINCE, Snapshot, Unit


@dataclass
class EraIndex:
    """The units of one era with their lookup indexes."""

    snapshot: Snapshot
    by_code: dict[str, dict[str, Unit]] = field(default_factory=dict)  # level -> code -> unit
    tone: dict[str, list[Unit]] = field(default_factory=dict)
    plain: dict[str, list[Unit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for unit in self.snapshot.units:
            self.by_code.setdefault(unit.level, {})[unit.code] = unit
            for name in (unit.name, *unit.aliases):
                self.tone.setdefault(nz.tone_key(name), []).append(unit)
                self.plain.setdefault(nz.plain_key(name), []).append(unit)

    def get(self, code: str) -> Unit | None:
        for level in (PROVINCE, DISTRICT, COMMUNE):
            unit = self.by_code.get(level, {}).get(code)
            if unit is not None:
                return unit
        return None


@dataclass
class Scope:
    """What a query asks for: a name, and optional level, province and district filters."""

    name: str
    level: str | None = None
    province: str | None = None
    district: str | None = None

    def keeps(self, unit: Unit, type_word: str | None) -> bool:
        return (
            (type_word is None or unit.type_word == type_word)
            and (self.level is None or unit.level == self.level)
            and (self.province is None or unit.province_code == self.province or unit.code == self.province)
            and (self.district is None or unit.district_code == self.district)
        )


def sort_key(unit: Unit) -> tuple[int, str, str]:
    return (LEVEL_RANK[unit.level], unit.province_code or "", unit.code)


def top_level(units: list[Unit]) -> list[Unit]:
    """The units of the highest level among them ("Khánh Hòa" is the province, not the commune)."""
    if not units:
        return units
    top = min(LEVEL_RANK[u.level] for u in units)
    return [u for u in units if LEVEL_RANK[u.level] == top]


def split_parents(query: str) -> tuple[str, list[str]]:
    """"xã Tân Định, tỉnh Bắc Ninh" → ("xã Tân Định", ["tỉnh Bắc Ninh"])."""
    parts = [p.strip() for p in query.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return "", []
    return parts[0], parts[1:]
