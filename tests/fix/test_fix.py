"""`drafter fix`: each damaged test document of the checker is repaired to zero findings of every
repairable rule with the same words; a document whose defects need a person is left alone;
signed, tracked, macro and embedded documents are refused; the input is never written."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from checkhelp import for_runs, good_bytes, insert_after, mutated, para, set_text, styled  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Mm, Pt, RGBColor  # noqa: E402

from drafter.check import check_docx_bytes  # noqa: E402
from drafter.fix import REPAIRABLE, RefusedError, fix_bytes, run_fix  # noqa: E402
from drafter.fix.words import document_words  # noqa: E402

LAW = "Căn cứ Luật Thực hiện dân chủ ở cơ sở"
BODY = "Ủy ban nhân dân phường ban hành"
POINT = "a) Nâng cao nhận thức"


def _landscape_first(d):
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width


def _page_number_left_small(d):
    p = d.sections[0].header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for r in p._p.iter(qn("w:r")):
        r.get_or_add_rPr().get_or_add_sz().val = Pt(10)


def _no_title_page(d):
    d.sections[0].different_first_page_header_footer = False


def _arial(d):
    for p in (para(d, BODY), para(d, POINT)):
        for r in p.runs:
            r.font.name = "Arial"


def _borders(d):
    d.tables[0]._tbl.tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
        f'</w:tblBorders>'))


def _wide_table(d):
    d.tables[1]._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(round(190 / 25.4 * 1440)))
    for g in d.tables[1]._tbl.tblGrid.iterchildren(qn("w:gridCol")):
        g.set(qn("w:w"), str(round(95 / 25.4 * 1440)))


def _long_subject_rule(d):
    rule = styled(d, "Đường kẻ trích yếu")[0]
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(0)


def _small_caps_off(d):
    for_runs(para(d, "I. MỤC ĐÍCH"), bold=False)
    set_text(para(d, "I. MỤC ĐÍCH"), "I. Mục đích, yêu cầu")


def _signature(d):
    for_runs(para(d, "TM. ỦY BAN"), bold=False, size=12)
    for_runs(para(d, "Nguyễn Văn An"), bold=False)
    p = para(d, "Nguyễn Văn An")
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _recipients(d):
    for_runs(para(d, "Nơi nhận:"), italic=False, size=13)
    set_text(para(d, "- Thường trực Đảng ủy"), "- Thường trực Đảng ủy phường,")
    set_text(para(d, "- Lưu:"), "- Lưu VT, VP;")
    for_runs(para(d, "- Phòng Văn hóa"), size=13)


def _end_and_subject(d):
    last = para(d, "Trên đây là Kế hoạch")
    set_text(last, last.text.replace("./.", "."))
    subject = para(d, "trên địa bàn phường Tân Định")
    set_text(subject, subject.text + ".")


def _number_and_date(d):
    set_text(para(d, "Số:"), "Số 7 /KH-UBND")
    set_text(para(d, "Tân Định, ngày"), "Tân Định ngày 5 tháng 09 năm 2025")


def _body_paragraphs(d):
    p = para(d, BODY)
    for_runs(p, size=12)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.first_line_indent = Cm(0.5)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 2.0


def _typing(d):
    set_text(para(d, POINT), "a) Nâng cao  nhận thức của cán bộ , công chức và Nhân dân về thực hiện dân chủ ở cơ sở .")


def _east_asian_font(d):
    for r in para(d, BODY).runs:
        r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "MS Mincho")


def _header_rules(d):
    for style, mm in (("Đường kẻ tiêu ngữ", 30), ("Đường kẻ cơ quan", 0)):
        rule = styled(d, style)[0]
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(mm)


def _motto_and_khoan(d):
    for_runs(para(d, "CỘNG HÒA"), bold=False)
    para(d, "Độc lập").alignment = WD_ALIGN_PARAGRAPH.LEFT
    for_runs(para(d, "1. Mục đích"), bold=False)


def _no_page_number(d):
    import copy

    field = d.sections[0].header.paragraphs[0]._p.find(qn("w:fldSimple"))
    field.getparent().remove(field)
    body = para(d, POINT)
    for _ in range(30):
        body._p.addnext(copy.deepcopy(body._p))


DAMAGES = {
    "east-asian-font": _east_asian_font,
    "header-rules": _header_rules,
    "motto-and-khoan": _motto_and_khoan,
    "no-page-number": _no_page_number,
    "paper-and-margins": lambda d: (setattr(d.sections[0], "left_margin", Mm(25)),
                                    setattr(d.sections[0], "top_margin", Mm(15))),
    "landscape-first-page": _landscape_first,
    "page-number-format": _page_number_left_small,
    "page-number-on-page-1": _no_title_page,
    "fonts": _arial,
    "colour": lambda d: setattr(para(d, BODY).runs[0].font.color, "rgb", RGBColor(0, 0, 0xFF)),
    "header-sizes": lambda d: (for_runs(para(d, "ỦY BAN NHÂN DÂN"), size=14, bold=False),
                               for_runs(para(d, "CỘNG HÒA"), size=12), for_runs(para(d, "Số:"), size=14),
                               for_runs(para(d, "Tân Định, ngày"), italic=False)),
    "title-subject": lambda d: (for_runs(para(d, "KẾ HOẠCH"), bold=False),
                                setattr(para(d, "Triển khai thực hiện"), "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "bases": lambda d: (for_runs(para(d, LAW), italic=False),
                        set_text(para(d, LAW), LAW + " ngày 10 tháng 11 năm 2022,")),
    "headings": _small_caps_off,
    "body-paragraphs": _body_paragraphs,
    "signature": _signature,
    "recipients": _recipients,
    "ending-and-subject-stop": _end_and_subject,
    "number-and-date": _number_and_date,
    "table-borders": _borders,
    "table-width": _wide_table,
    "rule-length": _long_subject_rule,
    "typing": _typing,
}


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_damaged_document_is_repaired_with_the_same_words(name: str) -> None:
    data = mutated(DAMAGES[name])
    before = check_docx_bytes(data)
    assert any(f.rule in REPAIRABLE for f in before), f"{name}: the damage is not seen by the checker"
    result = fix_bytes(data)
    left = [f"{f.rule} {f.where}: {f.message}" for f in result.after if f.rule in REPAIRABLE]
    assert left == []
    assert document_words(result.data) == document_words(data)
    assert result.changes and all(c.rule in REPAIRABLE for c in result.changes)
    repaired = {f.rule for f in before if f.rule in REPAIRABLE}
    assert repaired <= {c.rule for c in result.changes} | {"ND30-H9"}


def test_every_change_is_listed_with_before_and_after() -> None:
    result = fix_bytes(mutated(_number_and_date))
    shown = {(c.rule, c.where, c.before, c.after) for c in result.changes}
    assert ("ND30-S1", "bảng 1, hàng 2, cột 1", "Số 7 /KH-UBND", "Số: 07/KH-UBND") in shown
    assert any(c.rule == "ND30-N1" and "ngày 5 " in c.before and "ngày 05 " in c.after for c in result.changes)
    assert any(c.rule == "ND30-N1" and "tháng 09" in c.before and "tháng 9 " in c.after for c in result.changes)


def test_the_words_change_only_by_the_listed_punctuation_and_padding() -> None:
    data = mutated(lambda d: [DAMAGES[n](d) for n in ("bases", "recipients", "ending-and-subject-stop",
                                                       "number-and-date", "typing")])
    result = fix_bytes(data)
    assert document_words(result.data) == document_words(data)
    assert [f.rule for f in result.after if f.rule in REPAIRABLE] == []


def test_a_document_whose_defects_need_a_person_is_left_alone(tmp_path: Path, capsys) -> None:
    def person(d):
        insert_after(para(d, POINT), "c) Giao Sở Kế hoạch và Đầu tư phối hợp thực hiện.")  # abolished; c) after b)?
    data = mutated(person)
    before = check_docx_bytes(data)
    assert before and not any(f.rule in REPAIRABLE for f in before)
    result = fix_bytes(data)
    assert result.changes == [] and result.data is None and result.after == before
    source, output = tmp_path / "ke-hoach.docx", tmp_path / "ra.docx"
    source.write_bytes(data)
    code = run_fix(source, output)
    out = capsys.readouterr().out
    assert code == 1 and not output.exists()
    assert "không có gì sửa được" in out and "Cần người xem" in out and "ND30-V1" in out


def test_good_plan_is_left_alone() -> None:
    result = fix_bytes(good_bytes())
    assert result.changes == [] and result.after == []


# -- refusals ------------------------------------------------------------------------------------------------------


def _with_part(name: str, content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good_bytes())) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize("name, content, why", [
    ("_xmlsignatures/sig1.xml", b"<Signature/>", "ký số"),
    ("word/vbaProject.bin", b"\x00macro", "macro"),
    ("word/embeddings/oleObject1.bin", b"\x00ole", "đối tượng nhúng"),
])
def test_untouchable_documents_are_refused(name: str, content: bytes, why: str) -> None:
    with pytest.raises(RefusedError) as err:
        fix_bytes(_with_part(name, content))
    assert why in str(err.value) and err.value.exit_code == 2


def test_tracked_changes_are_refused() -> None:
    def track(d):
        p = para(d, BODY)
        p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z">'
                              f'<w:r><w:t>thêm</w:t></w:r></w:ins>'))
    with pytest.raises(RefusedError) as err:
        fix_bytes(mutated(track))
    assert "Track Changes" in str(err.value)


# -- the command ------------------------------------------------------------------------------------------------------


def test_command_writes_a_new_file_and_never_the_input(tmp_path: Path, capsys) -> None:
    source, output = tmp_path / "vao.docx", tmp_path / "ra.docx"
    data = mutated(DAMAGES["bases"])
    source.write_bytes(data)
    assert run_fix(source, output) == 0
    assert source.read_bytes() == data and output.exists()
    out = capsys.readouterr().out
    assert "[ND30-C2] đoạn 6 — dấu cuối căn cứ" in out and "đạt, không có lỗi thể thức" in out
    assert run_fix(source, output) == 2  # exists, no --force
    assert run_fix(source, source, force=True) == 2  # never over the input
    assert source.read_bytes() == data
    assert "trùng tệp vào" in capsys.readouterr().err


def test_command_json_report(tmp_path: Path, capsys) -> None:
    source, output = tmp_path / "vao.docx", tmp_path / "ra.docx"
    source.write_bytes(mutated(DAMAGES["number-and-date"]))
    assert run_fix(source, output, "json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] and report["errors_before"] >= 2 and report["errors_after"] == 0
    assert {"rule", "where", "what", "before", "after"} == set(report["changes"][0])


def test_command_refusal_is_a_message(tmp_path: Path, capsys) -> None:
    source = tmp_path / "ky-so.docx"
    source.write_bytes(_with_part("_xmlsignatures/sig1.xml", b"<Signature/>"))
    assert run_fix(source, tmp_path / "ra.docx") == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: tệp") and "ký số" in err and "Traceback" not in err
    assert not (tmp_path / "ra.docx").exists()


def test_unforeseen_document_shape_names_no_python_type(tmp_path: Path, capsys, monkeypatch) -> None:
    import drafter.fix

    def broken(data, path):
        raise KeyError("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")

    monkeypatch.setattr(drafter.fix, "fix_bytes", broken)  # report.run imports it when run
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(good_bytes())
    assert run_fix(source, tmp_path / "ra.docx") == 2
    err = capsys.readouterr().err
    assert "cấu trúc văn bản lạ" in err and "ke-hoach.docx" in err
    assert "KeyError" not in err and "Traceback" not in err
    assert not (tmp_path / "ra.docx").exists()

def test_through_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drafter.cli import app

    runner = CliRunner()
    source, output = tmp_path / "vao.docx", tmp_path / "ra.docx"
    source.write_bytes(mutated(DAMAGES["fonts"]))
    result = runner.invoke(app, ["fix", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "[ND30-F1]" in result.output and output.exists()
    assert runner.invoke(app, ["fix", str(source), "-o", str(tmp_path / "x.docx"), "--format", "xml"]).exit_code == 2
    missing = runner.invoke(app, ["fix", str(tmp_path / "khong-co.docx"), "-o", str(tmp_path / "y.docx")])
    assert missing.exit_code == 2 and "không tìm thấy tệp" in missing.output


def test_draft_blanks_and_point_letters_are_kept() -> None:
    """The public rewriter collapsed the blank number and date of a draft and wrote «A)» for «a)»."""
    def draft(d):
        set_text(para(d, "Số:"), "Số:      /KH-UBND")
        set_text(para(d, "Tân Định, ngày"), "Tân Định, ngày    tháng    năm 2025")
        for_runs(para(d, "I. MỤC ĐÍCH"), bold=False)
        d.sections[0].left_margin = Mm(25)
    data = mutated(draft)
    result = fix_bytes(data)
    assert {c.rule for c in result.changes} >= {"ND30-P2", "ND30-M4"}
    import docx as _docx

    fixed = _docx.Document(io.BytesIO(result.data))
    assert para(fixed, "Số:").text == "Số:      /KH-UBND"
    assert para(fixed, "Tân Định, ngày").text == "Tân Định, ngày    tháng    năm 2025"
    assert para(fixed, POINT).text.startswith("a) ") and para(fixed, "b) Phát huy").text.startswith("b) ")
    assert document_words(result.data) == document_words(data)


@pytest.mark.parametrize("example", sorted((Path(__file__).resolve().parents[2] / "presets" / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_rendered_examples_need_no_repair(example: Path) -> None:
    from drafter.answers import load_plan
    from drafter.document.render import render_docx

    result = fix_bytes(render_docx(load_plan(example)))
    assert result.changes == [] and result.data is None


def test_rules_drawn_as_shapes_are_resized(monkeypatch) -> None:
    """A hand-made plan draws its rules: a VML line under the issuer, a DrawingML line (with a VML
    fallback) under the motto. Too long and too short, they are resized to the rules table's
    default ratio."""
    import test_check_handmade as handmade

    vml, drawing = handmade._vml_line, handmade._drawing_line
    monkeypatch.setattr(handmade, "_vml_line", lambda p, mm: vml(p, mm * 2.5))
    monkeypatch.setattr(handmade, "_drawing_line", lambda p, mm: drawing(p, mm * 0.6))
    data = handmade.build()
    assert {"ND30-H3", "ND30-H7"} <= {f.rule for f in check_docx_bytes(data)}
    result = fix_bytes(data)
    assert {c.rule for c in result.changes} == {"ND30-H3", "ND30-H7"} and result.after == []
    assert document_words(result.data) == document_words(data)


def test_removing_paragraphs_never_breaks_the_repair() -> None:
    """Odd shapes of plans (any paragraph missing) are repaired or left, never crash or lose words."""
    from checkhelp import all_paragraphs, good_document, remove, save

    count = len(all_paragraphs(good_document()))
    for k in range(0, count, 3):
        d = good_document()
        remove(all_paragraphs(d)[k])
        d.sections[0].left_margin = Mm(25)
        data = save(d)
        result = fix_bytes(data)
        assert "ND30-P2" not in {f.rule for f in result.after}, k
        assert document_words(result.data) == document_words(data), k


def test_a_text_file_is_not_a_word_document(tmp_path: Path, capsys) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text("KẾ HOẠCH\n", encoding="utf-8")
    assert run_fix(source, tmp_path / "ra.docx") == 2
    assert "không phải tệp Word" in capsys.readouterr().err
