"""Title, subject, bases, heading sequences, closing mark and body paragraphs."""

from __future__ import annotations

import pytest
from checkhelp import (
    fired, for_runs, insert_after, of_rule, para, remove, remove_border, rule_ids, set_text, styled,
)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

SUBJECT_2 = "trên địa bàn phường Tân Định năm 2025"
LAW = "Căn cứ Luật Thực hiện dân chủ ở cơ sở"


# -- title and subject --------------------------------------------------------------------------------


def test_title_formatting_and_presence() -> None:
    got = fired(lambda d: for_runs(para(d, "KẾ HOẠCH"), bold=False))
    assert "không đậm" in of_rule(got, "ND30-T1")[0].found
    got = fired(lambda d: remove(para(d, "KẾ HOẠCH")))
    assert "không thấy tên loại" in of_rule(got, "ND30-T1")[0].message


def test_subject_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, SUBJECT_2), bold=False))
    assert "không đậm" in of_rule(got, "ND30-T2")[0].found
    got = fired(lambda d: setattr(para(d, SUBJECT_2), "alignment", WD_ALIGN_PARAGRAPH.LEFT))
    assert "căn trái" in of_rule(got, "ND30-T2")[0].found


def test_subject_final_full_stop() -> None:
    got = fired(lambda d: set_text(para(d, SUBJECT_2), SUBJECT_2 + "."))
    [f] = of_rule(got, "ND30-T3")
    assert f.where == "đoạn 3"


def test_subject_rule_missing_and_too_long() -> None:
    [missing] = of_rule(fired(lambda d: remove_border(styled(d, "Đường kẻ trích yếu")[0])), "ND30-T4")
    assert "dài 33–50% dòng chữ" in missing.expected  # the bounds of nd30.yaml duong_ke.trich_yeu

    def full(d):
        rule = styled(d, "Đường kẻ trích yếu")[0]
        rule.paragraph_format.left_indent = Mm(0)
        rule.paragraph_format.right_indent = Mm(0)
    [f] = of_rule(fired(full), "ND30-T5")
    assert f.severity == "warning"


def test_subject_rule_typed_as_underscores() -> None:
    def typed(d):
        rule = styled(d, "Đường kẻ trích yếu")[0]
        remove_border(rule)
        rule.add_run("_" * 14).font.size = Pt(14)
    assert not {"ND30-T4", "ND30-T5"} & rule_ids(fired(typed))


# -- bases ----------------------------------------------------------------------------------------------


def test_basis_not_italic() -> None:
    got = fired(lambda d: for_runs(para(d, LAW), italic=False))
    [f] = of_rule(got, "ND30-C1")
    assert "không nghiêng" in f.found


def test_basis_ending() -> None:
    got = fired(lambda d: set_text(para(d, LAW), LAW + " ngày 10 tháng 11 năm 2022."))
    [f] = of_rule(got, "ND30-C2")
    assert f.found == "." and "«;»" in f.expected
    got = fired(lambda d: set_text(para(d, LAW), LAW + " ngày 10 tháng 11 năm 2022"))
    assert of_rule(got, "ND30-C2")[0].found == "(không có dấu)"


def test_law_cited_with_its_number() -> None:
    got = fired(lambda d: set_text(para(d, LAW), LAW + " số 10/2022/QH15 ngày 10 tháng 11 năm 2022;"))
    [f] = of_rule(got, "ND30-C3")
    assert "10/2022/QH15" in f.found


def test_law_cited_without_its_date() -> None:
    got = fired(lambda d: set_text(para(d, LAW), LAW + " năm 2022;"))
    [f] = of_rule(got, "ND30-C4")
    assert f.severity == "warning"


def test_basis_followed_by_a_lead_in_is_fine() -> None:
    text = LAW + " ngày 10 tháng 11 năm 2022; Ủy ban nhân dân phường ban hành Kế hoạch như sau:"
    got = fired(lambda d: set_text(para(d, LAW), text))
    assert not {"ND30-C1", "ND30-C2"} & rule_ids(got)


# -- headings -------------------------------------------------------------------------------------------


def test_muc_sequence() -> None:
    got = fired(lambda d: set_text(para(d, "II. NỘI DUNG"), "III. NỘI DUNG"))
    first, second = of_rule(got, "ND30-M1")  # then the real III. is a repeat
    assert "«II.»" in first.expected and "«IV.»" in second.expected


def test_khoan_sequence_restarts_in_each_muc() -> None:
    got = fired(lambda d: set_text(para(d, "2. Yêu cầu"), "3. Yêu cầu"))
    assert "khoản «2.»" in of_rule(got, "ND30-M2")[0].expected
    # "1." under II is right even though I had 1 and 2
    assert "ND30-M2" not in rule_ids(fired(lambda d: None))


@pytest.mark.parametrize("old, new, why", [
    ("b) Gắn việc", "c) Gắn việc", "thiếu «b)» sau «a)»"),
    ("b) Gắn việc", "a) Gắn việc", "«a)» lặp lại"),
    ("đ) Kịp thời", "e) Kịp thời", "thiếu «đ)»"),
    ("đ) Kịp thời", "f) Kịp thời", "không có «f»"),
])
def test_point_sequence(old: str, new: str, why: str) -> None:
    got = fired(lambda d: set_text(para(d, old), new + para(d, old).text[len(old):]))
    f = of_rule(got, "ND30-M3")[0]
    assert why in f.expected


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    # the good plan has a) b) c) d) đ) under one khoản
    assert "ND30-M3" not in rule_ids(fired(lambda d: None))


def test_muc_heading_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, "II. NỘI DUNG"), bold=False))
    assert "không đậm" in of_rule(got, "ND30-M4")[0].found
    got = fired(lambda d: set_text(para(d, "II. NỘI DUNG"), "II. Nội dung"))
    assert "chưa in hoa" in of_rule(got, "ND30-M4")[0].found
    assert not {"ND30-M1", "ND30-M2"} & rule_ids(got)


def test_khoan_heading_not_bold() -> None:
    got = fired(lambda d: for_runs(para(d, "1. Mục đích"), bold=False))
    [f] = of_rule(got, "ND30-M5")
    assert f.severity == "warning"
    # a numbered sentence (ending with ".") is not a heading
    got = fired(lambda d: for_runs(para(d, "1. Phòng Văn hóa"), bold=False))
    assert "ND30-M5" not in rule_ids(got)


# -- closing mark -----------------------------------------------------------------------------------------


def test_closing_mark() -> None:
    def drop(d):
        p = para(d, "Trên đây là")
        set_text(p, p.text.replace("./.", "."))
    [f] = of_rule(fired(drop), "ND30-E1")
    assert f.found.endswith("thực hiện.") and "./." in f.expected


# -- body paragraphs ----------------------------------------------------------------------------------------


BODY = "a) Nâng cao nhận thức"


def test_body_size() -> None:
    [f] = of_rule(fired(lambda d: for_runs(para(d, BODY), size=12)), "ND30-D1")
    assert f.found == "12 pt" and f.expected == "13–14 pt"


def test_body_not_justified() -> None:
    got = fired(lambda d: setattr(para(d, BODY), "alignment", WD_ALIGN_PARAGRAPH.LEFT))
    assert of_rule(got, "ND30-D2")[0].found == "căn trái"


def test_short_line_alignment_does_not_matter() -> None:
    got = fired(lambda d: setattr(para(d, "1. Mục đích"), "alignment", WD_ALIGN_PARAGRAPH.LEFT))
    assert "ND30-D2" not in rule_ids(got)


def test_first_line_indent() -> None:
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "first_line_indent", Cm(0)))
    assert of_rule(got, "ND30-D3")[0].found == "0 cm"
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "first_line_indent", Cm(1)))
    assert "ND30-D3" not in rule_ids(got)


def test_first_line_indent_by_a_tab_is_read() -> None:
    def tab(d):
        p = para(d, BODY)
        p.paragraph_format.first_line_indent = Cm(0)
        p.runs[0].text = "\t" + p.runs[0].text
    assert "ND30-D3" not in rule_ids(fired(tab))


def test_spacing_between_paragraphs() -> None:
    def tight(d):
        p = para(d, BODY)
        p.paragraph_format.space_after = Pt(0)
    [f] = of_rule(fired(tight), "ND30-D4")
    assert f.found == "0 pt"


def test_line_spacing() -> None:
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "line_spacing", 2.0))
    [f] = of_rule(got, "ND30-D5")
    assert f.found == "2 dòng" and "từ 15 pt" in f.expected
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "line_spacing", Pt(12)))
    assert of_rule(got, "ND30-D5")[0].found.startswith("12 pt")
    for exactly in (15, 17, 18):  # PL-I II.6.e: "exactly" from 15 pt
        got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "line_spacing", Pt(exactly)))
        assert "ND30-D5" not in rule_ids(got)


def test_line_spacing_bounds_come_from_the_rules_table(monkeypatch) -> None:
    import drafter.check.body_checks as body_checks
    from drafter.rules import rules

    table = rules()
    wider = table.model_copy(update={"doan_van": table.doan_van.model_copy(
        update={"gian_dong": table.doan_van.gian_dong.model_copy(update={"den": 2.0})})})
    monkeypatch.setattr(body_checks, "rules", lambda: wider)
    got = fired(lambda d: setattr(para(d, BODY).paragraph_format, "line_spacing", 2.0))
    assert "ND30-D5" not in rule_ids(got)
    [f] = of_rule(fired(lambda d: setattr(para(d, BODY).paragraph_format, "line_spacing", 2.5)), "ND30-D5")
    assert f.expected.startswith("1–2 dòng")

def test_headings_may_be_flush_left() -> None:
    got = fired(lambda d: setattr(para(d, "II. NỘI DUNG").paragraph_format, "first_line_indent", Cm(0)))
    assert "ND30-D3" not in rule_ids(got)


def test_same_problem_in_many_paragraphs_is_one_finding() -> None:
    def small(d):
        for p in styled(d, "Điểm"):
            for_runs(p, size=12)
    [f] = of_rule(fired(small), "ND30-D1")
    assert len(f.locations) == 7 and f.where.startswith("đoạn ")


def test_inserted_paragraph_keeps_numbering_checks() -> None:
    got = fired(lambda d: insert_after(para(d, "b) Phát huy"), "c) Thêm một điểm mới."))
    assert not {"ND30-M3"} & rule_ids(got)


def _auto_number(d, paragraphs, num_fmt: str, text: str, num_id: str = "77") -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    for p in paragraphs:
        set_text(p, p.text.split(" ", 1)[1])  # drop the typed "a) "
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_word_automatic_letters_skip_đ() -> None:
    def auto(d):
        start = [p for p in styled(d, "Điểm") if p.text[:2] in ("a)", "b)", "c)", "d)", "đ)")][2:7]
        _auto_number(d, start, "lowerLetter", "%1)")
    [f] = of_rule(fired(auto), "ND30-M3")
    assert f.found.startswith("e) Kịp thời") and "«đ)»" in f.expected


def test_word_automatic_roman_headings_are_read() -> None:
    def auto(d):
        _auto_number(d, styled(d, "Mục"), "upperRoman", "%1.", num_id="78")
    got = fired(auto)
    assert not {"ND30-M1", "ND30-M2", "ND30-M4"} & rule_ids(got)
