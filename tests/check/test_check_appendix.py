"""The checker reads appendices after the signature: their numbering, their "(Kèm theo …)" line
and its number, their look; text after Nơi nhận that is an appendix is not the plan's body; a
landscape section holding a table is allowed and paragraph widths are measured per section."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from drafter.answers import load_plan
from drafter.check import check_docx_bytes, check_text
from drafter.check.anatomy import Unit, analyse
from drafter.check.docx_reader import Reader
from drafter.check.formatting import Resolver
from drafter.check.package import Package
from drafter.check.textprep import clean_line
from drafter.document.render import render_docx
from drafter.paths import PRESETS
from drafter.plan.layout import text_lines

EXAMPLE = PRESETS / "examples" / "006-khanh-hoa-pho-bien-luat-phu-luc.yaml"


def _lines() -> list[str]:
    return text_lines(load_plan(EXAMPLE))


def _rules(lines: list[str]) -> list[tuple[str, str]]:
    return [(f.rule, f.found) for f in check_text(lines)]


def test_the_text_of_a_plan_with_appendices_is_clean():
    assert _rules(_lines()) == []


def test_signature_and_recipients_are_found_before_long_appendices():
    lines = _lines()
    # 80 more lines of appendix: the signature is no longer within the last 25 lines of the text.
    lines += ["Phụ lục III", "DANH SÁCH", "(Kèm theo Kế hoạch số 215/KH-UBND ngày 15 tháng 9 năm 2025 của Ủy ban "
              "nhân dân tỉnh Khánh Hòa)"] + [f"Đơn vị số {n}" for n in range(80)]
    units = [Unit(clean_line(t), f"đoạn {n}", end=len(t)) for n, t in enumerate(lines, 1)]
    a = analyse(units)
    assert a.text(a.signer) == "Nguyễn Văn An"
    assert [a.text(i) for i in a.appendices] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    assert a.text(a.last_content).endswith("./.")
    assert [f.rule for f in check_text(lines)] == []


def test_appendix_numbering_out_of_order():
    lines = _lines()
    lines[lines.index("Phụ lục II")] = "Phụ lục III"
    assert _rules(lines) == [("ND30-A1", "Phụ lục III")]


def test_several_appendices_need_numbers():
    lines = _lines()
    lines[lines.index("Phụ lục II")] = "PHỤ LỤC"
    assert _rules(lines) == [("ND30-A1", "PHỤ LỤC")]


def test_appendix_heading_with_title_on_the_same_line_and_arabic_numbers():
    lines = _lines()
    i = lines.index("Phụ lục I")
    lines[i:i + 2] = ["PHỤ LỤC 01. " + lines[i + 1]]
    lines[lines.index("Phụ lục II")] = "PHỤ LỤC 02"
    assert _rules(lines) == []


def test_missing_reference_line():
    lines = _lines()
    first = next(i for i, t in enumerate(lines) if t.startswith("(Kèm theo"))
    del lines[first]
    assert [r for r, _ in _rules(lines)] == ["ND30-A2"]


def test_reference_line_with_another_number():
    lines = _lines()
    first = next(i for i, t in enumerate(lines) if t.startswith("(Kèm theo"))
    lines[first] = lines[first].replace("số 215/", "số 251/")
    assert [r for r, _ in _rules(lines)] == ["ND30-A3"]


# --- DOCX -----------------------------------------------------------------------------------------


def _example_document():
    return docx.Document(io.BytesIO(render_docx(load_plan(EXAMPLE))))


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_appendix_heading_look_is_checked():
    document = _example_document()
    heading = next(p for p in document.paragraphs if p.text == "Phụ lục II")
    for run in heading.runs:
        run.bold = False
    found = [(f.rule, f.severity) for f in check_docx_bytes(_save(document))]
    assert found == [("ND30-A4", "warning")]


def test_landscape_first_page_is_still_an_error():
    document = _example_document()
    first = document.sections[0]
    first.orientation = WD_ORIENT.LANDSCAPE
    first.page_width, first.page_height = Mm(297), Mm(210)
    rules = [f.rule for f in check_docx_bytes(_save(document)) if f.is_error]
    assert "ND30-P1" in rules


def test_paragraph_widths_follow_their_section():
    package = Package.from_document(_example_document())
    reader = Reader(package, Resolver(package))
    paras = reader.read()
    portrait = next(p for p in paras if p.text == "IV. TỔ CHỨC THỰC HIỆN")
    landscape = next(p for p in paras if p.text == "Phụ lục I")
    last = next(p for p in paras if p.text == "Phụ lục II")
    assert round(portrait.width_mm) == 165 and round(landscape.width_mm) == 252 and round(last.width_mm) == 165


def test_missing_reference_line_in_a_docx_is_one_finding():
    document = _example_document()
    reference = next(p for p in document.paragraphs if p.text.startswith("(Kèm theo") and "215" in p.text)
    reference._p.getparent().remove(reference._p)
    assert [f.rule for f in check_docx_bytes(_save(document))] == ["ND30-A2"]
