"""The `drafter` command. Each subcommand is a thin shell over the library; every error a user
can cause is a DrafterError with a Vietnamese message and a documented exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from drafter.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DrafterError, report_format_error
from drafter.office.cli import register as register_office_commands

app = typer.Typer(
    name="drafter",
    help="Soạn Kế hoạch của Ủy ban nhân dân đúng thể thức Nghị định 30/2020/NĐ-CP.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def fail(error: DrafterError) -> None:
    err.print(f"Lỗi: {error}", markup=False)
    raise typer.Exit(error.exit_code)


from drafter.template.cli import app as template_app  # noqa: E402

app.add_typer(template_app, name="template")


@app.callback()
def _root() -> None:
    """Soạn Kế hoạch của Ủy ban nhân dân đúng thể thức Nghị định 30/2020/NĐ-CP."""


@app.command()
def render(
    spec: Annotated[Path, typer.Argument(help="Tệp trả lời (YAML) mô tả kế hoạch.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp Word (.docx) sẽ ghi ra.")],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
    template: Annotated[Optional[str], typer.Option("--template", help="Tên mẫu hoặc tệp mẫu Word (xem: drafter template list).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm tệp PDF (cần LibreOffice).")] = False,
) -> None:
    """Dựng tệp Word từ tệp trả lời, rồi tự kiểm tra thể thức văn bản vừa dựng."""
    from drafter.answers import load_plan
    from drafter.document.render import render_docx
    from drafter.errors import Location, UsageError
    from drafter.fileio import write_atomic
    from drafter.template import resolve_template

    try:
        # Word would not open another name, and `-o x.pdf --pdf` would write both to one file.
        if output.suffix.lower() != ".docx" and not output.is_dir():
            raise UsageError("tệp ra phải có đuôi .docx", Location(file=output, field="-o"),
                             hint="ví dụ: -o ke-hoach.docx; thêm --pdf để có cả tệp PDF cùng tên")
        plan = load_plan(spec)
        data = render_docx(plan, resolve_template(template))
        if pdf:
            from drafter.office.cli import render_pdf_target
            render_pdf_target(output, force)  # refuse before writing anything
        write_atomic(output, data, force=force)
    except DrafterError as error:
        fail(error)
    out.print(f"Đã ghi {output}", markup=False)
    has_errors = _self_check(output)
    if pdf:
        from drafter.office.cli import render_pdf

        try:
            out.print(f"Đã ghi {render_pdf(output, force)}", markup=False)
        except DrafterError as error:
            fail(error)
    if has_errors:
        raise typer.Exit(EXIT_INVALID)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Tệp .docx, .txt hoặc thư mục chứa chúng.")],
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
    trang: Annotated[bool, typer.Option("--trang", help="Kiểm tra thêm bố cục trang in (qua LibreOffice).")] = False,
) -> None:
    """Kiểm tra thể thức Kế hoạch theo Nghị định 30/2020/NĐ-CP (mã thoát 1 khi có lỗi)."""
    from drafter.check import run_check

    if problem := report_format_error(fmt):
        fail(problem)
    if trang:
        from drafter.office.cli import run_page_check

        raise typer.Exit(run_page_check(paths, fmt))
    raise typer.Exit(run_check(paths, fmt))


@app.command()
def fix(
    source: Annotated[Path, typer.Argument(help="Tệp Word (.docx) cần sửa thể thức; tệp này không bị ghi.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp Word đã sửa sẽ ghi ra.")],
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
) -> None:
    """Sửa thể thức (lề, phông, cỡ chữ, căn lề, dấu câu...) mà không đổi chữ nào; liệt kê mọi thay đổi."""
    from drafter.fix import run_fix

    raise typer.Exit(run_fix(source, output, fmt, force))


@app.command()
def new(
    kind: Annotated[Optional[str], typer.Option("--kind", help="Loại kế hoạch (xem: drafter kinds).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Đơn vị ban hành, ví dụ «phường Bắc Nha Trang».")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Năm ban hành (với --from: làm bản năm mới).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Tệp trả lời (YAML) sẽ ghi ra.")] = None,
    signer: Annotated[Optional[str], typer.Option("--signer", help="Họ tên người ký.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Không hỏi, dựng ngay từ dữ liệu có sẵn.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
    source: Annotated[Optional[Path], typer.Option(
        "--from", help="Bắt đầu từ một kế hoạch đã có: tệp trả lời, hoặc tệp Word, PDF, văn bản (đọc như drafter import).")] = None,
    resume: Annotated[Optional[Path], typer.Option("--resume", help="Làm tiếp lần hỏi đáp đã lưu.")] = None,
    template: Annotated[Optional[str], typer.Option("--template", help="Tên mẫu hoặc tệp mẫu Word (xem: drafter template list).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm tệp PDF (cần LibreOffice).")] = False,
) -> None:
    """Soạn kế hoạch qua các câu hỏi (hoặc dựng ngay với --no-input)."""
    from drafter.template import resolve_template
    from drafter.wizard.command import new_command

    try:
        code = new_command(kind=kind, unit=unit, year=year, output=output, signer=signer, no_input=no_input,
                           force=force, source=source, resume_file=resume, echo=lambda t: out.print(t, markup=False),
                           template=resolve_template(template) if template else None, pdf=pdf)
    except DrafterError as error:
        fail(error)
    raise typer.Exit(code)


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Tệp .json sẽ ghi ra (mặc định: in ra màn hình).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
) -> None:
    """In lược đồ JSON Schema của tệp trả lời (để VS Code và trình soạn thảo khác gợi ý, kiểm tra khóa)."""
    from drafter.fileio import write_atomic
    from drafter.schema import schema_text

    if output is None:
        sys.stdout.write(schema_text())
        return
    try:
        write_atomic(output, schema_text().encode("utf-8"), force=force)
    except DrafterError as error:
        fail(error)
    out.print(f"Đã ghi {output}", markup=False)


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="Kế hoạch có sẵn: .docx, .doc, .odt, .rtf, .pdf hoặc .txt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp trả lời (YAML) sẽ ghi ra.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Đơn vị ban hành, khi tệp nguồn thiếu phần đầu.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
) -> None:
    """Đọc một kế hoạch có sẵn thành tệp trả lời, kèm báo cáo những chỗ đã đoán hoặc đã sửa."""
    from drafter.importer.command import run_import

    if problem := report_format_error(fmt):
        fail(problem)
    try:
        code = run_import(source, output, force=force, fmt=fmt, unit=unit,
                          echo=lambda s: out.print(s, markup=False), echo_err=lambda s: err.print(s, markup=False))
    except DrafterError as error:
        fail(error)
    raise typer.Exit(code)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Kế hoạch cũ: tệp trả lời (.yaml) hoặc tệp kế hoạch.")],
    new: Annotated[Path, typer.Argument(help="Kế hoạch mới: tệp trả lời (.yaml) hoặc tệp kế hoạch.")],
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
) -> None:
    """So sánh hai kế hoạch theo từng phần (mã thoát 1 khi có khác biệt)."""
    from drafter.importer import load_any
    from drafter.importer.diff import compare, format_json, format_text

    if problem := report_format_error(fmt):
        fail(problem)
    try:
        sections = compare(load_any(old)[0], load_any(new)[0])
    except DrafterError as error:
        fail(error)
    show = format_json if fmt == "json" else format_text
    out.print(show(str(old), str(new), sections), markup=False)
    raise typer.Exit(1 if sections else 0)


def _rows(rows: list[tuple[str, str]]) -> None:
    for key, description in rows:
        out.print(f"{key}\t{description}", markup=False)


@app.command()
def kinds() -> None:
    """Liệt kê các loại kế hoạch có sẵn."""
    from drafter.presets import list_kinds

    _rows(list_kinds())


@app.command()
def bases() -> None:
    """Liệt kê các văn bản làm căn cứ có trong sổ văn bản."""
    from drafter.presets import list_bases

    _rows(list_bases())


@app.command()
def units(
    query: Annotated[Optional[str], typer.Argument(help="Tên cần tìm (không dấu cũng được).")] = None,
    legacy: Annotated[bool, typer.Option("--truoc-2025", help="Tìm trong danh mục trước 01/7/2025.")] = False,
) -> None:
    """Liệt kê hoặc tìm đơn vị hành chính."""
    from drafter.presets import list_units

    try:
        _rows(list_units(query, legacy=legacy))
    except DrafterError as error:
        fail(error)


register_office_commands(app)  # drafter pdf, drafter preview

from drafter.batch.cli import batch_app  # noqa: E402

app.add_typer(batch_app, name="batch")


def _self_check(path: Path) -> bool:
    """Every render is checked and its findings listed. True when one is an error: the document
    stays written (the user may fix it in Word), but the exit code says it is not ND30-clean."""
    from drafter.check import check_file
    from drafter.check.report import format_findings

    findings = check_file(path, own_output=True)
    if findings:
        err.print(format_findings(path, findings), markup=False)
    return any(f.is_error for f in findings)


INTERRUPTED = 130  # typer's exit code for a KeyboardInterrupt inside a command


def main() -> None:
    from drafter.cli_usage import click

    try:
        # Non-standalone: click's usage errors (in English) come here to be told in Vietnamese.
        code = app(standalone_mode=False)
    except click.ClickException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `drafter batch` alone: typer printed its help
            sys.exit(exc.exit_code)
        from drafter.cli_usage import usage_error

        error = usage_error(exc)
        err.print(f"Lỗi: {error}", markup=False)
        sys.exit(error.exit_code)
    except typer.Abort:  # end of input at a click prompt: stopped, as with Ctrl-C
        code = INTERRUPTED
    except DrafterError as error:  # a command that did not catch its own
        err.print(f"Lỗi: {error}", markup=False)
        sys.exit(error.exit_code)
    except OSError as exc:  # a file a command did not expect to fail (a template, a preset)
        from drafter.messages import os_error

        error = os_error(exc, exc.filename or "?", writing=False)
        err.print(f"Lỗi: {error}", markup=False)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:  # Ctrl-C while parsing, before typer's own handler is reached
        code = INTERRUPTED
    if code == INTERRUPTED:
        err.print("Đã dừng.", markup=False)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
