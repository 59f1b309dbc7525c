"""The roster: one row per commune, pre-filled from the unit data (code, type, name), with
columns the province fills in Excel (number, date, who signs) and one column per value of its
own model plan. `.xlsx` (openpyxl; a second sheet explains the columns) or `.csv` (UTF-8).

Reading never stops at a bad row: each problem keeps its row number and column, and every
other row is still usable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import InputError, Location, UnreadableFileError, UsageError
from drafter.units import UnitRegistry
from drafter.units import normalize as nz
from drafter.units.model import COMMUNE, Unit

SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    meaning: str
    example: str = ""
    prefilled: bool = False


COLUMNS = (
    Column("ma", "Mã đơn vị", "Mã đơn vị hành chính cấp xã (drafter điền sẵn; không sửa).", "22333", True),
    Column("loai", "Loại", "xã, phường hoặc đặc khu (drafter điền sẵn).", "phường", True),
    Column("ten", "Tên đơn vị", "Tên đơn vị, không kèm chữ xã/phường (drafter điền sẵn).", "Bắc Nha Trang", True),
    Column("so", "Số", "Số của kế hoạch. Để trống: bản dự thảo chưa có số.", "12"),
    Column("ngay", "Ngày ban hành", "Ngày/tháng/năm ban hành. Để trống: bản dự thảo (chỉ có năm).", "15/01/2026"),
    Column("tham_quyen", "Thẩm quyền ký", "«Chủ tịch» (TM. Ủy ban nhân dân) hoặc «Phó Chủ tịch» (KT. Chủ tịch). "
           "Để trống: Chủ tịch.", "Phó Chủ tịch"),
    Column("nguoi_ky", "Người ký", "Họ và tên người ký. Bắt buộc khi dòng đã điền số, ngày hoặc thẩm quyền ký.",
           "Nguyễn Văn A"),
    Column("dia_danh", "Địa danh", "Địa danh ở dòng ngày tháng, nếu khác tên đơn vị. Thường để trống.", ""),
)
BY_KEY = {c.key: c for c in COLUMNS}
FILLED = ("so", "ngay", "tham_quyen", "nguoi_ky")  # a row with any of these is being filled in
SIGN_AS = {"chu tich": "chu_tich", "ct": "chu_tich", "pho chu tich": "ky_thay", "pct": "ky_thay"}
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
SHEET, HELP_SHEET = "Danh sách", "Giải thích"


@dataclass
class RosterRow:
    """One usable row: the commune and the values that override the scaffold's defaults."""

    row: int
    unit: Unit
    so: int | None = None
    ngay: dt.date | None = None
    hinh_thuc: str | None = None
    nguoi_ky: str | None = None
    dia_danh: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class RosterProblem:
    """A row that cannot be used, and why. `unit` is set when the row still names a commune."""

    row: int
    column: str | None
    message: str
    unit: Unit | None = None

    def error(self, path: Path) -> InputError:
        return InputError(self.message, Location(file=path, line=self.row, field=self.column))


@dataclass
class Roster:
    path: Path
    rows: dict[str, RosterRow]  # by commune code
    problems: list[RosterProblem]


def extra_column(key: str) -> Column:
    return Column(key, key, f"Giá trị thay cho {{{key}}} trong mẫu kế hoạch của tỉnh.")


# -- writing -------------------------------------------------------------------------------


def _columns(extra: list[str]) -> list[Column]:
    return [*COLUMNS, *(extra_column(k) for k in extra)]


def roster_bytes(units: list[Unit], path: Path, extra: list[str] = ()) -> bytes:
    """The roster of `units` as .xlsx or .csv bytes (by the suffix of `path`)."""
    columns = _columns(list(extra))
    rows = [[u.code, u.type_word, u.name] + [""] * (len(columns) - 3) for u in units]
    if path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.header for c in columns])
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    return _xlsx(columns, rows)


def _xlsx(columns: list[Column], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([c.header for c in columns])
    for row in rows:
        sheet.append(row)
    grey = PatternFill("solid", fgColor="DDDDDD")
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(column.header) + 4)
        head = sheet.cell(1, index)
        head.font = Font(bold=True)
        if column.prefilled:
            head.fill = grey
        for cell in sheet[letter][1:]:
            cell.number_format = "@"  # text: codes keep their leading zeros, dates stay as typed
    sheet.freeze_panes = "D2"
    notes = book.create_sheet(HELP_SHEET)
    notes.append(["Cột", "Ý nghĩa", "Ví dụ"])
    for column in columns:
        notes.append([column.header, column.meaning, column.example])
    for letter, width in (("A", 18), ("B", 90), ("C", 16)):
        notes.column_dimensions[letter].width = width
    for cell in notes[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- reading -------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(nz.words(text))


def _cells(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError("danh sách phải là tệp .xlsx hoặc .csv", Location(file=path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError("không tìm thấy tệp danh sách", Location(file=path)) from None
    except OSError:
        raise UnreadableFileError("không đọc được tệp danh sách (quyền truy cập hoặc lỗi đĩa)",
                                  Location(file=path)) from None
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableFileError("tệp CSV không phải UTF-8", Location(file=path),
                                      hint="trong Excel chọn Lưu thành «CSV UTF-8»") from None
        try:
            dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises zipfile, KeyError, ValueError... for a damaged file
        raise UnreadableFileError("không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx", Location(file=path),
                                  hint="mở bằng Excel rồi lưu lại dưới dạng .xlsx") from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _date(value: object, year: int) -> dt.date:
    if isinstance(value, dt.datetime):
        found = value.date()
    elif isinstance(value, dt.date):
        found = value
    else:
        text = _text(value)
        if m := _DATE.match(text):
            day, month, y = (int(g) for g in m.groups())
        elif m := _ISO_DATE.match(text):
            y, month, day = (int(g) for g in m.groups())
        else:
            raise ValueError(f"«{text}» không phải ngày; ghi dạng ngày/tháng/năm, ví dụ 15/01/{year}")
        try:
            found = dt.date(y, month, day)
        except ValueError:
            raise ValueError(f"ngày «{text}» không có thật") from None
    if found.year != year:
        raise ValueError(f"ngày {found:%d/%m/%Y} không thuộc năm {year} của kế hoạch (--year)")
    return found


def _number(value: object) -> int:
    text = _text(value)
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"«{text}» không phải số văn bản (số nguyên dương)")
    return int(text)


def read_roster(path: Path | str, *, year: int, provinces: list[Unit], registry: UnitRegistry,
                extra: list[str] = ()) -> Roster:
    """Usable rows by commune code, and the problem of each row that is not."""
    path = Path(path)
    cells = _cells(path)
    if not cells:
        raise InputError("danh sách rỗng", Location(file=path))
    known = {_key(c.header): c for c in _columns(list(extra))}
    columns: dict[str, int] = {}
    for index, header in enumerate(cells[0]):
        column = known.get(_key(_text(header)))
        if column is not None:
            columns.setdefault(column.key, index)
    if "ma" not in columns and "ten" not in columns:
        raise InputError("dòng đầu của danh sách cần cột «Mã đơn vị» hoặc «Tên đơn vị»",
                         Location(file=path, line=1),
                         hint="lập danh sách mẫu bằng: drafter batch roster --province <tỉnh> -o danh-sach.xlsx")
    codes = {p.code for p in provinces}
    roster = Roster(path, {}, [])
    for number, raw in enumerate(cells[1:], 2):
        values = {key: raw[i] if i < len(raw) else None for key, i in columns.items()}
        if all(_text(v) == "" for v in values.values()):
            continue
        row = _row(number, values, year, codes, registry, roster, extra)
        if row is not None:
            roster.rows[row.unit.code] = row
    return roster


def _unit(number: int, values: dict, codes: set[str], registry: UnitRegistry) -> Unit | RosterProblem:
    code, name, kind = _text(values.get("ma")), _text(values.get("ten")), _text(values.get("loai"))
    header = BY_KEY["ma"].header if code else BY_KEY["ten"].header
    if code:
        unit = registry.get(code.zfill(5)) if code.isdigit() else None
        if unit is None or unit.level != COMMUNE:
            return RosterProblem(number, header, f"không có đơn vị cấp xã mã «{code}»")
        if name and _key(name) not in (_key(unit.name), _key(unit.full_name)):
            return RosterProblem(number, BY_KEY["ten"].header,
                                 f"mã {unit.code} là {unit.full_name}, không phải «{name}»", unit)
    elif name:
        query = f"{kind} {name}" if kind and not _key(name).startswith(_key(kind)) else name
        try:
            others = registry.search(query, level=COMMUNE)
        except InputError as error:  # an unknown ", <tỉnh>" part of the name
            return RosterProblem(number, header, error.message)
        found = [u for u in others if u.province_code in codes]
        if len(found) != 1:
            if not found and others:
                where = "; ".join(registry.describe(u) for u in others[:3])
                return RosterProblem(number, header, f"«{query}» không thuộc tỉnh đang soạn ({where})")
            why = "không tìm thấy" if not found else f"có {len(found)} đơn vị cùng tên, cần ghi mã"
            return RosterProblem(number, header, f"{why} đơn vị «{query}»")
        unit = found[0]
    else:
        return RosterProblem(number, BY_KEY["ma"].header, "thiếu mã và tên đơn vị")
    if unit.province_code not in codes:
        province = registry.province_of(unit)
        return RosterProblem(number, header, f"{unit.full_name} thuộc {province.full_name if province else 'tỉnh khác'}, "
                                             "không thuộc tỉnh đang soạn")
    return unit


def _row(number: int, values: dict, year: int, codes: set[str], registry: UnitRegistry,
         roster: Roster, extra: list[str]) -> RosterRow | None:
    unit = _unit(number, values, codes, registry)
    if isinstance(unit, RosterProblem):
        roster.problems.append(unit)
        return None
    if unit.code in roster.rows:
        roster.problems.append(RosterProblem(number, BY_KEY["ma"].header, f"{unit.full_name} đã có ở dòng "
                                             f"{roster.rows[unit.code].row}", unit))
        return None
    row = RosterRow(number, unit)
    problems: list[RosterProblem] = []

    def bad(key: str, message: str) -> None:
        header = BY_KEY[key].header if key in BY_KEY else key
        problems.append(RosterProblem(number, header, message, unit))

    for key, parse in (("so", _number), ("ngay", lambda v: _date(v, year))):
        if _text(values.get(key)) or isinstance(values.get(key), dt.date):
            try:
                setattr(row, key, parse(values[key]))
            except ValueError as exc:
                bad(key, str(exc))
    authority = _text(values.get("tham_quyen"))
    if authority:
        row.hinh_thuc = SIGN_AS.get(" ".join(nz.spaced_plain(authority).split()))
        if row.hinh_thuc is None:
            bad("tham_quyen", f"«{authority}» không phải thẩm quyền ký; ghi «Chủ tịch» hoặc «Phó Chủ tịch»")
    row.nguoi_ky = _text(values.get("nguoi_ky")) or None
    row.dia_danh = _text(values.get("dia_danh")) or None
    filled = any(_text(values.get(k)) or isinstance(values.get(k), dt.date) for k in FILLED)
    if filled and not row.nguoi_ky:
        bad("nguoi_ky", "thiếu họ tên người ký")
    for key in extra:
        if _text(values.get(key)):
            row.extra[key] = _text(values[key])
    if problems:
        roster.problems.extend(problems)
        return None
    return row
