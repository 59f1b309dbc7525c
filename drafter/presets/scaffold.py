"""From five answers (kind, unit, year, signer, date) to a complete Plan.

    plan = scaffold("trien-khai-luat", "Bắc Nha Trang", 2026, "Nguyễn Văn A")
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from drafter.errors import InputError
from drafter.plan.levels import REFORM_DATE
from drafter.plan.model import Plan
from drafter.presets import recipients
from drafter.presets.agencies import Catalogue, catalogue_for, fill
from drafter.presets.kinds import FOLDER, Kind, all_kinds, get_kind
from drafter.presets.registry import BasisRegistry
from drafter.units import UnitRegistry
from drafter.units.model import COMMUNE, PROVINCE, Unit
from drafter.yamlio import validate

_AGENCY = re.compile(r"\{@([a-z0-9-]+)\}")
PROVINCE_RESOLUTION = "nghi-quyet-tinh"


def _ref_date(year: int, date: dt.date | None) -> dt.date:
    """The date that decides era and which bases apply; a draft counts as the end of its year
    (a 2025 draft is taken as after the reform)."""
    if date is not None:
        return date
    return dt.date(year, 12, 31)


def _values(unit, registry: UnitRegistry, level: str, year: int, catalogue: Catalogue) -> dict[str, str]:
    values = {"don_vi": unit.full_name, "cap": unit.type_word, "ten": unit.name, "nam": str(year)}
    if level == "tinh":
        values["cap_uy"] = "Thành ủy" if unit.type_word == "thành phố" else "Tỉnh ủy"
        values["tinh"], values["cap_tinh"] = unit.full_name, unit.type_word
    else:
        province = registry.province_of(unit)
        values["tinh"] = province.full_name if province else "tỉnh"
        values["cap_tinh"] = province.type_word if province else "tỉnh"
        if unit.district_code:
            district = registry.get(unit.district_code, legacy=True)
            if district:
                values["huyen"], values["cap_huyen"] = district.full_name, district.type_word
        values.setdefault("huyen", "huyện")
        values.setdefault("cap_huyen", "huyện")
    values.update(catalogue.tu_ngu)
    values.update(catalogue.tu_ngu_theo_loai.get(unit.type_word, {}))
    return values


class _Resolver:
    def __init__(self, catalogue: Catalogue, values: dict[str, str], on: dt.date, source: str):
        self.catalogue, self.values, self.on, self.source = catalogue, values, on, source
        self.used: list[str] = []

    def text(self, value: str, *, first_upper: bool = False) -> str:
        def agency(match: re.Match) -> str:
            ref = match.group(1)
            found = self.catalogue.resolve(ref, self.on)
            if found is None:
                raise InputError(f"mẫu {self.source} gọi cơ quan «{ref}» không có trong danh mục cấp "
                                 f"{self.catalogue.cap}, thời kỳ {self.catalogue.thoi_ky}")
            self.used.append(found.id)
            return found.name(self.values)

        out = fill(_AGENCY.sub(agency, value), self.values)
        return out[:1].upper() + out[1:] if first_upper else out

    def tree(self, node: Any, *, in_task: bool = False) -> Any:
        if isinstance(node, str):
            return self.text(node, first_upper=True)
        if isinstance(node, list):
            return [self.tree(v, in_task=in_task) for v in node]
        if isinstance(node, dict):
            return {k: (v if k == "nhan" else self.tree(v, in_task=in_task or k == "nhiem_vu")) for k, v in node.items()}
        return node


def _bases(items: list[dict], province_name: str, on: dt.date, reg: BasisRegistry) -> list[dict]:
    out: list[dict] = []
    for item in items:
        (key, body), = item.items()
        if isinstance(body, dict) and set(body) == {"van_ban"}:
            ref = body["van_ban"]
            if ref == PROVINCE_RESOLUTION:
                found = [t for t in reg.for_province(province_name) if t.ngay <= on]
                if not found:
                    out.append({key: f"Nghị quyết số .../NQ-HĐND ngày .../.../... của Hội đồng nhân dân tỉnh quy định "
                                     f"các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh {province_name}"})
                    continue
                text = found[0]
            else:
                text = reg.get(ref)
                if not reg.usable_on(text, on):
                    continue  # not yet issued, or replaced by the plan's date
            out.append(text.basis())
        else:
            out.append(item)
    return out


def scaffold(kind: str | Kind, unit: str | Unit, year: int, signer: str | None = None, date: dt.date | None = None,
             units: UnitRegistry | None = None, *, bases: BasisRegistry | None = None,
             source: Path | None = None, extra: dict[str, str] | None = None) -> Plan:
    """A complete plan of `kind` for `unit`: dated `date`, or a draft of `year` (day, month blank).

    `kind` and `unit` may be given as objects (`drafter batch`: a province's own model, a unit
    taken by code); `source` is then the model file named in messages, and `extra` fills the
    model's own `{placeholders}`."""
    if date is not None and date.year != year:
        raise InputError(f"ngày {date.isoformat()} không thuộc năm {year}")
    on = _ref_date(year, date)
    legacy = on < REFORM_DATE
    registry = units or UnitRegistry.load()
    found = unit if isinstance(unit, Unit) else registry.find(unit, legacy=legacy)  # the wizard picks a Unit
    if found.level not in (PROVINCE, COMMUNE):
        raise InputError(f"{found.full_name} thuộc cấp huyện: chưa có mẫu kế hoạch cho cấp này")
    level = "tinh" if found.level == PROVINCE else "xa"
    spec = kind if isinstance(kind, Kind) else get_kind(kind)
    kind, source = spec.id, source or FOLDER / f"{spec.id}.yaml"
    if spec.tu_nam and year < spec.tu_nam:
        raise InputError(f"loại kế hoạch «{kind}» chỉ dùng từ năm {spec.tu_nam}")
    if level not in spec.cap:
        raise InputError(f"loại kế hoạch «{kind}» chưa có mẫu cho cấp {'tỉnh' if level == 'tinh' else 'xã'}")
    skeleton = spec.cap[level]
    catalogue = catalogue_for(level, on)
    values = {**_values(found, registry, level, year, catalogue), **(extra or {})}
    resolver = _Resolver(catalogue, values, on, f"«{kind}»")
    reg = bases or BasisRegistry.load()
    province = found if level == "tinh" else registry.province_of(found)
    data: dict[str, Any] = {
        "co_quan": {"cap": level, "loai": found.type_word, "ten": found.name, "ma": found.code},
        "trich_yeu": [resolver.text(t) for t in skeleton.trich_yeu],
        "can_cu": [
            {k: resolver.text(v) if isinstance(v, str) else v for k, v in item.items()}
            for item in _bases(skeleton.can_cu, province.name if province else "", on, reg)
        ],
        "noi_dung": resolver.tree(skeleton.noi_dung),
        "chu_ky": {"nguoi_ky": signer or ""},
    }
    if date is not None:
        data["ngay"] = date.isoformat()
    else:
        data["nam"] = year
    if skeleton.dan_nhap:
        data["dan_nhap"] = resolver.text(skeleton.dan_nhap, first_upper=True)
    if skeleton.ket_luan:
        data["ket_luan"] = resolver.text(skeleton.ket_luan, first_upper=True)
    if skeleton.nhan_nhiem_vu:
        data["nhan_nhiem_vu"] = skeleton.nhan_nhiem_vu
    draft = validate(Plan, {**data, "noi_nhan": ["(tạm)"]}, source)
    lines, luu = recipients.derive(draft, catalogue, values, on)
    data["noi_nhan"], data["luu"] = lines, luu
    return validate(Plan, data, source)


def list_kinds() -> list[tuple[str, str]]:
    """(id, Vietnamese description with the levels it covers), for `drafter kinds`."""
    names = {"tinh": "cấp tỉnh", "xa": "cấp xã"}
    return [(k.id, f"{k.ten} ({', '.join(names[c] for c in k.cap)})") for k in all_kinds().values()]


def list_units(query: str | None = None, *, legacy: bool = False,
               units: UnitRegistry | None = None) -> list[tuple[str, str]]:
    """(code, description) of units matching `query` (all provinces when None), for `drafter units`."""
    registry = units or UnitRegistry.load()
    found = registry.search(query, legacy=legacy) if query else registry.provinces(legacy=legacy)
    if query and not found:  # an empty listing would look like success: say so, with close names
        registry.find(query, legacy=legacy)  # raises UnitNotFoundError
    return [(u.code, registry.describe(u)) for u in found]
