"""Render a Word template: the one path from a template file to a filled document. The package
is verified before anything parses it, the budgeted sandbox is the only environment, and every
failure of the template becomes a TemplateError that names the template and the place."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate

from drafter.errors import Location, TemplateError
from drafter.template.failure import from_template, render_failure
from drafter.template.package import read_template
from drafter.template.parts import missing_styles
from drafter.template.sandbox import environment


def render_template(template: Path | str, ctx: dict,
                    prepare: Callable[[DocxTemplate], None] | None = None) -> DocxTemplate:
    """`prepare` runs on the opened template before Jinja (tables register their sub-documents)."""
    data, parts = read_template(template)
    missing = missing_styles(parts)
    if missing:  # the renderer sizes and the checker finds elements by these styles
        raise TemplateError(f"mẫu thiếu kiểu {', '.join(f'«{m}»' for m in missing)} mà drafter cần",
                            Location(file=template), hint="kiểm tra mẫu: drafter template check; "
                            "hoặc xuất lại mẫu có sẵn: drafter template export")
    try:
        doc = DocxTemplate(io.BytesIO(data))
        doc.init_docx()
    except Exception as exc:  # python-docx raises many kinds on a broken package
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise TemplateError(f"mẫu Word bị hỏng ({detail})", Location(file=template)) from None
    if prepare is not None:
        prepare(doc)
    try:
        doc.render(ctx, jinja_env=environment(), autoescape=True)
    except Exception as exc:
        if not from_template(exc):  # a drafter bug must stay visible
            raise
        raise render_failure(exc, template, doc, parts) from None
    return doc
