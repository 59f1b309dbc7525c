"""Rendering: values survive literally, templates are sandboxed and strict, the committed
template is what the builder makes, writes are atomic and never clobber."""

import io
import unicodedata
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drafter.cli import app
from drafter.document.build_template import build
from drafter.document.render import render_docx
from drafter.document.text import paragraph_texts
from drafter.errors import TemplateError
from drafter.paths import DEFAULT_TEMPLATE
from drafter.plan.model import Plan

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
SPECIALS = "&<>\"'\t\n  {}%#/;:.,-–"
inner = st.text(alphabet=LETTERS + SPECIALS + "0123456789", max_size=40)
value = st.builds(lambda a, b, c: f"{a}{b}{c}", st.sampled_from(LETTERS), inner, st.sampled_from(LETTERS))


def _spec(subject, basis, point, item, task, recipient, signer):
    return {
        "co_quan": {"cap": "xa", "loai": "xã", "ten": "Tân Định"},
        "ngay": "2025-11-05",
        "trich_yeu": [subject],
        "can_cu": [{"can_cu": basis}],
        "noi_dung": [{"muc": "Nội dung", "noi_dung": [
            {"khoan": "Khoản", "noi_dung": [{"diem": point}, {"y": item}, {"nhiem_vu": {"chu_tri": task}}]},
        ]}, "Kết thúc."],
        "noi_nhan": [recipient],
        "chu_ky": {"nguoi_ky": signer},
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value, value, value, value, value, value, value)
def test_every_value_reads_back_literally(subject, basis, point, item, task, recipient, signer):
    plan = Plan.model_validate(_spec(subject, basis, point, item, task, recipient, signer))
    document = docx.Document(io.BytesIO(render_docx(plan)))
    text = "\n".join(paragraph_texts(document, keep_empty=True))
    for original in (subject, basis, point, item, task, recipient, signer):
        expected = unicodedata.normalize("NFC", original).strip()
        assert expected in text, f"{expected!r} missing"


def test_line_breaks_become_paragraphs_not_soft_breaks():
    plan = Plan.model_validate(_spec("Dòng một\nDòng hai", "căn cứ", "a & b < c", "ý", "Sở", "UBND tỉnh", "A"))
    data = render_docx(plan)
    document = docx.Document(io.BytesIO(data))
    texts = paragraph_texts(document)
    assert "Dòng một" in texts and "Dòng hai" in texts
    assert "a) a & b < c" in texts
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:br/>" not in xml
    assert "a &amp; b &lt; c" in xml


def _template_with(tmp_path, text: str):
    document = docx.Document(str(DEFAULT_TEMPLATE))
    document.add_paragraph(text)
    path = tmp_path / "mau.docx"
    document.save(path)
    return path


def test_missing_template_variable_is_an_error(tmp_path, example_000):
    with pytest.raises(TemplateError) as info:
        render_docx(example_000, _template_with(tmp_path, "{{ khong_co_bien_nay }}"))
    assert "khong_co_bien_nay" in str(info.value) and "mau.docx" in str(info.value)


def test_template_cannot_reach_python_internals(tmp_path, example_000):
    with pytest.raises(TemplateError) as info:
        render_docx(example_000, _template_with(tmp_path, "{{ ten_loai.__class__.__mro__ }}"))
    assert "không được phép" in str(info.value) or "không có" in str(info.value)


def test_template_that_is_not_a_docx(tmp_path, example_000):
    bad = tmp_path / "mau.docx"
    bad.write_text("không phải docx", encoding="utf-8")
    with pytest.raises(TemplateError):
        render_docx(example_000, bad)


def test_committed_template_matches_its_builder(tmp_path):
    built = build(tmp_path / "ke-hoach.docx")
    with zipfile.ZipFile(built) as fresh, zipfile.ZipFile(DEFAULT_TEMPLATE) as committed:
        assert sorted(fresh.namelist()) == sorted(committed.namelist())
        for name in fresh.namelist():
            assert fresh.read(name) == committed.read(name), f"{name} differs: run python tools/build_template.py"


def test_template_layout_properties():
    document = docx.Document(str(DEFAULT_TEMPLATE))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    header, signature = document.tables
    for table in (header, signature):
        assert 'w:type="fixed"' in table._tbl.xml
    assert "w:cantSplit" in signature._tbl.xml
    fonts = document.styles.element.find(".//{*}rPrDefault//{*}rFonts")
    assert {v for k, v in fonts.attrib.items()} == {"Times New Roman"}


runner = CliRunner()


def test_cli_render_writes_atomically_and_refuses_to_clobber(tmp_path, minimal_spec):
    out = tmp_path / "ke-hoach.docx"
    first = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert zipfile.is_zipfile(out)
    out.write_bytes(b"ban cua nguoi dung")
    second = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out)])
    assert second.exit_code == 2
    assert out.read_bytes() == b"ban cua nguoi dung"
    assert "--force" in second.output
    third = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out), "--force"])
    assert third.exit_code == 0 and zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_invalid_input_exits_1_and_leaves_no_output(tmp_path, minimal_spec):
    minimal_spec.write_text(minimal_spec.read_text(encoding="utf-8") + "khoa_la: 1\n", encoding="utf-8")
    out = tmp_path / "ke-hoach.docx"
    result = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out)])
    assert result.exit_code == 1
    assert "khoa_la" in result.output and "dòng 13" in result.output
    assert not out.exists()


def test_cli_render_exits_1_when_its_own_check_finds_errors(tmp_path, minimal_spec):
    # A law cited with its number is an ND30-C3 error: the document is still written, the
    # errors are listed, and the exit code tells a script that the plan is not ND30-clean.
    text = minimal_spec.read_text(encoding="utf-8").replace(
        "noi_dung:\n  - muc", "can_cu:\n  - can_cu: Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15\nnoi_dung:\n  - muc", 1)
    minimal_spec.write_text(text, encoding="utf-8")
    out = tmp_path / "ke-hoach.docx"
    result = runner.invoke(app, ["render", str(minimal_spec), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert zipfile.is_zipfile(out)
    assert "ND30-C3" in result.output
