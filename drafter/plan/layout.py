"""Lay a plan out as the lines a reader sees: computed numbering (I, 1, a), bullets, task
labels, "./." at the end, Nơi nhận punctuation. The result is the context of the Word
template; every key is documented in `templates/README.md`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.labels import labels
from drafter.plan.body import Diem, Item, Khoan, Muc, Node, Para, Task, TaskBlock
from drafter.plan.emphasis import Span, merge, plain, spans
from drafter.plan.table import LaidTable, Table, lay_out_table
from drafter.plan.model import Basis, Plan
from drafter.plan.numbering import khoan_label
from drafter.rules import rules
from drafter.vn import date_line, doc_number, point_letter, roman, upper


@dataclass
class Line:
    """One paragraph of the body. `kieu` picks the template branch (and so the Word style)."""

    kieu: str  # muc | khoan | khoan_2 | khoan_3 | diem | tieu_de_diem | y | nhiem_vu | doan | can_cu | dan_nhap
    noi_dung: str
    so: str = ""  # computed label: "I.", "1.", "1.1.", "a)", "-", "+"
    nhan: str = ""  # task label: "Cơ quan chủ trì"
    tiep: str = ""  # upright text continuing an italic basis in the same paragraph
    bang: LaidTable | None = None  # kieu "bang": the table; the renderer swaps in its Word XML

    @property
    def dau(self) -> str:
        """What precedes the content: computed label and task label ("a) Cơ quan chủ trì: ")."""
        head = f"{self.so} " if self.so else ""
        label = f"{self.nhan}:" + (" " if self.noi_dung else "") if self.nhan else ""
        return head + label

    @property
    def dong(self) -> str:
        """The paragraph's full text as printed (emphasis markers removed)."""
        return f"{self.dau}{plain(self.noi_dung)}{self.tiep}"

    @property
    def doan_chu(self) -> tuple[Span, ...]:
        """The paragraph as runs: `**bold**` and `*italic*` of the content become emphasis."""
        return merge((Span(self.dau), *spans(self.noi_dung), Span(self.tiep)))


def _bullet(depth: int) -> str:
    bullets = labels().gach_dau_dong
    return bullets[min(depth, len(bullets) - 1)]


def _task_lines(plan: Plan, block: TaskBlock, depth: int, first_letter: int | None) -> list[Line]:
    """Task roles as "- " lines, or as points continuing the letters of the parent from
    `first_letter` (None: dashes)."""
    out: list[Line] = []
    for n, (label, value) in enumerate(block.roles(plan.nhan_nhiem_vu)):
        lettered = first_letter is not None
        mark = f"{point_letter(first_letter + n)})" if lettered else _bullet(depth)
        sub = _bullet(0 if lettered else depth + 1)
        if isinstance(value, list):
            out.append(Line("nhiem_vu", "", so=mark, nhan=label))
            out.extend(Line("y", item, so=sub) for item in value)
        else:
            out.append(Line("nhiem_vu", value, so=mark, nhan=label))
    return out


def _khoan_kind(node: Khoan, depth: int) -> str:
    """Template branch of a khoản: its heading style by level ("khoan", "khoan_2", "khoan_3"),
    or a plain numbered paragraph when it is not a heading."""
    if not node.is_heading:
        return "doan"
    return "khoan" if depth == 1 else f"khoan_{depth}"


def _walk(plan: Plan, nodes: list[Node], out: list[Line], item_depth: int = 0,
          khoan_path: tuple[int, ...] = (), in_list: bool = False) -> None:
    """Lay out `nodes`; `in_list` is true below a point or an item, where task roles are always
    "- " lines (a lettered sequence there would restart a) inside a)."""
    khoan_no = diem_no = 0
    for node in nodes:
        if isinstance(node, Muc):
            n = sum(1 for line in out if line.kieu == "muc") + 1
            out.append(Line("muc", upper(node.muc), so=f"{roman(n)}."))
            _walk(plan, node.noi_dung, out)
        elif isinstance(node, Khoan):
            khoan_no += 1
            diem_no = 0  # points after a khoản letter from a) again, as a reader expects
            path = khoan_path + (khoan_no,)
            out.append(Line(_khoan_kind(node, len(path)), node.khoan, so=khoan_label(path)))
            _walk(plan, node.noi_dung, out, khoan_path=path)
        elif isinstance(node, Diem):
            diem_no = 1 if node.bat_dau_lai else diem_no + 1
            out.append(Line("tieu_de_diem" if node.is_heading else "diem", node.diem,
                            so=f"{point_letter(diem_no)})"))
            _walk(plan, node.noi_dung, out, khoan_path=khoan_path, in_list=True)
        elif isinstance(node, Item):
            out.append(Line("y", node.y, so=_bullet(item_depth)))
            _walk(plan, node.noi_dung, out, item_depth + 1, khoan_path, in_list=True)
        elif isinstance(node, Para):
            out.append(Line("doan", node.doan))
        elif isinstance(node, Task):
            block = node.nhiem_vu
            lettered = (block.trinh_bay or plan.trinh_bay_nhiem_vu) == "diem" and not in_list
            lines = _task_lines(plan, block, item_depth, diem_no + 1 if lettered else None)
            if lettered:  # the roles are points of this parent: later points continue after them
                diem_no += sum(1 for line in lines if line.kieu == "nhiem_vu")
            out.extend(lines)
        elif isinstance(node, Table):
            out.append(Line("bang", "", bang=lay_out_table(node.bang)))


_ENDING = re.compile(r"[\s.;,:/]*(?P<close>(?<!\\)\**)[\s.;,:/]*$")


def with_ending(text: str) -> str:
    """End the last content paragraph with the ND30 mark "./." (PL-III), exactly once — after
    a closing emphasis marker, so that "**… xong.**" ends "**… xong**./."."""
    mark = rules().ket_thuc.dau
    return _ENDING.sub(lambda m: m.group("close"), text, count=1) + mark


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
        if plan.dan_nhap_sau_can_cu_cuoi and lines:
            last = lines[-1]
            last.noi_dung = last.noi_dung[:-1] + plan.dan_nhap_sau_can_cu_cuoi
            last.tiep = " " + plain(plan.dan_nhap)  # upright run of an italic paragraph
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
    if plan.ghi_chu_luu:  # copies, initials: a line of its own under "Lưu", no dash
        items.append(plan.ghi_chu_luu)
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
    """The plan as plain text, one paragraph per line, in reading order (what tests compare)."""
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
