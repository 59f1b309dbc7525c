"""Time to load (or refuse) answers files: YAML alias bombs of growing depth, deep nesting, and a
large legitimate plan. Prints one line per case; a refusal must take well under a second.

    python bench/answers.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import MINIMAL  # noqa: E402

from drafter.answers import load_plan  # noqa: E402
from drafter.errors import DrafterError  # noqa: E402


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return MINIMAL + "\n".join(lines) + "\n"


CASES = {
    **{f"bom tham chiếu {n} cấp": alias_bomb(n) for n in (7, 9, 20)},
    "lồng 1.000 cấp [[[…]]]": "x: " + "[" * 1000 + "]" * 1000 + "\n",
    "lồng 100.000 cấp [[[…]]]": "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "kế hoạch 12.000 mục": MINIMAL.replace("          - diem: Nâng cao nhận thức.\n",
                                           "          - y: Tổ chức tuyên truyền pháp luật tại cơ sở.\n" * 12_000),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke-hoach.yaml"
        for name, text in CASES.items():
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            try:
                load_plan(path)
                outcome = "nạp được"
            except DrafterError as error:
                outcome = "từ chối: " + error.message[:60]
            took = time.perf_counter() - start
            print(f"{name:28} {len(text.encode()) / 1024:8.1f} kB  {took:6.3f} s  {outcome}")


if __name__ == "__main__":
    main()
