"""`drafter check --trang`: the ordinary checks plus the page rules, on PDFs that LibreOffice
makes of all the given DOCX files in one call."""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafter.check.docx_checks import DocView
from drafter.check.finding import Finding
from drafter.check.package import Package
from drafter.check.report import UNFORESEEN, FileResult, collect, problem_text, unforeseen_problem
from drafter.check.safety import read_bytes, verify_docx_bytes
from drafter.errors import DrafterError
from drafter.office.convert import convert_bytes
from drafter.office.page_rules import check_pages
from drafter.office.pdf_pages import read_pages
from drafter.office.soffice import OfficeError


def page_findings(data: bytes, path: Path | str, pdf: Path) -> list[Finding]:
    """Page rules of one DOCX (its bytes) against the PDF LibreOffice made of it."""
    parts = verify_docx_bytes(data, path)
    anatomy = DocView(Package.from_bytes(data, path, parts)).anatomy
    return check_pages(read_pages(pdf, path), anatomy)


def page_results(paths: list[Path]) -> list[FileResult]:
    """Ordinary findings plus page findings for every DOCX under `paths`; every readable DOCX is
    converted in one LibreOffice call. Raises OfficeError when LibreOffice cannot run at all."""
    from drafter.check import check_docx_bytes, check_file
    from drafter.check.ruleset import ruleset

    files, results = collect(paths)
    readable: list[tuple[Path, bytes]] = []
    for path in files:
        if path.suffix.lower() != ".docx":  # plain text has no pages: its ordinary checks, and say so
            try:
                note = ruleset().make("ND30-TR11", "văn bản", "tệp văn bản thuần không có trang in",
                                      "tệp .docx để kiểm tra bố cục trang")
                results.append(FileResult(path, check_file(path) + [note]))
            except DrafterError as error:
                results.append(FileResult(path, problem=problem_text(error)))
            continue
        try:
            data = read_bytes(path)
            verify_docx_bytes(data, path)
        except DrafterError as error:
            results.append(FileResult(path, problem=problem_text(error)))
            continue
        readable.append((path, data))
    with tempfile.TemporaryDirectory(prefix="drafter-trang-") as work:
        pdfs = convert_bytes([data for _, data in readable], Path(work))
        for (path, data), pdf in zip(readable, pdfs):
            try:
                if pdf is None:
                    raise OfficeError("LibreOffice không chuyển được tệp này sang PDF")
                results.append(FileResult(path, check_docx_bytes(data, path) + page_findings(data, path, pdf)))
            except DrafterError as error:
                results.append(FileResult(path, problem=problem_text(error)))
            except UNFORESEEN:  # a layout the page rules did not foresee
                results.append(FileResult(path, problem=unforeseen_problem("trang in của tệp này")))
    order = {p: i for i, p in enumerate(list(paths) + files)}
    return sorted(results, key=lambda r: order.get(r.path, len(order)))
