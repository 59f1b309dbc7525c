"""Next year's edition as a library (no prompts)."""

import datetime as dt

from drafter.answers import load_plan
from drafter.paths import PRESETS
from drafter.plan.model import Plan
from drafter.wizard.edition import next_edition


def _plan(**extra) -> Plan:
    data = {"co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"}, "ngay": "2025-03-10",
            "trich_yeu": "Thực hiện dân chủ ở cơ sở năm 2025",
            "noi_dung": [{"muc": "Nội dung", "noi_dung": ["Năm 2025 tiếp tục thực hiện."]}],
            "chu_ky": {"nguoi_ky": "A"}, **extra}
    return Plan.model_validate(data)


def test_years_move_but_dates_and_periods_stay():
    plan = _plan(noi_dung=[{"muc": "Nội dung", "noi_dung": [
        "Từ ngày 01/7/2025, giai đoạn 2021-2025 và 2021–2025; năm 2025 triển khai."]}])
    new, changes = next_edition(plan, 2026)
    text = new.noi_dung[0].noi_dung[0].doan
    assert text == "Từ ngày 01/7/2025, giai đoạn 2021-2025 và 2021–2025; năm 2026 triển khai."
    assert new.trich_yeu == ["Thực hiện dân chủ ở cơ sở năm 2026"] and new.ngay == dt.date(2026, 3, 10)
    assert {c.part for c in changes} == {"Ngày", "Tên kế hoạch", "Nội dung"}


def test_29_february_and_drafts():
    assert next_edition(_plan(ngay="2024-02-29"), 2025)[0].ngay == dt.date(2025, 2, 28)
    draft = _plan(ngay=None, nam=2025, thang=11)
    new, _ = next_edition(draft, 2026)
    assert (new.nam, new.thang, new.ngay) == (2026, 11, None)


def test_same_year_changes_nothing():
    plan = _plan()
    assert next_edition(plan, 2025) == (plan, [])


def test_abolished_names_replaced_or_flagged():
    plan = _plan(noi_dung=[{"muc": "Nội dung", "noi_dung": [
        {"nhiem_vu": {"chu_tri": "Sở Kế hoạch và Đầu tư", "phoi_hop": "UBND các huyện, thị xã, thành phố"}},
        {"nhiem_vu": {"chu_tri": "UBND huyện Diên Khánh", "phoi_hop": "Phòng Nội vụ"}}]}],
        noi_nhan=["Sở KH&ĐT", "Lưu trữ"])
    new, changes = next_edition(plan, 2026)
    first, second = (n.nhiem_vu for n in new.noi_dung[0].noi_dung)
    assert first.chu_tri == "Sở Tài chính"
    assert first.phoi_hop == "Ủy ban nhân dân các xã, phường, đặc khu"
    # A proper name follows, or the successor is a choice: kept and listed for a person to decide.
    assert second.chu_tri == "UBND huyện Diên Khánh" and second.phoi_hop == "Phòng Nội vụ"
    flagged = [c.before for c in changes if c.after is None]
    assert "UBND huyện" in flagged and "Phòng Nội vụ" in flagged
    assert new.noi_nhan == ["Sở Tài chính", "Lưu trữ"]


def test_replaced_basis_swapped_for_its_successor():
    old_law = {"can_cu": {"loai": "Luật", "ten": "Tổ chức chính quyền địa phương", "ngay": "2015-06-19"}}
    new, changes = next_edition(_plan(can_cu=[old_law]), 2026)
    assert new.can_cu[0].citation.ngay == dt.date(2025, 6, 16)
    assert any(c.part == "Căn cứ" and "được thay thế" in c.reason for c in changes)
    both = {"can_cu": {"loai": "Luật", "ten": "Tổ chức chính quyền địa phương", "ngay": "2025-06-16"}}
    new, _ = next_edition(_plan(ngay="2025-08-01", can_cu=[old_law, both]), 2026)
    assert len(new.can_cu) == 1  # the successor was already cited: the old law just goes


def test_merged_unit_is_flagged():
    plan = load_plan(PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml")
    _, changes = next_edition(plan, 2026)
    gone = [c for c in changes if c.part == "Đơn vị ban hành"]
    assert gone and "Thành phố Hồ Chí Minh" in gone[0].reason
