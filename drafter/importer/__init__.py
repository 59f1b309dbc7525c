"""`drafter import`: an existing plan (.docx, .doc, .odt, .rtf, text PDF, .txt) read back into an
answers file, so last year's plan or a neighbour's becomes input for `drafter new --from`.

    plan, report = import_file(path)

The checker's anatomy finds the parts (`drafter.check.anatomy`); this package turns each part into
answers-file fields, rebuilds the body tree, and validates the result as a Plan. Text it cannot
place is kept as plain paragraphs and listed in the report, never dropped."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from drafter.check.anatomy import Anatomy, analyse, starts_basis
from drafter.errors import InputError, Location
from drafter.importer import header
from drafter.importer.body import build_body
from drafter.importer.report import ImportReport
from drafter.importer.sources import Source, read_source
from drafter.plan.model import Plan
from drafter.wizard.state import RESUME_SUFFIX

__all__ = ["ImportReport", "import_file", "load_any", "plan_from_source"]

ANSWERS_SUFFIXES = (".yaml", ".yml")


def load_any(path: Path | str) -> tuple[Plan, ImportReport | None]:
    """An answers file as it is, or any other plan file imported (with the import's report)."""
    path = Path(path)
    if path.name.lower().endswith(RESUME_SUFFIX):  # not a plan yet: a list of wrong fields would mislead
        raise InputError("đây là câu trả lời dở dang của «drafter new», chưa phải tệp trả lời hoàn chỉnh",
                         Location(file=path), hint=f"làm tiếp: drafter new --resume {path}")
    if path.suffix.lower() in ANSWERS_SUFFIXES:
        from drafter.answers import load_plan

        return load_plan(path), None
    return import_file(path)


def import_file(path: Path | str, *, unit: dict | None = None) -> tuple[Plan, ImportReport]:
    """`unit`: the issuing unit's `co_quan` fields, when the user names it (a source that lost its
    header); it replaces what the import found or guessed."""
    path = Path(path)
    return plan_from_source(read_source(path), str(path), unit=unit)


def plan_from_source(source: Source, name: str, *, unit: dict | None = None) -> tuple[Plan, ImportReport]:
    report = ImportReport(name)
    a = analyse(source.units)
    if a.title is None and not a.body:
        raise InputError("không thấy cấu trúc của một kế hoạch (tên loại KẾ HOẠCH, các mục, Nơi nhận)",
                         Location(file=name))
    data: dict = {}
    dates, place = header.date(a, report)
    on = dates.get("ngay") or (dt.date(dates["nam"], dates.get("thang", 1), 1) if "nam" in dates else None)
    issuer = unit or header.issuer(a, report, on, place)
    data["co_quan"] = issuer or {"cap": "tinh", "loai": "tỉnh", "ten": "…"}
    data.update(header.number(a, report))
    data.update(dates or {"nam": _year_hint(a)})
    if not dates:
        report.add("guess", "", f"không có ngày; tạm ghi năm {data['nam']}")
    subject = [a.text(i) for i in a.subject]
    if not subject:
        report.add("missing", "", "không thấy trích yếu nội dung; cần ghi «trich_yeu»")
    data["trich_yeu"] = subject or ["…"]
    if a.quoc_hieu is None or a.tieu_ngu is None:
        report.add("corrected", "", "bản nguồn thiếu Quốc hiệu hoặc Tiêu ngữ; drafter thêm theo Nghị định 30")
    data.update(header.preamble(a, report))
    lines = _with_tables(a, a.body, _joined([(a.text(i), a.units[i].where, source.bold[i]) for i in a.body],
                                            source.kind), report)
    leftovers = _unplaced(a, report)
    body, decimal = build_body(lines, report)
    if decimal:
        data["danh_so"] = "thap_phan"
    data["noi_dung"] = [{"doan": t} for t in leftovers] + body
    if not data["noi_dung"]:
        report.add("missing", "", "không thấy nội dung kế hoạch")
        data["noi_dung"] = [{"doan": "…"}]
    data.update(header.closing(a, report))
    appendices = _appendices(a, source, report)
    if appendices:
        data["phu_luc"] = appendices
    plan = _validated(data, name)
    if place and issuer and place != plan.co_quan.place:
        plan = plan.model_copy(update={"co_quan": plan.co_quan.model_copy(update={"dia_danh": place})})
    _layout_corrections(a, plan, report)
    return plan, report


def _layout_corrections(a: Anatomy, plan: Plan, report: ImportReport) -> None:
    """What drafter will print differently from the source, for ND30 layout reasons: the number
    line's spacing, the date's zero padding (PL-I II.3, II.4.b), the missing TM. line."""
    from drafter.check.anatomy import squash
    from drafter.labels import labels
    from drafter.plan.layout import context

    ctx = context(plan)
    for index, key in ((a.so, "so_ky_hieu"), (a.date, "dia_danh_ngay")):
        if index is None:
            continue
        before, after = squash(a.text(index)), squash(ctx[key])
        if before.rstrip(".") != after:
            report.add("corrected", a.units[index].where, f"«{before}» → «{after}»")
    if a.signature and plan.chu_ky.thay_mat and not a.text(a.signature[0]).startswith(labels().chu_ky.thay_mat):
        report.add("corrected", a.units[a.signature[0]].where,
                   f"khối chữ ký thiếu dòng «{labels().chu_ky.thay_mat} {plan.co_quan.ten_co_quan.upper()}»: "
                   "Ủy ban nhân dân ký thay mặt tập thể (Điều 13 Nghị định 30/2020/NĐ-CP); drafter thêm dòng này")


_REFERENCE = re.compile(r"^\(\s*Kèm theo\b", re.IGNORECASE)


def _appendices(a: Anatomy, source: Source, report: ImportReport) -> list[dict]:
    """Each "Phụ lục …" after the signature: its title, its content (tables, paragraphs) and its
    page orientation. The "(Kèm theo Kế hoạch số …)" line is drafter's to write from the header."""
    from drafter.check.anatomy import is_upper

    out = []
    starts = a.appendices + [len(a.units)]
    for start, end in zip(starts, starts[1:]):
        indices = list(range(start + 1, end))
        appendix: dict = {}
        if indices and is_upper(a.text(indices[0])) and a.units[indices[0]].block is None:
            appendix["ten"] = a.text(indices.pop(0))
        if indices and _REFERENCE.match(a.text(indices[0])):
            report.add("corrected", a.units[indices[0]].where,
                       "dòng «(Kèm theo Kế hoạch số …)» do drafter viết lại từ số, ngày của kế hoạch")
            indices.pop(0)
        lines = [(a.text(i), a.units[i].where, source.bold[i]) for i in indices]
        body, _ = build_body(_with_tables(a, indices, lines, report), report, closing_mark=False)
        if source.landscape and source.landscape[start]:
            appendix["ngang"] = True
        appendix["noi_dung"] = body or [{"doan": "…"}]
        out.append(appendix)
    return out


def _with_tables(a: Anatomy, indices: list[int], lines: list[tuple[str, str, bool]],
                 report: ImportReport) -> list:
    """Lines of one part, with each table (a Word table's cells, or Markdown pipe rows) read as
    one `bang:` node at its place."""
    from drafter.importer.tables import PIPE_ROW, pipe_table, word_table

    if len(lines) != len(indices):  # text sources: joined lines, no Word tables
        indices = [None] * len(lines)
    out: list = []
    pipes: list[str] = []
    seen: set[int] = set()
    for i, line in zip(indices, lines):
        block = a.units[i].block if i is not None else None
        if PIPE_ROW.match(line[0]):
            pipes.append(line[0])
            continue
        if pipes:
            out.append(pipe_table(pipes))
            report.add("guess", line[1], "các dòng «| … |» đọc thành một bảng")
            pipes = []
        if block is not None:
            if id(block) not in seen:
                seen.add(id(block))
                out.append(word_table(block))
            continue
        out.append(line)
    if pipes:
        out.append(pipe_table(pipes))
    return out


def _joined(lines: list[tuple[str, str, bool]], kind: str) -> list[tuple[str, str, bool]]:
    """Hard-wrapped text splits a sentence where a wrapped line starts with "Thực hiện" or "Căn cứ"
    (the text reader takes it for a new basis): in the body, such a line continues the previous one
    when that one has no closing punctuation."""
    if kind == "docx":
        return lines
    out: list[tuple[str, str, bool]] = []
    for text, where, bold in lines:
        if out and starts_basis(text) and not out[-1][0].rstrip().endswith((".", ";", ":", "!", "?")):
            prev = out[-1]
            out[-1] = (f"{prev[0]} {text}", prev[1], prev[2])
        else:
            out.append((text, where, bold))
    return out


def _year_hint(a: Anatomy) -> int:
    """The latest year the text speaks of ("năm 2023"), not after this one."""
    this_year = dt.date.today().year
    years = [int(y) for u in a.units for y in re.findall(r"\b[Nn]ăm (20\d\d)\b", u.text) if int(y) <= this_year]
    return max(years, default=this_year)


def _unplaced(a: Anatomy, report: ImportReport) -> list[str]:
    """Text outside every recognised part: kept at the start of the body and reported."""
    placed = set(a.issuer) | set(a.subject) | set(a.preamble) | set(a.body) | set(a.recipients) | set(a.signature)
    if a.appendices:  # everything from the first appendix on belongs to the appendices
        placed |= set(range(a.appendices[0], len(a.units)))
    placed |= {i for i in (a.quoc_hieu, a.tieu_ngu, a.so, a.date, a.title, a.recipients_label, a.signer)
               if i is not None}
    out = []
    for i, unit in enumerate(a.units):
        if i in placed:
            continue
        text = unit.text.strip()
        if not text or text.startswith(("(", "[")) and text.endswith((")", "]")) and i > (a.signature or [0])[0]:
            continue  # "(Đã ký)", "(ký, đóng dấu)" under the signature
        out.append(text)
        report.add("unplaced", unit.where, f"«{text[:60]}» không thuộc phần nào; giữ thành đoạn văn đầu nội dung")
    return out


def _validated(data: dict, name: str) -> Plan:
    from pydantic import ValidationError

    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(f"kế hoạch đọc được chưa hợp lệ: {first['msg']}", Location(file=name, field=field)) from None
