"""Appendices after the signature (ND30 PL-I mục III): numbered I, II… in order when there are
several, each followed by its "(Kèm theo Kế hoạch số …)" line, whose number is the plan's."""

from __future__ import annotations

import re

from drafter.check.anatomy import APPENDIX_RE, REFERENCE_RE, is_upper, short
from drafter.check.context import Context
from drafter.rules import rules
from drafter.vn import roman

REFERENCE_WINDOW = 6  # after the heading: the title (up to five lines in a PDF dump), then the reference line
_NUMBER = re.compile(r"\bsố\s*:?\s*(\d+)\s*/", re.IGNORECASE)
_ROMAN_VALUES = {roman(n): n for n in range(1, 40)}


def _value(numeral: str | None) -> int | None:
    if numeral is None:
        return None
    return int(numeral) if numeral.isdigit() else _ROMAN_VALUES.get(numeral)


def check_appendix_numbering(ctx: Context) -> None:
    a = ctx.anatomy
    several = len(a.appendices) >= rules().phu_luc.danh_so_tu
    word = rules().phu_luc.chu
    for n, i in enumerate(a.appendices, 1):
        numeral = APPENDIX_RE.match(a.text(i)).group("num")
        value = _value(numeral)
        if numeral is None:
            if several:
                ctx.add("ND30-A1", i, a.text(i), f"«{word} {roman(n)}» (có {len(a.appendices)} phụ lục: đánh số La Mã)")
        elif value != n:
            ctx.add("ND30-A1", i, a.text(i), f"«{word} {roman(n)}» (phụ lục thứ {n})")


def _plan_number(ctx: Context) -> str | None:
    a = ctx.anatomy
    m = re.search(r"(\d+)\s*/", a.text(a.so)) if a.so is not None else None
    return m.group(1) if m else None


def check_appendix_references(ctx: Context) -> None:
    a = ctx.anatomy
    number = _plan_number(ctx)
    ends = a.appendices[1:] + [len(a.units)]
    for i, end in zip(a.appendices, ends):
        window = range(i + 1, min(i + 1 + REFERENCE_WINDOW, end))
        found = next((j for j in window if REFERENCE_RE.match(a.text(j))), None)
        if found is None:
            ctx.add("ND30-A2", i, f"«{short(a.text(i), 30)}» không có dòng «(Kèm theo …)»",
                    "dòng «(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)» dưới tên phụ lục")
            continue
        m = _NUMBER.search(a.text(found))
        if number and m and int(m.group(1)) != int(number):
            ctx.add("ND30-A3", found, short(a.text(found), 60), f"số {number} như ở dòng «Số» của kế hoạch")


def check_appendices(ctx: Context) -> None:
    if ctx.anatomy.appendices:
        check_appendix_numbering(ctx)
        check_appendix_references(ctx)


def check_appendix_looks(view) -> None:
    """DOCX only: the heading, title and reference line of each appendix (PL-I mục III)."""
    from drafter.check.docview import check_element  # DOCX reading loads only for a DOCX check

    a, r = view.anatomy, rules().phu_luc
    ends = a.appendices[1:] + [len(a.units)]
    for i, end in zip(a.appendices, ends):
        check_element(view, "ND30-A4", i, r.tieu_de, centred=True, case=False)
        window = list(range(i + 1, min(i + 1 + REFERENCE_WINDOW, end)))
        reference = next((j for j in window if REFERENCE_RE.match(a.text(j))), None)
        if reference is not None:
            check_element(view, "ND30-A4", reference, r.kem_theo, centred=True)
            titles = range(i + 1, reference)
        else:  # no reference line (ND30-A2): only the lines in capitals right after the heading
            titles = [j for j in window[:1] if a.units[j].group is None and is_upper(a.text(j))]
        for j in titles:
            check_element(view, "ND30-A4", j, r.ten, centred=True)
