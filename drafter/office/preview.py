"""`drafter preview`: PNG images of a plan's pages, as LibreOffice lays them out, to look at the
layout without opening an office suite. Pages are rasterised with PDFium (pypdfium2, already
installed with pdfplumber), so no Poppler is needed on Windows."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from drafter.check.safety import read_bytes, verify_docx_bytes
from drafter.errors import Location, OutputExistsError, UnreadableFileError, UsageError
from drafter.fileio import write_atomic
from drafter.office.convert import PDF_MAGIC, check_out_dir, convert_bytes
from drafter.office.soffice import OfficeError

DEFAULT_DPI = 80
MAX_DPI = 300
MAX_PAGES = 500  # a plan has a few dozen pages; stop a hostile PDF from filling the disk


def _pdf_bytes(path: Path) -> bytes:
    data = read_bytes(path)
    if path.suffix.lower() == ".pdf":
        if not data.startswith(PDF_MAGIC):
            raise UnreadableFileError("không phải tệp PDF", Location(file=path))
        return data
    verify_docx_bytes(data, path)
    with tempfile.TemporaryDirectory(prefix="drafter-xem-") as work:
        (pdf,) = convert_bytes([data], Path(work))
        if pdf is None:
            raise OfficeError(f"LibreOffice không chuyển được {path} sang PDF")
        return pdf.read_bytes()


def _pngs(pdf: bytes, path: Path, dpi: int) -> list[bytes]:
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        raise UnreadableFileError("tệp PDF bị hỏng, không dựng được ảnh trang", Location(file=path)) from None
    try:
        if len(document) > MAX_PAGES:
            raise UnreadableFileError(f"tệp có {len(document)} trang, quá {MAX_PAGES} trang", Location(file=path))
        images = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()


def preview(path: Path, out_dir: Path | None = None, *, force: bool = False, dpi: int = DEFAULT_DPI) -> list[Path]:
    """Write `<name>-trang-<n>.png` for every page of a DOCX (through LibreOffice) or a PDF."""
    path = Path(path)
    if not 20 <= dpi <= MAX_DPI:
        raise UsageError(f"độ phân giải {dpi} không hợp lệ; chọn từ 20 đến {MAX_DPI}", Location(field="--dpi"))
    if path.suffix.lower() not in (".docx", ".pdf"):
        raise UsageError("chỉ xem trước được tệp .docx hoặc .pdf", Location(file=path))
    check_out_dir(out_dir)
    images = _pngs(_pdf_bytes(path), path, dpi)
    folder = Path(out_dir) if out_dir is not None else path.parent
    targets = [folder / f"{path.stem}-trang-{n}.png" for n in range(1, len(images) + 1)]
    for target in targets:
        if target.exists() and not force:
            raise OutputExistsError(target)
    for target, image in zip(targets, images):
        write_atomic(target, image, force=force)
    return targets
