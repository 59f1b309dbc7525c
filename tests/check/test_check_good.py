"""A correct plan passes; the rendered example plans only get the findings their real source
justifies; every rule of presets/kiem-tra.yaml is exercised by some test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from checkhelp import findings, good_bytes

from drafter.answers import load_plan
from drafter.check import check_docx_bytes
from drafter.check.ruleset import ruleset
from drafter.document.render import render_docx
from drafter.paths import PRESETS

# Findings that the examples keep on purpose: each reproduces a real plan (shared/seeds) and the
# defect is one the reference (nd30.md) names.
JUSTIFIED: dict[str, dict[str, str]] = {
    "000-binh-duong-trien-khai-luat": {
        "ND30-V3": "the real plan writes «Khoản 2 Điều 85» (PL-II: «khoản 2 Điều 85»)",
    },
    "001-binh-thuan-trien-khai-luat": {
        "ND30-C5": "the real plan cites «Quyết định 346/QĐ-TTg» without «số» (PL-I II.6.b)",
    },
    "003-binh-phuoc-dan-chu-2024": {
        "ND30-K1": "the real plan is signed «KT. CHỦ TỊCH» without «TM. ỦY BAN NHÂN DÂN» (reference §5)",
        "ND30-V2": "the real plan writes «nhân dân làm chủ», «doanh nghiệp Nhà nước» (PL-II)",
    },
    "004-lac-vien-trien-khai-luat": {
        "ND30-C4": "the real plan cites «Luật ... năm 2022» without its date (reference §4)",
    },
}


def test_good_plan_has_no_findings() -> None:
    assert findings(good_bytes()) == []


@pytest.mark.parametrize("example", sorted((PRESETS / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_rendered_examples_pass(example: Path) -> None:
    got = check_docx_bytes(render_docx(load_plan(example)))
    allowed = JUSTIFIED.get(example.stem, {})
    unexpected = [f"{f.rule} {f.where}: {f.message}" for f in got if f.rule not in allowed]
    assert unexpected == []
    errors = [f for f in got if f.is_error]
    assert all(f.rule in allowed for f in errors)


def test_every_rule_has_a_test() -> None:
    mentioned: set[str] = set()
    for path in Path(__file__).parent.glob("test_check_*.py"):
        if path.name == Path(__file__).name:
            continue
        mentioned |= set(re.findall(r"ND30-[A-Z]{1,2}\d+", path.read_text(encoding="utf-8")))
    assert sorted(set(ruleset().specs) - mentioned) == []


def test_every_rule_has_a_legal_locator_and_vietnamese_message() -> None:
    for rule, spec in ruleset().specs.items():
        assert ruleset().sources[rule], rule
        assert spec.thong_bao and spec.ten, rule
