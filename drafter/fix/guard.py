"""Documents `drafter fix` must not touch: rewriting a digitally signed document breaks its
signature, tracked changes are someone's pending edits, macros and embedded objects are content
drafter cannot see or keep faithfully. Each is refused with a Vietnamese message (exit code 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from drafter.check.package import PARSER
from drafter.errors import Location, UsageError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Revision marks: insertions, deletions, moves and formatting changes.
TRACKED = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                           "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                           "cellIns", "cellDel", "cellMerge")}
EMBEDDED = {W + "object", "{urn:schemas-microsoft-com:office:office}OLEObject"}
_STORY = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml", "word/endnotes.xml",
          "word/comments.xml")


class RefusedError(UsageError):
    """A document that `drafter fix` will not rewrite."""


def _refuse(path: Path | str, why: str, hint: str) -> RefusedError:
    return RefusedError(f"không sửa tệp này: {why}", Location(file=path), hint=hint)


def refuse_untouchable(data: bytes, parts: dict[str, bytes], path: Path | str) -> None:
    """Raise RefusedError for a signed document, tracked changes, macros or embedded objects."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    lowered = [n.lower() for n in names]
    if any(n.startswith("_xmlsignatures/") for n in lowered):
        raise _refuse(path, "văn bản đã được ký số (sửa sẽ làm mất hiệu lực chữ ký số)",
                      "sửa bản gốc chưa ký, rồi ký số lại sau khi sửa")
    if any(n.endswith("vbaproject.bin") for n in lowered):
        raise _refuse(path, "văn bản có macro (VBA)", "lưu lại thành .docx không có macro rồi sửa bản đó")
    if any(n.startswith("word/embeddings/") for n in lowered):
        raise _refuse(path, "văn bản có đối tượng nhúng (OLE: bảng Excel, tệp đính kèm...)",
                      "chuyển đối tượng nhúng thành bảng hoặc hình, rồi sửa lại")
    for name, content in parts.items():
        if not name.startswith(_STORY) or not name.endswith(".xml"):
            continue
        try:
            root = etree.fromstring(content, PARSER)
        except etree.XMLSyntaxError:
            continue  # the checker reports a broken part
        for el in root.iter():
            if el.tag in TRACKED:
                raise _refuse(path, "văn bản còn thay đổi được theo dõi (Track Changes) chưa xử lý",
                              "trong Word chọn Review → Accept/Reject tất cả thay đổi, tắt Track Changes, rồi sửa")
            if el.tag in EMBEDDED:
                raise _refuse(path, "văn bản có đối tượng nhúng (OLE)",
                              "chuyển đối tượng nhúng thành bảng hoặc hình, rồi sửa lại")
