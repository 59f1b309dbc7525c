"""Vietnamese administrative units: the 34 provinces and 3,321 communes in force since
1 July 2025, and the 63 provinces, districts and communes before it, from a bundled
snapshot (presets/don-vi-hanh-chinh/, made by tools/make_units_snapshot.py)."""

from drafter.units.model import (
    COMMUNE,
    DISTRICT,
    ERA_2025,
    ERA_LEGACY,
    PROVINCE,
    Unit,
)
from drafter.units.registry import (
    AmbiguousUnitError,
    UnitNotFoundError,
    UnitRegistry,
    find,
    replaced_name_hint,
    search,
)

__all__ = [
    "COMMUNE",
    "DISTRICT",
    "ERA_2025",
    "ERA_LEGACY",
    "PROVINCE",
    "AmbiguousUnitError",
    "Unit",
    "UnitNotFoundError",
    "UnitRegistry",
    "find",
    "replaced_name_hint",
    "search",
]
