"""`drafter diff OLD NEW`: what changed between two plans — answers files or any file `drafter
import` reads — section by section: header fields, bases, each Mục of the body (paragraphs added,
removed, moved between Mục), tasks, Nơi nhận and signature."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from drafter.plan.layout import context, signature
from drafter.plan.model import Plan


@dataclass
class Section:
    ten: str  # the section's name as a reader knows it
    them: list[str] = field(default_factory=list)  # added
    bot: list[str] = field(default_factory=list)  # removed
    chuyen: list[str] = field(default_factory=list)  # moved here from another section

    @property
    def changed(self) -> bool:
        return bool(self.them or self.bot or self.chuyen)


def _header(plan: Plan) -> list[str]:
    ctx = context(plan)
    return [*ctx["co_quan"], ctx["so_ky_hieu"], ctx["dia_danh_ngay"], *ctx["trich_yeu"]]


def _body_sections(plan: Plan) -> list[tuple[str, list[str]]]:
    """(Mục heading without its number, its lines without numbers) in order; lines before the first
    Mục go to an unnamed section."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in context(plan)["than"]:
        if line.kieu == "muc":
            out.append((line.noi_dung, []))
        else:
            out[-1][1].append((f"{line.nhan}: " if line.nhan else "") + line.noi_dung)
    return [s for s in out if s[0] or s[1]]


def _list_change(name: str, old: list[str], new: list[str]) -> Section:
    section = Section(name)
    section.bot = [x for x in old if x not in new]
    section.them = [x for x in new if x not in old]
    return section


def compare(old: Plan, new: Plan) -> list[Section]:
    sections = [
        _list_change("Phần đầu (cơ quan, số, ngày, trích yếu)", _header(old), _header(new)),
        _list_change("Căn cứ và lời dẫn", [line.dong for line in context(old)["mo_dau"]],
                     [line.dong for line in context(new)["mo_dau"]]),
    ]
    old_body, new_body = _body_sections(old), _body_sections(new)
    body: list[Section] = []
    new_titles = [t.upper() for t, _ in new_body]
    for title, lines in old_body:
        if title.upper() not in new_titles:
            body.append(Section(f"Mục «{title}» (đã bỏ)", bot=list(lines)))
    old_map = {t.upper(): lines for t, lines in old_body}
    for title, lines in new_body:
        before = old_map.get(title.upper())
        name = f"Mục «{title}»" if title else "Nội dung trước mục đầu tiên"
        body.append(_list_change(name, before or [], lines) if before is not None
                    else Section(f"{name} (mới)", them=list(lines)))
    _moves(body)
    sections += body
    sections.append(_list_change("Nơi nhận", context(old)["noi_nhan"], context(new)["noi_nhan"]))
    sections.append(_list_change("Chữ ký", signature(old) + [old.chu_ky.nguoi_ky],
                                 signature(new) + [new.chu_ky.nguoi_ky]))
    return [s for s in sections if s.changed]


def _moves(body: list[Section]) -> None:
    """A paragraph removed from one Mục and added to another has moved: said once, where it went."""
    removed = {line: s for s in body for line in s.bot}
    for section in body:
        for line in list(section.them):
            source = removed.get(line)
            if source is not None and source is not section:
                section.them.remove(line)
                source.bot.remove(line)
                section.chuyen.append(f"{line} (từ {source.ten})")


def format_text(old_name: str, new_name: str, sections: list[Section]) -> str:
    if not sections:
        return f"{old_name} và {new_name}: nội dung như nhau."
    lines = [f"Khác nhau giữa {old_name} và {new_name}:"]
    for s in sections:
        lines.append(f"\n{s.ten}:")
        lines += [f"  - {x}" for x in s.bot]
        lines += [f"  + {x}" for x in s.them]
        lines += [f"  ~ {x}" for x in s.chuyen]
    return "\n".join(lines)


def format_json(old_name: str, new_name: str, sections: list[Section]) -> str:
    return json.dumps({"cu": old_name, "moi": new_name, "phan": [asdict(s) for s in sections]},
                      ensure_ascii=False, indent=2)
