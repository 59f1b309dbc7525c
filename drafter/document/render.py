"""Render a plan into a DOCX through a docxtpl Word template.

Templates are data: they run only in the budgeted sandbox of `drafter.template.sandbox`
(autoescape on, an unknown variable is an error, never a blank; every value is NFC text whose
line breaks become separate paragraphs and whose tabs become Word tabs)."""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.shared import Emu, Mm
from jinja2.sandbox import SandboxedEnvironment

from drafter.document import runs
from drafter.document.keep import keep_signature_with_text
from drafter.document.metrics import text_width_mm
from drafter.document.sections import appendix_sections
from drafter.document.styles import RULE_ISSUER, RULE_MOTTO, RULE_SUBJECT
from drafter.document.tables import attach_tables, require_placed
from drafter.document.values import preserve_spaces
from drafter.paths import DEFAULT_TEMPLATE
from drafter.plan.layout import context
from drafter.plan.model import Plan
from drafter.rules import rules
from drafter.template.run import render_template
from drafter.template.sandbox import environment as budgeted_environment

CELL_MARGIN_MM = 1.905  # Word's default left/right cell margin (108 twips)


def environment() -> SandboxedEnvironment:
    return budgeted_environment()


def _style_size_pt(doc: DocxDocument, style_name: str, fallback: float) -> float:
    style = doc.styles[style_name]
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return fallback


def _size_rule(paragraph, container_mm: float, length_mm: float) -> None:
    side = max(0.0, (container_mm - length_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.first_line_indent = Emu(0)


def _cell_width_mm(paragraph) -> float | None:
    tc = paragraph._p.getparent()
    if tc is None or not tc.tag.endswith("}tc"):
        return None
    width = tc.tcPr.tcW.width if tc.tcPr is not None and tc.tcPr.tcW is not None else None
    if width is None:
        return None
    return width.mm - 2 * CELL_MARGIN_MM


def size_rules(doc: DocxDocument, ctx: dict) -> None:
    """Size each rule paragraph to the ND30 share of the text above it (PL-I II.1, II.2, II.5)."""
    r = rules()
    section = doc.sections[0]
    text_mm = (section.page_width - section.left_margin - section.right_margin) / Emu(Mm(1))
    el = r.thanh_phan

    def widest(lines: list[str], style: str, element) -> float:
        size = _style_size_pt(doc, style, element.co_chu.mac_dinh)
        return max(text_width_mm(line, size, bold=element.dam, italic=element.nghieng) for line in lines)

    targets = {
        RULE_ISSUER: r.duong_ke.co_quan_ban_hanh.mac_dinh * widest(ctx["co_quan"], "Cơ quan ban hành", el.co_quan_ban_hanh),
        RULE_MOTTO: r.duong_ke.tieu_ngu.mac_dinh * widest([el.tieu_ngu.van_ban], "Tiêu ngữ", el.tieu_ngu),
        RULE_SUBJECT: r.duong_ke.trich_yeu.mac_dinh * widest(ctx["trich_yeu"], "Trích yếu", el.trich_yeu),
    }
    # By style id over the XML: walking python-docx cells and styles is quadratic on long tables.
    ids = {doc.styles[name].style_id: name for name in targets if name in doc.styles}
    for p in doc.element.body.iter(qn("w:p")):
        name = ids.get(p.style)
        if name is not None:
            paragraph = Paragraph(p, doc._body)
            _size_rule(paragraph, _cell_width_mm(paragraph) or text_mm, targets[name])


def render_docx(plan: Plan, template: Path | None = None) -> bytes:
    template = Path(template or DEFAULT_TEMPLATE)
    ctx = context(plan)
    doc = render_template(template, ctx, prepare=lambda d: attach_tables(d, ctx))
    preserve_spaces(doc.docx)
    runs.drop_empty_runs(doc.docx)
    require_placed(ctx)
    size_rules(doc.docx, ctx)
    appendix_sections(doc.docx, ctx["phu_luc"])
    keep_signature_with_text(doc.docx)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
