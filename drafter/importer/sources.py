"""Read a plan file of any kind an office has into text units, the same units the checker reads:
.docx through the checker's hardened reader (Word's automatic numbering included), .txt as pasted
or extracted text, text PDFs through pdfplumber, and .doc/.odt/.rtf through LibreOffice first."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from drafter.check.anatomy import Unit
from drafter.errors import Location, UnreadableFileError

CONVERT_SUFFIXES = (".doc", ".odt", ".rtf", ".docm", ".dotx", ".ott")


@dataclass
class Source:
    units: list[Unit]
    bold: list[bool]  # per unit: the whole line is bold (DOCX only; False elsewhere)
    kind: str  # docx | txt | pdf
    landscape: list[bool] | None = None  # per unit: its page is landscape (DOCX only)


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        from drafter.check.safety import read_text_file

        units = text_source_units(read_text_file(path))
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
    return Source(view.units, bold, "docx", _landscape(view))


def _landscape(view) -> list[bool]:
    """Per unit: whether the section holding it is landscape (an appendix laid "theo chiều rộng")."""
    from drafter.check.docx_reader import W, body_sections

    body = view.package.body
    wide: dict[int, bool] = {}
    for child, sect in (body_sections(body) if body is not None else ()):
        size = sect.find(W + "pgSz") if sect is not None else None
        try:
            landscape = size is not None and int(size.get(W + "w", "0")) > int(size.get(W + "h", "0"))
        except ValueError:
            landscape = False
        wide[id(child)] = landscape
    out = []
    for unit in view.units:
        element = view.paras[unit.para].el
        while element is not None and element.getparent() is not body:
            element = element.getparent()
        out.append(wide.get(id(element), False))
    return out


def _pdf_source(path: Path) -> Source:
    from drafter.check.textprep import text_units

    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a declared dependency
        raise UnreadableFileError("thiếu thư viện đọc PDF (pdfplumber)", Location(file=path)) from None
    try:
        with pdfplumber.open(path) as pdf:
            lines = _pdf_lines(pdf.pages)
    except Exception:
        raise UnreadableFileError("tệp PDF hỏng hoặc không mở được", Location(file=path)) from None
    if not any(line.strip() for line in lines):
        raise UnreadableFileError("tệp PDF không có lớp chữ (bản quét)", Location(file=path),
                                  hint="cần nhận dạng chữ (OCR) trước, hoặc dùng tệp Word gốc")
    units = text_units("\n".join(lines))
    return Source(units, [False] * len(units), "pdf")


_TITLE_LINE = re.compile(r"^[\s*#_]*K\s*Ế\s*H\s*O\s*Ạ\s*C\s*H[\s*#_]*$")


def text_source_units(text: str) -> list[Unit]:
    """Units of a plain-text plan. Above the title «KẾ HOẠCH», a header copied from a web page may
    be a table written with "|" between cells: it is read cell by cell, as the checker reads it.
    From the title on, "| … |" rows stay whole (the importer reads them as a table of the body)."""
    from drafter.check.textprep import text_units

    lines = text.splitlines()
    title = next((i for i, line in enumerate(lines) if _TITLE_LINE.match(unicodedata.normalize("NFC", line))), None)
    if title is None or not any("|" in line for line in lines[:title]):
        return text_units(paragraph_breaks(text))
    head = text_units("\n".join(lines[:title]), cells=True)
    body = text_units(paragraph_breaks("\n".join(lines[title:])))
    for unit in body:  # line numbers of the whole file
        if unit.line is not None:
            unit.line += title
            unit.where = f"dòng {unit.line}"
    return head + body


def paragraph_breaks(text: str) -> str:
    """Text copied from Word or a web page has one paragraph per line and no blank lines; text
    extracted from a PDF is hard-wrapped, with blank lines between paragraphs. The text reader joins
    consecutive lines (right for the second), so in the first kind each line is made a paragraph of
    its own — except a line starting in lower case, which still continues the sentence before."""
    lines = text.splitlines()
    filled = [line for line in lines if line.strip()]
    blanks = len(lines) - len(filled)
    if not filled or blanks >= 0.3 * len(filled):
        return text
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and stripped and not stripped[0].islower():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _pdf_lines(pages) -> list[str]:
    """Lines in reading order, a blank line between paragraphs. Side-by-side blocks (the header:
    issuer | Quốc hiệu; the end: Nơi nhận | signature) are read one column after the other, left
    first, as a person reads them, even when the block runs on to the next page. A paragraph starts
    after extra vertical space or where a line is indented (ND30 body paragraphs have a first-line
    indent; wrapped lines start at the margin). Page numbers in the margins are not text."""
    rows: list[list[dict]] = []
    offset = 0.0
    width = 595.0
    for page in pages:
        width = float(page.width)
        height = float(page.height)
        for row in _rows(page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)):
            in_margin = row[0]["bottom"] < 0.08 * height or row[0]["top"] > 0.92 * height
            if in_margin and len(row) == 1 and row[0]["text"].strip("-– ").isdigit():
                continue
            rows.append([{**w, "bottom": w["bottom"] + offset} for w in row])
        offset += height
    if not rows:
        return []
    margin = min(r[0]["x0"] for r in rows)
    # the line pitch inside a paragraph: the smallest distance between baselines
    pitch = min((b[0]["bottom"] - a[0]["bottom"] for a, b in zip(rows, rows[1:])
                 if b[0]["bottom"] - a[0]["bottom"] > 5), default=0)
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    prev_bottom = None
    for ws in rows:
        segments = _segments(ws)
        bottom = ws[0]["bottom"]
        spaced = prev_bottom is not None and pitch and bottom - prev_bottom > 1.2 * pitch
        prev_bottom = bottom
        first, last = segments[0], segments[-1]
        two_columns = len(segments) > 1 and last[0]["x0"] > 0.45 * width and first[-1]["x1"] < 0.6 * width
        only_right = len(segments) == 1 and first[0]["x0"] > 0.45 * width and (left or right)
        only_left = len(segments) == 1 and first[-1]["x1"] < 0.5 * width and (left or right)
        if two_columns or only_right or only_left:
            if two_columns:
                split = next(i for i, seg in enumerate(segments) if seg[0]["x0"] > 0.45 * width)
                left_text = _join(segments[:split])
                right_text = _join(segments[split:])
            else:
                left_text, right_text = (None, _join(segments)) if only_right else (_join(segments), None)
            for column, text in ((left, left_text), (right, right_text)):
                if text is None:
                    continue
                if spaced and column:
                    column.append("")
                column.append(text)
            continue
        if left or right:
            out.extend(left + [""] + right + [""])
            left, right = [], []
        elif spaced or (first[0]["x0"] > margin + 8 and out and out[-1]):
            out.append("")
        out.append(_join(segments))
    if left or right:
        out.extend(left + [""] + right)
    return out


def _rows(words: list[dict]) -> list[list[dict]]:
    """Words on one line share a baseline, not a top: a numbering label in a smaller font ("I.",
    "a)") sits lower than its text's top but on the same baseline (`bottom`)."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if rows and abs(w["bottom"] - rows[-1][0]["bottom"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _segments(words: list[dict]) -> list[list[dict]]:
    """Words split where a gap is wider than a tab's worth of spaces."""
    out: list[list[dict]] = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        if w["x0"] - prev["x1"] > 24:
            out.append([])
        out[-1].append(w)
    return out


def _join(segments: list[list[dict]]) -> str:
    return " ".join(w["text"] for seg in segments for w in seg)


def _convert_to_docx(path: Path, out_dir: Path) -> Path:
    """LibreOffice (found, timed and killed on Ctrl-C as for PDF export) saves the file as .docx."""
    from drafter.office.soffice import convert_dir

    convert_dir([path], out_dir, target="docx")
    result = out_dir / (path.stem + ".docx")
    if not result.is_file():
        raise UnreadableFileError("LibreOffice không chuyển đổi được tệp này", Location(file=path))
    return result
