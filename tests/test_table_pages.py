"""The example with tables and appendices as LibreOffice lays it out: the body table's header
rows repeat at the top of the next page, the task-table appendix is a landscape page, the other
appendix is portrait again, and every table fits between the margins."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.paths import PRESETS

EXAMPLE = PRESETS / "examples" / "006-khanh-hoa-pho-bien-luat-phu-luc.yaml"
TOOLS = ("soffice", "pdftotext", "pdfinfo")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    if not all(shutil.which(tool) for tool in TOOLS):
        pytest.skip("LibreOffice and Poppler are needed (bash tools/setup.sh)")
    out = tmp_path_factory.mktemp("pdf")
    docx_path = out / "ke-hoach.docx"
    docx_path.write_bytes(render_docx(load_plan(EXAMPLE)))
    profile = f"file://{out}/lo-profile-{os.getpid()}"  # private profile: parallel runs do not collide
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx_path)], check=True, capture_output=True, timeout=170)
    return out / "ke-hoach.pdf"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout
    return text.split("\f")[:-1]


def _sizes(pdf: Path, count: int) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], check=True, capture_output=True,
                          text=True, timeout=60).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, _x, h = line.split("size:")[1].split()[:3]
            sizes.append((float(w), float(h)))
    return sizes


@pytest.mark.timeout(240)
def test_header_rows_repeat_and_appendices_take_their_orientation(pdf):
    pages = _pages(pdf)
    sizes = _sizes(pdf, len(pages))
    def page_of(heading: str) -> int:
        return next(i for i, p in enumerate(pages) if any(line.strip() == heading for line in p.splitlines()))

    task_page, budget_page = page_of("Phụ lục I"), page_of("Phụ lục II")
    assert sizes[task_page][0] > sizes[task_page][1]  # landscape
    assert all(w < h for i, (w, h) in enumerate(sizes) if i != task_page)  # every other page portrait
    assert budget_page == task_page + 1  # each appendix starts its own page

    # The body table starts on one page and continues on the next under a repeated header.
    start = next(i for i, p in enumerate(pages) if "Tuyên truyền tại cơ sở" in p and "Ngân sách tỉnh" in p)
    following = pages[start + 1]
    lines = [line for line in following.splitlines() if line.strip()]
    assert "Tổng cộng" in following and "Tổng cộng" not in pages[start]
    header_at = next(i for i, line in enumerate(lines) if "Ngân sách tỉnh" in line)
    total_at = next(i for i, line in enumerate(lines) if "Tổng cộng" in line)
    assert header_at < total_at  # the header is printed again above the rest of the table
