"""Vietnamese text formatting: the one place for dates, numbers, numerals and case.

Babel formats numbers and amounts; it cannot produce the ND30 date line
(`format_date(..., 'long', locale='vi')` gives "5 tháng 3, 2025"), so that is composed here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from babel.numbers import format_decimal

from drafter.rules import rules

# Vietnamese alphabet order for point letters (ND30 PL-I II.6.đ): no f, j, w, z; đ after d.
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def upper(text: str) -> str:
    """Upper-case Vietnamese text (ỦY BAN NHÂN DÂN, TỈNH KHÁNH HÒA), NFC-normalised."""
    return nfc(nfc(text).upper())


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only ("phường 3" → "Phường 3")."""
    text = nfc(text)
    return text[:1].upper() + text[1:]


def roman(n: int) -> str:
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def point_letter(n: int) -> str:
    """1 → a, 5 → đ, 6 → e, 7 → g … 23 → y; beyond that aa, ab … (never seen in practice)."""
    if n < 1:
        raise ValueError("point letters start at 1")
    size = len(POINT_LETTERS)
    letters = ""
    while n > 0:
        n, rem = divmod(n - 1, size)
        letters = POINT_LETTERS[rem] + letters
    return letters


def pad_day(day: int) -> str:
    """ND30 PL-I II.4.b: a day below 10 gets a leading zero (limit in the rules table)."""
    return f"{day:02d}" if day < rules().ngay_thang.ngay_duoi_them_0 else str(day)


def pad_month(month: int) -> str:
    """ND30 PL-I II.4.b: months 1 and 2 get a leading zero, the others do not."""
    return f"{month:02d}" if month in rules().ngay_thang.thang_them_0 else str(month)


def date_words(date: dt.date) -> str:
    """`ngày 05 tháng 6 năm 2025` — the form for date lines and citations."""
    return f"ngày {pad_day(date.day)} tháng {pad_month(date.month)} năm {date.year}"


def date_numeric(date: dt.date) -> str:
    """`06/4/2023` — the short form common in citations and body text."""
    return f"{pad_day(date.day)}/{pad_month(date.month)}/{date.year}"


BLANK = "    "  # room left for the records office to write a day or month by hand


def date_line(place: str, date: dt.date | None, *, year: int | None = None,
              month: int | None = None) -> str:
    """`Bình Dương, ngày 31 tháng 10 năm 2023`, or a draft with blanks:
    `Bình Phước, ngày    tháng    năm 2024`."""
    if date is not None:
        return f"{place}, {date_words(date)}"
    if year is None:
        raise ValueError("a draft date needs at least the year")
    month_text = f" {pad_month(month)} " if month else BLANK
    return f"{place}, ngày{BLANK}tháng{month_text}năm {year}"


def doc_number(number: int | None, sign: str) -> str:
    """`Số: 05/KH-UBND` (leading zero below 10, ND30 PL-I II.3) or a draft `Số:      /KH-UBND`."""
    if number is None:
        return f"Số:{BLANK}  /{sign}"
    padded = f"{number:02d}" if number < rules().so_ky_hieu.so_duoi_them_0 else str(number)
    return f"Số: {padded}/{sign}"


def amount(value: int | float) -> str:
    """Numbers and amounts the Vietnamese way: 1.234.567 (Babel, locale vi)."""
    return format_decimal(value, locale="vi")
