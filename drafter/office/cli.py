"""The office commands, `drafter pdf` and `drafter preview`, and the helpers behind
`drafter render --pdf` and `drafter check --trang`. `register(app)` adds the commands."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from drafter.errors import EXIT_USAGE, DrafterError

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


def run_page_check(paths: list[Path], fmt: str = "text", *, out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    """`check --trang`: the ordinary findings plus the page rules, all DOCX files converted in
    one LibreOffice call. Returns the exit code of `drafter check`."""
    from drafter.check.report import FileResult, collect, exit_code, format_findings, to_json
    from drafter.check.safety import read_bytes, verify_docx_bytes
    from drafter.office.convert import convert_bytes
    from drafter.office.layout_check import page_findings
    from drafter.check import check_docx_bytes

    out, err = out or sys.stdout, err or sys.stderr
    if not paths:
        _say(err, "Lỗi: cần ít nhất một tệp .docx hoặc một thư mục")
        return EXIT_USAGE
    files, results = collect(paths)
    readable: list[tuple[Path, bytes]] = []
    for path in files:
        if path.suffix.lower() != ".docx":
            results.append(FileResult(path, problem="chỉ kiểm tra trang in cho tệp .docx"))
            continue
        try:
            data = read_bytes(path)
            verify_docx_bytes(data, path)
        except DrafterError as error:
            results.append(FileResult(path, problem=error.message + (f" ({error.hint})" if error.hint else "")))
            continue
        readable.append((path, data))
    try:
        with tempfile.TemporaryDirectory(prefix="drafter-trang-") as work:
            pdfs = convert_bytes([data for _, data in readable], Path(work))
            for (path, data), pdf_file in zip(readable, pdfs):
                if pdf_file is None:
                    results.append(FileResult(path, problem="LibreOffice không chuyển được tệp này sang PDF"))
                    continue
                try:
                    findings = check_docx_bytes(data, path) + page_findings(data, path, pdf_file)
                except DrafterError as error:
                    results.append(FileResult(path, problem=error.message))
                    continue
                results.append(FileResult(path, findings))
    except DrafterError as error:
        _say(err, f"Lỗi: {error}")
        return error.exit_code
    order = {p: i for i, p in enumerate(list(paths) + files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    code = exit_code(results)
    if fmt == "json":
        _say(out, to_json(results, code))
        return code
    for r in results:
        if r.problem is not None:
            _say(err, f"Lỗi: {r.path}: {r.problem}")
        else:
            _say(out, format_findings(r.path, r.findings))
    return code
