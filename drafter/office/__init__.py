"""The office-suite round trip: PDF through LibreOffice, page previews, and the layout rules
checked on the pages that LibreOffice lays out.

    convert_to_pdf(paths, out_dir=None, *, force=False)     many DOCX → PDF in one LibreOffice call
    preview.preview(path, out_dir=None, *, force, dpi)      PNG images of the pages
    layout_check.page_findings(docx_bytes, path, pdf)       page-level findings (rules ND30-TR*)
    layout_check.page_results(paths)                        `drafter check --trang` for files and folders
"""

from drafter.office.convert import convert_to_pdf
from drafter.office.soffice import OfficeError, find_soffice

__all__ = ["OfficeError", "convert_to_pdf", "find_soffice"]
