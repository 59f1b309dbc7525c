"""The paragraphs of a template, where a person finds them in Word: the part (body, header,
footer, footnotes), the paragraph's number, the table/row/cell it sits in, and its opening
words. Read from the verified XML parts with a parser that loads no DTD."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml import etree

from drafter.check.package import PARSER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")  # a Jinja tag in a paragraph's text
# Word's curly quotes, which docxtpl straightens inside tags before Jinja reads them
STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_PART_NAMES = {"document": "thân văn bản", "header": "đầu trang", "footer": "chân trang", "footnotes": "chú thích"}


@dataclass(frozen=True)
class Para:
    part: str  # "word/header2.xml"
    number: int  # 1-based, counting every paragraph of the part in document order
    cells: tuple[tuple[int, int, int], ...]  # (table, row, cell), 1-based, outermost first
    text: str
    element: object  # the lxml w:p element

    def where(self) -> str:
        """Vietnamese description of the place, as a person finds it in Word."""
        kind = re.sub(r"\d+$", "", self.part.rsplit("/", 1)[-1].removesuffix(".xml"))
        place = f"{_PART_NAMES.get(kind, self.part)} ({self.part}), đoạn {self.number}"
        for table, row, cell in self.cells:
            place += f", bảng {table} hàng {row} ô {cell}"
        opening = " ".join(self.text.split())
        if opening:
            place += f" «{opening[:40]}{'…' if len(opening) > 40 else ''}»"
        return place


def part_order(name: str) -> tuple[int, str]:
    order = ("document", "header", "footer", "footnotes")
    stem = re.sub(r"\d+$", "", name.rsplit("/", 1)[-1].removesuffix(".xml"))
    return (order.index(stem) if stem in order else 9, name)


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def paragraphs(parts: dict[str, bytes]) -> list[Para]:
    out: list[Para] = []
    for name in sorted((n for n in parts if _RENDERED_PART.match(n)), key=part_order):
        root = etree.fromstring(parts[name], PARSER)
        tables: dict[object, int] = {}
        for number, p in enumerate(root.iter(W + "p"), 1):
            cells = []
            for tc in reversed([a for a in p.iterancestors(W + "tc")]):
                tr = tc.getparent()
                tbl = tr.getparent()
                if tbl not in tables:
                    tables[tbl] = len(tables) + 1
                cells.append((tables[tbl], list(tbl.iterchildren(W + "tr")).index(tr) + 1,
                              list(tr.iterchildren(W + "tc")).index(tc) + 1))
            out.append(Para(name, number, tuple(cells), paragraph_text(p), p))
    return out


def required_styles() -> set[str]:
    """Styles the renderer and the checker find elements by (drafter/document/styles.py)."""
    from drafter.document.styles import PAGE_NUMBER, RULE_STYLES, STYLES

    return {s.name for s in STYLES} | set(RULE_STYLES) | {PAGE_NUMBER}


_STYLE_NAME = re.compile(rb'<w:name\s+w:val="([^"]*)"')


def missing_styles(parts: dict[str, bytes]) -> list[str]:
    """A byte search, not a parse: Word's styles part is mostly latent styles (hundreds of kB)
    and this runs before every render."""
    styles = parts.get("word/styles.xml") or b""
    names = {html.unescape(m.decode("utf-8", "replace")) for m in _STYLE_NAME.findall(styles)}
    return sorted(required_styles() - names)
