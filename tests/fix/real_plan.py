"""A real plan typed into Word by hand, the way plans are made in offices: python-docx, direct
formatting only, the text of Kế hoạch 5571/KH-UBND of Ủy ban nhân dân tỉnh Bình Dương
(31/10/2023, shared/seeds/000), with the defects seen in hand-made plans — a left margin of
25 mm, Arial and blue runs, body sizes of 12 pt, indents of 0,8 cm, no space between paragraphs,
a bordered header table, rules as long as their cells, Nơi nhận at 12 pt, the page number on
the left and on page 1 — and a landscape appendix holding a wide table."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from drafter.check.anatomy import analyse
from drafter.check.textprep import text_units

SEED = Path(__file__).resolve().parents[1] / "check" / "seeds" / "000_73f7f02f800b6ffa.txt"
TNR = "Times New Roman"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def _run(p, text: str, size: float, *, bold=False, italic=False, font: str = TNR):
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    return run


def _para(container, text: str = "", size: float = 14, *, bold=False, italic=False, align=None, indent=None,
          after: float = 6, font: str = TNR):
    p = container.add_paragraph()
    if text:
        _run(p, text, size, bold=bold, italic=italic, font=font)
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(after), 1.0
    if align is not None:
        p.alignment = align
    if indent is not None:
        fmt.first_line_indent = Cm(indent)
    return p


def _rule(container) -> None:
    """An empty paragraph with a bottom border as wide as its cell (too long)."""
    p = _para(container, "", 6, after=0, align=CENTER)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'))


def _grid(table, widths_mm) -> None:
    """Word writes the column grid with the cell widths (python-docx does not)."""
    for col, mm in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(round(mm / 25.4 * 1440)))


def _empty_cell(cell) -> None:
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)


def seed_parts():
    units = text_units(SEED.read_text(encoding="utf-8"))
    for u in units:  # the PDF dump has the drafter's initials after the closing mark
        u.text = u.text.replace("./. L", "./.")
    return units, analyse(units)


def build() -> bytes:
    units, a = seed_parts()
    text = lambda i: units[i].text  # noqa: E731
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin = s.bottom_margin = Mm(20)
    s.left_margin, s.right_margin = Mm(25), Mm(20)
    header = s.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.LEFT
    header._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    table = d.add_table(rows=2, cols=2)
    table.style = d.styles["Table Grid"]  # borders on the header table
    _grid(table, (65, 105))
    for row in table.rows:
        for cell, mm in zip(row.cells, (65, 105)):
            cell.width = Mm(mm)
            _empty_cell(cell)
    left, right = table.cell(0, 0), table.cell(0, 1)
    for i in a.issuer:
        _para(left, text(i), 14, bold=True, align=CENTER, after=0)
    _rule(left)
    _para(right, text(a.quoc_hieu), 13, bold=True, align=CENTER, after=0)
    _para(right, text(a.tieu_ngu), 14, bold=True, align=CENTER, after=0)
    _rule(right)
    _para(table.cell(1, 0), text(a.so), 13, align=CENTER, after=0)
    _para(table.cell(1, 1), text(a.date), 14, italic=True, align=CENTER, after=0)

    _para(d, text(a.title), 14, bold=True, align=CENTER, after=0)
    for i in a.subject:
        _para(d, text(i), 14, bold=True, align=CENTER, after=0)
    _rule(d)
    for n, i in enumerate(a.preamble + a.body):
        t = text(i)
        heading = t[:2] in ("I.", "II", "IV", "V.") or (t[:1].isdigit() and len(t) < 90 and not t.endswith("."))
        size = 12 if n % 7 == 3 else 13  # some paragraphs typed at 12 pt
        p = _para(d, t, size, bold=heading, italic=i in a.bases, align=JUSTIFY, indent=0.8 if n % 5 == 2 else 1.27,
                  after=0 if n % 6 == 4 else 6, font="Arial" if n == 9 else TNR)
        if n == 12:
            p.runs[0].font.color.rgb = RGBColor(0, 0, 0xCC)

    sign = d.add_table(rows=1, cols=2)
    _grid(sign, (80, 85))
    for cell, mm in zip(sign.rows[0].cells, (80, 85)):
        cell.width = Mm(mm)
        _empty_cell(cell)
    recipients, signature = sign.cell(0, 0), sign.cell(0, 1)
    _para(recipients, text(a.recipients_label), 12, bold=True, italic=True, after=0)
    for i in a.recipients:
        _para(recipients, text(i), 12, after=0)  # 12 pt: ND30 wants 11
    for i in a.signature:
        _para(signature, text(i), 14, bold=True, align=CENTER, after=0)
    for _ in range(3):
        _para(signature, "", 14, after=0)
    _para(signature, text(a.signer), 14, bold=True, align=CENTER, after=0)

    appendix = d.add_section(WD_SECTION.NEW_PAGE)
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_width, appendix.page_height = Mm(297), Mm(210)
    _para(d, "Phụ lục", 14, bold=True, align=CENTER, after=0)
    _para(d, "TIẾN ĐỘ TRIỂN KHAI THI HÀNH LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", 14, bold=True, align=CENTER, after=0)
    _para(d, "(Kèm theo Kế hoạch số 5571/KH-UBND ngày 31 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh Bình Dương)",
          14, italic=True, align=CENTER)
    grid = d.add_table(rows=3, cols=4)
    grid.style = d.styles["Table Grid"]
    _grid(grid, (15, 120, 70, 45))
    rows = [("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"),
            ("1", "Tổ chức quán triệt, tuyên truyền, phổ biến Luật", "Sở Nội vụ", "Quý IV năm 2023"),
            ("2", "Xây dựng Quy chế thực hiện dân chủ ở cơ sở", "Các cơ quan, đơn vị", "Quý IV năm 2023")]
    for r, values in enumerate(rows):
        for c, (value, mm) in enumerate(zip(values, (15, 120, 70, 45))):
            cell = grid.cell(r, c)
            cell.width = Mm(mm)
            _empty_cell(cell)
            _para(cell, value, 13, bold=r == 0, align=CENTER if c != 1 else None, after=0)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
