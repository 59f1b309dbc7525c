"""Effective formatting of runs and paragraphs, resolved the way Word does: direct formatting →
character style chain → paragraph style chain → table style → numbering (indents) → document
defaults (docDefaults rPrDefault / pPrDefault), theme fonts looked up in the theme part.

python-docx returns None for every inherited value, so the checker cannot use `run.font.size`:
this module walks the chains itself, once per style combination (cached), and only parses the
direct properties of each run. Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3:
the leaf-most value of each style chain, XOR-ed across table, paragraph and character styles,
direct formatting winning outright. The properties themselves are parsed in props.py (their
names stay importable from here)."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from drafter.check.package import Package
from drafter.check.props import (  # noqa: F401
    A, DEFAULT_SIZE, FONT_SLOTS, TOGGLES, TWIPS_PER_PT, W, ParaProps, RunProps, _int, align_words, parse_ppr, parse_rpr,
    twips,
)


class Resolver:
    """Formatting resolution for one document; caches per style combination."""

    def __init__(self, package: Package):
        self.package = package
        sheet = package.styles
        self.sheet = sheet
        ids = sheet.defaults_ids if sheet is not None else {}
        self.default_para: str | None = ids.get("paragraph")
        self.default_char: str | None = ids.get("character")
        self.default_table: str | None = ids.get("table")
        defaults = sheet.doc_defaults if sheet is not None else None
        rpr = defaults.find(W + "rPrDefault/" + W + "rPr") if defaults is not None else None
        ppr = defaults.find(W + "pPrDefault/" + W + "pPr") if defaults is not None else None
        self.default_rpr = parse_rpr(rpr)
        self.default_ppr = parse_ppr(ppr)
        self.theme = self._theme_fonts()
        self.numbering = self._numbering()
        self._chains: dict[tuple[str | None, str], list[Any]] = {}
        self._style_run: dict[tuple, dict] = {}
        self._style_para: dict[tuple, dict] = {}
        self._num_ind: dict[tuple, dict] = {}

    # -- parts -------------------------------------------------------------------------------

    def _theme_fonts(self) -> dict[str, dict[str, str]]:
        root = self.package.theme
        if root is None:
            return {}
        out: dict[str, dict[str, str]] = {}
        for kind in ("major", "minor"):
            font = root.find(f".//{A}{kind}Font")
            if font is None:
                continue
            out[kind] = {}
            for script in ("latin", "ea", "cs"):
                el = font.find(A + script)
                out[kind][script] = el.get("typeface", "") if el is not None else ""
        return out

    def _numbering(self):
        return self.package.numbering

    def theme_font(self, name: str) -> str:
        kind = "major" if name.startswith("major") else "minor"
        script = "ea" if name.endswith("EastAsia") else "cs" if name.endswith("Bidi") else "latin"
        typeface = self.theme.get(kind, {}).get(script, "")
        return typeface or f"(phông chủ đề {name})"

    # -- style chains --------------------------------------------------------------------------

    def chain(self, style_id: str | None, kind: str) -> list[Any]:
        """Style elements from the root of the basedOn chain to `style_id` (leaf last)."""
        key = (style_id, kind)
        if key in self._chains:
            return self._chains[key]
        out: list[Any] = []
        seen: set[str] = set()
        sid = style_id
        while sid and sid not in seen and len(out) < 30:
            seen.add(sid)
            style = self.sheet.style(sid) if self.sheet is not None else None
            if style is None:
                break
            out.append(style)
            based = style.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        out.reverse()
        self._chains[key] = out
        return out

    def _chain_rpr(self, style_id: str | None, kind: str) -> list[dict]:
        return [parse_rpr(s.find(W + "rPr")) for s in self.chain(style_id, kind)]

    def _chain_ppr(self, style_id: str | None, kind: str) -> list[dict]:
        return [parse_ppr(s.find(W + "pPr")) for s in self.chain(style_id, kind)]

    def style_run(self, pstyle: str | None, cstyle: str | None, tstyle: str | None) -> dict:
        key = (pstyle, cstyle, tstyle)
        cached = self._style_run.get(key)
        if cached is not None:
            return cached
        groups = [self._chain_rpr(tstyle, "table"), self._chain_rpr(pstyle, "paragraph"),
                  self._chain_rpr(cstyle, "character")]
        merged: dict[str, Any] = {k: v for k, v in self.default_rpr.items() if k not in TOGGLES}
        for group in groups:
            for level in group:
                merged.update({k: v for k, v in level.items() if k not in TOGGLES and k != "rStyle"})
        for toggle in TOGGLES:
            values = []
            for group in groups:
                leaf = next((lvl[toggle] for lvl in reversed(group) if toggle in lvl), None)
                if leaf is not None:
                    values.append(leaf)
            if values:
                result = False
                for v in values:
                    result ^= v
                merged[toggle] = result
            else:
                merged[toggle] = self.default_rpr.get(toggle, False)
        self._style_run[key] = merged
        return merged

    def run_props(self, r_el, pstyle: str | None, tstyle: str | None) -> RunProps:
        direct = parse_rpr(r_el.find(W + "rPr"))
        cstyle = direct.get("rStyle") or self.default_char
        props = dict(self.style_run(pstyle, cstyle, tstyle))
        props.update({k: v for k, v in direct.items() if k != "rStyle"})
        fonts = []
        for slot in FONT_SLOTS:
            value = props.get(slot)
            if value is None:
                fonts.append(None)
            elif value[0] == "theme":
                fonts.append(self.theme_font(value[1]))
            else:
                fonts.append(value[1])
        size = props.get("sz")
        return RunProps(
            fonts=tuple(fonts),  # type: ignore[arg-type]
            size=size / 2 if size is not None else None,
            bold=bool(props.get("b")),
            italic=bool(props.get("i")),
            caps=bool(props.get("caps")),
            hidden=bool(props.get("vanish")),
            underline=bool(props.get("u")),
            hint=props.get("hint"),
            color=props.get("color"),
        )

    # -- paragraphs ------------------------------------------------------------------------------

    def _numbering_ppr(self, num: tuple[str | None, int | None]) -> dict:
        if num in self._num_ind:
            return self._num_ind[num]
        out: dict = {}
        num_id, ilvl = num
        root = self.numbering
        if root is not None and num_id and num_id != "0":
            level = ilvl or 0
            inst = next((n for n in root.iterchildren(W + "num") if n.get(W + "numId") == num_id), None)
            lvl = None
            if inst is not None:
                for override in inst.iterchildren(W + "lvlOverride"):
                    if _int(override.get(W + "ilvl")) == level:
                        lvl = override.find(W + "lvl")
                abstract = inst.find(W + "abstractNumId")
                if lvl is None and abstract is not None:
                    abs_id = abstract.get(W + "val")
                    node = next((a for a in root.iterchildren(W + "abstractNum")
                                 if a.get(W + "abstractNumId") == abs_id), None)
                    if node is not None:
                        lvl = next((lv for lv in node.iterchildren(W + "lvl")
                                    if _int(lv.get(W + "ilvl")) == level), None)
            if lvl is not None:
                parsed = parse_ppr(lvl.find(W + "pPr"))
                out = {k: v for k, v in parsed.items() if k in ("left", "right", "first", "first_chars")}
        self._num_ind[num] = out
        return out

    def style_para(self, pstyle: str | None, tstyle: str | None) -> dict:
        key = (pstyle, tstyle)
        cached = self._style_para.get(key)
        if cached is None:
            cached = dict(self.default_ppr)
            for level in self._chain_ppr(tstyle, "table") + self._chain_ppr(pstyle, "paragraph"):
                cached.update(level)
            self._style_para[key] = cached
        return cached

    def para_props(self, p_el, tstyle: str | None = None) -> ParaProps:
        direct = parse_ppr(p_el.find(W + "pPr"))
        pstyle = direct.get("pStyle") or self.default_para
        props = dict(self.style_para(pstyle, tstyle))
        num = direct.get("numPr") or props.get("numPr")
        if num:
            props.update(self._numbering_ppr(num))
        props.update(direct)
        return ParaProps(
            align=props.get("jc", "left"),
            left=props.get("left", 0),
            right=props.get("right", 0),
            first_line=props.get("first", 0),
            first_line_chars=props.get("first_chars"),
            before=props.get("before", 0),
            after=props.get("after", 0),
            line=props.get("line"),
            line_rule=props.get("lineRule", "auto"),
            contextual=bool(props.get("contextual")),
            border_bottom=bool(props.get("border_bottom")),
            border_top=bool(props.get("border_top")),
            style_id=pstyle,
        )

    def style_name(self, style_id: str | None) -> str | None:
        style = self.sheet.style(style_id) if self.sheet is not None and style_id else None
        if style is None:
            return None
        name = style.find(W + "name")
        return name.get(W + "val") if name is not None else style_id


def paragraph_style_id(p_el) -> str | None:
    ppr = p_el.find(W + "pPr")
    if ppr is None:
        return None
    style = ppr.find(W + "pStyle")
    return style.get(W + "val") if style is not None else None


def table_style_id(tbl_el) -> str | None:
    pr = tbl_el.find(W + "tblPr")
    if pr is None:
        return None
    style = pr.find(W + "tblStyle")
    return style.get(W + "val") if style is not None else None


__all__ = ["Resolver", "RunProps", "ParaProps", "W", "qn", "FONT_SLOTS", "paragraph_style_id", "table_style_id"]
