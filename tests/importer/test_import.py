"""`drafter import`: plans read back into answers files — round trips through drafter's own
output, the real plans of shared/seeds, and the command line."""

from __future__ import annotations

from pathlib import Path


import pytest
from typer.testing import CliRunner

from drafter.answers import dump_plan, load_plan
from drafter.cli import app
from drafter.document.render import render_docx
from drafter.importer import import_file
from drafter.importer.command import unit_fields
from drafter.plan.layout import text_lines
from drafter.presets import scaffold

from tests.conftest import EXAMPLES, SHARED
from tests.importer.wordcompare import recall_precision

runner = CliRunner()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
# Seed 001 is a dump that lost its whole header: the user names the unit, as `--unit` does.
SEED_UNITS = {"001": "tỉnh Bình Thuận"}


def _round_trip(plan, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(render_docx(plan))
    again, report = import_file(path)
    return again, report


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip(example, tmp_path):
    plan = load_plan(example)
    again, report = _round_trip(plan, tmp_path)
    if not plan.chu_ky.thay_mat:  # 003 reproduces a real plan without "TM.": the import adds it, and says so
        assert any("TM. ỦY BAN NHÂN DÂN" in n.message for n in report.of("corrected"))
        plan = plan.model_copy(update={"chu_ky": plan.chu_ky.model_copy(update={"thay_mat": True})})
    assert text_lines(again) == text_lines(plan)
    assert report.of("unplaced") == []
    # the answers file written from the import is itself valid and renders the same text
    spec = tmp_path / "again.yaml"
    spec.write_text(dump_plan(again), encoding="utf-8")
    assert text_lines(load_plan(spec)) == text_lines(plan)


@pytest.mark.parametrize("kind", ["trien-khai-luat", "hang-nam", "trien-khai-nghi-quyet"])
@pytest.mark.parametrize("unit, year", [("Khánh Hòa", 2026), ("bac nha trang", 2026), ("Bình Phước", 2024)])
def test_scaffolded_plans_round_trip(kind, unit, year, tmp_path):
    from drafter.errors import DrafterError

    try:
        plan = scaffold(kind, unit, year, "Nguyễn Văn A")
    except DrafterError as exc:  # a kind that has no preset for that level or era
        pytest.skip(str(exc))
    again, report = _round_trip(plan, tmp_path)
    assert text_lines(again) == text_lines(plan)
    assert report.of("unplaced") == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seeds_import_and_reproduce_their_words(seed, tmp_path):
    unit = SEED_UNITS.get(seed.stem[:3])
    plan, report = import_file(seed, unit=unit_fields(unit) if unit else None)
    assert report.of("unplaced") == []
    source = seed.read_text(encoding="utf-8")
    rendered = _without_added_header(plan, report)
    recall, precision = recall_precision(source, "\n".join(rendered))
    assert recall >= 0.99 and precision >= 0.99, (recall, precision, report.text())
    # the imported answers render to a plan with no ND30 error but those of the source's own words
    # (003 cites Nghị định 61/2023 with a wrong date: the import keeps words, the checker says so)
    from drafter.check import check_docx_bytes, check_plain_text

    in_source = {f.rule for f in check_plain_text(source) if f.severity == "error"}
    errors = [f for f in check_docx_bytes(render_docx(plan)) if f.severity == "error" and f.rule not in in_source]
    assert errors == [], errors


def _without_added_header(plan, report) -> list[str]:
    """The rendered lines less the header parts that the dump lost and drafter added back (each
    listed in the report): they are ND30 additions, not words of the source."""
    from drafter.plan.layout import issuer_lines
    from drafter.rules import rules

    lines = text_lines(plan)
    added: list[str] = []
    notes = " ".join(n.message for n in report.notes)
    if "Quốc hiệu" in notes:
        added += [rules().thanh_phan.quoc_hieu.van_ban, rules().thanh_phan.tieu_ngu.van_ban]
    if "cơ quan ban hành" in notes:
        added += issuer_lines(plan)
    if "trích yếu" in notes:  # 001 lost its whole header: compare from the preamble on
        return lines[lines.index(plan.trich_yeu[-1]) + 1:]
    for line in added:
        lines.remove(line)
    return lines


def test_seed_numbering_jump_is_corrected_and_reported():
    seed = next(s for s in SEEDS if s.stem.startswith("004"))
    plan, report = import_file(seed)
    corrected = [n.message for n in report.of("corrected")]
    assert any("«c» đổi thành «b»" in m for m in corrected), report.text()
    assert "b) Tổ chức tuyên truyền Luật" in "\n".join(text_lines(plan))


def test_missing_header_is_guessed_from_lead_in_and_place():
    seed = next(s for s in SEEDS if s.stem.startswith("003"))
    plan, report = import_file(seed)
    assert plan.co_quan.unit_name == "tỉnh Bình Phước"
    assert any("Bình Phước" in n.message for n in report.of("guess"))


def test_cli_writes_answers_and_report(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(render_docx(load_plan(EXAMPLES[0])))
    out = tmp_path / "answers.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert text_lines(load_plan(out)) == text_lines(load_plan(EXAMPLES[0]))
    again = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert again.exit_code == 2 and "đã tồn tại" in again.output
    as_json = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "b.yaml"), "--format", "json"])
    assert as_json.exit_code == 0 and '"ghi_chu"' in as_json.output


@pytest.mark.parametrize("name, content, message", [
    ("plan.xyz", b"abc", "không đọc được loại tệp"),
    ("plan.docx", b"not a zip", "Word"),
    ("plan.txt", "Hello world, this is not a plan.".encode(), "không thấy cấu trúc"),
])
def test_cli_refuses_what_is_not_a_plan(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code in (1, 2)
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "a.yaml").exists()


def test_decimal_numbering_tables_and_appendices_are_read_back(tmp_path):
    """The plan constructs of the answers format come back as the same constructs."""
    decimal = load_plan(next(p for p in EXAMPLES if p.stem.startswith("005")))
    again, _ = _round_trip(decimal, tmp_path)
    assert again.danh_so == "thap_phan" or any(m.danh_so == "thap_phan" for m in again.noi_dung)
    assert again.ghi_chu_luu == decimal.ghi_chu_luu
    tables = load_plan(next(p for p in EXAMPLES if p.stem.startswith("006")))
    again, report = _round_trip(tables, tmp_path)
    assert [bool(p.landscape) for p in again.phu_luc] == [bool(p.landscape) for p in tables.phu_luc]
    assert any("Kèm theo" in n.message for n in report.of("corrected"))


PIPE_PLAN = """ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Khánh Hòa, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Tập huấn năm 2026

I. NỘI DUNG
1. Tổ chức các lớp tập huấn theo bảng sau:
| STT | Nội dung | Kinh phí (đồng) |
|---|---|---|
| 1 | Tập huấn cấp tỉnh | 25.000.000 |
| 2 | Tập huấn cấp xã |
II. TỔ CHỨC THỰC HIỆN
Sở Nội vụ chủ trì thực hiện./.

Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT, NV.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def test_pipe_rows_in_text_are_a_table(tmp_path):
    source = tmp_path / "ke-hoach.txt"
    source.write_text(PIPE_PLAN, encoding="utf-8")
    plan, report = import_file(source)
    assert report.of("unplaced") == []
    table = plan.noi_dung[0].noi_dung[0].noi_dung[0].bang
    assert [c.ten for c in table.cot] == ["STT", "Nội dung", "Kinh phí (đồng)"]
    assert table.hang[1] == ["2", "Tập huấn cấp xã", None]  # the short row padded with an empty cell
    assert "25.000.000" in text_lines(plan)


@pytest.mark.timeout(120)
def test_last_years_plan_file_becomes_next_years_edition(tmp_path):
    """drafter import, then drafter new --from <imported>.yaml --year: next year's changes, listed."""
    from drafter.check import check_file

    source = tmp_path / "kh-2023.docx"
    source.write_bytes(render_docx(load_plan(EXAMPLES[0])))
    imported = tmp_path / "kh-2023.yaml"
    assert runner.invoke(app, ["import", str(source), "-o", str(imported)]).exit_code == 0
    answers = tmp_path / "kh-2026.yaml"
    result = runner.invoke(app, ["new", "--from", str(imported), "--year", "2026", "--no-input", "-o", str(answers)])
    assert result.exit_code == 0, result.output
    assert "«31/10/2023» → «31/10/2026»" in result.output  # the date, moved
    assert "«Sở Thông tin và Truyền thông» → «Sở Khoa học và Công nghệ»" in result.output  # an abolished name
    assert "năm 2023 → 2026" in result.output
    docx_path = tmp_path / "kh-2026.docx"
    assert runner.invoke(app, ["render", str(answers), "-o", str(docx_path)]).exit_code == 0
    assert [f for f in check_file(docx_path) if f.is_error] == []
    # the plan file itself works as well: imported on the way, its report shown
    direct = runner.invoke(app, ["new", "--from", str(source), "--year", "2026", "--no-input",
                                 "-o", str(tmp_path / "kh-2026b.yaml")])
    assert direct.exit_code == 0 and "điều cần lưu ý" in direct.output
    assert (tmp_path / "kh-2026b.yaml").read_text(encoding="utf-8") == answers.read_text(encoding="utf-8")


def test_odt_import_finds_libreoffice_as_pdf_export_does(tmp_path, monkeypatch):
    """.doc/.odt/.rtf go through the same LibreOffice runner as PDF export: DRAFTER_SOFFICE is
    honoured, and a missing program is a Vietnamese message with exit 2, nothing written."""
    source = tmp_path / "plan.odt"
    source.write_bytes(b"PK\x03\x04 an office file")
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-soffice"))
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 2
    assert "DRAFTER_SOFFICE" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "a.yaml").exists()


REAL = sorted((Path(__file__).parents[1] / "check" / "real").glob("*.txt"))


@pytest.mark.parametrize("source", [p for p in REAL if not p.stem.startswith(("dak-lak", "lang-son"))],
                         ids=lambda p: p.stem)
def test_real_web_copies_give_issuer_number_and_date(source):
    """Openings of real plans copied from web pages (tests/check/real/SOURCES.md): the header may be
    "|" cells and may have lost the unit line; the importer still finds the issuing province (from
    the lead-in or the date line's place), the number and the date. Đắk Lắk's copy has no title and
    Lạng Sơn's no date line, so neither has a header to read."""
    from drafter.units.normalize import plain_key

    plan, report = import_file(source)
    province, number, *_ = source.stem.split("-kh-")[0].rsplit("-", 1) + [None]
    assert plain_key(plan.co_quan.ten) == province.replace("-", "")
    assert plan.so == int(number)
    assert plan.ngay is not None and plan.ngay.year == int(source.stem[-4:])
    assert report.of("unplaced") == []
