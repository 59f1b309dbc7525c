"""Lay a plan out as the lines a reader sees: computed numbering (I, 1, a), bullets, task
labels, "./." at the end, Nơi nhận punctuation. The result is the context of the Word
template; every key is documented in `templates/README.md`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.labels import labels
from drafter.plan.body import Diem, Item, Khoan, Muc, Node, Para, Task, TaskBlock, TaskLabels
from drafter.plan.table import LaidTable, Table, lay_out_table
from drafter.plan.model import Basis, Plan
from drafter.rules import rules
from drafter.vn import date_line, doc_number, point_letter, roman, upper


@dataclass
class Line:
    """One paragraph of the body. `kieu` picks the template branch (and so the Word style)."""

    kieu: str  # muc | khoan | diem | tieu_de_diem | y | nhiem_vu | doan | can_cu | dan_nhap
    noi_dung: str
    so: str = ""  # computed label: "I.", "1.", "a)", "-", "+"
    nhan: str = ""  # task label: "Cơ quan chủ trì"
    tiep: str = ""  # upright text continuing an italic basis in the same paragraph
    bang: LaidTable | None = None  # kieu "bang": the table; the renderer swaps in its Word XML

    @property
    def dong(self) -> str:
        """The paragraph's full text as printed."""
        head = f"{self.so} " if self.so else ""
        label = f"{self.nhan}:" + (" " if self.noi_dung else "") if self.nhan else ""
        return f"{head}{label}{self.noi_dung}{self.tiep}"


def _bullet(depth: int) -> str:
    bullets = labels().gach_dau_dong
    return bullets[min(depth, len(bullets) - 1)]


def _task_labels(plan: Plan, block: TaskBlock) -> dict[str, str]:
    words = labels().nhiem_vu.model_dump()
    for override in (plan.nhan_nhiem_vu, block.nhan):
        if isinstance(override, TaskLabels):
            words.update({k: v for k, v in override.model_dump().items() if v})
    return words


def _task_lines(plan: Plan, block: TaskBlock, depth: int) -> list[Line]:
    words = _task_labels(plan, block)
    out: list[Line] = []
    for role, value in block.lines():
        if isinstance(value, list):
            out.append(Line("nhiem_vu", "", so=_bullet(depth), nhan=words[role]))
            out.extend(Line("y", item, so=_bullet(depth + 1)) for item in value)
        else:
            out.append(Line("nhiem_vu", value, so=_bullet(depth), nhan=words[role]))
    return out


def _walk(plan: Plan, nodes: list[Node], out: list[Line], item_depth: int = 0) -> None:
    khoan_no = diem_no = 0
    for node in nodes:
        if isinstance(node, Muc):
            n = sum(1 for line in out if line.kieu == "muc") + 1
            out.append(Line("muc", upper(node.muc), so=f"{roman(n)}."))
            _walk(plan, node.noi_dung, out)
        elif isinstance(node, Khoan):
            khoan_no += 1
            out.append(Line("khoan" if node.is_heading else "doan", node.khoan, so=f"{khoan_no}."))
            _walk(plan, node.noi_dung, out)
        elif isinstance(node, Diem):
            diem_no += 1
            out.append(Line("tieu_de_diem" if node.is_heading else "diem", node.diem,
                            so=f"{point_letter(diem_no)})"))
            _walk(plan, node.noi_dung, out)
        elif isinstance(node, Item):
            out.append(Line("y", node.y, so=_bullet(item_depth)))
            _walk(plan, node.noi_dung, out, item_depth + 1)
        elif isinstance(node, Para):
            out.append(Line("doan", node.doan))
        elif isinstance(node, Task):
            out.extend(_task_lines(plan, node.nhiem_vu, item_depth))
        elif isinstance(node, Table):
            out.append(Line("bang", "", bang=lay_out_table(node.bang)))


_ENDING = re.compile(r"[\s.;,:/]*$")


def with_ending(text: str) -> str:
    """End the last content paragraph with the ND30 mark "./." (PL-III), exactly once."""
    mark = rules().ket_thuc.dau
    return _ENDING.sub("", text) + mark


def _strip_end(text: str, marks: str = ";,") -> str:
    return text.rstrip().rstrip(marks).rstrip()


def basis_text(basis: Basis) -> str:
    prefix = getattr(labels().can_cu, basis.kind)
    body = basis.citation.text() if basis.citation else str(basis.body)
    if body.startswith(prefix + " "):  # the user typed the prefix too
        body = body[len(prefix) + 1:]
    return f"{prefix} {_strip_end(body)}"


def preamble(plan: Plan) -> list[Line]:
    lines = [Line("can_cu", basis_text(b) + ";") for b in plan.can_cu]
    if plan.dan_nhap:
        if plan.dan_nhap_noi_tiep and lines:
            last = lines[-1]
            last.noi_dung = last.noi_dung[:-1] + plan.dan_nhap_noi_tiep
            last.tiep = " " + plan.dan_nhap
        else:
            lines.append(Line("dan_nhap", plan.dan_nhap))
    return lines


def body(plan: Plan) -> list[Line]:
    out: list[Line] = []
    _walk(plan, plan.noi_dung, out)
    if plan.ket_luan:
        out.append(Line("doan", plan.ket_luan))
    last = next((line for line in reversed(out) if line.kieu != "bang"), None)
    if last is None:  # a body of tables only: the mark gets its own paragraph
        last = Line("doan", "")
        out.append(last)
    last.noi_dung = with_ending(last.noi_dung)
    return out


def recipients(plan: Plan) -> list[str]:
    items = [f"- {_strip_end(item)};" for item in plan.noi_nhan]
    items.append(f"- {labels().luu} {_strip_end(plan.luu, ';,.')}.")
    return items


def signature(plan: Plan) -> list[str]:
    words = labels().chu_ky
    sig = plan.chu_ky
    lines = [f"{words.thay_mat} {upper(plan.co_quan.ten_co_quan)}"] if sig.thay_mat else []
    if sig.hinh_thuc == "chu_tich":
        lines.append(sig.chuc_vu or words.chu_tich)
    elif sig.hinh_thuc == "ky_thay":
        lines += [f"{words.ky_thay} {words.chu_tich}", sig.chuc_vu or words.pho_chu_tich]
    else:
        lines.append(f"{words.quyen} {words.chu_tich}")
    return [upper(line) for line in lines]


def issuer_lines(plan: Plan) -> list[str]:
    return [upper(plan.co_quan.ten_co_quan), upper(plan.co_quan.unit_name)]


def context(plan: Plan) -> dict:
    """Everything the Word template may use. Keys are Vietnamese, like the answers file."""
    return {
        "co_quan": issuer_lines(plan),
        "so_ky_hieu": doc_number(plan.so, plan.ky_hieu),
        "dia_danh_ngay": date_line(plan.co_quan.place, plan.ngay, year=plan.nam, month=plan.thang),
        "ten_loai": upper(plan.ten_loai),
        "trich_yeu": list(plan.trich_yeu),
        "mo_dau": preamble(plan),
        "than": body(plan),
        "nhan_noi_nhan": rules().thanh_phan.noi_nhan_nhan.van_ban,
        "noi_nhan": recipients(plan),
        "chu_ky": signature(plan),
        "nguoi_ky": plan.chu_ky.nguoi_ky,
        "phu_luc": appendices(plan),
    }


def text_lines(plan: Plan) -> list[str]:
    """The plan as plain text, one paragraph per line, in reading order (for tests and --text)."""
    ctx = context(plan)
    qh = rules().thanh_phan
    return [
        *ctx["co_quan"], ctx["so_ky_hieu"], qh.quoc_hieu.van_ban, qh.tieu_ngu.van_ban,
        ctx["dia_danh_ngay"], ctx["ten_loai"], *ctx["trich_yeu"],
        *(line.dong for line in ctx["mo_dau"]), *line_texts(ctx["than"]),
        ctx["nhan_noi_nhan"], *ctx["noi_nhan"], *ctx["chu_ky"], ctx["nguoi_ky"],
        *(text for appendix in ctx["phu_luc"] for text in appendix.texts()),
    ]


def line_texts(lines: list[Line]) -> list[str]:
    """Printed text of laid-out lines; a table gives its cells row by row."""
    return [text for line in lines for text in (line.bang.texts() if line.bang else [line.dong])]


def appendices(plan: Plan) -> list:
    from drafter.plan.appendix_layout import lay_out_appendices  # builds on _walk above

    return lay_out_appendices(plan)
