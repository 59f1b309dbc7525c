"""Typed errors. Every message is Vietnamese and names the file, line or field at fault.

Exit codes (documented in the README):
  0  success
  1  invalid input (answers file, preset, unit name, template) or, for `check`, findings of severity error
  2  usage error: wrong arguments, output exists without --force, a file that cannot be read
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, a 1-based line and column, and a field path."""

    file: str | Path | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            # A name with bytes that are not UTF-8 (a file from another system) must still print.
            name = str(self.file).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            parts.append(f"tệp {name}")
        if self.line is not None:
            pos = f"dòng {self.line}"
            if self.column is not None:
                pos += f", cột {self.column}"
            parts.append(pos)
        if self.field:
            parts.append(f"trường «{self.field}»")
        return ", ".join(parts)


class DrafterError(Exception):
    """Base of all errors shown to a user. `str()` is the full Vietnamese message."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, location: Location | None = None, *, hint: str | None = None):
        self.message = message
        self.location = location or Location()
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.location)
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"\n  Gợi ý: {self.hint}"
        return text


class InputError(DrafterError):
    """The user's data is wrong: an answers file, a preset, a unit name, a roster."""


class MultiInputError(InputError):
    """Several problems found in one file; each keeps its own location."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__(f"có {len(errors)} lỗi")

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class TemplateError(InputError):
    """A Word template is broken or asks for a value that the plan does not have."""


class UsageError(DrafterError):
    """The command was called wrongly, or would destroy something without --force."""

    exit_code = EXIT_USAGE


class OutputExistsError(UsageError):
    def __init__(self, path: Path):
        super().__init__(
            "tệp đã tồn tại, không ghi đè",
            Location(file=path),
            hint="thêm --force để ghi đè, hoặc chọn tên tệp khác bằng -o",
        )


class UnreadableFileError(UsageError):
    """A file exists but cannot be read as what it claims to be (corrupt DOCX, bad encoding)."""


REPORT_FORMATS = ("text", "json")


def report_format_error(fmt: str) -> UsageError | None:
    """The error for a `--format` value no report has (None when the value is fine)."""
    if fmt in REPORT_FORMATS:
        return None
    return UsageError(f"dạng báo cáo «{fmt}» không hỗ trợ; chọn {' hoặc '.join(REPORT_FORMATS)}",
                      Location(field="--format"))
