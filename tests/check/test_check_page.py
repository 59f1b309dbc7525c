"""Page setup, page numbers and fonts."""

from __future__ import annotations

import copy

from checkhelp import fired, good_document, of_rule, para, rule_ids, save, findings
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.check.docx_checks import DocView
from drafter.check.package import Package
from drafter.check.page_checks import estimate_pages


def test_paper_size_and_orientation() -> None:
    def letter(d):
        d.sections[0].page_width, d.sections[0].page_height = Mm(215.9), Mm(279.4)
    [f] = of_rule(fired(letter), "ND30-P1")
    assert f.found == "215,9 × 279,4 mm" and f.where == "trang"

    def landscape(d):
        s = d.sections[0]
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = s.page_height, s.page_width
    assert "khổ ngang" in of_rule(fired(landscape), "ND30-P1")[0].found


def test_margins() -> None:
    def narrow(d):
        d.sections[0].left_margin = Mm(25)
        d.sections[0].top_margin = Mm(15)
    got = of_rule(fired(narrow), "ND30-P2")
    assert {f.found for f in got} == {"lề trái 25 mm", "lề trên 15 mm"}
    assert {f.expected for f in got} == {"lề trái 30–35 mm", "lề trên 20–25 mm"}


def test_margin_of_2_5_cm_in_word_units_is_inside() -> None:
    assert "ND30-P2" not in rule_ids(fired(lambda d: setattr(d.sections[0], "top_margin", 1418 * 635)))


def _header_number(d):
    return d.sections[0].header.paragraphs[0]


def test_page_number_alignment_and_size() -> None:
    got = fired(lambda d: setattr(_header_number(d), "alignment", WD_ALIGN_PARAGRAPH.RIGHT))
    assert "căn phải" in of_rule(got, "ND30-P3")[0].found

    def small(d):
        for r in _header_number(d)._p.iter(qn("w:r")):
            rpr = r.get_or_add_rPr()
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "20")
            rpr.append(size)
    assert "cỡ chữ 10 pt" in of_rule(fired(small), "ND30-P3")[0].found


def test_page_number_in_the_footer() -> None:
    def to_footer(d):
        section = d.sections[0]
        footer = section.footer.paragraphs[0]
        field = _header_number(d)._p.find(qn("w:fldSimple"))
        footer._p.append(copy.deepcopy(field))
        field.getparent().remove(field)
    assert "chân trang" in of_rule(fired(to_footer), "ND30-P3")[0].found


def test_page_number_shown_on_page_one() -> None:
    got = fired(lambda d: setattr(d.sections[0], "different_first_page_header_footer", False))
    assert "ND30-P4" in rule_ids(got)

    def numbered_first(d):
        first = d.sections[0].first_page_header.paragraphs[0]
        first._p.append(copy.deepcopy(_header_number(d)._p.find(qn("w:fldSimple"))))
    assert "đầu trang của trang thứ nhất" in of_rule(fired(numbered_first), "ND30-P4")[0].found


def test_long_plan_without_page_numbers() -> None:
    def unnumbered(d):
        field = _header_number(d)._p.find(qn("w:fldSimple"))
        field.getparent().remove(field)
        body = para(d, "a) Nâng cao")
        for _ in range(30):
            body._p.addnext(copy.deepcopy(body._p))
    got = fired(unnumbered)
    assert of_rule(got, "ND30-P5")[0].severity == "warning"


def test_page_estimate_of_the_good_plan() -> None:
    data = save(good_document())
    pages = estimate_pages(Package.from_bytes(data), DocView(Package.from_bytes(data)).paras)
    assert 1 < pages < 3


# -- fonts ----------------------------------------------------------------------------------------------


def test_direct_font() -> None:
    def arial(d):
        para(d, "a) Nâng cao").runs[0].font.name = "Arial"
    [f] = of_rule(fired(arial), "ND30-F1")
    assert f.found == "«Arial»" and f.where == "đoạn 11"


def test_theme_font_through_the_normal_style() -> None:
    def theme(d):
        fonts = d.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        fonts.set(qn("w:asciiTheme"), "minorHAnsi")
        fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    [f] = of_rule(fired(theme), "ND30-F1")
    assert f.found == "«Cambria»"  # the template's theme: minor latin font
    assert len(f.locations) > 30  # every paragraph in one finding


def test_east_asian_and_complex_script_slots() -> None:
    def east(d):
        run = para(d, "a) Nâng cao").runs[0]
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "MS Mincho")
    [f] = of_rule(fired(east), "ND30-F2")
    assert "MS Mincho" in f.found and f.severity == "warning"


def test_size_helper() -> None:
    assert Pt(14).pt == 14 and findings  # helpers importable


def test_east_asian_hint_makes_that_font_visible() -> None:
    def hinted(d):
        fonts = para(d, "a) Nâng cao").runs[0]._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "MS Mincho")
        fonts.set(qn("w:hint"), "eastAsia")
    got = fired(hinted)
    assert of_rule(got, "ND30-F1")[0].found == "«MS Mincho»" and "ND30-F2" not in rule_ids(got)
