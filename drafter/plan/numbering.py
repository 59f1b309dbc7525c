"""Numbering schemes of the body: which levels a plan uses, chosen per plan (`danh_so`) or per
Mục, never typed by the user. The schemes and how deep khoản may nest live in the rules table
(`presets/nd30.yaml`, `danh_so`); their bold and italics in `thanh_phan.khoan_cap_2/3`.

    co_ban      I.  1.  a)  -  +
    thap_phan   I.  1.  1.1.  1.1.1.  a)  -  +
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal

from drafter.rules import rules

if TYPE_CHECKING:
    from drafter.plan.model import Plan

SchemeName = Literal["co_ban", "thap_phan"]


def default_scheme() -> str:
    return rules().danh_so.mac_dinh


def max_khoan_depth(scheme: str) -> int:
    return rules().danh_so.kieu[scheme].cap_khoan


def khoan_label(path: tuple[int, ...]) -> str:
    """(1,) → "1.", (1, 2) → "1.2.", (4, 3, 1) → "4.3.1."."""
    return ".".join(str(n) for n in path) + "."


def _deep_khoan(nodes, scheme: str, depth: int, where: str) -> Iterator[tuple[str, str, int]]:
    from drafter.plan.body import Khoan, Muc

    for i, node in enumerate(nodes):
        here = f"{where}[{i}]"
        inner_scheme, inner_depth = scheme, depth
        if isinstance(node, Muc):
            inner_scheme, inner_depth = node.danh_so or scheme, 0
        elif isinstance(node, Khoan):
            inner_depth = depth + 1
            if inner_depth > max_khoan_depth(scheme):
                yield here, scheme, inner_depth
        yield from _deep_khoan(getattr(node, "noi_dung", []), inner_scheme, inner_depth, here + ".noi_dung")


def nesting_problem(plan: "Plan") -> str | None:
    """A Vietnamese explanation when a khoản nests deeper than its scheme allows."""
    scheme = plan.danh_so or default_scheme()
    for where, used, depth in _deep_khoan(plan.noi_dung, scheme, 0, "noi_dung"):
        deeper = [name for name, s in rules().danh_so.kieu.items() if s.cap_khoan >= depth]
        hint = f"; chọn «danh_so: {deeper[0]}» cho cả kế hoạch hoặc cho mục chứa nó" if deeper else ""
        return (f"{where}: khoản lồng {depth} cấp nhưng kiểu đánh số «{used}» chỉ cho "
                f"{max_khoan_depth(used)} cấp ({rules().danh_so.kieu[used].mo_ta}){hint}")
    return None


def sequence_problem(nodes, task_style: str | None, where: str = "noi_dung", in_list: bool = False) -> str | None:
    """Point sequences a reader can follow: a point that starts again at a) must follow a plain
    paragraph (right after a point, "a) b) a)" reads as a mistake), and no point may follow a
    khoản of the same list (it would read as a point of that khoản). Lettered task roles count
    as points; below a point or an item they are "- " lines."""
    from drafter.plan.body import Diem, Item, Khoan, Para, Task

    previous = None
    after_khoan = False
    for i, node in enumerate(nodes):
        here = f"{where}[{i}]"
        lettered_task = isinstance(node, Task) and not in_list and (node.nhiem_vu.trinh_bay or task_style) == "diem"
        if isinstance(node, Diem) and node.bat_dau_lai and previous is not None and not isinstance(previous, Para):
            return f"{here}: «bat_dau_lai» chỉ dùng cho điểm đứng sau một đoạn văn (doan), không ngay sau «{previous.kind}»"
        if after_khoan and (isinstance(node, Diem) or lettered_task):
            return f"{here}: điểm đứng sau một khoản phải nằm trong khoản đó (chuyển vào «noi_dung» của khoản phía trên)"
        after_khoan = after_khoan or isinstance(node, Khoan)
        found = sequence_problem(getattr(node, "noi_dung", []), task_style, here + ".noi_dung",
                                 in_list or isinstance(node, (Diem, Item)))
        if found:
            return found
        previous = node
    return None
