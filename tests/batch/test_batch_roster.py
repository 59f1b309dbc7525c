"""The roster: written pre-filled from the unit data, read back with per-row problems, and a
province's own model with values of its own."""

import csv
import io
import zipfile

import docx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from drafter.cli import app
from drafter.document.text import paragraph_texts

runner = CliRunner()
PROVINCE = "Khánh Hòa"


def _roster(tmp_path, name="danh-sach.xlsx", *extra):
    path = tmp_path / name
    result = runner.invoke(app, ["batch", "roster", *extra, "--province", PROVINCE, "--year", "2026", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.timeout(60)
def test_roster_is_prefilled_with_every_commune_and_explains_its_columns(tmp_path):
    book = load_workbook(_roster(tmp_path))
    sheet, notes = book["Danh sách"], book["Giải thích"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("Mã đơn vị", "Loại", "Tên đơn vị", "Số", "Ngày ban hành", "Thẩm quyền ký", "Người ký",
                           "Địa danh")
    assert len(rows) == 66 and rows[1][:3] == ("22333", "phường", "Bắc Nha Trang")
    assert {r[1] for r in rows[1:]} == {"xã", "phường", "đặc khu"}
    explained = [r[0] for r in notes.iter_rows(min_row=2, values_only=True)]
    assert explained == list(rows[0])


@pytest.mark.timeout(60)
def test_csv_roster_works_the_same_way(tmp_path):
    path = _roster(tmp_path, "danh-sach.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[1][3:7] = ["7", "05/01/2026", "Phó Chủ tịch", "Trần Thị B"]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "ra"
    result = runner.invoke(app, ["batch", "run", "--kind", "trien-khai-nghi-quyet", "--province", PROVINCE,
                                 "--year", "2026", "--roster", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    texts = paragraph_texts(docx.Document(str(out / "22333-phuong-bac-nha-trang.docx")))
    assert "Số: 07/KH-UBND" in texts and "Bắc Nha Trang, ngày 05 tháng 01 năm 2026" in texts
    assert texts[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị B"]


@pytest.mark.timeout(240)
def test_bad_rows_are_named_and_every_other_plan_is_made(tmp_path):
    path = _roster(tmp_path)
    book = load_workbook(path)
    sheet = book["Danh sách"]
    # row 2: phường Bắc Nha Trang, filled correctly
    sheet["D2"], sheet["E2"], sheet["F2"], sheet["G2"] = "12", "15/01/2026", "Chủ tịch", "Nguyễn Văn A"
    sheet["E3"], sheet["G3"] = "31/02/2026", "Lê Văn C"  # phường Nha Trang: a date that does not exist
    sheet["D4"], sheet["G4"] = "13", None  # phường Tây Nha Trang: numbered, nobody signs
    sheet.append([None, "xã", "Không Có Thật", "14", None, None, "Phạm D"])  # row 67: unknown commune
    sheet.append(["00004", None, None, "15", None, None, "Vũ E"])  # row 68: phường Ba Đình, Hà Nội
    book.save(path)
    out = tmp_path / "ra"
    result = runner.invoke(app, ["batch", "run", "--kind", "trien-khai-nghi-quyet", "--province", PROVINCE,
                                 "--year", "2026", "--roster", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(list(out.glob("*.docx"))) == 63  # 65 communes, two of them with a bad row
    summary = (out / "tong-hop.csv").read_text(encoding="utf-8-sig")
    assert "dòng 3, trường «Ngày ban hành»: ngày «31/02/2026» không có thật" in summary
    assert "dòng 4, trường «Người ký»: thiếu họ tên người ký" in summary
    assert "dòng 67, trường «Tên đơn vị»: không tìm thấy đơn vị «xã Không Có Thật»" in summary
    assert "dòng 68, trường «Mã đơn vị»: phường Ba Đình thuộc thành phố Hà Nội, không thuộc tỉnh đang soạn" in summary
    texts = paragraph_texts(docx.Document(str(out / "22333-phuong-bac-nha-trang.docx")))
    assert "Số: 12/KH-UBND" in texts and texts[-1] == "Nguyễn Văn A"
    for line in ("dòng 3", "dòng 4", "dòng 67", "dòng 68"):
        assert line in result.output


MODEL = """\
# Mẫu của Sở Nội vụ tỉnh Khánh Hòa cho các xã, phường, đặc khu
trich_yeu:
  - "Tổ chức {ten_hoat_dong} trên địa bàn {don_vi} năm {nam}"
dan_nhap: "Ủy ban nhân dân {cap} ban hành Kế hoạch tổ chức {ten_hoat_dong} trên địa bàn {don_vi} như sau:"
noi_dung:
  - muc: Mục đích, yêu cầu
    noi_dung:
      - khoan: Mục đích
        noi_dung:
          - "Tổ chức {ten_hoat_dong} thiết thực, hiệu quả tại {cap_duoi}."
  - muc: Tổ chức thực hiện
    noi_dung:
      - khoan: Nhiệm vụ
        noi_dung:
          - nhiem_vu:
              chu_tri: "{@van-hoa}."
              phoi_hop: "{@cong-an}, {@ubmttq}."
              thoi_gian: "Năm {nam}."
"""


@pytest.mark.timeout(240)
def test_a_province_model_with_its_own_value(tmp_path):
    model = tmp_path / "mau-tinh.yaml"
    model.write_text(MODEL, encoding="utf-8")
    path = _roster(tmp_path, "danh-sach.xlsx", str(model))
    book = load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet.cell(1, 9).value == "ten_hoat_dong"
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 9).value = f"Ngày hội Đại đoàn kết {sheet.cell(row, 3).value}"
    sheet.cell(2, 9).value = None  # phường Bắc Nha Trang forgot its value
    book.save(path)
    out = tmp_path / "ra"
    result = runner.invoke(app, ["batch", "run", str(model), "--province", PROVINCE, "--year", "2026",
                                 "--roster", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert "thiếu giá trị {ten_hoat_dong}" in (out / "tong-hop.csv").read_text(encoding="utf-8-sig")
    assert len(list(out.glob("*.docx"))) == 64
    texts = paragraph_texts(docx.Document(str(out / "22366-phuong-nha-trang.docx")))
    assert "Tổ chức Ngày hội Đại đoàn kết Nha Trang trên địa bàn phường Nha Trang năm 2026" in texts
    assert "- Các tổ dân phố;" in texts and "- Công an phường;" in texts
    with zipfile.ZipFile(out / "22366-phuong-nha-trang.docx") as archive:
        assert "{" not in archive.read("word/document.xml").decode()


def test_read_roster_reasons_row_by_row(tmp_path):
    import datetime as dt

    from drafter.batch.roster import read_roster
    from drafter.units import UnitRegistry

    registry = UnitRegistry.load()
    path = tmp_path / "ds.csv"
    path.write_text(
        "Mã đơn vị;Loại;Tên đơn vị;Số;Ngày ban hành;Thẩm quyền ký;Người ký\n"
        "22333;phường;Bắc Nha Trang;5;2026-03-09;pct;Ngô F\n"  # ISO date, abbreviation PCT
        ";xã;Cam Lâm;;;;\n"  # nothing filled in: a draft, not a problem
        ";phường;Ba Đình;;;;\n"  # a commune of Hà Nội
        "22333;;;6;;;Ngô F\n"  # the same commune twice
        "22366;;Tây Nha Trang;;;;\n"  # code and name disagree
        "22390;;;;;Bí thư;Ngô F\n"  # not a signing authority
        "22411;;;x;09/3/2025;;Ngô F\n",  # bad number, date of another year
        encoding="utf-8")
    roster = read_roster(path, year=2026, provinces=[registry.find("Khánh Hòa", level="tinh")], registry=registry)
    bnt = roster.rows.get("22333")
    assert bnt is not None and (bnt.so, bnt.ngay, bnt.hinh_thuc) == (5, dt.date(2026, 3, 9), "ky_thay")
    problems = {(p.row, p.column): p.message for p in roster.problems}
    assert "thuộc tỉnh đang soạn" in problems[(4, "Tên đơn vị")] and "Hà Nội" in problems[(4, "Tên đơn vị")]
    assert problems[(5, "Mã đơn vị")] == "phường Bắc Nha Trang đã có ở dòng 2"
    assert problems[(6, "Tên đơn vị")] == "mã 22366 là phường Nha Trang, không phải «Tây Nha Trang»"
    assert "không phải thẩm quyền ký" in problems[(7, "Thẩm quyền ký")]
    assert "không phải số văn bản" in problems[(8, "Số")]
    assert "không thuộc năm 2026" in problems[(8, "Ngày ban hành")]
    assert len(problems) == 6
