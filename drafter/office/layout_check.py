"""`drafter check --trang`: the ordinary checks plus the page rules, on PDFs that LibreOffice
makes of all the given DOCX files in one call."""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafter.check.docx_checks import DocView
from drafter.check.finding import Finding
from drafter.check.package import Package
from drafter.check.safety import verify_docx_bytes
from drafter.office.page_rules import check_pages
from drafter.office.pdf_pages import read_pages


def page_findings(data: bytes, path: Path | str, pdf: Path) -> list[Finding]:
    """Page rules of one DOCX (its bytes) against the PDF LibreOffice made of it."""
    parts = verify_docx_bytes(data, path)
    anatomy = DocView(Package.from_bytes(data, path, parts)).anatomy
    return check_pages(read_pages(pdf, path), anatomy)


def check_layout(path: Path) -> list[Finding]:
    """Page rules of one DOCX file, converted on the fly (for the library; the command batches)."""
    from drafter.check.safety import read_bytes
    from drafter.office.convert import convert_bytes
    from drafter.office.soffice import OfficeError

    data = read_bytes(path)
    verify_docx_bytes(data, path)
    with tempfile.TemporaryDirectory(prefix="drafter-trang-") as work:
        (pdf,) = convert_bytes([data], Path(work))
        if pdf is None:
            raise OfficeError(f"LibreOffice không chuyển được {path} sang PDF")
        return page_findings(data, path, pdf)
