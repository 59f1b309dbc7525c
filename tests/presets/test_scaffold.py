import datetime as dt

import pytest

from drafter.document.render import render_docx
from drafter.errors import InputError
from drafter.plan.layout import text_lines
from drafter.presets import list_kinds, scaffold
from drafter.presets.agencies import abolished_in, catalogue_for
from drafter.presets.kinds import all_kinds
from drafter.presets.recipients import task_texts

UNITS = {"tinh": "Khánh Hòa", "xa": "Bắc Nha Trang"}
LEGACY_UNITS = {"tinh": "Bình Phước", "xa": "Vạn Thắng, Khánh Hòa"}
CASES = [(k, lv, y) for k, kind in sorted(all_kinds().items()) for lv in kind.cap
         for y in (2026, 2023, 2024) if not kind.tu_nam or y >= kind.tu_nam]


def _make(kind, level, year):
    unit = UNITS[level] if year >= 2026 else LEGACY_UNITS[level]
    return scaffold(kind, unit, year, "Nguyễn Văn A")


@pytest.mark.parametrize("kind,level,year", CASES)
def test_scaffold_renders(kind, level, year):
    plan = _make(kind, level, year)
    assert plan.co_quan.cap == level
    assert render_docx(plan)[:2] == b"PK"
    lines = text_lines(plan)
    assert not any("{" in line for line in lines), [line for line in lines if "{" in line]
    if year >= 2026:
        assert abolished_in(lines, dt.date(2026, 1, 1)) == []


@pytest.mark.parametrize("kind,level,year", CASES)
def test_every_tasked_agency_is_a_recipient(kind, level, year):
    plan = _make(kind, level, year)
    on = dt.date(year, 12, 31)
    cat = catalogue_for(level, on)
    text = "\n".join(task_texts(plan.noi_dung)).casefold()
    from drafter.presets.scaffold import _values  # noqa: PLC0415
    del _values
    tasked = [a for a in cat.co_quan if a.name({"cap": plan.co_quan.loai, "ten": plan.co_quan.ten,
                                                "cap_uy": "Tỉnh ủy"}).casefold() in text]
    assert tasked
    for agency in tasked:
        assert any(agency.recipient({"cap": plan.co_quan.loai, "ten": plan.co_quan.ten, "cap_uy": "Tỉnh ủy"})
                   .split(" (")[0] in r for r in plan.noi_nhan), agency.id


def test_2023_plan_uses_2023_catalogue():
    plan = scaffold("trien-khai-luat", "Khánh Hòa", 2023, "A", date=dt.date(2023, 10, 5))
    lines = "\n".join(text_lines(plan))
    assert "Sở Thông tin và Truyền thông" in lines
    assert "UBND các huyện, thị xã, thành phố" in lines
    assert "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" in lines
    new = "\n".join(text_lines(scaffold("trien-khai-luat", "Khánh Hòa", 2026, "A")))
    assert "ngày 16 tháng 6 năm 2025" in new and "năm 2015" not in new
    assert "UBND các xã, phường, đặc khu" in new


def test_draft_and_dated():
    draft = scaffold("trien-khai-luat", "Bắc Nha Trang", 2026)
    assert draft.nam == 2026 and draft.ngay is None
    assert draft.luu == "VT, VP"
    assert draft.noi_nhan[0].startswith("UBND tỉnh")


def test_unknown_kind():
    with pytest.raises(InputError, match="không có loại kế hoạch"):
        scaffold("khong-co", "Khánh Hòa", 2026)


def test_list_kinds():
    ids = [k for k, _ in list_kinds()]
    assert {"trien-khai-luat", "hang-nam", "trien-khai-nghi-quyet"} <= set(ids)
