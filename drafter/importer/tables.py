"""Tables read back into the answers format (`bang:`): Word tables of the body and appendices, and
Markdown pipe rows (`| … | … |`) in text copied from a web page. Header rows (Word's "repeat as
header row", else the first row), a group header over several columns (`nhom`), full-width group
rows, a total row, and number columns written the Vietnamese way (1.250.000) are recognised, so
that drafter lays the table out again with the same text."""

from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER = re.compile(r"^\d{1,3}(?:\.\d{3})*$")
PIPE_ROW = re.compile(r"^\|.*\|$")
PIPE_RULE = re.compile(r"^\|[\s:|-]+\|$")


@dataclass
class _Cell:
    text: str
    span: int = 1
    continued: bool = False  # the lower part of a vertically merged cell


def _cell(tc) -> _Cell:
    props = tc.find(W + "tcPr")
    span, continued = 1, False
    if props is not None:
        grid_span = props.find(W + "gridSpan")
        if grid_span is not None:
            try:
                span = max(1, int(grid_span.get(W + "val", "1")))
            except ValueError:
                span = 1
        merge = props.find(W + "vMerge")
        continued = merge is not None and merge.get(W + "val", "continue") == "continue"
    paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")).strip() for p in tc.iter(W + "p")]
    return _Cell("\n".join(p for p in paragraphs if p), span, continued)


def _positions(cells: list[_Cell]) -> list[tuple[int, _Cell]]:
    out, column = [], 0
    for cell in cells:
        out.append((column, cell))
        column += cell.span
    return out


def word_table(tbl) -> dict:
    """A `bang:` spec from a w:tbl element."""
    rows = [[_cell(tc) for tc in tr.iterchildren(W + "tc")] for tr in tbl.iterchildren(W + "tr")]
    repeat = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in tbl.iterchildren(W + "tr")]
    header_count = next((i for i, flag in enumerate(repeat) if not flag), len(repeat)) or 1
    width = max((sum(c.span for c in row) for row in rows), default=0)
    header, body = rows[:header_count], rows[header_count:]
    columns: list[dict] = [{"ten": ""} for _ in range(width)]
    for column, cell in _positions(header[0]):
        if cell.span > 1 and len(header) > 1:
            for c in range(column, column + cell.span):
                columns[c]["nhom"] = cell.text
        elif column < width:
            columns[column]["ten"] = cell.text
    for row in header[1:]:
        for column, cell in _positions(row):
            if not cell.continued and column < width and "nhom" in columns[column]:
                columns[column]["ten"] = cell.text
    spec: dict = {"cot": columns, "hang": []}
    total = None
    for row in body:
        if len(row) == 1 and row[0].span >= width > 1:
            spec["hang"].append({"nhom": row[0].text})
        elif row and 1 < row[0].span < width and row is body[-1]:
            total = row
        else:
            cells: list = []
            for _, cell in _positions(row):
                cells.extend([cell.text] + [""] * (cell.span - 1))
            spec["hang"].append((cells + [""] * width)[:width])
    _numbers(spec, width, total)
    for column in columns:
        if not column["ten"]:
            column["ten"] = "…"  # a header cell left empty in the source: keep the column visible
    return spec


def _numbers(spec: dict, width: int, total: list[_Cell] | None) -> None:
    """Number columns become numbers (drafter writes them 1.250.000 again and sums the total)."""
    rows = [r for r in spec["hang"] if isinstance(r, list)]
    for c in range(width):
        values = [r[c] for r in rows if r[c]]
        # amounts, not running numbers: STT (1, 2, 3) and small counts stay text, printed as typed
        if values and all(NUMBER.match(v) for v in values) and any("." in v or len(v) > 3 for v in values):
            spec["cot"][c]["so"] = True
            for r in rows:
                r[c] = int(r[c].replace(".", "")) if r[c] else None
    if total is None:
        return
    spec["tong"] = total[0].text
    by_column = dict(_positions(total))
    for c in range(width):
        if spec["cot"][c].get("so") and c >= total[0].span and not (by_column.get(c) and by_column[c].text):
            spec["cot"][c]["cong"] = False


def pipe_table(lines: list[str]) -> dict:
    """A `bang:` spec from Markdown pipe rows; a short row is padded with empty cells."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines
            if not PIPE_RULE.match(line.strip())]
    width = max(len(r) for r in rows)
    rows = [(r + [""] * width)[:width] for r in rows]
    spec = {"cot": [{"ten": name or "…"} for name in rows[0]], "hang": rows[1:]}
    _numbers(spec, width, None)
    return spec
