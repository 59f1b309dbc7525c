"""Open a Word template without trusting it: the same archive limits as the checker (size, part
count, compression ratio) and no DOCTYPE or ENTITY in any XML part, checked on bytes read once
before python-docx or docxtpl parse anything. A refusal is a TemplateError (exit code 1)."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import Location, TemplateError, UnreadableFileError

NOT_DOCX_HINT = "mẫu phải là tệp Word (.docx); lấy một mẫu có sẵn để sửa: drafter template export THƯ_MỤC"


def read_template(path: Path | str) -> tuple[bytes, dict[str, bytes]]:
    """The template's bytes and its verified XML parts by name."""
    from drafter.check.safety import OLE_MAGIC, read_bytes, verify_docx_bytes  # loads the checker: only when used

    path = Path(path)
    data = b""
    try:
        data = read_bytes(path)
        return data, verify_docx_bytes(data, path)
    except UnreadableFileError as exc:
        # The checker's hint for a file that is no ZIP at all is about what `drafter check` reads.
        hint = NOT_DOCX_HINT if data and not data.startswith((b"PK", OLE_MAGIC)) else exc.hint
        raise TemplateError(f"mẫu Word không dùng được: {exc.message}", Location(file=path), hint=hint) from None
