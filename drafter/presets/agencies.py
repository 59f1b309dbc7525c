"""Agency catalogues (`presets/co-quan/*.yaml`) by level and era, and the table of abolished
names (`presets/co-quan/bai-bo.yaml`).

    cat = catalogue_for("tinh", dt.date(2026, 1, 5))
    cat.resolve("so-quan-ly-bao-chi")        # → Sở Văn hóa, Thể thao và Du lịch (a role id)
    cat.resolve("ubmttq").name(ctx)          # "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Literal

from drafter.errors import InputError, Location
from drafter.paths import PRESETS
from drafter.plan.levels import REFORM_DATE
from drafter.plan.text import Line, Strict, Text
from drafter.yamlio import load_model

FOLDER = PRESETS / "co-quan"
ERA_BEFORE = "truoc-2025"
ERA_AFTER = "tu-2025"

# Nơi nhận order (reference §6): level above → Party, council → Mặt trận → leadership →
# tasked agencies → lower level → media → office units.
GROUPS = ("cap-tren", "dang", "hoi-dong", "mat-tran", "lanh-dao", "chuyen-mon",
          "luc-luong-vu-trang", "cap-duoi", "bao-chi", "van-phong")
Group = Literal["cap-tren", "dang", "hoi-dong", "mat-tran", "lanh-dao", "chuyen-mon",
                "luc-luong-vu-trang", "cap-duoi", "bao-chi", "van-phong"]


class _Fill(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace `{name}` placeholders that are known; leave the others (and `{@id}`) alone."""
    return text.format_map(_Fill(values)) if "{" in text else text


class Agency(Strict):
    id: Line
    ten: Line
    nhan: Line | None = None
    viet_tat: Line | None = None
    nhom: Group
    bi_danh: list[Line] = []
    mac_dinh: bool = False
    tuy_chon: bool = False
    ten_theo_loai: dict[str, Line] = {}
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    ghi_chu: Text | None = None

    def valid_on(self, on: dt.date | None) -> bool:
        if on is None:
            return True
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)

    def name(self, values: dict[str, str]) -> str:
        """Full name for the body text."""
        raw = self.ten_theo_loai.get(values.get("cap", ""), self.ten)
        return fill(raw, values)

    def recipient(self, values: dict[str, str]) -> str:
        """Short form for Nơi nhận, with its note: `Bộ Nội vụ (b/c)`."""
        base = fill(self.nhan, values) if self.nhan else self.name(values)
        base = base[:1].upper() + base[1:]
        return f"{base} {self.ghi_chu}" if self.ghi_chu else base


class Catalogue(Strict):
    cap: Literal["tinh", "xa"]
    thoi_ky: Literal["truoc-2025", "tu-2025"]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    van_phong: Line
    tu_ngu: dict[str, Line] = {}
    tu_ngu_theo_loai: dict[str, dict[str, Line]] = {}  # by unit type word: phường → its own words
    co_quan: list[Agency]

    def model_post_init(self, _ctx) -> None:
        ids = [a.id for a in self.co_quan]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"mã cơ quan bị lặp lại: {', '.join(dupes)}")
        if self.van_phong not in ids:
            raise ValueError(f"«van_phong: {self.van_phong}» không có trong danh sách co_quan")

    def resolve(self, ref: str, on: dt.date | None = None) -> Agency | None:
        """The agency with this id, or the one that takes this role (`bi_danh`) on that date."""
        for candidates in (
            [a for a in self.co_quan if a.id == ref],
            [a for a in self.co_quan if ref in a.bi_danh and a.valid_on(on)],
            [a for a in self.co_quan if ref in a.bi_danh],
        ):
            if candidates:
                return candidates[0]
        return None

    def office(self) -> Agency:
        return next(a for a in self.co_quan if a.id == self.van_phong)

    def order(self, agency: Agency) -> tuple[int, int]:
        return GROUPS.index(agency.nhom), self.co_quan.index(agency)


class Abolished(Strict):
    """A name no longer usable from `tu_ngay` on, with its other spellings and successor."""

    ten: Line
    cach_viet: list[Line] = []
    tu_ngay: dt.date
    thay_bang: Text = ""
    ly_do: Line
    muc_do: Literal["loi", "canh_bao"] = "loi"


class AbolishedFile(Strict):
    co_quan: list[Abolished]


def era_of(on: dt.date) -> str:
    return ERA_AFTER if on >= REFORM_DATE else ERA_BEFORE


def load_catalogue(path: Path | str) -> Catalogue:
    return load_model(Catalogue, path)


@functools.lru_cache(maxsize=16)
def _catalogue(level: str, era: str, folder: Path) -> Catalogue:
    path = folder / f"{level}-{'2025' if era == ERA_AFTER else 'truoc-2025'}.yaml"
    if not path.is_file():
        raise InputError(f"không có danh mục cơ quan cấp «{level}» thời kỳ «{era}»", Location(file=path))
    cat = load_catalogue(path)
    if cat.cap != level or cat.thoi_ky != era:
        raise InputError(f"tệp khai báo cap «{cat.cap}», thoi_ky «{cat.thoi_ky}»; cần «{level}», «{era}»",
                         Location(file=path, field="cap"))
    return cat


def catalogue_for(level: str, on: dt.date, folder: Path | None = None) -> Catalogue:
    """The catalogue of a level (`tinh`, `xa`) for a plan dated `on`."""
    return _catalogue(level, era_of(on), Path(folder or FOLDER))


@functools.lru_cache(maxsize=4)
def abolished(path: Path = FOLDER / "bai-bo.yaml") -> tuple[Abolished, ...]:
    return tuple(load_model(AbolishedFile, path).co_quan)


def abolished_in(lines: list[str], on: dt.date) -> list[tuple[str, Abolished]]:
    """(line, entry) for each abolished name that a plan dated `on` still uses."""
    hits = []
    for line in lines:
        low = line.casefold()
        for entry in abolished():
            if entry.tu_ngay <= on and any(name.casefold() in low for name in (entry.ten, *entry.cach_viet)):
                hits.append((line, entry))
    return hits
