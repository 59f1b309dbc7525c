"""The prepared template is the only render path; it must give the very `word/document.xml`
that docxtpl's own render + save gives for the same context, render after render."""

import io
import zipfile

import docx
import pytest
from docxtpl import DocxTemplate

from drafter.answers import load_plan
from drafter.document.prepared import POST_PASSES, PreparedTemplate, prepared_template
from drafter.document.render import environment, render_docx
from drafter.document.tables import attach_tables
from drafter.errors import TemplateError
from drafter.paths import DEFAULT_TEMPLATE, PRESETS
from drafter.plan.layout import context

EXAMPLES = sorted((PRESETS / "examples").glob("*.yaml"))


def _docxtpl_reference(plan, template=DEFAULT_TEMPLATE) -> bytes:
    """What a plain docxtpl loop gives: a fresh DocxTemplate per document."""
    ctx = context(plan)
    tpl = DocxTemplate(str(template))
    attach_tables(tpl, ctx)
    tpl.render(ctx, jinja_env=environment(), autoescape=True)
    for post_pass in POST_PASSES:
        post_pass(tpl.docx, ctx)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def _part(data: bytes, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_document_xml_equals_docxtpl_for_every_example_in_any_order():
    prepared = PreparedTemplate.load(DEFAULT_TEMPLATE)
    plans = [load_plan(p) for p in EXAMPLES]
    # twice over, in both orders: nothing of one render may leak into the next
    for plan in plans + plans[::-1]:
        assert _part(prepared.render(plan)) == _part(_docxtpl_reference(plan))


def test_every_other_part_is_what_python_docx_writes():
    plan = load_plan(EXAMPLES[0])
    ours, theirs = prepared_template(DEFAULT_TEMPLATE).render(plan), _docxtpl_reference(plan)
    with zipfile.ZipFile(io.BytesIO(ours)) as a, zipfile.ZipFile(io.BytesIO(theirs)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        assert a.testzip() is None
        # docxtpl re-sets the core properties it renders, adding empty elements; nothing else differs
        assert [n for n in b.namelist() if a.read(n) != b.read(n)] in ([], ["docProps/core.xml"])


def test_same_plan_gives_the_same_bytes():
    plan = load_plan(EXAMPLES[1])
    assert render_docx(plan) == render_docx(plan)


def test_jinja_in_headers_and_properties_is_rendered(tmp_path, example_000):
    document = docx.Document(str(DEFAULT_TEMPLATE))
    document.sections[0].header.paragraphs[0].add_run("{{ so_ky_hieu }} & <x>")
    document.core_properties.title = "KH {{ ten_loai }}"
    path = tmp_path / "mau.docx"
    document.save(path)
    data = PreparedTemplate.load(path).render(example_000)
    rendered = docx.Document(io.BytesIO(data))
    expected = context(example_000)["so_ky_hieu"]
    assert f"{expected} & <x>" in rendered.sections[0].header.paragraphs[0].text
    assert rendered.core_properties.title == "KH KẾ HOẠCH"
    assert _part(data, "word/header1.xml") == _part(_docxtpl_reference(example_000, path), "word/header1.xml")


def test_syntax_error_is_reported_when_preparing(tmp_path):
    document = docx.Document(str(DEFAULT_TEMPLATE))
    document.add_paragraph("{% if %}")
    path = tmp_path / "hong.docx"
    document.save(path)
    with pytest.raises(TemplateError) as info:
        PreparedTemplate.load(path)
    assert "cú pháp" in str(info.value) and "hong.docx" in str(info.value)


def test_cache_follows_the_file_on_disk(tmp_path, example_000):
    path = tmp_path / "mau.docx"
    path.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    first = prepared_template(path)
    assert prepared_template(path) is first
    document = docx.Document(str(path))
    document.add_paragraph("Thêm một dòng cuối mẫu.")
    document.save(path)
    assert prepared_template(path) is not first
    assert "Thêm một dòng cuối mẫu." in _part(render_docx(example_000, path)).decode()
