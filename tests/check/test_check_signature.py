"""Signature block (ND30 Điều 13, PL-I II.7) and Nơi nhận (PL-I II.9)."""

from __future__ import annotations

import pytest
from checkhelp import fired, for_runs, insert_after, of_rule, para, remove, rule_ids, set_text, text_findings


# -- signature -------------------------------------------------------------------------------------------


def test_signature_without_tm_line() -> None:
    def kt_only(d):
        set_text(para(d, "TM. ỦY BAN"), "KT. CHỦ TỊCH")
        set_text(para(d, "CHỦ TỊCH"), "PHÓ CHỦ TỊCH")
    [f] = of_rule(fired(kt_only), "ND30-K1")
    assert f.severity == "warning" and "TM. ỦY BAN NHÂN DÂN" in f.expected


@pytest.mark.parametrize("lines, why", [
    (["TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH"], "thừa lệnh"),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "dòng chức vụ"),
])
def test_signature_authority(lines: list[str], why: str) -> None:
    def change(d):
        set_text(para(d, "TM. ỦY BAN"), lines[0])
        set_text(para(d, "CHỦ TỊCH"), lines[1])
    [f] = of_rule(fired(change), "ND30-K2")
    assert why in f.expected


def test_vice_chairman_block_is_correct() -> None:
    def vice(d):
        tm = para(d, "TM. ỦY BAN")
        set_text(para(d, "CHỦ TỊCH"), "KT. CHỦ TỊCH")
        insert_after(para(d, "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH")
        assert tm.text.startswith("TM.")
    assert not {"ND30-K1", "ND30-K2", "ND30-K3"} & rule_ids(fired(vice))


def test_signature_formatting() -> None:
    got = fired(lambda d: for_runs(para(d, "CHỦ TỊCH"), bold=False))
    assert "không đậm" in of_rule(got, "ND30-K3")[0].found
    got = fired(lambda d: for_runs(para(d, "Nguyễn Văn An"), bold=False, size=12))
    [f] = of_rule(got, "ND30-K4")
    assert "không đậm" in f.found and "cỡ chữ 12 pt" in f.found


@pytest.mark.parametrize("name", ["TS. Nguyễn Văn An", "NGUYỄN VĂN AN"])
def test_signer_name(name: str) -> None:
    [f] = of_rule(fired(lambda d: set_text(para(d, "Nguyễn Văn An"), name)), "ND30-K5")
    assert f.found == name and f.severity == "warning"


def test_signature_missing() -> None:
    def drop(d):
        for start in ("TM. ỦY BAN", "CHỦ TỊCH"):
            set_text(para(d, start), "")
    assert "ND30-K2" in rule_ids(fired(drop))


# -- Nơi nhận ---------------------------------------------------------------------------------------------


def test_recipients_label() -> None:
    got = fired(lambda d: set_text(para(d, "Nơi nhận:"), "Nơi nhận"))
    assert of_rule(got, "ND30-R1")[0].found == "viết «Nơi nhận»"
    got = fired(lambda d: for_runs(para(d, "Nơi nhận:"), italic=False, size=13))
    [f] = of_rule(got, "ND30-R1")
    assert "không nghiêng" in f.found and "cỡ chữ 13 pt" in f.found


def test_recipient_item_size() -> None:
    got = fired(lambda d: for_runs(para(d, "- Thường trực HĐND"), size=13))
    assert "cỡ chữ 13 pt" in of_rule(got, "ND30-R2")[0].found


def test_recipient_without_dash() -> None:
    got = fired(lambda d: set_text(para(d, "- Thường trực HĐND"), "Thường trực HĐND phường;"))
    assert "«- »" in of_rule(got, "ND30-R3")[0].expected
    got = fired(lambda d: set_text(para(d, "- Thường trực HĐND"), "-Thường trực HĐND phường;"))
    assert "dấu cách" in of_rule(got, "ND30-R3")[0].expected


def test_recipient_ending_with_comma() -> None:
    [f] = of_rule(fired(lambda d: set_text(para(d, "- Thường trực Đảng ủy"), "- Thường trực Đảng ủy phường,")), "ND30-R4")
    assert "«,»" in f.expected and f.found == "- Thường trực Đảng ủy phường,"


def test_recipient_continuation_line_is_allowed() -> None:
    def wrap(d):
        set_text(para(d, "- Ủy ban MTTQ"), "- Ủy ban MTTQ Việt Nam phường và các tổ chức")
        insert_after(para(d, "- Ủy ban MTTQ"), "chính trị - xã hội phường;")
    assert not {"ND30-R3", "ND30-R4"} & rule_ids(fired(wrap))


def test_last_recipient_is_the_file_copy() -> None:
    got = fired(lambda d: set_text(para(d, "- Lưu:"), "- Lưu: VT, VP;"))
    assert "dấu chấm" in of_rule(got, "ND30-R5")[0].expected
    got = fired(lambda d: remove(para(d, "- Lưu:")))
    assert "dòng cuối" in of_rule(got, "ND30-R5")[0].expected


def test_recipients_in_text_mode() -> None:
    got = text_findings(["Nơi nhận:", "- Bộ Nội vụ,", "- Thường trực Tỉnh ủy;", "- Lưu: VT, NV.",
                         "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"])
    assert [(f.rule, f.where) for f in got] == [("ND30-R4", "đoạn 2")]
