"""The checker's rules table (`presets/kiem-tra.yaml`): rule id → severity, legal locator and a
Vietnamese message template. Checks create findings only through `RuleSet.make`, so that the
wording and the severity of every rule is data that legal staff can edit."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from drafter.check.finding import Finding
from drafter.paths import PRESETS
from drafter.rules import rules
from drafter.yamlio import load_model

RULESET_FILE = PRESETS / "kiem-tra.yaml"

_SEVERITY = {"loi": "error", "canh_bao": "warning"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Strict):
    muc_do: Literal["loi", "canh_bao"]
    nguon: str
    ten: str
    thong_bao: str
    thong_bao_thieu: str = "{thay}; cần {can}"  # when the element is missing altogether


class RuleFile(_Strict):
    quy_tac: dict[str, RuleSpec]
    viet_hoa: list[str] = []
    chinh_ta: dict[str, str] = {}  # misspelling → spelling (ND30-G3)
    ten_co_quan: list[str] = []  # agency names with their capitals (ND30-V4)


def resolve_source(nguon: str) -> str:
    """`@thanh_phan.quoc_hieu` → the `nguon` of that entry of the ND30 rules table."""
    if not nguon.startswith("@"):
        return nguon
    node = rules()
    for step in nguon[1:].split("."):
        node = getattr(node, step)
    return node.nguon


class RuleSet:
    def __init__(self, data: RuleFile):
        self.specs = data.quy_tac
        self.capitals = data.viet_hoa
        self.spelling = data.chinh_ta
        self.agency_names = data.ten_co_quan
        self.sources = {rid: resolve_source(spec.nguon) for rid, spec in self.specs.items()}

    def severity(self, rule: str) -> str:
        return _SEVERITY[self.specs[rule].muc_do]

    def make(self, rule: str, where: str, found: str, expected: str, *,
             severity: str | None = None, missing: bool = False, position: float = -1.0, **extra: str) -> Finding:
        spec = self.specs[rule]
        template = spec.thong_bao_thieu if missing else spec.thong_bao
        text = template.format(thay=found, can=expected, **extra)
        return Finding(
            rule=rule,
            severity=severity or _SEVERITY[spec.muc_do],  # type: ignore[arg-type]
            where=where,
            found=found,
            expected=expected,
            message=f"{spec.ten}: {text}",
            source=self.sources[rule],
            position=position,
        )


@lru_cache(maxsize=4)
def load_ruleset(path: Path = RULESET_FILE) -> RuleSet:
    return RuleSet(load_model(RuleFile, path))


def ruleset() -> RuleSet:
    return load_ruleset()


# ---------------------------------------------------------------------------------------------
# Merging: the same problem in many paragraphs is one finding with every location.

_NUMBERED = re.compile(r"^(đoạn|dòng) (\d+)$")


def _ranges(numbers: list[int]) -> str:
    numbers = sorted(set(numbers))
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def describe_locations(locations: list[str]) -> str:
    """`đoạn 5`, `đoạn 6`, `đoạn 9` → `đoạn 5–6, 9`; other locations are listed once each."""
    numbered: dict[str, list[int]] = {}
    order: list[str] = []
    for loc in locations:
        m = _NUMBERED.match(loc)
        key = m.group(1) if m else loc
        if key not in order:
            order.append(key)
        if m:
            numbered.setdefault(key, []).append(int(m.group(2)))
    return "; ".join(f"{key} {_ranges(numbered[key])}" if key in numbered else key for key in order)


def merge(findings: list[Finding]) -> list[Finding]:
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.rule, f.severity, f.found, f.expected, f.message), []).append(f)
    out: list[Finding] = []
    for items in groups.values():
        first = items[0]
        if len(items) == 1:
            out.append(first)
            continue
        locations = list(dict.fromkeys(loc for f in items for loc in f.locations))
        out.append(Finding(first.rule, first.severity, describe_locations(locations), first.found,
                           first.expected, first.message, first.source, tuple(locations),
                           min(f.position for f in items)))
    return sorted(out, key=lambda f: f.position)
