"""The output folder of a batch run: which files drafter wrote there (a manifest of their
SHA-256), so that a re-run replaces its own stale outputs, skips up-to-date ones, and never
overwrites a file someone edited by hand unless --force.

Every write is atomic (`drafter.fileio.write_atomic`): an interrupted run leaves whole files only.
A run killed outright can leave the hidden temporary file of the write under way; the next run
removes those first."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from drafter.errors import Location, OutputExistsError, UnreadableFileError, UsageError
from drafter.fileio import write_atomic

MANIFEST = ".drafter-batch.json"
WRITTEN, UNCHANGED = "đã ghi", "không đổi"
# the temporary name write_atomic gives an output of ours: .NAME.RANDOM.tmp
_TEMPORARY = re.compile(r"^\..+\.(docx|yaml|csv|xlsx|json)\.[^.]+\.tmp$")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OutputFolder:
    def __init__(self, path: Path, *, force: bool = False):
        self.path = Path(path)
        self.force = force
        if self.path.exists() and not self.path.is_dir():
            raise UsageError("--out cần một thư mục; đây là một tệp", Location(file=self.path))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise UsageError("không tạo được thư mục ra (quyền truy cập hoặc lỗi đĩa)",
                             Location(file=self.path)) from None
        self._manifest = self._read_manifest()
        self._dirty = False
        for stale in self.path.glob(".*.tmp"):  # left by a run that was killed mid-write
            if _TEMPORARY.match(stale.name) and stale.is_file():
                stale.unlink(missing_ok=True)

    def _read_manifest(self) -> dict[str, str]:
        path = self.path / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # unreadable: every existing file counts as the user's own
        files = data.get("tep") if isinstance(data, dict) else None
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}

    def write(self, name: str, data: bytes) -> str:
        """Write `name` unless it already holds `data`; WRITTEN or UNCHANGED. Raises
        OutputExistsError for a file drafter did not write (or that was edited since)."""
        target = self.path / name
        digest = _digest(data)
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = None
        except OSError:
            raise UnreadableFileError("không đọc được tệp đã có (quyền truy cập hoặc lỗi đĩa)",
                                      Location(file=target)) from None
        if current == data and not self.force:
            self._record(name, digest)
            return UNCHANGED
        if current is not None and not self.force and self._manifest.get(name) != _digest(current):
            raise OutputExistsError(target)
        write_atomic(target, data, force=current is not None)
        self._record(name, digest)
        return WRITTEN

    def _record(self, name: str, digest: str) -> None:
        if self._manifest.get(name) != digest:
            self._manifest[name] = digest
            self._dirty = True

    def save(self) -> None:
        """Record what was written; called at the end of a run, and when it is interrupted."""
        if not self._dirty:
            return
        data = json.dumps({"phien_ban": 1, "tep": dict(sorted(self._manifest.items()))}, ensure_ascii=False, indent=1)
        write_atomic(self.path / MANIFEST, data.encode("utf-8"), force=True)
        self._dirty = False

