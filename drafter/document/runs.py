"""Body paragraphs as Word runs: the emphasis of `**bold**` / `*italic*` (drafter.plan.emphasis)
becomes run properties. Templates use it as `{{r d|dinh_dang }}`; the text is escaped by
docxtpl's RichText, and a line break starts a new paragraph of the same style, as everywhere."""

from __future__ import annotations

import unicodedata

from docx.oxml.ns import qn
from docxtpl import RichText

from drafter.document.values import protect_braces
from drafter.plan.emphasis import spans
from drafter.plan.layout import Line

FILTER = "dinh_dang"


def rich_text(value: Line | object) -> RichText:
    """A body paragraph (or, in a legal staff's template, any text value) as emphasised runs."""
    rich = RichText()
    parts = value.doan_chu if isinstance(value, Line) else spans("" if value is None else str(value))
    for span in parts:
        if span.text:
            text = unicodedata.normalize("NFC", span.text).replace("\r\n", "\n").replace("\r", "\n")
            rich.add(text.replace("\n", "\a"), bold=span.bold, italic=span.italic)
    rich.xml = protect_braces(rich.xml)  # docxtpl's {_{ rewrite must not reach the user's text
    return rich


def drop_empty_runs(document) -> None:
    """docxtpl leaves an empty run on each side of a `{{r … }}` tag; remove them so that a
    paragraph's runs are exactly its text (the checker and Word's editing see clean runs)."""
    body = document.element.body
    for run in list(body.iter(qn("w:r"))):
        children = [child for child in run if child.tag != qn("w:rPr")]
        if len(children) == 1 and children[0].tag == qn("w:t") and not children[0].text:
            run.getparent().remove(run)
