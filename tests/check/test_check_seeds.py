"""The real plans of shared/seeds, as text (copies in tests/check/seeds): exactly what the
checker reports for each, in reading order, with the reason. Nothing else may be reported (no
false errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkhelp import SEEDS

from drafter.check import check_file

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "000": [
        ("ND30-S1", "dòng 6", "«Số: 5571 /KH-UBND»: space before «/»"),
        ("ND30-V3", "dòng 99–100", "«Khoản 2 Điều 85», twice (PL-II: «khoản 2 Điều 85»)"),
        ("ND30-V3", "dòng 100", "«Khoản 1 Điều 86»"),
    ],
    "001": [  # header lost in the dump
        ("ND30-C5", "dòng 1", "«Quyết định 346/QĐ-TTg» without «số» (PL-I II.6.b)"),
    ],
    "003": [
        ("ND30-V2", "dòng 25", "«Đảng lãnh đạo, Nhà nước quản lý, nhân dân làm chủ»"),
        ("ND30-L1", "dòng 39", "NĐ 61/2023/NĐ-CP cited as 06/8/2023 (it is 16/8/2023)"),
        ("ND30-V2", "dòng 67, 79", "«cơ quan hành chính Nhà nước», «cải cách hành chính Nhà nước»"),
        ("ND30-V2", "dòng 83", "«doanh nghiệp Nhà nước»"),
        ("ND30-K1", "dòng 149", "signed «KT. CHỦ TỊCH» without «TM. ỦY BAN NHÂN DÂN»"),
    ],
    "004": [
        ("ND30-C4", "dòng 10", "«Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022» without the date"),
        ("ND30-M3", "dòng 52", "points jump from a) to c)"),
        ("ND30-R6", "dòng 94", "«- Lưu: VT.» without the drafting unit (PL-I II.9)"),
    ],
}


def _seed(key: str) -> Path:
    found = sorted(SEEDS.glob(f"{key}_*.txt"))
    assert found, f"seed {key} missing in {SEEDS}"
    return found[0]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_findings(key: str) -> None:
    got = [(f.rule, f.where) for f in check_file(_seed(key))]
    assert got == [(rule, where) for rule, where, _why in EXPECTED[key]]


def test_seed_000_number_line_message() -> None:
    [f] = [f for f in check_file(_seed("000")) if f.rule == "ND30-S1"]
    assert f.found == "Số: 5571 /KH-UBND" and f.expected == "Số: 5571/KH-UBND"
    assert f.severity == "error" and "khoảng trắng trước «/»" in f.message


def test_seed_003_wrong_decree_date() -> None:
    [f] = [f for f in check_file(_seed("003")) if f.rule == "ND30-L1"]
    assert f.found == "61/2023/NĐ-CP ngày 06/8/2023" and "16/8/2023" in f.expected


def test_seed_004_point_jump() -> None:
    [f] = [f for f in check_file(_seed("004")) if f.rule == "ND30-M3"]
    assert f.found.startswith("c) Tổ chức tuyên truyền") and "thiếu «b)» sau «a)»" in f.expected


def test_seeds_have_no_false_errors_beyond_the_list() -> None:
    for key in EXPECTED:
        errors = [f.rule for f in check_file(_seed(key)) if f.is_error]
        assert errors == [rule for rule, _w, _y in EXPECTED[key] if rule in ("ND30-S1", "ND30-L1", "ND30-M3", "ND30-R6")]
