"""Open a Word template without trusting it: the same archive limits as the checker (size, part
count, compression ratio) and no DOCTYPE or ENTITY in any XML part, checked on bytes read once
before python-docx or docxtpl parse anything. A refusal is a TemplateError (exit code 1)."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import Location, TemplateError, UnreadableFileError


def read_template(path: Path | str) -> tuple[bytes, dict[str, bytes]]:
    """The template's bytes and its verified XML parts by name."""
    from drafter.check.safety import read_bytes, verify_docx_bytes  # loads the checker: only when used

    path = Path(path)
    try:
        data = read_bytes(path)
        return data, verify_docx_bytes(data, path)
    except UnreadableFileError as exc:
        raise TemplateError(f"mẫu Word không dùng được: {exc.message}", Location(file=path), hint=exc.hint) from None
