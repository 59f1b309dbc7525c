"""Atomic, no-clobber writes: a reader never sees half a file, and nothing the user had on disk
is replaced unless they asked for it with --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import Location, OutputExistsError, UsageError


def write_atomic(path: Path | str, data: bytes, *, force: bool = False) -> Path:
    path = Path(path)
    if path.is_dir():
        raise UsageError("đường dẫn ra là một thư mục, cần tên tệp", Location(file=path))
    if path.exists() and not force:
        raise OutputExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the file appeared meanwhile: never clobber
            except FileExistsError:
                raise OutputExistsError(path) from None
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
