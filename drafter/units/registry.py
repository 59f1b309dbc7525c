"""Load the unit snapshot and look units up by a forgiving name.

    reg = UnitRegistry.load()                      # bundled snapshot, cached
    reg.find("bac nha trang")                      # → phường Bắc Nha Trang
    reg.find("Tân Định", province="Bắc Ninh")
    reg.find("Phường 3, Quận 5, TP HCM", legacy=True)
    reg.replaced_name_hint("tỉnh Bình Dương")      # → "... nhập vào Thành phố Hồ Chí Minh ..."

Lookup rules: NFC; case, spaces and punctuation ignored; tone-mark placement ignored
("Hoà" = "Hòa"); a leading type word is optional ("P.", "TP", "phường"...), but numbered
units need it ("Phường 3"). Matches that keep the query's diacritics win over diacritic-free
ones. When units of several levels match, the highest level wins ("Khánh Hòa" is the
province, not the commune). Trailing ", <huyện>, <tỉnh>" parts narrow the search.
"""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

from drafter import paths
from drafter.errors import InputError, Location
from drafter.units import normalize as nz
from drafter.units.index import EraIndex, Scope, sort_key, split_parents, top_level
from drafter.units.model import (
    COMMUNE,
    DISTRICT,
    ERA_2025,
    ERA_LEGACY,
    FILE_2025,
    FILE_LEGACY,
    PROVINCE,
    Snapshot,
    Unit,
    read_snapshot,
)

MAX_SUGGESTIONS = 5


def default_dir() -> Path:
    return paths.PRESETS / "don-vi-hanh-chinh"


class AmbiguousUnitError(InputError):
    """A name matches several units; `candidates` lists them."""

    def __init__(self, message: str, candidates: list[Unit], location: Location | None = None, *, hint: str | None = None):
        self.candidates = candidates
        super().__init__(message, location, hint=hint)


class UnitNotFoundError(InputError):
    """No unit matches; `suggestions` lists close names."""

    def __init__(self, message: str, suggestions: list[Unit], location: Location | None = None, *, hint: str | None = None):
        self.suggestions = suggestions
        super().__init__(message, location, hint=hint)


class UnitRegistry:
    """The 2025 units (loaded at once) and the pre-2025 units (loaded on first use)."""

    def __init__(self, current: Path, legacy: Path, *, preloaded: Snapshot | None = None):
        self._paths = {ERA_2025: Path(current), ERA_LEGACY: Path(legacy)}
        self._eras: dict[str, EraIndex] = {}
        if preloaded is not None:
            self._eras[preloaded.era] = EraIndex(preloaded)
        self._era(ERA_2025)

    @classmethod
    def load(cls, path: Path | str | None = None) -> UnitRegistry:
        """The bundled snapshot (cached), or a user-supplied directory or file.

        A directory must hold don-vi-2025.json (and may hold don-vi-truoc-2025.json); a single
        file replaces the era it declares, the other era comes from the bundled snapshot.
        """
        if path is None:
            return _default_registry()
        path = Path(path)
        bundled = default_dir()
        if path.is_dir():
            legacy = path / FILE_LEGACY
            return cls(path / FILE_2025, legacy if legacy.exists() else bundled / FILE_LEGACY)
        snapshot = read_snapshot(path)
        if snapshot.era == ERA_LEGACY:
            return cls(bundled / FILE_2025, path, preloaded=snapshot)
        return cls(path, bundled / FILE_LEGACY, preloaded=snapshot)

    # -- data access -------------------------------------------------------------------

    def _era(self, era: str) -> EraIndex:
        if era not in self._eras:
            snapshot = read_snapshot(self._paths[era])
            if snapshot.era != era:
                raise InputError(f"tệp có thời kỳ «{snapshot.era}», cần «{era}»", Location(file=snapshot.path, field="era"))
            self._eras[era] = EraIndex(snapshot)
        return self._eras[era]

    def _of(self, legacy: bool) -> EraIndex:
        return self._era(ERA_LEGACY if legacy else ERA_2025)

    def era_units(self, era: str, level: str) -> dict[str, Unit]:
        """The units of one era and level by code."""
        return self._era(era).by_code.get(level, {})

    def source(self, *, legacy: bool = False) -> dict:
        """Provenance of the snapshot: package, version, licence, generated date."""
        return dict(self._of(legacy).snapshot.source)

    def provinces(self, *, legacy: bool = False) -> list[Unit]:
        return sorted(self._of(legacy).by_code[PROVINCE].values(), key=sort_key)

    def districts(self, province: str | Unit | None = None) -> list[Unit]:
        """Pre-2025 districts (the district level no longer exists)."""
        return self._children(DISTRICT, province, True)

    def communes(self, province: str | Unit | None = None, *, legacy: bool = False) -> list[Unit]:
        return self._children(COMMUNE, province, legacy)

    def _children(self, level: str, province: str | Unit | None, legacy: bool) -> list[Unit]:
        units = self._of(legacy).by_code.get(level, {}).values()
        if province is not None:
            code = self._province_code(province, legacy)
            units = [u for u in units if u.province_code == code]
        return sorted(units, key=sort_key)

    def get(self, code: str, *, legacy: bool = False) -> Unit | None:
        """The unit with this official code (provinces 2 digits, districts 3, communes 5)."""
        return self._of(legacy).get(code.strip())

    def province_of(self, unit: Unit) -> Unit | None:
        if unit.province_code is None:
            return None
        return self._of(unit.legacy).by_code[PROVINCE].get(unit.province_code)

    def describe(self, unit: Unit) -> str:
        """"xã Tân Định (tỉnh Bắc Ninh)", "phường 3 (quận 5, Thành phố Hồ Chí Minh)"."""
        era = self._of(unit.legacy)
        parents = []
        if unit.district_code:
            parents.append(era.by_code[DISTRICT][unit.district_code].full_name)
        if unit.province_code:
            parents.append(era.by_code[PROVINCE][unit.province_code].full_name)
        return f"{unit.full_name} ({', '.join(parents)})" if parents else unit.full_name

    # -- lookup ------------------------------------------------------------------------

    def _province_code(self, province: str | Unit, legacy: bool) -> str:
        if isinstance(province, Unit):
            return province.code
        text = province.strip()
        if text.isdigit() and text in self._of(legacy).by_code[PROVINCE]:
            return text
        return self.find(text, level=PROVINCE, legacy=legacy).code

    def _scope(self, query: str, level: str | None, province: str | Unit | None, legacy: bool) -> Scope:
        name, parents = split_parents(query)
        scope = Scope(name=name, level=level)
        if province is not None:
            scope.province = self._province_code(province, legacy)
        # Right to left: "xã Mong Thọ A, huyện Châu Thành, tỉnh Kiên Giang" — the province first,
        # then the district within it (several provinces had a huyện Châu Thành).
        for part in reversed(parents):
            parent = self._resolve(Scope(name=part, province=scope.province, district=scope.district),
                                   legacy, part, None)
            if parent.level == PROVINCE:
                scope.province = parent.code
            elif parent.level == DISTRICT:
                scope.district = parent.code
                scope.province = parent.province_code
        return scope

    def search(
        self,
        query: str,
        *,
        level: str | None = None,
        province: str | Unit | None = None,
        legacy: bool = False,
    ) -> list[Unit]:
        """Every unit the query may mean (best tier only), sorted by level, province, code."""
        if query.strip().isdigit():
            unit = self.get(query, legacy=legacy)
            return [unit] if unit is not None and (level is None or unit.level == level) else []
        return self._search(self._scope(query, level, province, legacy), legacy)

    def _search(self, scope: Scope, legacy: bool) -> list[Unit]:
        era = self._of(legacy)
        exact: dict[tuple[str, str], Unit] = {}
        loose: dict[tuple[str, str], Unit] = {}
        for reading in nz.interpretations(scope.name):
            if reading.type_word is None and nz.is_number(reading.name):
                continue
            for unit in era.tone.get(nz.tone_key(reading.name), ()):
                if scope.keeps(unit, reading.type_word):
                    exact[(unit.level, unit.code)] = unit
            for unit in era.plain.get(nz.plain_key(reading.name), ()):
                if scope.keeps(unit, reading.type_word) and any(
                    nz.compatible(reading.name, n) for n in (unit.name, *unit.aliases)
                ):
                    loose[(unit.level, unit.code)] = unit
        return sorted((exact or loose).values(), key=sort_key)

    def find(
        self,
        query: str,
        *,
        level: str | None = None,
        province: str | Unit | None = None,
        legacy: bool = False,
        location: Location | None = None,
    ) -> Unit:
        """The one unit the query names, by name or by official code ("22333"). Raises
        UnitNotFoundError or AmbiguousUnitError."""
        code = query.strip()
        if code.isdigit():
            return self._by_code(code, level, legacy, location)
        return self._resolve(self._scope(query, level, province, legacy), legacy, query, location)

    def _by_code(self, code: str, level: str | None, legacy: bool, location: Location | None) -> Unit:
        unit = self.get(code, legacy=legacy)
        if unit is None or (level is not None and unit.level != level):
            era = "trước 01/7/2025" if legacy else "hiện hành"
            raise UnitNotFoundError(
                f"không có đơn vị hành chính nào mang mã «{code}» trong danh mục {era}", [], location,
                hint="mã tỉnh có 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số; xem: drafter units <tên>",
            )
        return unit

    def _resolve(self, scope: Scope, legacy: bool, query: str, location: Location | None) -> Unit:
        matches = top_level(self._search(scope, legacy))
        if len(matches) == 1:
            return matches[0]
        shown = nz.clean(query)
        if not matches:
            suggestions = self._suggest(scope, legacy, MAX_SUGGESTIONS)
            hints = []
            if not legacy and (replaced := self.replaced_name_hint(query)):
                hints.append(replaced)
            if suggestions:
                hints.append("có phải là: " + "; ".join(self.describe(u) for u in suggestions) + "?")
            raise UnitNotFoundError(
                f"không tìm thấy đơn vị hành chính «{nz.clean(scope.name)}»{self._where(scope, legacy)}",
                suggestions,
                location,
                hint="\n  ".join(hints) or None,
            )
        listed = "; ".join(self.describe(u) for u in matches[:10])
        more = f" và {len(matches) - 10} đơn vị khác" if len(matches) > 10 else ""
        example = matches[0]
        parent = self.province_of(example)
        raise AmbiguousUnitError(
            f"«{shown}» ứng với {len(matches)} đơn vị hành chính: {listed}{more}",
            matches,
            location,
            hint=f"ghi rõ tỉnh, ví dụ «{example.full_name}, {parent.full_name}»" if parent else None,
        )

    def _where(self, scope: Scope, legacy: bool) -> str:
        era = self._of(legacy)
        if scope.district:
            return f" trong {self.describe(era.by_code[DISTRICT][scope.district])}"
        if scope.province:
            return f" trong {era.by_code[PROVINCE][scope.province].full_name}"
        return ""

    def suggest(
        self,
        query: str,
        *,
        level: str | None = None,
        province: str | Unit | None = None,
        legacy: bool = False,
        limit: int = MAX_SUGGESTIONS,
    ) -> list[Unit]:
        """Up to `limit` units whose names are closest to the query (diacritics ignored)."""
        return self._suggest(self._scope(query, level, province, legacy), legacy, limit)

    def _suggest(self, scope: Scope, legacy: bool, limit: int) -> list[Unit]:
        readings = nz.interpretations(scope.name)
        wanted = nz.spaced_plain(readings[-1].name)
        pool: dict[str, list[Unit]] = {}
        for units in self._of(legacy).plain.values():
            for unit in units:
                if scope.keeps(unit, None):
                    pool.setdefault(nz.spaced_plain(unit.name), []).append(unit)
        found: list[Unit] = []
        for close in difflib.get_close_matches(wanted, list(pool), n=limit, cutoff=0.6):
            found.extend(sorted(set(pool[close]), key=sort_key))
        return found[:limit]

    # -- names from before 1/7/2025 ------------------------------------------------------

    def replaced_name_hint(self, name: str) -> str | None:
        """Explain what became of a pre-2025 name that no longer exists, or None."""
        from drafter.units import history  # loads the plan's reform date: only for a name not found

        return history.replaced_name_hint(self, name)


@functools.lru_cache(maxsize=1)
def _default_registry() -> UnitRegistry:
    folder = default_dir()
    return UnitRegistry(folder / FILE_2025, folder / FILE_LEGACY)


def find(query: str, **kwargs) -> Unit:
    """`UnitRegistry.load().find(...)` on the bundled snapshot."""
    return _default_registry().find(query, **kwargs)


def search(query: str, **kwargs) -> list[Unit]:
    return _default_registry().search(query, **kwargs)


def replaced_name_hint(name: str) -> str | None:
    """What became of a pre-2025 unit name, in Vietnamese; None if the name is still current."""
    return _default_registry().replaced_name_hint(name)
