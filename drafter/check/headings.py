"""Heading sequences of the body: Mục I, II… (again from I in each "Phần"), khoản 1, 2… in each
Mục, decimal khoản 1.1., 1.2., 1.1.1. under their parent, points a), b), c), d), đ), e)… under
each heading. Every scheme drafter writes (drafter.plan.numbering) is read here, so that its own
output never flags, and real plans numbered 1.1./1.2. get no false error.

A point sequence may start again at a) after a plain paragraph: real plans do this (a lead-in
sentence, then a new list), and drafter writes it when a point asks for `bat_dau_lai`. Only
a restart at a) is accepted there; any other jump is still reported."""

from __future__ import annotations

from drafter.check.anatomy import DECIMAL_RE, DIEM_RE, KHOAN_RE, PART_RE, is_muc, short
from drafter.check.context import Context
from drafter.plan.numbering import khoan_label
from drafter.vn import POINT_LETTERS, point_letter, roman

_ITEM_MARKS = ("-", "+", "–", "•", "*")


def roman_value(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total if total > 0 and roman(total) == numeral else None


def _short(text: str) -> str:
    return short(text, 50)


def _label(path: list[int]) -> str:
    return khoan_label(tuple(path))


class _Walk:
    """Counters while reading the body in order."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.muc = 0
        self.muc_label = ""
        self.path: list[int] = []  # current khoản number, then its decimal sub-numbers
        self.diem = 0
        self.last = "heading"  # kind of the previous unit: heading | point | item | plain
        self.lead_in = False  # the previous unit ends with ":" (in text from PDF a lead-in
        # sentence may be joined to the point before it)

    def part(self) -> None:
        self.muc, self.muc_label, self.path, self.diem = 0, "", [], 0

    def muc_heading(self, i: int, text: str, numeral: str) -> None:
        want = roman(self.muc + 1)
        if numeral != want:
            after = f" (sau mục {roman(self.muc)}.)" if self.muc else ""
            self.ctx.add("ND30-M1", i, _short(text), f"mục «{want}.»{after}")
        self.muc = roman_value(numeral) or self.muc + 1
        self.muc_label = roman(self.muc)
        self.path, self.diem = [], 0

    def khoan(self, i: int, text: str, number: int) -> None:
        current = self.path[0] if self.path else 0
        if number != current + 1:
            scope = f" trong mục {self.muc_label}" if self.muc_label else ""
            why = "lặp lại" if number == current else (
                "thiếu khoản " + str(current + 1) if number > current + 1 else "sai thứ tự")
            self.ctx.add("ND30-M2", i, _short(text),
                         f"khoản «{current + 1}.»{scope} ({why}; các khoản đánh số lại từ 1 trong mỗi mục)")
        self.path, self.diem = [number], 0

    def decimal(self, i: int, text: str, parts: list[int]) -> None:
        parent = parts[:-1]
        known = self.path[: len(parent)]
        sibling = self.path[len(parent)] if len(self.path) > len(parent) and known == parent else 0
        want = (known if known == parent else parent) + [sibling + 1]
        if known != parent and len(self.path) >= len(parent):
            self.ctx.add("ND30-M2", i, _short(text),
                         f"khoản «{_label(self.path[: len(parent)] + [1])}» (số đầu phải là khoản đang viết «{_label(self.path[: len(parent)])}»)")
        elif parts[-1] != sibling + 1:
            why = "lặp lại" if parts[-1] == sibling else "sai thứ tự"
            self.ctx.add("ND30-M2", i, _short(text), f"khoản «{_label(want)}» ({why})")
        self.path, self.diem = parts, 0

    def point(self, i: int, text: str, letter: str) -> None:
        want = point_letter(self.diem + 1)
        if letter not in POINT_LETTERS:
            self.ctx.add("ND30-M3", i, _short(text), f"điểm «{want})» (bảng chữ cái tiếng Việt không có «{letter}»)")
            self.diem += 1
            return
        index = POINT_LETTERS.index(letter) + 1
        restart = index == 1 and (self.last == "plain" or self.lead_in)
        if index != self.diem + 1 and not restart:
            if index == self.diem:
                why = f"«{letter})» lặp lại"
            elif index > self.diem + 1:
                missing = ", ".join(f"«{point_letter(j)})»" for j in range(self.diem + 1, index))
                why = f"thiếu {missing}" + (f" sau «{point_letter(self.diem)})»" if self.diem else "")
            else:
                why = "sai thứ tự"
            self.ctx.add("ND30-M3", i, _short(text), f"điểm «{want})» ({why})")
        self.diem = index


def check_numbering(ctx: Context) -> None:
    a = ctx.anatomy
    walk = _Walk(ctx)
    for i in a.body:
        if a.units[i].block is not None:
            continue  # a table in the body: its group rows ("I. CẤP TỈNH") are not headings
        text = a.text(i)
        kind = "heading"
        if PART_RE.match(text):
            walk.part()
        elif m := is_muc(text):
            walk.muc_heading(i, text, m.group(1))
        elif k := KHOAN_RE.match(text):
            walk.khoan(i, text, int(k.group(1)))
        elif d := DECIMAL_RE.match(text):
            walk.decimal(i, text, [int(g) for g in d.groups()[:3] if g is not None])
        elif (p := DIEM_RE.match(text)) and len(text) > 3:
            walk.point(i, text, p.group(1))
            kind = "point"
        else:
            kind = "item" if text.startswith(_ITEM_MARKS) else "plain"
        walk.last, walk.lead_in = kind, text.rstrip().endswith(":")
