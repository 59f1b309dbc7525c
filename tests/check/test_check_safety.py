"""Files that cannot be read as a plan: exit code 2, a clear Vietnamese message, no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from checkhelp import good_bytes

from drafter.check import check_file
from drafter.check.report import run_check
from drafter.check.safety import MAX_TOTAL_UNCOMPRESSED
from drafter.errors import UnreadableFileError


def _run(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check([path], "text", out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def _expect_unreadable(tmp_path: Path, name: str, data: bytes, words: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = _run(path)
    assert code == 2
    assert words in err, err
    assert "Traceback" not in err + out
    with pytest.raises(UnreadableFileError):
        check_file(path)
    return err


def test_corrupt_docx(tmp_path: Path) -> None:
    data = good_bytes()
    _expect_unreadable(tmp_path, "hong.docx", data[: len(data) // 2], "bị hỏng")


def test_corrupt_xml_part(tmp_path: Path) -> None:
    broken = _rezip(good_bytes(), replace={"word/document.xml": b"<w:document><w:body><w:p>"})
    err = _expect_unreadable(tmp_path, "xml-hong.docx", broken, "không phải XML hợp lệ, lỗi ở dòng 1, cột")
    assert "Premature end" not in err and "line" not in err  # lxml's English message is not shown


@pytest.mark.parametrize("name, data, words", [
    ("anh.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "không phải tệp Word"),
    ("chu.docx", "Kế hoạch viết tay".encode(), "không phải tệp Word"),
    ("rong.docx", b"", "không phải tệp Word"),
    ("cu.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "định dạng cũ (.doc) hoặc có đặt mật khẩu"),
])
def test_not_a_docx(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    _expect_unreadable(tmp_path, name, data, words)


def test_another_office_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("word/x.xml", "<x/>")
    _expect_unreadable(tmp_path, "bang-tinh.docx", buffer.getvalue(), "không phải tệp Word")


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    zeros = b"\x00" * (MAX_TOTAL_UNCOMPRESSED // 2 + 1024)
    bomb = _rezip(good_bytes(), add={"word/media/a.bin": zeros, "word/media/b.bin": zeros})
    assert len(bomb) < 2 * 1024 * 1024
    _expect_unreadable(tmp_path, "bom.docx", bomb, "bom nén")


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    bomb = _rezip(good_bytes(), add={"word/media/nen.bin": b"\x00" * (4 * 1024 * 1024)})
    _expect_unreadable(tmp_path, "ti-le.docx", bomb, "tỉ lệ nén bất thường")


def test_xml_entity_attack(tmp_path: Path) -> None:
    data = good_bytes()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    laughs = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lol [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')
    body = document.split(b"?>", 1)[1]
    _expect_unreadable(tmp_path, "thuc-the.docx", _rezip(data, replace={"word/document.xml": laughs + body}),
                       "DOCTYPE/ENTITY")


def test_external_entity_in_utf16(tmp_path: Path) -> None:
    data = good_bytes()
    hostile = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    crafted = _rezip(data, replace={"word/settings.xml": b"\xff\xfe" + hostile.encode("utf-16-le")})
    _expect_unreadable(tmp_path, "utf16.docx", crafted, "DOCTYPE/ENTITY")


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = _run(tmp_path / "khong-co.docx")
    assert code == 2 and "không tìm thấy" in err


def test_text_file_not_utf8(tmp_path: Path) -> None:
    _expect_unreadable(tmp_path, "nhi-phan.txt", b"Ke hoach\x00\x01\x02", "không phải văn bản thuần")
    _expect_unreadable(tmp_path, "tcvn.txt", b"K\xea ho\xb9ch s\xe8 \x80\x81", "không phải mã UTF-8")


def test_good_file_next_to_a_bad_one_still_gets_checked(tmp_path: Path) -> None:
    (tmp_path / "tot.docx").write_bytes(good_bytes())
    (tmp_path / "xau.docx").write_bytes(b"xau")
    out, err = io.StringIO(), io.StringIO()
    code = run_check([tmp_path], "text", out=out, err=err)
    assert code == 2
    assert "tot.docx: đạt" in out.getvalue() and "xau.docx" in err.getvalue()


def test_verified_part_cache_never_lets_other_bytes_through() -> None:
    """A batch reuses the verification of parts it has seen; a part that merely shares the name,
    CRC and sizes of a verified one (a forged collision) is still decompressed and checked."""
    import io
    import zipfile

    import pytest

    from drafter.check import safety
    from drafter.document.render import render_docx
    from drafter.answers import load_plan
    from drafter.errors import UnreadableFileError
    from drafter.paths import PRESETS

    good = render_docx(load_plan(PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml"))
    safety.verify_docx_bytes(good, "tot.docx")
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/settings.xml":
                head, rest = data.split(b"?>", 1)
                data = head + b'?><!DOCTYPE w:settings [<!ENTITY a "a">]>' + rest
            target.writestr(info.filename, data)
    hostile = out.getvalue()
    info = zipfile.ZipFile(io.BytesIO(hostile)).getinfo("word/settings.xml")
    key = (info.filename, info.CRC, info.file_size, info.compress_size, info.compress_type)
    safety._VERIFIED[key] = (b"other compressed bytes", b"<w:settings/>")  # as if a collision were cached
    try:
        with pytest.raises(UnreadableFileError, match="DOCTYPE"):
            safety.verify_docx_bytes(hostile, "xau.docx")
    finally:
        safety._VERIFIED.pop(key, None)
