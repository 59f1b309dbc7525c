"""Issue H, done when: legal staff export the built-in template, edit it the way they would in
Word (here with python-docx: a standard paragraph with a variable under an {% if %}, a body of
13 pt, later a change to that paragraph's wording), render with --template, see the change, and
the result still passes `drafter check`.

The standard paragraph is the one real 2025 plans put at "Tổ chức thực hiện": seeds
000_73f7f02f800b6ffa.txt (UBND tỉnh Bình Dương) and 004_190d9f6409f4205c.txt (UBND phường Lạc
Viên) both have «Trong quá trình triển khai thực hiện … nếu có khó khăn, vướng mắc, … kịp thời
phản ánh …» in that section."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from drafter.check import check_file
from drafter.cli import app
from drafter.paths import PRESETS

runner = CliRunner()
PLAN = PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml"
FIRST = ("Trong quá trình triển khai thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời "
         "phản ánh về {{ co_quan|last|title }} để xem xét, điều chỉnh cho phù hợp.")
SECOND = FIRST.replace("để xem xét, điều chỉnh cho phù hợp", "(qua Văn phòng) để xem xét, giải quyết")


def _insert_after(document, anchor: Paragraph, text: str, style: str) -> Paragraph:
    """A new paragraph after `anchor`, as Word's Enter would make it."""
    new = copy.deepcopy(anchor._p)
    anchor._p.addnext(new)
    paragraph = Paragraph(new, anchor._parent)
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.add_run(text)
    paragraph.style = document.styles[style]
    return paragraph


def _edit(path, sentence: str | None = None, replace: tuple[str, str] | None = None) -> None:
    document = docx.Document(str(path))
    if sentence:
        heading = next(p for p in document.paragraphs if p.style.name == "Mục")  # {{ d.dong }} of a section
        opening = _insert_after(document, heading, '{%p if d.noi_dung == "TỔ CHỨC THỰC HIỆN" %}', "Nội dung")
        body = _insert_after(document, opening, sentence, "Nội dung")
        _insert_after(document, body, "{%p endif %}", "Nội dung")
        document.styles["Nội dung"].font.size = Pt(13)
    if replace:
        for paragraph in document.paragraphs:
            if replace[0] in paragraph.text:
                paragraph.runs[0].text = paragraph.text.replace(*replace)
                for run in paragraph.runs[1:]:
                    run.text = ""
    document.save(str(path))


def _render(tmp_path, template, name: str) -> list[Paragraph]:
    out = tmp_path / name
    result = runner.invoke(app, ["render", str(PLAN), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert [f for f in check_file(out) if f.is_error] == []
    return docx.Document(io.BytesIO(out.read_bytes())).paragraphs


@pytest.mark.timeout(180)
def test_exported_template_edited_like_in_word_renders_the_change(tmp_path):
    folder = tmp_path / "mau-cua-tinh"
    assert runner.invoke(app, ["template", "export", str(folder)]).exit_code == 0
    template = folder / "ke-hoach.docx"

    _edit(template, sentence=FIRST)
    check = runner.invoke(app, ["template", "check", str(template)])
    assert check.exit_code == 0, check.output
    paragraphs = _render(tmp_path, template, "lan-1.docx")
    texts = [p.text for p in paragraphs]
    expected = FIRST.replace("{{ co_quan|last|title }}", "Tỉnh Bình Dương")
    assert texts.count(expected) == 1
    index = texts.index(expected)
    assert texts[index - 1].endswith("TỔ CHỨC THỰC HIỆN")  # right under the section heading
    assert paragraphs[index].style.name == "Nội dung"
    body_size = docx.Document(str(template)).styles["Nội dung"].font.size
    assert body_size == Pt(13)

    _edit(template, replace=("để xem xét, điều chỉnh cho phù hợp", "(qua Văn phòng) để xem xét, giải quyết"))
    texts = [p.text for p in _render(tmp_path, template, "lan-2.docx")]
    assert SECOND.replace("{{ co_quan|last|title }}", "Tỉnh Bình Dương") in texts
    assert expected not in texts
