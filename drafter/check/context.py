"""State shared by the checks of one document: the rules, the findings so far, the plan's date
(for the era checks), and whether missing elements count (DOCX) or may be extraction losses (text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drafter.check.anatomy import Anatomy, Unit
from drafter.check.finding import Finding
from drafter.check.ruleset import RuleSet, ruleset


@dataclass
class Context:
    anatomy: Anatomy
    text_mode: bool  # plain text: no formatting; header lines may have been lost in extraction
    rules: RuleSet = field(default_factory=ruleset)
    plan_date: dt.date | None = None  # decides which administrative structure applies
    date_range: tuple[dt.date, dt.date] | None = None  # earliest and latest possible date of the plan
    findings: list[Finding] = field(default_factory=list)

    @property
    def require_elements(self) -> bool:
        return not self.text_mode

    def position(self, target: Unit | int | str | None) -> float:
        """Reading order of a target: its paragraph (DOCX) or unit (text); page-level first."""
        if isinstance(target, int):
            target = self.anatomy.units[target]
        if isinstance(target, Unit):
            return float(target.para) if target.para >= 0 else float(self.anatomy.units.index(target))
        return 1e9 if target in ("cuối văn bản",) else -1.0

    def where(self, target: Unit | int | str | None) -> str:
        if target is None:
            return "văn bản"
        if isinstance(target, str):
            return target
        if isinstance(target, int):
            target = self.anatomy.units[target]
        return target.where

    def add(self, rule: str, target: Unit | int | str | None, found: str, expected: str, *,
            position: float | None = None, **extra) -> None:
        at = self.position(target) if position is None else position
        self.findings.append(self.rules.make(rule, self.where(target), found, expected, position=at, **extra))

    def missing(self, rule: str, target: Unit | int | str | None, what: str, expected: str) -> None:
        """An element that is not there at all."""
        self.findings.append(self.rules.make(rule, self.where(target), what, expected, missing=True,
                                             position=self.position(target)))
