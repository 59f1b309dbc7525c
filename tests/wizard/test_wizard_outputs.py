"""`drafter new --template … --pdf`: the wizard renders with the chosen template and writes the PDF
beside the DOCX; with --no-input (answers file only) both options are refused with a message."""

import shutil

import docx
import pytest
from docx.shared import Pt
from typer.testing import CliRunner
from wizardhelp import ENTER, drive

from drafter.cli import app
from drafter.office.soffice import missing_reason
from drafter.paths import DEFAULT_TEMPLATE, PRESETS

EXAMPLE = PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml"


@pytest.mark.timeout(180)
@pytest.mark.skipif(missing_reason() is not None, reason=f"LibreOffice không có, bỏ qua: {missing_reason()}")
def test_wizard_renders_with_the_template_and_writes_the_pdf(in_tmp):
    template = in_tmp / "mau-13pt.docx"
    shutil.copy(DEFAULT_TEMPLATE, template)
    edited = docx.Document(str(template))
    edited.styles["Nội dung"].font.size = Pt(13)  # a province's own body size
    edited.save(str(template))
    run = drive(ENTER * 40, source=EXAMPLE, template=template, pdf=True)
    assert run.code in (0, 1), run.screen
    written = in_tmp / f"{EXAMPLE.stem}-moi.docx"
    assert written.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    assert docx.Document(str(written)).styles["Nội dung"].font.size == Pt(13)


@pytest.mark.parametrize("option", [["--pdf"], ["--template", "ke-hoach"]])
def test_no_input_refuses_document_options(tmp_path, option):
    result = CliRunner().invoke(app, ["new", "--kind", "hang-nam", "--unit", "Khánh Hòa", "--year", "2026",
                                      "--no-input", "-o", str(tmp_path / "kh.yaml"), *option])
    assert result.exit_code == 2
    assert "drafter render" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "kh.yaml").exists()
