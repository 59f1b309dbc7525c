"""Header rules: issuing body, Quốc hiệu, Tiêu ngữ, their rules, lines wrapping in their cell,
Số and the date line. Each test breaks the good plan in one way and expects that rule."""

from __future__ import annotations

import pytest
from checkhelp import (
    fired, for_runs, of_rule, para, remove, remove_border, rule_ids, set_text, styled,
)
from docx.shared import Mm, Pt

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"


# -- issuing body ---------------------------------------------------------------------------------


def test_issuer_not_bold() -> None:
    got = fired(lambda d: for_runs(para(d, "PHƯỜNG TÂN ĐỊNH"), bold=False))
    [f] = of_rule(got, "ND30-H1")
    assert "không đậm" in f.found and f.where == "bảng 1, hàng 1, cột 1"


def test_issuer_size_out_of_range() -> None:
    got = fired(lambda d: for_runs(para(d, "ỦY BAN NHÂN DÂN"), size=14))
    assert "cỡ chữ 14 pt" in of_rule(got, "ND30-H1")[0].found


def test_issuer_lowercase_but_caps_formatting_passes() -> None:
    def lower_with_caps(d):
        p = para(d, "PHƯỜNG TÂN ĐỊNH")
        set_text(p, "Phường Tân Định")
        for_runs(p, all_caps=True)
    assert "ND30-H1" not in rule_ids(fired(lower_with_caps))
    got = fired(lambda d: set_text(para(d, "PHƯỜNG TÂN ĐỊNH"), "Phường Tân Định"))
    assert "chưa in hoa" in of_rule(got, "ND30-H1")[0].found


def test_issuer_rule_missing() -> None:
    got = fired(lambda d: remove(styled(d, "Đường kẻ cơ quan")[0]))
    assert "ND30-H2" in rule_ids(got)
    got = fired(lambda d: remove_border(styled(d, "Đường kẻ cơ quan")[0]))
    assert "ND30-H2" in rule_ids(got)


def test_issuer_rule_too_long() -> None:
    def full_width(d):
        rule = styled(d, "Đường kẻ cơ quan")[0]
        rule.paragraph_format.left_indent = Mm(0)
        rule.paragraph_format.right_indent = Mm(0)
    [f] = of_rule(fired(full_width), "ND30-H3")
    assert f.severity == "warning" and "33–50" in f.expected


def test_issuer_rule_as_bottom_border_of_the_text_is_measured() -> None:
    def border_on_text(d):
        remove(styled(d, "Đường kẻ cơ quan")[0])
        p = para(d, "PHƯỜNG TÂN ĐỊNH")
        p.style = d.styles["Đường kẻ cơ quan"]  # bottom border, but 4 pt text: fix the runs back
        for_runs(p, size=13, bold=True)
        p.paragraph_format.left_indent = Mm(12)
        p.paragraph_format.right_indent = Mm(12)
    got = fired(border_on_text)
    assert "ND30-H2" not in rule_ids(got)
    assert "ND30-H3" in rule_ids(got)  # 40 mm under a 40 mm line: as long as the text


# -- Quốc hiệu, Tiêu ngữ ----------------------------------------------------------------------------


def test_quoc_hieu_wrong_text() -> None:
    got = fired(lambda d: set_text(para(d, QH), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT-NAM"))
    assert of_rule(got, "ND30-H4")[0].expected.endswith(f"«{QH}»")


def test_quoc_hieu_old_tone_placement_is_the_same_text() -> None:
    assert "ND30-H4" not in rule_ids(fired(lambda d: set_text(para(d, QH), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")))


def test_quoc_hieu_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, QH), bold=False, size=14))
    [f] = of_rule(got, "ND30-H4")
    assert "không đậm" in f.found and "cỡ chữ 14 pt" in f.found


def test_quoc_hieu_missing() -> None:
    got = fired(lambda d: remove(para(d, QH)))
    assert "không thấy Quốc hiệu" in of_rule(got, "ND30-H4")[0].found


def test_tieu_ngu_dashes_and_case() -> None:
    got = fired(lambda d: set_text(para(d, "Độc lập"), "Độc lập – Tự do – Hạnh phúc"))
    assert "ND30-H5" in rule_ids(got)
    got = fired(lambda d: set_text(para(d, "Độc lập"), "Độc lập-Tự do-Hạnh phúc"))
    assert "ND30-H5" in rule_ids(got)


def test_tieu_ngu_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, "Độc lập"), bold=False))
    assert "không đậm" in of_rule(got, "ND30-H5")[0].found


def test_motto_rule_missing_and_short() -> None:
    got = fired(lambda d: remove(styled(d, "Đường kẻ tiêu ngữ")[0]))
    assert "ND30-H6" in rule_ids(got)

    def short_rule(d):
        rule = styled(d, "Đường kẻ tiêu ngữ")[0]
        rule.paragraph_format.left_indent = Mm(30)
        rule.paragraph_format.right_indent = Mm(30)
    [f] = of_rule(fired(short_rule), "ND30-H7")
    assert f.severity == "warning"


def test_header_line_wrapping_in_a_narrow_cell() -> None:
    def narrow(d):
        table = d.tables[0]
        for row in table.rows:
            row.cells[1].width = Mm(75)
    got = fired(narrow)
    wrapped = of_rule(got, "ND30-H8")
    assert wrapped and wrapped[0].severity == "warning"
    assert any(QH in f.found for f in wrapped)


# -- Số, ký hiệu ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, problem, fixed", [
    ("Số: 7/KH-UBND", "số 0 phía trước", "Số: 07/KH-UBND"),
    ("Số: 07 /KH-UBND", "trước «/»", "Số: 07/KH-UBND"),
    ("Số: 07/ KH-UBND", "sau «/»", "Số: 07/KH-UBND"),
    ("Số 07/KH-UBND", "dấu «:»", "Số: 07/KH-UBND"),
    ("Số: 07/KH - UBND", "viết liền", "Số: 07/KH-UBND"),
])
def test_number_line(text: str, problem: str, fixed: str) -> None:
    got = fired(lambda d: set_text(para(d, "Số:"), text))
    [f] = of_rule(got, "ND30-S1")
    assert problem in f.message and f.expected == fixed


@pytest.mark.parametrize("text", ["Số: 05/KH-UBND", "Số: 5571/KH-UBND", "Số:      /KH-UBND", "Số: /KH-UBND"])
def test_number_line_correct_forms(text: str) -> None:
    assert not {"ND30-S1", "ND30-S2"} & rule_ids(fired(lambda d: set_text(para(d, "Số:"), text)))


def test_number_sign_of_another_type() -> None:
    [f] = of_rule(fired(lambda d: set_text(para(d, "Số:"), "Số: 07/QĐ-UBND")), "ND30-S2")
    assert f.found == "QĐ-UBND" and f.expected == "KH-UBND" and f.severity == "warning"


def test_number_line_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, "Số:"), size=14))
    assert "cỡ chữ 14 pt" in of_rule(got, "ND30-S3")[0].found


def test_number_line_missing() -> None:
    assert "ND30-S1" in rule_ids(fired(lambda d: remove(para(d, "Số:"))))


# -- place and date -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, problem", [
    ("Tân Định, ngày 5 tháng 9 năm 2025", "ngày nhỏ hơn 10"),
    ("Tân Định, ngày 05 tháng 09 năm 2025", "tháng 9 không có số 0"),
    ("Tân Định, ngày 15 tháng 1 năm 2026", "có số 0 phía trước (tháng 01)"),
    ("Tân Định, ngày 15 tháng 2 năm 2026", "(tháng 02)"),
    ("Tân Định ngày 05 tháng 9 năm 2025", "thiếu dấu «,»"),
    ("Tân Định, ngày 31 tháng 9 năm 2025", "không có thật"),
    ("Tân Định, ngày 05/9/2025", "không đúng dạng"),
])
def test_date_line(text: str, problem: str) -> None:
    got = fired(lambda d: set_text(para(d, "Tân Định, ngày"), text))
    [f] = of_rule(got, "ND30-N1")
    assert problem in f.message


@pytest.mark.parametrize("text", [
    "Tân Định, ngày 05 tháng 01 năm 2026",
    "Tân Định, ngày 10 tháng 10 năm 2025",
    "Tân Định, ngày    tháng    năm 2025",
    "Tân Định, ngày    tháng 9 năm 2025",
])
def test_date_line_correct_forms(text: str) -> None:
    assert "ND30-N1" not in rule_ids(fired(lambda d: set_text(para(d, "Tân Định, ngày"), text)))


def test_date_line_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, "Tân Định, ngày"), italic=False))
    assert "không nghiêng" in of_rule(got, "ND30-N2")[0].found


def test_place_is_the_issuing_unit() -> None:
    got = fired(lambda d: set_text(para(d, "Tân Định, ngày"), "Hồ Chí Minh, ngày 05 tháng 9 năm 2025"))
    [f] = of_rule(got, "ND30-N3")
    assert f.found == "Hồ Chí Minh" and f.expected == "Tân Định" and f.severity == "warning"


def test_place_with_its_type_word_is_accepted() -> None:
    def hcm(d):
        set_text(para(d, "PHƯỜNG TÂN ĐỊNH"), "THÀNH PHỐ HỒ CHÍ MINH")
        set_text(para(d, "Tân Định, ngày"), "Thành phố Hồ Chí Minh, ngày 05 tháng 9 năm 2025")
    assert "ND30-N3" not in rule_ids(fired(hcm))


def test_place_of_a_unit_named_by_a_number_keeps_its_type_word() -> None:
    def ward_3(d):
        set_text(para(d, "PHƯỜNG TÂN ĐỊNH"), "PHƯỜNG 3")
        set_text(para(d, "Tân Định, ngày"), "Phường 3, ngày 05 tháng 9 năm 2025")
    assert "ND30-N3" not in rule_ids(fired(ward_3))
    got = fired(lambda d: set_text(para(d, "PHƯỜNG TÂN ĐỊNH"), "PHƯỜNG 3"))
    assert of_rule(got, "ND30-N3")[0].expected == "Phường 3"


def test_date_line_missing() -> None:
    got = fired(lambda d: remove(para(d, "Tân Định, ngày")))
    [f] = of_rule(got, "ND30-N1")
    assert f.message.startswith("Ngày, tháng, năm ban hành: không thấy dòng địa danh")


def test_size_helper_is_points() -> None:
    assert Pt(13).pt == 13
