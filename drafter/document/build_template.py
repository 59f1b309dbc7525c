"""Build the default Word template `templates/ke-hoach.docx` from the ND30 rules table.

Legal staff may edit the built DOCX in Word directly; this builder exists so that an amendment
of the rules table is one command: `python tools/build_template.py`. A test checks that the
committed template is what this builder makes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from drafter.document.styles import (
    APPENDIX_HEADING, APPENDIX_REFERENCE, APPENDIX_TITLE, BODY, EXTRA_STYLES, LINE_STYLES, PAGE_NUMBER,
    RULE_APPENDIX, RULE_ISSUER, RULE_MOTTO, RULE_STYLES, RULE_SUBJECT, STYLES, TABLE_CAPTION, TABLE_STYLE,
)
from drafter.document.runs import FILTER
from drafter.rules import ND30, rules

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
RICH_LINE = f"{{{{r d|{FILTER} }}}}"  # a body paragraph as runs, with its **bold** / *italic*
FIXED_DATE = dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)


def set_fonts(rpr, name: str) -> None:
    """Times New Roman in all four font slots, theme fonts removed (ND30 PL-I I.4)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if "theme" in attr.lower():
            del fonts.attrib[attr]
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), name)


def _doc_defaults(doc, r: ND30) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, r.trang.phong_chu.ten)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    normal = doc.styles["Normal"]
    normal.font.name = r.trang.phong_chu.ten
    set_fonts(normal.element.get_or_add_rPr(), r.trang.phong_chu.ten)
    normal.font.size = Pt(r.thanh_phan.noi_dung.co_chu.mac_dinh)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True


def _add_styles(doc, r: ND30) -> None:
    para = r.doan_van
    for spec in STYLES:
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[spec.base or "Normal"]
        style.quick_style = True
        element = getattr(r.thanh_phan, spec.element)
        style.font.size = Pt(element.co_chu.mac_dinh)
        style.font.bold = element.dam
        style.font.italic = element.nghieng
        fmt = style.paragraph_format
        if spec.body:
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = Cm(para.thut_dau_dong_cm.mac_dinh)
            fmt.space_after = Pt(para.cach_sau_pt.mac_dinh)
            fmt.line_spacing = para.gian_dong.mac_dinh
        elif spec.centred:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if spec.keep_with_next:
            fmt.keep_with_next = True
    space = r.bo_cuc.khoang_cach_pt
    doc.styles["Tên loại"].paragraph_format.space_before = Pt(space.truoc_ten_loai)
    signer = doc.styles["Người ký"]
    lines = r.bo_cuc.dong_trong_truoc_ten_nguoi_ky.mac_dinh
    line_pt = r.thanh_phan.nguoi_ky.co_chu.mac_dinh * r.bo_cuc.cao_dong_theo_co_chu
    signer.paragraph_format.space_before = Pt(round(lines * line_pt))

    base = doc.styles.add_style("Đường kẻ", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = doc.styles["Normal"]
    base.font.size = Pt(4)
    base.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in RULE_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = base
        ppr = style.element.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        ppr.append(borders)
    doc.styles[RULE_SUBJECT].paragraph_format.space_after = Pt(space.sau_duong_ke)

    doc.styles[RULE_APPENDIX].paragraph_format.space_after = Pt(space.sau_duong_ke)
    _appendix_and_table_styles(doc, r)

    number = doc.styles.add_style(PAGE_NUMBER, WD_STYLE_TYPE.PARAGRAPH)
    number.base_style = doc.styles["Normal"]
    number.font.size = Pt(r.trang.so_trang.co_chu.mac_dinh)
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _appendix_and_table_styles(doc, r: ND30) -> None:
    for name, path, centred, bold in EXTRA_STYLES:
        group, key = path.split(".")
        element = getattr(getattr(r, group), key)
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        style.font.size = Pt(element.co_chu.mac_dinh)
        style.font.bold = element.dam if bold is None else bold
        style.font.italic = element.nghieng
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    for name in (APPENDIX_HEADING, APPENDIX_TITLE):
        doc.styles[name].paragraph_format.keep_with_next = True
    doc.styles[APPENDIX_HEADING].paragraph_format.space_after = Pt(r.bo_cuc.khoang_cach_pt.sau_tieu_de_phu_luc)
    doc.styles[APPENDIX_REFERENCE].paragraph_format.keep_with_next = True
    doc.styles[TABLE_CAPTION].paragraph_format.space_after = Pt(r.bo_cuc.khoang_cach_pt.sau_ten_bang)
    doc.styles[TABLE_CAPTION].paragraph_format.keep_with_next = True

    # A grid table: single black borders, cell text vertically centred by the renderer.
    table = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = doc.styles["Normal Table"]
    tbl_pr = table.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        table.element.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            edge.set(qn(key), value)
        borders.append(edge)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(Mm(r.bang.le_o_mm).twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.append(margins)


def _page(doc, r: ND30) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(r.trang.kho_giay.rong_mm)
    section.page_height = Mm(r.trang.kho_giay.cao_mm)
    margins = r.trang.le_mm
    section.top_margin = Mm(margins.tren.mac_dinh)
    section.bottom_margin = Mm(margins.duoi.mac_dinh)
    section.left_margin = Mm(margins.trai.mac_dinh)
    section.right_margin = Mm(margins.phai.mac_dinh)
    section.header_distance = Mm(r.bo_cuc.le_dau_chan_trang_mm)
    section.footer_distance = Mm(r.bo_cuc.le_dau_chan_trang_mm)
    # Page numbers from page 2 only (ND30 PL-I I.7): a different, empty first-page header.
    section.different_first_page_header_footer = r.trang.so_trang.an_trang_dau
    section.first_page_header.paragraphs[0].text = ""
    header = section.header.paragraphs[0]
    header.style = doc.styles[PAGE_NUMBER]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    header._p.append(field)


def _fixed_table(doc, rows: int, widths_mm: list[float], cant_split: bool = False):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(Mm(sum(widths_mm)).twips))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    for col, grid in zip(widths_mm, table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(Mm(col).twips))
    for row in table.rows:
        if cant_split:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
        for cell, col in zip(row.cells, widths_mm):
            cell.width = Mm(col)
    return table


def _para(container, text: str, style: str):
    paragraph = container.add_paragraph(text, style=style)
    return paragraph


def _cell_paragraphs(cell, items: list[tuple[str, str]]) -> None:
    first = cell.paragraphs[0]
    first.text, first.style = items[0][0], cell.part.document.styles[items[0][1]]
    for text, style in items[1:]:
        cell.add_paragraph(text, style=style)


def _header(doc, r: ND30) -> None:
    layout = r.bo_cuc
    table = _fixed_table(doc, 2, [layout.tieu_de_cot_trai_mm.mac_dinh, layout.tieu_de_cot_phai_mm.mac_dinh])
    _cell_paragraphs(table.cell(0, 0), [
        ("{%p for dong in co_quan %}", "Cơ quan ban hành"),
        ("{{ dong }}", "Cơ quan ban hành"),
        ("{%p endfor %}", "Cơ quan ban hành"),
        ("", RULE_ISSUER),
    ])
    _cell_paragraphs(table.cell(0, 1), [
        (r.thanh_phan.quoc_hieu.van_ban, "Quốc hiệu"),
        (r.thanh_phan.tieu_ngu.van_ban, "Tiêu ngữ"),
        ("", RULE_MOTTO),
    ])
    _cell_paragraphs(table.cell(1, 0), [("{{ so_ky_hieu }}", "Số ký hiệu")])
    _cell_paragraphs(table.cell(1, 1), [("{{ dia_danh_ngay }}", "Địa danh ngày tháng")])
    for cell in (table.cell(1, 0), table.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(layout.khoang_cach_pt.truoc_so_ngay)


def _body(doc) -> None:
    _para(doc, "{{ ten_loai }}", "Tên loại")
    _para(doc, "{%p for dong in trich_yeu %}", "Trích yếu")
    _para(doc, "{{ dong }}", "Trích yếu")
    _para(doc, "{%p endfor %}", "Trích yếu")
    _para(doc, "", RULE_SUBJECT)

    _para(doc, "{%p for d in mo_dau %}", BODY)
    _para(doc, '{%p if d.kieu == "can_cu" %}', BODY)
    basis = _para(doc, "{{ d.noi_dung }}", "Căn cứ")
    upright = basis.add_run("{{ d.tiep }}")
    upright.italic = False
    _para(doc, "{%p else %}", BODY)
    _para(doc, RICH_LINE, BODY)
    _para(doc, "{%p endif %}", BODY)
    _para(doc, "{%p endfor %}", BODY)

    _lines_loop(doc, "than")


def _lines_loop(doc, variable: str) -> None:
    """One paragraph per laid-out line, in the style of its kind; `{{p d.bang }}` puts a whole
    Word table in place of its paragraph."""
    _para(doc, f"{{%p for d in {variable} %}}", BODY)
    branches = [k for k in LINE_STYLES if k not in ("can_cu", "dan_nhap", "doan")]
    for i, kind in enumerate(branches):
        keyword = "if" if i == 0 else "elif"
        _para(doc, f'{{%p {keyword} d.kieu == "{kind}" %}}', BODY)
        _para(doc, RICH_LINE, LINE_STYLES[kind])
    _para(doc, '{%p elif d.kieu == "bang" %}', BODY)
    _para(doc, "{{p d.bang }}", BODY)
    _para(doc, "{%p else %}", BODY)
    _para(doc, RICH_LINE, BODY)
    _para(doc, "{%p endif %}", BODY)
    _para(doc, "{%p endfor %}", BODY)


def _appendices(doc) -> None:
    """After the signature: each appendix on its own page (the renderer makes it a section)."""
    _para(doc, "{%p for pl in phu_luc %}", BODY)
    _para(doc, "{{ pl.so }}", APPENDIX_HEADING)
    _para(doc, "{%p if pl.ten %}", APPENDIX_TITLE)
    _para(doc, "{{ pl.ten }}", APPENDIX_TITLE)
    _para(doc, "{%p endif %}", APPENDIX_TITLE)
    _para(doc, "{{ pl.kem_theo }}", APPENDIX_REFERENCE)
    _para(doc, "", RULE_APPENDIX)
    _lines_loop(doc, "pl.than")
    _para(doc, "{%p endfor %}", BODY)


def _signature(doc, r: ND30) -> None:
    layout = r.bo_cuc
    table = _fixed_table(doc, 1, [layout.chu_ky_cot_trai_mm.mac_dinh, layout.chu_ky_cot_phai_mm.mac_dinh],
                         cant_split=True)
    _cell_paragraphs(table.cell(0, 0), [
        ("{{ nhan_noi_nhan }}", "Nơi nhận"),
        ("{%p for dong in noi_nhan %}", "Nơi nhận mục"),
        ("{{ dong }}", "Nơi nhận mục"),
        ("{%p endfor %}", "Nơi nhận mục"),
    ])
    _cell_paragraphs(table.cell(0, 1), [
        ("{%p for dong in chu_ky %}", "Thẩm quyền ký"),
        ("{{ dong }}", "Thẩm quyền ký"),
        ("{%p endfor %}", "Thẩm quyền ký"),
        ("{{ nguoi_ky }}", "Người ký"),
    ])


def build(out: Path, r: ND30 | None = None) -> Path:
    r = r or rules()
    doc = Document()
    _doc_defaults(doc, r)
    _add_styles(doc, r)
    _page(doc, r)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _header(doc, r)
    _body(doc)
    _signature(doc, r)
    _appendices(doc)
    doc.add_paragraph("", style="Đường kẻ").paragraph_format.space_after = Pt(0)  # Word needs a paragraph after a table
    props = doc.core_properties
    props.title = "Kế hoạch (mẫu drafter)"
    props.author = props.last_modified_by = "drafter"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    props.comments = "Mẫu Kế hoạch theo Nghị định 30/2020/NĐ-CP, sinh bởi tools/build_template.py"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out
