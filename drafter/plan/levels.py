"""Levels of local government and the type words of their units, by era.

Since 1 July 2025 (Luật Tổ chức chính quyền địa phương 2025) there are two levels: province
(tỉnh, thành phố) and commune (xã, phường, đặc khu); district level and thị trấn are abolished.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from drafter.vn import date_numeric

REFORM_DATE = dt.date(2025, 7, 1)

Level = Literal["tinh", "huyen", "xa"]

LEVEL_NAMES: dict[str, str] = {"tinh": "cấp tỉnh", "huyen": "cấp huyện", "xa": "cấp xã"}

TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "tinh": ("tỉnh", "thành phố"),
    "huyen": ("huyện", "quận", "thị xã", "thành phố"),
    "xa": ("xã", "phường", "đặc khu", "thị trấn"),
}

# (level, type word or None for every type) → the era it belongs to.
ONLY_BEFORE_REFORM: set[tuple[str, str | None]] = {("huyen", None), ("xa", "thị trấn")}
ONLY_AFTER_REFORM: set[tuple[str, str | None]] = {("xa", "đặc khu")}


def era_problem(level: str, type_word: str, on: dt.date | None) -> str | None:
    """A Vietnamese explanation when a unit of this level and type cannot issue on that date."""
    if on is None:
        return None
    if on >= REFORM_DATE and ((level, None) in ONLY_BEFORE_REFORM or (level, type_word) in ONLY_BEFORE_REFORM):
        what = LEVEL_NAMES[level] if (level, None) in ONLY_BEFORE_REFORM else type_word
        return f"{what} không còn từ ngày {date_numeric(REFORM_DATE)} (chính quyền địa phương hai cấp); kế hoạch ngày {date_numeric(on)} phải do cấp tỉnh hoặc cấp xã ban hành"
    if on < REFORM_DATE and (level, type_word) in ONLY_AFTER_REFORM:
        return f"{type_word} chỉ có từ ngày {date_numeric(REFORM_DATE)}; kế hoạch ngày {date_numeric(on)} thuộc giai đoạn trước"
    return None
