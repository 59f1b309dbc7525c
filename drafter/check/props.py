"""Word's run and paragraph properties as written in the XML (rPr, pPr), parsed into plain values:
fonts per slot, size, toggles, indents, spacing, alignment. Resolving them through style chains
is formatting.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
TOGGLES = ("b", "i", "caps", "vanish")
_TRUE = {"1", "true", "on"}
TWIPS_PER_PT = 20
DEFAULT_SIZE = 10.0  # pt: Word's size when nothing sets one


def _on(el) -> bool:
    val = el.get(W + "val")
    return val is None or val.lower() in _TRUE


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def twips(value: str | None, default: int = 0) -> int:
    """A measure attribute in twips; tolerant of "1134.0", "auto" and junk (→ default)."""
    if value is None:
        return default
    try:
        return int(float(value))
    except ValueError:
        return default


@dataclass(frozen=True)
class RunProps:
    fonts: tuple[str | None, str | None, str | None, str | None]  # ascii, hAnsi, eastAsia, cs
    size: float | None  # pt
    bold: bool
    italic: bool
    caps: bool
    hidden: bool
    underline: bool
    hint: str | None = None  # w:hint="eastAsia": Word draws ambiguous characters with the eastAsia font
    color: str | None = None  # w:color value ("auto", "000000", "FF0000"); None when nothing sets it

    def font(self, slot: str) -> str | None:
        return self.fonts[FONT_SLOTS.index(slot)]


@dataclass(frozen=True)
class ParaProps:
    align: str  # "left", "center", "right", "justify"
    left: int  # twips
    right: int
    first_line: int  # twips; negative for a hanging indent
    first_line_chars: int | None  # hundredths of a character, overrides first_line when set
    before: int
    after: int
    line: int | None
    line_rule: str  # "auto", "exact", "atLeast"
    contextual: bool
    border_bottom: bool
    border_top: bool
    style_id: str | None


_ALIGN = {"both": "justify", "distribute": "justify", "thaiDistribute": "justify", "lowKashida": "justify",
          "mediumKashida": "justify", "highKashida": "justify", "left": "left", "start": "left",
          "center": "center", "right": "right", "end": "right"}
_ALIGN_WORDS = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "justify": "căn đều"}


def align_words(value: str | None) -> str:
    """An alignment in words ("căn giữa"), from a w:jc value or its normalised form; none set is left."""
    return _ALIGN_WORDS.get(_ALIGN.get(value or "left", value or "left"), f"căn {value}")


def parse_rpr(rpr) -> dict[str, Any]:
    """The properties an rPr element sets at its own level (fonts as ('font'|'theme', value))."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if tag == W + "rFonts":
            hint = child.get(W + "hint")
            if hint:
                out["hint"] = hint
            for slot in FONT_SLOTS:
                theme = child.get(W + _THEME_ATTR[slot])
                if theme:
                    out[slot] = ("theme", theme)
                else:
                    name = child.get(W + slot)
                    if name:
                        out[slot] = ("font", name)
        elif tag == W + "sz":
            val = _int(child.get(W + "val"))
            if val is not None:
                out["sz"] = val
        elif tag == W + "b":
            out["b"] = _on(child)
        elif tag == W + "i":
            out["i"] = _on(child)
        elif tag == W + "caps":
            out["caps"] = _on(child)
        elif tag == W + "vanish":
            out["vanish"] = _on(child)
        elif tag == W + "u":
            out["u"] = (child.get(W + "val") or "single") not in ("none", "0")
        elif tag == W + "rStyle":
            out["rStyle"] = child.get(W + "val")
        elif tag == W + "color":
            out["color"] = (child.get(W + "val") or "auto").strip()
    return out


def parse_ppr(ppr) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if tag == W + "jc":
            out["jc"] = _ALIGN.get(child.get(W + "val") or "left", "left")
        elif tag == W + "ind":
            for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
                val = _int(child.get(W + attr))
                if val is not None:
                    out[key] = val
            first, hanging = _int(child.get(W + "firstLine")), _int(child.get(W + "hanging"))
            if hanging is not None:
                out["first"] = -hanging
            elif first is not None:
                out["first"] = first
            chars = _int(child.get(W + "firstLineChars"))
            hanging_chars = _int(child.get(W + "hangingChars"))
            if hanging_chars:
                out["first_chars"] = -hanging_chars
            elif chars is not None:
                out["first_chars"] = chars or None
        elif tag == W + "spacing":
            for attr in ("before", "after", "line"):
                val = _int(child.get(W + attr))
                if val is not None:
                    out[attr] = val
            rule = child.get(W + "lineRule")
            if rule:
                out["lineRule"] = rule
            for attr, key in (("beforeAutospacing", "before"), ("afterAutospacing", "after")):
                flag = child.get(W + attr)
                if flag is not None and flag.lower() in _TRUE:
                    out[key] = 14 * TWIPS_PER_PT  # Word's HTML auto spacing
        elif tag == W + "contextualSpacing":
            out["contextual"] = _on(child)
        elif tag == W + "pBdr":
            for side in ("bottom", "top"):
                border = child.find(W + side)
                if border is not None:
                    out["border_" + side] = (border.get(W + "val") or "nil") not in ("nil", "none")
        elif tag == W + "pStyle":
            out["pStyle"] = child.get(W + "val")
        elif tag == W + "numPr":
            num_id = child.find(W + "numId")
            ilvl = child.find(W + "ilvl")
            out["numPr"] = (num_id.get(W + "val") if num_id is not None else None,
                            _int(ilvl.get(W + "val")) if ilvl is not None else 0)
    return out
