"""Find the elements of a plan — issuing body, Quốc hiệu, Tiêu ngữ, Số, date line, title,
subject, bases, headings, Nơi nhận, signature — by content and position, not by style names,
so that hand-made plans and plain text (from PDF or pasted) are read the same way.

The input is a list of `Unit`s: one line of text each, with its Vietnamese location. A DOCX
paragraph with manual line breaks gives several units (and, in the header, tab-separated
columns give several units); a text file gives one unit per joined paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.labels import labels
from drafter.rules import rules
from drafter.units.normalize import plain_key
from drafter.vn import nfc

MUC_RE = re.compile(r"^([IVXLC]+)\s*[.)]\s*(\S.*)$")
KHOAN_RE = re.compile(r"^(\d{1,2})\s*\.\s+(\S.*)$")
DECIMAL_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\S.*)$")  # 1.1. / 1.1.1. headings
PART_RE = re.compile(r"^Phần\s+(?:thứ\s+\S+|[IVXLC]+|\d+)\s*[.:]?(\s|$)", re.IGNORECASE)  # "Phần I"
DIEM_RE = re.compile(r"^([a-zđ]{1,2})\s*\)\s*(\S.*)?$")
AUTHORITY_RE = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.\s*\S")
DATE_LINE_RE = re.compile(r"^[^,]{2,60}?,?\s*ngày\b.*(\bnăm\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*\.?\s*$",
                          re.IGNORECASE)
NUMBER_LINE_RE = re.compile(r"^s[ốỐ]\s*[:.]?", re.IGNORECASE)
POSITION_WORDS = ("CHỦ TỊCH", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "GIÁM ĐỐC", "TRƯỞNG", "THƯỜNG TRỰC")
RULE_TEXT_RE = re.compile(r"^[\s_\-–—─━=.]{3,}$")
# Marks that may stand in the header but are not the issuing body (ND30 "dấu chỉ mức độ mật, khẩn").
HEADER_MARKS = ("DỰ THẢO", "BẢN CHÍNH", "MẬT", "TỐI MẬT", "TUYỆT MẬT", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC")
MAX_SUBJECT_UNITS = 4
# "Phụ lục", "PHỤ LỤC II", "Phụ lục số 01", "PHỤ LỤC I: DANH MỤC …" (ND30 PL-I mục III).
APPENDIX_RE = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Phụ Lục)(?:\s+(?:số\s+|SỐ\s+)?(?P<num>[IVXLC]+|\d{1,2}))?"
                         r"(?:\s*[.:\-–]\s*(?P<title>\S.*)|\s*)$")
REFERENCE_RE = re.compile(r"^\(?\s*(?:Kèm theo|Ban hành kèm theo)\b", re.IGNORECASE)


def is_upper(text: str) -> bool:
    """ALL CAPS, with at least two letters ("I." is not a line in capitals)."""
    return text == text.upper() and sum(1 for c in text[:40] if c.isalpha()) >= 2 and text != text.lower()


def squash(text: str) -> str:
    return " ".join(text.split())


def short(text: str, limit: int = 70) -> str:
    """A text squashed to one line and cut for a message."""
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_rule_text(text: str) -> bool:
    """A line typed as a rule: "________", "-------", "———"."""
    stripped = text.strip()
    return bool(RULE_TEXT_RE.match(stripped)) and sum(c in "_-–—─━=" for c in stripped) >= 3


@dataclass
class Unit:
    text: str  # NFC, stripped
    where: str
    para: int = -1  # index of the source paragraph (DOCX), -1 for text
    start: int = 0  # offsets of `text` in the paragraph's text
    end: int = 0
    group: object = None  # container: the table cell (DOCX), None in the body / in text
    gap_before: bool = False  # an empty paragraph, blank line or rule separates it from the previous unit
    line: int | None = None  # source line (text files)
    block: object = None  # the table holding the unit (DOCX), None in the body / in text


@dataclass
class Anatomy:
    units: list[Unit]
    issuer: list[int] = field(default_factory=list)
    quoc_hieu: int | None = None
    tieu_ngu: int | None = None
    so: int | None = None
    date: int | None = None
    title: int | None = None
    subject: list[int] = field(default_factory=list)
    preamble: list[int] = field(default_factory=list)
    bases: list[int] = field(default_factory=list)  # "Căn cứ ..." lines of the preamble
    body: list[int] = field(default_factory=list)  # from the first heading to the end of content
    recipients_label: int | None = None
    recipients: list[int] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)  # authority and title lines
    signer: int | None = None
    header_zone: list[int] = field(default_factory=list)

    appendices: list[int] = field(default_factory=list)  # the heading unit of each appendix

    @property
    def last_content(self) -> int | None:
        """The last paragraph of the text ("./." closes it); tables in the body, and the caption
        right above a table, do not carry it."""
        body = set(self.body)

        def in_table(i: int) -> bool:
            return i in body and self.units[i].block is not None

        text = [i for i in self.body if not in_table(i) and not in_table(i + 1)] or self.body
        return text[-1] if text else (self.preamble[-1] if self.preamble else None)

    def text(self, i: int | None) -> str:
        return self.units[i].text if i is not None else ""


def _basis_prefixes() -> tuple[str, ...]:
    words = labels().can_cu
    return (words.can_cu, words.thuc_hien, " ".join(words.theo_de_nghi.split()[:3]))


def starts_basis(text: str) -> bool:
    return text.startswith(_basis_prefixes())


def is_heading(text: str) -> bool:
    return bool(is_muc(text) or KHOAN_RE.match(text))


def is_khoan_title(text: str) -> bool:
    """A numbered khoản that is a title (bold, no closing mark), not a numbered sentence."""
    return bool(KHOAN_RE.match(text)) and not text.rstrip().endswith((".", ";", ":", "!", "?"))


def is_muc(text: str) -> re.Match | None:
    """A Mục heading: a Roman numeral, then a title starting with a capital (ND30 wants it all
    in capitals; that is checked on the heading, not used to find it)."""
    m = MUC_RE.match(text)
    return m if m and m.group(2)[:1].isupper() else None


def _title_key(text: str) -> str:
    return squash(nfc(text).strip("*#_ ").upper())


def is_recipients_label(text: str) -> bool:
    key = plain_key(text.strip("*_# ")[:12])
    return key.startswith(plain_key(rules().thanh_phan.noi_nhan_nhan.van_ban))


def is_authority(text: str) -> bool:
    if len(text) > 80 or not (AUTHORITY_RE.match(text) or any(w in text for w in POSITION_WORDS)):
        return False
    return is_upper(text)


def appendix_headings(units: list[Unit]) -> list[int]:
    """Headings of appendices: a "Phụ lục" line after Nơi nhận or the signature, alone in the
    body (not in a table cell)."""
    closed = False
    out: list[int] = []
    for i, u in enumerate(units):
        if is_recipients_label(u.text) or (is_authority(u.text) and AUTHORITY_RE.match(u.text)):
            closed = True
        elif closed and u.group is None and APPENDIX_RE.match(u.text):
            out.append(i)
    return out


def analyse(units: list[Unit]) -> Anatomy:
    a = Anatomy(units)
    a.appendices = appendix_headings(units)
    n = a.appendices[0] if a.appendices else len(units)  # the plan itself ends where appendices start
    title_key = _title_key(labels().ten_loai)
    a.title = next((i for i, u in enumerate(units) if _title_key(u.text) == title_key), None)

    # Header zone: before the title, or before the first basis / heading when the title is missing.
    if a.title is not None:
        zone_end = a.title
    else:
        # "ỦY BAN NHÂN DÂN" opening the text is the issuer, not the signing authority
        zone_end = next((i for i, u in enumerate(units) if starts_basis(u.text) or is_heading(u.text)
                         or is_recipients_label(u.text) or (is_authority(u.text) and i > 0)), len(units))
        zone_end = min(zone_end, 15)
    a.header_zone = list(range(zone_end))
    for i in a.header_zone:
        text = units[i].text
        key = plain_key(text)
        if a.quoc_hieu is None and "conghoaxahoichunghia" in key:
            a.quoc_hieu = i
        elif a.tieu_ngu is None and "doclap" in key and "hanhphuc" in key:
            a.tieu_ngu = i
        elif a.so is None and NUMBER_LINE_RE.match(text) and ("/" in text or "KH" in text.upper()):
            a.so = i
        elif a.date is None and DATE_LINE_RE.match(text):
            a.date = i
    special = {a.quoc_hieu, a.tieu_ngu, a.so, a.date}
    motto = [units[i] for i in (a.quoc_hieu, a.tieu_ngu) if i is not None]
    motto_cells = [u.group for u in motto if u.group is not None]
    header_tables = [u.block for u in motto if u.block is not None]
    for i in a.header_zone:
        if i in special or (a.so is not None and i > a.so):
            continue
        u = units[i]
        if any(u.group is cell for cell in motto_cells):
            continue
        if a.so is None and a.quoc_hieu is not None and i > a.quoc_hieu and u.group is None:
            continue
        in_header_table = any(u.block is t for t in header_tables)
        if squash(u.text).strip("()[] ").startswith(HEADER_MARKS):
            continue
        if (is_upper(u.text) or in_header_table) and not is_rule_text(u.text):
            a.issuer.append(i)

    # Subject: the lines right after the title, up to a basis, a heading or a separation.
    start = (a.title + 1) if a.title is not None else zone_end
    i = start
    if a.title is not None:
        while i < n and len(a.subject) < MAX_SUBJECT_UNITS:
            text = units[i].text
            if is_heading(text) or is_recipients_label(text) or text.startswith(labels().can_cu.can_cu):
                break
            # "Thực hiện ..." may open the subject itself; a basis line ends with ";".
            if starts_basis(text) and (a.subject or text.rstrip().endswith((";", ":"))):
                break
            if a.subject and units[i].gap_before:
                break
            if a.subject and text.endswith(":"):
                break
            a.subject.append(i)
            i += 1

    # Preamble: up to the first heading.
    while i < n and not is_heading(units[i].text) and not is_recipients_label(units[i].text) \
            and not is_authority(units[i].text):
        a.preamble.append(i)
        i += 1
    a.bases = [j for j in a.preamble if units[j].text.startswith(labels().can_cu.can_cu)]

    # End zone: Nơi nhận and the signature, in either order.
    body_start = i
    label = next((j for j in range(body_start, n) if is_recipients_label(units[j].text)), None)
    sig = next((j for j in range(body_start, n) if is_authority(units[j].text)
                and (AUTHORITY_RE.match(units[j].text) or j + 1 >= n or not is_heading(units[j].text))
                and _signature_like(j, n)), None)
    ends = [j for j in (label, sig) if j is not None]
    body_end = min(ends) if ends else n
    a.body = [j for j in range(body_start, body_end)]
    a.recipients_label = label
    if label is not None:
        group = units[label].group
        for j in range(label + 1, n):
            if j == sig or (group is not None and units[j].group is not group) or is_authority(units[j].text):
                break
            if units[j].gap_before and a.recipients and not units[j].text.startswith(("-", "–", "+")):
                break
            a.recipients.append(j)
    if sig is not None:
        group = units[sig].group
        j = sig
        while j < n and is_authority(units[j].text) and (group is None or units[j].group is group):
            if j == label:
                break
            a.signature.append(j)
            j += 1
        for k in range(j, min(j + 4, n)):
            u = units[k]
            if k == label or (group is not None and u.group is not group) or k in a.recipients:
                break
            if u.text.startswith(("(", "[")) or is_rule_text(u.text):
                continue
            a.signer = k
            break
    return a


def _signature_like(j: int, n: int) -> bool:
    """An authority line starts the signature block only near the end (the last 25 units)."""
    return j >= n - 25
