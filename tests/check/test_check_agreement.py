"""Where the checker used to disagree with the text of ND30 (issue K, part 1): the last basis may
end with "." (PL-I II.6.a), a section whose content is a table may be landscape (PL-I I.2) and is
measured at its own width, the rule under the subject is 1/3–1/2 of it (PL-I II.5), and the
first-line indent is 1 cm or 1,27 cm, not anything between (PL-I II.6.e)."""

from __future__ import annotations

from checkhelp import fired, of_rule, para, rule_ids, set_text, styled, text_findings
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm, Mm

from drafter.document.metrics import text_width_mm

DECREE = "Căn cứ Nghị định số 59/2023/NĐ-CP"
LAW = "Căn cứ Luật Thực hiện dân chủ ở cơ sở"
SUBJECT = "trên địa bàn phường Tân Định năm 2025"  # the longer subject line of the good plan


# -- 1. the last line of the Căn cứ block may end with "." -----------------------------------------


def _end_last_basis(mark: str):
    def change(d):
        p = para(d, DECREE)
        set_text(p, p.text.rstrip(";") + mark)
    return change


def test_last_basis_may_end_with_a_full_stop_docx() -> None:
    assert "ND30-C2" not in rule_ids(fired(_end_last_basis(".")))
    assert "ND30-C2" not in rule_ids(fired(_end_last_basis(";")))


def test_a_full_stop_on_an_earlier_basis_is_still_an_error() -> None:
    got = fired(lambda d: set_text(para(d, LAW), LAW + " ngày 10 tháng 11 năm 2022."))
    [f] = of_rule(got, "ND30-C2")
    assert f.severity == "error" and f.found == "."


TEXT_PLAN = [
    "KẾ HOẠCH", "Triển khai thực hiện dân chủ ở cơ sở",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022{end}",
    "Ủy ban nhân dân phường ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của Nhân dân./.",
]


def test_last_basis_full_stop_on_text() -> None:
    for end, fires in ((".", False), (";", False), (",", True)):
        paragraphs = [p.format(end=end) for p in TEXT_PLAN]
        assert ("ND30-C2" in rule_ids(text_findings(paragraphs))) is fires, end


# -- 2. a landscape section for a table ---------------------------------------------------------------


def _landscape_section(with_table: bool):
    def change(d):
        section = d.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        d.add_paragraph("Phụ lục")
        if with_table:
            table = d.add_table(rows=2, cols=6)
            table.style = d.styles["Table Grid"]
            for n, cell in enumerate(table.rows[0].cells):
                cell.text = f"Cột {n + 1}"
    return change


def test_landscape_section_with_a_table_passes() -> None:
    got = fired(_landscape_section(True))
    assert not {"ND30-P1", "ND30-T5", "ND30-H3", "ND30-H7"} & rule_ids(got), [f.message for f in got]


def test_landscape_section_without_a_table_is_an_error() -> None:
    [f] = of_rule(fired(_landscape_section(False)), "ND30-P1")
    assert f.where == "phần (section) 2" and "khổ ngang" in f.found


def test_landscape_first_page_is_still_an_error() -> None:
    def landscape(d):
        s = d.sections[0]
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = s.page_height, s.page_width
    assert "ND30-P1" in rule_ids(fired(landscape))


# -- 3. the rule under the subject: 1/3 to 1/2 -----------------------------------------------------------


def _subject_rule(ratio: float):
    def change(d):
        rule = styled(d, "Đường kẻ trích yếu")[0]
        side = (165 - ratio * text_width_mm(SUBJECT, 14, bold=True)) / 2
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(side)
    return change


def test_subject_rule_of_a_quarter_is_too_short() -> None:
    [f] = of_rule(fired(_subject_rule(0.26)), "ND30-T5")
    assert f.expected.startswith("33–50")


def test_subject_rule_between_a_third_and_a_half_passes() -> None:
    for ratio in (0.34, 0.4, 0.49):
        assert "ND30-T5" not in rule_ids(fired(_subject_rule(ratio))), ratio


# -- 4. first-line indent 1 cm or 1.27 cm ---------------------------------------------------------------


BODY = "Ủy ban nhân dân phường ban hành"


def test_first_line_indent_between_the_two_values_is_an_error() -> None:
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "first_line_indent", Cm(1.13)))
    [f] = of_rule(got, "ND30-D3")
    assert f.found == "1,1 cm" and f.expected == "1 cm hoặc 1,27 cm"


def test_first_line_indent_of_one_or_one_point_27_cm_passes() -> None:
    for cm in (1.0, 1.27):
        got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "first_line_indent", Cm(cm)))
        assert "ND30-D3" not in rule_ids(got), cm
