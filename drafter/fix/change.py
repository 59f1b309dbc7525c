"""One repair: which rule, where, the value before and after, and how to apply it. A change is
planned from the document as read, and applied only if the value it found is still there (two
repairs of the same property never overwrite each other blindly)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Change:
    rule: str
    where: str
    what: str  # Vietnamese: the property or text changed ("cỡ chữ", "dấu cuối dòng")
    before: str
    after: str
    read: Callable[[], Any] = field(repr=False, compare=False, default=lambda: None)
    write: Callable[[], None] = field(repr=False, compare=False, default=lambda: None)
    expected: Any = field(repr=False, compare=False, default=None)  # what `read` returned when planned
    applied: bool = False

    def apply(self) -> bool:
        if self.read() != self.expected:
            return False  # the document changed under this repair: leave it
        self.write()
        self.applied = True
        return True

    def to_dict(self) -> dict:
        return {"rule": self.rule, "where": self.where, "what": self.what, "before": self.before, "after": self.after}


class Plan:
    """The repairs of one round: all planned on the document as read, then applied in order;
    a repair whose target an earlier one already changed is skipped (the next round, on the
    document as it is then, plans it again if it is still needed)."""

    def __init__(self) -> None:
        self.planned: list[Change] = []

    def add(self, rule: str, where: str, what: str, before: Any, after: Any,
            read: Callable[[], Any], write: Callable[[], None]) -> None:
        if before == after:
            return
        self.planned.append(Change(rule, where, what, _show(before), _show(after), read, write, read()))

    def apply(self) -> list[Change]:
        return [c for c in self.planned if c.apply()]


def _show(value: Any) -> str:
    if value is None:
        return "(không đặt)"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)
