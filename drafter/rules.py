"""The ND30 rules table (`presets/nd30.yaml`): every number of the decree, read by the template
builder and by the checker alike. Nothing else in the code may carry an ND30 number."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from drafter.paths import PRESETS
from drafter.yamlio import load_model

RULES_FILE = PRESETS / "nd30.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    tu: float | None = None
    den: float | None = None
    mac_dinh: float

    def contains(self, value: float, tolerance: float = 0.0) -> bool:
        low = self.tu if self.tu is not None else float("-inf")
        high = self.den if self.den is not None else float("inf")
        return low - tolerance <= value <= high + tolerance

    def describe(self, unit: str = "") -> str:
        def fmt(x: float) -> str:
            return f"{x:g}".replace(".", ",")
        if self.tu is not None and self.den is not None:
            if self.tu == self.den:
                return f"{fmt(self.tu)}{unit}"
            return f"{fmt(self.tu)}–{fmt(self.den)}{unit}"
        return f"{fmt(self.mac_dinh)}{unit}"


class Choice(_Strict):
    """A value that must be one of a few (not a range), within a measuring tolerance."""
    gia_tri: list[float]
    mac_dinh: float

    def contains(self, value: float, tolerance: float = 0.0) -> bool:
        return any(abs(value - v) <= tolerance for v in self.gia_tri)

    def describe(self, unit: str = "") -> str:
        return " hoặc ".join(f"{v:g}".replace(".", ",") + unit for v in self.gia_tri)


class Paper(_Strict):
    rong_mm: float
    cao_mm: float
    ngang_cho_bang: bool = False  # a section whose content is a table may be landscape (PL-I I.2)
    nguon: str


class Margins(_Strict):
    nguon: str
    tren: Range
    duoi: Range
    trai: Range
    phai: Range


class Font(_Strict):
    ten: str
    mau: list[str] = ["auto", "000000"]  # text colour: black ("auto" is black on white paper)
    nguon: str


class PageNumber(_Strict):
    co_chu: Range
    an_trang_dau: bool
    nguon: str


class Page(_Strict):
    kho_giay: Paper
    le_mm: Margins
    phong_chu: Font
    so_trang: PageNumber


class Element(_Strict):
    co_chu: Range
    dam: bool = False
    nghieng: bool = False
    in_hoa: bool = False
    van_ban: str | None = None
    nguon: str


class Elements(_Strict):
    co_quan_ban_hanh: Element
    quoc_hieu: Element
    tieu_ngu: Element
    so_ky_hieu: Element
    dia_danh_ngay: Element
    ten_loai: Element
    trich_yeu: Element
    can_cu: Element
    noi_dung: Element
    muc: Element
    khoan: Element
    khoan_cap_2: Element  # heading "1.1." (decimal numbering)
    khoan_cap_3: Element  # heading "1.1.1."
    tham_quyen_ky: Element
    nguoi_ky: Element
    noi_nhan_nhan: Element
    noi_nhan_muc: Element


class Scheme(_Strict):
    mo_ta: str  # the levels, as a reader sees them
    cap_khoan: int  # how many khoản levels may nest (1: "1."; 3: "1.", "1.1.", "1.1.1.")


class Numbering(_Strict):
    nguon: str
    mac_dinh: str
    kieu: dict[str, Scheme]


class Paragraphs(_Strict):
    nguon: str
    thut_dau_dong_cm: Choice
    cach_sau_pt: Range
    gian_dong: Range
    gian_dong_chinh_xac_pt: Range | None = None  # "exactly" line spacing, in pt (added for the checker)


class RuleRatio(Range):
    nguon: str


class RuleLines(_Strict):
    co_quan_ban_hanh: RuleRatio
    tieu_ngu: RuleRatio
    trich_yeu: RuleRatio


class Spacing(_Strict):
    """Space between blocks of the template, in pt (practice; ND30 does not set it)."""

    truoc_ten_loai: float
    sau_duong_ke: float
    truoc_so_ngay: float
    sau_tieu_de_phu_luc: float
    sau_ten_bang: float


class Layout(_Strict):
    nguon: str
    tieu_de_cot_trai_mm: Range
    tieu_de_cot_phai_mm: Range
    chu_ky_cot_trai_mm: Range
    chu_ky_cot_phai_mm: Range
    dong_trong_truoc_ten_nguoi_ky: Range
    bang_vuot_vung_chu_mm: Range | None = None  # how far a table may reach beyond the text area
    khoang_cach_pt: Spacing
    cao_dong_theo_co_chu: float  # a blank line's height as a multiple of the font size
    le_dau_chan_trang_mm: float  # header and footer distance from the paper's edge


class NumberSign(_Strict):
    ky_hieu: str
    so_duoi_them_0: int
    nguon: str


class DateRule(_Strict):
    ngay_duoi_them_0: int
    thang_them_0: list[int]
    nguon: str


class SizeSets(_Strict):
    """Sizes of some elements that must go together (one of `bo`, in the order of `thanh_phan`)."""
    thanh_phan: list[str]
    bo: list[list[float]]
    nguon: str


class Ending(_Strict):
    dau: str
    nguon: str


class AppendixRules(_Strict):
    nguon: str
    chu: str  # the word heading an appendix
    danh_so_tu: int  # number the appendices (I, II…) from this many on
    so_trang_rieng: bool  # page numbers restart in each appendix
    tieu_de: Element
    ten: Element
    kem_theo: Element
    duong_ke: RuleRatio


class TableRules(_Strict):
    nguon: str
    o: Element
    tieu_de_cot: Element
    ten_bang: Element
    le_o_mm: float


class ND30(_Strict):
    trang: Page
    thanh_phan: Elements
    danh_so: Numbering
    doan_van: Paragraphs
    duong_ke: RuleLines
    bo_cuc: Layout
    so_ky_hieu: NumberSign
    ngay_thang: DateRule
    ket_thuc: Ending
    phu_luc: AppendixRules
    bang: TableRules
    co_chu_dong_bo: SizeSets | None = None


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> ND30:
    return load_model(ND30, path)


def rules() -> ND30:
    """The rules table in force (bundled `presets/nd30.yaml`)."""
    return load_rules()
