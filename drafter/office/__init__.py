"""The office-suite round trip: PDF through LibreOffice, page previews, and the layout rules
checked on the pages that LibreOffice lays out.

    convert_to_pdf(paths, out_dir=None, force=False)   many DOCX → PDF in one LibreOffice call
    preview(path, out_dir=None, force=False)           PNG images of the pages
    check_pages(docx_bytes, pdf_path)                  page-level findings (rules ND30-G*)
"""

from drafter.office.convert import convert_to_pdf
from drafter.office.soffice import OfficeError, find_soffice

__all__ = ["OfficeError", "convert_to_pdf", "find_soffice"]
