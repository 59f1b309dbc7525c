"""`drafter template check`: every problem of a Word template at once, each with its place as a
person finds it in Word and a Vietnamese explanation.

Static problems come from docxtpl-lint (MIT; unclosed and stray tags, Jinja syntax, unknown
filters, text that a `{%p %}` tag silently drops, tags misplaced in tables, variables missing
from the sample data), run with drafter's own sandbox and the sample context of
drafter/template/variables.py. drafter adds what it lacks: tags split over differently
formatted runs or typed with Word's curly quotes, and the styles the renderer needs. Then the
template is rendered with a real plan and the ND30 checker runs on the result, so a template
whose fixed parts break ND30 (a 12 pt body, no rule under the motto) is caught before use."""

from __future__ import annotations

import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from drafter.errors import DrafterError
from drafter.template.lint_messages import issue_message
from drafter.template.package import read_template
from drafter.template.parts import STRAIGHT_QUOTES, TAG, W, Para, missing_styles, paragraphs
from drafter.template.sandbox import environment
from drafter.template.variables import sample_context

ERROR, WARNING = "lỗi", "cảnh báo"
SAMPLE_PLAN = "000-binh-duong-trien-khai-luat.yaml"  # a real 2025 plan (presets/examples)


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    where: str
    message: str
    rule: str


def _lint_part_name(label: str) -> str:
    return "word/document.xml" if label == "body" else f"word/{label}.xml"


def _docxtpl_lint(data: bytes, paras: list[Para]) -> list[Problem]:
    from docxtpl_lint import lint

    by_place = {(p.part, p.number): p for p in paras}
    result = lint(io.BytesIO(data), sample_context(), jinja_env=environment(), autoescape=True)
    issues = result.issues
    if any(i.rule in _STRUCTURE for i in issues):
        issues = _rescope(issues, paras)
    out = []
    for issue in issues:
        loc = issue.location
        para = by_place.get((_lint_part_name(loc.part), loc.paragraph))
        where = para.where() if para else ("cả mẫu" if loc.paragraph <= 0 else f"phần {loc.part}, đoạn {loc.paragraph}")
        severity = ERROR if issue.severity == "error" else WARNING
        out.append(Problem(severity, where, issue_message(issue.rule, issue.params, issue.message), issue.rule))
    if any(i.rule in _STRUCTURE for i in issues):
        out += _unknown_filters(paras)
    return out


# After these, docxtpl-lint checks variables without loop scopes and skips the filter check.
_STRUCTURE = ("DTL001", "DTL101", "DTL102", "DTL103")
_LOOP = re.compile(r"\bfor\s+(\w+)\s+in\s+(\w+)")
_FILTER_USE = re.compile(r"\|\s*(\w+)")


def _rescope(issues: list, paras: list[Para]) -> list:
    """docxtpl-lint, on a template with a syntax error, checks each {{ }} alone and so reports
    loop variables (`d` of `{% for d in than %}`) as unknown: resolve them against every list
    the template loops over with that name; keep only what none of them has."""
    loops: dict[str, set[str]] = {}
    for para in paras:
        for var, seq in _LOOP.findall(para.text):
            loops.setdefault(var, set()).add(seq)
    sample = sample_context()
    kept = []
    for issue in issues:
        path = str(issue.params.get("path", ""))
        root, _, rest = path.partition(".")
        if issue.rule != "DTL301" or root not in loops:
            kept.append(issue)
            continue
        if any(_has(sample.get(seq), rest) for seq in loops[root]):
            continue
        kept.append(issue)
    return kept


def _has(sequence, attr: str) -> bool:
    items = sequence if isinstance(sequence, list) else []
    if not attr:
        return bool(items)
    return any(isinstance(item, dict) and attr.split(".")[0] in item for item in items)


def _unknown_filters(paras: list[Para]) -> list[Problem]:
    known = {name for name in environment().filters if not name.startswith("_")}
    out = []
    for para in paras:
        for tag in TAG.findall(para.text):
            for name in _FILTER_USE.findall(tag):
                if name not in known:
                    out.append(Problem(ERROR, para.where(), issue_message("DTL104", {"name": name}, ""), "DTL104"))
    return out


def _runs(p) -> list[tuple[str, bytes]]:
    """(text, formatting) of each run of a paragraph, in order."""
    out = []
    for run in p.iter(W + "r"):
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        rpr = run.find(W + "rPr")
        fmt = etree.tostring(rpr) if rpr is not None else b""
        out.append((text, re.sub(rb"<w:(lang|noProof|rFonts)\b[^>]*/>", b"", fmt)))
    return out


def _tag_problems(paras: list[Para]) -> list[Problem]:
    """What docxtpl tolerates but a person should fix: a tag whose pieces carry different
    formatting (the output takes the first piece's) and Word's curly quotes inside a tag."""
    out = []
    for para in paras:
        if "{" not in para.text:
            continue
        runs = _runs(para.element)
        starts, pos = [], 0
        for text, _ in runs:
            starts.append(pos)
            pos += len(text)
        for m in TAG.finditer(para.text):
            pieces = {fmt for (text, fmt), start in zip(runs, starts)
                      if text and start < m.end() and start + len(text) > m.start()}
            if len(pieces) > 1:
                out.append(Problem(WARNING, para.where(), f"thẻ «{m.group()}» bị tách thành nhiều đoạn định dạng "
                                   "khác nhau; văn bản dựng ra chỉ lấy định dạng của phần đầu. Xóa thẻ và gõ lại "
                                   "liền một lần", "H-TACH"))
            if m.group().translate(STRAIGHT_QUOTES) != m.group():
                out.append(Problem(WARNING, para.where(), f"thẻ «{m.group()}» có dấu nháy cong của Word (“ ” ‘ ’); "
                                   "drafter tự đổi thành nháy thẳng, nhưng nên tắt «Smart quotes» trong Word "
                                   "(AutoCorrect) và gõ lại", "H-NHAY"))
    return out


def _style_problems(parts: dict[str, bytes]) -> list[Problem]:
    return [Problem(ERROR, "kiểu (word/styles.xml)", f"mẫu thiếu kiểu «{name}» mà drafter cần để định dạng "
                    "thành phần này; xuất lại mẫu có sẵn và sửa trên đó (drafter template export)", "H-KIEU")
            for name in missing_styles(parts)]


def _render_and_check(template: Path) -> tuple[list, dict[str, list[str]]]:
    """The ND30 findings of a real plan rendered with `template`, and the styles of the
    rendered paragraphs by the checker's place names ("đoạn 12", "bảng 1, hàng 1, cột 2")."""
    import docx

    from drafter.answers import load_plan
    from drafter.check import check_docx_bytes
    from drafter.document.render import render_docx
    from drafter.document.text import located_paragraphs
    from drafter.paths import PRESETS

    data = render_docx(load_plan(PRESETS / "examples" / SAMPLE_PLAN), template)
    styles: dict[str, list[str]] = {}
    for located in located_paragraphs(docx.Document(io.BytesIO(data))):
        name = located.paragraph.style.name if located.paragraph.style is not None else ""
        if name and name not in styles.setdefault(located.where, []):
            styles[located.where].append(name)
    return check_docx_bytes(data, template), styles


_FIRST_PLACE = re.compile(r"^(đoạn \d+|bảng \d+, hàng \d+, cột \d+)")


def _rendered_problems(path: Path) -> list[Problem]:
    """ND30 findings of the template rendered with a real plan, less those the built-in template
    gives on the same plan: what is left is what this template adds, not the plan's wording.
    Each names the Word style of the paragraph, which is where legal staff fix it."""
    from drafter.paths import DEFAULT_TEMPLATE

    try:
        findings, styles = _render_and_check(path)
    except DrafterError as exc:
        return [Problem(ERROR, "khi dựng thử", getattr(exc, "message", str(exc)), "H-DUNG")]
    baseline = {(f.rule, f.message) for f in _render_and_check(DEFAULT_TEMPLATE)[0]}
    out = []
    for f in findings:
        if (f.rule, f.message) in baseline:
            continue
        m = _FIRST_PLACE.match(f.where)
        names = styles.get(m.group(1), []) if m else []
        style = f" (kiểu {', '.join(f'«{n}»' for n in names)})" if names else ""
        out.append(Problem(ERROR if f.is_error else WARNING, f"văn bản dựng thử, {f.where}{style}", f.message, f.rule))
    return out


def check_template(path: Path | str) -> list[Problem]:
    """Every problem of the template. A package that cannot be opened safely is one problem."""
    path = Path(path)
    try:
        data, parts = read_template(path)
    except DrafterError as exc:
        return [Problem(ERROR, "cả tệp", exc.message, "H-GOI")]
    paras = paragraphs(parts)
    problems = _docxtpl_lint(data, paras) + _tag_problems(paras) + _style_problems(parts)
    if any(p.severity == ERROR for p in problems):
        problems.append(Problem(WARNING, "khi dựng thử", "chưa dựng thử với dữ liệu mẫu vì mẫu còn lỗi ở trên; "
                                "sửa xong rồi chạy lại lệnh kiểm tra", "H-DUNG"))
        return problems
    return problems + _rendered_problems(path)


def format_problems(path: Path, problems: list[Problem], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps({"tep": str(path), "van_de": [asdict(p) for p in problems]}, ensure_ascii=False, indent=2)
    if not problems:
        return f"{path}: mẫu không có lỗi."
    errors = sum(1 for p in problems if p.severity == ERROR)
    lines = [f"{path}: {errors} lỗi, {len(problems) - errors} cảnh báo"]
    for p in problems:  # place on one line, explanation under it: both stay readable when long
        lines += [f"  [{p.severity}] {p.where}", f"      {p.message} ({p.rule})"]
    return "\n".join(lines)
