"""Appendices as Word sections: each appendix starts a new section (so a new page), portrait or
landscape (ND30 PL-I I.2: a page holding a wide table may be landscape), with its page numbers
restarting at 1 when the rules table says so; the rule under each "(Kèm theo …)" line is sized
to its share of that line.

Word stores a section's properties at its end: in the last paragraph of the section, and for the
last section in the body's own `w:sectPr`. Each new `w:sectPr` is a copy of the template's, so
headers, page numbers and margins stay the template's."""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter.document.metrics import text_width_mm
from drafter.document.render import center_rule
from drafter.document.styles import APPENDIX_HEADING, APPENDIX_REFERENCE, RULE_APPENDIX
from drafter.document.tables import MISSING_HINT
from drafter.document.tables import text_width_mm as page_text_mm
from drafter.errors import TemplateError
from drafter.rules import rules


def _orient(sect_pr, landscape: bool, restart: bool) -> None:
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        size = OxmlElement("w:pgSz")
        sect_pr.append(size)
    paper = rules().trang.kho_giay
    short, long = Mm(paper.rong_mm).twips, Mm(paper.cao_mm).twips
    size.set(qn("w:w"), str(long if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif qn("w:orient") in size.attrib:
        del size.attrib[qn("w:orient")]
    numbering = sect_pr.find(qn("w:pgNumType"))
    if restart:
        if numbering is None:
            numbering = OxmlElement("w:pgNumType")
            # pgNumType comes right after pgMar/paperSrc/pgBorders/lnNumType in the schema
            anchor = sect_pr.find(qn("w:pgMar"))
            (anchor.addnext if anchor is not None else sect_pr.append)(numbering)
        numbering.set(qn("w:start"), "1")
    elif numbering is not None:
        sect_pr.remove(numbering)


def _end_section_before(element, sect_pr) -> None:
    """Put `sect_pr` at the end of the section that ends right before `element`."""
    previous = element.getprevious()
    if previous is None or previous.tag != qn("w:p"):
        holder = OxmlElement("w:p")  # after a table: Word keeps section breaks in paragraphs
        element.addprevious(holder)
        previous = holder
    p_pr = previous.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        previous.insert(0, p_pr)
    p_pr.append(sect_pr)


def _size_rule(doc: DocxDocument, reference, rule, landscape: bool) -> None:
    r = rules().phu_luc
    style = doc.styles[APPENDIX_REFERENCE]
    size = style.font.size.pt if style.font.size is not None else r.kem_theo.co_chu.mac_dinh
    container = page_text_mm(landscape)
    line = min(text_width_mm(reference.text, size, italic=r.kem_theo.nghieng), container)
    center_rule(rule, container, r.duong_ke.mac_dinh * line)


def appendix_sections(doc: DocxDocument, appendices: list) -> None:
    if not appendices:
        return
    body = doc.element.body
    headings = [p for p in doc.paragraphs if p.style is not None and p.style.name == APPENDIX_HEADING]
    if len(headings) != len(appendices):  # the template would drop appendices silently: refuse
        raise TemplateError(f"kế hoạch có {len(appendices)} phụ lục nhưng mẫu chỉ đặt được {len(headings)} "
                            f"(cần vòng lặp «phu_luc» với đoạn kiểu «{APPENDIX_HEADING}»)", hint=MISSING_HINT)
    final = body.find(qn("w:sectPr"))
    template = copy.deepcopy(final)
    restart = rules().phu_luc.so_trang_rieng
    previous_landscape, previous_restart = False, False
    for heading, appendix in zip(headings, appendices):
        ending = copy.deepcopy(template)
        _orient(ending, previous_landscape, previous_restart)
        _end_section_before(heading._p, ending)
        previous_landscape, previous_restart = appendix.ngang, restart
    _orient(final, previous_landscape, previous_restart)

    paragraphs = doc.paragraphs
    for heading, appendix in zip(headings, appendices):
        start = next(i for i, p in enumerate(paragraphs) if p._p is heading._p)
        reference = next((p for p in paragraphs[start:start + 4] if p.style.name == APPENDIX_REFERENCE), None)
        rule = next((p for p in paragraphs[start:start + 5] if p.style.name == RULE_APPENDIX), None)
        if reference is not None and rule is not None:
            _size_rule(doc, reference, rule, appendix.ngang)
