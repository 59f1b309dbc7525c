"""Content rules: bodies abolished by the plan's date, capitals (PL-II), cited texts' dates."""

from __future__ import annotations

import pytest
from checkhelp import fired, insert_after, of_rule, para, rule_ids, set_text, text_findings


def plan(date_line: str, *body: str) -> list[str]:
    """A minimal plain-text plan: date line, title, subject, one Mục with the given paragraphs."""
    return ["Số: 05/KH-UBND", date_line, "KẾ HOẠCH", "Triển khai thực hiện dân chủ ở cơ sở",
            "I. MỤC ĐÍCH, YÊU CẦU", *body, "Trên đây là Kế hoạch./."]


AFTER = "Tân Định, ngày 05 tháng 9 năm 2025"
BEFORE = "Tân Định, ngày 05 tháng 3 năm 2024"


# -- abolished bodies ---------------------------------------------------------------------------------


def test_abolished_department_after_the_reform() -> None:
    got = text_findings(plan(AFTER, "1. Giao Sở Kế hoạch và Đầu tư chủ trì."))
    [f] = of_rule(got, "ND30-V1")
    assert f.severity == "error" and f.found == "Sở Kế hoạch và Đầu tư" and f.expected == "Sở Tài chính"
    assert "không còn từ ngày 01/7/2025" in f.message and "kế hoạch ngày 05/9/2025" in f.message


def test_abolished_names_are_fine_before_the_reform() -> None:
    got = text_findings(plan(BEFORE, "1. Giao Sở Kế hoạch và Đầu tư, Ủy ban nhân dân các huyện thực hiện."))
    assert "ND30-V1" not in rule_ids(got)


@pytest.mark.parametrize("text, found, severity", [
    ("1. Ủy ban nhân dân các huyện tổ chức thực hiện.", "Ủy ban nhân dân các huyện", "error"),
    ("1. Sở Lao động – Thương binh và Xã hội chủ trì.", "Sở Lao động – Thương binh và Xã hội", "error"),
    ("1. Phối hợp với Ban Dân vận Tỉnh ủy.", "Ban Dân vận Tỉnh ủy", "error"),
    ("1. Công khai tại các xã, phường, thị trấn.", "xã, phường, thị trấn", "error"),
    ("1. Trước đây do cấp huyện thực hiện.", "cấp huyện", "warning"),
])
def test_abolished_name_forms(text: str, found: str, severity: str) -> None:
    [f] = of_rule(text_findings(plan(AFTER, text)), "ND30-V1")
    assert (f.found, f.severity) == (found, severity)


def test_draft_of_2025_with_the_year_only_skips_era_checks() -> None:
    got = text_findings(plan("Tân Định, ngày    tháng    năm 2025", "1. Sở Kế hoạch và Đầu tư chủ trì."))
    assert "ND30-V1" not in rule_ids(got)
    got = text_findings(plan("Tân Định, ngày    tháng    năm 2026", "1. Sở Kế hoạch và Đầu tư chủ trì."))
    assert "ND30-V1" in rule_ids(got)


def test_abolished_name_in_a_docx() -> None:
    got = fired(lambda d: set_text(para(d, "- Phòng Văn hóa"), "- Sở Thông tin và Truyền thông;"))
    [f] = of_rule(got, "ND30-V1")
    assert f.where == "bảng 2, hàng 1, cột 1" and f.expected.startswith("Sở Khoa học và Công nghệ")


# -- capitals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, found, expected", [
    ("1. Nâng cao thái độ phục vụ nhân dân.", "phục vụ nhân dân", "phục vụ Nhân dân"),
    ("1. Bảo đảm quyền làm chủ của nhân dân.", "của nhân dân", "của Nhân dân"),
    ("1. Đảng lãnh đạo, Nhà nước quản lý, nhân dân làm chủ.", "nhân dân làm chủ", "Nhân dân làm chủ"),
    ("1. Chấp hành pháp luật của nhà nước.", "của nhà nước", "của Nhà nước"),
    ("1. Các doanh nghiệp Nhà nước thực hiện.", "doanh nghiệp Nhà nước", "doanh nghiệp nhà nước"),
    ("1. Cải cách hành chính Nhà nước.", "hành chính Nhà nước", "hành chính nhà nước"),
])
def test_capitals(text: str, found: str, expected: str) -> None:
    [f] = of_rule(text_findings(plan(AFTER, text)), "ND30-V2")
    assert (f.found, f.expected, f.severity) == (found, expected, "warning")


@pytest.mark.parametrize("text", [
    "1. Ban Thanh tra nhân dân giám sát.",
    "1. Ủy ban nhân dân phường, Hội đồng nhân dân phường chỉ đạo.",
    "1. Công an nhân dân, Quân đội nhân dân phối hợp.",
    "1. Doanh nghiệp nhà nước, doanh nghiệp ngoài nhà nước thực hiện.",
    "1. Bố trí từ ngân sách nhà nước; tăng cường quản lý nhà nước.",
    "1. Cơ quan hành chính nhà nước công khai thông tin.",
    "1. Huy động nội lực trong Nhân dân.",
    "1. Các tầng lớp nhân dân tham gia.",  # not a clear case: left alone
])
def test_capitals_without_false_positives(text: str) -> None:
    assert "ND30-V2" not in rule_ids(text_findings(plan(AFTER, text)))


def test_article_references() -> None:
    [f] = of_rule(text_findings(plan(AFTER, "1. Theo quy định tại Khoản 2 Điều 85 của Luật.")), "ND30-V3")
    assert (f.found, f.expected) == ("Khoản 2 Điều 85", "khoản 2 Điều 85")
    [f] = of_rule(text_findings(plan(AFTER, "1. Theo quy định tại điều 85 của Luật.")), "ND30-V3")
    assert f.expected == "Điều 85"
    got = text_findings(plan(AFTER, "1. Theo khoản 2 Điều 85 của Luật.", "2. Khoản 3 Điều 5 quy định rõ."))
    assert "ND30-V3" not in rule_ids(got)


# -- cited texts --------------------------------------------------------------------------------------------


def test_wrong_date_of_a_registered_decree() -> None:
    got = text_findings(plan(BEFORE, "1. Thực hiện Nghị định số 61/2023/NĐ-CP ngày 06/8/2023 của Chính phủ."))
    [f] = of_rule(got, "ND30-L1")
    assert f.found == "61/2023/NĐ-CP ngày 06/8/2023" and "16/8/2023" in f.expected


@pytest.mark.parametrize("citation", [
    "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023",
    "Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023",
    "Quyết định 346/QĐ-TTg ngày 06/4/2023",
    "Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022",
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10 tháng 11 năm 2022",
])
def test_right_dates_pass(citation: str) -> None:
    assert not {"ND30-L1", "ND30-L2"} & rule_ids(text_findings(plan(BEFORE, f"1. Thực hiện {citation}.")))


def test_wrong_date_of_a_law_cited_by_name() -> None:
    got = text_findings(plan(BEFORE, "1. Triển khai Luật Thực hiện dân chủ ở cơ sở ngày 20/11/2022."))
    assert "10/11/2022" in of_rule(got, "ND30-L1")[0].expected


def test_a_law_inside_a_longer_law_name_is_not_misread() -> None:
    text = ("1. Triển khai Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, "
            "Luật Thanh niên và Luật Thực hiện dân chủ ở cơ sở ngày 27 tháng 6 năm 2025.")
    assert "ND30-L1" not in rule_ids(text_findings(plan(AFTER, text)))


def test_provincial_resolutions_are_checked_only_for_their_province() -> None:
    other = "1. Căn cứ Nghị quyết số 31/2023/NQ-HĐND ngày 01/12/2023 của Hội đồng nhân dân tỉnh Lâm Đồng."
    assert "ND30-L1" not in rule_ids(text_findings(plan(BEFORE, other)))
    same = "1. Căn cứ Nghị quyết số 31/2023/NQ-HĐND ngày 01/12/2023 của Hội đồng nhân dân tỉnh Bình Phước."
    assert "ND30-L1" in rule_ids(text_findings(plan(BEFORE, same)))


def test_replaced_law() -> None:
    text = "1. Thực hiện Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."
    [f] = of_rule(text_findings(plan(AFTER, text)), "ND30-L2")
    assert "thay thế" in f.expected and f.severity == "warning"
    assert "ND30-L2" not in rule_ids(text_findings(plan(BEFORE, text)))


def test_text_issued_after_the_plan() -> None:
    text = "1. Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ."
    got = text_findings(plan("Tân Định, ngày 05 tháng 01 năm 2023", text))
    assert "sau ngày của kế hoạch" in of_rule(got, "ND30-L2")[0].expected
    # a draft dated "năm 2023" may be of any day of 2023: no warning
    assert "ND30-L2" not in rule_ids(text_findings(plan("Tân Định, ngày    tháng    năm 2023", text)))


def test_citation_in_a_docx_basis() -> None:
    def wrong(d):
        p = para(d, "Căn cứ Nghị định số 59")
        set_text(p, p.text.replace("ngày 14 tháng 8", "ngày 15 tháng 8"))
    assert "ND30-L1" in rule_ids(fired(wrong))
    assert insert_after  # helper kept importable
