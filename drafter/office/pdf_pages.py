"""The pages of a PDF as the layout rules need them: text lines split into columns (the header
and the signature are two side-by-side blocks), drawn horizontal rules, and the ink's bounding
box. Positions are in points from the top-left corner of the page (pdfplumber's convention)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from drafter.errors import Location, UnreadableFileError

PT_PER_MM = 72 / 25.4
SAME_ROW_PT = 2.5  # words whose baselines differ less than this sit on one text line
COLUMN_GAP_MM = 8.0  # a wider gap between words on one line separates two columns
RULE_THICKNESS_PT = 2.0  # thinner than this and wider than it is tall: a drawn rule


def key(text: str) -> str:
    """Text compared across DOCX and PDF: NFC, no whitespace (PDF word splits vary)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Line:
    """Words on one text line within one column."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def key(self) -> str:
        return key(self.text)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rule:
    page: int
    x0: float
    x1: float
    top: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    ink: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, x1, top, bottom


def _lines(number: int, words: list[dict]) -> list[Line]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if rows and abs(rows[-1][-1]["bottom"] - word["bottom"]) <= SAME_ROW_PT:
            rows[-1].append(word)
        else:
            rows.append([word])
    out: list[Line] = []
    gap = COLUMN_GAP_MM * PT_PER_MM
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        run = [row[0]]
        for word in row[1:] + [None]:
            if word is not None and word["x0"] - run[-1]["x1"] <= gap:
                run.append(word)
                continue
            out.append(Line(number, unicodedata.normalize("NFC", " ".join(w["text"] for w in run)),
                            min(w["x0"] for w in run), max(w["x1"] for w in run),
                            min(w["top"] for w in run), max(w["bottom"] for w in run)))
            if word is not None:
                run = [word]
    return sorted(out, key=lambda ln: (round(ln.top), ln.x0))


def _rules(number: int, page) -> list[Rule]:
    out: set[Rule] = set()
    for shape in list(page.lines) + list(page.rects):
        width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
        if height <= RULE_THICKNESS_PT and width >= height:
            out.add(Rule(number, round(shape["x0"], 2), round(shape["x1"], 2), round(shape["top"], 2)))
    return sorted(out, key=lambda r: (r.top, r.x0))


def read_pages(path: Path, shown_as: Path | str | None = None) -> list[Page]:
    pages: list[Page] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                item = Page(number, float(page.width), float(page.height))
                item.lines = _lines(number, page.extract_words())
                item.rules = _rules(number, page)
                item.ink = [(c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars if c["text"].strip()]
                item.ink += [(r.x0, r.x1, r.top, r.top) for r in item.rules]
                pages.append(item)
    except (PdfminerException, PDFSyntaxError, OSError, ValueError, KeyError, TypeError):
        raise UnreadableFileError("không đọc được tệp PDF (tệp hỏng hoặc không đúng định dạng PDF)",
                                  Location(file=shown_as or path)) from None
    return pages
