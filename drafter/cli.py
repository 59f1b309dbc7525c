"""The `drafter` command. Each subcommand is a thin shell over the library; every error a user
can cause is a DrafterError with a Vietnamese message and a documented exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from drafter.errors import EXIT_USAGE, DrafterError, Location, UsageError

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


@app.callback()
def _root() -> None:
    """Soạn Kế hoạch của Ủy ban nhân dân đúng thể thức Nghị định 30/2020/NĐ-CP."""


@app.command()
def render(
    spec: Annotated[Path, typer.Argument(help="Tệp trả lời (YAML) mô tả kế hoạch.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp Word (.docx) sẽ ghi ra.")],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
    template: Annotated[Optional[Path], typer.Option("--template", help="Mẫu Word khác mẫu mặc định.")] = None,
) -> None:
    """Dựng tệp Word từ tệp trả lời, rồi tự kiểm tra thể thức văn bản vừa dựng."""
    from drafter.answers import load_plan
    from drafter.document.render import render_docx
    from drafter.fileio import write_atomic

    try:
        plan = load_plan(spec)
        data = render_docx(plan, template)
        write_atomic(output, data, force=force)
    except DrafterError as error:
        fail(error)
    out.print(f"Đã ghi {output}", markup=False)
    _self_check(output)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Tệp .docx, .txt hoặc thư mục chứa chúng.")],
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
) -> None:
    """Kiểm tra thể thức Kế hoạch theo Nghị định 30/2020/NĐ-CP (mã thoát 1 khi có lỗi)."""
    from drafter.check import run_check

    if fmt not in ("text", "json"):
        fail(UsageError(f"dạng báo cáo «{fmt}» không hỗ trợ; chọn text hoặc json", Location(field="--format")))
    raise typer.Exit(run_check(paths, fmt))


@app.command()
def new(
    kind: Annotated[str, typer.Option("--kind", help="Loại kế hoạch (xem: drafter kinds).")],
    unit: Annotated[str, typer.Option("--unit", help="Đơn vị ban hành, ví dụ «phường Bắc Nha Trang».")],
    year: Annotated[int, typer.Option("--year", help="Năm ban hành.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp trả lời (YAML) sẽ ghi ra.")],
    signer: Annotated[Optional[str], typer.Option("--signer", help="Họ tên người ký.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Không hỏi, dựng ngay từ dữ liệu có sẵn.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
) -> None:
    """Dựng tệp trả lời đầy đủ cho một kế hoạch từ vài câu trả lời."""
    from drafter.answers import dump_plan
    from drafter.fileio import write_atomic
    from drafter.presets import scaffold

    if not no_input:
        fail(UsageError("trình hỏi đáp chưa có; dùng --no-input", Location(field="--no-input")))
    try:
        plan = scaffold(kind, unit, year, signer)
        write_atomic(output, dump_plan(plan).encode("utf-8"), force=force)
    except DrafterError as error:
        fail(error)
    out.print(f"Đã ghi {output}; dựng văn bản: drafter render {output} -o ke-hoach.docx", markup=False)


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


from drafter.batch.cli import batch_app  # noqa: E402

app.add_typer(batch_app, name="batch")


def _self_check(path: Path) -> None:
    """Every render is checked; a generated plan with an error is a bug worth reporting."""
    try:
        from drafter.check import check_file
        from drafter.check.report import format_findings
    except ImportError:  # the checker is optional while it is being built
        return
    findings = check_file(path)
    if findings:
        err.print(format_findings(path, findings), markup=False)


def main() -> None:
    try:
        app()
    except DrafterError as error:  # a command that did not catch its own
        err.print(f"Lỗi: {error}", markup=False)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        err.print("Đã dừng.", markup=False)
        sys.exit(EXIT_USAGE)
