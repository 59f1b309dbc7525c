"""`drafter new --no-input`, `kinds`, `bases`, `units` through the real command line."""

import zipfile

from typer.testing import CliRunner

from drafter.answers import load_plan
from drafter.cli import app

runner = CliRunner()


def test_new_then_render(tmp_path):
    spec, docx_path = tmp_path / "kh.yaml", tmp_path / "kh.docx"
    result = runner.invoke(app, ["new", "--kind", "trien-khai-luat", "--unit", "bac nha trang", "--year", "2026",
                                 "--signer", "Nguyễn Văn A", "--no-input", "-o", str(spec)])
    assert result.exit_code == 0, result.output
    plan = load_plan(spec)
    assert plan.co_quan.unit_name == "phường Bắc Nha Trang" and plan.chu_ky.nguoi_ky == "Nguyễn Văn A"
    again = runner.invoke(app, ["new", "--kind", "trien-khai-luat", "--unit", "bac nha trang", "--year", "2026",
                                "--no-input", "-o", str(spec)])
    assert again.exit_code == 2
    rendered = runner.invoke(app, ["render", str(spec), "-o", str(docx_path)])
    assert rendered.exit_code == 0, rendered.output
    assert zipfile.is_zipfile(docx_path)


def test_ambiguous_unit_lists_candidates(tmp_path):
    result = runner.invoke(app, ["new", "--kind", "hang-nam", "--unit", "Tân Định", "--year", "2026",
                                 "--no-input", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "tỉnh Khánh Hòa" in result.output and "Thành phố Hồ Chí Minh" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_listings():
    assert "trien-khai-luat" in runner.invoke(app, ["kinds"]).output
    assert "59/2023/NĐ-CP" in runner.invoke(app, ["bases"]).output
    assert "phường Bắc Nha Trang" in runner.invoke(app, ["units", "bac nha trang"]).output
