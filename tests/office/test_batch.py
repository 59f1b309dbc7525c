"""The batched path that `drafter batch … --pdf` will use: every commune of Khánh Hòa (65 plans)
rendered and converted in ONE LibreOffice session, and a sample of them checked page by page."""

from __future__ import annotations

import subprocess

import pytest

from drafter.document.render import render_docx
from drafter.office import convert_to_pdf
from drafter.office import soffice as soffice_module
from drafter.office.layout_check import page_findings
from drafter.office.soffice import missing_reason
from drafter.presets import scaffold
from drafter.units.registry import UnitRegistry

pytestmark = pytest.mark.skipif(missing_reason() is not None,
                                reason=f"LibreOffice không có, bỏ qua: {missing_reason()}")
SAMPLE_EVERY = 8  # page rules on every 8th plan: they have been checked on all kinds already


@pytest.mark.timeout(300)
def test_all_communes_of_khanh_hoa_convert_in_one_libreoffice_session(tmp_path, monkeypatch):
    communes = UnitRegistry.load().communes("Khánh Hòa")
    assert len(communes) == 65
    docs = []
    for n, unit in enumerate(communes):
        path = tmp_path / "docx" / f"{n:02d}-{unit.code}.docx"
        path.parent.mkdir(exist_ok=True)
        plan = scaffold("hang-nam", f"{unit.full_name}, Khánh Hòa", 2026, "Nguyễn Văn A")
        path.write_bytes(render_docx(plan))
        docs.append(path)

    calls = []
    real_popen = subprocess.Popen

    def counting_popen(command, *args, **kwargs):
        calls.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(soffice_module.subprocess, "Popen", counting_popen)
    pdfs = convert_to_pdf(docs, tmp_path / "pdf")
    assert len(calls) == 1 and sum(str(a).endswith(".docx") for a in calls[0]) == 65
    assert [p.stem for p in pdfs] == [d.stem for d in docs]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    for docx, pdf in list(zip(docs, pdfs))[::SAMPLE_EVERY]:
        errors = [f.message for f in page_findings(docx.read_bytes(), docx, pdf) if f.is_error]
        assert errors == [], docx.name
