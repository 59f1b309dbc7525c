"""`drafter template …`: the commands legal staff use to own their Word templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from drafter.errors import DrafterError, report_format_error

app = typer.Typer(help="Mẫu Word: liệt kê, xuất ra để sửa, kiểm tra, xem các biến dùng được.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
out = Console(highlight=False, soft_wrap=True)


def _fail(error: DrafterError) -> None:
    from drafter.cli import fail  # the root command's error printer; imported late (it imports us)

    fail(error)


@app.command("list")
def list_() -> None:
    """Liệt kê các mẫu có sẵn và mẫu của bạn, kèm nơi lưu."""
    from drafter.template.config import config_path, load_config
    from drafter.template.store import list_templates

    try:
        config = load_config()
        entries = list_templates()
    except DrafterError as error:
        _fail(error)
    for entry in entries:
        mark = " (mặc định)" if entry.default else ""
        typer.echo(f"{entry.name}{mark}\t{entry.source}\t{entry.path}")
    out.print(f"Tệp cấu hình: {config_path()}", markup=False)
    out.print(f"Thư mục mẫu của bạn: {config.thu_muc_mau or '(chưa đặt; drafter template config --thu-muc THƯ_MỤC)'}",
              markup=False)


@app.command()
def export(
    args: Annotated[list[str], typer.Argument(help="[TÊN_MẪU] THƯ_MỤC: mẫu cần xuất (mặc định: mẫu mặc định) và nơi ghi.")],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp đã tồn tại.")] = False,
) -> None:
    """Xuất một bản sao mẫu kèm hướng dẫn ngắn, để sửa bằng Word."""
    from drafter.errors import Location, UsageError
    from drafter.template.store import export_template

    if len(args) not in (1, 2):
        _fail(UsageError("cần: drafter template export [TÊN_MẪU] THƯ_MỤC", Location(field="THƯ_MỤC")))
    name, folder = (None, args[0]) if len(args) == 1 else args
    try:
        docx_path, guide = export_template(name, Path(folder), force=force)
    except DrafterError as error:
        _fail(error)
    out.print(f"Đã ghi {docx_path} và {guide}", markup=False)
    out.print(f"Sửa bằng Word, rồi kiểm tra: drafter template check {docx_path}", markup=False)


@app.command()
def check(
    template: Annotated[str, typer.Argument(help="Tệp mẫu (.docx) hoặc tên mẫu.")],
    fmt: Annotated[str, typer.Option("--format", help="Dạng báo cáo: text hoặc json.")] = "text",
) -> None:
    """Kiểm tra một mẫu: cú pháp, biến, kiểu, rồi dựng thử và kiểm tra thể thức (mã thoát 1 khi có lỗi)."""
    from drafter.template.lint import check_template, format_problems
    from drafter.template.store import resolve_template

    if problem := report_format_error(fmt):
        _fail(problem)
    try:
        path = resolve_template(template)
        problems = check_template(path)
    except DrafterError as error:
        _fail(error)
    out.print(format_problems(path, problems, fmt), markup=False)
    raise typer.Exit(1 if any(p.severity == "lỗi" for p in problems) else 0)


@app.command("vars")
def vars_() -> None:
    """Liệt kê mọi biến, bộ lọc và hàm một mẫu dùng được: kiểu, ý nghĩa, ví dụ."""
    from drafter.template.variables import rows

    for name, kind, description, example in rows():
        typer.echo(f"{name}\t{kind}\t{description}\tví dụ: {example}")


@app.command()
def config(
    folder: Annotated[Optional[Path], typer.Option("--thu-muc", help="Thư mục chứa mẫu của bạn.")] = None,
    default: Annotated[Optional[str], typer.Option("--mac-dinh", help="Mẫu dùng khi không ghi --template.")] = None,
) -> None:
    """Đặt (một lần) thư mục mẫu của bạn và mẫu mặc định; không có tùy chọn thì in cấu hình."""
    from drafter.errors import Location, UsageError
    from drafter.template.config import config_path, load_config, save_config
    from drafter.template.store import resolve_template

    try:
        current = load_config()
        if folder is not None:
            if not folder.expanduser().is_dir():
                raise UsageError("không có thư mục này", Location(file=folder, field="--thu-muc"))
            current.thu_muc_mau = str(folder.expanduser().resolve())
        if default is not None:
            current.mau_mac_dinh = default
            resolve_template(default, config=current, option="--mac-dinh")  # refuse a name that does not exist
        if folder is not None or default is not None:
            save_config(current)
    except DrafterError as error:
        _fail(error)
    out.print(f"Tệp cấu hình: {config_path()}", markup=False)
    out.print(f"thu_muc_mau: {current.thu_muc_mau or '(chưa đặt)'}", markup=False)
    out.print(f"mau_mac_dinh: {current.mau_mac_dinh or '(mẫu có sẵn ke-hoach)'}", markup=False)
