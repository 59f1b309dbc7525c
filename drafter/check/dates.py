"""The date line of a plan, «<địa danh>, ngày DD tháng MM năm YYYY» (PL-I II.4): its form
against the rules table (leading zeros, the comma after the place) and the dates it allows,
which decide the administrative era (before or after the 2025 reform) the plan is read in."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafter.check.anatomy import squash
from drafter.plan.levels import REFORM_DATE
from drafter.rules import rules


_DATE = re.compile(r"^(?P<place>[^,]*?)(?P<comma>\s*,)?\s*ngày(?P<d>[\s\d]*?)\s*tháng(?P<m>[\s\d]*?)\s*năm\s*(?P<y>\d{4})"
                   r"\s*(?P<tail>\S*)$", re.IGNORECASE)


@dataclass
class DateLine:
    era: dt.date | None  # the date that decides the administrative era (None: undecidable)
    earliest: dt.date | None
    latest: dt.date | None
    problems: list[str]
    fixed: str  # the line written correctly


def parse_date_line(text: str) -> DateLine | None:
    """Read `<place>, ngày DD tháng MM năm YYYY` (day, month may be blank in a draft)."""
    table = rules().ngay_thang
    m = _DATE.match(squash(text).replace(" ,", ","))
    if not m:
        return None
    problems: list[str] = []
    place = m.group("place").strip()
    day_s, month_s, year = m.group("d").strip(), m.group("m").strip(), int(m.group("y"))
    if not place:
        problems.append("thiếu địa danh trước ngày tháng")
    if not m.group("comma"):
        problems.append("thiếu dấu «,» sau địa danh")
    if m.group("tail"):
        problems.append(f"thừa «{m.group('tail')}» sau năm")
    day = int(day_s) if day_s.isdigit() else None
    month = int(month_s) if month_s.isdigit() else None
    if (day_s and day is None) or (month_s and month is None):
        problems.append("ngày, tháng viết bằng chữ số")
    fixed_day, fixed_month = day_s, month_s
    if day is not None:
        if day < table.ngay_duoi_them_0 and len(day_s) < 2:
            problems.append(f"ngày nhỏ hơn {table.ngay_duoi_them_0} có số 0 phía trước (ngày {day:02d})")
        elif day >= table.ngay_duoi_them_0 and len(day_s) > 2:
            problems.append("ngày có hai chữ số")
        fixed_day = f"{day:02d}" if day < table.ngay_duoi_them_0 else str(day)
    if month is not None:
        padded = month in table.thang_them_0
        if padded and len(month_s) < 2:
            problems.append(f"tháng {', '.join(map(str, table.thang_them_0))} có số 0 phía trước (tháng {month:02d})")
        elif not padded and month_s.startswith("0"):
            problems.append(f"tháng {month} không có số 0 phía trước (viết «tháng {month}», không viết «tháng {month_s}»)")
        fixed_month = f"{month:02d}" if padded else str(month)
    if day is not None and month is None:
        problems.append("có ngày nhưng thiếu tháng")
    era = earliest = latest = None
    if day is not None and month is not None:
        try:
            era = earliest = latest = dt.date(year, month, day)
        except ValueError:
            problems.append("ngày tháng không có thật")
    elif month is not None:
        if 1 <= month <= 12:
            era = earliest = dt.date(year, month, 1)
            latest = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            problems.append("tháng không có thật")
    else:
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if year != REFORM_DATE.year:
            era = earliest  # a draft with the year only: the era of the whole year
    blank = "    "
    fixed = f"{place or '<địa danh>'}, ngày {fixed_day or blank} tháng {fixed_month or blank} năm {year}"
    return DateLine(era, earliest, latest, problems, fixed)
