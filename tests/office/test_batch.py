"""`drafter batch run … --pdf`: every commune of Khánh Hòa (65 plans) rendered and converted in ONE
LibreOffice session, and a sample of them checked page by page."""

from __future__ import annotations

import subprocess

import pytest

from typer.testing import CliRunner

from drafter.cli import app
from drafter.office import soffice as soffice_module
from drafter.office.layout_check import page_findings
from drafter.office.soffice import missing_reason

pytestmark = pytest.mark.skipif(missing_reason() is not None,
                                reason=f"LibreOffice không có, bỏ qua: {missing_reason()}")
SAMPLE_EVERY = 8  # page rules on every 8th plan: they have been checked on all kinds already


@pytest.mark.timeout(400)
def test_batch_run_pdf_converts_every_commune_in_one_libreoffice_session(tmp_path, monkeypatch):
    """`drafter batch run … --pdf` for Khánh Hòa: 65 plans, 65 PDFs, one LibreOffice launch."""
    calls = []
    real_popen = subprocess.Popen

    def counting_popen(command, *args, **kwargs):
        calls.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(soffice_module.subprocess, "Popen", counting_popen)
    out = tmp_path / "ke-hoach"
    result = CliRunner().invoke(app, ["batch", "run", "--kind", "hang-nam", "--province", "Khánh Hòa",
                                      "--year", "2026", "--out", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    docs = sorted(out.glob("*.docx"))
    pdfs = sorted(out.glob("*.pdf"))
    assert len(docs) == 65 and [p.stem for p in pdfs] == [d.stem for d in docs]
    assert len(calls) == 1 and sum(str(a).endswith(".docx") for a in calls[0]) == 65
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    for docx, pdf in list(zip(docs, pdfs))[::SAMPLE_EVERY]:
        errors = [f.message for f in page_findings(docx.read_bytes(), docx, pdf) if f.is_error]
        assert errors == [], docx.name
