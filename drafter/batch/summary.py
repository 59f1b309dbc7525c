"""The summary of a batch run: one row per commune (file, checker errors and warnings, problems),
as `tong-hop.csv` and `tong-hop.xlsx` in the output folder and as a table on the terminal."""

from __future__ import annotations

import csv
import io

from rich.table import Table

from drafter.batch.outputs import OutputFolder
from drafter.batch.run import BatchResult, Outcome

HEADERS = ("Mã đơn vị", "Đơn vị", "Tệp", "Trạng thái", "Lỗi", "Cảnh báo", "Vấn đề")
STEM = "tong-hop"
MAX_TABLE_ROWS = 20  # the terminal shows the failed rows first, then this many in all; the files have all


def _cells(outcome: Outcome) -> list[str | int]:
    return [outcome.code, outcome.name, outcome.docx.name if outcome.docx else "", outcome.status,
            outcome.errors, outcome.warnings, "\n".join(outcome.problems)]


def summary_csv(result: BatchResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(_cells(o) for o in result.outcomes)
    return buffer.getvalue().encode("utf-8-sig")


def summary_xlsx(result: BatchResult) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append(HEADERS)
    for outcome in result.outcomes:
        sheet.append(_cells(outcome))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (10, 30, 40, 12, 6, 9, 100)):
        sheet.column_dimensions[letter].width = width
    for cell in sheet["G"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_summary(result: BatchResult, folder: OutputFolder) -> list[str]:
    """Write both summary files; the names written."""
    names = [f"{STEM}.csv", f"{STEM}.xlsx"]
    folder.write(names[0], summary_csv(result))
    folder.write(names[1], summary_xlsx(result))
    folder.save()
    return names


def summary_table(result: BatchResult) -> Table:
    """Failed rows first; the file column is left to the summary files (the name is the code)."""
    table = Table(title="Tổng hợp", show_lines=False)
    for header in HEADERS:
        if header != "Tệp":
            table.add_column(header, overflow="fold", no_wrap=header in ("Mã đơn vị", "Lỗi", "Cảnh báo"))
    shown = result.failed + [o for o in result.outcomes if not o.failed]
    for outcome in shown[:MAX_TABLE_ROWS]:
        cells = [str(c) for c in _cells(outcome)]
        del cells[2]
        cells[-1] = outcome.problems[0] + (f" (và {len(outcome.problems) - 1} vấn đề khác)"
                                           if len(outcome.problems) > 1 else "") if outcome.problems else ""
        table.add_row(*cells, style="red" if outcome.failed else None)
    if len(shown) > MAX_TABLE_ROWS:
        table.caption = f"… và {len(shown) - MAX_TABLE_ROWS} đơn vị khác: xem tệp {STEM}.xlsx"
    return table
