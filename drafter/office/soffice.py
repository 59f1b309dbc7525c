"""Find LibreOffice and run it headless: a private profile directory per run (parallel runs never
share one, so they never wait on each other's lock), a timeout after which the whole process group
is killed, and Vietnamese messages for every way this can go wrong."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, EXIT_USAGE, Location

ENV_SOFFICE = "DRAFTER_SOFFICE"  # path to the soffice program, when it is not on PATH
ENV_TIMEOUT = "DRAFTER_SOFFICE_TIMEOUT"  # seconds for one LibreOffice call
# Measured on 2 cores: ~1.5 s to start, ~0.16 s per file in a call of 100. A cold start on a busy
# machine can take much longer, hence the generous base.
BASE_TIMEOUT_S = 120.0
PER_FILE_TIMEOUT_S = 5.0
# Where installers put soffice when it is not on PATH (Windows, macOS, /opt tarballs).
KNOWN_LOCATIONS: tuple[str, ...] = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
INSTALL_HINT = ("cài LibreOffice: trên Debian/Ubuntu «sudo apt-get install --no-install-recommends "
                "libreoffice-writer-nogui fonts-liberation2»; trên Windows, macOS tải tại "
                "https://www.libreoffice.org/download/ ; hoặc đặt biến môi trường DRAFTER_SOFFICE "
                "trỏ tới chương trình soffice")


class OfficeError(DrafterError):
    """LibreOffice is missing, failed or hung: the environment, not the user's data (exit 2)."""

    exit_code = EXIT_USAGE


def find_soffice() -> Path:
    configured = os.environ.get(ENV_SOFFICE)
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise OfficeError(f"biến môi trường {ENV_SOFFICE} trỏ tới «{configured}», nhưng ở đó không có "
                          "chương trình soffice chạy được", hint=INSTALL_HINT)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in KNOWN_LOCATIONS:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise OfficeError("không tìm thấy LibreOffice (chương trình soffice), cần có để xuất PDF và kiểm tra trang in",
                      hint=INSTALL_HINT)


def missing_reason() -> str | None:
    """Why LibreOffice cannot be used here, or None (tests skip with this reason)."""
    try:
        find_soffice()
    except OfficeError as error:
        return str(error)
    return None


def timeout_for(files: int) -> float:
    configured = os.environ.get(ENV_TIMEOUT)
    if configured:
        try:
            value = float(configured)
        except ValueError:
            value = 0.0
        if value <= 0:
            raise OfficeError(f"biến môi trường {ENV_TIMEOUT} phải là số giây dương, đang là «{configured}»")
        return value
    return BASE_TIMEOUT_S + PER_FILE_TIMEOUT_S * files


def _kill(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # soffice is a script: kill soffice.bin too
        else:  # Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def convert_dir(inputs: list[Path], out_dir: Path, *, timeout: float | None = None,
                target: str = "pdf:writer_pdf_Export") -> str:
    """Convert `inputs` to `target` (PDF unless told) into `out_dir` in one LibreOffice call; return its messages.
    Which outputs exist is for the caller to verify: LibreOffice exits 0 even when it skips a file."""
    soffice = find_soffice()
    seconds = timeout if timeout is not None else timeout_for(len(inputs))
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        command = [str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--nolockcheck", "--convert-to", target,
                   "--outdir", str(out_dir), *map(str, inputs)]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as exc:
            raise OfficeError(f"không chạy được LibreOffice ({soffice}): {exc.strerror or exc}",
                              Location(file=soffice), hint=INSTALL_HINT) from None
        try:
            output, _ = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise OfficeError(f"LibreOffice không xong sau {seconds:g} giây, đã dừng; không tệp nào được ghi",
                              hint=f"đóng các cửa sổ LibreOffice đang treo rồi chạy lại, hoặc đặt {ENV_TIMEOUT} "
                                   "(số giây) lớn hơn cho lô nhiều tệp") from None
        except BaseException:
            _kill(process)
            raise
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        tail = " ".join(text.split())[-300:]
        raise OfficeError(f"LibreOffice dừng với mã {process.returncode}" + (f": {tail}" if tail else ""))
    return text
