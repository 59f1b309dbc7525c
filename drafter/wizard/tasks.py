"""Tasks in the body tree of an answers mapping: find them, add, drop and move them, without
touching any other node (fields unknown to the wizard travel along inside the nodes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HEADING_KEYS = ("muc", "khoan", "diem", "y", "doan")
ROLES = (("chu_tri", "Cơ quan chủ trì"), ("thuc_hien", "Cơ quan thực hiện"), ("phoi_hop", "Cơ quan phối hợp"),
         ("hinh_thuc", "Hình thức"), ("thoi_gian", "Thời gian"))


@dataclass
class TaskRef:
    """A task block: `owner` is the list that holds the node carrying the task (its heading),
    `index` that node's place in it; `block` is the nhiem_vu mapping itself."""

    owner: list
    index: int
    title: str
    block: dict
    direct: bool  # the task sits directly in a Mục: dropping it drops only the block

    def node(self) -> Any:
        return self.owner[self.index]


def _title(node: Any) -> str:
    if isinstance(node, str):
        return node
    return next((str(node[k]) for k in HEADING_KEYS if k in node), "")


def find_tasks(nodes: list) -> list[TaskRef]:
    found: list[TaskRef] = []
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            continue
        children = node.get("noi_dung") or []
        blocks = [c["nhiem_vu"] for c in children if isinstance(c, dict) and "nhiem_vu" in c]
        if blocks and "muc" not in node:
            found.append(TaskRef(nodes, i, _title(node), blocks[0], False))
        elif blocks:
            for j, child in enumerate(children):
                if isinstance(child, dict) and "nhiem_vu" in child:
                    found.append(TaskRef(children, j, _title(node), child["nhiem_vu"], True))
        found.extend(find_tasks(children))
    return found


def sections(nodes: list) -> list[tuple[str, list]]:
    """(title, children list) of each Mục, where a new task can go."""
    return [(str(n["muc"]), n.setdefault("noi_dung", [])) for n in nodes if isinstance(n, dict) and "muc" in n]


def default_section(nodes: list) -> int:
    """The Mục that holds the most tasks (the «Nội dung» of most plans)."""
    counts = [len(find_tasks(children)) for _, children in sections(nodes)]
    return counts.index(max(counts)) if counts else 0


def drop(ref: TaskRef) -> None:
    del ref.owner[ref.index]


def move(ref: TaskRef, step: int) -> bool:
    """Swap the task's node with its neighbour (-1 up, +1 down) in the same list."""
    j = ref.index + step
    if not 0 <= j < len(ref.owner):
        return False
    ref.owner[ref.index], ref.owner[j] = ref.owner[j], ref.owner[ref.index]
    return True


def lead_role(block: dict) -> str:
    return "thuc_hien" if "thuc_hien" in block and "chu_tri" not in block else "chu_tri"
