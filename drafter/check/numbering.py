"""Labels of Word's automatic numbering ("I.", "1.", "a)", "-"), which are not in the text of
the runs: hand-made plans often number their headings and Nơi nhận items this way. The labels
are rebuilt in reading order so that heading sequences and list markers can be checked — Word
letters lists with the English alphabet (a, b, c, d, e), a real defect for ND30 (… d, đ, e)."""

from __future__ import annotations

from drafter.check.formatting import W, Resolver, parse_ppr, twips
from drafter.vn import roman

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letters(n: int) -> str:
    # Word: a…z, then aa, bb, cc…
    if n < 1:
        return ""
    return _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt == "upperRoman":
        return roman(n) if n > 0 else ""
    if fmt == "lowerRoman":
        return roman(n).lower() if n > 0 else ""
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    return str(n)


class Numbering:
    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self.root = resolver.package.numbering
        self._levels: dict[tuple[str, int], tuple[str, dict] | None] = {}
        self._counters: dict[str, list[int]] = {}
        self._started: set[tuple[str, int]] = set()  # (numId, level) whose startOverride was applied

    def _abstract(self, num_id: str):
        root = self.root
        inst = next((n for n in root.iterchildren(W + "num") if n.get(W + "numId") == num_id), None)
        if inst is None:
            return None, None
        ref = inst.find(W + "abstractNumId")
        abs_id = ref.get(W + "val") if ref is not None else None
        node = next((a for a in root.iterchildren(W + "abstractNum") if a.get(W + "abstractNumId") == abs_id), None)
        return inst, node

    def _level(self, num_id: str, ilvl: int) -> tuple[str, dict] | None:
        key = (num_id, ilvl)
        if key in self._levels:
            return self._levels[key]
        result = None
        inst, node = self._abstract(num_id)
        if node is not None:
            lvl = None
            start_override = None
            for override in inst.iterchildren(W + "lvlOverride"):
                if override.get(W + "ilvl") == str(ilvl):
                    lvl = override.find(W + "lvl")
                    start = override.find(W + "startOverride")
                    start_override = twips(start.get(W + "val"), 1) if start is not None else None
            if lvl is None:
                lvl = next((lv for lv in node.iterchildren(W + "lvl") if lv.get(W + "ilvl") == str(ilvl)), None)
            if lvl is not None:
                info = {}
                for tag in ("start", "numFmt", "lvlText", "suff"):
                    el = lvl.find(W + tag)
                    info[tag] = el.get(W + "val") if el is not None else None
                info["start"] = start_override or twips(info["start"], 1)
                info["restart"] = start_override is not None
                info["levels"] = {lv.get(W + "ilvl"): lv for lv in node.iterchildren(W + "lvl")}
                result = (node.get(W + "abstractNumId") or num_id, info)
        self._levels[key] = result
        return result

    def label(self, p_el, tstyle: str | None = None) -> str:
        """The label Word shows before this paragraph ("" when not numbered)."""
        if self.root is None:
            return ""
        direct = parse_ppr(p_el.find(W + "pPr"))
        num = direct.get("numPr")
        if num is None:
            style = direct.get("pStyle") or self.resolver.default_para
            num = self.resolver.style_para(style, tstyle).get("numPr")
        if not num or not num[0] or num[0] == "0":
            return ""
        num_id, ilvl = num[0], num[1] or 0
        found = self._level(num_id, ilvl)
        if found is None:
            return ""
        abstract, info = found
        counters = self._counters.setdefault(abstract, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        level_start = {k: twips(lv.find(W + "start").get(W + "val") if lv.find(W + "start") is not None else None, 1)
                       for k, lv in info["levels"].items()}
        if info.get("restart") and (num_id, ilvl) not in self._started:
            # Word: a list instance with a startOverride restarts the shared list at its first paragraph
            self._started.add((num_id, ilvl))
            counters[ilvl] = info["start"]
        elif counters[ilvl] == 0:
            counters[ilvl] = info["start"]
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt = info["numFmt"] or "decimal"
        text = info["lvlText"] or ""
        if fmt == "bullet":
            return text if text in ("-", "–", "+", "*", "•") else ("•" if text else "")
        if fmt == "none":
            return ""
        for level in range(9):
            marker = f"%{level + 1}"
            if marker in text:
                value = counters[level] or level_start.get(str(level), 1)
                level_fmt = fmt
                lv = info["levels"].get(str(level))
                if lv is not None and lv.find(W + "numFmt") is not None:
                    level_fmt = lv.find(W + "numFmt").get(W + "val") or fmt
                text = text.replace(marker, format_number(value, level_fmt))
        return text
