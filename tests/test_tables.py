"""Tables (`bang`) and appendices (`phu_luc`): the answers format, the layout (numbers the
Vietnamese way, merged headers, total row, the derived task table) and the Word document (a real
table in the template's style, header rows repeated, rows never split, landscape sections)."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from drafter.answers import load_plan
from drafter.check import check_docx_bytes
from drafter.document.render import render_docx
from drafter.document.tables import column_widths_mm, text_width_mm
from drafter.paths import PRESETS
from drafter.plan.appendix_layout import lay_out_appendices, reference_line
from drafter.plan.layout import context, text_lines
from drafter.plan.model import Plan
from drafter.plan.table import TableSpec, Width, lay_out_table, parse_width

EXAMPLE = PRESETS / "examples" / "006-khanh-hoa-pho-bien-luat-phu-luc.yaml"

BUDGET = {
    "ten": "Dự toán",
    "cot": [
        {"ten": "STT", "rong": "1.5cm", "can": "giua"},
        {"ten": "Nội dung", "rong": "45%"},
        {"ten": "Ngân sách tỉnh", "nhom": "Kinh phí (đồng)", "so": True},
        {"ten": "Ngân sách xã", "nhom": "Kinh phí (đồng)", "so": True},
        {"ten": "Số lớp", "so": True, "cong": False},
    ],
    "hang": [
        {"nhom": "I. CẤP TỈNH"},
        [1, "Hội nghị", 1250000, 0, 4],
        [2, "Tài liệu", 2500000.5, 300000, 10],
    ],
    "tong": "Tổng cộng",
}


def _plan(**extra) -> dict:
    base = {
        "co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"},
        "so": 7,
        "ngay": "2025-09-05",
        "trich_yeu": "Thử bảng và phụ lục",
        "noi_dung": [{"muc": "Nội dung", "noi_dung": [
            {"khoan": "Tổ chức hội nghị", "noi_dung": [
                {"nhiem_vu": {"chu_tri": "Sở Nội vụ.", "phoi_hop": ["Sở Tư pháp;", "Công an tỉnh."],
                              "thoi_gian": "Quý IV năm 2025."}}]},
            {"khoan": "Kiểm tra", "noi_dung": [{"nhiem_vu": {"chu_tri": "Sở Tư pháp", "thoi_gian": "Tháng 12"}}]},
        ]}, "Kết thúc."],
        "noi_nhan": ["Như trên"],
        "luu": "VT, VP",
        "chu_ky": {"nguoi_ky": "Nguyễn Văn A"},
    }
    base.update(extra)
    return base


# --- the answers format --------------------------------------------------------------------------


@pytest.mark.parametrize("text, width", [
    ("3cm", Width(3, "cm")), ("2,5 cm", Width(2.5, "cm")), ("25%", Width(25, "%")), (4, Width(4, "cm")),
])
def test_widths_in_cm_or_percent(text, width):
    assert parse_width(text) == width


@pytest.mark.parametrize("bad", ["rộng", "3in", "0cm", True])
def test_bad_width_is_a_vietnamese_message(bad):
    with pytest.raises(ValueError, match="độ rộng cột"):
        parse_width(bad)


@pytest.mark.parametrize("change, message", [
    (lambda t: t["hang"].append([3, "thiếu ô"]), "hàng 4 có 2 ô, bảng có 5 cột"),
    (lambda t: t["cot"][0].update(rong="70%"), "vượt 100%"),
    (lambda t: t["hang"][1].__setitem__(2, "một triệu"), "không phải số"),
    (lambda t: [c.update(so=False) for c in t["cot"]], "«tong» cần ít nhất một cột số"),
])
def test_table_mistakes_name_the_row_or_column(change, message):
    spec = copy.deepcopy(BUDGET)
    change(spec)
    with pytest.raises(ValidationError, match=message):
        TableSpec.model_validate(spec)


def test_task_table_without_task_blocks_is_refused():
    data = _plan(noi_dung=["Chỉ có một đoạn."], phu_luc={"bang_phan_cong": True})
    with pytest.raises(ValidationError, match="cần ít nhất một khối «nhiem_vu»"):
        Plan.model_validate(data)


def test_appendix_needs_content():
    with pytest.raises(ValidationError, match="phụ lục cần «noi_dung» hoặc «bang_phan_cong: true»"):
        Plan.model_validate(_plan(phu_luc=[{"ten": "Trống"}]))


# --- layout ------------------------------------------------------------------------------------------


def test_numbers_the_vietnamese_way_and_total_row():
    laid = lay_out_table(TableSpec.model_validate(BUDGET))
    assert laid.rows[0] == "I. CẤP TỈNH"
    assert laid.rows[1] == ["1", "Hội nghị", "1.250.000", "0", "4"]
    assert laid.rows[2][2] == "2.500.000,5"
    assert laid.total == ["Tổng cộng", "", "3.750.000,5", "300.000", ""]  # "Số lớp" is not summed


def test_grouped_columns_get_a_merged_header_and_the_others_span_two_rows():
    laid = lay_out_table(TableSpec.model_validate(BUDGET))
    top, bottom = laid.header
    assert [(c.text, c.col, c.span, c.rows) for c in top] == [
        ("STT", 0, 1, 2), ("Nội dung", 1, 1, 2), ("Kinh phí (đồng)", 2, 2, 1), ("Số lớp", 4, 1, 2)]
    assert [(c.text, c.col) for c in bottom] == [("Ngân sách tỉnh", 2), ("Ngân sách xã", 3)]


def test_column_widths_fit_the_page():
    widths = column_widths_mm([Width(1.5, "cm"), Width(40, "%"), None, None], 165)
    assert widths[0] == 15 and widths[1] == 66 and widths[2] == widths[3] == pytest.approx(42)
    assert sum(column_widths_mm([Width(10, "cm"), Width(10, "cm")], 165)) == pytest.approx(165)


def test_appendix_headings_numbered_only_when_several():
    one = lay_out_appendices(Plan.model_validate(_plan(phu_luc={"bang_phan_cong": True})))
    assert [a.so for a in one] == ["Phụ lục"]
    two = lay_out_appendices(Plan.model_validate(_plan(phu_luc=[
        {"bang_phan_cong": True}, {"ten": "Dự toán", "noi_dung": [{"bang": BUDGET}]}])))
    assert [a.so for a in two] == ["Phụ lục I", "Phụ lục II"]
    assert [a.ten for a in two] == ["PHÂN CÔNG NHIỆM VỤ", "DỰ TOÁN"]
    assert [a.ngang for a in two] == [True, False]  # a task table is landscape unless told otherwise


def test_reference_line_comes_from_the_header_fields():
    plan = Plan.model_validate(_plan())
    assert reference_line(plan) == ("(Kèm theo Kế hoạch số 07/KH-UBND ngày 05 tháng 9 năm 2025 "
                                    "của Ủy ban nhân dân tỉnh Khánh Hòa)")
    draft = Plan.model_validate(_plan(so=None, ngay=None, nam=2025, thang=10))
    assert reference_line(draft).startswith("(Kèm theo Kế hoạch số      /KH-UBND ngày    tháng 10 năm 2025 của")


def test_task_table_is_the_task_blocks_of_the_body():
    plan = Plan.model_validate(_plan(phu_luc={"bang_phan_cong": True}))
    [appendix] = lay_out_appendices(plan)
    table = appendix.than[0].bang
    assert [c.ten for c in table.columns] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                               "Thời gian thực hiện"]
    assert table.rows == [
        "I. NỘI DUNG",
        ["1", "Tổ chức hội nghị", "Sở Nội vụ", "Sở Tư pháp\nCông an tỉnh", "Quý IV năm 2025"],
        ["2", "Kiểm tra", "Sở Tư pháp", "", "Tháng 12"],
    ]
    body = "\n".join(line.dong for line in context(plan)["than"])
    for row in table.rows[1:]:  # every value printed in the table is printed in the body too
        for cell in row[2:]:
            for part in filter(None, cell.split("\n")):
                assert part in body


def test_plain_text_lists_table_cells_and_appendices_after_the_signature():
    lines = text_lines(load_plan(EXAMPLE))
    signer = lines.index("Nguyễn Văn An")
    assert lines[signer + 1:signer + 3] == ["Phụ lục I", "PHÂN CÔNG NHIỆM VỤ TUYÊN TRUYỀN, PHỔ BIẾN LUẬT TỔ CHỨC "
                                            "CHÍNH QUYỀN ĐỊA PHƯƠNG NĂM 2025"]
    assert "464.500.000" in lines and "269.500.000" in lines


# --- the Word document ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_doc():
    return docx.Document(io.BytesIO(render_docx(load_plan(EXAMPLE))))


def _data_tables(document):
    return [t for t in document.tables if t.style is not None and t.style.name == "Bảng"]


def test_tables_are_word_tables_in_the_template_style(example_doc):
    body_table, task_table, budget = _data_tables(example_doc)
    assert len(body_table.columns) == 4 and len(task_table.columns) == 5 and len(budget.columns) == 5
    grid = [int(g.get(qn("w:w"))) for g in body_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) / 1440 * 25.4 == pytest.approx(text_width_mm(False), abs=0.2)
    grid = [int(g.get(qn("w:w"))) for g in task_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) / 1440 * 25.4 == pytest.approx(text_width_mm(True), abs=0.2)


def test_header_rows_repeat_and_rows_never_split(example_doc):
    for table in _data_tables(example_doc):
        flags = [(row._tr.trPr.find(qn("w:tblHeader")) is not None, row._tr.trPr.find(qn("w:cantSplit")) is not None)
                 for row in table.rows]
        headers = 2 if table.cell(0, 2).text == "Nguồn kinh phí" else 1
        assert flags == [(True, True)] * headers + [(False, True)] * (len(flags) - headers)


def test_merged_header_cells(example_doc):
    body_table = _data_tables(example_doc)[0]
    assert body_table.cell(0, 2).text == body_table.cell(0, 3).text == "Nguồn kinh phí"  # gridSpan
    assert body_table.cell(0, 0)._tc is body_table.cell(1, 0)._tc or \
        body_table.cell(1, 0)._tc.tcPr.find(qn("w:vMerge")) is not None  # vertical merge
    assert body_table.rows[-1].cells[0].text == "Tổng cộng"


def test_landscape_appendix_is_its_own_section(example_doc):
    sections = example_doc.sections
    assert [s.page_width > s.page_height for s in sections] == [False, True, False]
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert starts[0] is None and all(p.get(qn("w:start")) == "1" for p in starts[1:])  # pages numbered per appendix


def test_the_example_passes_the_checker():
    findings = check_docx_bytes(render_docx(load_plan(EXAMPLE)))
    assert [f for f in findings if f.is_error] == []


cells = st.text(alphabet="aăâđêôơưÀẢ &<>\"'{}%#\n", min_size=1, max_size=20).filter(lambda s: s.strip())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=cells)
def test_cell_text_survives_literally(text):
    table = {"cot": [{"ten": "Nội dung"}], "hang": [[text]]}
    data = _plan()
    data["noi_dung"] = ["Mở đầu.", {"bang": table}, "Kết thúc."]
    document = docx.Document(io.BytesIO(render_docx(Plan.model_validate(data))))
    [table] = _data_tables(document)
    cleaned = Plan.model_validate(data).noi_dung[1].bang.hang[0][0]
    assert "\n".join(p.text for p in table.cell(1, 0).paragraphs) == cleaned


@pytest.mark.parametrize("table, message, path", [
    ("{cot: [{ten: A}], hang: [[[1, 2]]]}", "mỗi ô là chữ, số hoặc để trống", "bang.hang[0][0]"),
    ("{cot: [{ten: A}], hang: [5]}", "mỗi hàng là một danh sách ô", "bang.hang[0]"),
    ("{cot: [{ten: A, can: center}], hang: [[1]]}", "chấp nhận: 'trai', 'giua', 'phai'", "bang.cot[0].can"),
    ("{cot: [{ten: A}, {ten: B}], hang: [[a]]}", "hàng 1 có 1 ô, bảng có 2 cột", "bang"),
])
def test_table_errors_in_a_file_name_the_field_without_type_names(tmp_path, table, message, path):
    from drafter.errors import InputError

    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(
        "co_quan: {cap: tinh, loai: tỉnh, ten: Khánh Hòa}\nngay: 2025-09-05\ntrich_yeu: Thử\n"
        f"noi_dung:\n  - bang: {table}\n  - Kết thúc.\nchu_ky: {{nguoi_ky: A}}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_plan(spec)
    text = str(caught.value)
    assert message in text and f"noi_dung[0].{path}»" in text and "dòng 5" in text
    for python in ("list[", "int", "float", "GroupRow", "union", "__tag__"):
        assert python not in text


def _template_without(tmp_path, first: str, last: str):
    """The default template without the paragraphs from `first` to `last` (an older template)."""
    from drafter.document.build_template import build

    document = docx.Document(build(tmp_path / "mau.docx"))
    texts = [p.text for p in document.paragraphs]
    start = texts.index(first)
    end = start + texts[start:].index(last) if last != "endfor" else \
        max(i for i, t in enumerate(texts) if t == "{%p endfor %}")
    for paragraph in document.paragraphs[start:end + 1]:
        paragraph._p.getparent().remove(paragraph._p)
    out = tmp_path / "mau-cu.docx"
    document.save(out)
    return out


def test_a_template_that_cannot_place_tables_or_appendices_is_refused(tmp_path):
    from drafter.errors import TemplateError

    plan = load_plan(EXAMPLE)
    no_tables = _template_without(tmp_path, '{%p elif d.kieu == "bang" %}', "{{p d.bang }}")
    with pytest.raises(TemplateError, match="mẫu không có chỗ đặt bảng"):
        render_docx(plan, no_tables)
    no_appendices = _template_without(tmp_path, "{%p for pl in phu_luc %}", "endfor")
    with pytest.raises(TemplateError, match="phụ lục"):
        render_docx(plan, no_appendices)


def test_a_body_ending_with_a_table_keeps_the_closing_mark_in_the_text():
    data = _plan()
    data["noi_dung"] = data["noi_dung"][:1] + [{"bang": BUDGET}]
    plan = Plan.model_validate(data)
    lines = context(plan)["than"]
    assert lines[-1].kieu == "bang" and lines[-2].dong.endswith("./.")
    assert [f.rule for f in check_docx_bytes(render_docx(plan)) if f.is_error] == []


def test_answers_with_tables_and_appendices_round_trip(tmp_path):
    from drafter.answers import dump_plan

    plan = load_plan(EXAMPLE)
    written = tmp_path / "ke-hoach.yaml"
    written.write_text(dump_plan(plan), encoding="utf-8")
    again = load_plan(written)
    # a written file spells out defaults (tieu_de): the same plan text, and a stable second dump
    assert text_lines(again) == text_lines(plan)
    assert dump_plan(again) == written.read_text(encoding="utf-8")


def test_a_last_landscape_appendix_makes_the_last_section_landscape():
    plan = Plan.model_validate(_plan(phu_luc={"bang_phan_cong": True}))
    document = docx.Document(io.BytesIO(render_docx(plan)))
    assert [s.page_width > s.page_height for s in document.sections] == [False, True]
    assert [f.rule for f in check_docx_bytes(render_docx(plan)) if f.is_error] == []


def test_braces_and_markup_in_cells_survive_literally():
    """docxtpl rewrites {_{ … }_} in the XML it renders; a cell's text must come out as typed."""
    spec = _plan(noi_dung=[{"bang": {"cot": [{"ten": "A {_{ x }_}"}, {"ten": "B"}],
                                     "hang": [["{_% if %_} & <b> {{ 7*7 }}", "x"]]}}, "Kết thúc."])
    document = docx.Document(io.BytesIO(render_docx(Plan.model_validate(spec))))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "A {_{ x }_}" in cells and "{_% if %_} & <b> {{ 7*7 }}" in cells
