"""Repairs that change formatting only (page setup: fix/page.py): fonts, colour,
sizes, bold, italic and capitals of each element, the size set of Quốc hiệu / Tiêu ngữ / date,
alignment, indents and spacing of body paragraphs, table borders and widths, rule lengths.
Every value comes from the rules table (presets/nd30.yaml); what to repair comes from the
checker's findings and its reading of the document (anatomy), never from a second analysis."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from drafter.check.docx_checks import _rule_candidates
from drafter.check.docx_extra import is_black, table_borders, table_width_mm, BORDER_SIDES
from drafter.check.docx_reader import body_sections
from drafter.check.formatting import DEFAULT_SIZE, FONT_SLOTS, W, align_words
from drafter.fix.change import Plan
from drafter.fix.runs import (
    paragraph_alignment, raw_color, raw_fonts, raw_size, raw_toggle, run_props, run_spans, set_alignment,
    set_color_auto, set_fonts, set_size, set_toggle,
)
from drafter.fix.shapes import resize_rule, rule_lengths
from drafter.rules import Element, rules

EXACT = 0.01


# -- fonts and colour ------------------------------------------------------------------------------------------


def plan_fonts_and_colour(view, plan: Plan, rules_fired: set[str]) -> None:
    fonts_wrong = bool({"ND30-F1", "ND30-F2"} & rules_fired)
    colour_wrong = "ND30-F3" in rules_fired
    if not (fonts_wrong or colour_wrong):
        return
    from drafter.check.docx_extra import _all_paragraphs

    name = rules().trang.phong_chu.ten
    for _, para in _all_paragraphs(view):
        for span in run_spans(view, para):
            props = run_props(view, para, span.el)
            wrong = [slot for slot, f in zip(FONT_SLOTS, props.fonts) if (f or "").strip().casefold() != name.casefold()]
            if fonts_wrong and wrong:
                rule = "ND30-F1" if {"ascii", "hAnsi"} & set(wrong) else "ND30-F2"
                plan.add(rule, para.where, "phông chữ", ", ".join(dict.fromkeys(f or "(không đặt)" for f in props.fonts)),
                         name, lambda r=span.el: raw_fonts(r), lambda r=span.el: set_fonts(r, name))
            if colour_wrong and not is_black(props.color):
                plan.add("ND30-F3", para.where, "màu chữ", f"#{props.color}", "đen (auto)",
                         lambda r=span.el: raw_color(r), lambda r=span.el: set_color_auto(r))


# -- elements: size, bold, italic, capitals, centring -------------------------------------------------------------


def element_targets(view) -> list[tuple[str, int, Element, bool, bool, int | None]]:
    """(rule, unit, element, centred, capitals, end) for every element the checker formats."""
    a, el = view.anatomy, rules().thanh_phan
    out: list[tuple[str, int, Element, bool, bool, int | None]] = []
    out += [("ND30-H1", i, el.co_quan_ban_hanh, True, True, None) for i in a.issuer]
    out += [(r, i, e, c, True, None) for r, i, e, c in (("ND30-H4", a.quoc_hieu, el.quoc_hieu, True),
                                                       ("ND30-H5", a.tieu_ngu, el.tieu_ngu, True),
                                                       ("ND30-S3", a.so, el.so_ky_hieu, False),
                                                       ("ND30-N2", a.date, el.dia_danh_ngay, False),
                                                       ("ND30-T1", a.title, el.ten_loai, True)) if i is not None]
    out += [("ND30-T2", i, el.trich_yeu, True, True, None) for i in a.subject]
    for i in a.bases:
        unit = view.units[i]
        cut = unit.text.find(";")
        end = unit.start + cut + 1 if 0 <= cut < len(unit.text) - 1 else None
        out.append(("ND30-C1", i, el.can_cu, False, True, end))
    from drafter.check.anatomy import is_khoan_title, is_muc

    for i in a.body:
        text = view.units[i].text
        if is_muc(text):
            out.append(("ND30-M4", i, el.muc, False, True, None))
        elif is_khoan_title(text):
            out.append(("ND30-M5", i, el.khoan.model_copy(update={"co_chu": el.noi_dung.co_chu}), False, False, None))
    if a.recipients_label is not None:
        out.append(("ND30-R1", a.recipients_label, el.noi_nhan_nhan, False, True, None))
    out += [("ND30-R2", i, el.noi_nhan_muc, False, True, None) for i in a.recipients]
    out += [("ND30-K3", i, el.tham_quyen_ky, True, True, None) for i in a.signature]
    if a.signer is not None:
        out.append(("ND30-K4", a.signer, el.nguoi_ky, True, False, None))
    return out


def _size_set(view) -> dict[int, float]:
    """Sizes for Quốc hiệu, Tiêu ngữ and the date line: the set of PL-I that starts with the
    Quốc hiệu's size (13 → 13, 14, 14; 12 → 12, 13, 13)."""
    table = rules().co_chu_dong_bo
    a = view.anatomy
    units = {"quoc_hieu": a.quoc_hieu, "tieu_ngu": a.tieu_ngu, "dia_danh_ngay": a.date}
    if table is None:
        return {}
    first = units.get(table.thanh_phan[0])
    sizes = view.look(first).sizes if first is not None else []
    chosen = next((s for s in table.bo if sizes and abs(s[0] - sizes[0]) < EXACT), table.bo[0])
    return {units[name]: size for name, size in zip(table.thanh_phan, chosen) if units.get(name) is not None}


def plan_elements(view, plan: Plan, rules_fired: set[str]) -> None:
    set_sizes = _size_set(view) if "ND30-H9" in rules_fired else {}
    for rule, i, element, centred, capitals, end in element_targets(view):
        forced = set_sizes.get(i)
        if rule not in rules_fired and forced is None:
            continue
        unit = view.units[i]
        para = view.paras[unit.para]
        for span in run_spans(view, para):
            if span.end <= unit.start or span.start >= (end if end is not None else unit.end):
                continue
            props = run_props(view, para, span.el)
            size = props.size if props.size is not None else DEFAULT_SIZE
            want = forced if forced is not None else (size if element.co_chu.contains(size, EXACT) else element.co_chu.mac_dinh)
            r = span.el
            plan.add(rule if forced is None else "ND30-H9", unit.where, "cỡ chữ (pt)", size, want,
                     lambda r=r: raw_size(r), lambda r=r, w=want: set_size(r, w))
            if rule not in rules_fired:
                continue
            for flag, tag, word in ((element.dam, "b", "chữ đậm"), (element.nghieng, "i", "chữ nghiêng")):
                current = props.bold if tag == "b" else props.italic
                if flag and not current:
                    plan.add(rule, unit.where, word, False, True, lambda r=r, t=tag: raw_toggle(r, t),
                             lambda r=r, t=tag: set_toggle(r, t, True))
            text = para.text[span.start:span.end]
            if capitals and element.in_hoa and not props.caps and text != text.upper():
                plan.add(rule, unit.where, "in hoa (định dạng All Caps, không đổi chữ)", False, True,
                         lambda r=r: raw_toggle(r, "caps"), lambda r=r: set_toggle(r, "caps", True))
        if rule in rules_fired and centred and para.props.align != "center" and not view.tabbed(i):
            plan.add(rule, unit.where, "căn lề", align_words(para.props.align), align_words("center"),
                     lambda p=para.el: paragraph_alignment(p), lambda p=para.el: set_alignment(p, WD_ALIGN_PARAGRAPH.CENTER))


# -- body paragraphs --------------------------------------------------------------------------------------------


def plan_body(view, plan: Plan, findings) -> None:
    table, body_size = rules().doan_van, rules().thanh_phan.noi_dung.co_chu
    by_where = {p.where: p for p in view.paras if p.cell is None and not p.in_text_box}
    for f in findings:
        if f.rule not in ("ND30-D1", "ND30-D2", "ND30-D3", "ND30-D4", "ND30-D5"):
            continue
        for where in f.locations:
            para = by_where.get(where)
            if para is None:
                continue
            ppr = para.el.get_or_add_pPr()
            if f.rule == "ND30-D1":
                for span in run_spans(view, para):
                    props = run_props(view, para, span.el)
                    size = props.size if props.size is not None else DEFAULT_SIZE
                    if not body_size.contains(size, EXACT):
                        plan.add(f.rule, where, "cỡ chữ (pt)", size, body_size.mac_dinh, lambda r=span.el: raw_size(r),
                                 lambda r=span.el: set_size(r, body_size.mac_dinh))
            elif f.rule == "ND30-D2":
                plan.add(f.rule, where, "căn lề", align_words(para.props.align), align_words("both"),
                         lambda p=para.el: paragraph_alignment(p),
                         lambda p=para.el: set_alignment(p, WD_ALIGN_PARAGRAPH.JUSTIFY))
            elif f.rule == "ND30-D3" and not para.text[:1].isspace():
                want = table.thut_dau_dong_cm.mac_dinh

                def indent(ppr=ppr, want=want):
                    ind = ppr.get_or_add_ind()
                    for attr in ("w:firstLineChars", "w:hangingChars", "w:hanging"):
                        ind.attrib.pop(qn(attr), None)
                    ppr.ind_left = Cm(0) if (ppr.ind_left or 0) > 0 else ppr.ind_left
                    ppr.first_line_indent = Cm(want)
                plan.add(f.rule, where, "thụt đầu dòng", f.found, f"{want:g} cm".replace(".", ","),
                         lambda ppr=ppr: (ppr.first_line_indent, ppr.ind_left), indent)
            elif f.rule == "ND30-D4":
                after = table.cach_sau_pt.mac_dinh

                def space(ppr=ppr, after=after):
                    ppr.spacing_after = Pt(after)
                    ctx = ppr.find(qn("w:contextualSpacing"))
                    if ctx is not None:
                        ctx.set(qn("w:val"), "0")
                plan.add(f.rule, where, "khoảng cách sau đoạn", f.found, f"{after:g} pt",
                         lambda ppr=ppr: ppr.spacing_after, space)
            elif f.rule == "ND30-D5":
                lines = table.gian_dong.mac_dinh
                plan.add(f.rule, where, "giãn dòng", f.found, f"{lines:g} dòng".replace(".", ","),
                         lambda ppr=ppr: (ppr.spacing_line, ppr.spacing_lineRule),
                         lambda p=para.el, lines=lines: setattr(Paragraph(p, None).paragraph_format, "line_spacing", lines))


# -- tables -----------------------------------------------------------------------------------------------------


def _no_borders(tbl) -> None:
    tblpr = tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
    # tblStyleColBandSize, tblW, jc, tblCellSpacing, tblInd, tblBorders, ...
    anchor = None
    for tag in ("tblInd", "tblCellSpacing", "jc", "tblW"):
        anchor = tblpr.find(qn(f"w:{tag}"))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addnext(borders)
    else:
        tblpr.insert(0, borders)
    for tc in tbl.iter(qn("w:tc")):
        tcb = tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")
        if tcb is not None:
            for side in BORDER_SIDES:
                el = tcb.find(qn(f"w:{side}"))
                if el is not None:
                    el.set(qn("w:val"), "nil")


def plan_tables(view, plan: Plan, rules_fired: set[str]) -> None:
    from drafter.check.docx_extra import _layout_tables

    if "ND30-B1" in rules_fired:
        for what, tbl, number in _layout_tables(view):
            sides = table_borders(view, tbl)
            if sides:
                plan.add("ND30-B1", f"bảng {number}", f"đường viền {what}", "có", "không",
                         lambda t=tbl: bool(table_borders(view, t)), lambda t=tbl: _no_borders(t))
    allowance = rules().bo_cuc.bang_vuot_vung_chu_mm
    if "ND30-B2" not in rules_fired or allowance is None:
        return
    number = 0
    for child, sect in body_sections(view.package.body):
        if child.tag != W + "tbl":
            continue
        number += 1
        width = table_width_mm(child)
        text_mm = view.reader._page_text_width(sect)
        if width is None or allowance.contains(width - text_mm, 0.05) or width <= text_mm:
            continue
        target = text_mm + allowance.mac_dinh
        plan.add("ND30-B2", f"bảng {number}", "độ rộng bảng (mm)", round(width, 1), round(target, 1),
                 lambda t=child: table_width_mm(t), lambda t=child, k=target / width: _scale_table(t, k))


def _scale_table(tbl, factor: float) -> None:
    for el in tbl.iter(qn("w:gridCol")):
        if el.get(qn("w:w")):
            el.set(qn("w:w"), str(int(int(float(el.get(qn("w:w")))) * factor)))
    for tag in ("w:tcW", "w:tblW"):
        for el in tbl.iter(qn(tag)):
            if (el.get(qn("w:type")) or "dxa") == "dxa" and el.get(qn("w:w")):
                el.set(qn("w:w"), str(int(int(float(el.get(qn("w:w")))) * factor)))


# -- rules under the issuing body, the motto, the subject ---------------------------------------------------------


def plan_rule_lengths(view, plan: Plan, rules_fired: set[str]) -> None:
    a, ratios = view.anatomy, rules().duong_ke
    jobs = []
    if "ND30-H7" in rules_fired and a.tieu_ngu is not None:
        jobs.append(("ND30-H7", [i for i in (a.quoc_hieu, a.tieu_ngu) if i is not None], [a.date], ratios.tieu_ngu,
                     view.width_mm(a.tieu_ngu)))
    if "ND30-H3" in rules_fired and a.issuer:
        jobs.append(("ND30-H3", a.issuer, [a.so], ratios.co_quan_ban_hanh, max(view.width_mm(i) for i in a.issuer)))
    if "ND30-T5" in rules_fired and a.subject:
        stop = (a.preamble[:1] or a.body[:1] or [None])[0]
        jobs.append(("ND30-T5", a.subject, [stop], ratios.trich_yeu, max(view.width_mm(i) for i in a.subject)))
    for rule, units, stops, ratio, text_mm in jobs:
        candidates = _rule_candidates(view, units, stops)
        if not candidates or text_mm <= 0:
            continue
        line = candidates[0]
        want = ratio.mac_dinh * text_mm
        para = view.paras[line.key[1]] if line.key[0] in ("border", "top", "shape") else None
        if para is None:
            continue  # an underlined text or typed underscores: left for a person
        if line.key[0] == "shape":
            k = line.key[2]
            plan.add(rule, para.where, "độ dài đường kẻ (mm)", round(line.length_mm, 1), round(want, 1),
                     lambda p=para.el: rule_lengths(p), lambda p=para.el, k=k, w=want: resize_rule(p, k, w))
            continue
        if para.text.strip() and want < view.width_mm(units[-1]):
            continue  # the border of the text itself: narrowing it would wrap the text
        side = max((para.width_mm - want) / 2, 0)
        ppr = para.el.get_or_add_pPr()
        plan.add(rule, para.where, "độ dài đường kẻ (mm)", round(line.length_mm, 1), round(want, 1),
                 lambda ppr=ppr: (ppr.ind_left, ppr.ind_right),
                 lambda ppr=ppr, s=side: (setattr(ppr, "ind_left", Cm(s / 10)), setattr(ppr, "ind_right", Cm(s / 10))))


__all__ = ["plan_fonts_and_colour", "plan_elements", "plan_body", "plan_tables",
           "plan_rule_lengths"]
