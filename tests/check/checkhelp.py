"""Helpers for the checker tests: a good plan rendered once, mutations with python-docx/lxml,
and short ways to ask which rules fired."""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from drafter.answers import load_plan
from drafter.check import check_docx_bytes, check_text
from drafter.check.finding import Finding
from drafter.document.render import render_docx

HERE = Path(__file__).resolve().parent
GOOD_PLAN = HERE / "data" / "ke-hoach-tot.yaml"
SEEDS = HERE / "seeds"


@lru_cache(maxsize=1)
def good_bytes() -> bytes:
    return render_docx(load_plan(GOOD_PLAN))


def good_document():
    return docx.Document(io.BytesIO(good_bytes()))


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def mutated(change: Callable) -> bytes:
    """The good plan after `change(document)`."""
    document = good_document()
    change(document)
    return save(document)


def findings(data: bytes) -> list[Finding]:
    return check_docx_bytes(data)


def rule_ids(items: Iterable[Finding]) -> set[str]:
    return {f.rule for f in items}


def fired(change: Callable) -> list[Finding]:
    return findings(mutated(change))


def of_rule(items: Iterable[Finding], rule: str) -> list[Finding]:
    return [f for f in items if f.rule == rule]


# -- finding paragraphs -----------------------------------------------------------------------------


def all_paragraphs(document) -> list[Paragraph]:
    out = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            seen = []
            for cell in row.cells:
                if any(cell._tc is s for s in seen):
                    continue
                seen.append(cell._tc)
                out.extend(cell.paragraphs)
    return out


def para(document, start: str) -> Paragraph:
    """The first paragraph whose text starts with `start`."""
    for p in all_paragraphs(document):
        if p.text.startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def styled(document, style_name: str) -> list[Paragraph]:
    return [p for p in all_paragraphs(document) if p.style is not None and p.style.name == style_name]


def set_text(paragraph: Paragraph, text: str) -> None:
    """Replace the text, keeping the first run's formatting."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def for_runs(paragraph: Paragraph, **props) -> None:
    for run in paragraph.runs:
        for key, value in props.items():
            if key == "size":
                from docx.shared import Pt

                run.font.size = Pt(value)
            else:
                setattr(run.font, key, value)


def remove(paragraph: Paragraph) -> None:
    paragraph._p.getparent().remove(paragraph._p)


def insert_after(paragraph: Paragraph, text: str) -> Paragraph:
    new = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(new)
    p = Paragraph(new, paragraph._parent)
    set_text(p, text)
    return p


def remove_border(paragraph: Paragraph) -> None:
    """Override the style's bottom border with none."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "nil")
    borders.append(bottom)
    ppr.append(borders)


def text_findings(paragraphs: list[str]) -> list[Finding]:
    return check_text(paragraphs)
