"""The office commands, `drafter pdf` and `drafter preview`, and the helpers behind
`drafter render --pdf` and `drafter check --trang`. `register(app)` adds the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from drafter.errors import DrafterError

OutDir = Annotated[Optional[Path], typer.Option("-o", "--output", help="Thư mục ghi ra (mặc định: cạnh tệp gốc).")]
Force = Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")]


def _say(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")
    stream.flush()


def _fail(error: DrafterError) -> None:
    _say(sys.stderr, f"Lỗi: {error}")
    raise typer.Exit(error.exit_code)


def pdf(
    paths: Annotated[list[Path], typer.Argument(help="Tệp .docx hoặc thư mục chứa chúng.")],
    output: OutDir = None,
    force: Force = False,
) -> None:
    """Xuất PDF bằng LibreOffice (nhiều tệp trong một lần chạy)."""
    from drafter.office.convert import convert_to_pdf

    try:
        written = convert_to_pdf(paths, output, force=force)
    except DrafterError as error:
        _fail(error)
    for path in written:
        _say(sys.stdout, f"Đã ghi {path}")


def preview(
    path: Annotated[Path, typer.Argument(help="Tệp .docx (hoặc .pdf) cần xem trước.")],
    output: OutDir = None,
    force: Force = False,
    dpi: Annotated[int, typer.Option("--dpi", help="Độ phân giải ảnh (điểm ảnh mỗi inch).")] = 80,
) -> None:
    """Dựng ảnh PNG của từng trang (như khi in) và in ra đường dẫn các ảnh."""
    from drafter.office.preview import preview as make_preview

    try:
        written = make_preview(path, output, force=force, dpi=dpi)
    except DrafterError as error:
        _fail(error)
    for image in written:
        _say(sys.stdout, str(image))


def register(app: typer.Typer) -> None:
    app.command("pdf")(pdf)
    app.command("preview")(preview)


def render_pdf_target(docx: Path, force: bool) -> Path:
    """The PDF `render --pdf` will write; refused up front if it exists without --force."""
    from drafter.errors import OutputExistsError
    from drafter.office.convert import pdf_path
    from drafter.office.soffice import find_soffice

    target = pdf_path(Path(docx), None)
    if target.exists() and not force:
        raise OutputExistsError(target)
    find_soffice()  # a missing LibreOffice is reported before the DOCX is written
    return target


def render_pdf(docx: Path, force: bool) -> Path:
    """`render --pdf`: the PDF beside the DOCX just written. Raises DrafterError."""
    from drafter.office.convert import convert_to_pdf

    (written,) = convert_to_pdf([docx], force=force)
    return written


def run_page_check(paths: list[Path], fmt: str = "text") -> int:
    """`check --trang`: the report of `drafter check`, with the page rules added."""
    from drafter.check.report import run_check
    from drafter.office.layout_check import page_results

    try:
        return run_check(paths, fmt, results_of=page_results)
    except DrafterError as error:  # LibreOffice missing, failed or hung
        _say(sys.stderr, f"Lỗi: {error}")
        return error.exit_code
