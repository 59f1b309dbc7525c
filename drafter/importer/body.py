"""Rebuild the body tree (Mục, khoản, điểm, items, task lines, paragraphs) from its lines.
Numbers and bullets are read only to find the structure: drafter computes them again, so a
jump in the source (a) then c)) is listed in the report as corrected, never copied."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.check.anatomy import DIEM_RE, KHOAN_RE, is_muc
from drafter.importer.report import ImportReport
from drafter.labels import labels
from drafter.plan.body import TASK_ROLES
from drafter.units.normalize import plain_key
from drafter.vn import point_letter, roman

BULLET = re.compile(r"^(?P<mark>[-–•+])\s*(?P<text>\S.*)$")
TASK = re.compile(r"^(?P<label>[^:]{3,45}):\s*(?P<value>.*)$")
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

MUC, KHOAN, DIEM, ITEM = 0, 1, 2, 3


@dataclass
class _Open:
    level: int
    node: dict
    leaf_sentence: bool = False  # a numbered sentence, not a heading: a paragraph after it is its sibling
    children: list = field(default_factory=list)


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
        self.counts: dict[int, int] = {}  # id(container list) → numbers seen, for jump reports
        self.defaults = labels().nhiem_vu.model_dump()
        self.task_list: list | None = None  # the open list value of the last task line

    # -- containers ---------------------------------------------------------------------------
    def _container(self) -> list:
        return self.stack[-1].node["noi_dung"] if self.stack else self.root

    def _pop_to(self, level: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self._close(self.stack.pop())

    def _close(self, opened: _Open) -> None:
        if not opened.node["noi_dung"]:
            del opened.node["noi_dung"]

    def _push(self, level: int, node: dict, leaf_sentence: bool = False) -> None:
        node["noi_dung"] = []
        self._container().append(node)
        self.stack.append(_Open(level, node, leaf_sentence))

    def _expect(self, level: int, label: str, computed: str, where: str) -> None:
        if label != computed:
            names = {MUC: "mục", KHOAN: "khoản", DIEM: "điểm"}
            self.report.add("corrected", where, f"số thứ tự {names[level]} «{label}» đổi thành «{computed}» "
                                                "(đánh số liên tục)")

    def _next_number(self, level: int) -> int:
        key = id(self._container())
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    # -- lines --------------------------------------------------------------------------------
    def add(self, text: str, where: str, bold: bool = False) -> None:
        if not BULLET.match(text) or not text.startswith("+"):
            self.task_list = None
        if m := is_muc(text):
            self._pop_to(MUC)
            n = self._next_number(MUC)
            self._expect(MUC, m.group(1), roman(n), where)
            self._push(MUC, {"muc": m.group(2).strip()})
        elif m := KHOAN_RE.match(text):
            self._pop_to(KHOAN)
            n = self._next_number(KHOAN)
            self._expect(KHOAN, m.group(1), str(n), where)
            body = m.group(2).strip()
            node = {"khoan": body}
            if bold and not body.endswith((".", ";")):
                node["tieu_de"] = True
            self._push(KHOAN, node, leaf_sentence=body.endswith((".", ";")) and not bold)
        elif (m := DIEM_RE.match(text)) and m.group(2):
            self._pop_to(DIEM)
            n = self._next_number(DIEM)
            self._expect(DIEM, m.group(1), point_letter(n), where)
            node = {"diem": m.group(2).strip()}
            if bold:
                node["tieu_de"] = True
            self._push(DIEM, node, leaf_sentence=m.group(2).rstrip().endswith((".", ";")))
        elif m := BULLET.match(text):
            self._bullet(m.group("mark"), m.group("text").strip(), where)
        else:
            self._paragraph(text)

    def _bullet(self, mark: str, text: str, where: str) -> None:
        depth = 1 if mark == "+" else 0
        task = TASK.match(text)
        role = role_of(task.group("label")) if task else None
        if role is not None and depth == 0:
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

    def _task(self, role: str, label: str, value: str) -> None:
        self._pop_to(ITEM)
        container = self._container()
        last = container[-1] if container else None
        block = last["nhiem_vu"] if isinstance(last, dict) and "nhiem_vu" in last else None
        order = TASK_ROLES.index(role)
        # drafter prints a block's roles in a fixed order: a role out of that order starts a new block
        if block is None or role in block or any(TASK_ROLES.index(r) > order for r in block if r in TASK_ROLES):
            block = {}
            container.append({"nhiem_vu": block})
        if value:
            block[role] = value
            self.task_list = None
        else:
            block[role] = self.task_list = []
        if label != self.defaults[role]:
            block.setdefault("nhan", {})[role] = label

    def _paragraph(self, text: str) -> None:
        self.task_list = None
        self._pop_to(ITEM)
        while self.stack and self.stack[-1].leaf_sentence:
            self._close(self.stack.pop())
        self._container().append({"doan": text})

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
        if isinstance(node.get("noi_dung"), list):
            _clean(node["noi_dung"])


def build_body(lines: list[tuple[str, str, bool]], report: ImportReport) -> list:
    """`lines`: (text, where, bold). The last line's "./." is drafter's to add, so it is removed."""
    builder = BodyBuilder(report)
    for n, (text, where, bold) in enumerate(lines):
        if n == len(lines) - 1:
            text = ENDING.sub("", text).rstrip()
        if text:
            builder.add(text, where, bold)
    return builder.finish()
