"""Levels of local government and the type words of their units, by era.

Since 1 July 2025 (Luật Tổ chức chính quyền địa phương 2025) there are two levels: province
(tỉnh, thành phố) and commune (xã, phường, đặc khu); district level and thị trấn are abolished.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from drafter.units.model import ERA_2025, ERA_LEGACY, LEVELS
from drafter.units.model import TYPE_WORDS as UNIT_TYPE_WORDS
from drafter.vn import date_numeric

REFORM_DATE = dt.date(2025, 7, 1)

Level = Literal["tinh", "huyen", "xa"]

LEVEL_NAMES: dict[str, str] = {"tinh": "cấp tỉnh", "huyen": "cấp huyện", "xa": "cấp xã"}


def _words(era: str, level: str) -> tuple[str, ...]:
    return UNIT_TYPE_WORDS.get((era, level), ())


# Level → every type word it has had, current ones first (from the unit catalogue's table).
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    level: tuple(dict.fromkeys((*_words(ERA_2025, level), *_words(ERA_LEGACY, level)))) for level in LEVELS
}

# (level, type word or None for every type) → the era it belongs to: the district level and
# thị trấn exist only before the reform, đặc khu only after it.
ONLY_BEFORE_REFORM: set[tuple[str, str | None]] = {
    (level, None) if not _words(ERA_2025, level) else (level, word)
    for level in LEVELS for word in _words(ERA_LEGACY, level) if word not in _words(ERA_2025, level)
}
ONLY_AFTER_REFORM: set[tuple[str, str | None]] = {
    (level, word) for level in LEVELS for word in _words(ERA_2025, level) if word not in _words(ERA_LEGACY, level)
}


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
