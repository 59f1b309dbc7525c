"""Render the tables of a laid-out plan as real Word tables, in the template's table style.

Each table becomes a `TableXml` placed by the template's `{{p d.bang }}` paragraph (docxtpl puts
an object's `__html__` in place of that paragraph).
python-docx writes every cell's text (so `&`, `<`, quotes and braces stay text, never markup);
a line break in a cell starts a new paragraph in that cell. Header rows repeat on every page and
no row breaks across pages; widths are fixed so LibreOffice and Word lay it out alike."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docxtpl import DocxTemplate
from lxml import etree

from drafter.document.styles import (
    TABLE_CAPTION, TABLE_CELL, TABLE_GROUP, TABLE_HEADER, TABLE_SPACER, TABLE_STYLE,
)
from drafter.document.values import protect_braces
from drafter.errors import TemplateError
from drafter.plan.table import LaidTable, Width, total_span
from drafter.rules import rules

MIN_COLUMN_MM = 8.0
ALIGN = {"trai": WD_ALIGN_PARAGRAPH.LEFT, "giua": WD_ALIGN_PARAGRAPH.CENTER,
         "phai": WD_ALIGN_PARAGRAPH.RIGHT, "deu": WD_ALIGN_PARAGRAPH.JUSTIFY}


def text_width_mm(landscape: bool) -> float:
    """Width between the margins of a portrait or landscape A4 page of the rules table."""
    page, margins = rules().trang.kho_giay, rules().trang.le_mm
    paper = page.cao_mm if landscape else page.rong_mm
    return paper - margins.trai.mac_dinh - margins.phai.mac_dinh


def column_widths_mm(widths: list[Width | None], available_mm: float) -> list[float]:
    """cm are absolute, % of the text width; unset columns share what is left. A table wider
    than the page is scaled down to fit it."""
    fixed = [w.value * 10 if w and w.unit == "cm" else available_mm * w.value / 100 if w else None for w in widths]
    unset = [i for i, w in enumerate(fixed) if w is None]
    rest = available_mm - sum(w for w in fixed if w is not None)
    share = max(rest / len(unset), MIN_COLUMN_MM) if unset else 0.0
    out = [w if w is not None else share for w in fixed]
    total = sum(out)
    if total > available_mm:
        out = [w * available_mm / total for w in out]
    return out


def _fill(cell: _Cell, text: str, style_id: str, align=None, bold: bool = False) -> None:
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph._p.get_or_add_pPr().style = style_id  # by id: python-docx's lookup by name scans every style
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(line)
        if bold:
            run.bold = True


class _Grid:
    """The cells of a new table by (row, grid column), kept in step with merges. python-docx's
    `table.cell()` recomputes the whole grid on each call, which is quadratic on long tables."""

    def __init__(self, table):
        self.table = table
        self.tcs = [list(tr.tc_lst) for tr in table._tbl.tr_lst]

    def cell(self, r: int, c: int) -> _Cell:
        return _Cell(self.tcs[r][c], self.table)

    def merge(self, r: int, c: int, rows: int = 1, span: int = 1) -> _Cell:
        """Merge `span` columns from c in each of `rows` rows from r (gridSpan, then vMerge)."""
        for k in range(r, r + rows):
            first = self.tcs[k][c]
            if span > 1:
                first.grid_span = span
                for tc in self.tcs[k][c + 1:c + span]:
                    tc.getparent().remove(tc)
                self.tcs[k][c:c + span] = [first] * span
            if rows > 1:
                first.vMerge = "restart" if k == r else "continue"
        return self.cell(r, c)

    def fix_widths(self, widths_mm: list[float]) -> None:
        table = self.table
        table.autofit = False  # w:tblLayout fixed
        tbl_pr = table._tbl.tblPr
        width = tbl_pr.find(qn("w:tblW"))
        if width is None:
            width = OxmlElement("w:tblW")
            tbl_pr.append(width)
        width.set(qn("w:w"), str(Mm(sum(widths_mm)).twips))
        width.set(qn("w:type"), "dxa")
        for grid, mm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
            grid.set(qn("w:w"), str(Mm(mm).twips))
        for row in self.tcs:
            for c, tc in enumerate(row):
                if c == 0 or row[c - 1] is not tc:
                    span = sum(mm for k, mm in enumerate(widths_mm) if row[k] is tc)
                    tc.width = Mm(span)


def _row_flags(tr, header: bool) -> None:
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))  # no page break inside a row
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page


class TableXml:
    """Body-level XML built with python-docx against the template's styles. This is what
    docxtpl's own Subdoc does, without it: Subdoc needs docxcompose, whose import rewrites
    python-docx's "cp" namespace for the whole process and corrupts the core properties of
    every document saved afterwards."""

    def __init__(self, tpl: DocxTemplate):
        self.doc = docx.Document()
        self.doc._part = tpl.get_docx()._part  # styles resolve in the template, as in Subdoc
        self.placed = False  # set when the template inserts it

    def add_paragraph(self, text: str, style_id: str):
        paragraph = self.doc.add_paragraph(text)
        paragraph._p.get_or_add_pPr().style = style_id
        return paragraph

    def add_table(self, rows: int, cols: int):
        return self.doc.add_table(rows=rows, cols=cols)

    def __html__(self) -> str:
        self.placed = True
        body = self.doc.element.body
        xml = "".join(etree.tostring(child, encoding="unicode") for child in body if child.tag != qn("w:sectPr"))
        return protect_braces(xml)  # docxtpl's {_{ rewrite runs after this is inserted

    __str__ = __html__


class _Styles:
    """The template's styles by name; a template without one gets a message, not a KeyError."""

    def __init__(self, tpl: DocxTemplate):
        self.styles = tpl.get_docx().styles

    def id(self, name: str, table: bool = False) -> str:
        try:
            style = self.styles[name]
        except KeyError:
            style = None
        wanted = WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH
        if style is None or style.type != wanted:
            raise TemplateError(f"mẫu thiếu kiểu «{name}» dùng cho bảng", hint=MISSING_HINT)
        return style.style_id


MISSING_HINT = "dùng mẫu mặc định (templates/ke-hoach.docx) hoặc chép các kiểu và đoạn phụ lục, bảng từ mẫu đó"


def build_table(tpl: DocxTemplate, laid: LaidTable) -> TableXml:
    """The caption (if any) and the table."""
    sub = TableXml(tpl)
    styles = _Styles(tpl)
    if laid.caption:
        sub.add_paragraph(laid.caption, styles.id(TABLE_CAPTION))
    n = len(laid.columns)
    header_rows = len(laid.header)
    table = sub.add_table(rows=header_rows + len(laid.rows) + (1 if laid.total else 0), cols=n)
    table._tbl.tblPr.get_or_add_tblStyle().val = styles.id(TABLE_STYLE, table=True)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = _Grid(table)

    header_id, cell_id, group_id = styles.id(TABLE_HEADER), styles.id(TABLE_CELL), styles.id(TABLE_GROUP)
    for r, cells in enumerate(laid.header):
        for h in cells:
            cell = grid.merge(r, h.col, rows=h.rows, span=h.span)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _fill(cell, h.text, header_id)
    aligns = [ALIGN[column.align] for column in laid.columns]
    for r, row in enumerate(laid.rows, header_rows):
        if isinstance(row, str):
            _fill(grid.merge(r, 0, span=n), row, group_id)
            continue
        for c, text in enumerate(row):
            _fill(grid.cell(r, c), text, cell_id, aligns[c])
    if laid.total:
        r = header_rows + len(laid.rows)
        span = total_span(laid.columns)
        _fill(grid.merge(r, 0, span=span), laid.total[0], group_id, WD_ALIGN_PARAGRAPH.CENTER)
        for c in range(span, n):
            _fill(grid.cell(r, c), laid.total[c], cell_id, aligns[c], bold=True)
    grid.fix_widths(column_widths_mm(laid.widths, text_width_mm(laid.landscape)))
    for r, tr in enumerate(table._tbl.tr_lst):
        _row_flags(tr, header=r < header_rows)
    # Word puts the next paragraph flush against a table: a small empty paragraph gives the gap.
    spacer = sub.add_paragraph("", styles.id(TABLE_SPACER))
    spacer.paragraph_format.space_after = Pt(rules().doan_van.cach_sau_pt.mac_dinh)
    return sub


def _table_lines(ctx: dict) -> list:
    lines = list(ctx["than"]) + [line for appendix in ctx["phu_luc"] for line in appendix.than]
    return [line for line in lines if line.bang is not None]


def attach_tables(tpl: DocxTemplate, ctx: dict) -> None:
    """Replace each laid-out table of the context by its Word XML, in place."""
    for line in _table_lines(ctx):
        line.bang = build_table(tpl, line.bang)


def require_placed(ctx: dict) -> None:
    """A template without the `{{p d.bang }}` branch would drop tables silently: refuse."""
    if any(not line.bang.placed for line in _table_lines(ctx)):
        raise TemplateError("mẫu không có chỗ đặt bảng (đoạn «{{p d.bang }}» trong vòng lặp nội dung)",
                            hint=MISSING_HINT)
