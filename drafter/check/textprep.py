"""Plain-text plans (extracted from PDF, pasted from a web page): strip markdown emphasis and
heading marks, and join hard-wrapped lines back into paragraphs before checking.

A line continues the previous paragraph unless it starts one: after a blank line, at a list or
heading marker (I., 1., a), - , + ), at a known opening (Căn cứ, Thực hiện, Nơi nhận, Số:,
TM./KT.), or when it or the line before it is ALL CAPS (header and signature lines). A line
starting with a lower-case letter always continues, even across a blank line: PDF page breaks
split paragraphs that way. Web copies add three things: rules typed under the issuer and the motto
("-------", left out), the header wrapped by a narrow layout ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT
NAM", "Bắc Ninh, ngày 30" / "tháng 5 năm 2025", joined), and the header table as pipe-separated
cells (textcells, for the checker)."""

from __future__ import annotations

import re
import unicodedata

from drafter.check.anatomy import (
    AUTHORITY_RE, DATE_LINE_RE, DECIMAL_RE, DIEM_RE, KHOAN_RE, NUMBER_LINE_RE, PART_RE, Unit, is_recipients_label,
    is_rule_text, is_upper, starts_basis, is_muc,
)
from drafter.units.normalize import plain_key

_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
_EMPHASIS = re.compile(r"\*{2,}|_{2,}(?=\S)|(?<=\S)_{2,}")
_BULLET = re.compile(r"^[-–+•]\s*(?=[A-ZĐÀ-Ỹ0-9+(\"“]|$)")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# The place and date under the Số line, its year wrapped to the next line ("Bắc Ninh, ngày 30").
_DATE_START = re.compile(r"^[^,]{2,60},\s*ngày\s+\d")
_NATIONAL_NAME = "conghoaxahoichunghiavietnam"


def clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = _HEADING_MARK.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = line.strip()
    if line.startswith("*") and not line.startswith("*)"):
        line = line.lstrip("*").strip()
    if line.endswith("*"):
        line = line.rstrip("*").strip()
    return _SPACES.sub(" ", line)


def _starts_paragraph(line: str) -> bool:
    return bool(
        is_muc(line) or KHOAN_RE.match(line) or DECIMAL_RE.match(line) or PART_RE.match(line) or (DIEM_RE.match(line) and len(line) > 3)
        or _BULLET.match(line) or starts_basis(line) or is_recipients_label(line)
        or NUMBER_LINE_RE.match(line) and "/" in line or AUTHORITY_RE.match(line)
        or DATE_LINE_RE.match(line) and "," in line[:60]
    )


def _wraps_national_name(previous: list[str], line: str) -> bool:
    """The national name wrapped by a narrow web layout: "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"."""
    if len(previous) > 3 or not is_upper(line):
        return False
    head = plain_key(" ".join(previous))
    return bool(head) and head != _NATIONAL_NAME and _NATIONAL_NAME.startswith(head + plain_key(line))


def text_units(text: str, *, cells: bool = False) -> list[Unit]:
    """`cells`: read pipe-separated table cells as table units (textcells), as the checker does;
    the importer keeps "| … |" rows whole and reads them as tables itself."""
    from drafter.check.textcells import Piece, pieces

    units: list[Unit] = []
    parts: list[list[str]] = []  # the lines of each unit, joined once at the end (linear time)
    gap = False
    prev_upper = False
    seq = pieces(text, clean_line) if cells else [Piece(n, clean_line(raw)) for n, raw in enumerate(text.splitlines(), 1)]
    for piece in seq:
        number, line = piece.number, piece.text
        if not line or is_rule_text(line):  # a rule typed under the issuer or the motto ("-------")
            gap = True
            continue
        upper = is_upper(line)
        lower_start = line[0].islower() and not DIEM_RE.match(line)
        if piece.cell is not None:
            joins = not piece.starts and bool(units) and units[-1].group is piece.cell
        elif units and units[-1].group is not None:
            joins = False
        elif units and _wraps_national_name(parts[-1], line):
            joins = True
        elif units and NUMBER_LINE_RE.match(units[-1].text) and _DATE_START.match(line):
            joins = False
        elif units and lower_start and not prev_upper:
            joins = True
        elif not units or gap or upper or prev_upper or _starts_paragraph(line):
            joins = False
        else:
            joins = True
        if joins:
            parts[-1].append(line)
        else:
            units.append(Unit(line, f"dòng {number}", line=number, gap_before=gap, group=piece.cell,
                              block=piece.table))
            parts.append([line])
        gap = False
        prev_upper = upper
    for u, lines in zip(units, parts):
        u.text = " ".join(lines)
        u.end = len(u.text)
    return units
