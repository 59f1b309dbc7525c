"""Open a user's DOCX without trusting it: it must be a zip archive of reasonable size (no zip
bomb: capped total uncompressed size and compression ratio), hold a Word main document, and no
XML part may declare a DOCTYPE or an ENTITY (billion laughs, external entities) — all checked
before python-docx parses anything. Every refusal is an UnreadableFileError (exit code 2) with a
Vietnamese message, never a traceback."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from drafter.errors import Location, UnreadableFileError
from drafter.fileio import read_regular_file

# Limits: a real plan is a few hundred kB; these leave a wide margin and stop hostile archives.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per part (XML rarely exceeds 20)
MAX_PARTS = 5000
RATIO_FROM_BYTES = 256 * 1024  # small parts may compress extremely well (repeated XML)
MAX_TEXT_BYTES = 10 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, or a password-protected .docx
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)


def _fail(path: Path | str, message: str, hint: str | None = None) -> UnreadableFileError:
    return UnreadableFileError(message, Location(file=path), hint=hint)


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes; a FIFO, device or directory is refused at once (never read)."""
    return read_regular_file(path, limit)


def _declares_dtd(data: bytes) -> bool:
    if b"<!" in data and _DECLARATION.search(data):
        return True
    # The same declaration in UTF-16 or UTF-32 would slip past a byte search: decode first.
    head = data[:4]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = data.decode(codec, errors="ignore")
            return bool(re.search(r"<!\s*(DOCTYPE|ENTITY)", text, re.IGNORECASE))
    if b"\x00" in data[:64]:  # UTF-16/32 without a byte order mark
        for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            text = data.decode(codec, errors="ignore")
            if re.search(r"<!\s*(DOCTYPE|ENTITY)", text, re.IGNORECASE):
                return True
    return False


def _check_sizes(path: Path | str, infos: list[zipfile.ZipInfo]) -> None:
    """Zip bomb limits: number of parts, total and per-part size, compression ratio."""
    if len(infos) > MAX_PARTS:
        raise _fail(path, f"gói .docx có quá nhiều thành phần ({len(infos)}), từ chối đọc")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_UNCOMPRESSED or total > MAX_TOTAL_UNCOMPRESSED:
            raise _fail(path, "gói .docx giải nén ra quá lớn (nghi là «bom nén»), từ chối đọc")
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(path, "thành phần trong gói .docx có tỉ lệ nén bất thường (nghi là «bom nén»), "
                              "từ chối đọc")


# Parts already verified in this process, by name, CRC and sizes, with their compressed bytes: a
# batch checks thousands of documents whose styles, theme and settings parts are byte for byte
# the same. A hit still compares the compressed bytes in full, so no other content can pass.
_VERIFIED: dict[tuple, tuple[bytes, bytes]] = {}
_VERIFIED_MAX_PARTS = 64
_VERIFIED_MAX_BYTES = 2 * 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def _raw_member(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The compressed bytes of one member, as stored after its local header."""
    start = info.header_offset
    header = data[start:start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return None
    fields = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + fields[-2] + fields[-1]
    return data[begin:begin + info.compress_size]


def verify_docx_bytes(data: bytes, path: Path | str, *, size_limits: bool = True) -> dict[str, bytes]:
    """Raise UnreadableFileError unless `data` is a plausible, harmless DOCX archive; return its
    XML parts, decompressed once, by name. `size_limits=False` is for drafter's own output, just
    rendered from validated input: a long plan compresses well and is not a zip bomb."""
    if data.startswith(OLE_MAGIC):
        raise _fail(path, "tệp Word định dạng cũ (.doc) hoặc có đặt mật khẩu, không đọc được",
                    hint="mở bằng Word, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .docx")
    if not data.startswith(b"PK"):
        raise _fail(path, "không phải tệp Word (.docx)",
                    hint="drafter đọc tệp .docx và tệp văn bản .txt (UTF-8)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _fail(path, "tệp Word bị hỏng (không mở được gói nén .docx)") from None
    with archive:
        infos = archive.infolist()
        if size_limits:
            _check_sizes(path, infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise _fail(path, "không phải tệp Word (.docx): gói nén thiếu [Content_Types].xml")
        if not any(n.startswith("word/") and n.endswith(".xml") for n in names):
            raise _fail(path, "không phải tệp Word (.docx): gói nén không có nội dung văn bản Word")
        parts: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir() or not _XML_PART.search(info.filename):
                continue
            key = (info.filename, info.CRC, info.file_size, info.compress_size, info.compress_type)
            known = _VERIFIED.get(key)
            raw = _raw_member(data, info) if known is not None or info.file_size <= _VERIFIED_MAX_BYTES else None
            if known is not None and raw is not None and raw == known[0]:
                parts[info.filename] = known[1]
                continue
            try:
                with archive.open(info) as part:
                    content = part.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                    RuntimeError):  # RuntimeError: encrypted member
                raise _fail(path, f"tệp Word bị hỏng (thành phần {info.filename} không đọc được)") from None
            if len(content) > info.file_size:
                raise _fail(path, "gói .docx khai sai kích thước thành phần, từ chối đọc")
            if _declares_dtd(content):
                raise _fail(path, f"tệp chứa khai báo DOCTYPE/ENTITY trong {info.filename} "
                                  "(có thể là tấn công XML), từ chối đọc")
            parts[info.filename] = content
            if raw is not None and len(_VERIFIED) < _VERIFIED_MAX_PARTS:
                _VERIFIED[key] = (raw, content)
    return parts


def open_docx_bytes(data: bytes, path: Path | str = "<bộ nhớ>") -> DocxDocument:
    verify_docx_bytes(data, path)
    try:
        return Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds (with English messages) on a broken package
        raise _fail(path, "tệp Word bị hỏng hoặc không phải văn bản Word") from None


def open_docx(path: Path | str) -> DocxDocument:
    path = Path(path)
    return open_docx_bytes(read_bytes(path), path)


def read_text_file(path: Path | str) -> str:
    """A plain-text plan (UTF-8, or UTF-16 with a byte order mark)."""
    path = Path(path)
    data = read_bytes(path, MAX_TEXT_BYTES)
    if data.startswith(b"PK") or data.startswith(OLE_MAGIC):
        raise _fail(path, "tệp .txt này thực ra là tệp Word; hãy đổi đuôi thành .docx")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "tệp văn bản không phải mã UTF-8",
                    hint="lưu lại tệp với bảng mã UTF-8 (Unicode)") from None
    if "\x00" in text:
        raise _fail(path, "tệp không phải văn bản thuần (có ký tự rỗng), không đọc được")
    return text
