"""Formatting rules of a DOCX plan, on effective formatting (see formatting.py): fonts, sizes,
bold, italic, capitals and alignment of each element (PL-I II), the rules under the issuing
body, the motto and the subject (bordered paragraphs, drawn shapes, typed underscores) and
header lines that would wrap in their cell; the body paragraphs are body_checks.py. The
document view these checks share is docview.py (its names stay importable from here)."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.check.anatomy import is_khoan_title, is_muc, is_rule_text, short
from drafter.check.appendix_checks import check_appendix_looks
from drafter.check.body_checks import check_body
from drafter.check.content_checks import check_content_rules
from drafter.check.docview import DEFAULT_SIZE, SIZE_TOLERANCE, DocView, Look, check_element
from drafter.check.docx_extra import check_docx_extra
from drafter.check.docx_reader import TWIPS_PER_MM
from drafter.check.finding import Finding
from drafter.check.formatting import FONT_SLOTS
from drafter.check.package import Package
from drafter.check.page_checks import check_page_numbers, check_paper, fmt_number, part_paragraphs, part_references, section_properties
from drafter.check.recognise import not_a_plan
from drafter.check.ruleset import merge
from drafter.check.text_checks import check_text_rules
from drafter.check.wording import check_wording
from drafter.document.metrics import text_width_mm
from drafter.rules import RuleRatio, rules

__all__ = ["check_package", "check_element", "DocView", "Look", "DEFAULT_SIZE", "SIZE_TOLERANCE", "RATIO_TOLERANCE"]

RATIO_TOLERANCE = 0.03  # of the text width: rules are drawn by hand, widths are estimates
WRAP_TOLERANCE_MM = 0.3


# -- element formatting ----------------------------------------------------------------------------


def check_elements(view: DocView) -> None:
    a, el = view.anatomy, rules().thanh_phan
    for i in a.issuer:
        check_element(view, "ND30-H1", i, el.co_quan_ban_hanh, centred=True)
    check_element(view, "ND30-H4", a.quoc_hieu, el.quoc_hieu, centred=True)
    check_element(view, "ND30-H5", a.tieu_ngu, el.tieu_ngu, centred=True)
    check_element(view, "ND30-S3", a.so, el.so_ky_hieu)
    check_element(view, "ND30-N2", a.date, el.dia_danh_ngay)
    check_element(view, "ND30-T1", a.title, el.ten_loai, centred=True)
    for i in a.subject:
        check_element(view, "ND30-T2", i, el.trich_yeu, centred=True)
    for i in a.bases:
        unit = view.units[i]
        cut = unit.text.find(";")
        end = unit.start + cut + 1 if 0 <= cut < len(unit.text) - 1 else None  # a lead-in may follow, upright
        check_element(view, "ND30-C1", i, el.can_cu, end=end)
    for i in a.body:
        text = view.units[i].text
        if is_muc(text):
            check_element(view, "ND30-M4", i, el.muc)
        elif is_khoan_title(text):
            look = view.look(i)
            if not look.bold:
                view.ctx.add("ND30-M5", i, f"«{short(text, 45)}»: không đậm", "tiêu đề khoản in đậm")
    check_element(view, "ND30-R1", a.recipients_label, el.noi_nhan_nhan)
    for i in a.recipients:
        check_element(view, "ND30-R2", i, el.noi_nhan_muc)
    for i in a.signature:
        check_element(view, "ND30-K3", i, el.tham_quyen_ky, centred=True)
    check_element(view, "ND30-K4", a.signer, el.nguoi_ky, centred=True, case=False)


# -- rules under the issuing body, the motto and the subject ----------------------------------------


@dataclass(frozen=True)
class RuleLine:
    length_mm: float
    key: tuple  # identity, so that one drawn line is not claimed twice


def _rule_candidates(view: DocView, units: list[int], stop_units: list[int | None]) -> list[RuleLine]:
    """Rules that could sit under these units, nearest first."""
    if not units:
        return []
    paras = sorted({view.units[i].para for i in units})
    last = paras[-1]
    last_para = view.paras[last]
    stops = {view.units[s].para for s in stop_units if s is not None}
    out: list[RuleLine] = []
    if last_para.props.border_bottom:
        out.append(RuleLine(last_para.text_width_mm, ("border", last)))
    final = units[-1]
    chars = view.chars(view.units[final])
    if chars and all(p.underline for _, p in chars):
        out.append(RuleLine(view.width_mm(final), ("underline", final)))
    container = last_para.cell
    for j in range(last + 1, min(last + 4, len(view.paras))):
        para = view.paras[j]
        if para.cell is not container or para.in_text_box:
            break
        if j in stops:
            out.extend(RuleLine(x, ("shape", j, k)) for k, x in enumerate(para.drawn_lines))
            if para.props.border_top and j == last + 1:
                out.append(RuleLine(para.text_width_mm, ("top", j)))
            break
        if para.props.border_top and j == last + 1:
            out.append(RuleLine(para.text_width_mm, ("top", j)))
        if not para.text.strip() and para.props.border_bottom:
            out.append(RuleLine(para.text_width_mm, ("border", j)))
        if is_rule_text(para.text):
            size = para.segments[0].props.size if para.segments else DEFAULT_SIZE
            out.append(RuleLine(text_width_mm(para.text.strip(), size or DEFAULT_SIZE), ("typed", j)))
        out.extend(RuleLine(x, ("shape", j, k)) for k, x in enumerate(para.drawn_lines))
        if para.text.strip() and not is_rule_text(para.text):
            break
    for p in paras:
        out.extend(RuleLine(x, ("shape", p, k)) for k, x in enumerate(view.paras[p].drawn_lines))
    return out


def _ratio_check(view: DocView, rule: str, i: int, line: RuleLine, text_mm: float, allowed: RuleRatio) -> None:
    if text_mm <= 0:
        return
    ratio = line.length_mm / text_mm
    if not allowed.contains(ratio, RATIO_TOLERANCE):
        view.ctx.add(rule, i, f"{ratio:.0%} độ dài dòng chữ ({fmt_number(line.length_mm)} mm so với {fmt_number(text_mm)} mm)",
                     f"{ratio_words(allowed)} độ dài dòng chữ")


def ratio_words(allowed: RuleRatio) -> str:
    """"33–50%" from the rules table's bounds."""
    low, high = allowed.tu or 0, allowed.den or 0
    return f"{low:.0%}–{high:.0%}".replace("%–", "–")


def check_rules(view: DocView) -> None:
    a, ratios = view.anatomy, rules().duong_ke
    taken: set[tuple] = set()

    motto = [i for i in (a.quoc_hieu, a.tieu_ngu) if i is not None]
    if a.tieu_ngu is not None:
        candidates = _rule_candidates(view, motto, [a.date])
        width = view.width_mm(a.tieu_ngu)
        shapes_first = sorted(candidates, key=lambda c: (c.key[0] != "border" and c.key[0] != "top",
                                                         abs(c.length_mm - width)))
        line = candidates[0] if candidates and candidates[0].key[0] in ("border", "top", "underline") else \
            (shapes_first[0] if candidates else None)
        if line is None:
            view.ctx.add("ND30-H6", a.tieu_ngu, "không có đường kẻ dưới Tiêu ngữ",
                         f"đường kẻ liền dưới Tiêu ngữ, dài {ratio_words(ratios.tieu_ngu)} dòng chữ")
        else:
            taken.add(line.key)
            _ratio_check(view, "ND30-H7", a.tieu_ngu, line, width, ratios.tieu_ngu)

    if a.issuer:
        candidates = [c for c in _rule_candidates(view, a.issuer, [a.so]) if c.key not in taken]
        if not candidates:
            view.ctx.add("ND30-H2", a.issuer[-1], "không có đường kẻ dưới tên cơ quan ban hành",
                         f"đường kẻ liền dưới tên cơ quan, dài {ratio_words(ratios.co_quan_ban_hanh)} dòng chữ, đặt giữa")
        else:
            width = max(view.width_mm(i) for i in a.issuer)
            _ratio_check(view, "ND30-H3", a.issuer[-1], candidates[0], width, ratios.co_quan_ban_hanh)

    if a.subject:
        stop = (a.preamble[:1] or a.body[:1] or [None])[0]
        candidates = [c for c in _rule_candidates(view, a.subject, [stop]) if c.key not in taken]
        if not candidates:
            view.ctx.add("ND30-T4", a.subject[-1], "không có đường kẻ dưới trích yếu",
                         f"đường kẻ liền dưới trích yếu, dài {ratio_words(ratios.trich_yeu)} dòng chữ, đặt giữa")
        else:
            width = max(view.width_mm(i) for i in a.subject)
            _ratio_check(view, "ND30-T5", a.subject[-1], candidates[0], width, ratios.trich_yeu)


# -- header lines that would wrap ------------------------------------------------------------------


def check_wrapping(view: DocView) -> None:
    a = view.anatomy
    for i in (a.quoc_hieu, a.tieu_ngu, a.so, a.date):
        if i is None or view.tabbed(i):
            continue
        para = view.para(i)
        first = max(para.props.first_line, 0)
        available = para.width_mm - (para.props.left + para.props.right + first) / TWIPS_PER_MM
        width = view.width_mm(i)
        if width > available + WRAP_TOLERANCE_MM:
            view.ctx.add("ND30-H8", i, f"«{short(view.units[i].text, 45)}» rộng khoảng {fmt_number(width)} mm, "
                         f"vùng chữ chỉ {fmt_number(available)} mm nên bị xuống dòng",
                         "nằm trên một dòng: nới rộng cột của bảng hoặc giảm cỡ chữ trong giới hạn cho phép")


# -- fonts ------------------------------------------------------------------------------------------


def check_fonts(view: DocView) -> None:
    name = rules().trang.phong_chu.ten
    want = name.casefold()
    paras = [(float(n), p) for n, p in enumerate(view.paras)]
    for sect in section_properties(view.package):
        for kind in ("header", "footer"):
            for part in part_references(view.package, sect, kind).values():
                paras.extend((-1.0, p) for p in part_paragraphs(view.reader, part, "đầu trang" if kind == "header" else "chân trang"))
    for position, para in paras:
        for seg in para.segments:
            if not seg.text.strip():
                continue
            fonts = seg.props.fonts
            visible = ("ascii", "hAnsi", "eastAsia") if seg.props.hint == "eastAsia" else ("ascii", "hAnsi")
            for slot in visible:
                font = fonts[FONT_SLOTS.index(slot)]
                if font is None or font.strip().casefold() != want:
                    shown = f"«{font}»" if font else "không đặt (máy tự chọn)"
                    view.ctx.add("ND30-F1", para.where, shown, name, position=position)
                    break
            for slot, label in (("eastAsia", "chữ Đông Á (eastAsia)"), ("cs", "chữ phức hợp (cs)")):
                if slot in visible:
                    continue
                font = fonts[FONT_SLOTS.index(slot)]
                if font is None or font.strip().casefold() != want:
                    shown = f"«{font}»" if font else "không đặt"
                    view.ctx.add("ND30-F2", para.where, f"phông cho {label}: {shown}",
                                 f"{name} ở cả bốn ô phông (ascii, hAnsi, eastAsia, cs)", position=position)


def check_package(package: Package) -> list[Finding]:
    view = DocView(package)
    if (unrecognised := not_a_plan(view.anatomy)) is not None:
        return unrecognised
    ctx = view.ctx
    check_paper(ctx, package)
    check_page_numbers(ctx, package, view.reader, view.paras)
    check_fonts(view)
    check_text_rules(ctx)
    check_elements(view)
    check_rules(view)
    check_wrapping(view)
    check_body(view)
    check_appendix_looks(view)
    check_content_rules(ctx)
    check_wording(ctx)
    check_docx_extra(view)
    return merge(ctx.findings)
