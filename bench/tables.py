"""Render and check time of a plan holding a long table in the body and in a landscape appendix (python-docx's table.cell() is quadratic; the
renderer works on the table's cells directly). Prints rows, seconds, DOCX size and check errors.

    .venv/bin/python bench/tables.py 100 400 1600
"""

from __future__ import annotations

import sys
import time

from drafter.check import check_docx_bytes
from drafter.document.render import render_docx
from drafter.plan.model import Plan


def plan(rows: int) -> Plan:
    table = {
        "cot": [{"ten": "STT", "rong": "1.5cm", "can": "giua"}, {"ten": "Nội dung", "rong": "40%"},
                {"ten": "Cơ quan", "nhom": "Thực hiện"}, {"ten": "Thời gian", "nhom": "Thực hiện"},
                {"ten": "Kinh phí (đồng)", "so": True}],
        "hang": [[i, f"Nhiệm vụ số {i} & <kiểm tra>", "Sở Nội vụ", "Quý IV", i * 1_000_000] for i in range(1, rows + 1)],
        "tong": "Tổng cộng",
    }
    return Plan.model_validate({
        "co_quan": {"cap": "tinh", "loai": "tỉnh", "ten": "Khánh Hòa"},
        "ngay": "2025-09-05",
        "trich_yeu": "Đo thời gian dựng bảng dài",
        "noi_dung": ["Mở đầu.", {"bang": table}, "Kết thúc."],
        "chu_ky": {"nguoi_ky": "Nguyễn Văn A"},
        "phu_luc": {"ten": "Bảng", "ngang": True, "noi_dung": [{"bang": table}]},
    })


def main(sizes: list[int]) -> None:
    render_docx(plan(5))  # warm-up: imports, template
    for rows in sizes:
        p = plan(rows)
        start = time.perf_counter()
        data = render_docx(p)
        rendered = time.perf_counter()
        errors = sum(f.is_error for f in check_docx_bytes(data))
        print(f"{rows:6d} hàng × 2 bảng: dựng {rendered - start:6.2f} s, kiểm tra {time.perf_counter() - rendered:6.2f} s, "
              f"{len(data) / 1024:7.1f} KiB, {errors} lỗi")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 400, 1600])
