"""The plan model: everything a KH-UBND holds, validated. Loaded from an answers file
(`drafter.answers`), laid out into numbered paragraphs (`drafter.plan.layout`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Union

from pydantic import AliasChoices, Field, field_validator, model_validator

from drafter.labels import labels
from drafter.plan.appendix import Appendices, appendix_problem
from drafter.plan.body import Node, TaskLabels, TaskStyle, body_size_problem
from drafter.plan.citation import Citation
from drafter.plan.levels import TYPE_WORDS, Level, era_problem
from drafter.plan.numbering import SchemeName, nesting_problem, sequence_problem
from drafter.plan.text import Line, Strict, Text
from drafter.rules import rules
from drafter.vn import capitalize_first

FORMAT_VERSION = 1
YEAR_MIN, YEAR_MAX = 1945, 2100  # the plausible years of a plan (the Republic's first decrees on)

BasisBody = Union[Line, Citation]


class Issuer(Strict):
    """The issuing People's Committee: its level, the type word and name of its unit."""

    cap: Level
    loai: Line  # type word: tỉnh, thành phố, xã, phường, đặc khu (huyện, quận, thị xã, thị trấn before 2025)
    ten: Line  # name without the type word: "Bình Dương", "Bắc Nha Trang", "3"
    ma: Line | None = None  # official unit code
    ten_co_quan: Line = Field(default_factory=lambda: labels().ten_co_quan)
    dia_danh: Line | None = None  # place on the date line; default from the unit (ND30 PL-I II.4.a)

    @model_validator(mode="after")
    def _type_fits_level(self) -> "Issuer":
        allowed = TYPE_WORDS[self.cap]
        if self.loai not in allowed:
            raise ValueError(f"loại đơn vị «{self.loai}» không thuộc cấp «{self.cap}»; chấp nhận: {', '.join(allowed)}")
        return self

    @property
    def unit_name(self) -> str:
        """`tỉnh Bình Dương`, `phường Bắc Nha Trang`."""
        return f"{self.loai} {self.ten}"

    @property
    def place(self) -> str:
        """ND30 PL-I II.4.a: the unit's name; a unit named by a number keeps its type word."""
        if self.dia_danh:
            return self.dia_danh
        if self.ten[:1].isdigit():
            return capitalize_first(self.unit_name)
        return self.ten


class Basis(Strict):
    """One line of the preamble: exactly one of can_cu, thuc_hien, theo_de_nghi."""

    can_cu: BasisBody | None = None
    thuc_hien: BasisBody | None = None
    theo_de_nghi: BasisBody | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Basis":
        given = [k for k in ("can_cu", "thuc_hien", "theo_de_nghi") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("mỗi căn cứ có đúng một khóa: can_cu, thuc_hien hoặc theo_de_nghi")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in ("can_cu", "thuc_hien", "theo_de_nghi") if getattr(self, k) is not None)

    @property
    def body(self) -> BasisBody:
        return getattr(self, self.kind)

    @property
    def citation(self) -> Citation | None:
        return self.body if isinstance(self.body, Citation) else None


class Signature(Strict):
    """ND30 Điều 13: TM. (on behalf of the committee), KT. (a vice-chairman signs for the chairman)."""

    thay_mat: bool = True
    hinh_thuc: Literal["chu_tich", "ky_thay", "quyen"] = "chu_tich"
    chuc_vu: Line | None = None  # override of the last title line, e.g. PHÓ CHỦ TỊCH THƯỜNG TRỰC
    nguoi_ky: Text = ""


class Plan(Strict):
    phien_ban: Literal[1] = FORMAT_VERSION
    co_quan: Issuer
    so: int | None = Field(default=None, ge=1)
    ky_hieu: Line = Field(default_factory=lambda: rules().so_ky_hieu.ky_hieu)
    ngay: dt.date | None = None
    thang: int | None = Field(default=None, ge=1, le=12)  # draft: month known, day blank
    nam: int | None = Field(default=None, ge=YEAR_MIN, le=YEAR_MAX)  # draft: year only
    ten_loai: Line = Field(default_factory=lambda: labels().ten_loai)
    trich_yeu: list[Line] = Field(min_length=1)
    can_cu: list[Basis] = []
    dan_nhap: Text | None = None
    # The lead-in continues the last basis paragraph after this mark ("…;  Ủy ban nhân dân tỉnh
    # ban hành …"), instead of a paragraph of its own. Old name: dan_nhap_noi_tiep.
    dan_nhap_sau_can_cu_cuoi: Literal[";", ","] | None = Field(
        default=None, validation_alias=AliasChoices("dan_nhap_sau_can_cu_cuoi", "dan_nhap_noi_tiep"))
    nhan_nhiem_vu: TaskLabels | None = None
    trinh_bay_nhiem_vu: TaskStyle | None = None  # task roles as "- " lines (default) or a), b)
    danh_so: SchemeName | None = None  # numbering scheme (drafter.plan.numbering); default co_ban
    noi_dung: list[Node] = Field(min_length=1)
    ket_luan: Text | None = None
    noi_nhan: list[Line] = []
    luu: Line = "VT"
    ghi_chu_luu: Line | None = None  # printed under "Lưu: VT, …": copies, drafter's initials ("08 KH")
    chu_ky: Signature
    phu_luc: Appendices = []

    @model_validator(mode="before")
    @classmethod
    def _single_subject_line(cls, data):
        if isinstance(data, dict) and isinstance(data.get("trich_yeu"), str):
            data = dict(data)
            data["trich_yeu"] = [data["trich_yeu"]]
        return data

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _bounded_body(cls, value):
        problem = body_size_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("ngay")
    @classmethod
    def _plausible_year(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not YEAR_MIN <= value.year <= YEAR_MAX:
            raise ValueError(f"năm {value.year} không hợp lệ; chấp nhận từ {YEAR_MIN} đến {YEAR_MAX}")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> "Plan":
        if self.ngay is not None:
            if self.thang is not None or self.nam is not None:
                raise ValueError("đã có «ngay» thì bỏ «thang» và «nam» (chỉ dùng cho bản dự thảo chưa có ngày)")
        elif self.nam is None:
            raise ValueError("cần «ngay» (ví dụ 2025-10-31) hoặc, với bản dự thảo, ít nhất «nam»")
        if self.dan_nhap_sau_can_cu_cuoi and not (self.dan_nhap and self.can_cu):
            raise ValueError("«dan_nhap_sau_can_cu_cuoi» cần có «dan_nhap» và ít nhất một căn cứ")
        problem = era_problem(self.co_quan.cap, self.co_quan.loai, self.era_date) or nesting_problem(self) \
            or sequence_problem(self.noi_dung, self.trinh_bay_nhiem_vu) \
            or appendix_problem(self.phu_luc, self.noi_dung)
        if problem:
            raise ValueError(problem)
        return self

    @property
    def year(self) -> int:
        return self.ngay.year if self.ngay else self.nam  # type: ignore[return-value]

    @property
    def era_date(self) -> dt.date | None:
        """The date that decides which administrative structure applies (None if undecidable)."""
        if self.ngay:
            return self.ngay
        if self.thang:
            return dt.date(self.year, self.thang, 1)
        if self.year != 2025:
            return dt.date(self.year, 1, 1)
        return None
