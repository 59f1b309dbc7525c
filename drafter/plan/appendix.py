"""Appendices (`phu_luc:`) printed after the signature, each on a new page (ND30 PL-I mục III):
"Phụ lục I", its title, "(Kèm theo Kế hoạch số …)" and then body nodes and tables. In an
answers file, one appendix or a list of them:

    phu_luc:
      - ten: Phân công nhiệm vụ
        bang_phan_cong: true      # the task table, derived from the plan's task blocks
        ngang: true               # landscape (the default for a task table)
      - ten: Dự toán kinh phí
        noi_dung:
          - bang: {cot: [...], hang: [...]}

The layout is in `drafter.plan.appendix_layout`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, field_validator, model_validator

from drafter.plan.body import Node, body_size_problem
from drafter.plan.text import Line, Strict


class Appendix(Strict):
    ten: Line | None = None  # title, printed in capitals
    ngang: bool | None = None  # landscape page; default: yes for a task table, no otherwise
    bang_phan_cong: bool = False  # a task-assignment table generated from the task blocks
    noi_dung: list[Node] = []

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _bounded_body(cls, value):
        problem = body_size_problem(value)  # the same depth and size budget as the plan's body
        if problem:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _has_content(self) -> "Appendix":
        if not self.noi_dung and not self.bang_phan_cong:
            raise ValueError("phụ lục cần «noi_dung» hoặc «bang_phan_cong: true»")
        return self

    @property
    def landscape(self) -> bool:
        return self.ngang if self.ngang is not None else self.bang_phan_cong


def has_tasks(nodes: list) -> bool:
    return any(getattr(n, "kind", "") == "nhiem_vu" or has_tasks(getattr(n, "noi_dung", [])) for n in nodes)


def appendix_problem(appendices: list[Appendix], body: list) -> str | None:
    """A derived task table needs task blocks to derive from."""
    if any(a.bang_phan_cong for a in appendices) and not has_tasks(body):
        return "«bang_phan_cong: true» cần ít nhất một khối «nhiem_vu» trong nội dung kế hoạch"
    return None


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, dict) else value


Appendices = Annotated[list[Appendix], BeforeValidator(_as_list)]
