"""Page setup (PL-I I.1–3, I.7): A4 portrait, margins, page numbers centred in the header from
page 2 on (`w:titlePg` and an empty first-page header)."""

from __future__ import annotations

import math
import re

from drafter.check.context import Context
from drafter.check.docx_reader import TWIPS_PER_MM, DocPara, Reader, body_sections
from drafter.check.formatting import DEFAULT_SIZE, W, align_words
from drafter.check.package import Package
from drafter.rules import rules

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
PAPER_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 0.2
LINE_HEIGHT = 1.15  # single line spacing of Times New Roman, in font sizes
AVERAGE_GLYPH_EM = 0.45  # average advance of Vietnamese text in Times New Roman (estimate)


def _mm(twips: str | None, default: float = 0.0) -> float:
    try:
        return abs(float(twips)) / TWIPS_PER_MM if twips is not None else default
    except ValueError:
        return default


def fmt_number(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def section_properties(pkg: Package) -> list:
    body = pkg.body
    if body is None:
        return []
    out = [p.find(f"{W}pPr/{W}sectPr") for p in body.iterchildren(W + "p")]
    out = [s for s in out if s is not None]
    last = body.find(W + "sectPr")
    if last is not None:
        out.append(last)
    return out


def table_sections(pkg: Package) -> list:
    """The sectPr elements whose section holds a table and does not open the document: such a
    page may be laid out landscape (PL-I I.2: "theo chiều rộng"). The elements are returned, not
    their ids: lxml proxies are only stable while referenced."""
    body = pkg.body
    if body is None:
        return []
    sections: list = []
    tables: list[bool] = []
    for child, sect in body_sections(body):
        if not sections or sections[-1] is not sect:
            sections.append(sect)
            tables.append(False)
        tables[-1] = tables[-1] or child.tag == W + "tbl"
    return [s for s, has in list(zip(sections, tables))[1:] if s is not None and has]


def check_paper(ctx: Context, pkg: Package) -> None:
    paper, margins = rules().trang.kho_giay, rules().trang.le_mm
    wide_ok = table_sections(pkg) if paper.ngang_cho_bang else []
    for n, sect in enumerate(section_properties(pkg), 1):
        where = "trang" if n == 1 else f"phần (section) {n}"
        size = sect.find(W + "pgSz")
        width = _mm(size.get(W + "w") if size is not None else None, 215.9)
        height = _mm(size.get(W + "h") if size is not None else None, 279.4)
        landscape = width > height or (size is not None and size.get(W + "orient") == "landscape")
        if landscape and any(sect is s for s in wide_ok):
            if abs(width - paper.cao_mm) > PAPER_TOLERANCE_MM or abs(height - paper.rong_mm) > PAPER_TOLERANCE_MM:
                ctx.add("ND30-P1", where, f"{fmt_number(width)} × {fmt_number(height)} mm",
                        f"A4 khổ ngang {fmt_number(paper.cao_mm)} × {fmt_number(paper.rong_mm)} mm")
        elif landscape:
            ctx.add("ND30-P1", where, f"{fmt_number(width)} × {fmt_number(height)} mm, khổ ngang",
                    f"A4 khổ dọc {fmt_number(paper.rong_mm)} × {fmt_number(paper.cao_mm)} mm"
                    + (" (chỉ trang có nội dung là bảng mới được trình bày khổ ngang)" if paper.ngang_cho_bang else ""))
        elif abs(width - paper.rong_mm) > PAPER_TOLERANCE_MM or abs(height - paper.cao_mm) > PAPER_TOLERANCE_MM:
            ctx.add("ND30-P1", where, f"{fmt_number(width)} × {fmt_number(height)} mm",
                    f"A4 khổ dọc {fmt_number(paper.rong_mm)} × {fmt_number(paper.cao_mm)} mm")
        mar = sect.find(W + "pgMar")
        get = (lambda k: mar.get(W + k)) if mar is not None else (lambda k: None)
        values = {
            "trên": (_mm(get("top"), 25.4), margins.tren),
            "dưới": (_mm(get("bottom"), 25.4), margins.duoi),
            "trái": (_mm(get("left"), 31.75) + _mm(get("gutter")), margins.trai),
            "phải": (_mm(get("right"), 31.75), margins.phai),
        }
        for side, (value, allowed) in values.items():
            if not allowed.contains(value, MARGIN_TOLERANCE_MM):
                ctx.add("ND30-P2", where, f"lề {side} {fmt_number(value)} mm", f"lề {side} {allowed.describe(' mm')}")


def part_paragraphs(reader: Reader, part_el, where: str) -> list[DocPara]:
    out: list[DocPara] = []
    for p in part_el.iter(W + "p"):
        if any(anc.tag == W + "txbxContent" for anc in p.iterancestors()):
            continue
        out.extend(reader.paragraph(p, where, reader.page_width_mm))
    return out


def _has_page_field(p_el) -> bool:
    for simple in p_el.iter(W + "fldSimple"):
        if _PAGE_FIELD.search(simple.get(W + "instr") or ""):
            return True
    return any(_PAGE_FIELD.search(t.text or "") for t in p_el.iter(W + "instrText"))


def part_references(pkg: Package, sect, kind: str) -> dict[str, object]:
    """Header or footer parts of a section by type (default, first, even)."""
    out = {}
    for ref in sect.iterchildren(W + f"{kind}Reference"):
        part = pkg.related.get(ref.get(R + "id"))
        if part is not None:
            out[ref.get(W + "type") or "default"] = part
    return out


def check_page_numbers(ctx: Context, pkg: Package, reader: Reader, paras: list[DocPara]) -> None:
    sections = section_properties(pkg)
    if not sections:
        return
    first = sections[0]
    rule = rules().trang.so_trang
    headers = part_references(pkg, first, "header")
    footers = part_references(pkg, first, "footer")
    title_pg = first.find(W + "titlePg")
    has_title_page = title_pg is not None and (title_pg.get(W + "val") or "1").lower() in ("1", "true", "on")

    numbered = False
    for kind in ("default", "even"):
        part = headers.get(kind)
        if part is None:
            continue
        for para in part_paragraphs(reader, part, "đầu trang"):
            if not _has_page_field(para.el):
                continue
            numbered = True
            problems, wanted = [], []
            if para.props.align != "center":
                problems.append(align_words(para.props.align))
                wanted.append("căn giữa")
            sizes = {s.props.size for s in para.segments if s.props.size is not None and s.text.strip()}
            bad = sorted(x for x in sizes if not rule.co_chu.contains(x, 0.01))
            if bad:
                problems.append("cỡ chữ " + ", ".join(f"{fmt_number(x)} pt" for x in bad))
                wanted.append(f"cỡ chữ {rule.co_chu.describe(' pt')}")
            if problems:
                ctx.add("ND30-P3", "đầu trang", "số trang " + ", ".join(problems), ", ".join(wanted))
    in_footer = any(_has_page_field(p) for part in footers.values() for p in part.iter(W + "p"))
    if not numbered and in_footer:
        ctx.add("ND30-P3", "chân trang", "số trang đặt ở chân trang", "số trang ở phần đầu trang (lề trên), căn giữa")
        numbered = True
    if numbered and rule.an_trang_dau:
        first_part = headers.get("first")
        first_numbered = first_part is not None and any(_has_page_field(p) for p in first_part.iter(W + "p"))
        first_footer = footers.get("first")
        first_numbered = first_numbered or (first_footer is not None and any(_has_page_field(p) for p in first_footer.iter(W + "p")))
        if not has_title_page:
            ctx.add("ND30-P4", "trang", "số trang hiện cả ở trang đầu (chưa chọn «trang đầu khác»)",
                    "không hiện số trang ở trang thứ nhất: chọn «Different First Page» (w:titlePg), để trống đầu trang đầu")
        elif first_numbered:
            ctx.add("ND30-P4", "trang", "đầu trang của trang thứ nhất có số trang",
                    "để trống đầu trang của trang thứ nhất")
    if not numbered and estimate_pages(pkg, paras) > 1:
        ctx.add("ND30-P5", "trang", "văn bản dài hơn một trang mà không có số trang",
                "số trang bằng chữ số Ả Rập, căn giữa phần đầu trang, từ trang thứ hai")



def estimate_pages(pkg: Package, paras: list[DocPara]) -> float:
    """Rough page count: lines of each paragraph at its width and size, over the text height."""
    sections = section_properties(pkg)
    page = rules().trang  # a page that sets nothing is taken as the rules table's A4 and margins
    paper_mm, top_mm, bottom_mm = page.kho_giay.cao_mm, page.le_mm.tren.mac_dinh, page.le_mm.duoi.mac_dinh
    height_mm = paper_mm - top_mm - bottom_mm
    if sections:
        size, mar = sections[-1].find(W + "pgSz"), sections[-1].find(W + "pgMar")
        if size is not None and mar is not None:
            height_mm = _mm(size.get(W + "h"), paper_mm) - _mm(mar.get(W + "top"), top_mm) - _mm(mar.get(W + "bottom"), bottom_mm)
    total = 0.0
    seen_cells: dict[object, float] = {}
    for para in paras:
        font = max((s.props.size or DEFAULT_SIZE for s in para.segments), default=DEFAULT_SIZE)
        width = max(para.text_width_mm, 10.0)  # mm: a sliver of a column still holds a few letters
        text_mm = len(para.text) * AVERAGE_GLYPH_EM * font * 25.4 / 72
        lines = max(1, math.ceil(text_mm / width))
        line_mm = font * LINE_HEIGHT * 25.4 / 72
        h = lines * line_mm + (para.props.before + para.props.after) / TWIPS_PER_MM
        if para.cell is not None:  # cells side by side: count the tallest column once
            key = para.table_el
            seen_cells[key] = seen_cells.get(key, 0.0) + h / 2
            continue
        total += h
    total += sum(seen_cells.values())
    return total / max(height_mm, 1.0)
