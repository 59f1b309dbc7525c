"""What each commune's plan is made from: a bundled plan kind, or a province's own model file in
the same format (a kind file with `cap: {xa: ...}`, or just the commune-level skeleton), with
the same placeholders; any other `{name}` in it is a per-commune value taken from the roster."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Location
from drafter.presets.agencies import catalogue_for
from drafter.presets.kinds import Kind, Skeleton, get_kind
from drafter.presets.scaffold import _values
from drafter.units import UnitRegistry
from drafter.yamlio import load_yaml, validate

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass
class Model:
    kind: Kind
    source: Path | None  # the province's file; None for a bundled kind
    extra: list[str]  # placeholders the roster must fill, in order of first use

    @property
    def label(self) -> str:
        return str(self.source) if self.source else f"loại «{self.kind.id}»"


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    return []


def _extra(skeleton: Skeleton, year: int, registry: UnitRegistry) -> list[str]:
    sample = registry.communes()[0]
    known = set(_values(sample, registry, "xa", year, catalogue_for("xa", dt.date(year, 12, 31))))
    found: dict[str, None] = {}
    for text in _strings(skeleton.model_dump(mode="json")):
        for name in _PLACEHOLDER.findall(text):
            if name not in known:
                found.setdefault(name)
    return list(found)


def load_model(kind: str | None, path: Path | None, *, year: int, registry: UnitRegistry) -> Model:
    if path is not None:
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise InputError("mẫu kế hoạch cần các trường trich_yeu, noi_dung… (hoặc cap: {xa: …})",
                             Location(file=path))
        if "cap" in data:
            spec = validate(Kind, data, path)
        else:
            skeleton = validate(Skeleton, data, path)
            spec = Kind(id=path.stem, ten=path.stem, cap={"xa": skeleton})
        source = path
    elif kind is not None:
        spec, source = get_kind(kind), None
    else:
        raise InputError("cần --kind hoặc tệp mẫu kế hoạch của tỉnh")
    if "xa" not in spec.cap:
        raise InputError("mẫu không có phần cho cấp xã (cap: xa)", Location(file=source, field="cap"))
    if spec.tu_nam and year < spec.tu_nam:
        raise InputError(f"loại kế hoạch «{spec.id}» chỉ dùng từ năm {spec.tu_nam}")
    return Model(spec, source, _extra(spec.cap["xa"], year, registry))
