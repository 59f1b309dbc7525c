"""Answers files from colleagues and attackers: bounded loading, messages in the user's words,
values kept exactly as written."""

from __future__ import annotations

import io
import time

import docx
import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from drafter.answers import load_plan
from drafter.cli import app
from drafter.document.render import render_docx
from drafter.errors import InputError, MultiInputError
from drafter.plan.body import Khoan
from drafter.plan.model import Plan

runner = CliRunner()
PYTHON_WORDS = ("function-after", "list[", "str]", "Input should", "True", "False", "None", "Traceback",
                "Errno", "_non_empty", "Citation", "dict", "value_error")


def write(tmp_path, text):
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refusal(tmp_path, text) -> InputError:
    with pytest.raises(InputError) as info:
        load_plan(write(tmp_path, text))
    message = str(info.value)
    assert not [w for w in PYTHON_WORDS if w in message], message
    return info.value


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return MINIMAL + "\n".join(lines) + "\n"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("levels", [7, 9, 20])
def test_alias_bomb_is_refused_quickly(tmp_path, levels):
    start = time.perf_counter()
    error = refusal(tmp_path, alias_bomb(levels))
    assert time.perf_counter() - start < 1.0
    assert "tham chiếu" in error.message and error.location.line is not None


def test_aliases_within_the_budget_still_work(tmp_path):
    text = MINIMAL.replace("noi_nhan: [UBND tỉnh]", "noi_nhan: &nhan [UBND tỉnh, Các phòng]") + "x_cung: *nhan\n"
    error = refusal(tmp_path, text)  # the alias is expanded; only the unknown key is wrong
    assert error.location.field == "x_cung"
    plan = load_plan(write(tmp_path, MINIMAL.replace("chu_ky: {nguoi_ky: Nguyễn Văn A}",
                                                     "chu_ky: &ky {nguoi_ky: Nguyễn Văn A}")))
    assert plan.chu_ky.nguoi_ky == "Nguyễn Văn A"


def test_recursive_alias_is_refused(tmp_path):
    error = refusal(tmp_path, MINIMAL + "x: &v [a, *v]\n")
    assert "vòng lặp" in error.message


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text", [
    "x: " + "[" * 1000 + "]" * 1000 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(1000)),
    "noi_dung:\n" + "".join("  " * (2 * i) + "- khoan: a\n" + "  " * (2 * i + 1) + "noi_dung:\n" for i in range(1000)),
])
def test_deep_nesting_is_refused_with_its_line(tmp_path, text):
    error = refusal(tmp_path, text)
    assert "lồng nhau quá sâu" in error.message and error.location.line is not None


def test_deep_body_is_refused_in_the_file(tmp_path):
    body = "".join("  " * (2 * i) + "- khoan: a\n" + "  " * (2 * i + 1) + "noi_dung:\n" for i in range(20))
    body += "  " * 40 + "- khoan: b\n"
    text = MINIMAL.split("noi_dung:")[0] + "noi_dung:\n" + body + "noi_nhan: [UBND tỉnh]\nchu_ky: {nguoi_ky: A}\n"
    error = refusal(tmp_path, text)
    assert "nội dung lồng nhau quá sâu" in str(error) and error.location.field == "noi_dung"


def test_deep_body_built_in_code_is_refused(example_000):
    node = Khoan(khoan="lá")
    for _ in range(1000):
        node = Khoan(khoan="cành", noi_dung=[node])
    data = example_000.model_dump()
    data["noi_dung"] = [node]
    with pytest.raises(ValueError, match="nội dung lồng nhau quá sâu"):
        Plan.model_validate(data)


@pytest.mark.parametrize("change, field, words", [
    (("ngay: 2025-09-05", "ngay: 2025-09-05\nso: 12.5"), "so", "số nguyên"),
    (("ngay: 2025-09-05", "ngay: 2025-09-05 10:30:00"), "ngay", "NNNN-TT-NN"),
    (("ngay: 2025-09-05", "ngay: 1900-09-05"), "ngay", "năm 1900"),
    (("ngay: 2025-09-05", "ngay: 9999-09-05"), "ngay", "năm 9999"),
    (("- diem: Nâng cao nhận thức.", "- nhiem_vu: {chu_tri: 5}"),
     "noi_dung[0].noi_dung[0].noi_dung[0].nhiem_vu.chu_tri", "chuỗi chữ hoặc một danh sách"),
    (("- diem: Nâng cao nhận thức.", "- nhiem_vu: {phoi_hop: [Phòng A, {a: b}]}"),
     "noi_dung[0].noi_dung[0].noi_dung[0].nhiem_vu.phoi_hop[1]", "chuỗi chữ"),
    (("trich_yeu: Thực hiện dân chủ ở cơ sở năm 2026", "trich_yeu: true"), "trich_yeu", "«true»"),
    (("chu_ky: {nguoi_ky: Nguyễn Văn A}", "chu_ky: {nguoi_ky: Nguyễn Văn A, thay_mat: 7}"), "chu_ky.thay_mat", "true hoặc false"),
])
def test_messages_speak_the_users_language(tmp_path, change, field, words):
    error = refusal(tmp_path, MINIMAL.replace(*change))
    errors = error.errors if isinstance(error, MultiInputError) else [error]
    assert any(e.location.field == field and words in e.message for e in errors), str(error)
    assert all(e.location.line for e in errors)


def test_citation_missing_fields_are_named(tmp_path):
    error = refusal(tmp_path, MINIMAL + "can_cu: [{can_cu: {so: 12/2025/NĐ-CP}}]\n")
    fields = {e.location.field for e in (error.errors if isinstance(error, MultiInputError) else [error])}
    assert "can_cu[0].can_cu.loai" in fields


def test_yaml_syntax_errors_are_vietnamese(tmp_path):
    for bad in ("a: b: c\n", "a:\n\tb: 1\n", 'a: "x\n', "a: [1, 2\n", "a: *nope\n", 'a: "\\q"\n',
                "a: * b\n", 'a: "\\xTT"\n', "a: 1\n- b\n", "a: x\x0cy\n"):
        error = refusal(tmp_path, bad)
        assert "lỗi cú pháp YAML" in error.message and error.location.line
        english = ("expected", "found", "while", "mapping", "scanning", "character", "could not", "alias")
        assert not [w for w in english if w in error.message], error.message


@pytest.mark.parametrize("char, code", [("\\uFFFE", "U+FFFE"), ("\\uFFFF", "U+FFFF"), ("\\uD800", "U+D800"),
                                        ("\\x07", "U+0007"), ("\\x85", "U+0085"), ("\\x0c", "U+000C")])
def test_characters_a_document_cannot_hold_are_named(tmp_path, char, code):
    error = refusal(tmp_path, MINIMAL.replace("Nâng cao nhận thức.", f'"Nâng cao{char}nhận thức."'))
    assert code in error.message and error.location.field == "noi_dung[0].noi_dung[0].noi_dung[0].diem"
    result = runner.invoke(app, ["render", str(tmp_path / "ke-hoach.yaml"), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1 and code in result.output


def _document_text(plan) -> list[str]:
    document = docx.Document(io.BytesIO(render_docx(plan)))
    return [p.text for p in document.paragraphs]


@pytest.mark.parametrize("value", [
    "{_{ x }_}", "{_% if a %_}", "{{ ten }}", "{% raw %}", "a & b < c > d \"e\" 'f'", "}}_{ {_",
    "  hai dấu cách đầu và cuối  ", "\ttab đầu\tvà giữa\t", "&amp; &#123; <w:t>",
])
def test_values_are_kept_exactly(tmp_path, value):
    quoted = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    plan = load_plan(write(tmp_path, MINIMAL.replace("- diem: Nâng cao nhận thức.",
                                                     f'- diem: "{quoted}"\n          - diem: Cuối.')))
    assert f"a) {value}" in _document_text(plan)


def test_line_breaks_become_paragraphs_and_the_block_end_is_dropped(tmp_path):
    text = MINIMAL.replace("- diem: Nâng cao nhận thức.", "- doan: |\n              Dòng một\n              Dòng hai\n          - diem: Cuối.")
    paragraphs = _document_text(load_plan(write(tmp_path, text)))
    i = paragraphs.index("Dòng một")
    assert paragraphs[i + 1] == "Dòng hai" and paragraphs[i + 2] == "a) Cuối./."


@pytest.mark.timeout(180)
def test_a_large_legitimate_plan_is_not_called_a_bomb(tmp_path):
    from drafter.check.safety import verify_docx_bytes
    from drafter.errors import UnreadableFileError

    # 12,000 identical items: the document part compresses more than 200 times, which the
    # zip bomb limits for foreign files refuse; drafter's own output must still pass its self-check.
    items = "          - y: Tổ chức tuyên truyền, phổ biến pháp luật tại cơ sở.\n" * 12_000
    spec = write(tmp_path, MINIMAL.replace("          - diem: Nâng cao nhận thức.\n", items))
    out = tmp_path / "ke-hoach.docx"
    result = runner.invoke(app, ["render", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "bom" not in result.output and result.exception is None
    with pytest.raises(UnreadableFileError, match="bom nén"):
        verify_docx_bytes(out.read_bytes(), out)
