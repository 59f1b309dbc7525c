"""Layout rules checked where people read a plan: on the pages LibreOffice lays out (rules
ND30-TR1…TR11 of presets/kiem-tra.yaml; every ND30 number from presets/nd30.yaml).

The elements (issuing body, Quốc hiệu, date line, Nơi nhận, signature…) are found in the DOCX by
the checker's anatomy, then located on the pages by their text, so that hand-made plans are
checked like generated ones. The constants below are measuring tolerances, not ND30 values."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from drafter.check.anatomy import Anatomy, is_rule_text
from drafter.check.docx_checks import RATIO_TOLERANCE
from drafter.check.finding import Finding
from drafter.check.page_checks import PAPER_TOLERANCE_MM, fmt_number
from drafter.check.ruleset import RuleSet, merge, ruleset
from drafter.office.pdf_pages import PT_PER_MM, SAME_ROW_PT, Line, Page, key
from drafter.rules import rules

SAME_LINE_PT = 4.0  # two blocks "start on the same line": their first lines' tops differ less
CENTRE_TOLERANCE_MM = 3.0  # a page number or a rule this close to the centre is centred
MARGIN_TOLERANCE_MM = 1.0  # glyph boxes overhang their advance a little
RULE_SEARCH_PT = 30.0  # the rule under the issuing body lies within this distance below it
PAGE_NUMBER_RE = re.compile(r"^\W*(?:trang\s*)?(\d{1,4})\W*$", re.IGNORECASE)


def mm(points: float) -> str:
    return fmt_number(points / PT_PER_MM)


@dataclass
class PageCheck:
    pages: list[Page]
    anatomy: Anatomy
    rules: RuleSet = field(default_factory=ruleset)
    findings: list[Finding] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = [ln for page in self.pages for ln in page.lines]

    def add(self, rule: str, page: int | None, found: str, expected: str, **extra) -> None:
        where = f"trang {page}" if page else "văn bản"
        self.findings.append(self.rules.make(rule, where, found, expected, position=float(page or 0), **extra))

    # --- finding the DOCX's elements on the pages -------------------------------------------------
    def text(self, index: int | None) -> str | None:
        return self.anatomy.text(index) if index is not None else None

    def locate(self, text: str | None, *, start: int = 0, last: bool = False, page: int | None = None,
               whole: bool = False) -> tuple[int, Line] | None:
        """The PDF line showing `text` (the whole of it, or inside a longer line), else — unless
        `whole` — the line where it starts when it wraps. Returns (index in reading order, line)."""
        wanted = key(text or "")
        if not wanted:
            return None
        order = range(len(self.lines) - 1, start - 1, -1) if last else range(start, len(self.lines))
        candidates = [(i, self.lines[i]) for i in order if page is None or self.lines[i].page == page]
        for i, line in candidates:
            if wanted in line.key:
                return i, line
        starts = [(i, line) for i, line in candidates if len(line.key) >= min(len(wanted), 3)
                  and wanted.startswith(line.key)]
        for i, line in starts:  # blanks wider than a column gap ("Số:        /KH-UBND") split a line
            joined = self.join_row(line, wanted)
            if joined is not None:
                return i, joined
        if whole or not starts:
            return None
        return starts[0]

    def join_row(self, first: Line, wanted: str) -> Line | None:
        """`first` and the pieces to its right on the same text line, if together they show `wanted`."""
        row = sorted((ln for ln in self.pages[first.page - 1].lines
                      if ln.x0 > first.x0 and abs(ln.bottom - first.bottom) <= SAME_ROW_PT), key=lambda ln: ln.x0)
        text, last = first.text, first
        for piece in row:
            if not wanted.startswith(key(text + piece.text)):
                break
            text, last = f"{text} {piece.text}", piece
            if key(text) == wanted:
                return dataclasses.replace(first, text=text, x1=last.x1, bottom=max(first.bottom, last.bottom))
        return None

    def element(self, name: str, text: str | None, **kwargs) -> Line | None:
        if text is None:
            return None  # missing in the DOCX: the formatting checker reports it
        hit = self.locate(text, **kwargs)
        if hit is None:
            self.unlocated.append(name)
            return None
        return hit[1]


def _is_number_line(line: Line, page: Page, zone: tuple[float, float]) -> int | None:
    match = PAGE_NUMBER_RE.match(line.text)
    if match and (line.bottom <= zone[0] or line.top >= page.height - zone[1]):
        return int(match.group(1))
    return None


def check_paper(c: PageCheck) -> None:
    paper = rules().trang.kho_giay
    for page in c.pages:
        w, h = page.width / PT_PER_MM, page.height / PT_PER_MM
        portrait = abs(w - paper.rong_mm) <= PAPER_TOLERANCE_MM and abs(h - paper.cao_mm) <= PAPER_TOLERANCE_MM
        # PL-I I.2: a page holding a wide table may be turned; the first page never is.
        landscape = abs(h - paper.rong_mm) <= PAPER_TOLERANCE_MM and abs(w - paper.cao_mm) <= PAPER_TOLERANCE_MM
        if not (portrait or (landscape and page.number > 1)):
            c.add("ND30-TR1", page.number, f"trang in {fmt_number(w)} × {fmt_number(h)} mm",
                  f"A4 khổ dọc {fmt_number(paper.rong_mm)} × {fmt_number(paper.cao_mm)} mm")


def check_header(c: PageCheck) -> None:
    a = c.anatomy
    issuer_lines: list[Line] = []
    single = {}
    # Each of these is one line in the DOCX and must stay one line on the page (a cell that wraps).
    named = [("tên cơ quan ban hành", i) for i in a.issuer] + [
        ("Quốc hiệu", a.quoc_hieu), ("Tiêu ngữ", a.tieu_ngu), ("số, ký hiệu", a.so), ("địa danh, ngày tháng", a.date)]
    for name, index in named:
        text = c.text(index)
        line = c.element(name, text, page=1)
        if line is None:
            continue
        if key(text) not in line.key:
            c.add("ND30-TR3", 1, f"dòng {name} «{text}» bị xuống dòng, dòng đầu chỉ còn «{line.text}»",
                  f"{name} nằm trọn trên một dòng")
        if name == "tên cơ quan ban hành":
            issuer_lines.append(line)
        else:
            single[name] = line
    pairs = (("tên cơ quan ban hành", issuer_lines[0] if issuer_lines else None, "Quốc hiệu", single.get("Quốc hiệu")),
             ("số, ký hiệu", single.get("số, ký hiệu"), "địa danh, ngày tháng", single.get("địa danh, ngày tháng")))
    for left_name, left, right_name, right in pairs:
        if left is None or right is None:
            continue
        level = abs(left.top - right.top) <= SAME_LINE_PT
        if not (level and left.x1 < right.x0):
            c.add("ND30-TR2", 1, f"«{left.text}» cách mép trên {mm(left.top)} mm, từ {mm(left.x0)} mm đến "
                                f"{mm(left.x1)} mm; «{right.text}» cách mép trên {mm(right.top)} mm, "
                                f"từ {mm(right.x0)} mm",
                  f"{left_name} bên trái và {right_name} bên phải, trên cùng một hàng")
    if issuer_lines:
        check_issuer_rule(c, issuer_lines, single.get("số, ký hiệu"))


def check_issuer_rule(c: PageCheck, issuer: list[Line], number: Line | None) -> None:
    allowed = rules().duong_ke.co_quan_ban_hanh
    left, right = min(ln.x0 for ln in issuer), max(ln.x1 for ln in issuer)
    bottom = max(ln.bottom for ln in issuer)
    limit = number.top if number is not None and number.top > bottom else bottom + RULE_SEARCH_PT
    page = c.pages[0]
    drawn = [(r.x0, r.x1, r.top) for r in page.rules]
    typed = [(ln.x0, ln.x1, ln.top) for ln in page.lines if is_rule_text(ln.text)]
    below = sorted((r for r in drawn + typed if bottom - 1 <= r[2] <= limit and left <= (r[0] + r[1]) / 2 <= right),
                   key=lambda r: r[2])
    if not below:
        c.add("ND30-TR6", 1, "không thấy đường kẻ dưới tên cơ quan ban hành",
              f"đường kẻ liền, dài {allowed.describe()} độ rộng dòng chữ, căn giữa")
        return
    x0, x1, _ = below[0]
    width = max(ln.x1 - ln.x0 for ln in issuer)
    centre = (left + right) / 2
    ratio = (x1 - x0) / width if width else 0.0
    problems = []
    if not allowed.contains(ratio, RATIO_TOLERANCE):
        problems.append(f"dài {mm(x1 - x0)} mm, bằng {fmt_number(ratio * 100)}% độ rộng dòng chữ")
    if abs((x0 + x1) / 2 - centre) > CENTRE_TOLERANCE_MM * PT_PER_MM:
        problems.append(f"lệch {mm(abs((x0 + x1) / 2 - centre))} mm so với giữa tên cơ quan")
    if problems:
        c.add("ND30-TR6", 1, "đường kẻ " + ", ".join(problems),
              f"dài {fmt_number(allowed.tu * 100)}–{fmt_number(allowed.den * 100)}% độ rộng dòng chữ, căn giữa")


def appendix_starts(c: PageCheck, numbers: dict[int, Line]) -> list[int]:
    """Pages that open an appendix numbered on its own: their first line is the appendix heading
    ("Phụ lục", "Phụ lục II") — only when the rules table numbers appendices separately."""
    appendix = rules().phu_luc
    if not appendix.so_trang_rieng:
        return []
    heading = re.compile(rf"^{re.escape(appendix.chu)}(\s+[IVXLC]+)?$", re.IGNORECASE)
    out = []
    for page in c.pages[1:]:
        lines = [ln for ln in page.lines if ln is not numbers.get(page.number)]
        if lines and heading.match(min(lines, key=lambda ln: ln.top).text.strip()):
            out.append(page.number)
    return out


def check_page_numbers(c: PageCheck, numbers: dict[int, Line]) -> None:
    setup = rules().trang.so_trang
    first = numbers.get(1)
    if first is not None and setup.an_trang_dau:
        c.add("ND30-TR4", 1, f"trang 1 có số trang «{first.text}»", "không hiện số ở trang đầu")
    later = [p for p in c.pages if p.number > 1]
    if later and not any(p.number in numbers for p in later):
        c.add("ND30-TR5", later[0].number, "các trang từ trang 2 không có số trang",
              "số trang bằng chữ số Ả Rập, căn giữa ở lề trên, từ trang 2",
              severity=c.rules.severity("ND30-P5"))
        return
    body = [ln for ln in c.lines if all(ln is not n for n in numbers.values())]
    starts = appendix_starts(c, numbers)
    for page in later:
        line = numbers.get(page.number)
        same_width = [ln for ln in body if abs(c.pages[ln.page - 1].width - page.width) < 1]
        # an appendix numbered on its own (PL-I mục III) starts again at 1, its first page unnumbered
        start = max((s for s in starts if s <= page.number), default=1)
        want = page.number - start + 1
        if line is None:
            if want > 1:
                c.add("ND30-TR5", page.number, f"trang {page.number} không có số trang", "số trang ở lề trên")
            continue
        value = int(PAGE_NUMBER_RE.match(line.text).group(1))  # type: ignore[union-attr]
        problems = []
        if value != want:
            problems.append(f"trang {page.number} mang số «{line.text}»")
        if line.top > page.height / 2:
            problems.append("số trang ở lề dưới")
        if same_width:
            centre = (min(ln.x0 for ln in same_width) + max(ln.x1 for ln in same_width)) / 2
            if abs(line.centre - centre) > CENTRE_TOLERANCE_MM * PT_PER_MM:
                problems.append(f"số trang lệch {mm(abs(line.centre - centre))} mm so với giữa dòng chữ")
        if problems:
            c.add("ND30-TR5", page.number, "; ".join(problems),
                  f"số {want}, căn giữa ở lề trên")


def check_signature(c: PageCheck, numbers: dict[int, Line]) -> None:
    a = c.anatomy
    label_hit = c.locate(c.text(a.recipients_label), last=True, whole=True) if a.recipients_label is not None else None
    if a.recipients_label is not None and label_hit is None:
        c.unlocated.append("Nơi nhận")
    first_sig = c.element("dòng đầu chữ ký", c.text(a.signature[0]) if a.signature else None, last=True)
    signer = c.element("tên người ký", c.text(a.signer), last=True)
    label = label_hit[1] if label_hit else None
    if label is not None and first_sig is not None:
        if label.page != first_sig.page or abs(label.top - first_sig.top) > SAME_LINE_PT:
            c.add("ND30-TR7", first_sig.page,
                  f"«{label.text}» ở trang {label.page}, cách mép trên {mm(label.top)} mm; «{first_sig.text}» "
                  f"ở trang {first_sig.page}, cách mép trên {mm(first_sig.top)} mm",
                  "«Nơi nhận:» và dòng đầu của chữ ký bắt đầu trên cùng một dòng")
    block = [ln for ln in (label, first_sig, signer) if ln is not None]
    if label_hit is not None:
        for index in a.recipients:
            hit = c.locate(c.text(index), start=label_hit[0])
            if hit is not None:
                block.append(hit[1])
    for index in a.signature[1:]:
        line = c.element("chữ ký", c.text(index), last=True)
        if line is not None:
            block.append(line)
    if not block:
        return
    pages = sorted({ln.page for ln in block})
    if len(pages) > 1:
        c.add("ND30-TR8", pages[-1], f"khối «Nơi nhận» và chữ ký nằm trên các trang {', '.join(map(str, pages))}",
              "trọn khối trên một trang, cùng trang với đoạn cuối của phần nội dung")
    start = min(block, key=lambda ln: (ln.page, ln.top))
    if start.page > 1:
        above = [ln for ln in c.pages[start.page - 1].lines
                 if ln.bottom <= start.top + 1 and all(ln is not n for n in numbers.values())]
        if not above:
            c.add("ND30-TR9", start.page, f"khối chữ ký đứng riêng ở đầu trang {start.page}, "
                                         "không có dòng nào của phần nội dung đi cùng",
                  "đoạn cuối của phần nội dung ở cùng trang với chữ ký")


def check_margins(c: PageCheck, numbers: dict[int, Line]) -> None:
    margins = rules().trang.le_mm
    tol = MARGIN_TOLERANCE_MM * PT_PER_MM
    for page in c.pages:
        skip = numbers.get(page.number)
        ink = [b for b in page.ink if skip is None or not (skip.x0 - 1 <= b[0] and b[1] <= skip.x1 + 1
                                                          and skip.top - 1 <= b[2] and b[3] <= skip.bottom + 1)]
        if not ink:
            continue
        over = {
            "trái": margins.trai.tu * PT_PER_MM - min(b[0] for b in ink),
            "phải": max(b[1] for b in ink) - (page.width - margins.phai.tu * PT_PER_MM),
            "trên": margins.tren.tu * PT_PER_MM - min(b[2] for b in ink),
            "dưới": max(b[3] for b in ink) - (page.height - margins.duoi.tu * PT_PER_MM),
        }
        sides = [f"lề {side} {mm(v)} mm" for side, v in over.items() if v > tol]
        if sides:
            c.add("ND30-TR10", page.number, "chữ hoặc bảng tràn vào " + ", ".join(sides),
                  f"mọi nội dung trong lề (trên ≥ {fmt_number(margins.tren.tu)} mm, dưới ≥ "
                  f"{fmt_number(margins.duoi.tu)} mm, trái ≥ {fmt_number(margins.trai.tu)} mm, "
                  f"phải ≥ {fmt_number(margins.phai.tu)} mm)")


def page_numbers(c: PageCheck) -> dict[int, Line]:
    zone = (rules().trang.le_mm.tren.tu * PT_PER_MM, rules().trang.le_mm.duoi.tu * PT_PER_MM)
    out: dict[int, Line] = {}
    for page in c.pages:
        for line in page.lines:
            if _is_number_line(line, page, zone) is not None:
                out[page.number] = line
                break
    return out


def check_pages(pages: list[Page], anatomy: Anatomy) -> list[Finding]:
    c = PageCheck(pages, anatomy)
    if not pages:
        return []
    numbers = page_numbers(c)
    check_paper(c)
    check_header(c)
    check_page_numbers(c, numbers)
    check_signature(c, numbers)
    check_margins(c, numbers)
    if c.unlocated:
        names = list(dict.fromkeys(c.unlocated))
        c.add("ND30-TR11", None, "không tìm thấy trên trang in: " + ", ".join(names),
              "thấy được các thành phần này để kiểm tra bố cục trang")
    return merge(c.findings)
