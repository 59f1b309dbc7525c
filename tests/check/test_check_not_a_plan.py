"""`drafter check` on input that is not a plan, or not a regular file, or very large text:
a finding "no plan structure" (exit 1), a refusal at once (exit 2), time linear in size."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from check_text import CONTINUED, sample  # noqa: E402

from drafter.check import check_file, check_plain_text  # noqa: E402
from drafter.check.report import run_check  # noqa: E402


def _run(*paths: Path) -> tuple[int, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = run_check(list(paths), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("text", [
    "",
    "   \n\n\t\n",
    "The quick brown fox jumps over the lazy dog. Please find the attached report.\n",
    # UTF-8 Vietnamese read as Windows-1252 (mojibake), as e-mail clients sometimes save it
    "Ká\u00ba\u00bf HOáº\u00a0CH\nThá»±c hiá»‡n dÃ¢n chá»§ á»Ÿ cÆ¡ sá»Ÿ\n",
    "1. Mục đích\n2. Yêu cầu\n- Tổ chức tuyên truyền;\n",  # a fragment: no header, title or Nơi nhận
])
def test_text_without_plan_structure_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "thu.txt"
    path.write_text(text, encoding="utf-8")
    findings = check_file(path)
    assert [f.rule for f in findings] == ["ND30-X0"]
    code, report = _run(path)
    assert code == 1 and "không tìm thấy thành phần nào của một văn bản kế hoạch" in report


def test_a_whole_plan_in_mojibake_is_not_checked_as_a_plan() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "KẾ HOẠCH\nThực hiện dân chủ ở cơ sở\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNơi nhận:\n- UBND tỉnh;\n")
    assert "ND30-X0" not in {f.rule for f in check_plain_text(text)}
    for codec in ("cp1252", "latin-1"):
        garbled = text.encode("utf-8").decode(codec, errors="replace")
        findings = check_plain_text(garbled)
        assert [f.rule for f in findings] == ["ND30-X0"] and "bảng mã" in findings[0].message


def test_a_plan_body_with_its_title_is_still_checked() -> None:
    findings = check_plain_text("KẾ HOẠCH\nThực hiện dân chủ ở cơ sở\nI. MỤC ĐÍCH\n1. Mục đích\n")
    assert "ND30-X0" not in {f.rule for f in findings}


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "ke-hoach.txt"
    os.mkfifo(fifo)
    code, report = _run(fifo)
    assert code == 2 and "không phải một tệp thường" in report


@pytest.mark.timeout(10)
def test_a_device_is_refused(tmp_path: Path) -> None:
    code, report = _run(Path("/dev/zero"))
    assert code == 2 and "không phải một tệp thường" in report


@pytest.mark.timeout(60)  # a hang guard; the figures come from bench/check_text.py
def test_ten_megabytes_of_continued_lines_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(sample(10, CONTINUED), encoding="utf-8")
    assert path.stat().st_size > 9_900_000
    findings = check_file(path)
    assert "ND30-X0" not in {f.rule for f in findings}


def test_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from drafter.check.safety import MAX_TEXT_BYTES

    path = tmp_path / "lon.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    code, report = _run(path)
    assert code == 2 and "tệp quá lớn" in report
