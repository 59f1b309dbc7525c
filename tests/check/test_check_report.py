"""run_check: exit codes, Vietnamese text report, JSON report, folders."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

from checkhelp import SEEDS, good_bytes, mutated, para, set_text

from drafter.check import check_file
from drafter.check.report import format_findings, run_check


def _run(paths: list[Path], fmt: str = "text") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(paths, fmt, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "tot.docx"
    good.write_bytes(good_bytes())
    bad = tmp_path / "sai.docx"
    bad.write_bytes(mutated(lambda d: set_text(para(d, "Số:"), "Số: 7 /KH-UBND")))
    assert _run([good])[0] == 0
    code, out, _ = _run([bad])
    assert code == 1 and "[LỖI] ND30-S1 — bảng 1, hàng 2, cột 1" in out and "Căn cứ: PL-I mục II.3; PL-III" in out
    assert _run([good, bad])[0] == 1
    assert _run([good, tmp_path / "khong-co.docx"])[0] == 2
    assert _run([])[0] == 2
    assert _run([good], "xml")[0] == 2


def test_warnings_only_exit_zero(tmp_path: Path) -> None:
    seed = tmp_path / "004.txt"
    seed.write_text("Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;\n\nI. NỘI DUNG\n\n1. Việc./.\n", encoding="utf-8")
    code, out, _ = _run([seed])
    assert code == 0 and "[CẢNH BÁO] ND30-C4" in out


def test_json_report(tmp_path: Path) -> None:
    good = tmp_path / "tot.docx"
    good.write_bytes(good_bytes())
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04hong")
    code, out, err = _run([good, SEEDS, broken], "json")
    data = json.loads(out)
    assert code == 2 and err == ""
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["tot.docx"]["findings"] == [] and by_name["tot.docx"]["readable"]
    assert by_name["hong.docx"]["readable"] is False and "bị hỏng" in by_name["hong.docx"]["problem"]
    seed = next(f for name, f in by_name.items() if name.startswith("004_"))
    assert [x["rule"] for x in seed["findings"]] == ["ND30-C4", "ND30-M3", "ND30-R6"]
    first = seed["findings"][1]
    assert set(first) == {"rule", "severity", "where", "locations", "found", "expected", "message", "source"}
    assert data["exit_code"] == 2 and data["errors"] == 4
    assert unicodedata.is_normalized("NFC", out)


def test_folders_are_walked(tmp_path: Path) -> None:
    (tmp_path / "con").mkdir()
    (tmp_path / "con" / "a.docx").write_bytes(good_bytes())
    (tmp_path / "b.txt").write_text("I. NỘI DUNG\n1. Việc./.\n", encoding="utf-8")
    (tmp_path / "~$a.docx").write_bytes(b"lock")  # Word's owner file
    (tmp_path / "ghi-chu.pdf").write_bytes(b"%PDF")
    code, out, err = _run([tmp_path])
    assert code == 0 and err == ""
    assert "a.docx: đạt" in out and "b.txt: đạt" in out and "Tổng cộng: 2 tệp" in out
    empty = tmp_path / "rong"
    empty.mkdir()
    code, _, err = _run([empty])
    assert code == 2 and "không có tệp .docx hoặc .txt" in err


def test_format_findings_for_the_render_self_check(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(mutated(lambda d: set_text(para(d, "Số:"), "Số: 7/KH-UBND")))
    text = format_findings(path, check_file(path))
    assert text.startswith(f"{path}: 1 lỗi, 0 cảnh báo")
    assert format_findings(path, []) == f"{path}: đạt, không có lỗi thể thức."


def test_an_unforeseen_document_shape_is_reported_not_raised(tmp_path: Path, monkeypatch) -> None:
    import drafter.check as check

    def boom(path):
        raise ValueError("w:w='auto'")
    monkeypatch.setattr(check, "check_file", boom)
    path = tmp_path / "la.docx"
    path.write_bytes(good_bytes())
    code, out, err = _run([path])
    assert code == 2 and "cấu trúc lạ" in err and "Traceback" not in err
    assert "ValueError" not in err and "w:w" not in err  # no Python type name, no raw XML detail
