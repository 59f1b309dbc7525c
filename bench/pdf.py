"""Print seconds per plan to convert DOCX → PDF through LibreOffice: one file per call versus all
plans of a province in one call (the path of `drafter pdf DIR` and `drafter batch … --pdf`), and
the page-level check (`drafter check --trang`) per plan.

    python bench/pdf.py [SO_KE_HOACH] [SO_LAN_DON_LE]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from drafter.document.render import render_docx
from drafter.office.convert import convert_to_pdf
from drafter.office.layout_check import page_findings
from drafter.presets import scaffold
from drafter.units.registry import UnitRegistry

PROVINCE = "Khánh Hòa"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 65
    singles = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    communes = UnitRegistry.load().communes(PROVINCE)[:count]
    with tempfile.TemporaryDirectory() as work:
        docs = []
        for n, unit in enumerate(communes):
            path = Path(work) / "docx" / f"{n:02d}.docx"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(render_docx(scaffold("hang-nam", f"{unit.full_name}, {PROVINCE}", 2026, "Nguyễn Văn A")))
            docs.append(path)

        one_by_one = []
        for n, path in enumerate(docs[:singles]):
            start = time.perf_counter()
            convert_to_pdf([path], Path(work) / f"don-{n}")
            one_by_one.append(time.perf_counter() - start)
        start = time.perf_counter()
        pdfs = convert_to_pdf(docs, Path(work) / "lo")
        batched = time.perf_counter() - start

        checks = []
        for path, pdf in list(zip(docs, pdfs))[:singles]:
            start = time.perf_counter()
            page_findings(path.read_bytes(), path, pdf)
            checks.append(time.perf_counter() - start)

    print(f"Đơn lẻ (một lần gọi LibreOffice cho mỗi tệp, {len(one_by_one)} tệp): "
          f"{statistics.median(one_by_one):.2f} s/kế hoạch (trung vị)")
    print(f"Theo lô ({len(docs)} tệp trong một lần gọi): {batched:.1f} s tổng, "
          f"{batched / len(docs):.2f} s/kế hoạch")
    print(f"Kiểm tra trang in (đọc PDF, không kể chuyển đổi): {statistics.median(checks):.2f} s/kế hoạch (trung vị)")


if __name__ == "__main__":
    main()
