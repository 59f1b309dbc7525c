"""Turn the paragraphs of a DOCX into text units for the anatomy: one unit per line (manual line
breaks split a paragraph), and tab-separated two-column layouts (a header or a signature typed
with tabs instead of a table) read column by column, like a table."""

from __future__ import annotations

import re

from drafter.check.anatomy import Unit, is_rule_text
from drafter.check.docx_reader import DocPara

_TABS = re.compile(r"\t+")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of a paragraph, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def _columns(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Tab-separated parts of a line, or the whole line."""
    parts: list[tuple[int, int]] = []
    pos = start
    for m in _TABS.finditer(text, start, end):
        if text[pos:m.start()].strip():
            parts.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        parts.append((pos, end))
    trimmed = []
    for s, e in parts:
        seg = text[s:e]
        s2 = s + (len(seg) - len(seg.lstrip()))
        trimmed.append((s2, s2 + len(seg.strip())))
    return trimmed


def docx_units(paras: list[DocPara]) -> list[Unit]:
    units: list[Unit] = []
    gap = False
    block: list[list[Unit | None]] = []  # a run of tab-separated lines: columns to flush in order
    block_id = 0

    def flush() -> None:
        nonlocal block, block_id
        if block:
            width = max(len(row) for row in block)
            for col in range(width):
                column = ("tab", block_id, col)  # one object per column: the anatomy compares with `is`
                for row in block:
                    if col < len(row) and row[col] is not None:
                        row[col].group = column
                        units.append(row[col])
            block_id += 1
        block = []

    for index, para in enumerate(paras):
        text = para.text
        if is_rule_text(text):
            flush()
            gap = True
            continue
        if not text.strip() and not para.label:
            if not block:  # blank lines inside a tab layout (before the signer's name) keep it open
                flush()
            gap = True
            continue
        for n, (start, end) in enumerate(_lines(text)):
            columns = _columns(text, start, end)
            made = [Unit(text[s:e], para.where, index, s, e, para.cell, gap_before=gap, block=para.table_el)
                    for s, e in columns]
            if n == 0 and para.label and made:
                # Word's automatic numbering: shown before the text, not part of the runs.
                made[0].text = f"{para.label} {made[0].text}"
            gap = False
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
            if len(made) > 1:
                block.append(made)
            elif block and made and "\t" in text[line_start:line_end]:
                # one column of the layout on this line: the right one when the line starts with a tab
                block.append([None, *made] if "\t" in text[line_start:start] else made)
            else:
                flush()
                units.extend(made)
    flush()
    return units
