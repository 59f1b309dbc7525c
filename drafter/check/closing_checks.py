"""The end of a plan, in words: the signature block (authority line, signer's position and name)
and Nơi nhận (label, one "- " item per recipient ending ";", "- Lưu: VT, …." last). They run on
DOCX text and on plain-text plans alike; the formatting of these lines is docx_checks.py."""

from __future__ import annotations

import re

from drafter.check.anatomy import AUTHORITY_RE, Anatomy, is_upper, short, squash
from drafter.check.context import Context
from drafter.labels import labels
from drafter.rules import rules
from drafter.vn import upper


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
