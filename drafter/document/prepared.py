"""A Word template prepared once, then rendered for many plans.

`DocxTemplate(path).render(ctx).save(out)` pays, for every document, the unzip and parse of the
whole package (styles alone are hundreds of kB), docxtpl's regex clean-up of the XML, the Jinja
compile and the deflate of every static part. `PreparedTemplate` pays them once:

    prepared = PreparedTemplate.load(path)      # load, patch, compile, pre-compress static parts
    prepared.render(plan)                       # -> DOCX bytes

Each render runs the same stages as docxtpl, so `word/document.xml` is the same bytes that
`DocxTemplate.render` + `save` would give for the same context:

    1. context      drafter.plan.layout.context(plan)
    2. jinja        the compiled parts rendered, then docxtpl's own string passes (listing,
                    paragraph tags) and its table / drawing-id fixes
    3. post-passes  POST_PASSES, on the python-docx Document of the rendered plan (rule sizing)
    4. package      the rendered parts appended to a zip of the pre-compressed static parts

A prepared template holds one python-docx Document that each render refills: use one per
thread."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import parse_xml, serialize_part_xml
from docxtpl import DocxTemplate
from jinja2 import Template, meta

from drafter.document import render as stages
from drafter.document import runs
from drafter.document.keep import keep_signature_with_text
from drafter.document.sections import appendix_sections
from drafter.document.tables import attach_tables, require_placed
from drafter.document.values import preserve_spaces
from drafter.errors import Location, TemplateError
from drafter.plan.layout import context
from drafter.plan.model import Plan
from drafter.template.failure import from_template, render_failure
from drafter.template.package import read_template
from drafter.template.parts import missing_styles
from drafter.template.sandbox import environment as budgeted_environment

# Stage 3: each pass takes the rendered Document and the context, and edits the Document.
POST_PASSES: list[Callable[[DocxDocument, dict], None]] = [
    lambda doc, ctx: preserve_spaces(doc),  # values' leading and trailing spaces stay visible
    lambda doc, ctx: runs.drop_empty_runs(doc),  # the empty runs around {{r … }}
    lambda doc, ctx: require_placed(ctx),  # a template that has nowhere to put a table is refused
    stages.size_rules,  # the rules under issuer, motto, subject and appendix titles
    lambda doc, ctx: appendix_sections(doc, ctx["phu_luc"]),  # each appendix its own section
    lambda doc, ctx: keep_signature_with_text(doc),  # the signature never alone on a page
]

# A fixed timestamp for every zip entry: the same plan gives the same bytes, so a re-run can
# tell an up-to-date output from a stale one by content alone.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
DOCUMENT_PART = "word/document.xml"
BODY_VARIABLE = "than"  # the laid-out body of the plan (drafter.plan.layout.context)
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # as docxtpl
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_JINJA = re.compile(r"\{[{%#]")
_LISTING = re.compile("[\t\a\n\f]")


@dataclass
class _Part:
    """A part whose XML holds Jinja: its zip name, compiled template and how to serialise it."""

    name: str
    template: Template
    reparse: bool  # headers and footers are re-parsed and re-serialised, as docxtpl does
    encoding: str = "utf-8"
    source: Any = None  # the python-docx part, so that a failure can name its paragraph


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class PreparedTemplate:
    """A Word template ready to render many plans (see the module docstring for the stages)."""

    def __init__(self, path: Path, tpl: DocxTemplate, verified: dict[str, bytes]):
        self.path = path
        self._tpl = tpl
        self._verified = verified  # the template's XML parts, for naming the place of a failure
        self._env = budgeted_environment()  # one per prepared template; budgets reset per render
        self._tpl.render_init()
        doc = tpl.docx
        body_xml = tpl.patch_xml(tpl.get_xml())
        self._body = self._compile(body_xml, part=doc.part)
        # A template that never reads the plan's body (a finished plan given as template) would
        # give every plan the same text: refuse it rather than write a plausible wrong document.
        if BODY_VARIABLE not in meta.find_undeclared_variables(self._env.parse(body_xml)):
            raise TemplateError(f"mẫu không đặt phần nội dung của kế hoạch (biến «{BODY_VARIABLE}»): "
                                "văn bản dựng ra sẽ không có nội dung của tệp trả lời",
                                Location(file=path), hint="mẫu cần vòng lặp «{%p for d in than %}» như mẫu có sẵn; "
                                "lấy mẫu có sẵn để sửa: drafter template export THƯ_MỤC")
        self._parts: list[_Part] = []
        for rel in doc.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.target_part.blob:
                xml = tpl.get_part_xml(rel.target_part)
                if _JINJA.search(xml):
                    self._parts.append(_Part(rel.target_part.partname.membername,
                                             self._compile(tpl.patch_xml(xml), part=rel.target_part), True,
                                             tpl.get_headers_footers_encoding(xml), rel.target_part))
        for part in doc.part.package.parts:
            if part.content_type == FOOTNOTES_TYPE:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                if _JINJA.search(blob):
                    self._parts.append(_Part(part.partname.membername, self._compile(tpl.patch_xml(blob)), False))
        props = doc.core_properties
        self._properties = {name: self._compile(getattr(props, name), raw=True) for name in CORE_PROPERTIES
                            if _JINJA.search(getattr(props, name) or "")}
        dynamic = {DOCUMENT_PART, *(p.name for p in self._parts)}
        if self._properties:
            self._core_part = doc.part.package._core_properties_part
            dynamic.add(self._core_part.partname.membername)
        self._static = self._static_zip(doc, dynamic)

    @classmethod
    def load(cls, template: Path | str) -> PreparedTemplate:
        """A template is untrusted: its package is verified (size, parts, no DTD) before any
        parser sees it, and it must have the styles drafter sizes and the checker finds."""
        path = Path(template)
        data, verified = read_template(path)
        missing = missing_styles(verified)
        if missing:
            raise TemplateError(f"mẫu thiếu kiểu {', '.join(f'«{m}»' for m in missing)} mà drafter cần",
                                Location(file=path), hint="kiểm tra mẫu: drafter template check; "
                                "hoặc xuất lại mẫu có sẵn: drafter template export")
        try:
            tpl = DocxTemplate(io.BytesIO(data))
            tpl.init_docx()
        except Exception:  # python-docx raises several unrelated types for a broken package
            raise TemplateError("không mở được tệp mẫu: tệp Word bị hỏng hoặc thiếu phần chính",
                                Location(file=path)) from None
        return cls(path, tpl, verified)

    # -- preparation ---------------------------------------------------------------------

    def _failure(self, exc: Exception, part: Any) -> TemplateError:
        self._tpl.current_rendering_part = part  # where render_failure looks for the paragraph
        return render_failure(exc, self.path, self._tpl, self._verified)

    def _compile(self, xml: str, *, raw: bool = False, part: Any = None) -> Template:
        # docxtpl puts each paragraph on its own line so that Jinja's line-based trimming works
        source = xml if raw else re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        try:
            return self._env.from_string(source)
        except Exception as exc:
            if not from_template(exc):  # a drafter bug must stay visible
                raise
            raise self._failure(exc, part) from None

    @staticmethod
    def _static_zip(doc: DocxDocument, dynamic: set[str]) -> bytes:
        """Every part python-docx would write that no render changes, deflated once."""
        saved = io.BytesIO()
        doc.save(saved)
        out = io.BytesIO()
        with zipfile.ZipFile(saved) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                if info.filename not in dynamic:
                    dst.writestr(_zip_info(info.filename), src.read(info))
        return out.getvalue()

    # -- rendering -----------------------------------------------------------------------

    def _jinja(self, template: Template, ctx: dict, part: Any = None) -> str:
        """Stage 2 for one part: Jinja, then docxtpl's string passes (as in render_xml_part)."""
        try:
            xml = template.render(ctx)
        except Exception as exc:
            if not from_template(exc):
                raise
            raise self._failure(exc, part) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if not _LISTING.search(xml):
            return xml  # resolve_listing only rewrites these characters: without them it is a no-op
        return self._tpl.resolve_listing(xml)

    def render_context(self, ctx: dict[str, Any]) -> bytes:
        tpl = self._tpl
        self._env.new_render()
        attach_tables(tpl, ctx)  # tables become Word XML built against the template's styles
        tree = tpl.fix_tables(self._jinja(self._body, ctx, tpl.docx.part))
        tpl.docx_ids_index = 1000
        tpl.fix_docpr_ids(tree)
        tpl.map_tree(tree)
        del tree  # python-docx must see the new body through its own element classes
        # a fresh Document proxy: python-docx caches the body it first saw
        doc = DocxDocument(tpl.docx.element, tpl.docx.part)
        for post_pass in POST_PASSES:
            post_pass(doc, ctx)
        rendered = {DOCUMENT_PART: tpl.docx.part.blob}
        for part in self._parts:
            xml = self._jinja(part.template, ctx, part.source)
            rendered[part.name] = (serialize_part_xml(parse_xml(xml.encode(part.encoding))) if part.reparse
                                   else xml.encode("utf-8"))
        if self._properties:
            props = tpl.docx.core_properties
            for name, template in self._properties.items():
                setattr(props, name, self._jinja_text(template, ctx))
            rendered[self._core_part.partname.membername] = self._core_part.blob
        return self._package(rendered)

    def _jinja_text(self, template: Template, ctx: dict) -> str:
        try:
            return template.render(ctx)
        except Exception as exc:
            if not from_template(exc):
                raise
            raise self._failure(exc, None) from None

    def _package(self, rendered: dict[str, bytes]) -> bytes:
        """Stage 4: the static zip, with the rendered parts appended (one deflate each)."""
        buffer = io.BytesIO(self._static)
        with zipfile.ZipFile(buffer, "a") as archive:
            for name, data in rendered.items():
                archive.writestr(_zip_info(name), data)
        return buffer.getvalue()

    def render(self, plan: Plan) -> bytes:
        return self.render_context(context(plan))


@functools.lru_cache(maxsize=4)
def _cached(resolved: Path, stamp: tuple[int, int], path: Path) -> PreparedTemplate:
    return PreparedTemplate.load(path)


def prepared_template(template: Path | str) -> PreparedTemplate:
    """The prepared template for this file, kept while the file is unchanged on disk."""
    path = Path(template)
    try:
        stat = path.resolve().stat()
    except OSError:
        return PreparedTemplate.load(path)  # reports the missing or unreadable file
    return _cached(path.resolve(), (stat.st_mtime_ns, stat.st_size), path)
