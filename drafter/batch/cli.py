"""`drafter batch roster` and `drafter batch run`: a tailored plan for every commune of one or
more provinces (or the whole country), with an Excel roster for per-commune values."""

from __future__ import annotations

import contextlib
import signal
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from drafter.cli_usage import check_year
from drafter.errors import EXIT_USAGE, DrafterError, Location, UsageError

batch_app = typer.Typer(help="Soạn hàng loạt: một kế hoạch riêng cho từng xã, phường, đặc khu của tỉnh.",
                        no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

Provinces = Annotated[Optional[list[str]], typer.Option("--province", help="Tỉnh, thành phố (lặp lại được).")]
AllCountry = Annotated[bool, typer.Option("--ca-nuoc", help="Tất cả 34 tỉnh, thành phố.")]
ModelFile = Annotated[Optional[Path], typer.Argument(help="Mẫu kế hoạch cấp xã của tỉnh (YAML), thay cho --kind.")]
Year = Annotated[Optional[int], typer.Option("--year", help="Năm của kế hoạch (mặc định: năm nay).")]
Force = Annotated[bool, typer.Option("--force", help="Ghi đè cả tệp đã bị sửa ngoài drafter; dựng lại mọi tệp.")]


def _fail(error: DrafterError) -> None:
    err.print(f"Lỗi: {error}", markup=False)
    raise typer.Exit(error.exit_code)


def _communes(provinces: list[str] | None, whole_country: bool, registry):
    from drafter.units.model import PROVINCE

    if whole_country and provinces:
        raise UsageError("chọn --province hoặc --ca-nuoc, không dùng cả hai", Location(field="--ca-nuoc"))
    if whole_country:
        chosen = registry.provinces()
    elif provinces:
        chosen = [registry.find(name, level=PROVINCE, location=Location(field="--province")) for name in provinces]
    else:
        raise UsageError("cần --province <tỉnh> (lặp lại được) hoặc --ca-nuoc", Location(field="--province"))
    chosen = list({p.code: p for p in chosen}.values())
    return chosen, [c for p in chosen for c in registry.communes(p)]


@batch_app.command("roster")
def roster(
    model: ModelFile = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp danh sách sẽ ghi ra (.xlsx hoặc .csv).")] = ...,
    provinces: Provinces = None,
    whole_country: AllCountry = False,
    year: Year = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè nếu tệp ra đã tồn tại.")] = False,
) -> None:
    """Lập danh sách các xã của tỉnh (Excel hoặc CSV) để điền số, ngày, người ký."""
    from drafter.batch.model import load_model
    from drafter.batch.roster import SUFFIXES, roster_bytes
    from drafter.batch.run import default_year
    from drafter.fileio import write_atomic
    from drafter.units import UnitRegistry

    try:
        check_year(year)
        if output.suffix.lower() not in SUFFIXES:
            raise UsageError("tệp danh sách phải có đuôi .xlsx hoặc .csv", Location(file=output))
        registry = UnitRegistry.load()
        _, communes = _communes(provinces, whole_country, registry)
        extra = load_model(None, model, year=year or default_year(), registry=registry).extra if model else []
        write_atomic(output, roster_bytes(communes, output, extra), force=force)
    except DrafterError as error:
        _fail(error)
    out.print(f"Đã ghi {output}: {len(communes)} đơn vị. Điền số, ngày, người ký rồi chạy: "
              f"drafter batch run … --roster {output}", markup=False)


@contextlib.contextmanager
def _stop_on_terminate():
    """A kill (SIGTERM) stops the run like Ctrl-C: the write under way is abandoned whole."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (tests): nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@batch_app.command("run")
def run(
    model: ModelFile = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Thư mục ghi các kế hoạch.")] = ...,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Loại kế hoạch (xem: drafter kinds).")] = None,
    provinces: Provinces = None,
    whole_country: AllCountry = False,
    roster_path: Annotated[Optional[Path], typer.Option("--roster", help="Danh sách đã điền (.xlsx, .csv).")] = None,
    year: Year = None,
    force: Force = False,
    template: Annotated[Optional[str], typer.Option("--template", help="Tên mẫu hoặc tệp mẫu Word (xem: drafter template list).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm PDF cho mọi kế hoạch, trong một lần chạy LibreOffice.")] = False,
) -> None:
    """Dựng kế hoạch cho từng xã, phường, đặc khu; kiểm tra từng văn bản; ghi tổng hợp."""
    from drafter.batch.model import load_model
    from drafter.batch.outputs import OutputFolder
    from drafter.batch.progress import batch_progress
    from drafter.batch.roster import read_roster
    from drafter.batch.run import default_year, run_batch
    from drafter.batch.summary import summary_table, write_summary
    from drafter.plan.levels import REFORM_DATE
    from drafter.template import resolve_template
    from drafter.vn import date_numeric
    from drafter.units import UnitRegistry

    done: list = []
    communes: list = []
    try:
        year = check_year(year) or default_year()
        if (model is None) == (kind is None):
            raise UsageError("cần đúng một trong hai: --kind <loại> hoặc tệp mẫu của tỉnh", Location(field="--kind"))
        if year < REFORM_DATE.year:  # the runs use the communes in force since the reform
            raise UsageError(f"soạn hàng loạt dùng danh mục xã, phường, đặc khu từ {date_numeric(REFORM_DATE)}; "
                             f"năm phải từ {REFORM_DATE.year}", Location(field="--year"))
        registry = UnitRegistry.load()
        chosen, communes = _communes(provinces, whole_country, registry)
        spec = load_model(kind, model, year=year, registry=registry)
        roster = (read_roster(roster_path, year=year, provinces=chosen, registry=registry, extra=spec.extra)
                  if roster_path else None)
        folder = OutputFolder(out_dir, force=force)

        def advance(outcome) -> None:
            done.append(outcome)
            progress.advance(task)

        with _stop_on_terminate(), batch_progress(err) as progress:
            task = progress.add_task("Soạn và kiểm tra", total=len(communes))
            result = run_batch(spec, communes, folder, year=year, roster=roster, registry=registry,
                               template=resolve_template(template) if template else None, advance=advance)
        names = write_summary(result, folder)
        if pdf and result.documents:
            from drafter.office import convert_to_pdf

            err.print(f"Xuất PDF cho {len(result.documents)} kế hoạch (một lần chạy LibreOffice)…", markup=False)
            pdfs = convert_to_pdf(list(result.documents), force=True)  # the DOCX beside each is the fresh one
            out.print(f"Đã ghi {len(pdfs)} tệp PDF.", markup=False)
    except DrafterError as error:
        _fail(error)
    except KeyboardInterrupt:
        err.print(f"Đã dừng sau {len(done)}/{len(communes)} đơn vị; các tệp đã ghi đều trọn vẹn. "
                  "Chạy lại đúng lệnh này để làm tiếp (tệp không đổi được bỏ qua).", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    out.print(summary_table(result))
    failed = result.failed
    out.print(f"{len(result.documents)} kế hoạch trong {out_dir}; tổng hợp: {', '.join(names)}; "
              f"{len(failed)} dòng có lỗi.", markup=False)
    raise typer.Exit(1 if failed else 0)
