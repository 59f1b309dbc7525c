"""A cited text (Luật, Nghị định, Quyết định…) and its ND30 citation form (PL-I II.6):
a law by name and date without its number; other texts by type, number, date, issuer, subject."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import model_validator

from drafter.plan.text import Line, Strict, Text
from drafter.vn import date_numeric, date_words

LAW_TYPES = ("Luật", "Bộ luật", "Hiến pháp")


class Citation(Strict):
    loai: Line
    so: Line | None = None
    ten: Line | None = None
    ngay: dt.date
    co_quan: Line | None = None
    trich_yeu: Text | None = None
    kieu_ngay: Literal["chu", "so"] = "chu"

    @model_validator(mode="after")
    def _complete(self) -> "Citation":
        if self.loai in LAW_TYPES:
            if not self.ten:
                raise ValueError(f"{self.loai} được trích dẫn theo tên và ngày: cần trường «ten»")
        elif not self.so:
            raise ValueError(f"{self.loai} được trích dẫn theo số, ký hiệu: cần trường «so»")
        return self

    @property
    def is_law(self) -> bool:
        return self.loai in LAW_TYPES

    def text(self) -> str:
        when = date_words(self.ngay) if self.kieu_ngay == "chu" else f"ngày {date_numeric(self.ngay)}"
        if self.is_law:
            return f"{self.loai} {self.ten} {when}"
        parts = [self.loai, f"số {self.so}", when]
        if self.co_quan:
            parts.append(f"của {self.co_quan}")
        if self.trich_yeu:
            parts.append(self.trich_yeu)
        return " ".join(parts)
