"""Formatting rules other checkers apply, on effective formatting: black text (ND30-F3), Quốc
hiệu, Tiêu ngữ and date-line sizes that go together (ND30-H9), borderless header and signature
tables (ND30-B1), and no table wider than the text area (ND30-B2)."""

from __future__ import annotations

from functools import lru_cache

from drafter.check.docx_reader import TWIPS_PER_MM, body_sections
from drafter.check.formatting import W, table_style_id, twips
from drafter.check.page_checks import fmt_number, part_paragraphs, part_references, section_properties
from drafter.rules import rules

BORDER_SIDES = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV")
_SIDE_WORDS = {"top": "trên", "left": "trái", "start": "trái", "bottom": "dưới", "right": "phải", "end": "phải",
               "insideH": "giữa các hàng", "insideV": "giữa các cột"}
_INVISIBLE = ("nil", "none")


# -- ND30-F3: black text ----------------------------------------------------------------------------


def is_black(color: str | None) -> bool:
    return color is None or color.casefold() in _black()


@lru_cache(maxsize=4)
def _black_for(colours: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c.casefold() for c in colours)


def _black() -> frozenset[str]:
    return _black_for(tuple(rules().trang.phong_chu.mau))


def _all_paragraphs(view) -> list[tuple[float, object]]:
    paras = [(float(n), p) for n, p in enumerate(view.paras)]
    for sect in section_properties(view.package):
        for kind in ("header", "footer"):
            for part in part_references(view.package, sect, kind).values():
                where = "đầu trang" if kind == "header" else "chân trang"
                paras.extend((-1.0, p) for p in part_paragraphs(view.reader, part, where))
    return paras


def check_colour(view) -> None:
    for position, para in _all_paragraphs(view):
        colours = sorted({s.props.color for s in para.segments if s.text.strip() and not is_black(s.props.color)})
        if colours:
            view.ctx.add("ND30-F3", para.where, ", ".join(f"#{c}" for c in colours), "đen", position=position)


# -- ND30-H9: sizes of Quốc hiệu, Tiêu ngữ and the date line go together ------------------------------


_ELEMENT_WORDS = {"quoc_hieu": "Quốc hiệu", "tieu_ngu": "Tiêu ngữ", "dia_danh_ngay": "địa danh, ngày tháng"}


def check_size_sets(view) -> None:
    table = rules().co_chu_dong_bo
    if table is None:
        return
    a = view.anatomy
    units = {"quoc_hieu": a.quoc_hieu, "tieu_ngu": a.tieu_ngu, "dia_danh_ngay": a.date}
    elements = rules().thanh_phan
    got: list[tuple[int, float]] = []  # (position in the set, size)
    for k, name in enumerate(table.thanh_phan):
        i = units.get(name)
        if i is None:
            continue
        sizes = view.look(i).sizes
        if len(sizes) != 1 or not getattr(elements, name).co_chu.contains(sizes[0], 0.01):
            return  # mixed or out-of-range sizes are reported by the element's own rule
        got.append((k, sizes[0]))
    if len(got) < 2 or any(all(abs(s[k] - size) < 0.01 for k, size in got) for s in table.bo):
        return
    found = ", ".join(f"{_ELEMENT_WORDS.get(table.thanh_phan[k], table.thanh_phan[k])} {fmt_number(size)} pt"
                      for k, size in got)
    wanted = " hoặc ".join(", ".join(fmt_number(x) for x in s) + " pt" for s in table.bo)
    names = ", ".join(_ELEMENT_WORDS.get(n, n) for n in table.thanh_phan)
    first = next(units[table.thanh_phan[k]] for k, _ in got)
    view.ctx.add("ND30-H9", first, found, f"{names} cỡ {wanted}")


# -- ND30-B1, B2: tables ----------------------------------------------------------------------------------


def _border_states(borders) -> dict[str, bool]:
    """Side → visible, for the sides a tblBorders / tcBorders element sets."""
    out: dict[str, bool] = {}
    if borders is None:
        return out
    for side in BORDER_SIDES:
        el = borders.find(W + side)
        if el is not None:
            out[side] = (el.get(W + "val") or "nil") not in _INVISIBLE
    return out


def table_borders(view, tbl) -> list[str]:
    """Sides of the table (or of any of its cells) drawn with a visible border: the table style
    chain, then the table's own borders, then each cell's."""
    sides: dict[str, bool] = {}
    style = table_style_id(tbl) or view.resolver.default_table
    for level in view.resolver.chain(style, "table"):
        sides.update(_border_states(level.find(f"{W}tblPr/{W}tblBorders")))
    sides.update(_border_states(tbl.find(f"{W}tblPr/{W}tblBorders")))
    visible = [s for s, on in sides.items() if on]
    for tc in tbl.iter(W + "tc"):
        for side, on in _border_states(tc.find(f"{W}tcPr/{W}tcBorders")).items():
            if on and side not in visible:
                visible.append(side)
    return visible


def _layout_tables(view) -> list[tuple[str, object, int]]:
    """(what, table element, number) of the header and the signature tables."""
    a = view.anatomy
    out: list[tuple[str, object, int]] = []
    for what, indices in (("bảng tiêu đề", [a.quoc_hieu, a.tieu_ngu, a.so, a.date, *a.issuer]),
                          ("bảng chữ ký", [*a.signature, a.signer, a.recipients_label])):
        for i in indices:
            if i is None:
                continue
            para = view.paras[view.units[i].para]
            if para.table_el is not None and not any(para.table_el is t for _, t, _ in out):
                out.append((what, para.table_el, para.table))
                break
    return out


def check_layout_table_borders(view) -> None:
    for what, tbl, number in _layout_tables(view):
        sides = table_borders(view, tbl)
        if sides:
            words = ", ".join(dict.fromkeys(_SIDE_WORDS[s] for s in sides))
            view.ctx.add("ND30-B1", f"bảng {number}", f"{what} có đường viền ({words})",
                         f"{what} không có đường viền khi in (Borders: None)")


def table_width_mm(tbl) -> float | None:
    pr = tbl.find(W + "tblPr")
    width = pr.find(W + "tblW") if pr is not None else None
    if width is not None and (width.get(W + "type") or "dxa") == "dxa" and twips(width.get(W + "w")) > 0:
        return twips(width.get(W + "w")) / TWIPS_PER_MM
    grid = tbl.find(W + "tblGrid")
    total = sum(twips(g.get(W + "w")) for g in grid.iterchildren(W + "gridCol")) if grid is not None else 0
    return total / TWIPS_PER_MM if total else None


def check_table_widths(view) -> None:
    allowance = rules().bo_cuc.bang_vuot_vung_chu_mm
    body = view.package.body
    if allowance is None or body is None:
        return
    number = 0
    for child, sect in body_sections(body):
        if child.tag != W + "tbl":
            continue
        number += 1
        width = table_width_mm(child)
        if width is None:
            continue
        text_mm = view.reader._page_text_width(sect)
        over = width - text_mm
        if not allowance.contains(over, 0.05) and over > 0:
            view.ctx.add("ND30-B2", f"bảng {number}",
                         f"bảng rộng {fmt_number(width)} mm, vùng chữ giữa hai lề chỉ {fmt_number(text_mm)} mm",
                         f"bảng rộng hơn vùng chữ không quá {fmt_number(allowance.den or 0)} mm")


def check_docx_extra(view) -> None:
    check_colour(view)
    check_size_sets(view)
    check_layout_table_borders(view)
    check_table_widths(view)


__all__ = ["check_docx_extra", "is_black", "table_borders", "table_width_mm"]
