"""Reports of `drafter check`: a Vietnamese text report for people, JSON for tools, and
`run_check`, the whole command (files and folders in, exit code out):

    0  no errors (warnings allowed)
    1  at least one finding of severity error
    2  a file cannot be read (missing, corrupt, not a DOCX, hostile), or nothing to check
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from drafter.check.finding import SEVERITY_WORDS, Finding
from drafter.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DrafterError, report_format_error
from drafter.vn import nfc

CHECKED_SUFFIXES = (".docx", ".txt")


@dataclass
class FileResult:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None  # why the file could not be read

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if not f.is_error)


def _counts(errors: int, warnings: int) -> str:
    return f"{errors} lỗi, {warnings} cảnh báo"


def format_findings(path: Path | str, findings: list[Finding]) -> str:
    """The Vietnamese report of one file."""
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if not findings:
        return nfc(f"{path}: đạt, không có lỗi thể thức.")
    lines = [f"{path}: {_counts(errors, warnings)}"]
    for f in findings:
        lines.extend(finding_lines(f))
        lines.append(f"      Căn cứ: {f.source}")
    return nfc("\n".join(lines))


def finding_lines(f: Finding) -> list[str]:
    """A finding as the reports print it: severity, rule and place, then the message."""
    return [f"  [{SEVERITY_WORDS[f.severity].upper()}] {f.rule} — {f.where}", f"      {f.message}"]


def to_json(results: list[FileResult], exit_code: int) -> str:
    files = []
    for r in results:
        item: dict = {"path": str(r.path), "readable": r.problem is None}
        if r.problem is not None:
            item["problem"] = r.problem
        else:
            item["errors"] = r.errors
            item["warnings"] = r.warnings
            item["findings"] = [f.to_dict() for f in r.findings]
        files.append(item)
    data = {
        "files": files,
        "errors": sum(r.errors for r in results),
        "warnings": sum(r.warnings for r in results),
        "unreadable": sum(1 for r in results if r.problem is not None),
        "exit_code": exit_code,
    }
    return nfc(json.dumps(data, ensure_ascii=False, indent=2))


def collect(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Files to check: files as given, folders walked for .docx and .txt (Word lock files
    "~$…" and hidden files skipped). Missing paths come back as unreadable results."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CHECKED_SUFFIXES
                           and not p.name.startswith(("~$", ".")))
            if not found:
                missing.append(FileResult(path, problem="thư mục không có tệp .docx hoặc .txt nào"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(FileResult(path, problem="không tìm thấy tệp hoặc thư mục"))
    return files, missing


def problem_text(error: DrafterError) -> str:
    """Why a file could not be checked, as one report line: the message, then the hint."""
    return error.message + (f" ({error.hint})" if error.hint else "")


# What a document shaped in a way the checker did not foresee can raise: reported per file, in
# words, never as a traceback or a Python type name.
UNFORESEEN = (ValueError, TypeError, KeyError, IndexError, AttributeError, OSError)


def unforeseen_problem(what: str) -> str:
    return f"không kiểm tra được {what} (cấu trúc lạ, drafter chưa xử lý được); xin gửi tệp cho nhóm phát triển drafter"


def check_paths(paths: list[Path]) -> list[FileResult]:
    from drafter.check import check_file

    files, results = collect(paths)
    for path in files:
        try:
            results.append(FileResult(path, check_file(path)))
        except DrafterError as error:
            results.append(FileResult(path, problem=problem_text(error)))
        except UNFORESEEN:
            results.append(FileResult(path, problem=unforeseen_problem("tệp này")))
    order = {p: i for i, p in enumerate(list(paths) + files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    return results


def exit_code(results: list[FileResult]) -> int:
    if not results or any(r.problem is not None for r in results):
        return EXIT_USAGE
    if any(r.errors for r in results):
        return EXIT_INVALID
    return EXIT_OK


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a console that cannot show Vietnamese: write UTF-8 bytes
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write((text + "\n").encode("utf-8"))
            buffer.flush()
        else:
            stream.write((text + "\n").encode("ascii", "replace").decode("ascii"))


def run_check(paths: list[Path], fmt: str = "text", *, out: TextIO | None = None, err: TextIO | None = None,
              results_of: Callable[[list[Path]], list[FileResult]] | None = None) -> int:
    """`drafter check FILE|DIR ... [--format json]`: print the report, return the exit code.
    `results_of` replaces the ordinary checks (`check --trang` adds the page rules)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if problem := report_format_error(fmt):
        _write(err, f"Lỗi: {problem}")
        return EXIT_USAGE
    if not paths:
        _write(err, "Lỗi: cần ít nhất một tệp .docx, .txt hoặc một thư mục")
        return EXIT_USAGE
    results = (results_of or check_paths)(paths)
    code = exit_code(results)
    if fmt == "json":
        _write(out, to_json(results, code))
        return code
    for r in results:
        if r.problem is not None:
            _write(err, nfc(f"Lỗi: {r.path}: {r.problem}"))
        else:
            _write(out, format_findings(r.path, r.findings))
    checked = [r for r in results if r.problem is None]
    if len(results) > 1:
        summary = (f"Tổng cộng: {len(checked)} tệp đã kiểm tra, "
                   f"{_counts(sum(r.errors for r in checked), sum(r.warnings for r in checked))}")
        unreadable = len(results) - len(checked)
        if unreadable:
            summary += f"; {unreadable} tệp không đọc được"
        _write(out, nfc(summary + "."))
    return code
