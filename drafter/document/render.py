"""Render a plan into a DOCX through a docxtpl Word template.

Templates are data: they run only in the budgeted sandbox of `drafter.template.sandbox`
(autoescape on, an unknown variable is an error, never a blank; every value is NFC text whose
line breaks become separate paragraphs and whose tabs become Word tabs)."""

from __future__ import annotations

import weakref
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Emu, Mm
from docx.text.paragraph import Paragraph
from jinja2.sandbox import SandboxedEnvironment

from drafter.document.metrics import text_width_mm
from drafter.document.styles import RULE_ISSUER, RULE_MOTTO, RULE_SUBJECT
from drafter.paths import DEFAULT_TEMPLATE
from drafter.plan.model import Plan
from drafter.rules import rules
from drafter.template.sandbox import environment as budgeted_environment

def environment() -> SandboxedEnvironment:
    return budgeted_environment()


def _style_size_pt(doc: DocxDocument, style_name: str, fallback: float | None) -> float | None:
    style = doc.styles[style_name]
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return fallback


# Styles part → {style name: (style id, size in pt)}. A style lookup walks the whole styles part
# (hundreds of kB); the prepared template renders many plans over the same part.
_STYLE_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style_id(doc: DocxDocument, style_name: str) -> str | None:
    """The id of a named style (None if the template lacks it), looked up once per styles part."""
    return _style_facts(doc, style_name)[0]


def _style_facts(doc: DocxDocument, style_name: str) -> tuple[str | None, float | None]:
    """(style id, font size in pt or None) — (None, None) for a style the template lacks —
    looked up once per styles part."""
    facts = _STYLE_CACHE.setdefault(doc.part._styles_part, {})
    if style_name not in facts:
        try:
            facts[style_name] = (doc.styles[style_name].style_id, _style_size_pt(doc, style_name, None))
        except KeyError:
            facts[style_name] = (None, None)
    return facts[style_name]


def center_rule(paragraph, container_mm: float, length_mm: float) -> None:
    """Make a rule paragraph `length_mm` long, centred in its container, by indenting both sides."""
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
    return width.mm - 2 * rules().bang.le_o_mm  # the cell's left and right margins


def size_rules(doc: DocxDocument, ctx: dict) -> None:
    """Size each rule paragraph to the ND30 share of the text above it (PL-I II.1, II.2, II.5)."""
    r = rules()
    section = doc.sections[0]
    text_mm = (section.page_width - section.left_margin - section.right_margin) / Emu(Mm(1))
    el = r.thanh_phan

    def widest(lines: list[str], style: str, element) -> float:
        size = _style_facts(doc, style)[1] or element.co_chu.mac_dinh
        return max(text_width_mm(line, size, bold=element.dam, italic=element.nghieng) for line in lines)

    targets = {
        RULE_ISSUER: r.duong_ke.co_quan_ban_hanh.mac_dinh * widest(ctx["co_quan"], "Cơ quan ban hành", el.co_quan_ban_hanh),
        RULE_MOTTO: r.duong_ke.tieu_ngu.mac_dinh * widest([el.tieu_ngu.van_ban], "Tiêu ngữ", el.tieu_ngu),
        RULE_SUBJECT: r.duong_ke.trich_yeu.mac_dinh * widest(ctx["trich_yeu"], "Trích yếu", el.trich_yeu),
    }
    # match on style ids: looking a style up for every paragraph costs more than the render
    by_id = {_style_facts(doc, name)[0]: length for name, length in targets.items()}
    val, ppr, para = qn("w:val"), qn("w:pPr"), qn("w:p")
    for style in doc.element.body.iter(qn("w:pStyle")):
        length, holder = by_id.get(style.get(val)), style.getparent()
        if length is not None and holder.tag == ppr and holder.getparent().tag == para:
            paragraph = Paragraph(holder.getparent(), None)
            center_rule(paragraph, _cell_width_mm(paragraph) or text_mm, length)


def render_docx(plan: Plan, template: Path | None = None) -> bytes:
    """The one render path: `drafter render` and `drafter batch` both go through PreparedTemplate."""
    from drafter.document.prepared import prepared_template

    return prepared_template(Path(template or DEFAULT_TEMPLATE)).render(plan)
