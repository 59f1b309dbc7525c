"""What the wizard knows so far, and the file that keeps it across Ctrl-C (`--resume`).

The plan itself is kept in the answers format (`ke_hoach`), so fields the wizard does not
edit travel through untouched; the other fields are the answers of the first steps."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Location
from drafter.fileio import write_atomic

# A plain dataclass, validated by pydantic only when a saved file is read; the plan model and the
# YAML layer are imported when first used: the first prompt must not wait for them.
RESUME_SUFFIX = ".dang-soan.yaml"
RESUME_HEADER = """Câu trả lời dở dang của «drafter new». Làm tiếp: drafter new --resume <tệp này>
Không dùng tệp này với «drafter render»: đây chưa phải tệp trả lời hoàn chỉnh."""


@dataclass
class State:
    __pydantic_config__ = {"extra": "forbid"}

    buoc: int = 1  # the step to ask next (1..8, 8 = review)
    quay_lai: bool = False  # a step reopened from the review screen: go back there after it
    da_cho: list[str] = field(default_factory=list)  # given on the command line, not asked on the first pass
    loai: str | None = None  # kind id; None for a plan started from an earlier plan (--from)
    nam: int | None = None
    truoc_sap_xep: bool | None = None  # a 2025 plan issued before 01/7/2025
    cap: str | None = None  # tinh | xa
    tinh: str | None = None  # province code
    don_vi: str | None = None  # unit code; codes are reused across eras, hence:
    don_vi_cu: bool | None = None  # the unit was picked from the pre-2025 list
    so: int | None = None
    ngay: str | None = None  # as typed: "", "10/2026" or "31/10/2026"
    nguoi_ky: str | None = None
    tep_ra: str | None = None  # answers file to write
    tu_tep: str | None = None  # --from
    nam_goc: int | None = None  # the year of the --from plan
    thay_doi: list[str] = field(default_factory=list)  # next year's edition: what changed (review screen)
    noi_nhan_goc: list[str] | None = None  # Nơi nhận derived when the plan entered the wizard
    ke_hoach: dict[str, Any] | None = None

    @property
    def legacy(self) -> bool:
        if self.nam is None:
            return False
        return self.nam < 2025 or (self.nam == 2025 and bool(self.truoc_sap_xep))

    def set_unit(self, level: str, province, unit, legacy: bool) -> None:
        self.cap, self.tinh, self.don_vi, self.don_vi_cu = level, province.code if province else None, unit.code, legacy

    def unit(self, units):
        """The chosen unit, if it belongs to the era of the plan's date."""
        if not self.don_vi or self.don_vi_cu != self.legacy:
            return None
        return units.get(self.don_vi, legacy=self.legacy)

    def province(self, units):
        if not self.tinh or self.don_vi_cu != self.legacy:
            return None
        return units.get(self.tinh, legacy=self.legacy)

    def plan(self):
        from drafter.plan.model import Plan
        from drafter.yamlio import validate

        return validate(Plan, self.ke_hoach)

    def set_plan(self, plan) -> None:
        self.ke_hoach = plan.model_dump(mode="json", exclude_defaults=True)


def save(state: State, path: Path, *, force: bool = False) -> Path:
    from drafter.yamlio import dump_yaml

    default = asdict(State())
    data = {k: v for k, v in asdict(state).items() if v != default[k]}
    return write_atomic(path, dump_yaml(data, header=RESUME_HEADER).encode("utf-8"), force=force)


def load(path: Path) -> State:
    from drafter.plan.model import Plan
    from drafter.yamlio import load_yaml, validate

    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError("không phải tệp câu trả lời dở dang của «drafter new»", Location(file=path))
    known = {f.name for f in fields(State)}
    if "co_quan" in data:  # a finished answers file (a saved run keeps it under ke_hoach)
        raise InputError("đây là tệp trả lời, không phải tệp câu trả lời dở dang của «drafter new»",
                         Location(file=path), hint=f"bắt đầu từ tệp này: drafter new --from {path}")
    for key in data:
        if key not in known:
            raise InputError("trường không được hỗ trợ (có thể gõ sai tên trường)",
                             Location(file=path, line=data.lc.key(key)[0] + 1, field=str(key)))
    from pydantic import TypeAdapter, ValidationError

    from drafter.messages import validation_error

    try:
        state = TypeAdapter(State).validate_python(data)
    except ValidationError as exc:
        raise validation_error(exc, data, path) from None
    if state.ke_hoach is not None:
        validate(Plan, data["ke_hoach"], path)  # positions of any error point into this file
    return state
