"""Keep the signature block with the text it signs: ND30 practice is that the signature never
stands alone at the top of a page, so the paragraph right before the signature table is kept
with it (Word and LibreOffice both honour "keep with next" across a table). The row itself is
marked "cantSplit" by the template."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from drafter.document.render import style_id

SIGNATURE_STYLES = ("Người ký", "Thẩm quyền ký")


def _style_ids(doc: DocxDocument) -> set[str]:
    # looked up once per styles part: a prepared template renders many plans over the same one
    return {sid for sid in (style_id(doc, name) for name in SIGNATURE_STYLES) if sid}


def keep_signature_with_text(doc: DocxDocument) -> None:
    ids = _style_ids(doc)
    if not ids:
        return
    for table in doc.element.body.iterchildren(qn("w:tbl")):
        styles = {s.get(qn("w:val")) for s in table.iter(qn("w:pStyle"))}
        if not styles & ids:
            continue
        previous = table.getprevious()
        if previous is not None and previous.tag == qn("w:p"):
            Paragraph(previous, doc._body).paragraph_format.keep_with_next = True
