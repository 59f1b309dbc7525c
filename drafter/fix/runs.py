"""Low-level edits on a python-docx document: the runs of a paragraph with their text offsets
(as the checker counts them), run and paragraph properties written through python-docx's
element classes (which keep the schema order Word insists on), and text replaced inside a
paragraph without disturbing the formatting of the runs around it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from drafter.check.docx_reader import DocPara, _run_text, _runs
from drafter.check.formatting import FONT_SLOTS, W, table_style_id

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class RunSpan:
    el: object  # w:r
    start: int
    end: int


def _table_style(view, para: DocPara) -> str | None:
    if para.table_el is None:
        return None
    return table_style_id(para.table_el) or view.resolver.default_table


def run_props(view, para: DocPara, r):
    """Effective properties of a run, as the checker resolves them."""
    return view.resolver.run_props(r, para.props.style_id, _table_style(view, para))


def run_spans(view, para: DocPara) -> list[RunSpan]:
    """Visible runs with text, at the offsets of DocPara.text (hidden runs are skipped there)."""
    out: list[RunSpan] = []
    pos = 0
    for r in _runs(para.el):
        text = _run_text(r)
        if not text or run_props(view, para, r).hidden:
            continue
        n = len(unicodedata.normalize("NFC", text))
        out.append(RunSpan(r, pos, pos + n))
        pos += n
    return out


# -- run properties ----------------------------------------------------------------------------


def _rpr(r):
    return r.get_or_add_rPr()


def raw_size(r) -> str | None:
    rpr = r.find(W + "rPr")
    sz = rpr.find(W + "sz") if rpr is not None else None
    return sz.get(W + "val") if sz is not None else None


def set_size(r, pt: float) -> None:
    rpr = _rpr(r)
    rpr.get_or_add_sz().val = Pt(pt)


def raw_toggle(r, tag: str) -> str | None:
    rpr = r.find(W + "rPr")
    el = rpr.find(W + tag) if rpr is not None else None
    return None if el is None else (el.get(W + "val") or "1")


def set_toggle(r, tag: str, on: bool) -> None:
    el = getattr(_rpr(r), f"get_or_add_{tag}")()
    if on:
        el.attrib.pop(qn("w:val"), None)
    else:
        el.set(qn("w:val"), "0")


def raw_fonts(r) -> tuple:
    rpr = r.find(W + "rPr")
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return ()
    return tuple(sorted((k, v) for k, v in fonts.attrib.items()))


def set_fonts(r, name: str) -> None:
    fonts = _rpr(r).get_or_add_rFonts()
    for attr in list(fonts.attrib):
        if attr.endswith(("Theme", "theme")):
            del fonts.attrib[attr]
    for slot in FONT_SLOTS:
        fonts.set(qn(f"w:{slot}"), name)


def raw_color(r) -> str | None:
    rpr = r.find(W + "rPr")
    el = rpr.find(W + "color") if rpr is not None else None
    return None if el is None else el.get(W + "val")


def set_color_auto(r) -> None:
    el = _rpr(r).get_or_add_color()
    for attr in list(el.attrib):
        del el.attrib[attr]
    el.set(qn("w:val"), "auto")


# -- paragraph alignment -----------------------------------------------------------------------------


def set_alignment(p, value) -> None:
    Paragraph(p, None).alignment = value


def paragraph_alignment(p) -> str | None:
    jc = p.find(f"{W}pPr/{W}jc")
    return jc.get(W + "val") if jc is not None else None


# -- paragraph text ------------------------------------------------------------------------------


def text_nodes(p_el) -> list:
    """w:t elements of the paragraph's runs, in order."""
    return [t for r in _runs(p_el) for t in r.iterchildren(W + "t")]


def plain_text(p_el) -> str:
    return "".join(t.text or "" for t in text_nodes(p_el))


def replace_text(p_el, start: int, end: int, new: str) -> None:
    """Replace plain_text(p_el)[start:end] by `new`; the new text takes the formatting of the run
    where the replaced text starts (for an insertion at the very end: of the last run)."""
    nodes = text_nodes(p_el)
    pos = 0
    placed = False
    for n, t in enumerate(nodes):
        text = t.text or ""
        lo, hi = pos, pos + len(text)
        pos = hi
        if not placed:
            if lo <= start < hi or (start == hi and n == len(nodes) - 1):
                a, b = start - lo, min(end - lo, len(text))
                t.text = text[:a] + new + text[b:]
                t.set(XML_SPACE, "preserve")
                placed = True
        elif lo < end:
            t.text = text[min(end - lo, len(text)):]
        else:
            break
