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


import pytest  # noqa: E402

from drafter.check import check_file  # noqa: E402


@pytest.mark.parametrize("kind", ["trien-khai-luat", "hang-nam", "trien-khai-nghi-quyet"])
@pytest.mark.parametrize("unit, year", [("Khánh Hòa", 2026), ("bac nha trang", 2026), ("Bình Phước", 2024)])
def test_scaffolded_plans_pass_the_checker(tmp_path, kind, unit, year):
    spec, out = tmp_path / "kh.yaml", tmp_path / "kh.docx"
    made = runner.invoke(app, ["new", "--kind", kind, "--unit", unit, "--year", str(year), "--signer", "Nguyễn Văn A",
                               "--no-input", "-o", str(spec)])
    if made.exit_code == 1 and "không có" in made.output:
        pytest.skip(made.output)
    assert made.exit_code == 0, made.output
    assert runner.invoke(app, ["render", str(spec), "-o", str(out)]).exit_code == 0
    errors = [f for f in check_file(out) if f.severity == "error"]
    assert errors == [], errors
    assert runner.invoke(app, ["check", str(out)]).exit_code == 0


def test_units_without_match_says_so():
    """`drafter units` used to print nothing and exit 0 for a name or code it did not know."""
    typo = runner.invoke(app, ["units", "bac nha trag"])
    assert typo.exit_code == 1 and "không tìm thấy" in typo.output and "Bắc Nha Trang" in typo.output
    code = runner.invoke(app, ["units", "99999"])
    assert code.exit_code == 1 and "«99999»" in code.output
    gone = runner.invoke(app, ["units", "tỉnh Bình Dương"])
    assert gone.exit_code == 1 and "Thành phố Hồ Chí Minh" in gone.output
    assert "Traceback" not in typo.output + code.output + gone.output
