"""A real plan made by hand in Word (tests/fix/real_plan.py: Kế hoạch 5571/KH-UBND of Bình Dương,
with direct formatting, wrong sizes, a bordered header table and a landscape appendix) is
repaired to zero repairable findings with its words unchanged. Its PDF pages (LibreOffice →
PNG) were looked at when this test was written: header without borders, short centred rules,
body at 13 pt justified with 1,27 cm indents, no page number on page 1, the appendix landscape."""

from __future__ import annotations

from real_plan import build

from drafter.check import check_docx_bytes
from drafter.fix import REPAIRABLE, fix_bytes
from drafter.fix.words import document_words


def test_hand_made_real_plan_is_repaired_without_changing_a_word() -> None:
    data = build()
    before = {f.rule for f in check_docx_bytes(data)}
    # the defects put in by hand are all seen
    assert {"ND30-P2", "ND30-P3", "ND30-P4", "ND30-F1", "ND30-F3", "ND30-B1", "ND30-H1", "ND30-H3", "ND30-H7",
            "ND30-T5", "ND30-S1", "ND30-D1", "ND30-D3", "ND30-D4", "ND30-R2"} <= before
    assert "ND30-P1" not in before  # the landscape appendix holds a table: allowed (PL-I I.2)
    result = fix_bytes(data)
    assert [f"{f.rule} {f.where}" for f in result.after if f.rule in REPAIRABLE] == []
    assert document_words(result.data) == document_words(data)
    # what is left needs a person: «Khoản 2 Điều 85» written with a capital K in the real plan
    assert {f.rule for f in result.after} == {"ND30-V3"}
    assert not any(f.is_error for f in result.after)
