"""Plan kinds (`presets/loai-ke-hoach/*.yaml`): a content skeleton per level in the answers
format, with `{@agency}` references, `{van_ban: id}` bases and `{placeholders}`."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

from drafter.errors import InputError, Location
from drafter.paths import PRESETS
from drafter.plan.text import Line, Strict, Text
from drafter.yamlio import load_model

FOLDER = PRESETS / "loai-ke-hoach"


class Skeleton(Strict):
    trich_yeu: list[Line]
    can_cu: list[dict[str, Any]] = []
    dan_nhap: Text | None = None
    nhan_nhiem_vu: dict[str, Line] | None = None
    noi_dung: list[Any]
    ket_luan: Text | None = None


class Kind(Strict):
    id: Line
    ten: Line
    mo_ta: Text | None = None
    tu_nam: int | None = None
    cap: dict[Literal["tinh", "xa"], Skeleton]


def load_kind(path: Path | str) -> Kind:
    kind = load_model(Kind, path)
    if kind.id != Path(path).stem:
        raise InputError(f"mã loại kế hoạch «{kind.id}» khác tên tệp «{Path(path).stem}»",
                         Location(file=path, line=None, field="id"))
    return kind


@functools.lru_cache(maxsize=1)
def all_kinds(folder: Path = FOLDER) -> dict[str, Kind]:
    return {p.stem: load_kind(p) for p in sorted(folder.glob("*.yaml"))}


def get_kind(kind_id: str, folder: Path = FOLDER) -> Kind:
    kinds = all_kinds(folder)
    if kind_id not in kinds:
        raise InputError(f"không có loại kế hoạch «{kind_id}»",
                         hint="các loại có sẵn: " + ", ".join(kinds) + " (lệnh «drafter kinds»)")
    return kinds[kind_id]
