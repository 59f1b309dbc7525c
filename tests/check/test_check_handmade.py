"""A plan made by hand in Word, not by drafter: no named styles, direct formatting everywhere,
theme fonts in the document defaults, rules drawn as shapes (VML line, DrawingML line inside
mc:AlternateContent), a header table without cell widths, a complex PAGE field. It is correct,
so the checker must find nothing wrong — and must still find what is broken in it."""

from __future__ import annotations

import io

import docx
from checkhelp import findings, of_rule, rule_ids
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from drafter.document.metrics import text_width_mm

TNR = "Times New Roman"
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _run(paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), TNR)
    return run


def _para(container, text: str = "", size: float = 14, *, bold=False, italic=False, align=None,
          indent: bool = False, after: float = 0):
    p = container.add_paragraph()
    if text:
        _run(p, text, size, bold=bold, italic=italic)
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    fmt.line_spacing = 1.0
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1.27)
    return p


def _vml_line(paragraph, length_mm: float) -> None:
    pt = length_mm * 72 / 25.4
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")} {V}><w:pict><v:line from="0,0" to="{pt:.1f}pt,0" strokeweight=".5pt"/></w:pict></w:r>'))


def _drawing_line(paragraph, length_mm: float) -> None:
    cx = int(length_mm * 36000)
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} {MC} {WPS} {V}><mc:AlternateContent><mc:Choice Requires="wps">'
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="1" name="Line 1"/><a:graphic><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm><a:prstGeom prst="line">'
        f'<a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="10pt,0"/></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>'))


def _page_field(paragraph) -> None:
    for xml in ('<w:r {}><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r {}><w:instrText> PAGE </w:instrText></w:r>',
                '<w:r {}><w:fldChar w:fldCharType="separate"/></w:r>'):
        paragraph._p.append(parse_xml(xml.format(nsdecls("w"))))
    _run(paragraph, "2", 13)
    paragraph._p.append(parse_xml('<w:r {}><w:fldChar w:fldCharType="end"/></w:r>'.format(nsdecls("w"))))


def build(*, motto_rule: bool = True, tm_line: bool = True, after: float = 6) -> bytes:
    d = docx.Document()  # python-docx's default template: theme fonts in docDefaults
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    table = d.add_table(rows=2, cols=2)
    for row in table.rows:
        for cell in row.cells:
            tcw = cell._tc.tcPr.find(qn("w:tcW"))
            tcw.getparent().remove(tcw)  # widths from the grid only
    for grid, mm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), (70, 95)):
        grid.set(qn("w:w"), str(round(mm / 25.4 * 1440)))
    center = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    _para(left, "ỦY BAN NHÂN DÂN", 13, bold=True, align=center)
    _para(left, "TỈNH KHÁNH HÒA", 13, bold=True, align=center)
    _vml_line(_para(left, "", 6, align=center), 0.4 * text_width_mm("TỈNH KHÁNH HÒA", 13, bold=True))
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, align=center)
    motto = _para(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, align=center)
    if motto_rule:
        _drawing_line(motto, text_width_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True))
    number, date = table.cell(1, 0), table.cell(1, 1)
    for cell in (number, date):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    _para(number, "Số: 125/KH-UBND", 13, align=center)
    # Quốc hiệu 12, Tiêu ngữ 13, date 13: one of the two size sets of PL-I (ND30-H9).
    _para(date, "Khánh Hòa, ngày 12 tháng 02 năm 2026", 13, italic=True, align=center)

    _para(d, "KẾ HOẠCH", 14, bold=True, align=center)
    subject = _para(d, "Thực hiện dân chủ ở cơ sở năm 2026", 14, bold=True, align=center)
    subject.paragraph_format.space_after = Pt(0)
    underline = _para(d, "", 14, align=center)
    side = (165 - 0.4 * text_width_mm("Thực hiện dân chủ ở cơ sở năm 2026", 14, bold=True)) / 2
    underline.paragraph_format.left_indent = Mm(side)
    underline.paragraph_format.right_indent = Mm(side)
    underline._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'))

    body_lines = [
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", True),
        ("Căn cứ Nghị quyết số 15/2024/NQ-HĐND ngày 02 tháng 12 năm 2024 của Hội đồng nhân dân tỉnh quy định "
         "các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Khánh Hòa;", True),
        ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 như sau:", False),
        ("I. MỤC ĐÍCH, YÊU CẦU", False),
        ("1. Phát huy quyền làm chủ của Nhân dân, bảo đảm công khai, minh bạch trong hoạt động của chính quyền "
         "các cấp trên địa bàn tỉnh.", False),
        ("2. Gắn thực hiện dân chủ ở cơ sở với cải cách hành chính nhà nước.", False),
        ("II. TỔ CHỨC THỰC HIỆN", False),
        ("Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh theo quy định./.",
         False),
    ]
    for text, basis in body_lines:
        heading = text.startswith("I")
        _para(d, text, 14, italic=basis, bold=heading, indent=True, after=after,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    sign = d.add_table(rows=1, cols=2)
    recipients, signature = sign.cell(0, 0), sign.cell(0, 1)
    for cell in (recipients, signature):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    _para(recipients, "Nơi nhận:", 12, bold=True, italic=True)
    for item in ("- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- Ủy ban nhân dân các xã,",
                 "phường, đặc khu;", "- Lưu: VT, SNV."):
        _para(recipients, item, 11)
    lines = (["TM. ỦY BAN NHÂN DÂN"] if tm_line else []) + ["CHỦ TỊCH"]
    for line in lines:
        _para(signature, line, 14, bold=True, align=center)
    for _ in range(3):
        _para(signature, "", 14)
    _para(signature, "Nguyễn Thị Bình", 14, bold=True, align=center)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_hand_made_plan_passes() -> None:
    got = findings(build())
    assert [(f.rule, f.where, f.message) for f in got] == []


def test_hand_made_plan_defects_are_found() -> None:
    got = findings(build(motto_rule=False, tm_line=False, after=0))
    assert {"ND30-H6", "ND30-K1", "ND30-D4"} <= rule_ids(got)
    assert of_rule(got, "ND30-H6")[0].where == "bảng 1, hàng 1, cột 2"
