"""The command line as a new user types it: mistakes in options and arguments are told in
Vietnamese, naming the option, with exit 2 — never click's English — and Ctrl-C is exit 2 too."""

from __future__ import annotations

import sys

import pytest

from drafter import cli


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["drafter", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return stop.value.code, captured.out + captured.err


@pytest.mark.parametrize("args, words", [
    (["new", "--no-input", "--year", "abc"], ["«--year»", "số nguyên"]),
    (["new", "--forse"], ["«--forse»", "không có tùy chọn", "--force"]),
    (["import"], ["«SOURCE»", "cần đối số"]),
    (["import", "a.docx"], ["«--output»", "cần tùy chọn"]),
    (["render", "a.yaml", "-o"], ["«-o»", "cần một giá trị"]),
    (["frobnicate"], ["«frobnicate»", "không có lệnh con"]),
    (["kinds", "extra"], ["«extra»", "không nhận thêm đối số"]),
    (["batch", "run", "--year", "20x6"], ["«--year»", "drafter batch run --help"]),
])
def test_usage_mistakes_are_vietnamese_and_exit_2(monkeypatch, capsys, args, words):
    code, text = _run(monkeypatch, capsys, *args)
    assert code == 2
    assert text.startswith("Lỗi: ")
    for word in words:
        assert word in text
    for english in ("Usage:", "Error", "Invalid value", "Missing", "No such", "Traceback"):
        assert english not in text


def test_help_and_success_keep_their_exit_codes(monkeypatch, capsys):
    assert _run(monkeypatch, capsys, "kinds")[0] == 0
    code, text = _run(monkeypatch, capsys, "new", "--help")
    assert code == 0 and "--no-input" in text


def test_ctrl_c_inside_a_command_says_stopped_and_exits_2(monkeypatch, capsys):
    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.presets.list_kinds", interrupted)
    code, text = _run(monkeypatch, capsys, "kinds")
    assert code == 2 and "Đã dừng." in text


@pytest.mark.parametrize("args", [
    ["new", "--no-input", "--kind", "hang-nam", "--unit", "tỉnh Khánh Hòa", "--year", "99999", "-o", "x.yaml"],
    ["new", "--no-input", "--kind", "hang-nam", "--unit", "tỉnh Khánh Hòa", "--year", "-5", "-o", "x.yaml"],
    ["batch", "run", "--kind", "hang-nam", "--province", "Khánh Hòa", "--year", "99999", "--out", "o"],
    ["batch", "roster", "--province", "Khánh Hòa", "--year", "0", "-o", "r.csv"],
])
def test_a_year_outside_the_plan_years_is_refused_before_any_date_is_built(monkeypatch, capsys, tmp_path, args):
    monkeypatch.chdir(tmp_path)
    code, text = _run(monkeypatch, capsys, *args)
    assert code == 2 and "«--year»" in text and "1945" in text and "Traceback" not in text
    assert not any(tmp_path.iterdir())


def test_an_unknown_unit_names_the_unit_option(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, text = _run(monkeypatch, capsys, "new", "--no-input", "--kind", "hang-nam", "--unit", "Atlantis",
                      "--year", "2026", "-o", "x.yaml")
    assert code == 1 and "trường «--unit»" in text and "«Atlantis»" in text
    source = tmp_path / "kh.txt"
    source.write_text("KẾ HOẠCH\nThực hiện\nI. MỤC ĐÍCH\nNội dung.\n", encoding="utf-8")
    code, text = _run(monkeypatch, capsys, "import", str(source), "-o", "x.yaml", "--unit", "Atlantis")
    assert code == 1 and "trường «--unit»" in text
    assert not (tmp_path / "x.yaml").exists()
