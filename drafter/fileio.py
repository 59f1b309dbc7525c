"""Reading and writing the user's files safely.

Reads: only regular files are opened for their content (a FIFO or a device given as input would
block forever), with a size limit checked before reading. Writes are atomic and no-clobber: a
reader never sees half a file, nothing the user had on disk is replaced unless they asked for it
with --force, the temporary file is removed on every exit path (errors, Ctrl-C, SIGTERM/SIGHUP)
and a new file gets the permissions of the user's umask, like any program's output. Every OS
error becomes a Vietnamese message (drafter.messages.os_error)."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

from drafter.errors import Location, OutputExistsError, UnreadableFileError, UsageError
from drafter.messages import os_error

_TMP_SUFFIX = ".tmp"


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} kB"


def _refuse_special(info: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError("đây là thư mục, không phải tệp", Location(file=path))
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("không phải một tệp thường (đường ống, thiết bị…), từ chối đọc", Location(file=path))


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnreadableFileError (exit code 2)
    for anything else, at once: missing, a directory, a FIFO or device, too large, no permission."""
    path = Path(path)
    try:
        # Look before opening: opening some devices has effects (a tape rewinds, a terminal waits).
        _refuse_special(os.stat(path), path)
        # O_NONBLOCK: if a FIFO was swapped in meanwhile, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise UnreadableFileError("đây là thư mục, không phải tệp", Location(file=path)) from None
    except FileNotFoundError:
        raise UnreadableFileError("không tìm thấy tệp", Location(file=path)) from None
    except OSError as exc:
        raise os_error(exc, path, writing=False) from None
    try:
        info = os.fstat(fd)
        _refuse_special(info, path)
        if info.st_size > limit:
            raise UnreadableFileError(
                f"tệp quá lớn ({_size_text(info.st_size)}; tối đa {_size_text(limit)})", Location(file=path))
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as exc:
        raise os_error(exc, path, writing=False) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:  # grew while being read
        raise UnreadableFileError(f"tệp quá lớn (tối đa {_size_text(limit)})", Location(file=path))
    return data


def new_file_mode() -> int:
    """Permissions of a new file under the current umask (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class _Terminated(SystemExit):
    """SIGTERM or SIGHUP turned into an exception so that clean-up code runs."""


def _raise_on_signal(signum, _frame):
    raise _Terminated(128 + signum)


@contextlib.contextmanager
def _signals_raise():
    """While a temporary file exists, a polite kill (SIGTERM, SIGHUP) unwinds like Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        handler = signal.getsignal(signum)
        if handler in (signal.SIG_DFL, None):  # respect a handler the caller installed
            previous[signum] = handler
            signal.signal(signum, _raise_on_signal)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove_stale(folder: Path) -> None:
    """Temporary files left in `folder` by a run that was killed outright (SIGKILL, power cut).
    Their name is `.<target>.<pid>.<random>.tmp`; a file whose writer is dead is removed. Done
    once per folder and process, so that writing thousands of files stays linear."""
    key = str(folder.resolve()) if folder.exists() else str(folder)
    if key in _cleaned:
        return
    _cleaned.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(_TMP_SUFFIX)):
            continue
        parts = name[: -len(_TMP_SUFFIX)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid != os.getpid() and not _pid_alive(pid):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


_cleaned: set[str] = set()


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise UsageError("đường dẫn ra là một thư mục, cần tên tệp", Location(file=path))
    if path.exists() and not force:
        raise OutputExistsError(path)
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"không tạo được thư mục chứa tệp: «{parent}» là một tệp, không phải thư mục",
                                 Location(file=path))
            break


def write_atomic(path: Path | str, data: bytes, *, force: bool = False) -> Path:
    path = Path(path)
    _check_target(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, path.parent, writing=True) from None
    _remove_stale(path.parent)
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if force and path.exists() else new_file_mode()
    except OSError:
        mode = new_file_mode()
    tmp = None
    with _signals_raise():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
            if force:
                os.replace(tmp, path)
            else:
                try:
                    os.link(tmp, path)  # fails if the file appeared meanwhile: never clobber
                except FileExistsError:
                    raise OutputExistsError(path) from None
                except OSError:  # file systems without hard links (FAT, some shares)
                    if path.exists():
                        raise OutputExistsError(path) from None
                    os.replace(tmp, path)
                else:
                    os.unlink(tmp)
            tmp = None
        except OSError as exc:
            raise os_error(exc, path, writing=True) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    return path
