"""The checker never crashes on odd documents: empty, partial, any paragraph removed."""

from __future__ import annotations

import io

import docx
from checkhelp import all_paragraphs, good_bytes, good_document, remove, rule_ids, save

from drafter.check import check_docx, check_docx_bytes, check_plain_text, check_text


def test_check_docx_api_on_an_opened_document() -> None:
    assert check_docx(good_document()) == []


def test_empty_document_is_not_a_plan() -> None:
    for got in (check_docx(docx.Document()), check_text([]), check_plain_text("")):
        assert rule_ids(got) == {"ND30-X0"} and got[0].is_error


def test_removing_any_single_paragraph_never_crashes() -> None:
    count = len(all_paragraphs(good_document()))
    for n in range(count):
        document = docx.Document(io.BytesIO(good_bytes()))
        remove(all_paragraphs(document)[n])
        check_docx_bytes(save(document))  # must not raise


def test_text_in_a_text_box_is_read() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = good_document()
    anchor = document.paragraphs[-1]
    anchor._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:100pt;'
        f'height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Ghi chú trong khung</w:t></w:r></w:p>'
        f'</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    from drafter.check.docx_reader import Reader
    from drafter.check.formatting import Resolver
    from drafter.check.package import Package

    pkg = Package.from_document(document)
    paras = Reader(pkg, Resolver(pkg)).read()
    boxed = [p for p in paras if p.in_text_box]
    assert [p.text for p in boxed] == ["Ghi chú trong khung"] and boxed[0].where.endswith("khung chữ 1")


def _summary(items):
    return [(f.rule, f.where, f.message) for f in items]


def test_bytes_path_and_python_docx_path_agree() -> None:
    from checkhelp import fired, for_runs, para

    from drafter.check import check_docx

    def broken(d):
        for_runs(para(d, "a) Nâng cao"), size=12, bold=True)
        for_runs(para(d, "Số:"), size=14)
    data = save(docx.Document(io.BytesIO(good_bytes())))
    document = docx.Document(io.BytesIO(data))
    broken(document)
    data = save(document)
    assert _summary(check_docx(docx.Document(io.BytesIO(data)))) == _summary(check_docx_bytes(data))
    assert fired(broken)


def test_styles_part_with_another_namespace_prefix() -> None:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(good_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/styles.xml":
                content = content.replace(b"<w:", b"<x:").replace(b"</w:", b"</x:").replace(b" w:", b" x:")
                content = content.replace(b"xmlns:w=", b"xmlns:x=")
            target.writestr(info.filename, content)
    assert check_docx_bytes(buffer.getvalue()) == []
