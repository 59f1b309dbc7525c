import datetime as dt

import pytest

from drafter.vn import amount, date_line, doc_number, pad_day, pad_month, point_letter, roman, upper


@pytest.mark.parametrize("day, month, expected", [
    (5, 1, "ngày 05 tháng 01 năm 2024"),
    (9, 2, "ngày 09 tháng 02 năm 2024"),
    (10, 3, "ngày 10 tháng 3 năm 2024"),
    (31, 10, "ngày 31 tháng 10 năm 2024"),
    (1, 12, "ngày 01 tháng 12 năm 2024"),
])
def test_date_line_pads_day_below_10_and_months_1_2_only(day, month, expected):
    assert date_line("Khánh Hòa", dt.date(2024, month, day)) == f"Khánh Hòa, {expected}"


def test_draft_date_line_leaves_day_and_month_blank():
    assert " ".join(date_line("Bình Phước", None, year=2024).split()) == "Bình Phước, ngày tháng năm 2024"
    assert date_line("X", None, year=2024, month=2).endswith("tháng 02 năm 2024")
    with pytest.raises(ValueError):
        date_line("X", None)


def test_padding_helpers():
    assert [pad_day(d) for d in (1, 9, 10, 28)] == ["01", "09", "10", "28"]
    assert [pad_month(m) for m in (1, 2, 3, 10, 12)] == ["01", "02", "3", "10", "12"]


def test_document_number():
    assert doc_number(5, "KH-UBND") == "Số: 05/KH-UBND"
    assert doc_number(12, "KH-UBND") == "Số: 12/KH-UBND"
    assert doc_number(5571, "KH-UBND") == "Số: 5571/KH-UBND"
    blank = doc_number(None, "KH-UBND")
    assert blank.startswith("Số:") and blank.endswith("/KH-UBND") and blank.split() == ["Số:", "/KH-UBND"]


def test_roman_and_point_letters():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    assert [point_letter(n) for n in range(1, 24)] == "a b c d đ e g h i k l m n o p q r s t u v x y".split()
    assert point_letter(24) == "aa"
    with pytest.raises(ValueError):
        roman(0)


def test_upper_and_amount():
    assert upper("tỉnh Khánh Hòa") == "TỈNH KHÁNH HÒA"
    assert upper("đặc khu Phú Quốc") == "ĐẶC KHU PHÚ QUỐC"
    assert upper("Thủy") == "THỦY"
    assert amount(1234567) == "1.234.567"
