"""The parts of a DOCX that the checker reads — main document, styles, numbering, settings,
theme, headers and footers — as plain lxml trees.

`Package.from_bytes` reads them straight from the (already verified) zip with a hardened
parser: no python-docx, whose element classes make every node access several times slower.
`Package.from_document` wraps an opened python-docx Document for the `check_docx` API."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from drafter.errors import Location, UnreadableFileError

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                         remove_comments=True, remove_pis=True)
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


@dataclass
class Package:
    document: object  # the w:document element
    styles: object | None = None
    numbering: object | None = None
    settings: object | None = None
    theme: object | None = None
    related: dict[str, object] = field(default_factory=dict)  # rId of the main part → part root

    @property
    def body(self):
        return self.document.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")

    # -- from a python-docx Document --------------------------------------------------------------

    @classmethod
    def from_document(cls, doc: DocxDocument) -> "Package":
        part = doc.part
        pkg = cls(document=doc.element)
        for rid, rel in part.rels.items():
            if rel.is_external:
                continue
            target = rel.target_part
            element = getattr(target, "element", None)
            if rel.reltype == RT.STYLES:
                pkg.styles = element
            elif rel.reltype == RT.NUMBERING:
                pkg.numbering = element
            elif rel.reltype == RT.SETTINGS:
                pkg.settings = element
            elif rel.reltype == RT.THEME:
                try:
                    pkg.theme = etree.fromstring(target.blob, PARSER)
                except etree.XMLSyntaxError:
                    pkg.theme = None
            elif element is not None:
                pkg.related[rid] = element
        return pkg

    # -- straight from the zip --------------------------------------------------------------------

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | str = "<bộ nhớ>") -> "Package":
        def fail(message: str) -> UnreadableFileError:
            return UnreadableFileError(message, Location(file=path))

        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise fail("tệp Word bị hỏng (không mở được gói nén .docx)") from None
        with archive:
            names = set(archive.namelist())

            def parse(name: str):
                try:
                    return etree.fromstring(archive.read(name), PARSER)
                except KeyError:
                    return None
                except etree.XMLSyntaxError as exc:
                    raise fail(f"tệp Word bị hỏng (thành phần {name} không phải XML hợp lệ: {exc.msg})") from None
                except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                    raise fail(f"tệp Word bị hỏng (thành phần {name} không đọc được)") from None

            main = _main_part(parse("_rels/.rels"))
            types = parse("[Content_Types].xml")
            if main is None or main not in names:
                raise fail("không phải tệp Word (.docx): không có phần nội dung chính của văn bản")
            content_type = _content_type(types, main)
            if content_type not in WORD_MAIN_TYPES:
                shown = content_type or "không rõ"
                raise fail(f"không phải tệp Word (.docx): nội dung chính có kiểu «{shown}»")
            document = parse(main)
            if document is None or etree.QName(document).localname != "document":
                raise fail("tệp Word bị hỏng (phần nội dung chính không phải văn bản Word)")
            pkg = cls(document=document)
            rels = parse(_rels_name(main))
            base = posixpath.dirname(main)
            for rel in rels.iterchildren(REL_NS + "Relationship") if rels is not None else ():
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(base, rel.get("Target") or ""))
                target = target.lstrip("/")
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                if target not in names:
                    continue
                if kind == "styles":
                    pkg.styles = parse(target)
                elif kind == "numbering":
                    pkg.numbering = parse(target)
                elif kind == "settings":
                    pkg.settings = parse(target)
                elif kind == "theme":
                    pkg.theme = parse(target)
                elif kind in ("header", "footer"):
                    pkg.related[rel.get("Id")] = parse(target)
            return pkg


def _main_part(rels) -> str | None:
    if rels is None:
        return None
    for rel in rels.iterchildren(REL_NS + "Relationship"):
        if (rel.get("Type") or "").endswith("/officeDocument"):
            return (rel.get("Target") or "").lstrip("/")
    return None


def _content_type(types, name: str) -> str | None:
    if types is None:
        return None
    for override in types.iterchildren(CT_NS + "Override"):
        if (override.get("PartName") or "").lstrip("/") == name:
            return override.get("ContentType")
    ext = name.rsplit(".", 1)[-1].lower()
    for default in types.iterchildren(CT_NS + "Default"):
        if (default.get("Extension") or "").lower() == ext:
            return default.get("ContentType")
    return None


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")
