"""The parts of a DOCX that the checker reads — main document, styles, numbering, settings,
theme, headers and footers — as plain lxml trees.

`Package.from_bytes` reads them straight from the (already verified) zip with a hardened
parser: no python-docx, whose element classes make every node access several times slower.
`Package.from_document` wraps an opened python-docx Document for the `check_docx` API."""

from __future__ import annotations

import io
import posixpath
import re
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


W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLE_START = re.compile(rb"<w:style[\s>/]")
_ATTR = re.compile(rb'w:(styleId|type|default)="([^"]*)"')


_SHEETS: dict[bytes, "StyleSheet"] = {}


def _style_sheet(data: bytes) -> "StyleSheet":
    """One index per styles part: documents of a batch share the very same bytes (and a bytes
    object keeps its hash, so the look-up is cheap after the first)."""
    sheet = _SHEETS.get(data)
    if sheet is None:
        if len(_SHEETS) >= 16:
            _SHEETS.clear()
        sheet = _SHEETS[data] = StyleSheet(data=data)
    return sheet


class StyleSheet:
    """Styles by id and the document defaults. A styles part is mostly latent styles and table
    styles nobody uses (hundreds of kB in Word's templates): from bytes, each style is located
    with a byte search and parsed only when asked for."""

    def __init__(self, root=None, data: bytes | None = None):
        self._root = root
        self._data = data
        self._spans: dict[str, tuple[int, int]] = {}
        self._parsed: dict[str, object] = {}
        self.defaults_ids: dict[str, str] = {}
        self.doc_defaults = None
        if data is not None and not self._index_bytes(data):
            self._root, self._data = etree.fromstring(data, PARSER), None
        if self._data is None and self._root is not None:
            w = "{" + W_NS.decode() + "}"
            for style in self._root.iterchildren(w + "style"):
                sid = style.get(w + "styleId")
                if sid is None:
                    continue
                self._parsed[sid] = style
                if (style.get(w + "default") or "").lower() in ("1", "true", "on"):
                    self.defaults_ids.setdefault(style.get(w + "type") or "paragraph", sid)
            self.doc_defaults = self._root.find(w + "docDefaults")

    def _index_bytes(self, data: bytes) -> bool:
        head = re.search(rb"<w:styles\b[^>]*>", data)
        if head is None or W_NS not in head.group(0):
            return False  # another prefix for the main namespace: parse it all
        self._head = head.group(0)
        for m in _STYLE_START.finditer(data, head.end()):
            start = m.start()
            close = data.find(b">", start)
            if close < 0:
                return False
            tag = data[start:close + 1]
            if tag.endswith(b"/>"):
                end = close + 1
            else:
                end = data.find(b"</w:style>", close)
                if end < 0:
                    return False
                end += len(b"</w:style>")
            attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(tag)}
            sid = attrs.get("styleId")
            if sid is None:
                continue
            self._spans[sid] = (start, end)
            if attrs.get("default", "").lower() in ("1", "true", "on"):
                self.defaults_ids.setdefault(attrs.get("type", "paragraph"), sid)
        i = data.find(b"<w:docDefaults")
        if i >= 0:
            j = data.find(b"</w:docDefaults>", i)
            if j < 0:
                return False
            self.doc_defaults = self._fragment(data[i:j + len(b"</w:docDefaults>")])
        return True

    def _fragment(self, chunk: bytes):
        return etree.fromstring(self._head + chunk + b"</w:styles>", PARSER)[0]

    def style(self, style_id: str | None):
        if not style_id:
            return None
        found = self._parsed.get(style_id)
        if found is None and style_id in self._spans:
            start, end = self._spans[style_id]
            found = self._parsed[style_id] = self._fragment(self._data[start:end])
        return found


@dataclass
class Package:
    document: object  # the w:document element
    styles: StyleSheet | None = None
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
                pkg.styles = StyleSheet(root=element)
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
    def from_bytes(cls, data: bytes, path: Path | str = "<bộ nhớ>",
                   parts: dict[str, bytes] | None = None) -> "Package":
        """`parts`: XML parts already decompressed (by the safety checks), by name."""
        def fail(message: str) -> UnreadableFileError:
            return UnreadableFileError(message, Location(file=path))

        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise fail("tệp Word bị hỏng (không mở được gói nén .docx)") from None
        with archive:
            names = set(archive.namelist())

            def read(name: str) -> bytes:
                return parts[name] if parts and name in parts else archive.read(name)

            def parse(name: str):
                try:
                    return etree.fromstring(read(name), PARSER)
                except KeyError:
                    return None
                except etree.XMLSyntaxError as exc:
                    raise fail(f"tệp Word bị hỏng (thành phần {name} không phải XML hợp lệ{_xml_where(exc)})") from None
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
                    try:
                        pkg.styles = _style_sheet(read(target))
                    except etree.XMLSyntaxError as exc:
                        raise fail(f"tệp Word bị hỏng (thành phần {target} không phải XML hợp lệ{_xml_where(exc)})") from None
                elif kind == "numbering":
                    pkg.numbering = parse(target)
                elif kind == "settings":
                    pkg.settings = parse(target)
                elif kind == "theme":
                    pkg.theme = parse(target)
                elif kind in ("header", "footer"):
                    pkg.related[rel.get("Id")] = parse(target)
            return pkg


def _xml_where(exc: etree.XMLSyntaxError) -> str:
    """Where the parser stopped, in Vietnamese (lxml's own message is English)."""
    line, column = exc.position if exc.position else (0, 0)
    return f", lỗi ở dòng {line}, cột {column}" if line else ""


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
