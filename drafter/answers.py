"""Answers files: the YAML that `drafter new` and `drafter batch` write and `drafter render`
reads back. Loading validates it into a Plan; dumping writes a replayable file."""

from __future__ import annotations

from pathlib import Path

from drafter.plan.model import Plan
from drafter.yamlio import dump_yaml, load_model

HEADER = """Tệp trả lời của drafter: mô tả đầy đủ một Kế hoạch.
Sửa tệp này rồi chạy lại: drafter render <tệp này> -o ke-hoach.docx
Số thứ tự (I, 1, a), dấu «./.», dấu «;» cuối mỗi nơi nhận do drafter tự thêm."""


def load_plan(path: Path | str) -> Plan:
    return load_model(Plan, path)


def dump_plan(plan: Plan) -> str:
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data = {"phien_ban": plan.phien_ban, **data}
    return dump_yaml(data, header=HEADER)
