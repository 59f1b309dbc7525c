"""Regenerate the pictures of docs/mau-van-ban.md: the Word template as legal staff see it and
the plan rendered from it (LibreOffice → PDF → pdftoppm → PNG).

    python tools/make_template_pictures.py

Needs `soffice` and `pdftoppm` on PATH. LibreOffice runs with a private profile so that
parallel runs do not collide."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.paths import DEFAULT_TEMPLATE, PRESETS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "hinh"
PLAN = PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml"
DPI = "70"


def to_png(docx_path: Path, stem: str, pages: int, work: Path) -> list[Path]:
    profile = f"file://{work}/lo-profile-{os.getpid()}"
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx_path)], check=True, capture_output=True, timeout=180)
    pdf = work / f"{docx_path.stem}.pdf"
    subprocess.run(["pdftoppm", "-r", DPI, "-png", "-f", "1", "-l", str(pages), str(pdf), str(work / stem)],
                   check=True, timeout=120)
    made = []
    for n, png in enumerate(sorted(work.glob(f"{stem}-*.png")), 1):
        target = OUT / f"{stem}-{n}.png"
        shutil.move(png, target)
        made.append(target)
    return made


def main() -> int:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"Thiếu chương trình {tool}", file=sys.stderr)
            return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "mau.docx"
        shutil.copy(DEFAULT_TEMPLATE, template)
        rendered = work / "ket-qua.docx"
        rendered.write_bytes(render_docx(load_plan(PLAN), template))
        made = to_png(template, "mau-word", 1, work) + to_png(rendered, "ket-qua", 1, work)
    for path in made:
        print(f"Đã ghi {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
