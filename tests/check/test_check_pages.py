"""Page rules (ND30-TR1…G11, `drafter check --trang`) on the PDFs LibreOffice makes: every example,
every kind × level, and deliberately broken documents, all converted in ONE LibreOffice call
(session fixture) so that CI pays LibreOffice's start-up once."""

from __future__ import annotations

import dataclasses

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from checkhelp import good_bytes, mutated, set_text, styled
from test_check_handmade import build as handmade_plan
from drafter.answers import load_plan
from drafter.check.docx_checks import DocView
from drafter.check.package import Package
from drafter.document.render import render_docx
from drafter.office.convert import convert_bytes
from drafter.office.page_rules import check_pages
from drafter.office.pdf_pages import PT_PER_MM, read_pages
from drafter.office.soffice import missing_reason
from drafter.paths import PRESETS
from drafter.presets import scaffold
from drafter.presets.kinds import all_kinds

pytestmark = pytest.mark.skipif(missing_reason() is not None,
                                reason=f"LibreOffice không có, bỏ qua kiểm tra trang in: {missing_reason()}")

EXAMPLES = sorted((PRESETS / "examples").glob("*.yaml"))
UNITS = {("tinh", True): "Khánh Hòa", ("xa", True): "Bắc Nha Trang",
         ("tinh", False): "Bình Phước", ("xa", False): "Vạn Thắng, Khánh Hòa"}
KIND_CASES = [(k, lv, y) for k, kind in sorted(all_kinds().items()) for lv in kind.cap
              for y in (2026, 2024) if not kind.tu_nam or y >= kind.tu_nam]


# -- deliberately broken documents ------------------------------------------------------------------

def _signature_table(doc):
    return next(t for t in doc.tables if any(p.style.name == "Người ký" for c in t._cells for p in c.paragraphs))


def _last_body_paragraph(doc):
    return doc.paragraphs[[p._p for p in doc.paragraphs].index(_signature_table(doc)._tbl.getprevious())]


def split_signature(doc):
    """The row may split and the signer's name needs more room than the page has left."""
    table = _signature_table(doc)
    for flag in list(table._tbl.iter(qn("w:cantSplit"))):
        flag.getparent().remove(flag)
    styled(doc, "Người ký")[0].paragraph_format.space_before = Pt(500)


def number_on_first_page(doc):
    for flag in list(doc.element.body.iter(qn("w:titlePg"))):
        flag.getparent().remove(flag)


def signature_alone(doc):
    """A page break right before the signature: it starts a page with no text of the plan."""
    last = _last_body_paragraph(doc)
    last.paragraph_format.keep_with_next = False
    breaker = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pageBreakBefore"))
    breaker.append(ppr)
    last._p.addnext(breaker)


def narrow_header(doc):
    """A right header column too narrow: Quốc hiệu and the date line wrap."""
    table = doc.tables[0]
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), (Mm(68), Mm(55))):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        row.cells[1].width = Mm(55)


def long_issuer(doc):
    """An issuing body too long for its cell wraps onto a second line."""
    set_text(styled(doc, "Cơ quan ban hành")[1], "PHƯỜNG BẮC NHA TRANG VÀ CÁC XÃ LÂN CẬN")


def dot_rule(doc):
    """The rule under the issuing body squeezed to a dot."""
    rule = styled(doc, "Đường kẻ cơ quan")[0]
    rule.paragraph_format.left_indent = Mm(31)
    rule.paragraph_format.right_indent = Mm(31)


def recipients_low(doc):
    styled(doc, "Nơi nhận")[0].paragraph_format.space_before = Pt(40)


def issuer_low(doc):
    styled(doc, "Cơ quan ban hành")[0].paragraph_format.space_before = Pt(30)


def into_margin(doc):
    """A long justified paragraph with a negative right indent runs into the right margin."""
    long = max(doc.paragraphs, key=lambda p: len(p.text))
    long.paragraph_format.right_indent = Mm(-12)


def wide_table(doc):
    """A centred signature table wider than the text: its left column spills into the margin."""
    table = _signature_table(doc)
    widths = (Mm(120), Mm(85))
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    for cell, width in zip(table.rows[0].cells, widths):
        cell.width = width


def letter_paper(doc):
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)


def number_right(doc):
    doc.sections[0].header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def wide_blank_number(doc):
    """Not broken: a draft number with a wide blank for the records office (seeds 003, 004)."""
    set_text(styled(doc, "Số ký hiệu")[0], "Số:" + " " * 16 + "/KH-UBND")


BROKEN = {f.__name__: f for f in (wide_blank_number, long_issuer, split_signature, number_on_first_page, signature_alone, narrow_header,
                                  dot_rule, recipients_low, issuer_low, into_margin, wide_table, letter_paper,
                                  number_right)}


@pytest.fixture(scope="session")
def laid_out(tmp_path_factory):
    """name → (anatomy, pages) for every document, from one LibreOffice call."""
    docs: dict[str, bytes] = {f"example:{p.stem}": render_docx(load_plan(p)) for p in EXAMPLES}
    for kind, level, year in KIND_CASES:
        plan = scaffold(kind, UNITS[(level, year >= 2026)], year, "Nguyễn Văn A")
        docs[f"kind:{kind}:{level}:{year}"] = render_docx(plan)
    docs["good"] = good_bytes()
    docs["handmade"] = handmade_plan()
    docs.update({f"broken:{name}": mutated(change) for name, change in BROKEN.items()})
    work = tmp_path_factory.mktemp("trang")
    pdfs = convert_bytes(list(docs.values()), work)
    out = {}
    for (name, data), pdf in zip(docs.items(), pdfs):
        assert pdf is not None, name
        anatomy = DocView(Package.from_bytes(data, name)).anatomy
        out[name] = (anatomy, read_pages(pdf))
    return out


def rules_of(laid_out, name: str) -> dict[str, list]:
    anatomy, pages = laid_out[name]
    found: dict[str, list] = {}
    for f in check_pages(pages, anatomy):
        found.setdefault(f.rule, []).append(f)
    return found


GENERATED = [f"example:{p.stem}" for p in EXAMPLES] + [f"kind:{k}:{lv}:{y}" for k, lv, y in KIND_CASES] + ["good"]
# A blank wider than the gap that separates two columns must not read as a wrapped line.
GENERATED.append("broken:wide_blank_number")
# Made by hand in Word: no drafter styles, rules drawn as VML / DrawingML shapes, widths from the grid.
GENERATED.append("handmade")


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", GENERATED)
def test_generated_plans_pass_every_page_rule(laid_out, name):
    found = rules_of(laid_out, name)
    assert found == {}, [f.message for fs in found.values() for f in fs]
    _, pages = laid_out[name]
    # so the page-number rules were exercised (the blank kind is a one-page skeleton)
    assert len(pages) >= 2 or name == "handmade" or name.startswith("kind:trong:")


@pytest.mark.timeout(240)
def test_split_signature_and_number_on_page_one_fail_with_clear_messages(laid_out):
    split = rules_of(laid_out, "broken:split_signature")
    assert "ND30-TR8" in split
    message = split["ND30-TR8"][0].message
    assert "Khối chữ ký bị tách trang" in message and "trang" in message
    first = rules_of(laid_out, "broken:number_on_first_page")
    assert list(first) == ["ND30-TR4"]
    assert first["ND30-TR4"][0].where == "trang 1"
    assert "trang 1 có số trang «1»" in first["ND30-TR4"][0].message


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name,rule", [
    ("signature_alone", "ND30-TR9"),
    ("narrow_header", "ND30-TR3"),
    ("long_issuer", "ND30-TR3"),
    ("dot_rule", "ND30-TR6"),
    ("recipients_low", "ND30-TR7"),
    ("issuer_low", "ND30-TR2"),
    ("into_margin", "ND30-TR10"),
    ("wide_table", "ND30-TR10"),
    ("letter_paper", "ND30-TR1"),
    ("number_right", "ND30-TR5"),
])
def test_each_broken_layout_fails_its_rule(laid_out, name, rule):
    found = rules_of(laid_out, f"broken:{name}")
    assert rule in found, found
    assert all(f.is_error for f in found[rule])


@pytest.mark.timeout(240)
def test_wrapped_header_lines_are_named(laid_out):
    messages = [f.message for f in rules_of(laid_out, "broken:narrow_header")["ND30-TR3"]]
    assert any("Quốc hiệu" in m for m in messages)
    (issuer,) = rules_of(laid_out, "broken:long_issuer")["ND30-TR3"]
    assert "tên cơ quan ban hành «PHƯỜNG BẮC NHA TRANG VÀ CÁC XÃ LÂN CẬN» bị xuống dòng" in issuer.message


@pytest.mark.timeout(240)
def test_dot_rule_reports_its_length(laid_out):
    (finding,) = rules_of(laid_out, "broken:dot_rule")["ND30-TR6"]
    assert "% độ rộng dòng chữ" in finding.message and "33–50%" in finding.message


@pytest.mark.timeout(240)
def test_element_missing_from_the_pages_is_a_warning_not_silence(laid_out):
    anatomy, pages = laid_out["good"]
    quoc_hieu = anatomy.text(anatomy.quoc_hieu)
    first = dataclasses.replace(pages[0], lines=[ln for ln in pages[0].lines if ln.text != quoc_hieu])
    found = {f.rule: f for f in check_pages([first] + pages[1:], anatomy)}
    assert found["ND30-TR11"].severity == "warning"
    assert "Quốc hiệu" in found["ND30-TR11"].message


@pytest.mark.timeout(240)
def test_no_page_numbers_at_all_follows_the_severity_of_unnumbered_pages(laid_out):
    anatomy, pages = laid_out["good"]
    stripped = [dataclasses.replace(p, lines=[ln for ln in p.lines if ln.bottom > 20 * PT_PER_MM]) for p in pages]
    (finding,) = [f for f in check_pages(stripped, anatomy) if f.rule == "ND30-TR5"]
    assert finding.severity == "warning"


def test_unreadable_pdf_names_no_python_type(tmp_path) -> None:
    from drafter.errors import UnreadableFileError

    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00" * 200)  # the magic, then nothing a reader can use
    with pytest.raises(UnreadableFileError) as caught:
        read_pages(path)
    text = str(caught.value)
    assert "không đọc được tệp PDF" in text and "hong.pdf" in text
    assert "Error" not in text and "Exception" not in text
