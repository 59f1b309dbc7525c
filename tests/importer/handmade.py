"""A plan typed by hand in Word, as offices do: direct formatting and no named styles, the header
as two tables (issuer | Quốc hiệu, then number | date), numbering either typed or produced by
Word's automatic lists (numbering.xml), and the Nơi nhận / signature block laid out with tabs."""

from __future__ import annotations

import io
import re

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
HEADER = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          ("TỈNH KHÁNH HÒA", "Độc lập - Tự do - Hạnh phúc")]
NUMBER_DATE = ("Số: 125/KH-UBND", "Khánh Hòa, ngày 12 tháng 02 năm 2026")
TITLE = ["KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở năm 2026"]
PREAMBLE = [
    "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
    "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số "
    "điều của Luật Thực hiện dân chủ ở cơ sở;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 như sau:",
]
BODY = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "a) Phát huy quyền làm chủ của Nhân dân, bảo đảm công khai, minh bạch.",
    "b) Gắn thực hiện dân chủ ở cơ sở với cải cách hành chính.",
    "2. Yêu cầu",
    "Bảo đảm thiết thực, hiệu quả; tránh hình thức.",
    "II. NỘI DUNG",
    "1. Tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở",
    "- Cơ quan chủ trì: Sở Nội vụ.",
    "- Cơ quan phối hợp: Sở Tư pháp, Ủy ban nhân dân các xã, phường, đặc khu.",
    "- Thời gian thực hiện: Năm 2026.",
    "2. Kiểm tra việc thực hiện dân chủ ở cơ sở",
    "- Kiểm tra tại các xã, phường;",
    "+ Chọn 10 đơn vị đại diện.",
    "- Báo cáo kết quả.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu triển khai thực hiện Kế hoạch này./.",
]
RECIPIENTS = ["Nơi nhận:", "- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Sở Nội vụ;", "- Lưu: VT, NV."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Nguyễn Văn An"]

MARKER = re.compile(r"^([IVX]+\.|\d+\.|[a-zđ]\))\s+")
FORMATS = {"I": ("upperRoman", "%1."), "1": ("decimal", "%1."), "a": ("lowerLetter", "%1)")}


def text_form() -> str:
    """The same plan as plain text, one paragraph per line."""
    lines = [HEADER[0][0], HEADER[1][0], NUMBER_DATE[0], HEADER[0][1], HEADER[1][1], NUMBER_DATE[1], "",
             *TITLE, "", *PREAMBLE, *BODY, "", *RECIPIENTS, "", *[s for s in SIGNATURE if s]]
    return "\n".join(lines) + "\n"


def _run(p, text: str, size: float = 14, *, bold=False, italic=False):
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"
    run.bold, run.italic = bold, italic
    return run


def _para(container, text: str, size: float = 14, *, bold=False, italic=False, align=None):
    p = container.add_paragraph()
    if text:
        _run(p, text, size, bold=bold, italic=italic)
    p.paragraph_format.space_after = Pt(6)
    if align is not None:
        p.alignment = align
    return p


def _numbering(d) -> dict[str, int]:
    """One list per level kind; returns the numId of each ("I", "1", "a")."""
    part = d.part.numbering_part.element
    ids = {}
    for n, (kind, (fmt, text)) in enumerate(FORMATS.items(), start=70):
        part.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'))
        ids[kind] = n
    return ids


def _restart(d, abstract: int, num_id: int) -> None:
    d.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def _table(d, rows: list[tuple[str, str]], *, bold_left=True, italic_right=False, sizes=(13, 13)):
    table = d.add_table(rows=len(rows), cols=2)
    table.autofit = False
    for column, mm in zip(table.columns, (65, 100)):
        column.width = Mm(mm)
        for cell in column.cells:
            cell.width = Mm(mm)
    for r, (left, right) in enumerate(rows):
        for c, text in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            bold = bold_left if c == 0 else not italic_right
            _para(cell, text, sizes[c], bold=bold, italic=italic_right and c == 1, align=CENTER)
    return table


def build(*, auto_numbers: bool) -> bytes:
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _table(d, HEADER)
    _table(d, [NUMBER_DATE], bold_left=False, italic_right=True, sizes=(13, 14))
    for n, line in enumerate(TITLE):
        _para(d, line, 14, bold=True, align=CENTER)
    for line in PREAMBLE:
        _para(d, line, italic=line.startswith("Căn cứ"))
    ids = _numbering(d) if auto_numbers else {}
    next_num = 100
    current: dict[str, int] = {}
    for line in BODY:
        m = MARKER.match(line)
        heading = bool(m) and not line.rstrip().endswith((".", ";"))
        if not (auto_numbers and m):
            _para(d, line, bold=heading)
            continue
        label = m.group(1)
        kind = "I" if label[0] in "IVX" else ("1" if label[0].isdigit() else "a")
        if label in ("I.", "1.", "a)"):  # a new list restarts at 1
            next_num += 1
            _restart(d, ids[kind], next_num)
            current[kind] = next_num
        p = _para(d, line[m.end():], bold=heading)
        p._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current[kind]}"/></w:numPr>'))
    # Nơi nhận on the left, signature on the right, in one run of tab-separated lines
    rows = max(len(RECIPIENTS), len(SIGNATURE))
    for i in range(rows):
        left = RECIPIENTS[i] if i < len(RECIPIENTS) else ""
        right = SIGNATURE[i] if i < len(SIGNATURE) else ""
        p = d.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Mm(85))
        _run(p, left, 12, bold=i == 0, italic=i == 0)
        _run(p, "\t" + right, 13, bold=bool(right) and i < 3)
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()
