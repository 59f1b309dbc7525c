"""Width of a line of text in Times New Roman, from the bundled advance widths. Used to size
the rules under the header elements and, by the checker, to tell whether a line will wrap."""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("times_metrics.json")
_FALLBACK = 500  # an average glyph, for characters outside the table
PT_PER_MM = 72 / 25.4


@lru_cache(maxsize=1)
def _faces() -> dict[str, dict[str, int]]:
    return json.loads(_FILE.read_text(encoding="utf-8"))["faces"]


def face_name(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    widths = _faces()[face_name(bold, italic)]
    text = unicodedata.normalize("NFC", text)
    return sum(widths.get(c, _FALLBACK) for c in text) * size_pt / 1000


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    return text_width_pt(text, size_pt, bold=bold, italic=italic) / PT_PER_MM
