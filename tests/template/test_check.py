"""`drafter template check`: every problem at once, each with its place and a Vietnamese
explanation; ND30 faults of the template's fixed parts are caught by rendering a real plan."""

from __future__ import annotations

import json
import re

import docx
import pytest
from docx.shared import Pt
from typer.testing import CliRunner

from drafter.cli import app
from drafter.paths import DEFAULT_TEMPLATE
from drafter.template.lint import ERROR, WARNING, check_template

runner = CliRunner()


def _broken(path):
    """One template with every static fault of issue H, in body, table cell and header."""
    d = docx.Document(str(DEFAULT_TEMPLATE))
    d.add_paragraph("{{ ten_loai | }}")
    split = d.add_paragraph()
    split.add_run("Ký: {{ ngu").bold = True
    split.add_run("oi_ky }}")
    d.add_paragraph("{% if ten_loai == \u201cKẾ HOẠCH\u201d %}có{% endif %}")
    d.add_paragraph("Ghi chú {%p if ten_loai %}")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{{ so_van_ban }}")
    d.add_paragraph("{% for d in than %}{{ d.tieu_de }}{% endfor %}")
    d.add_paragraph("{{ nguoi_ky|center(80) }}")
    d.tables[1].cell(0, 0).add_paragraph("{{ chu_ky_so }}")
    d.sections[0].header.add_paragraph("{% if %}")
    style = d.styles["Nhiệm vụ"]
    style.element.getparent().remove(style.element)
    d.save(path)
    return path


# (rule, words of the place, words of the message); {n} is the number of the first paragraph
# added after the built-in template's own (which grows as the template does).
EXPECTED = [
    ("DTL103", "thân văn bản (word/document.xml), đoạn {n} «{{{{ ten_loai | }}}}»", "lỗi cú pháp"),
    ("H-TACH", "đoạn {n1} «Ký: {{{{ nguoi_ky }}}}»", "tách thành nhiều đoạn định dạng"),
    ("H-NHAY", "đoạn {n2}", "nháy cong"),
    ("DTL209", "đoạn {n3} «Ghi chú {{%p if ten_loai %}}»", "chữ «Ghi chú» bên cạnh sẽ mất"),
    ("DTL301", "đoạn {n5} «{{{{ so_van_ban }}}}»", "«so_van_ban», không có trong dữ liệu"),
    ("DTL301", "đoạn {n6}", "«d.tieu_de», không có"),
    ("DTL104", "đoạn {n7}", "bộ lọc «center» không có"),
    ("DTL301", "bảng 2 hàng 1 ô 1 «{{{{ chu_ky_so }}}}»", "«chu_ky_so»"),
    ("DTL101", "đầu trang (word/header2.xml), đoạn 2 «{{% if %}}»", "thiếu «{{% endif %}}»"),
    ("H-KIEU", "word/styles.xml", "thiếu kiểu «Nhiệm vụ»"),
]


def test_every_static_fault_is_reported_with_its_place_in_one_run(tmp_path):
    problems = check_template(_broken(tmp_path / "mau.docx"))
    first = next(p.where for p in problems if p.rule == "DTL103")
    n = int(re.search(r"đoạn (\d+)", first).group(1))
    numbers = {"n": n, **{f"n{k}": n + k for k in range(1, 8)}}
    for rule, where, words in [(r, w.format(**numbers), m.format(**numbers)) for r, w, m in EXPECTED]:
        assert any(p.rule == rule and where in p.where and words in p.message for p in problems), (rule, where)
    assert {p.rule for p in problems if p.severity == WARNING} >= {"H-TACH", "H-NHAY"}
    # loop variables of a template with a syntax error are not reported as unknown
    assert not any("«d.noi_dung»" in p.message or "«dong»" in p.message for p in problems)
    assert len([p for p in problems if p.severity == ERROR]) == 8


@pytest.mark.timeout(120)
def test_static_nd30_faults_are_caught_by_rendering_a_real_plan(tmp_path):
    d = docx.Document(str(DEFAULT_TEMPLATE))
    d.styles["Nội dung"].font.size = Pt(12)
    for paragraph in list(d.tables[0].cell(0, 1).paragraphs):
        if paragraph.style.name == "Đường kẻ tiêu ngữ":
            paragraph._p.getparent().remove(paragraph._p)
    d.sections[0].different_first_page_header_footer = False
    d.save(tmp_path / "mau.docx")
    result = runner.invoke(app, ["template", "check", str(tmp_path / "mau.docx")])
    assert result.exit_code == 1
    rules = {p.rule for p in check_template(tmp_path / "mau.docx") if p.severity == ERROR}
    assert rules == {"ND30-P4", "ND30-H6", "ND30-D1"}
    for words in ("12 pt", "Tiêu ngữ", "trang đầu"):
        assert words in result.output
    # the size finding names the style legal staff change in Word
    assert any(p.rule == "ND30-D1" and "(kiểu «Nội dung»)" in p.where for p in check_template(tmp_path / "mau.docx"))


@pytest.mark.timeout(120)
def test_the_built_in_template_passes_and_json_is_available():
    result = runner.invoke(app, ["template", "check", "ke-hoach"])
    assert result.exit_code == 0, result.output
    assert "không có lỗi" in result.output
    data = json.loads(runner.invoke(app, ["template", "check", str(DEFAULT_TEMPLATE), "--format", "json"]).output)
    assert data["van_de"] == []


@pytest.mark.timeout(120)
def test_a_hostile_template_is_a_finding_not_a_traceback(tmp_path):
    d = docx.Document(str(DEFAULT_TEMPLATE))
    d.add_paragraph("{{ 'A' * 10**9 }}")
    d.save(tmp_path / "mau.docx")
    result = runner.invoke(app, ["template", "check", str(tmp_path / "mau.docx")])
    assert result.exit_code == 1
    assert "giới hạn an toàn" in result.output and "Traceback" not in result.output


def test_a_file_that_is_not_a_template(tmp_path):
    bad = tmp_path / "mau.docx"
    bad.write_text("không phải docx", encoding="utf-8")
    result = runner.invoke(app, ["template", "check", str(bad)])
    assert result.exit_code == 1
    assert "không phải tệp Word" in result.output


@pytest.mark.timeout(120)
def test_curly_quotes_and_split_tags_are_warnings_because_docxtpl_mends_them(tmp_path):
    """docxtpl straightens Word's curly quotes inside tags and joins a tag's runs, so these two
    are warnings (fix them for tidiness), and the template renders what was meant."""
    d = docx.Document(str(DEFAULT_TEMPLATE))
    heading = next(p for p in d.paragraphs if p.text == '{%p if d.kieu == "muc" %}')
    heading.runs[0].text = "{%p if d.kieu == \u201cmuc\u201d %}"
    signer = d.tables[1].cell(0, 1).paragraphs[-1]
    signer.runs[0].text = "{{ nguoi"
    signer.add_run("_ky }}").italic = True
    d.save(tmp_path / "mau.docx")
    problems = check_template(tmp_path / "mau.docx")
    assert sorted(p.rule for p in problems) == ["H-NHAY", "H-TACH"]
    assert all(p.severity == WARNING for p in problems)
    assert "bảng 2 hàng 1 ô 2" in next(p.where for p in problems if p.rule == "H-TACH")
