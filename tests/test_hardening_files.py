"""Files: every OS error on input and output is a Vietnamese message with the README's exit
code; outputs follow the umask; no temporary file survives an error, Ctrl-C or SIGTERM."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import UnreadableFileError, UsageError
from drafter.fileio import read_regular_file, write_atomic

runner = CliRunner()


def _tmp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _render(spec: Path, out: Path, *extra: str):
    return runner.invoke(app, ["render", str(spec), "-o", str(out), *extra])


def test_output_parent_is_a_file(tmp_path, minimal_spec):
    blocker = tmp_path / "la-tep"
    blocker.write_text("giữ nguyên", encoding="utf-8")
    result = _render(minimal_spec, blocker / "ke-hoach.docx")
    assert result.exit_code == 2
    assert "là một tệp, không phải thư mục" in result.output and "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "giữ nguyên"


@pytest.mark.parametrize("code, words", [
    (errno.EACCES, "không có quyền ghi"),
    (errno.EROFS, "chỉ cho đọc"),
    (errno.ENOSPC, "ổ đĩa đã đầy"),
    (errno.EDQUOT, "hết dung lượng"),
    (errno.ENAMETOOLONG, "quá dài"),
])
def test_os_errors_while_writing_have_messages(tmp_path, minimal_spec, monkeypatch, code, words):
    # Running as root, a read-only folder would still be writable, and no test can fill the disk:
    # the OS error is raised where the OS would raise it (creating or flushing the temporary file).
    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    target = "os.fsync" if code in (errno.ENOSPC, errno.EDQUOT) else "tempfile.mkstemp"
    monkeypatch.setattr(target, failing)
    result = _render(minimal_spec, tmp_path / "ke-hoach.docx")
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output and "Errno" not in result.output
    assert not (tmp_path / "ke-hoach.docx").exists() and _tmp_files(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_output_folder(tmp_path, minimal_spec):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = _render(minimal_spec, folder / "ke-hoach.docx")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2 and "không có quyền ghi" in result.output


def test_answers_file_that_is_a_directory(tmp_path):
    result = _render(tmp_path, tmp_path / "ke-hoach.docx")
    assert result.exit_code == 2 and "đây là thư mục" in result.output


@pytest.mark.timeout(10)
def test_answers_file_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ke-hoach.yaml"
    os.mkfifo(fifo)
    result = _render(fifo, tmp_path / "ke-hoach.docx")
    assert result.exit_code == 2 and "không phải một tệp thường" in result.output


def test_missing_answers_file(tmp_path):
    result = _render(tmp_path / "khong-co.yaml", tmp_path / "ke-hoach.docx")
    assert result.exit_code == 2 and "không tìm thấy tệp" in result.output


def test_oversized_answers_file_is_refused_before_reading(tmp_path):
    from drafter.limits import MAX_YAML_BYTES

    path = tmp_path / "lon.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_YAML_BYTES + 1)
    with pytest.raises(UnreadableFileError, match="tệp quá lớn"):
        read_regular_file(path, MAX_YAML_BYTES)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        path = write_atomic(tmp_path / "ke-hoach.docx", b"x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == mode


def test_overwrite_keeps_the_mode_of_the_replaced_file(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"cu")
    path.chmod(0o640)
    write_atomic(path, b"moi", force=True)
    assert path.read_bytes() == b"moi" and path.stat().st_mode & 0o777 == 0o640


def test_output_that_is_a_directory(tmp_path):
    with pytest.raises(UsageError, match="thư mục"):
        write_atomic(tmp_path, b"x")


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path):
    dead = tmp_path / ".ke-hoach.docx.999999999.abcd.tmp"  # no such process id
    dead_other = tmp_path / ".khac.v2.docx.999999999.x_1z.tmp"
    alive = tmp_path / f".ke-hoach.docx.{os.getppid()}.abcd.tmp"  # another writer still running
    not_ours = tmp_path / ".ghi-chu.tmp"
    for p in (dead, dead_other, alive, not_ours):
        p.write_bytes(b"nua chung")
    write_atomic(tmp_path / "ke-hoach.docx", b"x")
    assert not dead.exists() and not dead_other.exists()
    assert alive.exists() and not_ours.exists()


_SLOW_WRITER = textwrap.dedent("""
    import os, sys, time
    from drafter.fileio import write_atomic
    def slow_disk(fd):  # the kill arrives while a batch-sized file is being flushed
        print("WRITING", flush=True)
        time.sleep(30)
    os.fsync = slow_disk
    write_atomic(sys.argv[1], b"x" * (64 * 1024 * 1024))
""")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_no_temporary_file_after_a_signal_during_the_write(tmp_path, signum):
    target = tmp_path / "ke-hoach.docx"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "WRITING"
    assert len(_tmp_files(tmp_path)) == 1
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert _tmp_files(tmp_path) == [] and not target.exists()
    if signum != signal.SIGINT:
        assert "Traceback" not in err


def test_an_unexpected_os_error_reaches_the_user_as_a_message(tmp_path, minimal_spec, monkeypatch, capsys):
    import drafter.document.render as render_module
    from drafter.cli import main

    def locked(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "mau.docx"))

    monkeypatch.setattr(render_module, "render_docx", locked)
    monkeypatch.setattr(sys, "argv", ["drafter", "render", str(minimal_spec), "-o", str(tmp_path / "x.docx")])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "không có quyền đọc" in err and "mau.docx" in err and "Traceback" not in err


def test_output_without_docx_suffix_is_refused(tmp_path, minimal_spec):
    """`-o ke-hoach.pdf` used to write a Word file named .pdf (and clash with `--pdf`)."""
    for name in ("ke-hoach.pdf", "ke-hoach"):
        result = _render(minimal_spec, tmp_path / name)
        assert result.exit_code == 2 and ".docx" in result.output and "Traceback" not in result.output
        assert not (tmp_path / name).exists()
    assert _render(minimal_spec, tmp_path / "KE-HOACH.DOCX").exit_code == 0


def test_ctrl_c_during_render_says_stopped_with_exit_2(tmp_path, minimal_spec, monkeypatch, capsys):
    """typer turned Ctrl-C into a silent exit 130; the README promises a message and code 2."""
    import sys

    import drafter.answers
    from drafter.cli import main

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(drafter.answers, "load_plan", interrupted)
    monkeypatch.setattr(sys, "argv", ["drafter", "render", str(minimal_spec), "-o", str(tmp_path / "kh.docx")])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2 and "Đã dừng." in capsys.readouterr().err
    assert not (tmp_path / "kh.docx").exists()
