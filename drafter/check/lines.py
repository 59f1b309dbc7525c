"""Horizontal rules drawn as shapes: DrawingML (`wps:wsp` in `w:drawing`) and VML (`v:line`,
thin `v:shape` / `v:rect` in `w:pict`). Hand-made plans draw the rules under the issuing body,
the motto and the subject this way; drafter's own template uses bordered empty paragraphs
instead (read from the paragraph properties)."""

from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

EMU_PER_MM = 36000
MIN_LENGTH_MM = 3.0
MAX_THICKNESS_MM = 1.5  # a rule, not a box

_LINE_PRESETS = {"line", "straightConnector1", "bentConnector1"}
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc|emu)?\s*$")
_MM = {"pt": 25.4 / 72, "in": 25.4, "cm": 10.0, "mm": 1.0, "px": 25.4 / 96, "pc": 25.4 / 6, "emu": 1 / EMU_PER_MM,
       None: 25.4 / 96}


def vml_length_mm(value: str | None) -> float | None:
    if not value:
        return None
    m = _LENGTH.match(value)
    if not m:
        return None
    try:
        return float(m.group(1)) * _MM[m.group(2)]
    except ValueError:
        return None


def _vml_style(style: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in (style or "").split(";"):
        if ":" in part:
            key, value = part.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def _drawing_lines(drawing) -> list[float]:
    out: list[float] = []
    for holder in list(drawing.iterchildren(WP + "inline")) + list(drawing.iterchildren(WP + "anchor")):
        extent = holder.find(WP + "extent")
        if extent is None:
            continue
        try:
            cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        except ValueError:
            continue
        shape = holder.find(f".//{WPS}wsp")
        if shape is None or shape.find(WPS + "txbx") is not None:
            continue
        geom = shape.find(f"{WPS}spPr/{A}prstGeom")
        preset = geom.get("prst") if geom is not None else None
        length, thickness = cx / EMU_PER_MM, cy / EMU_PER_MM
        if length >= MIN_LENGTH_MM and thickness <= MAX_THICKNESS_MM and (preset in _LINE_PRESETS or preset == "rect"):
            out.append(length)
    return out


def _pict_lines(pict) -> list[float]:
    out: list[float] = []
    for line in pict.iter(V + "line"):
        starts = (line.get("from") or "0,0").split(",")
        ends = (line.get("to") or "0,0").split(",")
        try:
            x1, y1 = (vml_length_mm(v) or 0.0 for v in (starts + ["0"])[:2])
            x2, y2 = (vml_length_mm(v) or 0.0 for v in (ends + ["0"])[:2])
        except ValueError:
            continue
        if abs(x2 - x1) >= MIN_LENGTH_MM and abs(y2 - y1) <= MAX_THICKNESS_MM:
            out.append(abs(x2 - x1))
    for tag in ("shape", "rect"):
        for shape in pict.iter(V + tag):
            if shape.find(V + "textbox") is not None:
                continue
            style = _vml_style(shape.get("style"))
            width = vml_length_mm(style.get("width"))
            height = vml_length_mm(style.get("height")) or 0.0
            connector = shape.get("{urn:schemas-microsoft-com:office:office}connectortype") is not None \
                or (shape.get("type") or "").endswith("_x0000_t32")
            if width and width >= MIN_LENGTH_MM and height <= MAX_THICKNESS_MM and (connector or tag == "rect" or height == 0):
                out.append(width)
    return out


def run_lines(r_el) -> list[float]:
    """Lengths (mm) of the horizontal rules drawn by the shapes of one run."""
    out: list[float] = []
    for child in r_el:
        tag = child.tag
        if tag == W + "drawing":
            out.extend(_drawing_lines(child))
        elif tag == W + "pict":
            out.extend(_pict_lines(child))
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            found: list[float] = []
            if choice is not None:
                for sub in choice:
                    if sub.tag == W + "drawing":
                        found.extend(_drawing_lines(sub))
                    elif sub.tag == W + "pict":
                        found.extend(_pict_lines(sub))
            if not found:
                fallback = child.find(MC + "Fallback")
                if fallback is not None:
                    for sub in fallback:
                        if sub.tag == W + "pict":
                            found.extend(_pict_lines(sub))
                        elif sub.tag == W + "drawing":
                            found.extend(_drawing_lines(sub))
            out.extend(found)
    return out


def text_boxes(r_el) -> list:
    """`w:txbxContent` elements of a run's shapes (DrawingML preferred over the VML fallback)."""
    boxes = []
    for child in r_el:
        if child.tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            found = list(choice.iter(W + "txbxContent")) if choice is not None else []
            if not found:
                fallback = child.find(MC + "Fallback")
                found = list(fallback.iter(W + "txbxContent")) if fallback is not None else []
            boxes.extend(found)
        elif child.tag in (W + "drawing", W + "pict"):
            boxes.extend(child.iter(W + "txbxContent"))
    return boxes
