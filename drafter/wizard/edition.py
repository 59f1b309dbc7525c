"""Next year's edition of a plan, without prompts: dates and years moved, bases that are
replaced by the new date swapped for their successors, abolished agency names replaced by
their successors from `presets/co-quan/bai-bo.yaml`. Every change is listed, so the wizard can
show it at the review screen and `drafter new --from … --year … --no-input` can print it.

    plan, changes = next_edition(load_plan("ke-hoach-2025.yaml"), 2026)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from drafter.errors import InputError
from drafter.plan.model import Plan
from drafter.presets.agencies import Abolished, abolished
from drafter.presets.registry import BasisRegistry
from drafter.vn import capitalize_first, date_numeric
from drafter.yamlio import validate

# Fields whose text is history, not this year's wording: bases cite earlier documents by their
# own dates and names; the issuer is chosen at the unit step.
_KEEP = ("can_cu", "co_quan", "phien_ban", "ngay", "nam", "thang", "so")


_PARTS = {"ngay": "Ngày", "nam": "Năm", "trich_yeu": "Tên kế hoạch", "can_cu": "Căn cứ",
          "dan_nhap": "Đoạn mở đầu", "noi_dung": "Nội dung", "ket_luan": "Đoạn kết", "noi_nhan": "Nơi nhận",
          "chu_ky": "Chữ ký", "co_quan": "Đơn vị ban hành"}
ISSUER_PART = _PARTS["co_quan"]  # a Change of the issuer describes itself as "Đơn vị ban hành: …"


@dataclass(frozen=True)
class Change:
    """One edit the edition made (or a problem it could not fix: `after` is None)."""

    field: str
    before: str
    after: str | None
    reason: str

    @property
    def part(self) -> str:
        """The part of the plan, in the words of the document: «Nội dung», «Nơi nhận»."""
        top = re.split(r"[.\[]", self.field, maxsplit=1)[0]
        return _PARTS.get(top, top)

    def describe(self) -> str:
        if self.after is None:
            return f"{self.part}: cần xem lại «{self.before}» ({self.reason})"
        return f"{self.part}: «{self.before}» → «{self.after}» ({self.reason})"


def walk_strings(data: Any, fn: Callable[[str, str], str], path: str = "") -> Any:
    """A copy of `data` with every string passed through fn(field path, text)."""
    if isinstance(data, str):
        return fn(path, data)
    if isinstance(data, dict):
        return {k: walk_strings(v, fn, f"{path}.{k}" if path else str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [walk_strings(v, fn, f"{path}[{i}]") for i, v in enumerate(data)]
    return data


def _moved_date(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29/02 in a year that has none
        return date.replace(year=year, day=28)


def _year_pattern(year: int) -> re.Pattern:
    # A year on its own ("năm 2025", "Năm 2025."), not part of a date (01/7/2025, 2025-07-01)
    # or of a period (2021-2025, 2021–2025), which are history.
    return re.compile(rf"(?<![\d/.\-–]){year}(?![\d/\-–])")


# "UBND các huyện, thị xã, thành phố": the rest of an enumeration of abolished unit types goes
# with the name it follows, so that the replacement does not leave ", thị xã, thành phố" behind.
_TYPE_TAIL = r"(?:(?:\s*,\s*|\s+và\s+)(?:thị xã|thành phố|thị trấn|quận|huyện)(?!\w))*"


def _name_pattern(name: str) -> re.Pattern:
    """bai-bo.yaml: case, spacing and the kind of dash do not matter."""
    parts = []
    for ch in name:
        if ch.isspace():
            parts.append(r"\s+")
        elif ch in "-–—":
            parts.append(r"\s*[-–—]\s*")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts).replace(r"\s+\s*", r"\s*").replace(r"\s*\s+", r"\s*")
    tail = _TYPE_TAIL if re.search(r"huyện|thị trấn", name, re.IGNORECASE) else ""
    return re.compile(r"(?<!\w)" + body + r"(?!\w)" + tail, re.IGNORECASE)


def _successor_name(entry: Abolished) -> str | None:
    """The plain successor name, or None when it needs a person's judgement: a generic word
    (muc_do canh_bao), no successor, or a choice between several ("Sở Nội vụ; Phòng …")."""
    if entry.muc_do != "loi" or not entry.thay_bang or ";" in entry.thay_bang:
        return None
    return re.sub(r"\s*\([^)]*\)", "", entry.thay_bang).strip() or None


class _Renamer:
    def __init__(self, on: dt.date, changes: list[Change]):
        self.changes = changes
        self.rules = []
        for entry in abolished():
            if entry.tu_ngay <= on:
                for name in sorted({entry.ten, *entry.cach_viet}, key=len, reverse=True):
                    self.rules.append((_name_pattern(name), entry))
        # Longest names first, so "Ủy ban nhân dân các huyện" wins over "cấp huyện".
        self.rules.sort(key=lambda rule: len(rule[0].pattern), reverse=True)

    def __call__(self, field: str, text: str) -> str:
        for pattern, entry in self.rules:
            text = pattern.sub(lambda m: self._replace(field, m, entry), text)
        return text

    def _replace(self, field: str, match: re.Match, entry: Abolished) -> str:
        found = match.group(0)
        after = _successor_name(entry)
        rest = match.string[match.end():match.end() + 2]
        if after is None or rest[:1] == " " and rest[1:2].isupper():
            # "UBND huyện Ngô Quyền": a proper name follows; a person must choose the new one.
            note = entry.ly_do + (f"; nay: {entry.thay_bang}" if entry.thay_bang else "")
            self.changes.append(Change(field, found, None, note))
            return found
        if found[:1].isupper():
            after = capitalize_first(after)
        self.changes.append(Change(field, found, after, entry.ly_do))
        return after


def _bases(items: list[dict], on: dt.date, reg: BasisRegistry, changes: list[Change]) -> list[dict]:
    out: list[dict] = []
    cited = {t.id for item in items for t in [reg.find(next(iter(item.values())))]
             if isinstance(next(iter(item.values())), dict) and t}
    for i, item in enumerate(items):
        (key, body), = item.items()
        text = reg.find(body) if isinstance(body, dict) else None
        field = f"can_cu[{i}]"
        if text is None:
            out.append(item)
            continue
        replaced = reg.replaced_on(text)
        if replaced and replaced[1] <= on:
            successor = replaced[0]
            name = text.citation().text()
            reason = f"được thay thế từ ngày {date_numeric(replaced[1])}"
            if successor.id in cited:
                changes.append(Change(field, name, "(bỏ: đã có văn bản thay thế)", reason))
                continue
            cited.add(successor.id)
            out.append(successor.basis())
            changes.append(Change(field, name, successor.citation().text(), reason))
            continue
        for warning in reg.warnings(text.id, on):
            changes.append(Change(field, text.citation().text(), None, warning))
        out.append(item)
    return out


def _unit_gone(plan: Plan, on: dt.date, changes: list[Change]) -> None:
    """A unit merged away by the 2025 reform cannot issue the new edition: say what it became."""
    from drafter.plan.levels import REFORM_DATE
    from drafter.units import UnitRegistry
    from drafter.units.model import COMMUNE, PROVINCE

    if plan.co_quan.cap not in ("tinh", "xa") or not (plan.era_date or on) < REFORM_DATE <= on:
        return
    registry = UnitRegistry.load()
    level = PROVINCE if plan.co_quan.cap == "tinh" else COMMUNE
    if plan.co_quan.ma and (unit := registry.get(plan.co_quan.ma)) and unit.name == plan.co_quan.ten:
        return
    try:
        registry.find(plan.co_quan.unit_name, level=level)
        return
    except InputError:
        pass
    hint = registry.replaced_name_hint(plan.co_quan.unit_name) or "không còn trong danh mục đơn vị hành chính"
    changes.append(Change("co_quan", plan.co_quan.unit_name, None, f"{hint}; chọn lại đơn vị ban hành"))


def next_edition(plan: Plan, year: int, *, bases: BasisRegistry | None = None) -> tuple[Plan, list[Change]]:
    """The same plan for `year`, and the list of what changed or needs a look."""
    if plan.year == year:
        return plan, []
    old = plan.year
    data = plan.model_dump(mode="json", exclude_defaults=True)
    changes: list[Change] = []
    if plan.ngay is not None:
        new_date = _moved_date(plan.ngay, year)
        data["ngay"] = new_date.isoformat()
        changes.append(Change("ngay", date_numeric(plan.ngay), date_numeric(new_date), "sang năm mới"))
        on = new_date
    else:
        data["nam"] = year
        changes.append(Change("nam", str(old), str(year), "sang năm mới"))
        on = dt.date(year, plan.thang or 12, 28 if plan.thang else 31)

    pattern = _year_pattern(old)

    def years(field: str, text: str) -> str:
        if field.split(".")[0].split("[")[0] in _KEEP:
            return text
        new = pattern.sub(str(year), text)
        if new != text:
            changes.append(Change(field, text, new, f"năm {old} → {year}"))
        return new

    renamer = _Renamer(on, changes)

    def names(field: str, text: str) -> str:
        return text if field.split(".")[0].split("[")[0] in _KEEP else renamer(field, text)

    data = walk_strings(walk_strings(data, years), names)
    _unit_gone(plan, on, changes)
    data["can_cu"] = _bases(data.get("can_cu", []), on, bases or BasisRegistry.load(), changes)
    if not data["can_cu"]:
        del data["can_cu"]
    try:
        return validate(Plan, data), changes
    except InputError as error:
        raise InputError(f"không dựng được kế hoạch năm {year} từ kế hoạch năm {old}: {error.message}",
                         error.location, hint="chạy «drafter new --from …» không có --no-input để chọn lại đơn vị") from None
