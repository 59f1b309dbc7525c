"""Effective formatting resolution: document defaults, style chains, character styles, toggle
properties, theme fonts, numbering indents — where python-docx answers None."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from drafter.check.docx_reader import Reader
from drafter.check.formatting import Resolver
from drafter.check.package import Package


def _read(d):
    pkg = Package.from_document(d)
    return Reader(pkg, Resolver(pkg)).read()


def _fresh():
    d = docx.Document()
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return d


def test_inherited_size_comes_from_the_style_chain_not_none() -> None:
    d = _fresh()
    base = d.styles.add_style("Gốc", WD_STYLE_TYPE.PARAGRAPH)
    base.font.size = Pt(13)
    leaf = d.styles.add_style("Lá", WD_STYLE_TYPE.PARAGRAPH)
    leaf.base_style = base
    p = d.add_paragraph("chữ", style="Lá")
    assert p.runs[0].font.size is None and p.style.font.size is None  # python-docx: inherited = None
    [para] = _read(d)
    assert para.segments[0].props.size == 13


def test_document_defaults_apply_last() -> None:
    d = _fresh()
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    defaults.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="26"/>'))
    normal = d.styles["Normal"].element.get_or_add_rPr()
    for sz in normal.findall(qn("w:sz")):
        normal.remove(sz)
    d.add_paragraph("chữ")
    assert _read(d)[0].segments[0].props.size == 13


def test_character_style_and_direct_formatting() -> None:
    d = _fresh()
    char = d.styles.add_style("Nhấn", WD_STYLE_TYPE.CHARACTER)
    char.font.size = Pt(11)
    char.font.italic = True
    p = d.add_paragraph()
    p.add_run("một", style="Nhấn")
    direct = p.add_run("hai", style="Nhấn")
    direct.font.size = Pt(14)
    direct.italic = False
    one, two = _read(d)[0].segments
    assert (one.props.size, one.props.italic) == (11, True)
    assert (two.props.size, two.props.italic) == (14, False)


def test_bold_toggles_between_paragraph_and_character_styles() -> None:
    d = _fresh()
    para_style = d.styles.add_style("Đậm", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char = d.styles.add_style("Đậm chữ", WD_STYLE_TYPE.CHARACTER)
    char.font.bold = True
    p = d.add_paragraph(style="Đậm")
    p.add_run("đậm")
    p.add_run("đảo", style="Đậm chữ")  # bold XOR bold: not bold (ECMA-376 §17.7.3)
    forced = p.add_run("ép", style="Đậm chữ")
    forced.bold = True  # direct formatting wins outright
    a, b, c = _read(d)[0].segments
    assert (a.props.bold, b.props.bold, c.props.bold) == (True, False, True)


def test_theme_fonts_resolve_through_the_theme_part() -> None:
    d = _fresh()  # python-docx's template: docDefaults use theme fonts
    normal = d.styles["Normal"].element
    rpr = normal.find(qn("w:rPr"))
    if rpr is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            rpr.remove(fonts)
    d.add_paragraph("chữ")
    props = _read(d)[0].segments[0].props
    assert props.font("ascii") not in (None, "Times New Roman")
    assert props.font("ascii") == props.font("hAnsi")


def test_theme_attribute_beats_the_explicit_name_at_the_same_level() -> None:
    d = _fresh()
    p = d.add_paragraph()
    run = p.add_run("chữ")
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")
    fonts.set(qn("w:cs"), "Times New Roman")
    fonts.set(qn("w:cstheme"), "minorBidi")
    props = _read(d)[0].segments[0].props
    assert props.font("ascii") == "Times New Roman" and props.font("cs") != "Times New Roman"


def test_caps_and_hidden_text() -> None:
    d = _fresh()
    p = d.add_paragraph()
    shown = p.add_run("tỉnh khánh hòa")
    shown.font.all_caps = True
    hidden = p.add_run(" ẩn")
    hidden.font.hidden = True
    [para] = _read(d)
    assert para.text == "tỉnh khánh hòa" and para.segments[0].props.caps


def test_numbering_gives_the_indent() -> None:
    d = _fresh()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="0" w:firstLine="720"/>'
        f'</w:pPr></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    p = d.add_paragraph("mục")
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    assert _read(d)[0].props.first_line == 720


def test_table_style_formatting_reaches_cell_text() -> None:
    d = _fresh()
    style = d.styles.add_style("Bảng nhỏ", WD_STYLE_TYPE.TABLE)
    style.font.size = Pt(11)
    table = d.add_table(rows=1, cols=1, style="Bảng nhỏ")
    table.cell(0, 0).paragraphs[0].add_run("ô")
    [para] = _read(d)
    assert para.where == "bảng 1, hàng 1, cột 1"
    # python-docx's Normal style sets no size, so the table style's 11 pt shows
    assert para.segments[0].props.size == 11


def test_content_controls_and_hyperlinks_are_read_through() -> None:
    d = _fresh()
    d.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w", "r")}><w:sdtPr/><w:sdtContent><w:p><w:hyperlink r:id="rId99">'
        f'<w:r><w:t>Căn cứ Luật</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="a"><w:r><w:t> mới;</w:t>'
        f'</w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText> cũ</w:delText></w:r></w:del></w:p>'
        f'</w:sdtContent></w:sdt>'))
    [para] = _read(d)
    assert para.text == "Căn cứ Luật mới;" and para.where == "đoạn 1"
