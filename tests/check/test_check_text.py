"""Plain-text plans: markdown stripped, hard-wrapped PDF lines joined, text rules only."""

from __future__ import annotations

from checkhelp import rule_ids, text_findings

from drafter.check import check_plain_text
from drafter.check.textprep import clean_line, text_units


def _texts(raw: str) -> list[str]:
    return [u.text for u in text_units(raw)]


def test_markdown_is_stripped() -> None:
    assert clean_line("## **I. MỤC ĐÍCH, YÊU CẦU**") == "I. MỤC ĐÍCH, YÊU CẦU"
    assert clean_line("***Nơi nhận:***") == "Nơi nhận:"
    assert clean_line("**KẾ HOẠCH**  ") == "KẾ HOẠCH"
    assert clean_line("#### **a) Các xã, phường**") == "a) Các xã, phường"


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (" Thực hiện Quyết định 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng \n"
           "Chính phủ về việc ban hành Kế hoạch, Ủy ban nhân dân tỉnh ban hành kế hoạch với nội dung \n"
           "như sau: \n\nI. MỤC ĐÍCH, YÊU CẦU \n\n1. Xác định cụ thể nội dung công việc và \n"
           "trách nhiệm của các cơ quan. \n - Cơ quan chủ trì: Sở Nội vụ. \n+ Sở Tư pháp phối hợp \n"
           "thực hiện. \n")
    assert _texts(raw) == [
        "Thực hiện Quyết định 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ về việc ban hành Kế hoạch, "
        "Ủy ban nhân dân tỉnh ban hành kế hoạch với nội dung như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Xác định cụ thể nội dung công việc và trách nhiệm của các cơ quan.",
        "- Cơ quan chủ trì: Sở Nội vụ.",
        "+ Sở Tư pháp phối hợp thực hiện.",
    ]


def test_page_break_inside_a_paragraph_and_a_wrapped_compound() -> None:
    raw = "d) Thường xuyên kiểm tra, kịp thời giải quyết những\n\nkhó khăn, vướng mắc kinh tế\n- xã hội.\n"
    assert _texts(raw) == ["d) Thường xuyên kiểm tra, kịp thời giải quyết những khó khăn, vướng mắc kinh tế - xã hội."]


def test_header_and_signature_lines_stay_separate() -> None:
    raw = ("**ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG**\n\nSố: 05/KH-UBND\n\n**KẾ HOẠCH\nTriển khai thi hành Luật\n"
           "trên địa bàn tỉnh**\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Lộc Hà\n")
    assert _texts(raw) == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH DƯƠNG", "Số: 05/KH-UBND", "KẾ HOẠCH",
                           "Triển khai thi hành Luật trên địa bàn tỉnh", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                           "PHÓ CHỦ TỊCH", "Nguyễn Lộc Hà"]


def test_locations_are_source_lines() -> None:
    raw = "\n\nSố: 5 /KH-UBND\n\nBình Dương, ngày 5 tháng 03 năm 2024\n"
    got = {f.rule: f.where for f in check_plain_text(raw)}
    assert got == {"ND30-S1": "dòng 3", "ND30-N1": "dòng 5"}


def test_missing_header_is_not_reported_in_text() -> None:
    # a PDF dump often loses the header table: only what is present is checked
    got = text_findings(["I. MỤC ĐÍCH, YÊU CẦU", "1. Nội dung.", "Trên đây là Kế hoạch./."])
    assert got == []


def test_initials_after_the_closing_mark_in_text() -> None:
    got = text_findings(["I. NỘI DUNG", "1. Nội dung thực hiện.", "Trên đây là Kế hoạch./. L", "Nơi nhận:",
                         "- Lưu: VT, VP."])
    assert "ND30-E1" not in rule_ids(got)
    got = text_findings(["I. NỘI DUNG", "1. Nội dung thực hiện.", "Trên đây là Kế hoạch.", "Nơi nhận:", "- Lưu: VT, VP."])
    assert [(f.rule, f.where) for f in got] == [("ND30-E1", "đoạn 3")]


def test_messages_are_nfc() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Số: 5/KH-UBND")
    [f] = text_findings([decomposed])
    assert unicodedata.is_normalized("NFC", f.message) and f.found == "Số: 5/KH-UBND"


def test_draft_mark_is_not_the_issuing_body_and_plans_without_headings_end_with_the_mark() -> None:
    from drafter.check.anatomy import analyse
    from drafter.check.textprep import text_units

    units = text_units("DỰ THẢO\n\nỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\n\nSố: 05/KH-UBND\n\nKẾ HOẠCH\nThực hiện dân chủ\n\n"
                       "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;\n\nNội dung không đánh số.\n")
    assert [units[i].text for i in analyse(units).issuer] == ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"]
    got = check_plain_text("\n\n".join(u.text for u in units))
    assert [f.rule for f in got] == ["ND30-E1"]
