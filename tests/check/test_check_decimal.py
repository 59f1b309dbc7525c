"""Decimal sub-numbering (1.1., 1.2., 1.1.1.), "Phần" divisions, a) restarts and the records
note under "Lưu": real plans written this way get no false error, real mistakes still do."""

from __future__ import annotations

from drafter.check import check_plain_text

# Structure of Kế hoạch số 298/KH-UBND ngày 20/12/2023 của UBND tỉnh Thanh Hóa (chuyển đổi số năm
# 2024), as published on thuvienphapluat.vn (…/Ke-hoach-298-KH-UBND-2023-Chuyen-doi-so-nam-2024-
# Thanh-Hoa-620041.aspx): "Phần I" restarts the Mục, khoản 1 has 1.1., 1.2. The headings are the
# plan's own; the paragraphs under them are shortened.
THANH_HOA_298 = """\
Phần I
ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023
I. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU NĂM 2023
Các cơ quan, đơn vị đã cơ bản hoàn thành các chỉ tiêu được giao.
II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2023
1. Nhận thức số
1.1. Ngày Chuyển đổi số
Tổ chức 05 sự kiện hưởng ứng Ngày Chuyển đổi số quốc gia.
1.2. Tuyên truyền trên Trang thông tin điện tử và các phương tiện truyền thông về Chuyển đổi số
Công tác truyền thông được các cấp quan tâm thực hiện.
2. Thể chế số
2.1. Ban hành văn bản
Ban hành các văn bản chỉ đạo, điều hành.
Phần II
KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024
I. MỤC TIÊU
1. Mục tiêu chung
Tiếp tục đẩy mạnh chuyển đổi số.
II. NHIỆM VỤ
1. Nhận thức số
1.1. Tuyên truyền
a) Tổ chức sự kiện hưởng ứng Ngày Chuyển đổi số.
b) Đưa tin trên báo, đài.
1.2. Tập huấn
a) Bồi dưỡng kỹ năng số cho cán bộ./.
"""

# Three-level decimal numbering with a lead-in paragraph that starts the points again at a).
DEEP = """\
I. NHIỆM VỤ
1. Phát triển hạ tầng số
1.1. Hạ tầng viễn thông
1.1.1. Mạng di động
a) Phủ sóng 5G các khu công nghiệp.
b) Phủ sóng các thôn, bản.
Đối với các xã biên giới:
a) Ưu tiên trạm phát sóng.
1.1.2. Cáp quang
1.2. Trung tâm dữ liệu
2. Dữ liệu số
2.1. Cơ sở dữ liệu dùng chung./.
"""


def _numbering(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.found) for f in check_plain_text(text) if f.rule in ("ND30-M1", "ND30-M2", "ND30-M3")]


def test_real_decimal_plan_with_parts_has_no_false_numbering_error():
    assert _numbering(THANH_HOA_298) == []


def test_three_level_decimal_numbering_and_a_restart_after_a_lead_in():
    assert _numbering(DEEP) == []


def test_decimal_mistakes_are_still_reported():
    skipped = DEEP.replace("1.1.2. Cáp quang", "1.1.3. Cáp quang")
    assert [rule for rule, _ in _numbering(skipped)] == ["ND30-M2"]
    wrong_parent = DEEP.replace("2.1. Cơ sở", "1.3. Cơ sở")
    assert [rule for rule, _ in _numbering(wrong_parent)] == ["ND30-M2"]
    no_lead_in = DEEP.replace("Đối với các xã biên giới:\n", "")
    assert [rule for rule, _ in _numbering(no_lead_in)] == ["ND30-M3"]


def _with_note(note: str) -> str:
    from checkhelp import SEEDS

    lines = sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("- Lưu:"))
    return "\n".join(lines[: at + 1] + [note] + lines[at + 1:])


def test_records_note_under_luu_is_tolerated():
    # Seed 000 (a real plan) with the records note some offices print under "Lưu" (copies count,
    # drafter's initials): before, "08 KH" alone made four ND30-R3/R4/R5 errors.
    from checkhelp import SEEDS

    seed = sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8")
    for note in ("08 KH", "H.20b", "(10 bản)"):
        # exactly the seed's own findings (test_check_seeds), nothing about the note
        assert [f.rule for f in check_plain_text(_with_note(note))] == [f.rule for f in check_plain_text(seed)], note


def test_a_real_recipient_after_luu_is_still_an_error():
    text = _with_note("- Sở Nội vụ;")
    assert "ND30-R5" in [f.rule for f in check_plain_text(text)]


def test_word_multilevel_numbering_1_1_is_read():
    # A hand-made plan numbers "1." and "1.1." with one Word multilevel list (lvlText "%1." and
    # "%1.%2."), so the numbers are not in the text: the checker rebuilds them and finds no error.
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from drafter.answers import load_plan
    from drafter.check import check_docx_bytes
    from drafter.document.render import render_docx
    from drafter.paths import PRESETS

    data = render_docx(load_plan(PRESETS / "examples" / "005-thanh-hoa-thi-dua-chuyen-doi-so.yaml"))
    d = docx.Document(io.BytesIO(data))
    paragraphs = d.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("II. "))
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("III. "))
    levels = {"Khoản": 0, "Khoản cấp 2": 1}
    numbered = [(p, levels[p.style.name]) for p in paragraphs[start:end] if p.style.name in levels]
    assert [lvl for _, lvl in numbered] == [0, 1, 1, 0, 1]
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for p, lvl in numbered:
        runs = p.runs
        runs[0].text = runs[0].text.split(" ", 1)[1]  # drop the typed "1.1. "
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{lvl}"/><w:numId w:val="91"/></w:numPr>'))
    out = io.BytesIO()
    d.save(out)
    assert [f.rule for f in check_docx_bytes(out.getvalue()) if f.rule.startswith("ND30-M")] == []
