"""The body of a plan: a tree of Mục (I, II…), khoản (1, 2…), điểm (a, b…), items ("- ", "+ "),
plain paragraphs and task blocks. Numbers are never typed: the layout computes them.

In an answers file each node is a mapping whose first key names its kind:
    - muc: MỤC ĐÍCH, YÊU CẦU
      noi_dung: [...]
    - khoan: Mục đích            # bold heading when it has children, else a numbered paragraph
    - diem: Tổ chức hội nghị …
    - y: Kinh phí …             # "- " item; nested items get "+ "
    - doan: Đoạn văn thường     # (a bare string is a paragraph too)
    - nhiem_vu: {chu_tri: …, phoi_hop: …, hinh_thuc: …, thoi_gian: …}
    - bang: {cot: [...], hang: [...]}   # a table (drafter.plan.table)
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Union

from pydantic import BeforeValidator, Discriminator, Tag

from drafter.plan.table import Table
from drafter.plan.text import Line, Strict

NODE_KINDS = ("muc", "khoan", "diem", "y", "doan", "nhiem_vu", "bang")
TASK_ROLES = ("chu_tri", "thuc_hien", "phoi_hop", "hinh_thuc", "thoi_gian")


class TaskLabels(Strict):
    """Per-plan or per-block wording of task lines, e.g. `chu_tri: Chủ trì tham mưu`."""

    chu_tri: Line | None = None
    thuc_hien: Line | None = None
    phoi_hop: Line | None = None
    hinh_thuc: Line | None = None
    thoi_gian: Line | None = None


TaskValue = Union[Line, list[Line]]


class TaskBlock(Strict):
    """Who leads, who cooperates, how and when. A list value becomes "+ " sub-items."""

    chu_tri: TaskValue | None = None
    thuc_hien: TaskValue | None = None
    phoi_hop: TaskValue | None = None
    hinh_thuc: TaskValue | None = None
    thoi_gian: TaskValue | None = None
    nhan: TaskLabels | None = None

    def lines(self) -> list[tuple[str, TaskValue]]:
        return [(role, getattr(self, role)) for role in TASK_ROLES if getattr(self, role) is not None]


def _node_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for kind in NODE_KINDS:
            if kind in value:
                return kind
        return None
    return getattr(value, "kind", None)


def _bare_string(value: Any) -> Any:
    return {"doan": value} if isinstance(value, str) else value


class _Node(Strict):
    noi_dung: list["Node"] = []


class Muc(_Node):
    kind: ClassVar[str] = "muc"
    muc: Line


class Khoan(_Node):
    kind: ClassVar[str] = "khoan"
    khoan: Line
    tieu_de: bool | None = None  # default: a heading when it has children

    @property
    def is_heading(self) -> bool:
        return self.tieu_de if self.tieu_de is not None else bool(self.noi_dung)


class Diem(_Node):
    kind: ClassVar[str] = "diem"
    diem: Line
    tieu_de: bool = False

    @property
    def is_heading(self) -> bool:
        return self.tieu_de


class Item(_Node):
    kind: ClassVar[str] = "y"
    y: Line


class Para(Strict):
    kind: ClassVar[str] = "doan"
    doan: Line


class Task(Strict):
    kind: ClassVar[str] = "nhiem_vu"
    nhiem_vu: TaskBlock


Node = Annotated[
    Union[
        Annotated[Muc, Tag("muc")],
        Annotated[Khoan, Tag("khoan")],
        Annotated[Diem, Tag("diem")],
        Annotated[Item, Tag("y")],
        Annotated[Para, Tag("doan")],
        Annotated[Task, Tag("nhiem_vu")],
        Annotated[Table, Tag("bang")],
    ],
    Discriminator(
        _node_tag,
        custom_error_type="node_kind",
        custom_error_message="mỗi mục nội dung phải bắt đầu bằng một trong các khóa: " + ", ".join(NODE_KINDS),
    ),
    BeforeValidator(_bare_string),
]

for _model in (Muc, Khoan, Diem, Item):
    _model.model_rebuild()
