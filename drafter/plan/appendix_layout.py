"""Lay out the appendices of a plan: heading ("Phụ lục", or "Phụ lục I, II…" when there are
several), title, the "(Kèm theo Kế hoạch số …)" line built from the header fields, and the body
lines. The task-assignment table is derived from the plan's task blocks, so that the body and
the table cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.labels import labels
from drafter.plan.appendix import Appendix
from drafter.plan.body import Diem, Item, Khoan, Muc, Node, Task
from drafter.plan.layout import Line, _walk
from drafter.plan.model import Plan
from drafter.plan.table import Column, GroupRow, TableSpec, lay_out_table
from drafter.rules import rules
from drafter.vn import date_line, doc_number, roman, upper


@dataclass
class AppendixView:
    so: str  # "Phụ lục I"
    ten: str  # title in capitals, or ""
    kem_theo: str  # "(Kèm theo Kế hoạch số 05/KH-UBND ngày … của Ủy ban nhân dân tỉnh …)"
    ngang: bool
    than: list[Line]

    def texts(self) -> list[str]:
        from drafter.plan.layout import line_texts

        return [t for t in (self.so, self.ten, self.kem_theo) if t] + line_texts(self.than)


def reference_line(plan: Plan) -> str:
    number = doc_number(plan.so, plan.ky_hieu).removeprefix("Số:")[1:]  # a draft keeps its blanks
    date = date_line(plan.co_quan.place, plan.ngay, year=plan.nam, month=plan.thang).rsplit(", ", 1)[1]
    issuer = f"{plan.co_quan.ten_co_quan} {plan.co_quan.unit_name}"
    words = labels().phu_luc
    return f"({words.kem_theo} {plan.ten_loai.capitalize()} số {number} {date} của {issuer})"


# --- the derived task table ------------------------------------------------------------------------


def _node_text(node: Node) -> str:
    return getattr(node, node.kind, "") if isinstance(node, (Khoan, Diem, Item, Muc)) else ""


def _task_rows(plan: Plan, nodes: list[Node], parent: str, rows: list, muc: list[int]) -> None:
    for node in nodes:
        if isinstance(node, Muc):
            muc[0] += 1
            rows.append(f"{roman(muc[0])}. {upper(node.muc)}")
        if isinstance(node, Task):
            rows.append((parent, node.nhiem_vu.roles(plan.nhan_nhiem_vu)))
        _task_rows(plan, getattr(node, "noi_dung", []), _node_text(node) or parent, rows, muc)


def _cell(value) -> str | None:
    """A task line's value in a cell: list items one per line, no closing "." or ";"."""
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    return "\n".join(item.rstrip(" .;,") for item in items)


def task_table(plan: Plan, landscape: bool):
    """STT | Nhiệm vụ | one column per task role used, in the order of the plan's roles."""
    found: list = []
    _task_rows(plan, plan.noi_dung, "", found, [0])
    # Mục rows only where a task follows: a Mục without tasks would be an empty group.
    entries = [e for k, e in enumerate(found)
               if not isinstance(e, str) or (k + 1 < len(found) and not isinstance(found[k + 1], str))]
    roles: list[str] = []
    for entry in entries:
        if not isinstance(entry, str):
            roles.extend(label for label, _ in entry[1] if label not in roles)
    words = labels().phu_luc
    columns = [Column(ten=words.stt, rong="1.5cm", can="giua"), Column(ten=words.nhiem_vu, rong="32%")]
    columns += [Column(ten=role) for role in roles]
    rows: list = []
    n = 0
    for entry in entries:
        if isinstance(entry, str):
            rows.append(GroupRow(nhom=entry))
            continue
        n += 1
        text, values = entry
        by_role = {label: value for label, value in values}
        cells = [n, text, *(_cell(by_role.get(role)) for role in roles)]
        rows.append(cells)
    return lay_out_table(TableSpec(cot=columns, hang=rows), landscape=landscape)


# ---------------------------------------------------------------------------------------------------


def _heading(n: int, count: int) -> str:
    r = rules().phu_luc
    return f"{r.chu} {roman(n)}" if count >= r.danh_so_tu else r.chu


def _lay_out(plan: Plan, appendix: Appendix, n: int, count: int) -> AppendixView:
    lines: list[Line] = []
    title = appendix.ten
    if appendix.bang_phan_cong:
        title = title or labels().phu_luc.bang_phan_cong
        lines.append(Line("bang", "", bang=task_table(plan, appendix.landscape)))
    _walk(plan, appendix.noi_dung, lines)
    for line in lines:
        if line.bang is not None:
            line.bang.landscape = appendix.landscape
    return AppendixView(_heading(n, count), upper(title) if title else "", reference_line(plan),
                        appendix.landscape, lines)


def lay_out_appendices(plan: Plan) -> list[AppendixView]:
    count = len(plan.phu_luc)
    return [_lay_out(plan, a, n, count) for n, a in enumerate(plan.phu_luc, 1)]
