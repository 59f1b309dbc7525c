"""Answers files: the YAML that `drafter new` and `drafter batch` write and `drafter render`
reads back. Loading validates it into a Plan; dumping writes a replayable file."""

from __future__ import annotations

from pathlib import Path

from drafter.plan.body import Khoan, Node
from drafter.plan.model import Plan
from drafter.schema import modeline
from drafter.yamlio import dump_yaml, load_model

HEADER = """Tệp trả lời của drafter: mô tả đầy đủ một Kế hoạch.
Sửa tệp này rồi chạy lại: drafter render <tệp này> -o ke-hoach.docx
Số thứ tự (I, 1, a), dấu «./.», dấu «;» cuối mỗi nơi nhận do drafter tự thêm.
Mô tả đầy đủ các trường: docs/tep-tra-loi.md (hoặc: drafter schema)."""


def load_plan(path: Path | str) -> Plan:
    return load_model(Plan, path)


def _nodes_data(nodes: list[Node], data: list[dict]) -> list[dict]:
    """Each node as written: its kind key first (it names the node), an explicit `tieu_de` on
    every khoản (whether it prints as a heading is then visible and editable)."""
    out = []
    for node, item in zip(nodes, data):
        first = {node.kind: item.pop(node.kind)}
        if isinstance(node, Khoan):
            first["tieu_de"] = node.is_heading
            item.pop("tieu_de", None)
        if "noi_dung" in item:
            item["noi_dung"] = _nodes_data(node.noi_dung, item["noi_dung"])
        out.append({**first, **item})
    return out


def dump_plan(plan: Plan) -> str:
    """The answers file of a plan: schema line for editors, header, then the fields."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data["noi_dung"] = _nodes_data(plan.noi_dung, data["noi_dung"])
    data = {"phien_ban": plan.phien_ban, **data}
    return dump_yaml(data, header=f"{modeline()}\n{HEADER}")
