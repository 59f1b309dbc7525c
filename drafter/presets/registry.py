"""The legal-basis registry (`presets/van-ban.yaml`): texts that plans cite, with their
effective dates and what amended or replaced them.

    reg = BasisRegistry.load()
    reg.get("nd-59-2023").citation().text()   # Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 …
    reg.by_number("61/2023/NĐ-CP")            # lookup by number, for the checker
    warnings_for("luat-tccqdp-2015", dt.date(2026, 3, 1))  # → ["… đã được thay thế …"]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from pathlib import Path
from typing import Literal


from drafter.errors import InputError, Location
from drafter.paths import PRESETS
from drafter.plan.citation import LAW_TYPES, Citation
from drafter.plan.text import Line, Strict
from drafter.units.normalize import tone_key
from drafter.vn import date_numeric
from drafter.yamlio import load_model

DEFAULT_PATH = PRESETS / "van-ban.yaml"


class LegalText(Citation):
    """One text of the registry: a Citation plus its id, dates in force and successors
    (field meanings: comments at the top of van-ban.yaml)."""

    id: Line
    hieu_luc: dt.date | None = None
    thay_the_boi: Line | None = None
    sua_doi_boi: list[Line] = []
    cach_dan: Literal["can_cu", "thuc_hien"] = "can_cu"
    tinh: Line | None = None

    @property
    def in_force_from(self) -> dt.date:
        return self.hieu_luc or self.ngay

    def citation(self) -> Citation:
        """The citation alone; a law is cited by name and date only (its number stays in the registry)."""
        law = self.is_law
        return Citation(loai=self.loai, so=None if law else self.so, ten=self.ten, ngay=self.ngay,
                        co_quan=None if law else self.co_quan, trich_yeu=None if law else self.trich_yeu,
                        kieu_ngay=self.kieu_ngay)

    def basis(self) -> dict:
        """A `can_cu` item of the answers format: `{can_cu: {loai, so, …}}`."""
        return {self.cach_dan: self.citation().model_dump(mode="json", exclude_none=True)}

    def describe(self) -> str:
        return f"{self.citation().text()}" + (f" (số {self.so})" if self.loai in LAW_TYPES and self.so else "")


class RegistryFile(Strict):
    van_ban: list[LegalText]


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", "", text)


class BasisRegistry:
    def __init__(self, texts: list[LegalText], path: Path | str | None = None):
        self.texts = texts
        self.path = path
        self._by_id: dict[str, LegalText] = {}
        self._by_no: dict[str, LegalText] = {}
        for i, t in enumerate(texts):
            if t.id in self._by_id:
                raise InputError(f"mã văn bản «{t.id}» bị lặp lại", Location(file=path, field=f"van_ban[{i}].id"))
            self._by_id[t.id] = t
            if t.so:
                self._by_no[_key(t.so)] = t
        for i, t in enumerate(texts):
            for field, refs in (("thay_the_boi", [t.thay_the_boi] if t.thay_the_boi else []), ("sua_doi_boi", t.sua_doi_boi)):
                for ref in refs:
                    if ref not in self._by_id:
                        raise InputError(f"không có văn bản mã «{ref}» trong danh mục",
                                         Location(file=path, field=f"van_ban[{i}].{field}"))

    @classmethod
    def load(cls, path: Path | str | None = None) -> "BasisRegistry":
        if path is None:
            return _default()
        data = load_model(RegistryFile, path)
        return cls(data.van_ban, path)

    def get(self, id_: str) -> LegalText:
        try:
            return self._by_id[id_]
        except KeyError:
            raise InputError(f"không có văn bản mã «{id_}» trong danh mục căn cứ",
                             Location(file=self.path),
                             hint="xem danh sách bằng lệnh «drafter bases»") from None

    def by_number(self, number: str) -> LegalText | None:
        """The text with this number/sign ("61/2023/NĐ-CP", "10/2022/QH15"), case and spaces ignored."""
        return self._by_no.get(_key(number))

    def find(self, ref: "str | Citation | dict") -> LegalText | None:
        """A text by id, number, or a Citation (number, or a law's name and date)."""
        if isinstance(ref, dict):
            ref = Citation.model_validate(ref)
        if isinstance(ref, str):
            return self._by_id.get(ref) or self.by_number(ref)
        if ref.so and (hit := self.by_number(ref.so)):
            return hit
        if ref.ten:
            for t in self.texts:
                if t.ten and _key(t.ten) == _key(ref.ten) and t.ngay == ref.ngay:
                    return t
        return None

    def for_province(self, province_name: str) -> list[LegalText]:
        """HĐND resolutions of a province (by the `tinh` field), newest first."""
        key = tone_key(province_name)
        hits = [t for t in self.texts if t.tinh and tone_key(t.tinh) == key]
        return sorted(hits, key=lambda t: t.ngay, reverse=True)

    def replaced_on(self, text: LegalText) -> tuple[LegalText, dt.date] | None:
        if not text.thay_the_boi:
            return None
        successor = self._by_id[text.thay_the_boi]
        return successor, successor.in_force_from

    def usable_on(self, text: LegalText, on: dt.date) -> bool:
        """Issued by that date and not yet replaced."""
        replaced = self.replaced_on(text)
        return text.ngay <= on and not (replaced and replaced[1] <= on)

    def warnings(self, ref: "str | Citation | dict", on: dt.date) -> list[str]:
        text = self.find(ref)
        if text is None:
            return []
        out: list[str] = []
        name = text.citation().text()
        replaced = self.replaced_on(text)
        if replaced and replaced[1] <= on:
            successor, since = replaced
            out.append(
                f"{name} đã được thay thế bởi {successor.citation().text()} từ ngày {date_numeric(since)}; "
                f"kế hoạch ngày {date_numeric(on)} nên căn cứ văn bản thay thế"
            )
        if text.ngay > on:
            out.append(f"{name} ban hành sau ngày kế hoạch ({date_numeric(on)}): kiểm tra lại ngày của căn cứ")
        return out

    def rows(self) -> list[tuple[str, str]]:
        return [(t.id, t.describe()) for t in self.texts]


@functools.lru_cache(maxsize=1)
def _default() -> BasisRegistry:
    data = load_model(RegistryFile, DEFAULT_PATH)
    return BasisRegistry(data.van_ban, DEFAULT_PATH)


def warnings_for(citation_or_id: "str | Citation | dict", plan_date: dt.date,
                 registry: BasisRegistry | None = None) -> list[str]:
    """Vietnamese warnings for citing this text in a plan of that date (replaced, not yet issued)."""
    return (registry or BasisRegistry.load()).warnings(citation_or_id, plan_date)


def list_bases(registry: BasisRegistry | None = None) -> list[tuple[str, str]]:
    """(id, Vietnamese description) of every registered text, for `drafter bases`."""
    return (registry or BasisRegistry.load()).rows()
