"""The administrative unit and the snapshot file format.

A snapshot file is JSON: a header (`format`, `era`, `source`...) and lists of units, each
`{"code", "name", "type", "province"?, "district"?, "new"?, "aliases"?}`. `era` is "2025"
(two levels since 1/7/2025: provinces and communes) or "truoc-2025" (63 provinces,
districts and communes before that date). See tools/make_units_snapshot.py.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Location, UnreadableFileError

ERA_2025 = "2025"
ERA_LEGACY = "truoc-2025"
ERAS = (ERA_2025, ERA_LEGACY)

PROVINCE = "tinh"
DISTRICT = "huyen"
COMMUNE = "xa"
LEVELS = (PROVINCE, DISTRICT, COMMUNE)
LEVEL_RANK = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}

FORMAT = 1
FILE_2025 = "don-vi-2025.json"
FILE_LEGACY = "don-vi-truoc-2025.json"

# (era, level) -> allowed type words, in the order messages list them; the JSON list that holds
# that level. The one table of which unit types exist when: drafter.plan.levels derives from it.
TYPE_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    (ERA_2025, PROVINCE): ("tỉnh", "thành phố"),
    (ERA_2025, COMMUNE): ("xã", "phường", "đặc khu"),
    (ERA_LEGACY, PROVINCE): ("tỉnh", "thành phố"),
    (ERA_LEGACY, DISTRICT): ("huyện", "quận", "thị xã", "thành phố"),
    (ERA_LEGACY, COMMUNE): ("xã", "phường", "thị trấn"),
}
SECTIONS = {PROVINCE: "provinces", DISTRICT: "districts", COMMUNE: "communes"}

# Nghị định 30/2020, Phụ lục II: "Thành phố Hồ Chí Minh" keeps its capital T.
_CAPITALISED_TYPE = {(PROVINCE, "Hồ Chí Minh")}


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit. `name` has no type word: "Bắc Nha Trang", "3"."""

    code: str
    name: str
    type_word: str
    level: str
    province_code: str | None = None
    era: str = ERA_2025
    district_code: str | None = None
    successors: tuple[str, ...] = ()  # legacy units: codes of the 2025 units they went into
    aliases: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """"phường Bắc Nha Trang", "tỉnh Khánh Hòa", "Thành phố Hồ Chí Minh"."""
        type_word = self.type_word
        if (self.level, self.name) in _CAPITALISED_TYPE:
            type_word = type_word[:1].upper() + type_word[1:]
        return f"{type_word} {self.name}"

    @property
    def legacy(self) -> bool:
        return self.era == ERA_LEGACY

    def __str__(self) -> str:
        return self.full_name


@dataclass(frozen=True)
class Snapshot:
    era: str
    source: dict[str, Any]
    units: tuple[Unit, ...]
    path: Path


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", " ".join(value.split()))


class _Reader:
    """Validates one snapshot file; every error names the file and the entry."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, Location(file=self.path, field=field))

    def read(self) -> Snapshot:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UnreadableFileError("không tìm thấy tệp danh mục đơn vị hành chính", Location(file=self.path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableFileError(f"không đọc được tệp danh mục đơn vị hành chính ({exc})", Location(file=self.path)) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"tệp danh mục đơn vị hành chính không phải JSON hợp lệ: {exc.msg}",
                Location(file=self.path, line=exc.lineno, column=exc.colno),
            ) from None
        if not isinstance(data, dict):
            raise self.fail("tệp danh mục đơn vị hành chính phải là một đối tượng JSON")
        if data.get("format") != FORMAT:
            raise self.fail(f"phiên bản định dạng «{data.get('format')}» không được hỗ trợ; cần {FORMAT}", "format")
        era = data.get("era")
        if era not in ERAS:
            raise self.fail(f"thời kỳ «{era}» không hợp lệ; phải là «{ERA_2025}» hoặc «{ERA_LEGACY}»", "era")
        source = data.get("source") if isinstance(data.get("source"), dict) else {}
        levels = (PROVINCE, COMMUNE) if era == ERA_2025 else (PROVINCE, DISTRICT, COMMUNE)
        units: list[Unit] = []
        known: dict[str, dict[str, Unit]] = {}
        for level in levels:
            known[level] = {}
            section = SECTIONS[level]
            entries = data.get(section)
            if not isinstance(entries, list) or (level == PROVINCE and not entries):
                raise self.fail(f"thiếu danh sách «{section}»", section)
            for index, entry in enumerate(entries):
                unit = self.unit(entry, era, level, f"{section}[{index}]", known)
                if unit.code in known[level]:
                    raise self.fail(f"mục {section}[{index}]: mã «{unit.code}» bị trùng", f"{section}[{index}].code")
                known[level][unit.code] = unit
                units.append(unit)
        return Snapshot(era=era, source=source, units=tuple(units), path=self.path)

    def text(self, entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        value = entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"mục {where}: thiếu «{key}» hoặc không phải chuỗi ký tự", f"{where}.{key}")
        return _nfc(value)

    def unit(self, entry: Any, era: str, level: str, where: str, known: dict[str, dict[str, Unit]]) -> Unit:
        if not isinstance(entry, dict):
            raise self.fail(f"mục {where} phải là một đối tượng JSON", where)
        code = self.text(entry, "code", where)
        name = self.text(entry, "name", where)
        where = f"{where} (mã {code})"
        type_word = (self.text(entry, "type", where) or "").lower()
        allowed = TYPE_WORDS[(era, level)]
        if type_word not in allowed:
            raise self.fail(
                f"mục {where}: loại «{type_word}» không hợp lệ; phải là một trong: {', '.join(sorted(allowed))}",
                f"{where}.type",
            )
        province = district = None
        if level != PROVINCE:
            province = self.text(entry, "province", where, required=level == DISTRICT or era == ERA_2025)
            if era == ERA_LEGACY and level == COMMUNE:
                district = self.text(entry, "district", where)
                if district not in known[DISTRICT]:
                    raise self.fail(f"mục {where}: không có huyện mã «{district}»", f"{where}.district")
                parent = known[DISTRICT][district].province_code
                if province is not None and province != parent:
                    raise self.fail(f"mục {where}: tỉnh «{province}» khác tỉnh của huyện «{district}»", f"{where}.province")
                province = parent
            if province not in known[PROVINCE]:
                raise self.fail(f"mục {where}: không có tỉnh mã «{province}»", f"{where}.province")
        return Unit(
            code=code or "",
            name=name or "",
            type_word=type_word,
            level=level,
            province_code=province,
            era=era,
            district_code=district,
            successors=self.codes(entry.get("new"), where),
            aliases=self.codes(entry.get("aliases"), where, key="aliases"),
        )

    def codes(self, value: Any, where: str, key: str = "new") -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"mục {where}: «{key}» phải là chuỗi hoặc danh sách chuỗi", f"{where}.{key}")
        return tuple(_nfc(v) for v in value)


def read_snapshot(path: Path) -> Snapshot:
    """Read and validate one snapshot file. Raises InputError naming the file and entry."""
    return _Reader(Path(path)).read()
