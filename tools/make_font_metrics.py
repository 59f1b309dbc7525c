"""Write drafter/document/times_metrics.json: advance widths (1/1000 em) of the characters a
Vietnamese plan uses, in Times New Roman's four faces, read from Liberation Serif (metric-
compatible with Times New Roman). Run once; needs `pip install fonttools` and Debian's
fonts-liberation. The JSON is committed so that nothing at run time needs the fonts."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FACES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
OUT = Path(__file__).resolve().parent.parent / "drafter" / "document" / "times_metrics.json"


def charset() -> list[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0xC0, 0x250)}
    chars |= {chr(c) for c in range(0x1EA0, 0x1F00)}
    chars |= set("–—‘’“”…•«»")
    return sorted(c for c in chars if unicodedata.category(c)[0] in "LNPSZ")


def main() -> None:
    metrics: dict[str, dict[str, int]] = {}
    for face, suffix in FACES.items():
        font = TTFont(FONT_DIR / f"LiberationSerif-{suffix}.ttf")
        scale = 1000 / font["head"].unitsPerEm
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        metrics[face] = {c: round(hmtx[cmap[ord(c)]][0] * scale) for c in charset() if ord(c) in cmap}
    OUT.write_text(json.dumps({"source": "Liberation Serif 2 (metric-compatible with Times New Roman)",
                               "units_per_em": 1000, "faces": metrics}, ensure_ascii=False, sort_keys=True),
                   encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
