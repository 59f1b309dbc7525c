"""Every unit of both snapshots is found by its fully qualified name (commune, district,
province — the district part looked up inside the province) and by its official code."""

from __future__ import annotations

import pytest

from drafter.units import DISTRICT, PROVINCE, UnitNotFoundError, UnitRegistry


@pytest.fixture(scope="module")
def reg() -> UnitRegistry:
    return UnitRegistry.load()


def qualified(reg: UnitRegistry, unit) -> str:
    era = reg._of(unit.legacy)
    parts = [unit.full_name]
    if unit.district_code:
        parts.append(era.by_code[DISTRICT][unit.district_code].full_name)
    if unit.province_code:
        parts.append(era.by_code[PROVINCE][unit.province_code].full_name)
    return ", ".join(parts)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("legacy", [False, True], ids=["2025", "truoc-2025"])
def test_every_unit_by_qualified_name_and_by_code(reg: UnitRegistry, legacy: bool) -> None:
    units = reg._of(legacy).snapshot.units
    assert len(units) > (10_000 if legacy else 3_000)
    wrong = []
    for unit in units:
        for query in (qualified(reg, unit), unit.code):
            got = reg.find(query, legacy=legacy)
            if (got.level, got.code) != (unit.level, unit.code):
                wrong.append(f"{query} → {reg.describe(got)}")
    assert wrong == []


def test_district_part_is_looked_up_in_its_province(reg: UnitRegistry) -> None:
    # huyện Châu Thành existed in several provinces: the province that follows decides.
    unit = reg.find("xã Mong Thọ A, huyện Châu Thành, tỉnh Kiên Giang", legacy=True)
    assert reg.describe(unit) == "xã Mong Thọ A (huyện Châu Thành, tỉnh Kiên Giang)"


def test_unknown_code_is_explained(reg: UnitRegistry) -> None:
    with pytest.raises(UnitNotFoundError, match="mã «99999»"):
        reg.find("99999")
    with pytest.raises(UnitNotFoundError):
        reg.find("22333", level=PROVINCE)


def test_code_is_accepted_where_a_unit_is_asked() -> None:
    from drafter.presets import list_kinds, scaffold

    plan = scaffold(list_kinds()[0][0], "22333", 2026, None)
    assert plan.co_quan.ma == "22333" and plan.co_quan.unit_name == "phường Bắc Nha Trang"
