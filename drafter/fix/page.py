"""Repairs of the page setup (PL-I I.1–3, I.7): A4 size and orientation (landscape kept for a
section holding a table), margins, the page number centred in the header from page 2 on."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm

from drafter.check.docx_reader import TWIPS_PER_MM
from drafter.check.formatting import DEFAULT_SIZE, W, align_words
from drafter.check.page_checks import _has_page_field, part_references, section_properties, table_sections
from drafter.fix.change import Plan
from drafter.fix.runs import paragraph_alignment, raw_size, set_alignment, set_size
from drafter.rules import rules

EXACT = 0.01


def _mm_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def plan_page(view, document, plan: Plan, rules_fired: set[str]) -> None:
    if not {"ND30-P1", "ND30-P2"} & rules_fired:
        return
    paper, margins = rules().trang.kho_giay, rules().trang.le_mm
    wide = table_sections(view.package) if paper.ngang_cho_bang else []
    for n, sect in enumerate(section_properties(view.package), 1):
        where = "trang" if n == 1 else f"phần (section) {n}"
        section = Section(sect, document.part)
        landscape = any(sect is s for s in wide) and (section.page_width or 0) > (section.page_height or 0)
        want_w, want_h = (paper.cao_mm, paper.rong_mm) if landscape else (paper.rong_mm, paper.cao_mm)
        size = (round((section.page_width or 0) / 36000, 1), round((section.page_height or 0) / 36000, 1))
        if abs(size[0] - want_w) > 1 or abs(size[1] - want_h) > 1:
            def write(s=section, w=want_w, h=want_h, land=landscape):
                s.page_width, s.page_height = Cm(w / 10), Cm(h / 10)
                s.orientation = WD_ORIENT.LANDSCAPE if land else WD_ORIENT.PORTRAIT
            plan.add("ND30-P1", where, "khổ giấy", f"{size[0]:g} × {size[1]:g} mm", f"{want_w:g} × {want_h:g} mm",
                     lambda s=section: (s.page_width, s.page_height), write)
        mar = sect.find(W + "pgMar")
        if mar is None:
            mar = OxmlElement("w:pgMar")
            section._sectPr.append(mar)
        for attr, word, allowed in (("top", "trên", margins.tren), ("bottom", "dưới", margins.duoi),
                                    ("left", "trái", margins.trai), ("right", "phải", margins.phai)):
            raw = mar.get(qn(f"w:{attr}"))
            gutter = int(mar.get(qn("w:gutter")) or 0) if attr == "left" else 0
            value = (abs(int(float(raw))) + gutter) / TWIPS_PER_MM if raw else None
            if value is not None and allowed.contains(value, 0.2):
                continue

            def write(m=mar, a=attr, v=allowed.mac_dinh):
                m.set(qn(f"w:{a}"), str(_mm_twips(v)))
                if a == "left":
                    m.set(qn("w:gutter"), "0")
            plan.add("ND30-P2", where, f"lề {word} (mm)", round(value, 1) if value is not None else None,
                     allowed.mac_dinh, lambda m=mar, a=attr: (m.get(qn(f"w:{a}")), m.get(qn("w:gutter"))), write)


def _page_field_run(size: float):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    name = rules().trang.phong_chu.ten
    rpr = (f'<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
           f'<w:sz w:val="{round(size * 2)}"/></w:rPr>')
    # No cached result text: Word and LibreOffice compute a PAGE field in a header when they lay the
    # page out, and a cached "2" would be a word the input did not have.
    return parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r>{rpr}</w:r></w:fldSimple>')


def plan_page_numbers(view, document, plan: Plan, rules_fired: set[str]) -> None:
    number = rules().trang.so_trang
    sections = section_properties(view.package)
    if not sections:
        return
    first = Section(sections[0], document.part)
    if "ND30-P5" in rules_fired:
        def add_number(s=first):
            header = s.header
            header.is_linked_to_previous = False
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p._p.append(_page_field_run(number.co_chu.mac_dinh))
        plan.add("ND30-P5", "đầu trang", "số trang", None, "giữa đầu trang, từ trang 2",
                 lambda s=first: len(s.header.paragraphs) if not s.header.is_linked_to_previous else -1, add_number)
    if {"ND30-P4", "ND30-P5"} & rules_fired and number.an_trang_dau:
        plan.add("ND30-P4", "trang", "trang đầu khác (ẩn số trang trang 1)", first.different_first_page_header_footer,
                 True, lambda s=first: s.different_first_page_header_footer,
                 lambda s=first: setattr(s, "different_first_page_header_footer", True))
        for kind in ("header", "footer"):
            part = part_references(view.package, sections[0], kind).get("first")
            if part is None:
                continue
            for p in part.iter(W + "p"):
                if _has_page_field(p):
                    plan.add("ND30-P4", "đầu trang của trang thứ nhất", "số trang", "có", "không",
                             lambda p=p: len(p), lambda p=p: _drop_page_field(p))
    if "ND30-P3" in rules_fired:
        for kind in ("default", "even"):
            part = part_references(view.package, sections[0], "header").get(kind)
            for p in part.iter(W + "p") if part is not None else ():
                if not _has_page_field(p):
                    continue
                plan.add("ND30-P3", "đầu trang", "căn lề số trang", align_words(paragraph_alignment(p)),
                         align_words("center"),
                         lambda p=p: paragraph_alignment(p), lambda p=p: set_alignment(p, WD_ALIGN_PARAGRAPH.CENTER))
                pstyle = view.resolver.para_props(p).style_id
                for r in p.iter(W + "r"):
                    size = view.resolver.run_props(r, pstyle, None).size or DEFAULT_SIZE
                    if not number.co_chu.contains(size, EXACT):
                        plan.add("ND30-P3", "đầu trang", "cỡ chữ số trang (pt)", size, number.co_chu.mac_dinh,
                                 lambda r=r: raw_size(r), lambda r=r: set_size(r, number.co_chu.mac_dinh))


def _drop_page_field(p) -> None:
    for el in list(p):
        if el.tag == W + "fldSimple" or (el.tag == W + "r" and (el.find(W + "fldChar") is not None
                                                              or el.find(W + "instrText") is not None)):
            p.remove(el)




__all__ = ["plan_page", "plan_page_numbers"]
