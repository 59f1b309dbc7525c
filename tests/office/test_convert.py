"""DOCX → PDF through LibreOffice: batched conversion, and the three ways it can go wrong (a
corrupt DOCX, no LibreOffice, a LibreOffice that hangs) each giving a clear Vietnamese message and
leaving nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.errors import OutputExistsError, UnreadableFileError, UsageError
from drafter.office import convert_to_pdf
from drafter.office import soffice as soffice_module
from drafter.office.soffice import OfficeError, find_soffice, missing_reason
from drafter.paths import PRESETS

needs_office = pytest.mark.skipif(missing_reason() is not None,
                                  reason=f"LibreOffice không có, bỏ qua: {missing_reason()}")
EXAMPLE = PRESETS / "examples" / "004-lac-vien-trien-khai-luat.yaml"


@pytest.fixture(scope="module")
def plan_bytes() -> bytes:
    return render_docx(load_plan(EXAMPLE))


def _drafter(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=240)


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_corrupt_docx_is_named_and_nothing_is_written(tmp_path, plan_bytes):
    good, bad = tmp_path / "tot.docx", tmp_path / "hong.docx"
    good.write_bytes(plan_bytes)
    bad.write_bytes(plan_bytes[: len(plan_bytes) // 2])  # a download cut in half
    with pytest.raises(UnreadableFileError) as caught:
        convert_to_pdf([tmp_path])
    assert "hong.docx" in str(caught.value) and "hỏng" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.docx", "tot.docx"]


def test_missing_libreoffice_names_how_to_install(tmp_path, monkeypatch):
    monkeypatch.delenv(soffice_module.ENV_SOFFICE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(soffice_module, "KNOWN_LOCATIONS", ())
    with pytest.raises(OfficeError) as caught:
        find_soffice()
    text = str(caught.value)
    assert "không tìm thấy LibreOffice" in text and "libreoffice-writer-nogui" in text
    assert caught.value.exit_code == 2


@pytest.mark.timeout(60)
def test_missing_libreoffice_on_the_command_line(tmp_path, plan_bytes):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_bytes)
    result = _drafter("pdf", str(source), env={"DRAFTER_SOFFICE": str(tmp_path / "khong-co")})
    assert result.returncode == 2
    assert "DRAFTER_SOFFICE" in result.stderr and "Gợi ý: cài LibreOffice" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.docx"]


@pytest.mark.timeout(60)
def test_hanging_conversion_is_killed_and_leaves_nothing(tmp_path, plan_bytes, monkeypatch):
    pid_file = tmp_path / "pid"
    fake = _fake_soffice(tmp_path, f"echo $$ > {pid_file}\nexec sleep 120")
    monkeypatch.setenv(soffice_module.ENV_SOFFICE, str(fake))
    monkeypatch.setenv(soffice_module.ENV_TIMEOUT, "2")
    scratch = tmp_path / "tam"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the profile and work copies go
    out = tmp_path / "ra"
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_bytes)
    started = time.monotonic()
    with pytest.raises(OfficeError) as caught:
        convert_to_pdf([source], out)
    assert time.monotonic() - started < 30
    assert "không xong sau 2 giây" in str(caught.value) and "không tệp nào được ghi" in str(caught.value)
    assert not out.exists() or list(out.iterdir()) == []
    assert list(scratch.iterdir()) == []  # private profile and work copies removed
    with pytest.raises(ProcessLookupError):  # the hung process was killed, not left behind
        os.kill(int(pid_file.read_text()), 0)


@pytest.mark.timeout(60)
def test_ctrl_c_during_conversion_says_stopped_and_leaves_nothing(tmp_path, plan_bytes):
    started = tmp_path / "started"
    fake = _fake_soffice(tmp_path, f"touch {started}\nexec sleep 120")
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_bytes)
    process = subprocess.Popen([sys.executable, "-m", "drafter", "pdf", str(source)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "DRAFTER_SOFFICE": str(fake)},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 40
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 2  # README: stopped by Ctrl-C
    assert "Đã dừng" in stderr and "Traceback" not in stderr
    assert not source.with_suffix(".pdf").exists()


@pytest.mark.timeout(60)
def test_conversion_that_writes_nothing_is_reported(tmp_path, plan_bytes, monkeypatch):
    monkeypatch.setenv(soffice_module.ENV_SOFFICE, str(_fake_soffice(tmp_path, "exit 0")))
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_bytes)
    with pytest.raises(OfficeError) as caught:
        convert_to_pdf([source])
    assert "không chuyển được sang PDF" in str(caught.value) and "ke-hoach.docx" in str(caught.value)
    assert not source.with_suffix(".pdf").exists()


def test_existing_pdf_is_not_overwritten_and_names_must_not_collide(tmp_path, plan_bytes):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ke-hoach.docx").write_bytes(plan_bytes)
    (tmp_path / "a" / "ke-hoach.pdf").write_bytes(b"ban cu")
    with pytest.raises(OutputExistsError):
        convert_to_pdf([tmp_path / "a"])
    assert (tmp_path / "a" / "ke-hoach.pdf").read_bytes() == b"ban cu"
    with pytest.raises(UsageError) as caught:
        convert_to_pdf([tmp_path / "a", tmp_path / "b"], tmp_path / "ra")
    assert "cùng ra một tệp PDF" in str(caught.value)
    with pytest.raises(UsageError) as caught:
        convert_to_pdf([tmp_path / "b"], tmp_path / "a" / "ke-hoach.docx")
    assert "-o" in str(caught.value) and "thư mục" in str(caught.value)


@needs_office
@pytest.mark.timeout(240)
def test_pdf_command_renders_a_folder_in_one_call_and_preview_writes_pngs(tmp_path, plan_bytes):
    for name in ("mot", "hai"):
        (tmp_path / f"{name}.docx").write_bytes(plan_bytes)
    result = _drafter("pdf", str(tmp_path), "-o", str(tmp_path / "pdf"))
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "pdf").iterdir())
    assert [p.name for p in written] == ["hai.pdf", "mot.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in written)
    again = _drafter("pdf", str(tmp_path), "-o", str(tmp_path / "pdf"))
    assert again.returncode == 2 and "đã tồn tại" in again.stderr

    shown = _drafter("preview", str(written[0]), "-o", str(tmp_path / "anh"), "--dpi", "40")
    assert shown.returncode == 0, shown.stderr
    images = [Path(line) for line in shown.stdout.split()]
    assert [p.name for p in images] == [f"hai-trang-{n}.png" for n in range(1, len(images) + 1)]
    assert len(images) >= 2 and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in images)


@needs_office
@pytest.mark.timeout(240)
def test_render_with_pdf_and_check_with_pages(tmp_path):
    docx = tmp_path / "ke-hoach.docx"
    result = _drafter("render", str(EXAMPLE), "-o", str(docx), "--pdf")
    assert result.returncode == 0, result.stderr
    assert docx.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    refused = _drafter("render", str(EXAMPLE), "-o", str(tmp_path / "moi.docx"), "--pdf",
                       cwd=tmp_path, env={"DRAFTER_SOFFICE": str(tmp_path / "khong-co")})
    assert refused.returncode == 2 and not (tmp_path / "moi.docx").exists()  # refused before writing

    checked = _drafter("check", "--trang", str(docx), "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert '"errors": 0' in checked.stdout
    (tmp_path / "ke-hoach.txt").write_text("KẾ HOẠCH\nThực hiện dân chủ ở cơ sở\n", encoding="utf-8")
    text = _drafter("check", "--trang", str(tmp_path / "ke-hoach.txt"))
    assert text.returncode == 0 and "không có trang in" in text.stdout  # a warning, not a refusal
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    mixed = _drafter("check", "--trang", str(docx), str(tmp_path / "hong.docx"))
    assert mixed.returncode == 2
    assert "hong.docx" in mixed.stderr and "ke-hoach.docx: " in mixed.stdout


def _blank_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(str(path))
    document.close()
    return path


def test_preview_of_a_pdf_needs_no_office_and_never_overwrites(tmp_path):
    from drafter.office.preview import preview

    pdf = _blank_pdf(tmp_path / "ke-hoach.pdf", 2)
    images = preview(pdf, tmp_path / "anh", dpi=30)
    assert [p.name for p in images] == ["ke-hoach-trang-1.png", "ke-hoach-trang-2.png"]
    before = images[0].read_bytes()
    with pytest.raises(OutputExistsError):
        preview(pdf, tmp_path / "anh", dpi=30)
    assert images[0].read_bytes() == before and len(list((tmp_path / "anh").iterdir())) == 2


def test_preview_of_a_corrupt_pdf_or_other_file_is_refused(tmp_path):
    from drafter.office.preview import preview

    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    with pytest.raises(UnreadableFileError) as caught:
        preview(broken, tmp_path / "anh")
    assert "hong.pdf" in str(caught.value) and "PDF bị hỏng" in str(caught.value)
    with pytest.raises(UsageError):
        preview(tmp_path / "ke-hoach.odt")
    assert not (tmp_path / "anh").exists()


@needs_office
@pytest.mark.timeout(240)
def test_parallel_runs_do_not_collide(tmp_path, plan_bytes):
    """Each run has its own LibreOffice profile: two at once both finish (a shared profile would
    make the second one hand its files to the first instance, or fail on the profile lock)."""
    from concurrent.futures import ThreadPoolExecutor

    sources = []
    for name in ("mot", "hai"):
        (tmp_path / name).mkdir()
        sources.append(tmp_path / name / "ke-hoach.docx")
        sources[-1].write_bytes(plan_bytes)
    with ThreadPoolExecutor(max_workers=2) as pool:
        written = list(pool.map(lambda source: convert_to_pdf([source]), sources))
    assert [w[0] for w in written] == [s.with_suffix(".pdf") for s in sources]
    assert all(s.with_suffix(".pdf").read_bytes().startswith(b"%PDF-") for s in sources)
