"""Rules on wording that other Vietnamese format checkers apply and that need no formatting, so
they run on DOCX and on text alike: no "V/v" before the subject of a plan (ND30-T6); a cited
document written "Quyết định số 346/QĐ-TTg", with its issuer the first time (ND30-C5, C6);
"Lưu: VT, <unit>." (ND30-R5, R6); agency names with their capitals (ND30-V4); a sentence starting
with a capital after a full stop (ND30-V5); typing errors (ND30-G1–G3).

The capitals and typing checks use curated lists and narrow patterns (presets/kiem-tra.yaml)
so that a correct plan gets no finding: each was run on the real plans in tests/check/seeds."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from drafter.check.anatomy import is_upper, short, squash
from drafter.check.context import Context
from drafter.check.phrases import WORD, PhraseMatcher
from drafter.labels import labels
from drafter.paths import PRESETS

# -- ND30-T6: "V/v" belongs to letters (công văn), not to plans -------------------------------------

_VV = re.compile(r"^\s*(V\s*/\s*v|Về\s+việc)\b\.?\s*:?\s*", re.IGNORECASE)


def check_subject_vv(ctx: Context) -> None:
    a = ctx.anatomy
    if not a.subject:
        return
    first = a.subject[0]
    m = _VV.match(a.text(first))
    if m:
        ctx.add("ND30-T6", first, short(a.text(first), 50),
                f"kế hoạch không ghi «{squash(m.group(1))}» trước trích yếu (chỉ công văn mới có «V/v»)")


# -- ND30-C5, C6: citing another document -------------------------------------------------------------

# Types whose citations carry a number and sign; laws and ordinances are cited by name (ND30-C3).
_TYPES = ("Nghị định", "Nghị quyết", "Quyết định", "Thông tư liên tịch", "Thông tư", "Chỉ thị", "Kế hoạch",
          "Công văn", "Hướng dẫn", "Thông báo", "Tờ trình", "Báo cáo", "Chương trình", "Đề án", "Kết luận",
          "Công điện")
_TYPE = "|".join(re.escape(t) for t in _TYPES)
# A number and sign: "346/QĐ-TTg", "15/2024/NQ-HĐND", "30-CT/TW", "1234/UBND-VX".
_SIGN = r"\d+[\w.\-]*/[\w.\-/]*[^\W\d_][\w.\-/]*"
_CITATION = re.compile(rf"(?<![\w/])(?P<type>{_TYPE})(?P<gap>\s+)(?P<so>số\s*)?(?P<sign>{_SIGN})", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*,?\s*ngày\s+(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}"
                         r"\s+năm\s+\d{4})", re.IGNORECASE)
_ISSUER_AFTER = re.compile(r"^\s*,?\s*(của|do)\s+\S", re.IGNORECASE)
_ISSUER_BEFORE = re.compile(r"\b(của|do)\s+[^;:]{2,80}\s(tại|theo)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"^\s*([;:,.)]|$)")


def _content(ctx: Context, *, recipients: bool = False) -> list[int]:
    a = ctx.anatomy
    return a.subject + a.preamble + a.body + (a.recipients if recipients else [])


def check_citations_form(ctx: Context) -> None:
    a = ctx.anatomy
    seen: set[str] = set()
    for i in _content(ctx):
        text = a.text(i)
        if "/" not in text:
            continue
        for m in _CITATION.finditer(text):
            kind, sign = m.group("type"), m.group("sign").rstrip(".")
            if not m.group("so"):
                ctx.add("ND30-C5", i, f"{kind} {sign}", f"{kind} số {sign}")
            key = sign.upper()
            if key in seen:
                continue
            seen.add(key)
            if i in a.subject:
                continue  # the subject names the document briefly; the bases cite it in full
            if _ISSUER_BEFORE.search(text[: m.start()]):
                continue  # "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ...": issuer first
            rest = text[m.end():]
            date = _DATE_AFTER.match(rest)
            after = rest[date.end():] if date else rest
            if _ISSUER_AFTER.match(after):
                continue
            found = squash(text[m.start(): m.end() + (date.end() if date else 0)])
            if _CLAUSE_END.match(after) or not date:
                what = "ngày ban hành, cơ quan ban hành và trích yếu" if not date else "cơ quan ban hành và trích yếu"
            else:
                what = "cơ quan ban hành («của …») trước trích yếu"
            ctx.add("ND30-C6", i, short(found), f"lần viện dẫn đầu tiên ghi đủ tên loại, số, ký hiệu, {what}")


# -- ND30-R5, R6: "- Lưu: VT, <unit>." -----------------------------------------------------------------

_RECORDS = re.compile(r"^[-–—•+*]?\s*Lưu(?P<colon>\s*:)?\s*(?P<rest>.*)$")


def check_records_line(ctx: Context) -> None:
    a = ctx.anatomy
    if not a.recipients:
        return
    last = a.recipients[-1]
    # The records line may be the last of a wrapped item: find the line that opens it.
    start = next((i for i in reversed(a.recipients) if a.text(i).lstrip("-–—•+* ").startswith(labels().luu.rstrip(":"))),
                 None)
    if start is None:
        return
    text = " ".join(a.text(i) for i in a.recipients[a.recipients.index(start):])
    m = _RECORDS.match(squash(text))
    if not m:
        return
    if not m.group("colon"):
        ctx.add("ND30-R5", start, short(text, 50), "dấu «:» sau chữ «Lưu» («- Lưu: VT, <đơn vị soạn thảo>.»)")
    rest = m.group("rest").rstrip(". ")
    parts = [p.strip() for p in re.split(r"[,;]", rest) if p.strip()]
    units = [p for p in parts if p.upper() != "VT" and not re.fullmatch(r"\(?\d+\s*(b|bản)?\.?\)?", p)]
    if parts and not units:
        ctx.add("ND30-R6", last, short(text, 50),
                "sau «VT» ghi tên viết tắt của đơn vị soạn thảo (ví dụ «- Lưu: VT, VP.»)")


# -- ND30-V4: capitals of agency names ------------------------------------------------------------------


def _catalogue_names() -> list[str]:
    """Names without placeholders from the agency catalogues (presets/co-quan)."""
    from drafter.yamlio import load_yaml

    names: list[str] = []
    for path in sorted((PRESETS / "co-quan").glob("*.yaml")):
        if path.name == "bai-bo.yaml":
            continue
        data = load_yaml(Path(path))
        for entry in data.get("co_quan", []) if isinstance(data, dict) else []:
            name = entry.get("ten") if isinstance(entry, dict) else None
            if isinstance(name, str) and "{" not in name:
                names.append(name)
    return names


@lru_cache(maxsize=2)
def _agency_matcher(extra: tuple[str, ...], skip: tuple[str, ...]) -> PhraseMatcher[tuple[str, ...]]:
    skipped = {tuple(w.lower() for w in WORD.findall(s)) for s in skip}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in (*extra, *_catalogue_names()):
        words = tuple(WORD.findall(name))
        key = tuple(w.lower() for w in words)
        # Names starting in lower case are job titles ("công chức Tư pháp - hộ tịch") whose
        # official capitals vary between texts: left alone.
        if len(words) >= 2 and key not in skipped and words[0][:1].isupper():
            phrases.setdefault(key, words)
    return PhraseMatcher([(" ".join(words), words) for words in phrases.values()])


def check_agency_capitals(ctx: Context) -> None:
    a = ctx.anatomy
    matcher = _agency_matcher(tuple(ctx.rules.agency_names), tuple(ctx.rules.capitals))
    for i in _content(ctx, recipients=True):
        text = a.text(i)
        if is_upper(text):
            continue
        for m in matcher.finditer(text):
            if m.words == m.value or is_upper(m.text):
                continue
            expected = m.text
            for got, good in zip(m.words, m.value):
                expected = expected.replace(got, good, 1)
            ctx.add("ND30-V4", i, squash(m.text), squash(expected))


# -- ND30-V5: a sentence starts with a capital ------------------------------------------------------------

# A full stop after a word of two or more letters (not "v.v.", not "TP."), then a lower-case word.
_LOWER_AFTER_STOP = re.compile(r"(?<![\w.])(?P<word>[^\W\d_]{2,})\.\s+(?P<next>[^\W\d_]+)")


def check_sentence_starts(ctx: Context) -> None:
    a = ctx.anatomy
    for i in _content(ctx):
        text = a.text(i)
        if ". " not in text:
            continue
        for m in _LOWER_AFTER_STOP.finditer(text):
            if not m.group("next")[0].islower() or m.group("word").isupper():
                continue  # an abbreviation ("TP. ...") rather than a sentence end
            found = squash(text[max(m.start("word"), m.start() - 20): m.end()])
            ctx.add("ND30-V5", i, short(found, 50), f"sau dấu chấm, câu mới bắt đầu bằng chữ hoa «{m.group('next')[:1].upper()}»")


# -- ND30-G1, G2, G3: typing -------------------------------------------------------------------------------

# A space before , ; : . ? ! ) — but not an ellipsis or dotted leader ("...", "…") and not "./.".
_SPACE_BEFORE = re.compile(r"(?P<before>[^\W_]{1,20}|[)\]”\"'])(?P<space>[ \u00a0]+)(?P<mark>[,;:?!)]|\.(?![./…]))(?!\.)")
_ANY_SPACE_BEFORE = re.compile(r"[ \u00a0][,;:?!).]")
_DOUBLE_SPACE = re.compile(r"(?P<before>\S{1,20})(?P<space> {2,})(?P<after>\S{1,20})")


def check_typing(ctx: Context) -> None:
    a = ctx.anatomy
    spelling = ctx.rules.spelling
    matcher = _spelling_matcher(tuple(spelling.items()))
    for i in _content(ctx, recipients=True):
        text = a.text(i)
        if _ANY_SPACE_BEFORE.search(text):  # cheap test first: the full pattern backtracks
            for m in _SPACE_BEFORE.finditer(text):
                ctx.add("ND30-G1", i, m.group(0), m.group("before") + m.group("mark"))
        if "  " in text:
            for m in _DOUBLE_SPACE.finditer(text):
                ctx.add("ND30-G2", i, m.group(0), f"{m.group('before')} {m.group('after')}")
        for m in matcher.finditer(text):
            want = m.value
            if m.text[:1].isupper():
                want = want[:1].upper() + want[1:]
            ctx.add("ND30-G3", i, m.text, want)


@lru_cache(maxsize=2)
def _spelling_matcher(pairs: tuple[tuple[str, str], ...]) -> PhraseMatcher[str]:
    return PhraseMatcher(list(pairs))


def check_wording(ctx: Context) -> None:
    check_subject_vv(ctx)
    check_citations_form(ctx)
    check_records_line(ctx)
    check_agency_capitals(ctx)
    check_sentence_starts(ctx)
    check_typing(ctx)


__all__ = ["check_wording"]
