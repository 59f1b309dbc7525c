"""Rebuild templates/ke-hoach.docx from presets/nd30.yaml (run after editing the rules table)."""

from pathlib import Path

from drafter.document.build_template import build

if __name__ == "__main__":
    out = build(Path(__file__).resolve().parent.parent / "templates" / "ke-hoach.docx")
    print(f"đã ghi {out}")
