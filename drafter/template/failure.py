"""Turn anything a template does wrong while rendering into one TemplateError that names the
template, the part and paragraph (as a person finds it in Word) and says what went wrong in
Vietnamese — never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateAssertionError, TemplateError as JinjaTemplateError

from drafter.errors import Location, TemplateError
from drafter.template.parts import STRAIGHT_QUOTES, TAG, paragraphs
from drafter.template.sandbox import BudgetError

_QUOTED = re.compile(r"'([^']*)'")
# Jinja's most common syntax messages, in the words legal staff read.
_SYNTAX = (
    (re.compile(r"unexpected end of template|Unexpected end of template"), "thiếu thẻ đóng (ví dụ {% endif %} hoặc {% endfor %})"),
    (re.compile(r"Encountered unknown tag '([^']*)'"), "thẻ «{0}» không có hoặc đặt sai chỗ (thiếu thẻ mở tương ứng?)"),
    (re.compile(r"unexpected '([^']*)'"), "ký tự «{0}» đặt sai chỗ"),
    (re.compile(r"expected token '([^']*)', got '([^']*)'"), "cần «{0}» nhưng gặp «{1}»"),
    (re.compile(r"No filter named '([^']*)'"), "bộ lọc «{0}» không có (xem: drafter template vars)"),
    (re.compile(r"No test named '([^']*)'"), "phép thử «{0}» không có"),
    (re.compile(r"unexpected char '([^']*)'"), "ký tự «{0}» không hợp lệ trong thẻ"),
)


# Python errors a template can cause at run time, in words (never a Python type name).
_RUNTIME = {
    OverflowError: "số quá lớn",
    TypeError: "hai giá trị không cùng loại (ví dụ cộng chữ với số)",
    ValueError: "giá trị không hợp lệ",
    KeyError: "không có mục này trong bảng",
    IndexError: "vị trí vượt quá độ dài danh sách",
}


def vietnamese_syntax(message: str) -> str:
    for pattern, text in _SYNTAX:
        m = pattern.search(message or "")
        if m:
            for i, group in enumerate(m.groups()):
                text = text.replace("{%d}" % i, group)
            return text
    return f"lỗi cú pháp Jinja ({message})"


def explain(exc: BaseException) -> str:
    if isinstance(exc, BudgetError):
        return f"mẫu vượt giới hạn an toàn: {exc}"
    if isinstance(exc, TemplateSyntaxError) and "không được dùng thẻ" in (exc.message or ""):
        return exc.message
    if isinstance(exc, (TemplateSyntaxError, TemplateAssertionError)):
        return f"lỗi cú pháp trong mẫu: {vietnamese_syntax(exc.message or '')}"
    if isinstance(exc, UndefinedError):
        names = _QUOTED.findall(exc.message or "")
        if "has no attribute" in (exc.message or "") and names:
            return f"mẫu dùng «{names[-1]}», một thuộc tính không có trong kế hoạch"
        return f"mẫu dùng một biến không có trong kế hoạch: «{names[0] if names else exc.message}»"
    if isinstance(exc, SecurityError):
        names = _QUOTED.findall(str(exc))
        what = f" («{names[0]}»)" if names else ""
        return f"mẫu đòi truy cập phần bên trong của chương trình{what}, không được phép"
    if isinstance(exc, RecursionError):
        return "mẫu gọi macro lồng nhau quá sâu (đệ quy không dừng)"
    if isinstance(exc, ZeroDivisionError):
        return "mẫu chia cho số 0"
    if isinstance(exc, JinjaTemplateError):
        return f"lỗi trong mẫu: {exc.message or exc}"
    why = _RUNTIME.get(type(exc), "giá trị không dùng được cho phép tính này")
    return f"phép tính trong mẫu không thực hiện được: {why}"


def _template_line(exc: BaseException) -> int | None:
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    tb, line = exc.__traceback__, None
    while tb is not None:  # jinja rewrites template frames to template line numbers
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def from_template(exc: BaseException) -> bool:
    """True when the exception was raised while running template code (not a drafter bug)."""
    return isinstance(exc, (JinjaTemplateError, SecurityError, RecursionError)) or _template_line(exc) is not None


def _place(doc, exc: BaseException, parts: dict[str, bytes]) -> str | None:
    """The paragraph of the template that failed: docxtpl puts each paragraph on its own line of
    the source it hands to Jinja, so the line number points at one paragraph."""
    part, line = getattr(doc, "current_rendering_part", None), _template_line(exc)
    if part is None:
        return None
    name = str(part.partname).lstrip("/")
    if line is None:
        return f"phần {name}"
    try:
        xml = doc.get_xml() if part is doc.docx._part else doc.get_part_xml(part)
        lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", doc.patch_xml(xml)).splitlines()
        text = re.sub(r"<[^>]+>", "", lines[line - 1]) if 0 < line <= len(lines) else ""
    except Exception:  # locating is best effort; the message itself stands
        return f"phần {name}"
    needle = next(iter(TAG.findall(text)), text.strip())
    for para in paragraphs(parts):
        if para.part == name and needle and needle in para.text.translate(STRAIGHT_QUOTES):
            return para.where()
    return f"phần {name}, «{text.strip()[:40]}»"


def render_failure(exc: BaseException, template: Path | str, doc, parts: dict[str, bytes]) -> TemplateError:
    place = _place(doc, exc, parts)
    hint = "xem các biến dùng được: drafter template vars" if isinstance(exc, UndefinedError) else None
    return TemplateError(f"{explain(exc)}" + (f" — tại {place}" if place else ""), Location(file=template), hint=hint)
