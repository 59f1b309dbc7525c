"""Formatting rules of a DOCX plan, on effective formatting (see formatting.py): fonts, sizes,
bold, italic, capitals and alignment of each element (PL-I II), the rules under the issuing
body, the motto and the subject (bordered paragraphs, drawn shapes, typed underscores), header
lines that would wrap in their cell, and the body paragraphs (PL-I II.6.e)."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.check.anatomy import KHOAN_RE, Anatomy, Unit, analyse, is_muc, is_rule_text
from drafter.check.appendix_checks import check_appendix_looks
from drafter.check.content_checks import check_content_rules
from drafter.check.context import Context
from drafter.check.docx_reader import TWIPS_PER_MM, DocPara, Reader
from drafter.check.docx_units import docx_units
from drafter.check.finding import Finding
from drafter.check.formatting import FONT_SLOTS, Resolver, RunProps, W, align_words
from drafter.check.package import Package
from drafter.check.page_checks import LINE_HEIGHT, fmt_number, part_paragraphs, part_references, section_properties, check_paper, check_page_numbers
from drafter.check.recognise import not_a_plan
from drafter.check.ruleset import merge
from drafter.check.text_checks import check_text_rules, short
from drafter.check.wording import check_wording
from drafter.check.docx_extra import check_docx_extra
from drafter.document.metrics import text_width_mm
from drafter.rules import Element, RuleRatio, rules

SIZE_TOLERANCE = 0.01  # pt
RATIO_TOLERANCE = 0.03  # of the text width: rules are drawn by hand, widths are estimates
INDENT_TOLERANCE_CM = 0.05
WRAP_TOLERANCE_MM = 0.3
DEFAULT_SIZE = 10.0  # Word's size when nothing sets one


@dataclass
class Look:
    sizes: list[float]
    bold: bool
    italic: bool
    upper: bool
    text: str


class DocView:
    default_tab_mm: float = 720 / TWIPS_PER_MM

    """A checked document: paragraphs, units and anatomy, with formatting helpers."""

    def __init__(self, package: Package):
        self.package = package
        self.resolver = Resolver(package)
        self.reader = Reader(package, self.resolver)
        self.paras = self.reader.read()
        self.units = docx_units(self.paras)
        self.anatomy: Anatomy = analyse(self.units)
        self.ctx = Context(self.anatomy, text_mode=False)

    def para(self, i: int) -> DocPara:
        return self.paras[self.units[i].para]

    def chars(self, unit: Unit, start: int | None = None, end: int | None = None) -> list[tuple[str, RunProps]]:
        para = self.paras[unit.para]
        lo, hi = unit.start if start is None else start, unit.end if end is None else end
        out = []
        for seg in para.segments_in(lo, hi):
            piece = para.text[max(seg.start, lo): min(seg.end, hi)]
            out.extend((c, seg.props) for c in piece if not c.isspace())
        return out

    def look(self, i: int, start: int | None = None, end: int | None = None) -> Look:
        unit = self.units[i]
        chars = self.chars(unit, start, end)
        sizes = sorted({p.size if p.size is not None else DEFAULT_SIZE for _, p in chars})
        shown = "".join(c.upper() if p.caps else c for c, p in chars)
        letters = [c for c in shown if c.isalpha()]
        return Look(
            sizes=sizes,
            bold=bool(chars) and all(p.bold for _, p in chars),
            italic=bool(chars) and all(p.italic for _, p in chars),
            upper=bool(letters) and all(c.isupper() for c in letters),
            text=unit.text,
        )

    def width_mm(self, i: int) -> float:
        """Printed width of a unit's text, run by run (bold, italic, size, capitals)."""
        unit = self.units[i]
        para = self.paras[unit.para]
        total = 0.0
        for seg in para.segments_in(unit.start, unit.end):
            piece = para.text[max(seg.start, unit.start): min(seg.end, unit.end)]
            if seg.props.caps:
                piece = piece.upper()
            total += text_width_mm(piece, seg.props.size or DEFAULT_SIZE, bold=seg.props.bold, italic=seg.props.italic)
        return total

    def tabbed(self, i: int) -> bool:
        group = self.units[i].group
        return isinstance(group, tuple) and group[:1] == ("tab",)


def _sizes(sizes: list[float]) -> str:
    return ", ".join(f"{fmt_number(s)} pt" for s in sizes)


def check_element(view: DocView, rule: str, i: int | None, element: Element, *, centred: bool = False,
                  case: bool = True, start: int | None = None, end: int | None = None) -> None:
    if i is None:
        return
    look = view.look(i, start, end)
    problems, wanted = [], []
    bad = [s for s in look.sizes if not element.co_chu.contains(s, SIZE_TOLERANCE)]
    if bad:
        problems.append(f"cỡ chữ {_sizes(look.sizes)}")
        wanted.append(f"cỡ chữ {element.co_chu.describe(' pt')}")
    if element.dam and not look.bold:
        problems.append("không đậm")
        wanted.append("chữ đậm")
    if element.nghieng and not look.italic:
        problems.append("không nghiêng")
        wanted.append("chữ nghiêng")
    if case and element.in_hoa and not look.upper:
        problems.append("chưa in hoa")
        wanted.append("in hoa")
    para = view.para(i)
    if centred and para.props.align != "center" and not view.tabbed(i):
        problems.append(align_words(para.props.align))
        wanted.append("căn giữa")
    if problems:
        view.ctx.add(rule, i, f"«{short(look.text, 45)}»: " + ", ".join(problems), ", ".join(wanted))


# -- element formatting ----------------------------------------------------------------------------


def check_elements(view: DocView) -> None:
    a, el = view.anatomy, rules().thanh_phan
    for i in a.issuer:
        check_element(view, "ND30-H1", i, el.co_quan_ban_hanh, centred=True)
    check_element(view, "ND30-H4", a.quoc_hieu, el.quoc_hieu, centred=True)
    check_element(view, "ND30-H5", a.tieu_ngu, el.tieu_ngu, centred=True)
    check_element(view, "ND30-S3", a.so, el.so_ky_hieu)
    check_element(view, "ND30-N2", a.date, el.dia_danh_ngay)
    check_element(view, "ND30-T1", a.title, el.ten_loai, centred=True)
    for i in a.subject:
        check_element(view, "ND30-T2", i, el.trich_yeu, centred=True)
    for i in a.bases:
        unit = view.units[i]
        cut = unit.text.find(";")
        end = unit.start + cut + 1 if 0 <= cut < len(unit.text) - 1 else None  # a lead-in may follow, upright
        check_element(view, "ND30-C1", i, el.can_cu, end=end)
    for i in a.body:
        text = view.units[i].text
        if is_muc(text):
            check_element(view, "ND30-M4", i, el.muc)
        elif KHOAN_RE.match(text) and not text.rstrip().endswith((".", ";", ":", "!", "?")):
            look = view.look(i)
            if not look.bold:
                view.ctx.add("ND30-M5", i, f"«{short(text, 45)}»: không đậm", "tiêu đề khoản in đậm")
    check_element(view, "ND30-R1", a.recipients_label, el.noi_nhan_nhan)
    for i in a.recipients:
        check_element(view, "ND30-R2", i, el.noi_nhan_muc)
    for i in a.signature:
        check_element(view, "ND30-K3", i, el.tham_quyen_ky, centred=True)
    check_element(view, "ND30-K4", a.signer, el.nguoi_ky, centred=True, case=False)


# -- rules under the issuing body, the motto and the subject ----------------------------------------


@dataclass(frozen=True)
class RuleLine:
    length_mm: float
    key: tuple  # identity, so that one drawn line is not claimed twice


def _rule_candidates(view: DocView, units: list[int], stop_units: list[int | None]) -> list[RuleLine]:
    """Rules that could sit under these units, nearest first."""
    if not units:
        return []
    paras = sorted({view.units[i].para for i in units})
    last = paras[-1]
    last_para = view.paras[last]
    stops = {view.units[s].para for s in stop_units if s is not None}
    out: list[RuleLine] = []
    if last_para.props.border_bottom:
        out.append(RuleLine(last_para.text_width_mm, ("border", last)))
    final = units[-1]
    chars = view.chars(view.units[final])
    if chars and all(p.underline for _, p in chars):
        out.append(RuleLine(view.width_mm(final), ("underline", final)))
    container = last_para.cell
    for j in range(last + 1, min(last + 4, len(view.paras))):
        para = view.paras[j]
        if para.cell is not container or para.in_text_box:
            break
        if j in stops:
            out.extend(RuleLine(x, ("shape", j, k)) for k, x in enumerate(para.drawn_lines))
            if para.props.border_top and j == last + 1:
                out.append(RuleLine(para.text_width_mm, ("top", j)))
            break
        if para.props.border_top and j == last + 1:
            out.append(RuleLine(para.text_width_mm, ("top", j)))
        if not para.text.strip() and para.props.border_bottom:
            out.append(RuleLine(para.text_width_mm, ("border", j)))
        if is_rule_text(para.text):
            size = para.segments[0].props.size if para.segments else DEFAULT_SIZE
            out.append(RuleLine(text_width_mm(para.text.strip(), size or DEFAULT_SIZE), ("typed", j)))
        out.extend(RuleLine(x, ("shape", j, k)) for k, x in enumerate(para.drawn_lines))
        if para.text.strip() and not is_rule_text(para.text):
            break
    for p in paras:
        out.extend(RuleLine(x, ("shape", p, k)) for k, x in enumerate(view.paras[p].drawn_lines))
    return out


def _ratio_check(view: DocView, rule: str, i: int, line: RuleLine, text_mm: float, allowed: RuleRatio) -> None:
    if text_mm <= 0:
        return
    ratio = line.length_mm / text_mm
    if not allowed.contains(ratio, RATIO_TOLERANCE):
        low, high = allowed.tu or 0, allowed.den or 0
        view.ctx.add(rule, i, f"{ratio:.0%} độ dài dòng chữ ({fmt_number(line.length_mm)} mm so với {fmt_number(text_mm)} mm)",
                     f"{low:.0%}–{high:.0%} độ dài dòng chữ".replace("%–", "–"))


def check_rules(view: DocView) -> None:
    a, ratios = view.anatomy, rules().duong_ke
    taken: set[tuple] = set()

    motto = [i for i in (a.quoc_hieu, a.tieu_ngu) if i is not None]
    if a.tieu_ngu is not None:
        candidates = _rule_candidates(view, motto, [a.date])
        width = view.width_mm(a.tieu_ngu)
        shapes_first = sorted(candidates, key=lambda c: (c.key[0] != "border" and c.key[0] != "top",
                                                         abs(c.length_mm - width)))
        line = candidates[0] if candidates and candidates[0].key[0] in ("border", "top", "underline") else \
            (shapes_first[0] if candidates else None)
        if line is None:
            view.ctx.add("ND30-H6", a.tieu_ngu, "không có đường kẻ dưới Tiêu ngữ",
                         "đường kẻ liền dưới Tiêu ngữ, dài bằng dòng chữ")
        else:
            taken.add(line.key)
            _ratio_check(view, "ND30-H7", a.tieu_ngu, line, width, ratios.tieu_ngu)

    if a.issuer:
        candidates = [c for c in _rule_candidates(view, a.issuer, [a.so]) if c.key not in taken]
        if not candidates:
            view.ctx.add("ND30-H2", a.issuer[-1], "không có đường kẻ dưới tên cơ quan ban hành",
                         "đường kẻ liền dưới tên cơ quan, dài 1/3 đến 1/2 dòng chữ, đặt giữa")
        else:
            width = max(view.width_mm(i) for i in a.issuer)
            _ratio_check(view, "ND30-H3", a.issuer[-1], candidates[0], width, ratios.co_quan_ban_hanh)

    if a.subject:
        stop = (a.preamble[:1] or a.body[:1] or [None])[0]
        candidates = [c for c in _rule_candidates(view, a.subject, [stop]) if c.key not in taken]
        if not candidates:
            view.ctx.add("ND30-T4", a.subject[-1], "không có đường kẻ dưới trích yếu",
                         "đường kẻ liền dưới trích yếu, dài 1/3 đến 1/2 dòng chữ, đặt giữa")
        else:
            width = max(view.width_mm(i) for i in a.subject)
            _ratio_check(view, "ND30-T5", a.subject[-1], candidates[0], width, ratios.trich_yeu)


# -- header lines that would wrap ------------------------------------------------------------------


def check_wrapping(view: DocView) -> None:
    a = view.anatomy
    for i in (a.quoc_hieu, a.tieu_ngu, a.so, a.date):
        if i is None or view.tabbed(i):
            continue
        para = view.para(i)
        first = max(para.props.first_line, 0)
        available = para.width_mm - (para.props.left + para.props.right + first) / TWIPS_PER_MM
        width = view.width_mm(i)
        if width > available + WRAP_TOLERANCE_MM:
            view.ctx.add("ND30-H8", i, f"«{short(view.units[i].text, 45)}» rộng khoảng {fmt_number(width)} mm, "
                         f"vùng chữ chỉ {fmt_number(available)} mm nên bị xuống dòng",
                         "nằm trên một dòng: nới rộng cột của bảng hoặc giảm cỡ chữ trong giới hạn cho phép")


# -- fonts ------------------------------------------------------------------------------------------


def check_fonts(view: DocView) -> None:
    name = rules().trang.phong_chu.ten
    want = name.casefold()
    paras = [(float(n), p) for n, p in enumerate(view.paras)]
    for sect in section_properties(view.package):
        for kind in ("header", "footer"):
            for part in part_references(view.package, sect, kind).values():
                paras.extend((-1.0, p) for p in part_paragraphs(view.reader, part, "đầu trang" if kind == "header" else "chân trang"))
    for position, para in paras:
        for seg in para.segments:
            if not seg.text.strip():
                continue
            fonts = seg.props.fonts
            visible = ("ascii", "hAnsi", "eastAsia") if seg.props.hint == "eastAsia" else ("ascii", "hAnsi")
            for slot in visible:
                font = fonts[FONT_SLOTS.index(slot)]
                if font is None or font.strip().casefold() != want:
                    shown = f"«{font}»" if font else "không đặt (máy tự chọn)"
                    view.ctx.add("ND30-F1", para.where, shown, name, position=position)
                    break
            for slot, label in (("eastAsia", "chữ Đông Á (eastAsia)"), ("cs", "chữ phức hợp (cs)")):
                if slot in visible:
                    continue
                font = fonts[FONT_SLOTS.index(slot)]
                if font is None or font.strip().casefold() != want:
                    shown = f"«{font}»" if font else "không đặt"
                    view.ctx.add("ND30-F2", para.where, f"phông cho {label}: {shown}",
                                 f"{name} ở cả bốn ô phông (ascii, hAnsi, eastAsia, cs)", position=position)


# -- body paragraphs ---------------------------------------------------------------------------------


def _body_paragraphs(view: DocView) -> list[int]:
    a = view.anatomy
    seen: list[int] = []
    for i in a.preamble + a.body:
        p = view.units[i].para
        para = view.paras[p]
        if para.cell is None and not para.in_text_box and p not in seen:
            seen.append(p)
    return seen


def _first_line_cm(view: DocView, para: DocPara) -> float:
    props = para.props
    first = props.first_line
    if props.first_line_chars:
        size = max((s.props.size or DEFAULT_SIZE for s in para.segments), default=DEFAULT_SIZE)
        first = int(props.first_line_chars / 100 * size * 20)
    offset_mm = (props.left + first) / TWIPS_PER_MM
    lead = para.text[: len(para.text) - len(para.text.lstrip())]
    if lead:
        tabs = lead.count("\t")
        size = para.segments[0].props.size if para.segments else DEFAULT_SIZE
        offset_mm += tabs * view.default_tab_mm + text_width_mm(lead.replace("\t", ""), size or DEFAULT_SIZE)
    return offset_mm / 10


def _heading_paragraphs(view: DocView) -> set[int]:
    out: set[int] = set()
    for i in view.anatomy.body:
        text = view.units[i].text
        if is_muc(text) or (KHOAN_RE.match(text) and not text.rstrip().endswith((".", ";", ":", "!", "?"))):
            out.add(view.units[i].para)
    return out


def check_body(view: DocView) -> None:
    table, el = rules().doan_van, rules().thanh_phan.noi_dung
    view.default_tab_mm = _default_tab_mm(view.package)
    paragraphs = _body_paragraphs(view)
    headings = _heading_paragraphs(view)  # Mục / khoản titles: flush left or indented, both seen
    for n, p in enumerate(paragraphs):
        para = view.paras[p]
        props = para.props
        where = para.where
        sizes = sorted({s.props.size if s.props.size is not None else DEFAULT_SIZE
                        for s in para.segments if s.text.strip()})
        bad = [s for s in sizes if not el.co_chu.contains(s, SIZE_TOLERANCE)]
        if bad:
            view.ctx.add("ND30-D1", where, _sizes(bad), el.co_chu.describe(" pt"), position=p)
        size = max(sizes, default=DEFAULT_SIZE)
        text = para.text.strip()
        available = para.text_width_mm - max(props.first_line, 0) / TWIPS_PER_MM
        wraps = _wider_than(text, size, available)
        if wraps and props.align != "justify":
            view.ctx.add("ND30-D2", where, align_words(props.align), "căn đều hai lề", position=p)
        if props.align != "center" and p not in headings:
            indent = _first_line_cm(view, para)
            if not table.thut_dau_dong_cm.contains(indent, INDENT_TOLERANCE_CM):
                view.ctx.add("ND30-D3", where, f"{fmt_number(indent)} cm", table.thut_dau_dong_cm.describe(" cm"), position=p)
        spacing = _line_spacing_problem(props, size)
        if spacing:
            view.ctx.add("ND30-D5", where, spacing[0], spacing[1], position=p)
        if n + 1 < len(paragraphs):
            nxt = paragraphs[n + 1]
            if nxt != p + 1:
                continue  # an empty paragraph or a table in between gives the space
            following = view.paras[nxt].props
            gap = props.after + following.before
            if props.contextual and following.contextual and props.style_id == following.style_id:
                gap = 0
            minimum = table.cach_sau_pt.tu or 0
            if gap / 20 + 0.5 < minimum:
                view.ctx.add("ND30-D4", where, f"{fmt_number(gap / 20)} pt", f"tối thiểu {fmt_number(minimum)} pt giữa hai đoạn",
                             position=p)


NARROWEST_GLYPH_EM = 0.25  # space and full stop in Times New Roman
WIDEST_GLYPH_EM = 1.0


def _wider_than(text: str, size: float, available_mm: float) -> bool:
    """Whether the text needs more than one line; measured only when the bounds cannot tell."""
    em_mm = size * 25.4 / 72
    if len(text) * NARROWEST_GLYPH_EM * em_mm > available_mm:
        return True
    if len(text) * WIDEST_GLYPH_EM * em_mm <= available_mm:
        return False
    return text_width_mm(text, size) > available_mm


def _line_spacing_problem(props, size: float) -> tuple[str, str] | None:
    """(found, expected) when the line spacing is outside PL-I II.6.e: single to 1.5 lines, or
    "exactly" at least the rules table's minimum in points."""
    table = rules().doan_van
    lines, exact = table.gian_dong, table.gian_dong_chinh_xac_pt
    wanted = f"từ {fmt_number(lines.tu or 1)} đến {fmt_number(lines.den or 1.5)} dòng"
    if exact is not None and exact.tu is not None:
        wanted += f", hoặc chính xác (exactly) từ {fmt_number(exact.tu)} pt"
    if props.line is None:
        return None
    if props.line_rule == "auto":
        multiple = props.line / 240
        if lines.contains(multiple, 0.02):
            return None
        return f"{fmt_number(multiple)} dòng", wanted
    pt = props.line / 20
    multiple = pt / (size * LINE_HEIGHT)
    high_ok = multiple <= (lines.den or 1.5) + 0.02
    low_ok = props.line_rule == "atLeast" or multiple >= (lines.tu or 1) - 0.02 \
        or (exact is not None and exact.tu is not None and pt >= exact.tu - 0.05)
    if high_ok and low_ok:
        return None
    return f"{fmt_number(pt)} pt (khoảng {fmt_number(multiple)} dòng)", wanted


def _default_tab_mm(pkg: Package) -> float:
    tab = pkg.settings.find(W + "defaultTabStop") if pkg.settings is not None else None
    try:
        if tab is not None and tab.get(W + "val"):
            return int(tab.get(W + "val")) / TWIPS_PER_MM
    except ValueError:
        pass
    return 720 / TWIPS_PER_MM


def check_package(package: Package) -> list[Finding]:
    view = DocView(package)
    if (unrecognised := not_a_plan(view.anatomy)) is not None:
        return unrecognised
    ctx = view.ctx
    check_paper(ctx, package)
    check_page_numbers(ctx, package, view.reader, view.paras)
    check_fonts(view)
    check_text_rules(ctx)
    check_elements(view)
    check_rules(view)
    check_wrapping(view)
    check_body(view)
    check_appendix_looks(view)
    check_content_rules(ctx)
    check_wording(ctx)
    check_docx_extra(view)
    return merge(ctx.findings)
