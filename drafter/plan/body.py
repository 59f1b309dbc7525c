"""The body of a plan: a tree of Mục (I, II…), khoản (1, 2…), điểm (a, b…), items ("- ", "+ "),
plain paragraphs and task blocks. Numbers are never typed: the layout computes them.

In an answers file each node is a mapping whose first key names its kind:
    - muc: MỤC ĐÍCH, YÊU CẦU
      noi_dung: [...]
    - khoan: Mục đích            # bold heading when it has children, else a numbered paragraph
    - diem: Tổ chức hội nghị …
    - y: Kinh phí …             # "- " item; nested items get "+ "
    - doan: Đoạn văn thường     # (a bare string is a paragraph too)
    - nhiem_vu: {chu_tri: …, phoi_hop: …, hinh_thuc: …, thoi_gian: …,
                 vai_tro: [{nhan: Sản phẩm, noi_dung: …}], trinh_bay: diem}
    - bang: {cot: [...], hang: [...]}   # a table (drafter.plan.table)
The full, tested description of the format is docs/tep-tra-loi.md.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BeforeValidator, Discriminator, PrivateAttr, Tag, model_serializer, model_validator

from drafter.limits import MAX_BODY_DEPTH, MAX_BODY_NODES
from drafter.plan.numbering import SchemeName
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
TaskStyle = Literal["gach_dau_dong", "diem"]  # "- Cơ quan chủ trì: …" or "a) Cơ quan chủ trì: …"
_ROLE_KEYS = (*TASK_ROLES, "vai_tro")


class TaskRole(Strict):
    """A role in the user's own wording, e.g. `{nhan: Sản phẩm, noi_dung: Báo cáo kết quả}`."""

    nhan: Line
    noi_dung: TaskValue


class TaskBlock(Strict):
    """Who leads, who cooperates, how, when, what comes out. Built-in roles take their label
    from presets/nhan.yaml (overridable); `vai_tro` adds roles in the user's wording. Roles are
    printed in the order the user wrote them. A list value becomes sub-items."""

    chu_tri: TaskValue | None = None
    thuc_hien: TaskValue | None = None
    phoi_hop: TaskValue | None = None
    hinh_thuc: TaskValue | None = None
    thoi_gian: TaskValue | None = None
    vai_tro: list[TaskRole] = []
    nhan: TaskLabels | None = None
    trinh_bay: TaskStyle | None = None  # default: the plan's `trinh_bay_nhiem_vu`, else "- " lines
    _order: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data: Any, handler):
        block = handler(data)
        if isinstance(data, dict):
            block._order = tuple(k for k in data if k in _ROLE_KEYS)
        return block

    @model_serializer(mode="wrap")
    def _in_user_order(self, handler):
        data = handler(self)
        if not self._order or not isinstance(data, dict):
            return data
        first = {k: data[k] for k in self._order if k in data}
        return {**first, **{k: v for k, v in data.items() if k not in first}}

    def lines(self) -> list[tuple[str, TaskValue]]:
        """Built-in roles only, by key: (role key, value)."""
        return [(role, getattr(self, role)) for role in TASK_ROLES if getattr(self, role) is not None]

    def roles(self, plan_labels: TaskLabels | None = None) -> list[tuple[str, TaskValue]]:
        """Every role of the block as (printed label, value), in the order the user wrote them.

        This is the one API for any view of a task block — the "- " / a) lines of the body and a
        task-assignment table alike. A label is the block's `nhan` override, else the plan's
        (`plan_labels`, i.e. `Plan.nhan_nhiem_vu`), else the wording of presets/nhan.yaml; a
        free role (`vai_tro`) carries its own label. A value is a string or a list of strings."""
        from drafter.labels import labels

        words = labels().nhiem_vu.model_dump()
        for override in (plan_labels, self.nhan):
            if override is not None:
                words.update({k: v for k, v in override.model_dump().items() if v})
        order = list(self._order) or list(_ROLE_KEYS)
        order += [k for k in _ROLE_KEYS if k not in order]
        out: list[tuple[str, TaskValue]] = []
        for key in order:
            if key == "vai_tro":
                out.extend((role.nhan, role.noi_dung) for role in self.vai_tro)
            elif getattr(self, key) is not None:
                out.append((words[key], getattr(self, key)))
        return out


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
    danh_so: SchemeName | None = None  # numbering of this Mục; default: the plan's


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
    bat_dau_lai: bool = False  # letter from a) again (e.g. after a plain paragraph)

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


def _children(node: Any) -> Any:
    if isinstance(node, dict):
        return node.get("noi_dung")
    return getattr(node, "noi_dung", None)


def body_size_problem(nodes: Any) -> str | None:
    """Why a body tree is too deep or too large to lay out, or None. Walked without recursion,
    before pydantic validates it, whether it came from a file or was built in code."""
    if not isinstance(nodes, (list, tuple)):
        return None
    count = 0
    stack: list[tuple[Any, str, int]] = [(nodes, "noi_dung", 1)]
    while stack:
        items, where, depth = stack.pop()
        if depth > MAX_BODY_DEPTH:
            return f"nội dung lồng nhau quá sâu (quá {MAX_BODY_DEPTH} cấp, ở «{where}»)"
        for i, node in enumerate(items):
            count += 1
            if count > MAX_BODY_NODES:
                return f"nội dung có quá nhiều mục (quá {MAX_BODY_NODES:,} mục)".replace(",", ".")
            children = _children(node)
            if isinstance(children, (list, tuple)) and children:
                stack.append((children, f"{where}[{i}].noi_dung", depth + 1))
    return None
