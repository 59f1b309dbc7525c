"""Time of `drafter check` on large plain-text files whose lines all continue one paragraph
(the worst case for joining hard-wrapped lines), and on as many short paragraphs. Prints one
line per size; the issue's target is 10 MB in under 10 s.

    python bench/check_text.py [MB ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from drafter.check import check_file

HEAD = ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nAn Bình, ngày 5 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Thực hiện dân chủ ở cơ sở\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức\n")
CONTINUED = "tiếp tục nâng cao nhận thức của cán bộ, công chức về công tác phòng, chống thiên tai\n"
SEPARATE = "- Tổ chức tuyên truyền về công tác phòng, chống thiên tai trên địa bàn;\n"


def sample(megabytes: float, line: str) -> str:
    return HEAD + line * int(megabytes * 1_000_000 / len(line.encode("utf-8")))


def main(sizes: list[float]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for label, line in (("một đoạn", CONTINUED), ("nhiều đoạn", SEPARATE)):
            for mb in sizes:
                path = Path(folder) / "ke-hoach.txt"
                path.write_text(sample(mb, line), encoding="utf-8")
                start = time.perf_counter()
                findings = check_file(path)
                took = time.perf_counter() - start
                print(f"{label:10} {mb:5.1f} MB  {took:6.2f} s  {took / mb:5.2f} s/MB  {len(findings)} phát hiện")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1.0, 2.0, 5.0, 10.0])
