"""One problem found in a plan: which rule, how serious, where, what was found, what is expected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drafter.vn import nfc

Severity = Literal["error", "warning"]

SEVERITY_WORDS: dict[str, str] = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True)
class Finding:
    rule: str  # "ND30-S1"
    severity: Severity
    where: str  # Vietnamese location: "bảng 1, hàng 2, cột 1", "đoạn 12", "dòng 7", "trang"
    found: str
    expected: str
    message: str  # full Vietnamese sentence, NFC
    source: str  # legal locator: "PL-I mục II.3; PL-III", "thực tiễn"
    locations: tuple[str, ...] = field(default=())  # every location when several were merged
    position: float = field(default=-1.0, compare=False, repr=False)  # reading order, for sorting

    def __post_init__(self) -> None:
        for name in ("where", "found", "expected", "message", "source"):
            object.__setattr__(self, name, nfc(getattr(self, name)))
        if not self.locations:
            object.__setattr__(self, "locations", (self.where,))

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "where": self.where,
            "locations": list(self.locations),
            "found": self.found,
            "expected": self.expected,
            "message": self.message,
            "source": self.source,
        }
