"""`drafter check`: ND30 (Nghị định 30/2020/NĐ-CP) compliance of a Kế hoạch (KH-UBND).

    check_file(path)          a .docx (formatting and text) or a .txt plan (text rules only)
    check_docx(document)      an opened python-docx Document
    check_text(paragraphs)    a list of paragraphs of plain text
    check_plain_text(text)    raw text (from PDF, pasted): hard-wrapped lines are joined first

Rules, severities and messages: presets/kiem-tra.yaml; every number: presets/nd30.yaml.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from drafter.check.anatomy import Unit, analyse
from drafter.check.content_checks import check_content_rules
from drafter.check.context import Context
from drafter.check.finding import Finding
from drafter.check.recognise import not_a_plan
from drafter.check.ruleset import merge
from drafter.check.text_checks import check_text_rules
from drafter.check.textprep import clean_line, text_units
from drafter.check.wording import check_wording
from drafter.errors import Location, UnreadableFileError
from drafter.limits import MAX_OWN_OUTPUT_BYTES

__all__ = ["Finding", "check_docx", "check_docx_bytes", "check_file", "check_plain_text", "check_text", "run_check"]

TEXT_SUFFIXES = (".txt", ".md")


def _check_units(units: list[Unit], *, text_mode: bool) -> list[Finding]:
    anatomy = analyse(units)
    if (unrecognised := not_a_plan(anatomy)) is not None:
        return unrecognised
    ctx = Context(anatomy, text_mode=text_mode)
    check_text_rules(ctx)
    check_content_rules(ctx)
    check_wording(ctx)
    return merge(ctx.findings)


def check_text(paragraphs: list[str]) -> list[Finding]:
    """Text rules on paragraphs already separated (one string per paragraph)."""
    units: list[Unit] = []
    gap = False
    for n, paragraph in enumerate(paragraphs, 1):
        text = clean_line(paragraph.replace("\n", " "))
        if not text:
            gap = True
            continue
        units.append(Unit(text, f"đoạn {n}", end=len(text), gap_before=gap))
        gap = False
    return _check_units(units, text_mode=True)


def check_plain_text(text: str) -> list[Finding]:
    """Text rules on raw text: markdown stripped, hard-wrapped lines joined into paragraphs."""
    return _check_units(text_units(text, cells=True), text_mode=True)


def check_docx(document: DocxDocument) -> list[Finding]:
    """All rules on an opened python-docx Document."""
    from drafter.check.docx_checks import check_package
    from drafter.check.package import Package

    return check_package(Package.from_document(document))


def check_docx_bytes(data: bytes, path: Path | str = "<bộ nhớ>", *, size_limits: bool = True) -> list[Finding]:
    """All rules on the bytes of a DOCX, verified first (zip bomb, XML entities)."""
    from drafter.check.docx_checks import check_package
    from drafter.check.package import Package
    from drafter.check.safety import verify_docx_bytes

    parts = verify_docx_bytes(data, path, size_limits=size_limits)
    return check_package(Package.from_bytes(data, path, parts))


def check_file(path: Path | str, *, own_output: bool = False) -> list[Finding]:
    """Findings for one plan. Raises UnreadableFileError (exit code 2) for a file that cannot be
    read as a plan: missing, corrupt, not a DOCX, hostile (zip bomb, XML entities).
    `own_output`: the DOCX drafter has just rendered; the size limits for foreign files do not apply."""
    from drafter.check.safety import read_bytes, read_text_file

    path = Path(path)
    if own_output:
        return check_docx_bytes(read_bytes(path, MAX_OWN_OUTPUT_BYTES), path, size_limits=False)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return check_plain_text(read_text_file(path))
    if suffix == ".doc":
        raise UnreadableFileError("tệp Word định dạng cũ (.doc), không đọc được", Location(file=path),
                                  hint="mở bằng Word rồi lưu lại dưới dạng .docx")
    if suffix == ".pdf":
        raise UnreadableFileError("không đọc trực tiếp tệp PDF", Location(file=path),
                                  hint="chép chữ trong PDF ra tệp .txt (UTF-8) rồi kiểm tra tệp đó")
    return check_docx_bytes(read_bytes(path), path)


def run_check(paths: list[Path], fmt: str = "text") -> int:
    from drafter.check.report import run_check as _run

    return _run(paths, fmt)
