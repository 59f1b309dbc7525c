"""The date question: blank (a draft dated by year only), month/year (a draft whose day is
left for the records office) or a full day/month/year; impossible dates get a message."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafter.plan.levels import REFORM_DATE
from drafter.vn import date_numeric

_FULL = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class PlanDate:
    day: dt.date | None = None  # a full date
    month: int | None = None  # a draft: month known, day blank

    @property
    def ref(self) -> dt.date | None:
        """The date that decides the era and the bases, if any is known."""
        if self.day:
            return self.day
        return None

    def fields(self, year: int) -> dict:
        """The date fields of the answers format."""
        if self.day:
            return {"ngay": self.day.isoformat()}
        return {"nam": year, **({"thang": self.month} if self.month else {})}


class DateProblem(ValueError):
    pass


def parse(text: str, year: int, legacy: bool) -> PlanDate:
    """Parse what the user typed; DateProblem (Vietnamese) names what is wrong."""
    text = text.strip()
    if not text:
        return PlanDate()
    if match := _FULL.match(text):
        day, month, y = (int(g) for g in match.groups())
        try:
            date = dt.date(y, month, day)
        except ValueError:
            raise DateProblem(f"ngày {text} không có trong lịch") from None
        if y != year:
            raise DateProblem(f"ngày {text} không thuộc năm {year} đã chọn")
        if (date < REFORM_DATE) != legacy:
            raise DateProblem(
                f"ngày {text} thuộc giai đoạn {'trước' if date < REFORM_DATE else 'từ'} "
                f"{date_numeric(REFORM_DATE)}, khác với đơn vị đã chọn; chọn lại đơn vị ở bước 2")
        return PlanDate(day=date)
    if match := _MONTH.match(text):
        month, y = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            raise DateProblem(f"tháng {month} không có (chỉ từ 1 đến 12)")
        if y != year:
            raise DateProblem(f"tháng {text} không thuộc năm {year} đã chọn")
        if (dt.date(y, month, 1) < REFORM_DATE) != legacy:
            raise DateProblem(f"tháng {text} khác giai đoạn với đơn vị đã chọn; chọn lại đơn vị ở bước 2")
        return PlanDate(month=month)
    raise DateProblem("ghi ngày dạng ngày/tháng/năm (31/10/2026), tháng/năm (10/2026) hoặc để trống")


def shown(plan_data: dict) -> str:
    """The date fields of an answers mapping as the user would type them."""
    if plan_data.get("ngay"):
        date = dt.date.fromisoformat(plan_data["ngay"])
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    if plan_data.get("thang"):
        return f"{plan_data['thang']:02d}/{plan_data['nam']}"
    return ""
