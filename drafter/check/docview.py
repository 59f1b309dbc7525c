"""The document a DOCX check reads: paragraphs, units and anatomy, with the formatting helpers
the element, rule-line and body checks share (the look of a unit, its printed width), and the
check of one element's size, weight, slant, capitals and centring against the rules table."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.check.anatomy import Anatomy, Unit, analyse, short
from drafter.check.context import Context
from drafter.check.docx_reader import TWIPS_PER_MM, DocPara, Reader
from drafter.check.docx_units import docx_units
from drafter.check.formatting import DEFAULT_SIZE, Resolver, RunProps, W, align_words
from drafter.check.package import Package
from drafter.check.page_checks import fmt_number
from drafter.document.metrics import text_width_mm
from drafter.rules import Element

SIZE_TOLERANCE = 0.01  # pt
WORD_DEFAULT_TAB_TWIPS = 720  # Word's tab stop when settings.xml sets none (half an inch)


def default_tab_mm(pkg: Package) -> float:
    tab = pkg.settings.find(W + "defaultTabStop") if pkg.settings is not None else None
    try:
        if tab is not None and tab.get(W + "val"):
            return int(tab.get(W + "val")) / TWIPS_PER_MM
    except ValueError:
        pass
    return WORD_DEFAULT_TAB_TWIPS / TWIPS_PER_MM


@dataclass
class Look:
    sizes: list[float]
    bold: bool
    italic: bool
    upper: bool
    text: str


class DocView:
    """A checked document: paragraphs, units and anatomy, with formatting helpers."""

    def __init__(self, package: Package):
        self.package = package
        self.resolver = Resolver(package)
        self.reader = Reader(package, self.resolver)
        self.paras = self.reader.read()
        self.units = docx_units(self.paras)
        self.anatomy: Anatomy = analyse(self.units)
        self.ctx = Context(self.anatomy, text_mode=False)
        self.default_tab_mm = default_tab_mm(package)

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


def sizes_text(sizes: list[float]) -> str:
    return ", ".join(f"{fmt_number(s)} pt" for s in sizes)


def check_element(view: DocView, rule: str, i: int | None, element: Element, *, centred: bool = False,
                  case: bool = True, start: int | None = None, end: int | None = None) -> None:
    if i is None:
        return
    look = view.look(i, start, end)
    problems, wanted = [], []
    bad = [s for s in look.sizes if not element.co_chu.contains(s, SIZE_TOLERANCE)]
    if bad:
        problems.append(f"cỡ chữ {sizes_text(look.sizes)}")
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
