"""Tables in the body and in appendices: columns (width in cm or %, alignment, number columns,
merged group headers), rows, an optional total row. In an answers file:

    - bang:
        ten: Dự toán kinh phí               # optional caption above the table
        cot:
          - {ten: STT, rong: 1.2cm, can: giua}
          - {ten: Nội dung, rong: 45%}
          - {ten: Ngân sách tỉnh, nhom: Kinh phí (đồng), so: true}   # same «nhom» → one merged header
          - {ten: Ngân sách xã, nhom: Kinh phí (đồng), so: true}
        hang:
          - nhom: I. CẤP TỈNH                 # a full-width row
          - [1, "Hội nghị triển khai", 12500000, 0, 4]
        tong: Tổng cộng                      # a last row summing the number columns

Numbers are written the Vietnamese way (1.250.000) by `drafter.vn.amount`; the layout turns the
spec into `LaidTable`, plain text cells that the document layer renders as a Word table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Discriminator, Field, PlainValidator, Tag, WithJsonSchema, field_validator, model_validator

from drafter.plan.text import Line, Strict, clean_text
from drafter.vn import amount

Align = Literal["trai", "giua", "phai", "deu"]


def _cell(value: Any) -> Any:
    """A cell is text, a number or empty; anything else gets a message, not a type name."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        return clean_text(value)
    raise ValueError("mỗi ô là chữ, số hoặc để trống (không phải danh sách hay nhóm trường)")


Cell = Annotated[Any, PlainValidator(_cell), WithJsonSchema({"type": ["string", "number", "null"]})]

_WIDTH = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(cm|%)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Width:
    value: float
    unit: str  # "cm" or "%"


def parse_width(value: object) -> Width:
    """`3cm`, `3 cm`, `2,5cm`, `25%`, or a bare number of centimetres."""
    if isinstance(value, bool):
        raise ValueError("độ rộng cột phải là số cm (ví dụ 3cm) hoặc phần trăm (ví dụ 25%)")
    m = _WIDTH.match(str(value))
    if not m:
        raise ValueError(f"độ rộng cột «{value}» không hiểu được; ghi số cm (ví dụ 3cm) hoặc phần trăm (ví dụ 25%)")
    number = float(m.group(1).replace(",", "."))
    if number <= 0:
        raise ValueError("độ rộng cột phải lớn hơn 0")
    return Width(number, (m.group(2) or "cm").lower())


class Column(Strict):
    ten: Line  # header text
    rong: Union[str, float, None] = None  # width: "3cm", "25%"; unset columns share the rest
    can: Align | None = None  # alignment of the body cells; numbers default to the right
    so: bool = False  # number column: 1.250.000, summed in the total row
    cong: bool = True  # a number column left out of the total row (quantities of different units)
    nhom: Line | None = None  # header cell merged over consecutive columns of the same group

    @field_validator("rong")
    @classmethod
    def _width(cls, value):
        if value is not None:
            parse_width(value)
        return value

    @property
    def width(self) -> Width | None:
        return parse_width(self.rong) if self.rong is not None else None

    @property
    def align(self) -> str:
        return self.can or ("phai" if self.so else "trai")


class GroupRow(Strict):
    nhom: Line  # a row spanning every column, bold (e.g. "I. CẤP TỈNH")


def _row_tag(value: Any) -> str | None:
    # "__tag__…" steps are left out of the field paths shown to users (drafter.yamlio)
    if isinstance(value, (dict, GroupRow)):
        return "__tag__nhom"
    return "__tag__o" if isinstance(value, list) else None


Row = Annotated[
    Union[Annotated[GroupRow, Tag("__tag__nhom")], Annotated[list[Cell], Tag("__tag__o")]],
    Discriminator(_row_tag, custom_error_type="table_row",
                  custom_error_message="mỗi hàng là một danh sách ô [ô 1, ô 2, …] hoặc «nhom: …» (hàng gộp cả bảng)"),
]


class TableSpec(Strict):
    ten: Line | None = None  # caption above the table
    cot: list[Column] = Field(min_length=1)
    hang: list[Row] = []
    tong: Line | None = None  # label of a total row summing the number columns

    @model_validator(mode="after")
    def _rows_fit(self) -> "TableSpec":
        n = len(self.cot)
        for i, row in enumerate(self.hang, 1):
            if isinstance(row, list) and len(row) != n:
                raise ValueError(f"hàng {i} có {len(row)} ô, bảng có {n} cột")
            if isinstance(row, list) and self.tong:
                for col, cell in zip(self.cot, row):
                    if col.so and isinstance(cell, str) and cell.strip():
                        raise ValueError(f"hàng {i}, cột «{col.ten}»: «{cell}» không phải số, không cộng vào dòng tổng được")
        percent = sum(w.value for c in self.cot if (w := c.width) and w.unit == "%")
        if percent > 100:
            raise ValueError(f"tổng độ rộng các cột tính theo % là {percent:g}%, vượt 100%")
        if self.tong and not any(c.so and c.cong for c in self.cot):
            raise ValueError("«tong» cần ít nhất một cột số («so: true»)")
        if self.tong and self.cot[0].so:
            raise ValueError("«tong» cần một cột chữ đứng trước cột số đầu tiên để ghi chữ «Tổng cộng»")
        return self


class Table(Strict):
    kind: ClassVar[str] = "bang"
    bang: TableSpec


# --- layout ---------------------------------------------------------------------------------------


@dataclass
class HeaderCell:
    text: str
    col: int  # first grid column
    span: int = 1  # columns merged horizontally
    rows: int = 1  # header rows merged vertically (2 for an ungrouped column under grouped ones)


@dataclass
class LaidTable:
    """A table as the reader sees it: every cell's text final (numbers formatted)."""

    columns: list[Column]
    header: list[list[HeaderCell]]  # one or two header rows
    rows: list[list[str] | str]  # a list of cell texts, or the text of a full-width group row
    total: list[str] | None = None
    caption: str | None = None
    landscape: bool = False  # set by the appendix holding it
    widths: list[Width | None] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Every cell's text in reading order (row by row), for plain-text output."""
        out = [self.caption] if self.caption else []
        for row in self.header:
            out.extend(cell.text for cell in row)
        for row in self.rows:
            out.extend([row] if isinstance(row, str) else row)
        if self.total:
            out.extend(self.total)
        return [line for text in out if text for line in text.split("\n")]


def _header(columns: list[Column]) -> list[list[HeaderCell]]:
    if not any(c.nhom for c in columns):
        return [[HeaderCell(c.ten, i) for i, c in enumerate(columns)]]
    top: list[HeaderCell] = []
    bottom: list[HeaderCell] = []
    for i, c in enumerate(columns):
        if c.nhom is None:
            top.append(HeaderCell(c.ten, i, rows=2))
        elif top and top[-1].text == c.nhom and top[-1].rows == 1 and top[-1].col + top[-1].span == i:
            top[-1].span += 1
            bottom.append(HeaderCell(c.ten, i))
        else:
            top.append(HeaderCell(c.nhom, i))
            bottom.append(HeaderCell(c.ten, i))
    return [top, bottom]


def cell_text(value: Cell, number: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return amount(value) if number else (f"{value:g}" if isinstance(value, float) else str(value))
    return str(value)


def total_span(columns: list[Column]) -> int:
    """Columns merged under the total row's label: all those before the first number column."""
    return next(i for i, c in enumerate(columns) if c.so)


def _total(spec: TableSpec) -> list[str]:
    out: list[str] = []
    for i, col in enumerate(spec.cot):
        if col.so and col.cong:
            values = [row[i] for row in spec.hang if isinstance(row, list) and isinstance(row[i], (int, float))]
            out.append(amount(sum(values)))
        else:
            out.append(spec.tong if i == 0 else "")
    return out


def lay_out_table(spec: TableSpec, landscape: bool = False) -> LaidTable:
    rows: list[list[str] | str] = []
    for row in spec.hang:
        if isinstance(row, GroupRow):
            rows.append(row.nhom)
        else:
            rows.append([cell_text(v, c.so) for v, c in zip(row, spec.cot)])
    return LaidTable(
        columns=list(spec.cot),
        header=_header(spec.cot),
        rows=rows,
        total=_total(spec) if spec.tong else None,
        caption=spec.ten,
        landscape=landscape,
        widths=[c.width for c in spec.cot],
    )
