"""«Sửa toàn văn»: the answers text opens in $VISUAL; an invalid text is shown with its line and
reopened, or given up with the text kept in a file."""

import sys

import pytest
from wizardhelp import DOWN, ENTER, drive

from drafter.answers import load_plan
from test_wizard_flows import PROVINCE_DEFAULTS

EDITOR = '''
import pathlib, sys
path, count = pathlib.Path(sys.argv[1]), pathlib.Path(__file__).with_suffix(".n")
n = int(count.read_text()) if count.exists() else 0
count.write_text(str(n + 1))
text = path.read_text(encoding="utf-8")
if n == 0 or "{always_break}" == "yes":
    text = text.replace("\\ntrich_yeu:", "\\ntrich_yeu_sai:")
else:
    text = text.replace("\\ntrich_yeu_sai:", "\\ntrich_yeu:").replace("tỉnh năm 2026", "tỉnh Khánh Hòa năm 2026")
path.write_text(text, encoding="utf-8")
'''
ANSWERS = "kh-hang-nam-tinh-khanh-hoa-2026.yaml"


def _editor(tmp_path, monkeypatch, always_break: bool):
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.replace("{always_break}", "yes" if always_break else "no"), encoding="utf-8")
    monkeypatch.setenv("VISUAL", f'"{sys.executable}" "{script}"')


@pytest.mark.timeout(30)
def test_invalid_edit_is_shown_and_reopened(in_tmp, monkeypatch):
    _editor(in_tmp, monkeypatch, always_break=False)
    run = drive(PROVINCE_DEFAULTS + DOWN + ENTER + ENTER + ENTER)  # editor; reopen; write
    assert run.code == 0, run.screen
    assert "trich_yeu_sai" in run.screen and "dòng" in run.screen  # the error names the field and line
    plan = load_plan(in_tmp / ANSWERS)
    assert plan.trich_yeu == ["Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Khánh Hòa năm 2026"]


@pytest.mark.timeout(30)
def test_given_up_edit_keeps_the_text(in_tmp, monkeypatch):
    _editor(in_tmp, monkeypatch, always_break=True)
    run = drive(PROVINCE_DEFAULTS + DOWN + ENTER + DOWN + ENTER + ENTER)  # editor; give up; write
    assert run.code == 0, run.screen
    kept = in_tmp / "kh-hang-nam-tinh-khanh-hoa-2026.sua-do.yaml"
    assert "trich_yeu_sai:" in kept.read_text(encoding="utf-8")
    assert load_plan(in_tmp / ANSWERS).trich_yeu == ["Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh năm 2026"]
