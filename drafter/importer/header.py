"""The parts of a plan around its body: issuing unit, number, date, subject, preamble (bases and
lead-in), Nơi nhận, records line and signature — each read back into answers-file fields."""

from __future__ import annotations

import datetime as dt
import re

from drafter.check.anatomy import Anatomy, squash
from drafter.importer.report import ImportReport
from drafter.labels import labels
from drafter.plan.levels import REFORM_DATE
from drafter.plan.model import Plan
from drafter.units.normalize import tone_key

# Longest first: "thành phố" before "tỉnh"/"phố", "thị trấn"/"thị xã" before "xã".
TYPE_WORDS = ("thành phố", "đặc khu", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã")
COMMITTEE = re.compile(r"^(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s*|^UBND\s+", re.IGNORECASE)
NUMBER = re.compile(r"^Số\s*[:.]?\s*(\d+)?\s*/\s*(\S+)", re.IGNORECASE)
DATE = re.compile(r"^(?P<place>.*?),?\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
                  re.IGNORECASE)
NUMERIC_DATE = re.compile(r"^(?P<place>.*?),?\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})")
BULLET = re.compile(r"^[-–+•]\s*")
# A type word's usual level when the unit is not in the registry ("thành phố" is most often a province).
_LEVEL_OF_TYPE = {"tỉnh": "tinh", "thành phố": "tinh", "huyện": "huyen", "quận": "huyen", "thị xã": "huyen"}


def issuer(a: Anatomy, report: ImportReport, on: dt.date | None, place: str | None) -> dict | None:
    lines = [a.text(i) for i in a.issuer]
    if not lines:
        return _inferred_issuer(a, report, on, place)
    joined = squash(" ".join(lines))
    rest = COMMITTEE.sub("", joined).strip()
    lowered = rest.lower()
    type_word = next((w for w in TYPE_WORDS if lowered.startswith(w + " ")), None)
    where = a.units[a.issuer[0]].where
    if type_word is None:  # "ỦY BAN NHÂN DÂN" alone (a web copy that lost the unit line)
        return _inferred_issuer(a, report, on, place)
    raw_name = rest[len(type_word):].strip()
    found = _lookup(type_word, raw_name, on)
    if found is not None:
        level, name = found
    else:
        level = _LEVEL_OF_TYPE.get(type_word, "xa")
        name = " ".join(w[:1].upper() + w[1:].lower() if not w.isdigit() else w for w in raw_name.split())
        report.add("guess", where, f"«{type_word} {name}» không có trong danh mục đơn vị hành chính; "
                                   f"đã đoán cấp «{level}» và cách viết hoa tên")
    return {"cap": level, "loai": type_word, "ten": name}


_SELF = re.compile(r"\b(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(?:\s*\(UBND\))?\s+(" + "|".join(TYPE_WORDS) + r")\b")
_NAMED = r"\b{type}\s+((?:[A-ZĐ\d][\wÀ-ỹ]*)(?:\s+[A-ZĐ\d][\wÀ-ỹ]*)*)"


def _inferred_issuer(a: Anatomy, report: ImportReport, on: dt.date | None, place: str | None) -> dict | None:
    """No header in the source (a dump that lost it): the type word from the lead-in ("Ủy ban nhân
    dân tỉnh ban hành …"), the name from the date line's place or the unit most often named."""
    text = "\n".join(u.text for u in a.units)
    m = _SELF.search(text)
    if m is None:  # no "Ủy ban nhân dân tỉnh …" anywhere: the date line's place may name a province
        found = next((f for f in (_lookup(t, place, on) for t in ("tỉnh", "thành phố")) if f), None) if place else None
        if found is None or found[0] != "tinh":
            report.add("missing", "", "không thấy tên cơ quan ban hành; cần ghi «co_quan» trong tệp trả lời")
            return None
        type_word = "thành phố" if _lookup("thành phố", place, on) else "tỉnh"
        report.add("guess", "", f"không thấy tên cơ quan ban hành; đoán là Ủy ban nhân dân {type_word} {found[1]} "
                                "(từ địa danh)")
        return {"cap": "tinh", "loai": type_word, "ten": found[1]}
    type_word = m.group(1)
    name = place
    if not name:
        names = re.findall(_NAMED.format(type=type_word), text)
        name = max(set(names), key=names.count) if names else None
    if not name:
        report.add("missing", "", "không thấy tên cơ quan ban hành; cần ghi «co_quan» trong tệp trả lời")
        return None
    level, name = _lookup(type_word, name, on) or (_LEVEL_OF_TYPE.get(type_word, "xa"), name)
    report.add("guess", "", f"không thấy tên cơ quan ban hành; đoán là Ủy ban nhân dân {type_word} {name} "
                            "(từ lời dẫn và địa danh)")
    return {"cap": level, "loai": type_word, "ten": name}


def _lookup(type_word: str, raw_name: str, on: dt.date | None) -> tuple[str, str] | None:
    from drafter.errors import DrafterError
    from drafter.units import find as find_unit

    legacy = on is not None and on < REFORM_DATE
    try:
        unit = find_unit(f"{type_word} {raw_name}", legacy=legacy)
    except DrafterError:
        return None
    if tone_key(unit.name) != tone_key(raw_name) or unit.type_word != type_word:
        return None
    return unit.level, unit.name


def number(a: Anatomy, report: ImportReport) -> dict:
    if a.so is None:
        report.add("missing", "", "không thấy dòng «Số: …/KH-UBND»; để trống cho văn thư ghi")
        return {}
    text = a.text(a.so)
    m = NUMBER.match(text)
    if not m:
        report.add("guess", a.units[a.so].where, f"không đọc được số, ký hiệu trong «{text}»; để trống")
        return {}
    out: dict = {}
    if m.group(1):
        out["so"] = int(m.group(1))
    sign = m.group(2).rstrip(".,;")
    if sign != "KH-UBND":
        out["ky_hieu"] = sign
    return out


def date(a: Anatomy, report: ImportReport) -> tuple[dict, str | None]:
    """Date fields and the place as written (None when missing)."""
    if a.date is None:
        report.add("missing", "", "không thấy dòng địa danh, ngày tháng")
        return {}, None
    text = squash(a.text(a.date))
    where = a.units[a.date].where
    m = DATE.match(text) or NUMERIC_DATE.match(text)
    if not m:
        report.add("missing", where, f"không đọc được ngày trong «{text}»")
        return {}, None
    place = m.group("place").strip(" ,")
    day, month, year = (int(x) if x else None for x in (m.group("d"), m.group("m"), m.group("y")))
    if day and month:
        try:
            return {"ngay": dt.date(year, month, day)}, place
        except ValueError:
            report.add("guess", where, f"ngày {day}/{month}/{year} không có thật; chỉ giữ tháng và năm")
    out: dict = {"nam": year}
    if month and 1 <= month <= 12:
        out["thang"] = month
    return out, place


def preamble(a: Anatomy, report: ImportReport) -> dict:
    words = labels().can_cu
    prefixes = [("can_cu", words.can_cu), ("thuc_hien", words.thuc_hien), ("theo_de_nghi", words.theo_de_nghi)]
    bases: list[dict] = []
    lead: list[str] = []
    out: dict = {}
    for i in a.preamble:
        text = a.text(i)
        kind = next((k for k, p in prefixes if text.startswith(p + " ")), None)
        if kind is None or lead:
            lead.append(text)
            continue
        body = text[len(dict(prefixes)[kind]) + 1:].strip()
        joined = _split_lead_in(body)
        if joined:
            body, mark, rest = joined
            out["dan_nhap_noi_tiep"] = mark  # "…; Ủy ban nhân dân … ban hành": one paragraph in the source
            lead.append(rest)
        bases.append({kind: body.rstrip(" ;,.")})
        _registry_note(body, len(bases), a.units[i].where, report)
    if bases:
        out["can_cu"] = bases
    if lead:
        out["dan_nhap"] = "\n".join(lead)
    if "dan_nhap_noi_tiep" in out and len(lead) > 1:
        del out["dan_nhap_noi_tiep"]  # the joined form holds one lead-in paragraph only
    return out


_LEAD_IN = re.compile(r"^(?P<basis>.+?)(?P<mark>[,;])\s+(?P<rest>(Ủy ban nhân dân|UBND|Uỷ ban nhân dân)\b.+)$")


def _split_lead_in(body: str) -> tuple[str, str, str] | None:
    """"… 2023, Ủy ban nhân dân tỉnh ban hành kế hoạch …": a basis and the lead-in in one paragraph."""
    m = _LEAD_IN.match(body)
    if not m or not m.group("rest").rstrip().endswith(":"):
        return None
    return m.group("basis"), m.group("mark"), m.group("rest")


_CITED_NUMBER = re.compile(r"\b(?:số\s+)?(\d+/[\w/.\-]+)", re.IGNORECASE)


def _registry_note(body: str, n: int, where: str, report: ImportReport) -> None:
    from drafter.presets.registry import _default

    registry = _default()
    m = _CITED_NUMBER.search(body)
    hit = registry.by_number(m.group(1).rstrip(".,;")) if m else None
    if hit is None and body.startswith("Luật "):
        key = squash(body[5:]).lower()
        hit = next((t for t in registry.texts if t.ten and key.startswith(t.ten.lower())), None)
    if hit is not None:
        report.add("registry", where, f"căn cứ {n} khớp văn bản «{hit.id}» trong danh mục")
    else:
        report.add("registry", where, f"căn cứ {n} không có trong danh mục văn bản; giữ nguyên lời văn")


def closing(a: Anatomy, report: ImportReport) -> dict:
    out: dict = {}
    luu_word = labels().luu.rstrip(":")
    items: list[str] = []
    notes: list[str] = []
    for i in a.recipients:
        text = BULLET.sub("", a.text(i)).strip()
        if text.startswith(luu_word):
            out["luu"] = text[len(luu_word):].lstrip(" :").rstrip(" .;") or Plan.model_fields["luu"].default
            continue
        if "luu" in out:  # under "Lưu: VT, …": copies, the drafter's initials ("08 KH")
            notes.append(a.text(i).strip())
            continue
        if not text.endswith(";") and i != a.recipients[-1]:
            report.add("corrected", a.units[i].where, f"nơi nhận «{text}» thiếu dấu «;» ở cuối; đã thêm")
        items.append(text.rstrip(" ;,."))
    if items:
        out["noi_nhan"] = items
    if notes:
        out["ghi_chu_luu"] = " ".join(notes)
    if a.recipients_label is None:
        report.add("missing", "", "không thấy phần «Nơi nhận:»")
    out["chu_ky"] = signature(a, report)
    return out


def signature(a: Anatomy, report: ImportReport) -> dict:
    words = labels().chu_ky
    lines = [squash(a.text(i)) for i in a.signature]
    sig: dict = {}
    if not lines:
        report.add("missing", "", "không thấy khối chữ ký (TM., KT., CHỦ TỊCH)")
    else:
        # a missing "TM." line is an ND30 defect: left at its default (printed), and reported
        titles = [line for line in lines if not line.startswith(words.thay_mat)]
        if any(line.startswith(words.ky_thay) for line in titles):
            sig["hinh_thuc"] = "ky_thay"
            last = titles[-1] if titles else ""
            if last and not last.startswith(words.ky_thay) and last != words.pho_chu_tich:
                sig["chuc_vu"] = last
        elif any(line.startswith(words.quyen + " ") for line in titles):
            sig["hinh_thuc"] = "quyen"
        elif titles and titles[-1] != words.chu_tich:
            sig["chuc_vu"] = titles[-1]
    if a.signer is not None:
        sig["nguoi_ky"] = squash(a.text(a.signer))
    return sig
