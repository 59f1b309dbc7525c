"""Rules that need no formatting: the wording and punctuation of the header lines, Số, the date
line, title and subject, bases, heading sequences, the closing mark, the signature block and
Nơi nhận. They run on DOCX text and on plain-text plans alike.

Plain text comes from PDF extraction or pasting, which loses header lines: there a missing
element is not reported (it may have been lost), only the form of what is present."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from drafter.check.anatomy import AUTHORITY_RE, Anatomy, Unit, is_upper, short, squash
from drafter.check.context import Context
from drafter.check.headings import check_numbering
from drafter.labels import labels
from drafter.plan.levels import REFORM_DATE, TYPE_WORDS
from drafter.rules import rules
from drafter.units.normalize import tone_key
from drafter.vn import upper

# -- helpers -------------------------------------------------------------------------------------

_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([\u0300\u0301\u0303\u0309\u0323]?)([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?!\w)")


def fold_tone(text: str) -> str:
    """Move the tone mark of "oà, oè, uỳ" at a syllable end to the first vowel (Hoà → Hòa,
    Uỷ → Ủy): ND30 texts use the new placement, documents use both; compare modulo placement."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE.sub(lambda m: m.group(1) + m.group(4) + m.group(3) if not m.group(2) else m.group(0),
                          decomposed)
    return unicodedata.normalize("NFC", moved)


# -- header: issuing body, Quốc hiệu, Tiêu ngữ ---------------------------------------------------


def check_header_text(ctx: Context) -> None:
    a, el = ctx.anatomy, rules().thanh_phan
    # The issuing body's capitals are judged on the DOCX with w:caps (docx_checks); in text, the
    # issuer is recognised by its capitals in the first place.
    if not a.issuer and ctx.require_elements:
        ctx.missing("ND30-H1", "phần đầu văn bản", "không thấy tên cơ quan ban hành",
                    f"tên cơ quan ban hành ({upper(labels().ten_co_quan)} và tên đơn vị) ở góc trái")

    expected = el.quoc_hieu.van_ban or ""
    if a.quoc_hieu is not None:
        text = squash(a.text(a.quoc_hieu))
        if fold_tone(text.upper()) != fold_tone(expected.upper()):
            ctx.add("ND30-H4", a.quoc_hieu, f"viết «{text}»", f"đúng nguyên văn «{expected}»")
        elif el.quoc_hieu.in_hoa and text != text.upper() and ctx.text_mode:
            ctx.add("ND30-H4", a.quoc_hieu, f"«{text}» không in hoa", f"in hoa «{expected}»")
    elif ctx.require_elements:
        ctx.missing("ND30-H4", "phần đầu văn bản", "không thấy Quốc hiệu", f"«{expected}» ở góc phải")

    motto = el.tieu_ngu.van_ban or ""
    if a.tieu_ngu is not None:
        text = squash(a.text(a.tieu_ngu))
        if fold_tone(text) != fold_tone(motto):
            ctx.add("ND30-H5", a.tieu_ngu, f"viết «{text}»",
                    f"đúng nguyên văn «{motto}» (chữ đầu các cụm viết hoa, gạch nối «-» có cách hai bên)")
    elif ctx.require_elements:
        ctx.missing("ND30-H5", "phần đầu văn bản", "không thấy Tiêu ngữ", f"«{motto}» dưới Quốc hiệu")


# -- Số, ký hiệu ----------------------------------------------------------------------------------

_NUMBER = re.compile(r"^(?P<word>s[ốỐ])(?P<colon>\s*:)?(?P<pre>\s*)(?P<num>[\dOo]*)(?P<sp1>\s*)/(?P<sp2>\s*)(?P<sign>.*?)\s*$",
                     re.IGNORECASE)


def check_number(ctx: Context) -> None:
    a, table = ctx.anatomy, rules().so_ky_hieu
    if a.so is None:
        if ctx.require_elements:
            ctx.missing("ND30-S1", "phần đầu văn bản", "không thấy dòng số, ký hiệu",
                        f"«Số: …/{table.ky_hieu}» dưới tên cơ quan ban hành")
        return
    text = a.text(a.so)
    m = _NUMBER.match(text)
    if not m:
        ctx.add("ND30-S1", a.so, text, f"Số: 05/{table.ky_hieu}", van_de="không đúng dạng «Số: <số>/<ký hiệu>»")
        return
    problems: list[str] = []
    num, sign = m.group("num"), m.group("sign")
    if m.group("word") != "Số":
        problems.append("viết «Số» (chữ S hoa, ố thường)")
    if not m.group("colon"):
        problems.append("thiếu dấu «:» sau chữ «Số»")
    fixed_num = num
    if num:
        if not num.isdigit():
            problems.append("số viết bằng chữ số Ả Rập")
        elif int(num) < table.so_duoi_them_0 and len(num) < 2:
            problems.append(f"số nhỏ hơn {table.so_duoi_them_0} có số 0 phía trước")
            fixed_num = f"{int(num):02d}"
        if m.group("sp1"):
            problems.append("không có khoảng trắng trước «/»")
    if m.group("sp2"):
        problems.append("không có khoảng trắng sau «/»")
    fixed_sign = re.sub(r"\s+", "", sign)
    if fixed_sign != sign:
        problems.append("ký hiệu viết liền, không có khoảng trắng")
    if problems:
        fixed = f"Số: {fixed_num}/{fixed_sign}" if num else f"Số: {m.group('pre')}/{fixed_sign}"
        ctx.add("ND30-S1", a.so, text, squash(fixed) if num else fixed, van_de="; ".join(problems))
    if fixed_sign and fixed_sign.upper() != table.ky_hieu.upper():
        ctx.add("ND30-S2", a.so, fixed_sign, table.ky_hieu)


# -- Địa danh, ngày tháng -------------------------------------------------------------------------

_DATE = re.compile(r"^(?P<place>[^,]*?)(?P<comma>\s*,)?\s*ngày(?P<d>[\s\d]*?)\s*tháng(?P<m>[\s\d]*?)\s*năm\s*(?P<y>\d{4})"
                   r"\s*(?P<tail>\S*)$", re.IGNORECASE)


@dataclass
class DateLine:
    era: dt.date | None  # the date that decides the administrative era (None: undecidable)
    earliest: dt.date | None
    latest: dt.date | None
    problems: list[str]
    fixed: str  # the line written correctly


def parse_date_line(text: str) -> DateLine | None:
    """Read `<place>, ngày DD tháng MM năm YYYY` (day, month may be blank in a draft)."""
    table = rules().ngay_thang
    m = _DATE.match(squash(text).replace(" ,", ","))
    if not m:
        return None
    problems: list[str] = []
    place = m.group("place").strip()
    day_s, month_s, year = m.group("d").strip(), m.group("m").strip(), int(m.group("y"))
    if not place:
        problems.append("thiếu địa danh trước ngày tháng")
    if not m.group("comma"):
        problems.append("thiếu dấu «,» sau địa danh")
    if m.group("tail"):
        problems.append(f"thừa «{m.group('tail')}» sau năm")
    day = int(day_s) if day_s.isdigit() else None
    month = int(month_s) if month_s.isdigit() else None
    if (day_s and day is None) or (month_s and month is None):
        problems.append("ngày, tháng viết bằng chữ số")
    fixed_day, fixed_month = day_s, month_s
    if day is not None:
        if day < table.ngay_duoi_them_0 and len(day_s) < 2:
            problems.append(f"ngày nhỏ hơn {table.ngay_duoi_them_0} có số 0 phía trước (ngày {day:02d})")
        elif day >= table.ngay_duoi_them_0 and len(day_s) > 2:
            problems.append("ngày có hai chữ số")
        fixed_day = f"{day:02d}" if day < table.ngay_duoi_them_0 else str(day)
    if month is not None:
        padded = month in table.thang_them_0
        if padded and len(month_s) < 2:
            problems.append(f"tháng {', '.join(map(str, table.thang_them_0))} có số 0 phía trước (tháng {month:02d})")
        elif not padded and month_s.startswith("0"):
            problems.append(f"tháng {month} không có số 0 phía trước (viết «tháng {month}», không viết «tháng {month_s}»)")
        fixed_month = f"{month:02d}" if padded else str(month)
    if day is not None and month is None:
        problems.append("có ngày nhưng thiếu tháng")
    era = earliest = latest = None
    if day is not None and month is not None:
        try:
            era = earliest = latest = dt.date(year, month, day)
        except ValueError:
            problems.append("ngày tháng không có thật")
    elif month is not None:
        if 1 <= month <= 12:
            era = earliest = dt.date(year, month, 1)
            latest = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            problems.append("tháng không có thật")
    else:
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if year != REFORM_DATE.year:
            era = earliest  # a draft with the year only: the era of the whole year
    blank = "    "
    fixed = f"{place or '<địa danh>'}, ngày {fixed_day or blank} tháng {fixed_month or blank} năm {year}"
    return DateLine(era, earliest, latest, problems, fixed)


def check_date(ctx: Context) -> None:
    a = ctx.anatomy
    if a.date is None:
        if ctx.require_elements:
            ctx.missing("ND30-N1", "phần đầu văn bản", "không thấy dòng địa danh, ngày tháng năm ban hành",
                        "«<địa danh>, ngày … tháng … năm …» dưới Tiêu ngữ")
        return
    text = squash(a.text(a.date))
    line = parse_date_line(text)
    if line is None:
        ctx.add("ND30-N1", a.date, text, "<địa danh>, ngày 05 tháng 01 năm 2025",
                van_de="không đúng dạng «<địa danh>, ngày … tháng … năm …»")
        return
    ctx.plan_date = line.era
    if line.earliest and line.latest:
        ctx.date_range = (line.earliest, line.latest)
    if line.problems:
        ctx.add("ND30-N1", a.date, text, line.fixed, van_de="; ".join(line.problems))
    _check_place(ctx, text.split(",")[0].strip())


_TYPE_WORDS = sorted({w for words in TYPE_WORDS.values() for w in words}, key=len, reverse=True)
_UNIT_LINE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(upper(w)) for w in _TYPE_WORDS) + r")\s+(\S.*)$")


def _check_place(ctx: Context, place: str) -> None:
    a = ctx.anatomy
    if not a.issuer or not place:
        return
    m = _UNIT_LINE.search(upper(squash(a.text(a.issuer[-1]))))
    if not m:
        return
    type_word, name = m.group(1), m.group(2)
    expected = f"{type_word} {name}" if name[:1].isdigit() else name
    expected = " ".join(w[:1] + w[1:].lower() for w in expected.split())
    if name[:1].isdigit():
        expected = expected[:1] + expected[1:].lower()
    # A unit named after a person or an event keeps its type word (Thành phố Hồ Chí Minh): the
    # checker cannot tell those names apart, so both forms are accepted.
    accepted = {tone_key(expected), tone_key(f"{type_word} {name}")}
    if type_word == "THÀNH PHỐ":
        accepted.add(tone_key(f"TP {name}"))
    if tone_key(place) not in accepted:
        ctx.add("ND30-N3", a.date, place, expected)


# -- title and subject -----------------------------------------------------------------------------


def check_title_text(ctx: Context) -> None:
    a, el = ctx.anatomy, rules().thanh_phan
    name = labels().ten_loai
    if a.title is None:
        if ctx.require_elements:
            ctx.missing("ND30-T1", "văn bản", "không thấy tên loại văn bản", f"«{name}» in hoa, đậm, căn giữa")
        return
    text = a.text(a.title)
    if ctx.text_mode and el.ten_loai.in_hoa and not is_upper(text):
        ctx.add("ND30-T1", a.title, f"«{text}» không in hoa", f"«{name}»")
    if not a.subject:
        if ctx.require_elements:
            ctx.missing("ND30-T2", a.title, "không thấy trích yếu nội dung dưới tên loại",
                    "trích yếu ngay dưới «KẾ HOẠCH», chữ đậm, căn giữa")
        return
    last = a.text(a.subject[-1]).rstrip()
    if last.endswith(".") and not last.endswith("..."):
        ctx.add("ND30-T3", a.subject[-1], short(last[-40:]), "bỏ dấu chấm cuối trích yếu")


# -- bases (Căn cứ) --------------------------------------------------------------------------------

_LAW_START = re.compile(r"^(?:Bộ\s+)?[Ll]uật\b")
_LAW_NUMBER = re.compile(r"\bsố\s*\d+\s*/\s*\d{4}\s*/\s*QH\d*", re.IGNORECASE)
_HAS_DATE = re.compile(r"\bngày\s+\d")


def _clauses(text: str, prefix: str) -> list[str]:
    body = text[len(prefix):].strip() if text.startswith(prefix) else text
    return [c.strip() for c in body.split(";") if c.strip()]


def check_bases(ctx: Context) -> None:
    a = ctx.anatomy
    prefix = labels().can_cu.can_cu
    for i in a.bases:
        text = a.text(i).rstrip()
        end = text[-1:] if text else ""
        # PL-I II.6.a: ";" after each basis, "." after the last line of the block; in plans a
        # lead-in ending ":" usually follows the bases, so ";" on the last one is accepted too.
        last = i == a.bases[-1]
        if end not in (";", ":") and not (last and end == "." and not text.endswith("./.")):
            ctx.add("ND30-C2", i, end if end and not end.isalnum() else "(không có dấu)",
                    "dấu «;» hoặc «.» (căn cứ cuối cùng)" if last else "dấu «;» cuối mỗi căn cứ")
        for clause in _clauses(text.rstrip(";:"), prefix):
            if not _LAW_START.match(clause):
                continue
            if _LAW_NUMBER.search(clause):
                ctx.add("ND30-C3", i, short(clause), "luật dẫn theo tên và ngày thông qua, không ghi số "
                        "(ví dụ «Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022»)")
            elif not _HAS_DATE.search(clause):
                ctx.add("ND30-C4", i, short(clause), "ghi ngày thông qua của luật "
                        "(ví dụ «Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022»)")


# -- closing mark -----------------------------------------------------------------------------------

_INITIALS_AFTER_END = re.compile(r"\./\.\s+\S{1,3}$")


def check_ending(ctx: Context) -> None:
    a = ctx.anatomy
    last = a.last_content
    if last is None:
        return
    text = a.text(last).rstrip()
    mark = rules().ket_thuc.dau
    if text.endswith(mark):
        return
    if ctx.text_mode and _INITIALS_AFTER_END.search(text):
        return  # PDF text: the drafter's initials ("ký nháy") next to "./." come out as letters
    ctx.add("ND30-E1", last, short(text[-30:], 30), f"«{mark}» ngay sau chữ cuối cùng của nội dung")


# -- signature ------------------------------------------------------------------------------------

_ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|Th\.S|KS|BS|CN|PGS\.TS|GS\.TS)\s*\.", re.IGNORECASE)


def check_signature_text(ctx: Context) -> None:
    a = ctx.anatomy
    words = labels().chu_ky
    collective = f"{words.thay_mat} {upper(labels().ten_co_quan)}"
    if not a.signature:
        if ctx.require_elements:
            ctx.missing("ND30-K2", "cuối văn bản", "không thấy quyền hạn, chức vụ người ký",
                    f"«{collective}» và chức vụ người ký")
        return
    lines = [squash(a.text(i)) for i in a.signature]
    first = lines[0]
    if not first.startswith(words.thay_mat):
        ctx.add("ND30-K1", a.signature[0], f"khối chữ ký bắt đầu bằng «{first}», thiếu dòng «{collective}»",
                f"«{collective}» ở dòng đầu (kế hoạch do Ủy ban nhân dân ban hành)")
    for n, (i, line) in enumerate(zip(a.signature, lines)):
        m = AUTHORITY_RE.match(line)
        if not m:
            continue
        kind = m.group(1)
        if kind in ("TL", "TUQ"):
            ctx.add("ND30-K2", i, f"ký «{kind}.» ({line})", f"«{words.thay_mat}», «{words.ky_thay}» hoặc "
                    f"«{words.quyen}»; kế hoạch không ký thừa lệnh, thừa ủy quyền")
        elif n + 1 >= len(lines) and kind in ("TM", "KT"):
            ctx.add("ND30-K2", i, f"sau «{line}» không có chức vụ người ký",
                    f"dòng chức vụ (ví dụ «{words.pho_chu_tich}») dưới «{line}»")
    if a.signer is not None:
        name = squash(a.text(a.signer))
        if _ACADEMIC.match(name):
            ctx.add("ND30-K5", a.signer, name, "không ghi học hàm, học vị trước họ tên người ký")
        elif is_upper(name):
            ctx.add("ND30-K5", a.signer, name, "họ tên viết hoa chữ cái đầu mỗi tiếng, không in hoa cả dòng")


# -- Nơi nhận -------------------------------------------------------------------------------------


_NOTE_TAIL = re.compile(r"\.\s+\(?[\w.,: ]{1,30}\)?$")  # "- Lưu: VT, NC. H.20b" (note joined by PDF text)
_RECORDS_NOTE_MAX = 30  # "08 KH", "H.20b", "(Thực hiện: 10 bản)": short, never a recipient


def without_records_note(a: Anatomy, items: list[int]) -> list[int]:
    """Recipient lines without the records note that some offices print under "- Lưu: VT, …."
    (copies count, drafter's initials — ND30's "ký hiệu người đánh máy, số lượng bản"): a short
    last line without a dash, right after a "Lưu" line that is complete."""
    if len(items) < 2:
        return items
    note, luu = a.text(items[-1]).strip(), a.text(items[-2]).lstrip("-–—•+* ").strip()
    if note.startswith(("-", "–", "—", "•", "+")) or len(note) > _RECORDS_NOTE_MAX:
        return items
    if luu.startswith(labels().luu) and luu.endswith("."):
        return items[:-1]
    return items


def check_recipients_text(ctx: Context) -> None:
    a = ctx.anatomy
    label_text = rules().thanh_phan.noi_nhan_nhan.van_ban
    if a.recipients_label is None:
        if ctx.require_elements and a.signature:
            ctx.missing("ND30-R1", "cuối văn bản", "không thấy phần nơi nhận", f"«{label_text}» và danh sách nơi nhận")
        return
    text = squash(a.text(a.recipients_label).strip("*_ "))
    if text != label_text:
        ctx.add("ND30-R1", a.recipients_label, f"viết «{text}»", f"«{label_text}»")
    items = without_records_note(a, a.recipients)
    if not items:
        ctx.missing("ND30-R5", a.recipients_label, "danh sách nơi nhận trống", f"các nơi nhận và dòng «- {labels().luu} VT, …»")
        return
    # Group lines into items: a line without "-" after an item that does not end in ";" continues it.
    groups: list[list[int]] = []
    for i in items:
        line = a.text(i).strip()
        starts = line.startswith("-")
        if not starts and groups and not a.text(groups[-1][-1]).rstrip().endswith((";", ".")):
            groups[-1].append(i)
            continue
        if not starts:
            marker = line[:1] if line[:1] in "–—•+*" else ""
            ctx.add("ND30-R3", i, short(line, 50), "mỗi nơi nhận bắt đầu bằng gạch đầu dòng «- »"
                    + (f" (không dùng «{marker}»)" if marker else ""))
        elif len(line) > 1 and line[1] != " ":
            ctx.add("ND30-R3", i, short(line, 50), "một dấu cách sau gạch đầu dòng: «- »")
        groups.append([i])
    luu = labels().luu
    for n, group in enumerate(groups):
        last_line = a.text(group[-1]).rstrip()
        first_line = a.text(group[0]).lstrip("-–—•+* ").strip()
        is_last = n == len(groups) - 1
        if is_last:
            problems = []
            if not first_line.startswith(luu):
                problems.append(f"dòng cuối là «- {luu} VT, <đơn vị soạn thảo>.»")
            elif "VT" not in first_line:
                problems.append("lưu tại Văn thư (VT) trước, rồi đơn vị soạn thảo")
            if not last_line.endswith(".") and not _NOTE_TAIL.search(last_line):
                problems.append("dòng lưu kết thúc bằng dấu chấm «.»")
            if problems:
                ctx.add("ND30-R5", group[-1], short(last_line, 50), "; ".join(problems))
        else:
            if first_line.startswith(luu):
                ctx.add("ND30-R5", group[0], short(a.text(group[0]), 50), f"dòng «- {luu} …» là dòng cuối cùng")
            if not last_line.endswith(";"):
                end = last_line[-1:]
                detail = f"kết thúc bằng «{end}»" if end and not end.isalnum() else "thiếu dấu"
                ctx.add("ND30-R4", group[-1], short(last_line, 50), f"{detail}; mỗi nơi nhận kết thúc bằng «;»")


def check_text_rules(ctx: Context) -> None:
    check_header_text(ctx)
    check_number(ctx)
    check_date(ctx)
    check_title_text(ctx)
    check_bases(ctx)
    check_numbering(ctx)
    check_ending(ctx)
    check_signature_text(ctx)
    check_recipients_text(ctx)
    from drafter.check.appendix_checks import check_appendices  # it builds on this module

    check_appendices(ctx)


__all__ = ["check_text_rules", "parse_date_line", "fold_tone", "Anatomy", "Unit"]
