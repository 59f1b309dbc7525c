"""Read a DOCX back as located paragraphs, in the order a reader takes them: body paragraphs in
order, and each table column by column (the header's left column — issuing body, Số — before
its right column — Quốc hiệu, date —; Nơi nhận before the signature)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Located:
    paragraph: Paragraph
    where: str  # Vietnamese location: "đoạn 12", "bảng 2, hàng 1, cột 2"
    table: int | None = None  # 1-based table number, None in the body
    row: int | None = None
    column: int | None = None

    @property
    def text(self) -> str:
        return self.paragraph.text


def _table_paragraphs(table: Table, number: int) -> Iterator[Located]:
    rows = table.rows
    columns = max((len(row.cells) for row in rows), default=0)
    seen: list = []  # elements, not ids: lxml proxies are transient
    for c in range(columns):
        for r, row in enumerate(rows):
            if c >= len(row.cells):
                continue
            cell = row.cells[c]
            if any(cell._tc is tc for tc in seen):  # merged cells repeat
                continue
            seen.append(cell._tc)
            for paragraph in cell.paragraphs:
                yield Located(paragraph, f"bảng {number}, hàng {r + 1}, cột {c + 1}", number, r + 1, c + 1)


def located_paragraphs(doc: DocxDocument) -> Iterator[Located]:
    body = doc.element.body
    paragraph_no = table_no = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph_no += 1
            yield Located(Paragraph(child, doc._body), f"đoạn {paragraph_no}")
        elif child.tag == qn("w:tbl"):
            table_no += 1
            yield from _table_paragraphs(Table(child, doc._body), table_no)


def paragraph_texts(doc: DocxDocument, *, keep_empty: bool = False) -> list[str]:
    return [p.text for p in located_paragraphs(doc) if keep_empty or p.text.strip()]
