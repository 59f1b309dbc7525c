"""Read a DOCX into located paragraphs with their effective formatting, in reading order: body
paragraphs, and each table column by column (the header's left column — issuing body, Số —
before its right column — Quốc hiệu, date —; Nơi nhận before the signature). Locations match
`drafter.document.text.located_paragraphs` ("đoạn 12", "bảng 1, hàng 1, cột 2").

Tolerant of hand-made plans: content controls (`w:sdt`), tracked insertions, hyperlinks and
fields are read through; nested tables keep the location of their outer cell; text boxes are
read after the paragraph that anchors them; rules drawn as shapes are collected per paragraph."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from drafter.check.formatting import ParaProps, Resolver, RunProps, W, table_style_id, twips
from drafter.check.lines import run_lines, text_boxes
from drafter.check.numbering import Numbering
from drafter.check.package import Package

WORD_CELL_MARGIN = 108  # twips: Word's default left/right cell margin (0.19 cm)
TWIPS_PER_MM = 1440 / 25.4

# Containers whose runs belong to the paragraph's text.
_RUN_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_SDT = W + "sdt"
_SDT_CONTENT = W + "sdtContent"
_R = W + "r"


@dataclass
class Segment:
    start: int
    end: int
    props: RunProps
    text: str


@dataclass
class DocPara:
    el: object
    where: str
    text: str
    segments: list[Segment]
    props: ParaProps
    width_mm: float  # width of the container: cell (minus cell margins) or page text area
    table: int | None = None
    row: int | None = None
    column: int | None = None
    cell: object | None = None  # the w:tc element, None in the body
    table_el: object | None = None
    drawn_lines: list[float] = field(default_factory=list)  # mm
    in_text_box: bool = False
    label: str = ""  # automatic numbering shown before the text ("I.", "a)", "-"), not in `text`

    @property
    def text_width_mm(self) -> float:
        """Width between the paragraph's left and right indents."""
        return self.width_mm - (self.props.left + self.props.right) / TWIPS_PER_MM

    def segments_in(self, start: int, end: int) -> list[Segment]:
        return [s for s in self.segments if s.end > start and s.start < end]


def _run_text(r_el) -> str:
    parts: list[str] = []
    for child in r_el:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _runs(container) -> Iterator:
    for child in container:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _RUN_CONTAINERS:
            yield from _runs(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _runs(content)


class Reader:
    def __init__(self, package: Package, resolver: Resolver):
        self.package = package
        self.resolver = resolver
        self.numbering = Numbering(resolver)
        self.page_width_mm = self._page_text_width()

    def _page_text_width(self, sect=None) -> float:
        """Text width of a section (the last one by default)."""
        body = self.package.body
        if sect is None:
            sect = body.find(W + "sectPr") if body is not None else None
        width, left, right, gutter = 11906, 1701, 850, 0  # a Word default A4 page if nothing is set
        if sect is not None:
            size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
            if size is not None and size.get(W + "w"):
                width = twips(size.get(W + "w"), width)
            if margins is not None:
                left = twips(margins.get(W + "left"), left)
                right = twips(margins.get(W + "right"), right)
                gutter = twips(margins.get(W + "gutter"), 0)
        return (width - left - right - gutter) / TWIPS_PER_MM

    def paragraph(self, p_el, where: str, width_mm: float, tstyle: str | None = None, *,
                  table: int | None = None, row: int | None = None, column: int | None = None,
                  cell=None, table_el=None, in_text_box: bool = False) -> list[DocPara]:
        props = self.resolver.para_props(p_el, tstyle)
        pstyle = props.style_id
        segments: list[Segment] = []
        texts: list[str] = []
        pos = 0
        lines: list[float] = []
        boxes: list = []
        for r_el in _runs(p_el):
            text = _run_text(r_el)
            if len(r_el) > 1 or (len(r_el) == 1 and r_el[0].tag != W + "t"):
                lines.extend(run_lines(r_el))
                boxes.extend(text_boxes(r_el))
            if not text:
                continue
            run_props = self.resolver.run_props(r_el, pstyle, tstyle)
            if run_props.hidden:
                continue
            text = unicodedata.normalize("NFC", text)
            segments.append(Segment(pos, pos + len(text), run_props, text))
            texts.append(text)
            pos += len(text)
        label = self.numbering.label(p_el, tstyle) if not in_text_box else ""
        para = DocPara(p_el, where, "".join(texts), segments, props, width_mm, table, row, column,
                       cell, table_el, lines, in_text_box, label)
        out = [para]
        for i, box in enumerate(boxes, 1):
            for p in box.iterchildren(W + "p"):
                out.extend(self.paragraph(p, f"{where}, khung chữ {i}", self.page_width_mm, in_text_box=True))
        return out

    def _cell_width_mm(self, tc, grid: list[int], start: int, span: int, tbl_margins: tuple[int, int]) -> float:
        tcpr = tc.find(W + "tcPr")
        width = None
        left, right = tbl_margins
        if tcpr is not None:
            tcw = tcpr.find(W + "tcW")
            if tcw is not None and (tcw.get(W + "type") or "dxa") == "dxa" and tcw.get(W + "w"):
                width = twips(tcw.get(W + "w"))
            mar = tcpr.find(W + "tcMar")
            if mar is not None:
                left, right = _margins(mar, (left, right))
        if not width and grid:
            width = sum(grid[start:start + span])
        if not width:
            return self.page_width_mm
        return max(width - left - right, 0) / TWIPS_PER_MM

    def table(self, tbl, number: int, outer: tuple | None = None) -> Iterator[DocPara]:
        tstyle = table_style_id(tbl) or self.resolver.default_table
        grid_el = tbl.find(W + "tblGrid")
        grid = [twips(g.get(W + "w")) for g in grid_el.iterchildren(W + "gridCol")] if grid_el is not None else []
        tblpr = tbl.find(W + "tblPr")
        margins = (WORD_CELL_MARGIN, WORD_CELL_MARGIN)
        if tblpr is not None and tblpr.find(W + "tblCellMar") is not None:
            margins = _margins(tblpr.find(W + "tblCellMar"), margins)
        cells: list[tuple[int, int, object, int]] = []
        for r, tr in enumerate(_rows(tbl)):
            col = 0
            for tc in _cells(tr):
                span = 1
                tcpr = tc.find(W + "tcPr")
                if tcpr is not None and tcpr.find(W + "gridSpan") is not None:
                    span = max(1, twips(tcpr.find(W + "gridSpan").get(W + "val"), 1))
                cells.append((col, r, tc, span))
                col += span
        cells.sort(key=lambda c: (c[0], c[1]))
        for col, r, tc, span in cells:
            if outer:
                where, t_no, row_no, col_no = outer
            else:
                where, t_no, row_no, col_no = f"bảng {number}, hàng {r + 1}, cột {col + 1}", number, r + 1, col + 1
            width = self._cell_width_mm(tc, grid, col, span, margins)
            for child in _block_children(tc):
                if child.tag == W + "p":
                    yield from self.paragraph(child, where, width, tstyle, table=t_no, row=row_no,
                                              column=col_no, cell=tc, table_el=tbl)
                elif child.tag == W + "tbl":
                    yield from self.table(child, number, (where, t_no, row_no, col_no))

    def read(self) -> list[DocPara]:
        out: list[DocPara] = []
        paragraph_no = table_no = 0
        body = self.package.body
        last_width = self.page_width_mm
        widths: dict[int, float] = {}
        # Each paragraph is measured against its own section: a landscape appendix section is
        # wider than the portrait text before it.
        for child, sect in body_sections(body) if body is not None else ():
            if sect is None:
                self.page_width_mm = last_width
            else:
                key = id(sect)  # sect stays referenced by body_sections' list while this loop runs
                if key not in widths:
                    widths[key] = self._page_text_width(sect)
                self.page_width_mm = widths[key]
            if child.tag == W + "p":
                paragraph_no += 1
                out.extend(self.paragraph(child, f"đoạn {paragraph_no}", self.page_width_mm))
            elif child.tag == W + "tbl":
                table_no += 1
                out.extend(self.table(child, table_no))
        self.page_width_mm = last_width
        return out


def body_sections(body) -> list[tuple[object, object]]:
    """Paragraphs and tables of the body, each with the sectPr of its section (a paragraph's own
    sectPr ends its section; the body's sectPr is the last section's)."""
    children = list(_block_children(body))
    out: list[tuple[object, object]] = []
    pending: list = []
    for child in children:
        pending.append(child)
        sect = child.find(f"{W}pPr/{W}sectPr") if child.tag == W + "p" else None
        if sect is not None:
            out.extend((c, sect) for c in pending)
            pending = []
    final = body.find(W + "sectPr")
    out.extend((c, final) for c in pending)
    return out


def _margins(mar, default: tuple[int, int]) -> tuple[int, int]:
    left, right = default
    for tag in ("left", "start"):
        el = mar.find(W + tag)
        if el is not None and (el.get(W + "type") or "dxa") == "dxa" and el.get(W + "w"):
            left = twips(el.get(W + "w"), left)
    for tag in ("right", "end"):
        el = mar.find(W + tag)
        if el is not None and (el.get(W + "type") or "dxa") == "dxa" and el.get(W + "w"):
            right = twips(el.get(W + "w"), right)
    return left, right


def _children(container, tags: tuple[str, ...]) -> Iterator:
    """Children with one of `tags`, looking through content controls and custom XML."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in (_SDT, W + "customXml"):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from _children(content, tags)


def _block_children(container) -> Iterator:
    """Paragraphs and tables of a body or cell."""
    return _children(container, (W + "p", W + "tbl"))


def _rows(tbl) -> Iterator:
    return _children(tbl, (W + "tr",))


def _cells(tr) -> Iterator:
    return _children(tr, (W + "tc",))
