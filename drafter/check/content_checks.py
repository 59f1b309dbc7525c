"""Rules on what the text says: names of bodies that no longer exist on the plan's date
(`presets/co-quan/bai-bo.yaml`, shared with the presets), dates of cited legal texts (the registry
`presets/van-ban.yaml`), and capitals (PL-II): "Nhân dân", "Nhà nước", "khoản 2 Điều 85"."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from drafter.check.anatomy import is_upper, short, squash
from drafter.check.context import Context
from drafter.check.phrases import WORD, PhraseMatcher
from drafter.presets.agencies import Abolished, abolished
from drafter.presets.registry import BasisRegistry, LegalText
from drafter.units.normalize import tone_key
from drafter.vn import date_numeric

_DASHES = "-–—‑"


_SEPARATOR = re.compile(rf"(\s*[{_DASHES}]\s*|\s*&\s*|\s*,\s*|\s+)")


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex tolerant of spacing and dash variants, on word boundaries."""
    out: list[str] = []
    for part in _SEPARATOR.split(phrase.strip()):
        if not part:
            continue
        core = part.strip()
        if not core:
            out.append(r"\s+")
        elif core in _DASHES:
            out.append(rf"\s*[{_DASHES}]\s*")
        elif core in ("&", ","):
            out.append(rf"\s*{re.escape(core)}\s*")
        else:
            out.append(re.escape(part))
    return rf"(?<!\w){''.join(out)}(?!\w)"


@lru_cache(maxsize=2)
def abolished_matcher() -> PhraseMatcher[Abolished]:
    return PhraseMatcher([(name, entry) for entry in abolished() for name in [entry.ten, *entry.cach_viet]])


def _content_units(ctx: Context, *, recipients: bool = True) -> list[int]:
    a = ctx.anatomy
    out = a.subject + a.preamble + a.body
    if recipients:
        out = out + a.recipients
    return out


def check_abolished(ctx: Context) -> None:
    if ctx.plan_date is None:
        return
    matcher = abolished_matcher()
    a = ctx.anatomy
    for i in _content_units(ctx):
        for m in matcher.finditer(a.text(i)):
            entry = m.value
            if ctx.plan_date < entry.tu_ngay:
                continue
            ctx.findings.append(ctx.rules.make(
                "ND30-V1", a.units[i].where, squash(m.text), entry.thay_bang or "bỏ tên này",
                severity="error" if entry.muc_do == "loi" else "warning",
                ngay=date_numeric(entry.tu_ngay), ly_do=entry.ly_do, ngay_ke_hoach=date_numeric(ctx.plan_date),
                position=ctx.position(i),
            ))


# -- capitals: "Nhân dân", "Nhà nước"; "khoản 2 Điều 85" ---------------------------------------------


@lru_cache(maxsize=4)
def capitals_matcher(phrases: tuple[str, ...]) -> PhraseMatcher[tuple[str, ...]]:
    return PhraseMatcher([(p, tuple(WORD.findall(p))) for p in phrases])


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before `pos` ("" at the start), without copying the text:
    a paragraph of a pasted text file may be megabytes long."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos else ""


def check_capitals(ctx: Context) -> None:
    a = ctx.anatomy
    matcher = capitals_matcher(tuple(ctx.rules.capitals))
    for i in _content_units(ctx, recipients=False):
        text = a.text(i)
        if is_upper(text):
            continue
        for m in matcher.finditer(text):
            want = m.value
            if m.words == want:
                continue
            before = _char_before(text, m.start)
            if not before or before in ".:;!?(\"“”":  # a sentence may start with a capital
                if m.words[1:] == want[1:] and m.words[0].casefold() == want[0].casefold():
                    continue
                want = (m.words[0],) + want[1:]
            found = squash(m.text)
            if is_upper(found):
                continue
            expected = found
            for got, good in zip(m.words, want):
                expected = expected.replace(got, good, 1)
            ctx.add("ND30-V2", i, found, expected)


_ARTICLE = re.compile(r"(?<!\w)(khoản|điểm)\s+(\d+[a-zđ]?|[a-zđ])\s+(điều)\s+(\d+[a-zđ]?)(?!\w)", re.IGNORECASE)
_LONE_ARTICLE = re.compile(r"(?<!\w)(điều)\s+(\d+[a-zđ]?)(?!\w)")


def check_article_capitals(ctx: Context) -> None:
    a = ctx.anatomy
    for i in _content_units(ctx, recipients=False):
        text = a.text(i)
        if "điều" not in text.casefold() or is_upper(text):
            continue
        spans: list[tuple[int, int]] = []
        for m in _ARTICLE.finditer(text):
            spans.append(m.span())
            before = _char_before(text, m.start())
            sentence_start = not before or before in ".:;!?(\"“"
            word = m.group(1)
            want_word = (word[:1] + word[1:].lower()) if sentence_start else word.lower()
            expected = f"{want_word} {m.group(2)} Điều {m.group(4)}"
            found = squash(m.group(0))
            if found != expected:
                ctx.add("ND30-V3", i, found, expected)
        starts = [s for s, _ in spans]  # in order, not overlapping: bisect, not a scan per match
        for m in _LONE_ARTICLE.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < spans[k][1]:
                continue
            ctx.add("ND30-V3", i, squash(m.group(0)), f"Điều {m.group(2)}")


# -- cited legal texts: dates from the registry ----------------------------------------------------

_DATE_AFTER = re.compile(
    r"^\s*,?\s*ngày\s+(?:(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.IGNORECASE,
)
_SO_BEFORE = re.compile(r"^\s*(?:số\s*)?\S+/\S*QH\d*\s*", re.IGNORECASE)


def _date_after(text: str) -> tuple[dt.date | None, str] | None:
    m = _DATE_AFTER.match(text)
    if not m:
        return None
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return dt.date(int(y), int(mo), int(d)), m.group(0)
    except ValueError:
        return None, m.group(0)


_PATTERN_CACHE: dict[int, tuple[BasisRegistry, tuple]] = {}


def _registry_patterns(registry: BasisRegistry) -> tuple[list[tuple[str, re.Pattern, LegalText]],
                                                         list[tuple[str, re.Pattern, str]]]:
    """Per registered text: a cheap substring that must be present, and the exact pattern."""
    cached = _PATTERN_CACHE.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    numbers: list[tuple[str, re.Pattern, LegalText]] = []
    names: dict[str, str] = {}
    for text in registry.texts:
        if text.so:
            body = re.escape(text.so).replace("/", r"\s*/\s*").replace(r"\-", r"\s*-\s*")
            hint = text.so.split("/")[0].strip()
            numbers.append((hint, re.compile(rf"(?<![\w/]){body}(?![\w/])", re.IGNORECASE), text))
        if text.ten and text.loai in ("Luật", "Bộ luật"):
            names[tone_key(text.ten)] = f"{text.loai} {text.ten}"
    law_names = sorted(names.values(), key=len, reverse=True)
    result = (numbers, [(squash(n).casefold(), re.compile(phrase_pattern(n), re.IGNORECASE), n) for n in law_names])
    _PATTERN_CACHE[id(registry)] = (registry, result)
    return result


def _registry() -> BasisRegistry | None:
    try:
        return BasisRegistry.load()
    except Exception:  # a broken registry file must not stop the format checks
        return None


def check_citations(ctx: Context) -> None:
    registry = _registry()
    if registry is None:
        return
    numbers, laws = _registry_patterns(registry)
    a = ctx.anatomy
    for i in _content_units(ctx, recipients=False):
        text = a.text(i)
        if "ngày" not in text:
            continue
        folded = squash(text).casefold()
        # Texts cited by number: "Nghị định số 61/2023/NĐ-CP ngày 16/8/2023".
        for hint, regex, legal in numbers:
            if hint not in text:
                continue
            for m in regex.finditer(text):
                if legal.tinh and tone_key(legal.tinh) not in tone_key(text):
                    continue  # HĐND resolutions are numbered per province
                after = _date_after(text[m.end():])
                if after is None:
                    continue
                cited, tail = after
                found = squash(text[m.start(): m.end() + len(tail)])
                if cited != legal.ngay:
                    ctx.add("ND30-L1", i, short(found), f"{legal.loai} {legal.so} ban hành ngày {date_numeric(legal.ngay)}")
                else:
                    _replacement_warnings(ctx, i, registry, legal, found)
        # Laws cited by name: "Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022" (longest name first).
        taken: list[tuple[int, int]] = []
        for hint, regex, name in laws:
            if hint not in folded:
                continue
            for m in regex.finditer(text):
                if any(s <= m.start() and m.end() <= e for s, e in taken):
                    continue
                taken.append(m.span())
                rest = text[m.end():]
                skip = _SO_BEFORE.match(rest)
                offset = skip.end() if skip else 0
                after = _date_after(rest[offset:])
                if after is None:
                    continue
                cited, tail = after
                found = squash(text[m.start(): m.end() + offset + len(tail)])
                same_name = [t for t in registry.texts if t.ten and tone_key(f"{t.loai} {t.ten}") == tone_key(name)]
                match = next((t for t in same_name if t.ngay == cited), None)
                if match is None:
                    dates = " hoặc ".join(date_numeric(t.ngay) for t in same_name)
                    ctx.add("ND30-L1", i, short(found), f"{name} được thông qua ngày {dates}")
                else:
                    _replacement_warnings(ctx, i, registry, match, found)


def _replacement_warnings(ctx: Context, i: int, registry: BasisRegistry, legal: LegalText, found: str) -> None:
    """A cited text replaced on or before the plan's earliest possible date, or issued after its
    latest possible date (a draft dated "năm 2023" may be of any day of 2023)."""
    if ctx.date_range is None:
        return
    earliest, latest = ctx.date_range
    replaced = registry.replaced_on(legal)
    if replaced and replaced[1] <= earliest:
        successor, since = replaced
        ctx.add("ND30-L2", i, short(found), f"đã được thay thế bởi {successor.citation().text()} từ ngày "
                f"{date_numeric(since)}; kế hoạch nên dẫn văn bản thay thế")
    if legal.ngay > latest:
        ctx.add("ND30-L2", i, short(found), f"văn bản ban hành ngày {date_numeric(legal.ngay)}, sau ngày của kế hoạch; "
                "kiểm tra lại căn cứ hoặc ngày kế hoạch")


def check_content_rules(ctx: Context) -> None:
    check_abolished(ctx)
    check_capitals(ctx)
    check_article_capitals(ctx)
    check_citations(ctx)
