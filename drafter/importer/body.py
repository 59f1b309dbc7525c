"""Rebuild the body tree (Mục, khoản and their decimal sub-levels 1.1./1.1.1., điểm, items, task
lines, paragraphs, tables) from its lines. Numbers and bullets are read only to find the
structure: drafter computes them again, so a jump in the source (a) then c)) is listed in the
report as corrected, never copied."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.check.anatomy import DIEM_RE, KHOAN_RE, is_muc
from drafter.importer.report import ImportReport
from drafter.labels import labels
from drafter.units.normalize import plain_key
from drafter.vn import point_letter, roman

BULLET = re.compile(r"^(?P<mark>[-–•+])\s*(?P<text>\S.*)$")
TASK = re.compile(r"^(?P<label>[^:]{3,45}):\s*(?P<value>.*)$")
DECIMAL = re.compile(r"^(?P<path>\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?P<text>\S.*)$")
ENDING = re.compile(r"\s*\.\s*/\s*\.\s*$")

# Words that name each task role in real plans ("Cơ quan chủ trì", "Chủ trì tham mưu",
# "Đơn vị phối hợp", "Thời gian hoàn thành"…), matched on the label without diacritics.
# The label's first words decide ("Thời gian thực hiện" is a time, not an executor); its last
# words only when the first say nothing ("Cơ quan chủ trì").
ROLE_WORDS = {
    "thoi_gian": ("thoigian", "thoihan", "tiendo"),
    "hinh_thuc": ("hinhthuc",),
    "phoi_hop": ("phoihop",),
    "chu_tri": ("chutri",),
    "thuc_hien": ("thuchien",),
}
# A free role inside a task block ("Sản phẩm:", "Kinh phí:"): a short label of a few words.
FREE_ROLE = re.compile(r"^[A-ZĐÀ-Ỹ][^\d:;,.()]{1,30}$")

MUC, KHOAN, DIEM, ITEM = 0, 1, 4, 5  # khoản levels 1–3 (1., 1.1., 1.1.1.), then điểm, then items


@dataclass
class _Open:
    level: int
    node: dict
    leaf_sentence: bool = False  # a numbered sentence, not a heading: a paragraph after it is its sibling
    number: int = 0  # a khoản's computed number at its level


def role_of(label: str) -> str | None:
    key = plain_key(label)
    for test in (str.startswith, str.endswith):
        for role, words in ROLE_WORDS.items():
            if any(test(key, w) for w in words):
                return role
    return None


class BodyBuilder:
    def __init__(self, report: ImportReport):
        self.report = report
        self.root: list = []
        self.stack: list[_Open] = []
        self.counts: dict[int, int] = {}  # id(container list) → points seen, for jump reports
        self.defaults = labels().nhiem_vu.model_dump()
        self.task_list: list | None = None  # the open list value of the last task line
        self.decimal_in: dict | None = None  # the Mục (or {} for the plan) using 1.1. numbering
        self.decimal_plan = False

    # -- containers ---------------------------------------------------------------------------
    def _container(self) -> list:
        return self.stack[-1].node["noi_dung"] if self.stack else self.root

    def _pop_to(self, level: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self._close(self.stack.pop())

    @staticmethod
    def _close(opened: _Open) -> None:
        if not opened.node["noi_dung"]:
            del opened.node["noi_dung"]

    def _push(self, level: int, node: dict, leaf_sentence: bool = False) -> None:
        node["noi_dung"] = []
        self._container().append(node)
        self.stack.append(_Open(level, node, leaf_sentence))

    def _numbered(self, level: int, label: str, computed: str, where: str, name: str) -> None:
        if label != computed:
            self.report.add("corrected", where, f"số thứ tự {name} «{label}» đổi thành «{computed}» "
                                                "(đánh số liên tục)")

    def _count(self) -> int:
        key = id(self._container())
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    # -- lines --------------------------------------------------------------------------------
    def add(self, text: str, where: str, bold: bool = False) -> None:
        if not text.startswith("+"):
            self.task_list = None
        if m := is_muc(text):
            self._pop_to(MUC)
            self._numbered(MUC, m.group(1), roman(self._count()), where, "mục")
            self._push(MUC, {"muc": m.group(2).strip()})
        elif m := DECIMAL.match(text):
            self._decimal(m.group("path"), m.group("text").strip(), where, bold)
        elif m := KHOAN_RE.match(text):
            self._khoan(1, m.group(1), m.group(2).strip(), where, bold)
        elif (m := DIEM_RE.match(text)) and m.group(2):
            self._diem(m.group(1), m.group(2).strip(), where, bold)
        elif m := BULLET.match(text):
            self._bullet(m.group("mark"), m.group("text").strip(), where)
        else:
            self._paragraph(text)

    def _khoan(self, depth: int, label: str, body: str, where: str, bold: bool) -> None:
        self._pop_to(KHOAN + depth - 1)
        if depth > 1 and not (self.stack and self.stack[-1].level == KHOAN + depth - 2):
            self.report.add("guess", where, f"khoản «{label}.» không nằm dưới khoản cấp trên; đọc thành đoạn văn")
            self._paragraph(f"{label}. {body}")
            return
        n = self._count()
        computed = ".".join(filter(None, (self._parent_path(depth), str(n))))
        self._numbered(KHOAN, label, computed, where, "khoản")
        node = {"khoan": body}
        if bold and not body.endswith((".", ";")):
            node["tieu_de"] = True
        self._push(KHOAN + depth - 1, node, leaf_sentence=body.endswith((".", ";")) and not bold)
        self.stack[-1].number = n

    def _parent_path(self, depth: int) -> str:
        """The computed number of the open khoản above a sub-level ("2.1" for a 2.1.x line)."""
        path = []
        for opened in self.stack:
            if KHOAN <= opened.level < KHOAN + depth - 1:
                path.append(str(opened.number))
        return ".".join(path)

    def _decimal(self, path: str, body: str, where: str, bold: bool) -> None:
        depth = path.count(".") + 1
        if self.decimal_in is None:  # the first 1.1.: this Mục (or the plan) is decimal-numbered
            mucs = [o for o in self.stack if o.level == MUC]
            self.decimal_in = mucs[-1].node if mucs else {}
            if mucs:
                mucs[-1].node["danh_so"] = "thap_phan"
            else:
                self.decimal_plan = True
            self.report.add("guess", where, f"số «{path}.» đọc là khoản cấp {depth} (đánh số thập phân)")
        elif self.decimal_in and not any(o.node is self.decimal_in for o in self.stack):
            mucs = [o for o in self.stack if o.level == MUC]
            if mucs:
                mucs[-1].node["danh_so"] = "thap_phan"
        self._khoan(depth, path, body, where, bold)

    def _diem(self, letter: str, body: str, where: str, bold: bool) -> None:
        self._pop_to(DIEM)
        task = TASK.match(body)
        role = role_of(task.group("label")) if task else None
        if role is not None:  # "a) Cơ quan chủ trì: …": task roles printed as points
            self._task(role, task.group("label").strip(), task.group("value").strip(), lettered=True)
            self._count()
            return
        container = self._container()
        previous = container[-1] if container else None
        n = self._count()
        node = {"diem": body}
        if letter == "a" and n > 1 and isinstance(previous, dict) and "doan" in previous:
            node["bat_dau_lai"] = True  # a) again after a lead-in paragraph, as the source does
            self.counts[id(container)] = n = 1
        self._numbered(DIEM, letter, point_letter(n), where, "điểm")
        if bold:
            node["tieu_de"] = True
        self._push(DIEM, node, leaf_sentence=body.endswith((".", ";")))

    def _bullet(self, mark: str, text: str, where: str) -> None:
        depth = 1 if mark == "+" else 0
        task = TASK.match(text)
        role = role_of(task.group("label")) if task else None
        if depth == 0 and task and (role is not None or self._in_task_block(task.group("label"))):
            self._task(role, task.group("label").strip(), task.group("value").strip())
            return
        if depth == 1 and self.task_list is not None:
            self.task_list.append(text)  # "+ " sub-items of a task line with no value of its own
            return
        self.task_list = None
        self._pop_to(ITEM + depth)
        if depth == 1 and not (self.stack and self.stack[-1].level == ITEM):
            self.report.add("guess", where, "ý «+» không đứng sau ý «-»; đọc thành ý «-»")
            depth = 0
        self._push(ITEM + depth, {"y": text})

    def _in_task_block(self, label: str) -> bool:
        """"- Sản phẩm: …" right after task lines is one more role of the block."""
        if not FREE_ROLE.match(label.strip()):
            return False
        level = self.stack[-1].level if self.stack else -1
        container = self._container() if level < ITEM else None
        last = container[-1] if container else None
        return isinstance(last, dict) and "nhiem_vu" in last

    def _task(self, role: str | None, label: str, value: str, lettered: bool = False) -> None:
        self._pop_to(ITEM)
        container = self._container()
        last = container[-1] if container else None
        block = last["nhiem_vu"] if isinstance(last, dict) and "nhiem_vu" in last else None
        style = "diem" if lettered else None
        key = role or "vai_tro"
        repeated = block is not None and key in block and (key != "vai_tro" or next(reversed(block)) != "vai_tro")
        if block is None or repeated or block.get("trinh_bay") != style:
            block = {}
            if style:
                block["trinh_bay"] = style
            container.append({"nhiem_vu": block})
        content = value if value else []
        if role is None:
            block.setdefault("vai_tro", []).append({"nhan": label, "noi_dung": content})
        else:
            block[role] = content
            if label != self.defaults[role]:
                block.setdefault("nhan", {})[role] = label
        self.task_list = content if isinstance(content, list) else None

    def _paragraph(self, text: str) -> None:
        self._unnumbered({"doan": text})

    def add_table(self, table: dict) -> None:
        self._unnumbered({"bang": table})

    def _unnumbered(self, node: dict) -> None:
        """A paragraph or a table: under the open heading, beside a numbered sentence."""
        self.task_list = None
        self._pop_to(ITEM)
        while self.stack and self.stack[-1].leaf_sentence:
            self._close(self.stack.pop())
        self._container().append(node)

    def finish(self) -> list:
        self._pop_to(MUC)
        _clean(self.root)
        return self.root


def _clean(nodes: list) -> None:
    for node in nodes:
        if "khoan" in node and node.get("tieu_de") and node.get("noi_dung"):
            del node["tieu_de"]  # a khoản with children is a heading anyway
        if "nhiem_vu" in node:
            block = node["nhiem_vu"]
            for role, value in list(block.items()):
                if value == []:
                    block[role] = "…"  # a label with nothing after it: keep the line visible
            for free in block.get("vai_tro", []):
                if free["noi_dung"] == []:
                    free["noi_dung"] = "…"
        if isinstance(node.get("noi_dung"), list):
            _clean(node["noi_dung"])


def build_body(items: list, report: ImportReport, *, closing_mark: bool = True) -> tuple[list, bool]:
    """`items`: (text, where, bold) lines and table dicts in reading order. Returns the body and
    whether the whole plan (not one Mục) uses decimal numbering. The plan's last line's "./." is
    drafter's to add, so it is removed (`closing_mark`; an appendix has none)."""
    builder = BodyBuilder(report)
    last_line = max((i for i, item in enumerate(items) if isinstance(item, tuple)), default=-1)
    if not closing_mark:
        last_line = -1
    for n, item in enumerate(items):
        if isinstance(item, dict):
            builder.add_table(item)
            continue
        text, where, bold = item
        if n == last_line:
            text = ENDING.sub("", text).rstrip()
        if text:
            builder.add(text, where, bold)
    return builder.finish(), builder.decimal_plan
