"""The body paragraphs of a DOCX plan (PL-I II.6.e): size, justification of paragraphs that
wrap, first-line indent, line spacing and the space between paragraphs."""

from __future__ import annotations

from drafter.check.anatomy import is_khoan_title, is_muc
from drafter.check.docview import DEFAULT_SIZE, SIZE_TOLERANCE, DocView, sizes_text
from drafter.check.docx_reader import TWIPS_PER_MM, DocPara
from drafter.check.formatting import TWIPS_PER_PT, align_words
from drafter.check.page_checks import LINE_HEIGHT, fmt_number
from drafter.document.metrics import text_width_mm
from drafter.rules import rules

INDENT_TOLERANCE_CM = 0.05


def _body_paragraphs(view: DocView) -> list[int]:
    a = view.anatomy
    seen: list[int] = []
    for i in a.preamble + a.body:
        p = view.units[i].para
        para = view.paras[p]
        if para.cell is None and not para.in_text_box and p not in seen:
            seen.append(p)
    return seen


def _first_line_cm(view: DocView, para: DocPara) -> float:
    props = para.props
    first = props.first_line
    if props.first_line_chars:
        size = max((s.props.size or DEFAULT_SIZE for s in para.segments), default=DEFAULT_SIZE)
        first = int(props.first_line_chars / 100 * size * TWIPS_PER_PT)
    offset_mm = (props.left + first) / TWIPS_PER_MM
    lead = para.text[: len(para.text) - len(para.text.lstrip())]
    if lead:
        tabs = lead.count("\t")
        size = para.segments[0].props.size if para.segments else DEFAULT_SIZE
        offset_mm += tabs * view.default_tab_mm + text_width_mm(lead.replace("\t", ""), size or DEFAULT_SIZE)
    return offset_mm / 10


def _heading_paragraphs(view: DocView) -> set[int]:
    out: set[int] = set()
    for i in view.anatomy.body:
        text = view.units[i].text
        if is_muc(text) or is_khoan_title(text):
            out.add(view.units[i].para)
    return out


def check_body(view: DocView) -> None:
    table, el = rules().doan_van, rules().thanh_phan.noi_dung
    paragraphs = _body_paragraphs(view)
    headings = _heading_paragraphs(view)  # Mục / khoản titles: flush left or indented, both seen
    for n, p in enumerate(paragraphs):
        para = view.paras[p]
        props = para.props
        where = para.where
        sizes = sorted({s.props.size if s.props.size is not None else DEFAULT_SIZE
                        for s in para.segments if s.text.strip()})
        bad = [s for s in sizes if not el.co_chu.contains(s, SIZE_TOLERANCE)]
        if bad:
            view.ctx.add("ND30-D1", where, sizes_text(bad), el.co_chu.describe(" pt"), position=p)
        size = max(sizes, default=DEFAULT_SIZE)
        text = para.text.strip()
        available = para.text_width_mm - max(props.first_line, 0) / TWIPS_PER_MM
        wraps = _wider_than(text, size, available)
        if wraps and props.align != "justify":
            view.ctx.add("ND30-D2", where, align_words(props.align), "căn đều hai lề", position=p)
        if props.align != "center" and p not in headings:
            indent = _first_line_cm(view, para)
            if not table.thut_dau_dong_cm.contains(indent, INDENT_TOLERANCE_CM):
                view.ctx.add("ND30-D3", where, f"{fmt_number(indent)} cm", table.thut_dau_dong_cm.describe(" cm"), position=p)
        spacing = _line_spacing_problem(props, size)
        if spacing:
            view.ctx.add("ND30-D5", where, spacing[0], spacing[1], position=p)
        if n + 1 < len(paragraphs):
            nxt = paragraphs[n + 1]
            if nxt != p + 1:
                continue  # an empty paragraph or a table in between gives the space
            following = view.paras[nxt].props
            gap = props.after + following.before
            if props.contextual and following.contextual and props.style_id == following.style_id:
                gap = 0
            minimum = table.cach_sau_pt.tu or 0
            if gap / 20 + 0.5 < minimum:
                view.ctx.add("ND30-D4", where, f"{fmt_number(gap / 20)} pt", f"tối thiểu {fmt_number(minimum)} pt giữa hai đoạn",
                             position=p)


NARROWEST_GLYPH_EM = 0.25  # space and full stop in Times New Roman
WIDEST_GLYPH_EM = 1.0


def _wider_than(text: str, size: float, available_mm: float) -> bool:
    """Whether the text needs more than one line; measured only when the bounds cannot tell."""
    em_mm = size * 25.4 / 72
    if len(text) * NARROWEST_GLYPH_EM * em_mm > available_mm:
        return True
    if len(text) * WIDEST_GLYPH_EM * em_mm <= available_mm:
        return False
    return text_width_mm(text, size) > available_mm


def _line_spacing_problem(props, size: float) -> tuple[str, str] | None:
    """(found, expected) when the line spacing is outside PL-I II.6.e: single to 1.5 lines, or
    "exactly" at least the rules table's minimum in points (bounds from the rules table)."""
    table = rules().doan_van
    lines, exact = table.gian_dong, table.gian_dong_chinh_xac_pt
    low = lines.tu if lines.tu is not None else 0.0
    high = lines.den if lines.den is not None else float("inf")
    wanted = lines.describe(" dòng")
    if exact is not None and exact.tu is not None:
        wanted += f", hoặc chính xác (exactly) từ {fmt_number(exact.tu)} pt"
    if props.line is None:
        return None
    if props.line_rule == "auto":
        multiple = props.line / 240
        if lines.contains(multiple, 0.02):
            return None
        return f"{fmt_number(multiple)} dòng", wanted
    pt = props.line / 20
    multiple = pt / (size * LINE_HEIGHT)
    high_ok = multiple <= high + 0.02
    low_ok = props.line_rule == "atLeast" or multiple >= low - 0.02 \
        or (exact is not None and exact.tu is not None and pt >= exact.tu - 0.05)
    if high_ok and low_ok:
        return None
    return f"{fmt_number(pt)} pt (khoảng {fmt_number(multiple)} dòng)", wanted
