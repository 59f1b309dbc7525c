"""Repairs of punctuation, spacing and number padding — never of words: the end of each Căn cứ
and Nơi nhận line, the closing "./.", the form of the "Lưu" line, the final "." of the subject,
the date line ("ngày 5 tháng 01" → "ngày 05 tháng 1"), the "Số:" line, spaces before
punctuation and double spaces. Each edit is checked to keep the words of its paragraph (numbers
by value) before it is planned."""

from __future__ import annotations

import re
import unicodedata

from drafter.check.wording import _DOUBLE_SPACE, _SPACE_BEFORE
from drafter.fix.change import Plan
from drafter.fix.runs import plain_text, replace_text
from drafter.fix.words import words_of_text
from drafter.labels import labels
from drafter.rules import rules

_END_MARKS = ",.;:"


def _para_text(view, i: int) -> tuple[object, str, int, int] | None:
    """(paragraph element, its plain text, unit start, unit end) when the checker's offsets are
    those of the plain text (no tabs or line breaks before the unit), else None."""
    unit = view.units[i]
    para = view.paras[unit.para]
    text = plain_text(para.el)
    if unicodedata.normalize("NFC", text) != para.text or text != para.text:
        return None
    return para.el, text, unit.start, unit.end


def _edit(plan: Plan, rule: str, where: str, what: str, p_el, start: int, end: int, new: str) -> None:
    text = plain_text(p_el)
    after = text[:start] + new + text[end:]
    if words_of_text(after) != words_of_text(text):
        return  # would change a word: not a repair drafter makes
    plan.add(rule, where, what, _context(text, start, end), _context(after, start, start + len(new)),
             lambda p=p_el: plain_text(p), lambda p=p_el: replace_text(p, start, end, new))


def _context(text: str, start: int, end: int) -> str:
    """The edited place with a few words around it."""
    lo = max(0, start - 25)
    lo = text.rfind(" ", 0, lo) + 1 if lo else 0
    hi = text.find(" ", min(len(text), end + 12))
    hi = len(text) if hi < 0 else hi
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


def _set_end(plan: Plan, view, rule: str, i: int, mark: str, what: str, *, keep: tuple[str, ...] = ()) -> None:
    got = _para_text(view, i)
    if got is None:
        return
    p_el, text, start, end = got
    unit_text = text[start:end].rstrip()
    end = start + len(unit_text)
    if unit_text.endswith(mark) or unit_text.endswith(keep):
        return
    if unit_text[-1:] in _END_MARKS and not unit_text.endswith("./."):
        _edit(plan, rule, view.units[i].where, what, p_el, end - 1, end, mark)
    elif unit_text[-1:].isalnum() or unit_text[-1:] in ")”\"'":
        _edit(plan, rule, view.units[i].where, what, p_el, end, end, mark)


def plan_bases(view, plan: Plan, rules_fired: set[str]) -> None:
    if "ND30-C2" not in rules_fired:
        return
    for i in view.anatomy.bases:
        last = i == view.anatomy.bases[-1]
        _set_end(plan, view, "ND30-C2", i, ";", "dấu cuối căn cứ", keep=(":", ".") if last else (":",))


def _recipient_groups(view) -> list[list[int]]:
    a = view.anatomy
    groups: list[list[int]] = []
    for i in a.recipients:
        line = a.text(i).strip()
        if not line.startswith("-") and groups and not a.text(groups[-1][-1]).rstrip().endswith((";", ".")):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def plan_recipients(view, plan: Plan, rules_fired: set[str]) -> None:
    if not {"ND30-R4", "ND30-R5"} & rules_fired:
        return
    groups = _recipient_groups(view)
    luu = labels().luu.rstrip(":").strip()
    for n, group in enumerate(groups):
        last = n == len(groups) - 1
        if not last and "ND30-R4" in rules_fired:
            _set_end(plan, view, "ND30-R4", group[-1], ";", "dấu cuối nơi nhận")
        if last and "ND30-R5" in rules_fired:
            first = view.units[group[0]]
            got = _para_text(view, group[0])
            if got is not None:
                p_el, text, start, end = got
                m = re.match(rf"^([-–—•+*]?\s*{re.escape(luu)})(\s*)(?!\s*:)", text[start:end])
                if m:
                    _edit(plan, "ND30-R5", first.where, "dấu «:» sau «Lưu»", p_el, start + m.end(1),
                          start + m.end(2), ": ")
            _set_end(plan, view, "ND30-R5", group[-1], ".", "dấu chấm cuối dòng lưu")


def plan_ending(view, plan: Plan, rules_fired: set[str]) -> None:
    last = view.anatomy.last_content
    if "ND30-E1" not in rules_fired or last is None:
        return
    mark = rules().ket_thuc.dau
    _set_end(plan, view, "ND30-E1", last, mark, f"dấu «{mark}» kết thúc nội dung")


def plan_subject_stop(view, plan: Plan, rules_fired: set[str]) -> None:
    a = view.anatomy
    if "ND30-T3" not in rules_fired or not a.subject:
        return
    got = _para_text(view, a.subject[-1])
    if got is None:
        return
    p_el, text, start, end = got
    body = text[start:end].rstrip()
    if body.endswith(".") and not body.endswith(".."):
        _edit(plan, "ND30-T3", view.units[a.subject[-1]].where, "dấu chấm cuối trích yếu", p_el,
              start + len(body) - 1, start + len(body), "")


_DAY = re.compile(r"(ngày)(\s*)(\d{1,3})(?=\s*tháng)", re.IGNORECASE)
_MONTH = re.compile(r"(tháng)(\s*)(\d{1,3})(?=\s*năm)", re.IGNORECASE)


def plan_date(view, plan: Plan, rules_fired: set[str]) -> None:
    a = view.anatomy
    if "ND30-N1" not in rules_fired or a.date is None:
        return
    got = _para_text(view, a.date)
    if got is None:
        return
    p_el, text, start, end = got
    table = rules().ngay_thang
    where = view.units[a.date].where
    line = text[start:end]
    m = _DAY.search(line)
    if m:
        day = int(m.group(3))
        want = f"{day:02d}" if day < table.ngay_duoi_them_0 else str(day)
        if m.group(3) != want:
            _edit(plan, "ND30-N1", where, "ngày", p_el, start + m.start(3), start + m.end(3), want)
            return  # one edit per round: offsets move
    m = _MONTH.search(line)
    if m:
        month = int(m.group(3))
        want = f"{month:02d}" if month in table.thang_them_0 else str(month)
        if m.group(3) != want:
            _edit(plan, "ND30-N1", where, "tháng", p_el, start + m.start(3), start + m.end(3), want)
            return
    comma = re.match(r"^([^,]*?\S)(\s+)(ngày)", line)
    if comma and "," not in line.split("ngày")[0]:
        _edit(plan, "ND30-N1", where, "dấu «,» sau địa danh", p_el, start + comma.end(1), start + comma.end(2), ", ")


def plan_number(view, plan: Plan, findings) -> None:
    a = view.anatomy
    wanted = next((f.expected for f in findings if f.rule == "ND30-S1" and a.so is not None
                   and f.where == view.units[a.so].where and f.found == a.text(a.so)), None)
    if wanted is None:
        return
    got = _para_text(view, a.so)
    if got is None:
        return
    p_el, text, start, end = got
    _edit(plan, "ND30-S1", view.units[a.so].where, "dòng số, ký hiệu", p_el, start, end, wanted)


def plan_spacing(view, plan: Plan, rules_fired: set[str]) -> None:
    if not {"ND30-G1", "ND30-G2"} & rules_fired:
        return
    a = view.anatomy
    done: set[int] = set()
    for i in a.subject + a.preamble + a.body + a.recipients:
        para = view.units[i].para
        if para in done:
            continue
        got = _para_text(view, i)
        if got is None:
            continue
        done.add(para)
        p_el, text, _, _ = got
        where = view.units[i].where
        m = _SPACE_BEFORE.search(text) if "ND30-G1" in rules_fired else None
        if m:
            _edit(plan, "ND30-G1", where, "dấu cách trước dấu câu", p_el, m.start("space"), m.end("space"), "")
            continue
        m = _DOUBLE_SPACE.search(text) if "ND30-G2" in rules_fired else None
        if m:
            _edit(plan, "ND30-G2", where, "hai dấu cách", p_el, m.start("space"), m.end("space"), " ")


__all__ = ["plan_bases", "plan_recipients", "plan_ending", "plan_subject_stop", "plan_date", "plan_number",
           "plan_spacing"]
