"""Resize a rule drawn as a shape (the checker's `lines.run_lines` finds them in the same order):
DrawingML lines (`wp:extent`, `a:ext`), VML lines (`v:line` from/to) and thin VML shapes
(`style="width:…"`). A rule inside mc:AlternateContent is resized in both the DrawingML choice
and its VML fallback, so that Word and older readers agree. An anchored rule keeps its centre."""

from __future__ import annotations

import re

from drafter.check.docx_reader import _runs
from drafter.check.lines import A, EMU_PER_MM, MC, V, W, WP, _drawing_lines, _pict_lines, vml_length_mm


def _drawing_holders(drawing) -> list:
    return [h for h in list(drawing.iterchildren(WP + "inline")) + list(drawing.iterchildren(WP + "anchor"))
            if _drawing_lines(_alone(drawing, h))]


def _alone(container, shape):
    """A copy of `container` holding only `shape`, to ask the checker's reader about one shape."""
    from copy import deepcopy

    clone = deepcopy(container)
    for child in list(clone):
        clone.remove(child)
    clone.append(deepcopy(shape))
    return clone


def _resize_holder(holder, mm: float) -> None:
    cx = round(mm * EMU_PER_MM)
    extent = holder.find(WP + "extent")
    old = int(extent.get("cx", "0") or 0)
    extent.set("cx", str(cx))
    for ext in holder.iter(A + "ext"):
        if ext.get("cx") is not None:
            ext.set("cx", str(cx))
    if holder.tag == WP + "anchor":
        offset = holder.find(f"{WP}positionH/{WP}posOffset")
        if offset is not None and offset.text and offset.text.strip().lstrip("-").isdigit():
            offset.text = str(int(offset.text) + (old - cx) // 2)


def _vml_targets(pict) -> list:
    shapes = list(pict.iter(V + "line")) + list(pict.iter(V + "shape")) + list(pict.iter(V + "rect"))
    return [s for s in shapes if _pict_lines(_alone(pict, s))]


_WIDTH = re.compile(r"(width\s*:\s*)([-\d.]+)(pt|in|cm|mm|px|pc|emu)?", re.IGNORECASE)


def _resize_vml(shape, mm: float) -> None:
    pt = mm * 72 / 25.4
    if shape.tag == V + "line":
        start = (shape.get("from") or "0,0").split(",")
        x1 = vml_length_mm(start[0]) or 0.0
        end = (shape.get("to") or "0,0").split(",")
        y2 = end[1] if len(end) > 1 else "0"
        shape.set("to", f"{(x1 * 72 / 25.4) + pt:.1f}pt,{y2}")
        return
    style = shape.get("style") or ""
    shape.set("style", _WIDTH.sub(lambda m: f"{m.group(1)}{pt:.1f}pt", style, count=1))


def _run_rules(r_el) -> list[list]:
    """Each rule of a run, as the list of elements that draw it (choice and fallback together)."""
    out: list[list] = []
    for child in r_el:
        if child.tag == W + "drawing":
            out.extend([h] for h in _drawing_holders(child))
        elif child.tag == W + "pict":
            out.extend([s] for s in _vml_targets(child))
        elif child.tag == MC + "AlternateContent":
            choice, fallback = child.find(MC + "Choice"), child.find(MC + "Fallback")
            first = _alternative(choice)
            second = _alternative(fallback)
            if first:
                out.extend([a] + ([second[k]] if k < len(second) else []) for k, a in enumerate(first))
            else:
                out.extend([b] for b in second)
    return out


def _alternative(part) -> list:
    found: list = []
    for sub in part if part is not None else ():
        if sub.tag == W + "drawing":
            found.extend(_drawing_holders(sub))
        elif sub.tag == W + "pict":
            found.extend(_vml_targets(sub))
    return found


def resize_rule(p_el, index: int, mm: float) -> bool:
    """Resize the index-th rule drawn in the paragraph to `mm`; False when it is not found."""
    rules = [r for run in _runs(p_el) for r in _run_rules(run)]
    if index >= len(rules):
        return False
    for el in rules[index]:
        if el.tag in (WP + "inline", WP + "anchor"):
            _resize_holder(el, mm)
        else:
            _resize_vml(el, mm)
    return True


def rule_lengths(p_el) -> list[float]:
    """Lengths of the paragraph's drawn rules, as the checker reads them (for the safety check)."""
    from drafter.check.lines import run_lines

    return [x for run in _runs(p_el) for x in run_lines(run)]
