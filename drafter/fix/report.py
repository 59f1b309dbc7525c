"""The `drafter fix` command: read, repair, write atomically, report in Vietnamese (or JSON).

Exit codes: 0 the output has no error left (warnings allowed), 1 errors are left that need a
person, 2 the input cannot be read or is refused, the output exists without --force, or the
output would overwrite the input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drafter.check.report import finding_lines
from drafter.errors import (EXIT_INVALID, EXIT_OK, EXIT_USAGE, DrafterError, Location, OutputExistsError,
                            UsageError, report_format_error)
from drafter.fileio import write_atomic
from drafter.vn import nfc


def format_text(source: Path, output: Path, result, written: bool) -> str:
    lines: list[str] = []
    if result.changes:
        lines.append(f"Đã sửa {len(result.changes)} chỗ ({source} → {output}); chữ của văn bản giữ nguyên:")
        counts: dict[tuple, int] = {}
        for c in result.changes:  # the same change in several runs of one place: one line
            key = (c.rule, c.where, c.what, c.before, c.after)
            counts[key] = counts.get(key, 0) + 1
        for (rule, where, what, before, after), n in counts.items():
            times = f" ({n} chỗ)" if n > 1 else ""
            lines.append(f"  [{rule}] {where} — {what}: {before} → {after}{times}")
    else:
        lines.append(f"{source}: không có gì sửa được mà không phải đổi chữ; không ghi tệp.")
    if result.not_repaired:
        lines.append("Chưa tự sửa được (cần sửa tay trong Word):")
        for f in result.not_repaired:
            lines.extend(finding_lines(f))
    if result.needs_person:
        lines.append("Cần người xem (sửa sẽ phải đổi chữ, drafter không đoán):")
        for f in result.needs_person:
            lines.extend(finding_lines(f))
    if written and not result.after:
        lines.append(f"Kiểm tra lại {output}: đạt, không có lỗi thể thức.")
    elif written:
        errors = result.errors_left
        lines.append(f"Kiểm tra lại {output}: còn {errors} lỗi, {len(result.after) - errors} cảnh báo.")
    return nfc("\n".join(lines))


def format_json(source: Path, output: Path, result, written: bool, code: int) -> str:
    data = {
        "input": str(source),
        "output": str(output) if written else None,
        "written": written,
        "changes": [c.to_dict() for c in result.changes],
        "remaining": [dict(f.to_dict(), repairable=f.rule in _repairable()) for f in result.after],
        "errors_before": sum(1 for f in result.before if f.is_error),
        "errors_after": result.errors_left,
        "exit_code": code,
    }
    return nfc(json.dumps(data, ensure_ascii=False, indent=2))


def _repairable():
    from drafter.fix import REPAIRABLE

    return REPAIRABLE


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def run(source: Path, output: Path, fmt: str = "text", force: bool = False) -> int:
    from drafter.fix import fix_bytes, read_source

    try:
        if problem := report_format_error(fmt):
            raise problem
        if _same_file(source, output):
            raise UsageError("tệp ra trùng tệp vào; drafter fix không ghi đè bản gốc", Location(file=output),
                             hint="chọn tên khác bằng -o, ví dụ ke-hoach-da-sua.docx")
        if output.exists() and not force and not output.is_dir():
            raise OutputExistsError(output)  # before any work
        result = fix_bytes(read_source(source), source)
        written = False
        if result.data is not None:
            write_atomic(output, result.data, force=force)
            written = True
    except DrafterError as error:
        return _failed(error, source, fmt)
    except Exception:  # an unforeseen document shape: a message, and the input untouched
        error = UsageError("không sửa được tệp này (cấu trúc văn bản lạ, drafter chưa xử lý được); tệp gốc giữ nguyên",
                           Location(file=source), hint="mở bằng Word, lưu lại dưới dạng .docx rồi thử lại; nếu vẫn "
                                                       "không được, hãy gửi tệp cho người phát triển drafter")
        return _failed(error, source, fmt)
    code = EXIT_INVALID if result.errors_left else EXIT_OK
    print(format_json(source, output, result, written, code) if fmt == "json" else
          format_text(source, output, result, written), file=sys.stdout)
    return code


def _failed(error: DrafterError, source: Path, fmt: str) -> int:
    if fmt == "json":
        print(json.dumps({"input": str(source), "error": str(error), "exit_code": error.exit_code},
                         ensure_ascii=False, indent=2), file=sys.stdout)
    else:
        print(f"Lỗi: {error}", file=sys.stderr)
    return error.exit_code if error.exit_code in (EXIT_INVALID, EXIT_USAGE) else EXIT_USAGE
