"""Answers the wizard validates, and files it reads, fail with a Vietnamese message."""

import datetime as dt

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import InputError
from drafter.wizard import naming, state as resume
from drafter.wizard.dates import DateProblem, PlanDate, parse
from drafter.wizard.state import State

runner = CliRunner()


@pytest.mark.parametrize("typed, message", [
    ("31/02/2026", "không có trong lịch"),
    ("15/03/2025", "không thuộc năm 2026"),
    ("13/2026", "tháng 13 không có"),
    ("ngày mai", "ghi ngày dạng"),
])
def test_bad_dates_are_refused_with_a_reason(typed, message):
    with pytest.raises(DateProblem, match=message):
        parse(typed, 2026, legacy=False)


def test_dates_that_are_accepted():
    assert parse("", 2026, False) == PlanDate()
    assert parse("5/3/2026", 2026, False) == PlanDate(day=dt.date(2026, 3, 5))
    assert parse("10/2026", 2026, False).fields(2026) == {"nam": 2026, "thang": 10}
    with pytest.raises(DateProblem, match="chọn lại đơn vị"):
        parse("30/06/2025", 2025, legacy=False)  # before the reform, but a 2025-era unit was chosen


def test_resume_file_errors_name_the_file_and_field(tmp_path):
    bad = tmp_path / "x.dang-soan.yaml"
    bad.write_text("buoc: ba\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resume.load(bad)
    assert "buoc" in str(caught.value) and "dòng 1" in str(caught.value)


def test_resume_file_round_trip(tmp_path):
    st = State(buoc=5, loai="hang-nam", nam=2026, thay_doi=["Ngày: «1/1/2025» → «1/1/2026»"])
    path = resume.save(st, tmp_path / "a.dang-soan.yaml")
    assert resume.load(path) == st
    with pytest.raises(Exception):
        resume.save(st, path)  # an existing file is never replaced without being ours


def test_resume_needs_prompts():
    result = runner.invoke(app, ["new", "--resume", "x.yaml", "--no-input"])
    assert result.exit_code == 2 and "--resume" in result.output


def test_no_input_names_what_is_missing(tmp_path):
    result = runner.invoke(app, ["new", "--no-input", "--kind", "hang-nam"])
    assert result.exit_code == 2 and "--unit, --year, -o" in result.output


def test_suggested_names():
    assert naming.suggest("hang-nam", "phường Bắc Nha Trang", 2026) == \
        naming.Path("kh-hang-nam-phuong-bac-nha-trang-2026.yaml")
    assert naming.suggest(None, "", 2026, "kh-2025.yaml", 2025).name == "kh-2026.yaml"
    assert naming.suggest(None, "", 2025, "kh-2025.yaml", 2025).name == "kh-2025-moi.yaml"
    assert naming.outputs(naming.Path("a.docx")) == (naming.Path("a.yaml"), naming.Path("a.docx"))


def test_resume_file_with_an_unknown_field(tmp_path):
    bad = tmp_path / "x.dang-soan.yaml"
    bad.write_text("buoc: 3\nbuocc: 4\n", encoding="utf-8")
    with pytest.raises(InputError, match="dòng 2.*buocc"):
        resume.load(bad)


def test_an_answers_file_given_to_resume_points_to_from(tmp_path):
    """A user who passes last year's answers file to --resume is told to use --from, not that
    «phien_ban» is an unknown field."""
    from drafter.answers import dump_plan
    from drafter.presets import scaffold

    answers = tmp_path / "kh-2025.yaml"
    answers.write_text(dump_plan(scaffold("hang-nam", "phường Bắc Nha Trang", 2025, None)), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resume.load(answers)
    assert "tệp trả lời" in str(caught.value) and f"--from {answers}" in str(caught.value)


def test_the_year_question_takes_the_plan_models_years():
    from drafter.plan.model import YEAR_MAX, YEAR_MIN
    from drafter.wizard.steps_kind import _year_ok

    assert _year_ok(str(YEAR_MIN)) is True and _year_ok(str(YEAR_MAX)) is True
    assert f"từ {YEAR_MIN} đến {YEAR_MAX}" in _year_ok(str(YEAR_MAX + 1))
    assert "bốn chữ số" in _year_ok("hai nghìn")
