"""`drafter diff`: changes between two plans, section by section."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from drafter.answers import dump_plan, load_plan
from drafter.cli import app
from drafter.document.render import render_docx
from drafter.importer.diff import compare
from tests.conftest import EXAMPLES

runner = CliRunner()


def _edited(plan):
    """Next year's plan: one recipient dropped, one added, a paragraph moved between Mục, a task
    line reworded."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data["noi_nhan"] = data["noi_nhan"][1:] + ["Sở Tài chính"]
    first, last = data["noi_dung"][0], data["noi_dung"][-1]
    moved = first["noi_dung"].pop()
    last["noi_dung"].append(moved)
    return type(plan).model_validate(data), moved


def test_sections_name_what_changed():
    plan = load_plan(EXAMPLES[0])
    new, moved = _edited(plan)
    sections = {s.ten: s for s in compare(plan, new)}
    recipients = sections["Nơi nhận"]
    assert any("Sở Tài chính" in x for x in recipients.them)
    assert any(plan.noi_nhan[0] in x for x in recipients.bot)
    moved_text = next(moved[k] for k in ("khoan", "diem", "doan", "y") if k in moved)
    target = next(s for s in sections.values() if s.chuyen)
    assert target.ten.startswith("Mục «" + plan.noi_dung[-1].muc.upper())
    assert any(moved_text[:40] in x for x in target.chuyen)
    assert compare(plan, plan) == []


def test_cli_compares_a_plan_file_with_an_answers_file(tmp_path):
    plan = load_plan(EXAMPLES[0])
    new, _ = _edited(plan)
    old_docx = tmp_path / "cu.docx"
    old_docx.write_bytes(render_docx(plan))
    new_yaml = tmp_path / "moi.yaml"
    new_yaml.write_text(dump_plan(new), encoding="utf-8")
    same = runner.invoke(app, ["diff", str(old_docx), str(EXAMPLES[0])])
    assert same.exit_code == 0 and "như nhau" in same.output
    changed = runner.invoke(app, ["diff", str(old_docx), str(new_yaml), "--format", "json"])
    assert changed.exit_code == 1
    report = json.loads(changed.output)
    assert any(p["ten"] == "Nơi nhận" and any("Sở Tài chính" in x for x in p["them"]) for p in report["phan"])
    missing = runner.invoke(app, ["diff", str(tmp_path / "khong-co.yaml"), str(new_yaml)])
    assert missing.exit_code in (1, 2) and "Traceback" not in missing.output


def test_a_saved_wizard_run_is_not_read_as_a_plan(tmp_path):
    """`drafter new --from` and `drafter diff` given a «.dang-soan.yaml» point to --resume instead of
    listing every field of it as wrong."""
    from drafter.wizard.state import State, save

    saved = save(State(buoc=4, loai="hang-nam", nam=2026), tmp_path / "kh.dang-soan.yaml")
    for args in (["new", "--no-input", "--from", str(saved), "-o", str(tmp_path / "b.yaml")],
                 ["diff", str(saved), str(saved)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert f"drafter new --resume {saved}" in result.output and "buoc" not in result.output
