"""The answers format as a contract: the JSON Schema generated from the models, the committed
copy, every example and every answers file drafter writes valid against it, and
docs/tep-tra-loi.md in step with it (every example valid, every key documented)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from drafter.answers import dump_plan, load_plan
from drafter.cli import app
from drafter.paths import PRESETS
from drafter.plan.layout import text_lines
from drafter.plan.model import Plan
from drafter.presets import scaffold
from drafter.schema import SCHEMA_FILE, modeline, plan_schema, schema_text
from drafter.yamlio import load_yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "tep-tra-loi.md"
EXAMPLES = sorted((PRESETS / "examples").glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(plan_schema())


def _json(data):
    return json.loads(json.dumps(data, default=str))  # YAML dates stay text, as the loader keeps them


def _errors(data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:120]}" for e in VALIDATOR.iter_errors(_json(data))]


def test_schema_is_valid_json_schema_and_the_committed_copy_is_current():
    jsonschema.Draft202012Validator.check_schema(plan_schema())
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "chạy: drafter schema -o presets/ke-hoach.schema.json --force"


def test_every_key_has_a_vietnamese_description():
    schema = plan_schema()
    for name, obj in {"Plan": schema, **schema["$defs"]}.items():
        assert obj.get("description"), name
        for key, prop in obj.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{key}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(path):
    assert _errors(load_yaml(path)) == []


def test_schema_rejects_what_the_loader_rejects():
    data = _json(load_yaml(EXAMPLES[0]))
    assert _errors({**data, "khoa_la": 1})
    data["noi_dung"][0]["noi_dung"][0] = {"khoan": "x", "diem": "y"}
    assert _errors(data)


@pytest.mark.timeout(60)
def test_written_answers_file_has_schema_line_kind_first_explicit_tieu_de_and_validates(tmp_path):
    original = scaffold("trien-khai-luat", "phường Bắc Nha Trang", 2026, "Nguyễn Văn A")
    text = dump_plan(original)
    assert text.splitlines()[0] == f"# {modeline()}"
    assert modeline().startswith("yaml-language-server: $schema=file://") and modeline().endswith("ke-hoach.schema.json")
    data = load_yaml("x.yaml", text)
    assert _errors(data) == []

    def nodes(items):
        for item in items:
            if isinstance(item, dict):
                yield item
                yield from nodes(item.get("noi_dung", []))
    kinds = ("muc", "khoan", "diem", "y", "doan", "nhiem_vu")
    for node in nodes(data["noi_dung"]):
        assert next(iter(node)) in kinds, list(node)
        if "khoan" in node:
            assert isinstance(node["tieu_de"], bool)
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text, encoding="utf-8")
    assert text_lines(load_plan(path)) == text_lines(original)  # the same plan, with tieu_de now explicit


def test_old_name_of_the_lead_in_mark_is_still_read_and_written_under_the_new_one():
    data = _json(load_yaml(EXAMPLES[0]))
    data["dan_nhap_noi_tiep"] = data.pop("dan_nhap_sau_can_cu_cuoi")
    plan = Plan.model_validate(data)
    assert plan.dan_nhap_sau_can_cu_cuoi == ";"
    assert "dan_nhap_sau_can_cu_cuoi:" in dump_plan(plan) and "dan_nhap_noi_tiep" not in dump_plan(plan)
    assert _errors(data) == []  # editors show it as deprecated, not as unknown


def test_cli_schema_prints_the_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == plan_schema()


# -- docs/tep-tra-loi.md --------------------------------------------------------------------------

BASE = {"co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"}, "ngay": "2026-03-05",
        "trich_yeu": "Thử", "noi_dung": ["x"], "chu_ky": {"nguoi_ky": "A"}}


def _doc_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def _as_plan(block: str) -> dict:
    data = _json(YAML(typ="safe").load(io.StringIO(block)))
    if isinstance(data, list):  # a snippet of body nodes
        return {**BASE, "noi_dung": data}
    if "co_quan" in data and "noi_dung" in data:  # a whole plan
        return data
    merged = {**BASE, **data}  # some top-level keys
    if "thang" in data or "nam" in data:
        merged.pop("ngay")
    if "dan_nhap_sau_can_cu_cuoi" in data and "can_cu" not in data:
        merged["can_cu"] = [{"thuc_hien": "Kế hoạch số 1/KH-UBND"}]
    return merged


@pytest.mark.parametrize("n", range(len(_doc_blocks())))
def test_every_example_of_the_docs_is_valid_for_the_schema_and_the_loader(n):
    data = _as_plan(_doc_blocks()[n])
    assert _errors(data) == []
    Plan.model_validate(data)


def test_the_docs_cover_every_key_and_every_node_kind_of_the_schema():
    text = DOC.read_text(encoding="utf-8")
    schema = plan_schema()
    keys = {key for obj in (schema, *schema["$defs"].values()) for key in obj.get("properties", {})}
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert missing == []
    blocks = "\n".join(_doc_blocks())
    for kind in ("muc", "khoan", "diem", "y", "doan", "nhiem_vu"):
        assert re.search(rf"^\s*- {kind}:", blocks, flags=re.MULTILINE), kind
