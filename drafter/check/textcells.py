"""Tables in plain text: the header table of a plan copied from a web page comes as pipe-separated
cells, in one of three shapes seen on the sites that publish plans:

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |        a row per line
    Số: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |

    ỦY BAN NHÂN DÂN |                                            a cell per line, "|" closing it
    CỘNG HÒA XÃ HỘI                                              (wrapped lines continue the cell)
    CHỦ NGHĨA VIỆT NAM |

    ỦY                                                           "|" alone on a line between
    BAN NHÂN DÂN                                                 cells, the page's own wrapping
    -------                                                      kept
    |

Each cell is read as a DOCX table cell is: its own paragraph(s), never joined to the text around
it, tagged with the cell and the table (the anatomy finds the header table by them, and the
numbering checks skip table units). A rule line inside a cell ends a paragraph and is dropped."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.check.anatomy import NUMBER_LINE_RE, is_rule_text

_MAX_CELL_LINES = 6  # pipe-free lines between two pipes still read as one cell
_NEW_PARAGRAPH = ("Độc lập", "Ðộc lập")  # the motto under the national name, in the same cell


@dataclass
class Piece:
    number: int  # source line
    text: str
    cell: object | None = None  # one object per table cell (compared with `is`)
    table: object | None = None
    starts: bool = False  # starts a new paragraph inside its cell


def _in_cell(lines: list[str]) -> list[bool]:
    """Pipe-free lines that sit between two piped lines (or open the text before the first pipe)
    and so belong to a cell."""
    piped = ["|" in line for line in lines]
    inside = [False] * len(lines)
    i, n = 0, len(lines)
    while i < n:
        if piped[i]:
            i += 1
            continue
        j = i
        while j < n and not piped[j]:
            j += 1
        filled = [k for k in range(i, j) if lines[k].strip()]
        before = i == 0 or piped[i - 1]
        # the run is closed by a cell end ("…|" or a lone "|"), not by a Markdown row "| … |"
        closes = j < n and (lines[j].strip() == "|" or not lines[j].lstrip().startswith("|"))
        if closes and before and 0 < len(filled) <= _MAX_CELL_LINES:
            for k in range(i, j):
                inside[k] = True
        i = j
    return inside


def pieces(text: str, clean) -> list[Piece]:
    """The lines of `text` (cleaned by `clean`), pipe-separated cells split out and tagged."""
    lines = text.splitlines()
    if not any("|" in line for line in lines):
        return [Piece(n, clean(line)) for n, line in enumerate(lines, 1)]
    inside = _in_cell(lines)
    out: list[Piece] = []
    table: object | None = None
    cell: object | None = None
    starts = False

    def add(number: int, part: str) -> None:
        nonlocal cell, starts
        part = clean(part)
        if not part:
            return
        if is_rule_text(part):
            starts = True
            return
        if cell is None:
            cell, starts = object(), True
        if part.startswith(_NEW_PARAGRAPH) or NUMBER_LINE_RE.match(part):
            starts = True
        out.append(Piece(number, part, cell, table, starts))
        starts = False

    for number, line in enumerate(lines, 1):
        if "|" in line:
            table = table or object()
            for k, part in enumerate(line.split("|")):
                if k:
                    cell = None
                add(number, part)
        elif inside[number - 1]:
            table = table or object()
            add(number, line)
        else:
            table = cell = None
            out.append(Piece(number, clean(line)))
    return out
