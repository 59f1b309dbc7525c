"""Checks that other Vietnamese format checkers make and drafter used to miss (issue K, part 2):
each added to the compliant plan must be found (positive), and the compliant plan and correct
variants must not be reported (negative). On DOCX, and on text where the check applies."""

from __future__ import annotations

from checkhelp import fired, for_runs, good_bytes, findings, of_rule, para, rule_ids, set_text, text_findings
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import RGBColor

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DATE = "Tân Định, ngày"
BODY = "Ủy ban nhân dân phường ban hành"
POINT = "a) Nâng cao nhận thức"


def plan(*body: str, subject: str = "Triển khai thực hiện dân chủ ở cơ sở", records: str = "- Lưu: VT, VP.") -> list[str]:
    return ["Số: 05/KH-UBND", "Tân Định, ngày 05 tháng 9 năm 2025", "KẾ HOẠCH", subject,
            "I. MỤC ĐÍCH, YÊU CẦU", *body, "Trên đây là Kế hoạch./.", "Nơi nhận:", "- Sở Nội vụ;", records]


def test_the_compliant_plan_gets_none_of_the_new_findings() -> None:
    new = {"ND30-F3", "ND30-H9", "ND30-B1", "ND30-B2", "ND30-T6", "ND30-C5", "ND30-C6", "ND30-R6", "ND30-V4",
           "ND30-V5", "ND30-G1", "ND30-G2", "ND30-G3"}
    assert not new & rule_ids(findings(good_bytes()))
    assert not new & rule_ids(text_findings(plan("1. Nội dung.")))


# -- ND30-F3 colour -----------------------------------------------------------------------------------------


def test_coloured_text_is_an_error() -> None:
    got = fired(lambda d: setattr(para(d, BODY).runs[0].font.color, "rgb", RGBColor(0xFF, 0, 0)))
    [f] = of_rule(got, "ND30-F3")
    assert f.severity == "error" and f.found == "#FF0000" and f.where == "đoạn 8"


def test_black_and_automatic_colour_pass() -> None:
    def black(d):
        para(d, BODY).runs[0].font.color.rgb = RGBColor(0, 0, 0)
        para(d, POINT).runs[0]._r.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="auto"/>'))
    assert "ND30-F3" not in rule_ids(fired(black))


# -- ND30-H9 size sets ----------------------------------------------------------------------------------------


def test_quoc_hieu_tieu_ngu_date_sizes_must_go_together() -> None:
    got = fired(lambda d: for_runs(para(d, QH), size=12))  # 12, 14, 14: each in range, not a set
    [f] = of_rule(got, "ND30-H9")
    assert f.severity == "error" and "Quốc hiệu 12 pt, Tiêu ngữ 14 pt" in f.found and "12, 13, 13 pt" in f.expected


def test_the_smaller_size_set_passes() -> None:
    def smaller(d):
        for_runs(para(d, QH), size=12)
        for_runs(para(d, MOTTO), size=13)
        for_runs(para(d, DATE), size=13)
    assert "ND30-H9" not in rule_ids(fired(smaller))


# -- ND30-B1, B2 tables -----------------------------------------------------------------------------------------


def _grid(table) -> None:
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
        f'<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/></w:tblBorders>'))


def test_borders_on_the_header_table() -> None:
    [f] = of_rule(fired(lambda d: _grid(d.tables[0])), "ND30-B1")
    assert f.where == "bảng 1" and "bảng tiêu đề có đường viền" in f.found and f.severity == "error"


def test_borders_on_the_signature_table_from_its_style_and_cells() -> None:
    got = fired(lambda d: setattr(d.tables[1], "style", d.styles["Table Grid"]))
    [f] = of_rule(got, "ND30-B1")
    assert f.where == "bảng 2" and "bảng chữ ký" in f.found

    def cell_border(d):
        tcpr = d.tables[1].cell(0, 0)._tc.get_or_add_tcPr()
        tcpr.append(parse_xml(f'<w:tcBorders {nsdecls("w")}><w:right w:val="single" w:sz="4"/></w:tcBorders>'))
    assert "ND30-B1" in rule_ids(fired(cell_border))


def test_explicitly_borderless_table_passes() -> None:
    def none(d):
        d.tables[0]._tbl.tblPr.append(parse_xml(
            f'<w:tblBorders {nsdecls("w")}><w:top w:val="nil"/><w:bottom w:val="none"/></w:tblBorders>'))
    assert "ND30-B1" not in rule_ids(fired(none))


def test_table_wider_than_the_text_area() -> None:
    def wide(d):
        d.tables[1]._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(round(185 / 25.4 * 1440)))
    [f] = of_rule(fired(wide), "ND30-B2")
    assert f.where == "bảng 2" and f.found.startswith("bảng rộng 185 mm")
    # drafter's header table (170 mm centred on 165 mm) stays within the allowance
    assert "ND30-B2" not in rule_ids(findings(good_bytes()))


# -- ND30-T6 V/v -----------------------------------------------------------------------------------------------------


def test_vv_before_the_subject() -> None:
    got = fired(lambda d: set_text(para(d, "Triển khai thực hiện dân chủ"), "V/v triển khai thực hiện dân chủ ở cơ sở"))
    [f] = of_rule(got, "ND30-T6")
    assert f.severity == "error" and "«V/v»" in f.expected
    assert "ND30-T6" in rule_ids(text_findings(plan("1. Nội dung.", subject="Về việc triển khai Luật")))
    assert "ND30-T6" not in rule_ids(text_findings(plan("1. Nội dung.", subject="Về thực hiện dân chủ ở cơ sở")))


# -- ND30-C5, C6 citations ------------------------------------------------------------------------------------------

QD = "Quyết định số 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Luật"


def test_cited_number_without_so() -> None:
    [f] = of_rule(text_findings(plan("1. Thực hiện Quyết định 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ.")),
                  "ND30-C5")
    assert f.found == "Quyết định 346/QĐ-TTg" and f.expected == "Quyết định số 346/QĐ-TTg" and f.severity == "warning"
    got = fired(lambda d: set_text(para(d, BODY), "Thực hiện Kế hoạch 12/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân "
                                   "thành phố về thực hiện dân chủ, Ủy ban nhân dân phường ban hành Kế hoạch như sau:"))
    assert of_rule(got, "ND30-C5")[0].found == "Kế hoạch 12/KH-UBND"
    assert "ND30-C5" not in rule_ids(text_findings(plan(f"1. Thực hiện {QD}.")))


def test_first_citation_without_issuer() -> None:
    got = text_findings(plan("1. Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023.",
                             "2. Các nội dung theo Quyết định số 346/QĐ-TTg."))
    [f] = of_rule(got, "ND30-C6")
    assert f.where == "đoạn 6" and "cơ quan ban hành" in f.expected
    # issuer given, or named before the citation ("của ... tại Tờ trình số ..."): fine
    assert "ND30-C6" not in rule_ids(text_findings(plan(f"1. Thực hiện {QD}.", "2. Theo Quyết định số 346/QĐ-TTg.")))
    assert "ND30-C6" not in rule_ids(text_findings(plan(
        "1. Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 617/TTr-SNV ngày 18/10/2023.")))


# -- ND30-R5, R6 records line -------------------------------------------------------------------------------------


def test_records_line_without_the_drafting_unit() -> None:
    [f] = of_rule(fired(lambda d: set_text(para(d, "- Lưu:"), "- Lưu: VT.")), "ND30-R6")
    assert f.severity == "error" and "đơn vị soạn thảo" in f.expected
    assert "ND30-R6" in rule_ids(text_findings(plan("1. Nội dung.", records="- Lưu VT.")))
    assert "ND30-R6" not in rule_ids(text_findings(plan("1. Nội dung.", records="- Lưu: VT, VP, (02b).")))


def test_records_line_without_colon() -> None:
    got = text_findings(plan("1. Nội dung.", records="- Lưu VT, VP."))
    assert any("dấu «:»" in f.expected for f in of_rule(got, "ND30-R5"))


# -- ND30-V4 agency capitals -----------------------------------------------------------------------------------------


def test_agency_names_with_wrong_capitals() -> None:
    got = text_findings(plan("1. Giao Sở Nội Vụ chủ trì, báo cáo thủ tướng chính phủ."))
    found = {(f.found, f.expected) for f in of_rule(got, "ND30-V4")}
    assert found == {("Sở Nội Vụ", "Sở Nội vụ"), ("thủ tướng chính phủ", "Thủ tướng Chính phủ")}
    assert all(f.severity == "warning" for f in of_rule(got, "ND30-V4"))
    got = fired(lambda d: set_text(para(d, POINT), "a) Phối hợp với Sở Văn Hóa, Thể Thao và Du Lịch."))
    assert of_rule(got, "ND30-V4")[0].expected == "Sở Văn hóa, Thể thao và Du lịch"


def test_agency_names_written_right_or_in_capitals_pass() -> None:
    text = "1. Sở Nội vụ, Sở Công Thương phối hợp; báo cáo Thủ tướng Chính phủ. SỞ NỘI VỤ tổng hợp."
    assert "ND30-V4" not in rule_ids(text_findings(plan(text)))


# -- ND30-V5 sentence start ------------------------------------------------------------------------------------------


def test_lower_case_after_a_full_stop() -> None:
    got = text_findings(plan("1. Tổ chức hội nghị. các cơ quan phối hợp thực hiện."))
    [f] = of_rule(got, "ND30-V5")
    assert f.found == "nghị. các" and "«C»" in f.expected
    got = fired(lambda d: set_text(para(d, POINT), "a) Nâng cao nhận thức. của cán bộ."))
    assert "ND30-V5" in rule_ids(got)


def test_abbreviations_and_numbers_are_not_sentence_ends() -> None:
    text = "1. Tuyên truyền, v.v. trên địa bàn TP. Nha Trang, 1.000 lượt người. Đồng thời báo cáo."
    assert "ND30-V5" not in rule_ids(text_findings(plan(text)))


# -- ND30-G1, G2, G3 typing ------------------------------------------------------------------------------------------


def test_space_before_punctuation() -> None:
    got = text_findings(plan("1. Tổ chức hội nghị , tuyên truyền ; báo cáo ."))
    assert [f.found for f in of_rule(got, "ND30-G1")] == ["nghị ,", "truyền ;", "cáo ."]
    assert "ND30-G1" not in rule_ids(text_findings(plan("1. Các nội dung: a, b ... và khác…")))


def test_double_spaces_in_docx() -> None:
    got = fired(lambda d: set_text(para(d, POINT), "a) Nâng cao  nhận thức của cán bộ."))
    [f] = of_rule(got, "ND30-G2")
    assert f.found == "cao  nhận" and f.expected == "cao nhận" and f.severity == "warning"


def test_draft_blanks_are_not_double_spaces() -> None:
    got = fired(lambda d: set_text(para(d, DATE), "Tân Định, ngày    tháng    năm 2025"))
    assert "ND30-G2" not in rule_ids(got)


def test_well_known_misspellings() -> None:
    got = text_findings(plan("1. Sử lý kịp thời kiến nghị, chia sẽ thông tin, bổ xung kế hoạch."))
    assert [(f.found, f.expected) for f in of_rule(got, "ND30-G3")] == [
        ("Sử lý", "Xử lý"), ("chia sẽ", "chia sẻ"), ("bổ xung", "bổ sung")]
    assert "ND30-G3" not in rule_ids(text_findings(plan("1. Xử lý kịp thời, chia sẻ thông tin, bổ sung.")))


# -- real texts ------------------------------------------------------------------------------------------------------

# Bases of Nghị quyết 653/2019/UBTVQH14 (official text, vanbanphapluat.co/nghi-quyet-653-2019-ubtvqh14-sap-xep-
# cac-don-vi-hanh-chinh-cap-huyen-xa-giai-doan-2019-2021): correct citations and capitals.
NQ_653 = [
    "Căn cứ Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số "
    "vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu "
    "quả và Nghị quyết số 37-NQ/TW ngày 24 tháng 12 năm 2018 của Bộ Chính trị về việc sắp xếp các đơn vị hành chính "
    "cấp huyện và cấp xã;",
    "Căn cứ Nghị quyết số 56/2017/QH14 ngày 24 tháng 11 năm 2017 của Quốc hội về việc tiếp tục cải cách tổ chức bộ "
    "máy hành chính nhà nước tinh gọn, hoạt động hiệu lực, hiệu quả;",
]
# A 2019 article of Trường Chính trị Lê Duẩn, Quảng Trị (truongleduan.quangtri.gov.vn, «Thực tiễn công tác sắp xếp
# đơn vị hành chính cấp huyện, cấp xã trên địa bàn tỉnh Quảng Trị»): writes «Ban chấp hành Trung ương».
QUANG_TRI = ("1. Tỉnh ủy, HĐND, UBND tỉnh đã ban hành các văn bản: Kế hoạch số 86-KH/TU ngày 07/5/2018 của Tỉnh ủy "
             "về thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban chấp hành Trung ương Đảng khóa XII.")


def test_real_official_citations_get_no_wording_finding() -> None:
    got = text_findings(["KẾ HOẠCH", "Sắp xếp đơn vị hành chính", *NQ_653, "I. MỤC ĐÍCH", "1. Nội dung./."])
    wording = {"ND30-C5", "ND30-C6", "ND30-V4", "ND30-V5", "ND30-G1", "ND30-G2", "ND30-G3"}
    assert not wording & rule_ids(got), [f.message for f in got]


def test_real_article_capitals_of_the_central_committee() -> None:
    [f] = of_rule(text_findings(plan(QUANG_TRI)), "ND30-V4")
    assert (f.found, f.expected) == ("Ban chấp hành Trung ương", "Ban Chấp hành Trung ương")


def test_citation_typing_and_spelling_checks_on_docx() -> None:
    def change(d):
        set_text(para(d, POINT), "a) Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023 , sử lý kịp thời.")
    got = rule_ids(fired(change))
    assert {"ND30-C6", "ND30-G1", "ND30-G3"} <= got
