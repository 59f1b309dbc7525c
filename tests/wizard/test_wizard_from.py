"""`drafter new --from`: Enter at every prompt gives back the same document; with --year,
next year's edition, its changes listed at the review screen."""

import datetime as dt

import pytest
from typer.testing import CliRunner
from wizardhelp import DOWN, ENTER, docx_text, drive

from drafter.answers import dump_plan, load_plan
from drafter.check import check_file
from drafter.cli import app
from drafter.document.render import render_docx
from drafter.paths import PRESETS
from drafter.presets import scaffold

EXAMPLES = sorted((PRESETS / "examples").glob("*.yaml"))


@pytest.mark.timeout(45)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_enter_everywhere_gives_the_same_document(in_tmp, example):
    run = drive(ENTER * 40, source=example)
    assert run.code in (0, 1), run.screen
    written = in_tmp / f"{example.stem}-moi.yaml"
    assert docx_text(written.with_suffix(".docx")) == docx_text(render_docx(load_plan(example)))
    # the same plan: its answers written out are the same (drafter spells out defaults such as tieu_de)
    assert dump_plan(load_plan(written)) == dump_plan(load_plan(example))


@pytest.fixture
def last_year(in_tmp):
    """A plan of Khánh Hòa dated 10/3/2025, before the reform: old agency names, the 2015 law."""
    plan = scaffold("trien-khai-luat", "Khánh Hòa", 2025, "Nguyễn Văn A", date=dt.date(2025, 3, 10))
    path = in_tmp / "kh-2025.yaml"
    path.write_text(dump_plan(plan), encoding="utf-8")
    return path


@pytest.mark.timeout(45)
def test_from_last_year_with_year_lists_the_changes(in_tmp, last_year):
    run = drive(ENTER * 40, source=last_year, year=2026)
    assert run.code == 0, run.screen
    screen = " ".join(run.screen.split())
    assert "Thay đổi so với bản năm trước" in screen
    assert "Ngày: «10/3/2025» → «10/3/2026» (sang năm mới)" in screen
    assert "«Sở Thông tin và Truyền thông» → «Sở Khoa học và Công nghệ»" in screen
    assert "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015» → «Luật Tổ chức chính quyền " \
           "địa phương ngày 16 tháng 6 năm 2025» (được thay thế từ ngày 01/7/2025)" in screen
    plan = load_plan(in_tmp / "kh-2026.yaml")
    assert plan.ngay == dt.date(2026, 3, 10)
    text = "\n".join(docx_text(in_tmp / "kh-2026.docx"))
    assert "Sở Thông tin và Truyền thông" not in text and "năm 2015" not in text
    assert [f for f in check_file(in_tmp / "kh-2026.docx") if f.is_error] == []


def test_from_with_year_without_prompts(in_tmp, last_year):
    result = CliRunner().invoke(app, ["new", "--from", str(last_year), "--year", "2026", "--no-input",
                                      "-o", "moi.yaml"])
    assert result.exit_code == 0, result.output
    assert "«Sở Thông tin và Truyền thông» → «Sở Khoa học và Công nghệ»" in " ".join(result.output.split())
    assert load_plan(in_tmp / "moi.yaml").ngay == dt.date(2026, 3, 10)


def test_without_a_terminal_the_wizard_refuses_in_one_line(in_tmp):
    result = CliRunner().invoke(app, ["new"], input="")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "--no-input" in lines[0] and "drafter render" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.timeout(45)
def test_an_issuer_chosen_anew_leaves_no_stale_note_at_review(in_tmp):
    """Last year's issuer was merged at the reform: the edition notes it; once the user picks the
    new unit at step 2, the review screen no longer asks to look at the old one again."""
    plan = scaffold("trien-khai-luat", "tỉnh Bình Dương", 2025, "Nguyễn Văn A", date=dt.date(2025, 3, 10))
    source = in_tmp / "bd-2025.yaml"
    source.write_text(dump_plan(plan), encoding="utf-8")
    keys = DOWN + ENTER + ENTER + "Hồ Chí Minh" + ENTER + ENTER * 40
    run = drive(keys, source=source, year=2026)
    assert run.code in (0, 1), run.screen
    screen = " ".join(run.screen.split())
    assert "Đã đổi đơn vị ban hành thành Thành phố Hồ Chí Minh" in screen
    review = screen[screen.index("Thay đổi so với bản năm trước"):]
    assert "Đơn vị ban hành: cần xem lại" not in review
    assert load_plan(in_tmp / "bd-2026.yaml").co_quan.ten == "Hồ Chí Minh"
