"""The checker never crashes on odd documents: empty, partial, any paragraph removed."""

from __future__ import annotations

import io

import docx
from checkhelp import all_paragraphs, good_bytes, good_document, remove, rule_ids, save

from drafter.check import check_docx, check_docx_bytes, check_plain_text, check_text


def test_check_docx_api_on_an_opened_document() -> None:
    assert check_docx(good_document()) == []


def test_empty_document() -> None:
    got = check_docx(docx.Document())
    assert {"ND30-H4", "ND30-H5", "ND30-S1", "ND30-N1", "ND30-T1"} <= rule_ids(got)
    assert check_text([]) == [] and check_plain_text("") == []


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
