"""Rules that need no formatting: the wording and punctuation of the header lines, Số, the date
line, title and subject, bases, heading sequences and the closing mark; the signature block and
Nơi nhận are closing_checks.py, appendices appendix_checks.py. They run on DOCX text and on
plain-text plans alike.

Plain text comes from PDF extraction or pasting, which loses header lines: there a missing
element is not reported (it may have been lost), only the form of what is present."""

from __future__ import annotations

import re
import unicodedata

from drafter.check.anatomy import Anatomy, Unit, is_upper, short, squash
from drafter.check.appendix_checks import check_appendices
from drafter.check.closing_checks import check_recipients_text, check_signature_text, without_records_note
from drafter.check.context import Context
from drafter.check.dates import DateLine, parse_date_line
from drafter.check.headings import check_numbering
from drafter.labels import labels
from drafter.plan.levels import TYPE_WORDS
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
                    f"trích yếu ngay dưới «{name}», chữ đậm, căn giữa")
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
    check_appendices(ctx)


__all__ = ["check_text_rules", "parse_date_line", "DateLine", "without_records_note", "fold_tone", "Anatomy", "Unit"]
