"""Read a plan file of any kind an office has into text units, the same units the checker reads:
.docx through the checker's hardened reader (Word's automatic numbering included), .txt as pasted
or extracted text, text PDFs through pdfplumber, and .doc/.odt/.rtf through LibreOffice first."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from drafter.check.anatomy import Unit
from drafter.errors import Location, UnreadableFileError

CONVERT_SUFFIXES = (".doc", ".odt", ".rtf", ".docm", ".dotx", ".ott")
CONVERT_TIMEOUT_S = 120


@dataclass
class Source:
    units: list[Unit]
    bold: list[bool]  # per unit: the whole line is bold (DOCX only; False elsewhere)
    kind: str  # docx | txt | pdf


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        from drafter.check.safety import read_text_file
        from drafter.check.textprep import text_units

        units = text_units(read_text_file(path))
        return Source(units, [False] * len(units), "txt")
    if suffix == ".pdf":
        return _pdf_source(path)
    if suffix in CONVERT_SUFFIXES:
        with tempfile.TemporaryDirectory(prefix="drafter-import-") as tmp:
            converted = _convert_to_docx(path, Path(tmp))
            return _docx_source(converted, shown=path)
    if suffix == ".docx":
        return _docx_source(path, shown=path)
    raise UnreadableFileError(
        f"không đọc được loại tệp «{suffix or 'không có đuôi'}»", Location(file=path),
        hint="drafter đọc được .docx, .doc, .odt, .rtf, .pdf (có lớp chữ) và .txt (UTF-8)")


def _docx_source(path: Path, *, shown: Path) -> Source:
    from drafter.check.docx_checks import DocView
    from drafter.check.package import Package
    from drafter.check.safety import read_bytes, verify_docx_bytes

    data = read_bytes(path)
    try:
        parts = verify_docx_bytes(data, shown)
        view = DocView(Package.from_bytes(data, shown, parts))
    except UnreadableFileError:
        raise
    except Exception:  # a package shape the reader did not foresee: say so, never a traceback
        raise UnreadableFileError("tệp Word hỏng hoặc có cấu trúc lạ, không đọc được", Location(file=shown),
                                  hint="mở bằng Word rồi lưu lại dưới dạng .docx") from None
    bold = []
    for unit in view.units:
        para = view.paras[unit.para]
        segments = [s for s in para.segments_in(unit.start, unit.end) if s.text.strip()]
        bold.append(bool(segments) and all(s.props.bold for s in segments))
    return Source(view.units, bold, "docx")


def _pdf_source(path: Path) -> Source:
    from drafter.check.textprep import text_units

    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a declared dependency
        raise UnreadableFileError("thiếu thư viện đọc PDF (pdfplumber)", Location(file=path)) from None
    lines: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines.extend(_page_lines(page))
                lines.append("")
    except Exception:
        raise UnreadableFileError("tệp PDF hỏng hoặc không mở được", Location(file=path)) from None
    if not any(line.strip() for line in lines):
        raise UnreadableFileError("tệp PDF không có lớp chữ (bản quét)", Location(file=path),
                                  hint="cần nhận dạng chữ (OCR) trước, hoặc dùng tệp Word gốc")
    units = text_units("\n".join(lines))
    return Source(units, [False] * len(units), "pdf")


def _page_lines(page) -> list[str]:
    """Lines in reading order. The header of a plan is two columns side by side (issuer left,
    Quốc hiệu right): where a line has a wide gap in the top part of the first page, each column is
    read on its own, left first, so the issuer's lines stay together."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    rows: dict[int, list[dict]] = {}
    for w in words:
        rows.setdefault(round(w["top"] / 3), []).append(w)
    ordered = [sorted(ws, key=lambda w: w["x0"]) for _, ws in sorted(rows.items())]
    left: list[str] = []
    right: list[str] = []
    out: list[str] = []
    in_header = page.page_number == 1
    for ws in ordered:
        parts = _split_on_gap(ws, page.width)
        if in_header and len(parts) == 2:
            left.append(parts[0])
            right.append(parts[1])
            continue
        if in_header and left and len(parts) == 1 and ws[0]["x0"] > page.width * 0.45:
            right.append(parts[0])
            continue
        if in_header and (left or right):
            out.extend(left + [""] + right + [""])
            left, right = [], []
            in_header = False
        out.append(" ".join(parts))
    out.extend(left + [""] + right)
    return out


def _split_on_gap(words: list[dict], width: float) -> list[str]:
    gap_limit = width * 0.08
    parts: list[list[str]] = [[]]
    for prev, w in zip([None] + words[:-1], words):
        if prev is not None and w["x0"] - prev["x1"] > gap_limit:
            parts.append([])
        parts[-1].append(w["text"])
    return [" ".join(p) for p in parts if p]


def _convert_to_docx(path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise UnreadableFileError(
            f"cần LibreOffice để đọc tệp {path.suffix}", Location(file=path),
            hint="cài LibreOffice (apt-get install libreoffice-writer-nogui) hoặc lưu tệp thành .docx")
    profile = out_dir / "profile"
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", "docx", "--outdir", str(out_dir), str(path)]
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=CONVERT_TIMEOUT_S,
                       check=False)
    except subprocess.TimeoutExpired:
        raise UnreadableFileError(f"LibreOffice không chuyển đổi xong tệp trong {CONVERT_TIMEOUT_S} giây",
                                  Location(file=path)) from None
    result = out_dir / (path.stem + ".docx")
    if not result.is_file():
        raise UnreadableFileError("LibreOffice không chuyển đổi được tệp này", Location(file=path))
    return result
