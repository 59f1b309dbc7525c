"""Administrative units: bundled snapshot, counts, forgiving lookup, errors, provenance."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from drafter.errors import InputError
from drafter.units import (
    COMMUNE,
    DISTRICT,
    PROVINCE,
    AmbiguousUnitError,
    UnitNotFoundError,
    UnitRegistry,
    replaced_name_hint,
)
from drafter.units.registry import default_dir

REPO = Path(__file__).resolve().parents[2]
SNAPSHOT_FILES = ("don-vi-2025.json", "don-vi-truoc-2025.json")


@pytest.fixture(scope="module")
def reg() -> UnitRegistry:
    return UnitRegistry.load()


# -- counts ----------------------------------------------------------------------------


def test_34_provinces(reg: UnitRegistry) -> None:
    provinces = reg.provinces()
    assert len(provinces) == 34
    assert Counter(p.type_word for p in provinces) == {"tỉnh": 28, "thành phố": 6}


def test_3321_communes_by_type(reg: UnitRegistry) -> None:
    communes = reg.communes()
    assert len(communes) == 3321
    assert Counter(c.type_word for c in communes) == {"xã": 2621, "phường": 687, "đặc khu": 13}


def test_khanh_hoa_has_65_units(reg: UnitRegistry) -> None:
    communes = reg.communes("Khánh Hòa")
    assert len(communes) == 65
    assert Counter(c.type_word for c in communes) == {"xã": 48, "phường": 16, "đặc khu": 1}
    assert reg.communes("56") == communes


def test_63_legacy_provinces_and_their_districts(reg: UnitRegistry) -> None:
    assert len(reg.provinces(legacy=True)) == 63
    districts = reg.districts()
    assert len(districts) == 696
    assert {d.type_word for d in districts} == {"huyện", "quận", "thị xã", "thành phố"}
    assert all(d.level == DISTRICT and d.era == "truoc-2025" for d in districts)
    assert {c.type_word for c in reg.communes(legacy=True)} == {"xã", "phường", "thị trấn"}


def test_every_legacy_province_points_to_a_current_one(reg: UnitRegistry) -> None:
    current = {p.code for p in reg.provinces()}
    for province in reg.provinces(legacy=True):
        assert len(province.successors) == 1 and province.successors[0] in current, province


# -- the Unit ----------------------------------------------------------------------------


def test_unit_fields_and_full_name(reg: UnitRegistry) -> None:
    ward = reg.find("Bắc Nha Trang")
    assert (ward.name, ward.type_word, ward.level, ward.province_code, ward.era) == (
        "Bắc Nha Trang",
        "phường",
        COMMUNE,
        "56",
        "2025",
    )
    assert ward.full_name == "phường Bắc Nha Trang"
    assert reg.get(ward.code) == ward
    province = reg.get("56")
    assert province is not None and province.full_name == "tỉnh Khánh Hòa" and province.province_code is None
    assert reg.find("Hà Nội").full_name == "thành phố Hà Nội"
    # ND 30/2020, Phụ lục II: the special capitalisation of "Thành phố Hồ Chí Minh".
    assert reg.find("Hồ Chí Minh").full_name == "Thành phố Hồ Chí Minh"
    with pytest.raises(AttributeError):
        ward.name = "x"  # type: ignore[misc]


def test_names_are_nfc_and_official_spelling(reg: UnitRegistry) -> None:
    units = [*reg.provinces(), *reg.communes(), *reg.provinces(legacy=True), *reg.districts(), *reg.communes(legacy=True)]
    assert all(unicodedata.is_normalized("NFC", u.name) for u in units)
    assert reg.get("56").name == "Khánh Hòa"  # type: ignore[union-attr]
    assert any(c.name == "Bắc Nha Trang" for c in reg.communes("56"))


# -- forgiving lookup ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Bắc Nha Trang",
        "phường Bắc Nha Trang",
        "Phường Bắc Nha Trang",
        "P. Bắc Nha Trang",
        "bac nha trang",
        "BẮC NHA TRANG",
        "  bắc   nha  trang ",
        unicodedata.normalize("NFD", "phường Bắc Nha Trang"),
    ],
)
def test_find_commune_forgivingly(reg: UnitRegistry, query: str) -> None:
    unit = reg.find(query)
    assert unit.full_name == "phường Bắc Nha Trang" and unit.province_code == "56"


@pytest.mark.parametrize("query", ["Khánh Hòa", "Khánh Hoà", "khanh hoa", "tỉnh Khánh Hoà", "TỈNH KHÁNH HÒA", "Tinh Khanh Hoa"])
def test_find_province_with_either_tone_placement(reg: UnitRegistry, query: str) -> None:
    assert reg.find(query).code == "56"


@pytest.mark.parametrize("query", ["Thủy Nguyên", "Thuỷ Nguyên", "phường Thuỷ Nguyên", "thuy nguyen"])
def test_tone_placement_thuy(reg: UnitRegistry, query: str) -> None:
    assert reg.find(query).full_name == "phường Thủy Nguyên"


@pytest.mark.parametrize(
    "query", ["TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", "TP. Hồ Chí Minh", "thanh pho ho chi minh", "TP.HCM"]
)
def test_ho_chi_minh_city(reg: UnitRegistry, query: str) -> None:
    assert reg.find(query).code == "79"


def test_province_beats_commune_of_the_same_name(reg: UnitRegistry) -> None:
    assert reg.find("Khánh Hòa").level == PROVINCE
    with pytest.raises(AmbiguousUnitError):
        reg.find("Khánh Hòa", level=COMMUNE)  # xã Khánh Hòa (Lào Cai), phường Khánh Hòa (Cần Thơ)


def test_exact_diacritics_win_over_plain_match(reg: UnitRegistry) -> None:
    # Hải Phòng has both xã Cẩm Giang and xã Cẩm Giàng.
    assert reg.find("Cẩm Giang", province="Hải Phòng").name == "Cẩm Giang"
    assert reg.find("Cẩm Giàng", province="Hải Phòng").name == "Cẩm Giàng"
    with pytest.raises(AmbiguousUnitError) as err:
        reg.find("cam giang", province="Hải Phòng")
    assert {u.name for u in err.value.candidates} == {"Cẩm Giang", "Cẩm Giàng"}


def test_wrong_diacritics_do_not_fall_back(reg: UnitRegistry) -> None:
    # "Tân Định" must not silently become xã Tân Dĩnh of Bắc Ninh.
    with pytest.raises(UnitNotFoundError) as err:
        reg.find("Tân Định", province="Bắc Ninh")
    assert "Tân Dĩnh" in str(err.value)  # but it is suggested


def test_special_zone(reg: UnitRegistry) -> None:
    unit = reg.find("đặc khu Phú Quốc")
    assert unit.type_word == "đặc khu" and reg.province_of(unit).name == "An Giang"  # type: ignore[union-attr]


def test_province_filter_and_trailing_province(reg: UnitRegistry) -> None:
    assert reg.find("Tân Định", province="Khánh Hòa").type_word == "xã"
    assert reg.find("Tân Định, TP Hồ Chí Minh").type_word == "phường"
    assert reg.find("xã Tân Định, tỉnh Khánh Hoà").province_code == "56"


def test_ambiguous_name_lists_candidates_with_province(reg: UnitRegistry) -> None:
    with pytest.raises(AmbiguousUnitError) as err:
        reg.find("Tân Định")
    exc = err.value
    assert isinstance(exc, InputError)
    assert len(exc.candidates) == 2
    message = str(exc)
    assert "xã Tân Định (tỉnh Khánh Hòa)" in message
    assert "phường Tân Định (Thành phố Hồ Chí Minh)" in message


def test_unknown_name_suggests_close_ones(reg: UnitRegistry) -> None:
    with pytest.raises(UnitNotFoundError) as err:
        reg.find("Bắc Nha Trag")
    exc = err.value
    assert isinstance(exc, InputError)
    assert "không tìm thấy đơn vị hành chính «Bắc Nha Trag»" in str(exc)
    assert 1 <= len(exc.suggestions) <= 5
    assert exc.suggestions[0].full_name == "phường Bắc Nha Trang"
    assert "phường Bắc Nha Trang (tỉnh Khánh Hòa)" in str(exc)


def test_search_returns_all_candidates(reg: UnitRegistry) -> None:
    assert len(reg.search("Tân An")) == 10
    assert reg.search("không có nơi nào như thế") == []


# -- legacy ------------------------------------------------------------------------------------


def test_legacy_lookup(reg: UnitRegistry) -> None:
    district = reg.find("huyện Cam Lâm", legacy=True)
    assert district.level == DISTRICT and district.era == "truoc-2025"
    assert reg.find("tỉnh Bình Dương", legacy=True).successors == ("79",)
    assert reg.find("Bà Rịa Vũng Tàu", legacy=True).name == "Bà Rịa - Vũng Tàu"


def test_numbered_units_keep_their_type_word(reg: UnitRegistry) -> None:
    assert reg.find("Quận 1", legacy=True).full_name == "quận 1"
    assert reg.find("Q1", legacy=True).code == reg.find("quận 1", legacy=True).code
    ward = reg.find("Phường 4, Quận 5, TP Hồ Chí Minh", legacy=True)
    assert ward.full_name == "phường 4" and ward.province_code == "79"
    with pytest.raises(AmbiguousUnitError):
        reg.find("Phường 3", legacy=True)
    with pytest.raises(UnitNotFoundError):
        reg.find("3", legacy=True)  # a bare number names nothing


def test_replaced_name_hints() -> None:
    hint = replaced_name_hint("tỉnh Bình Dương")
    assert hint is not None and "Thành phố Hồ Chí Minh" in hint and "01/7/2025" in hint
    hint = replaced_name_hint("huyện Cam Lâm")
    assert hint is not None and hint.startswith("cấp huyện") and "bãi bỏ từ 01/7/2025" in hint
    hint = replaced_name_hint("thị trấn Cam Đức")
    assert hint is not None and "xã Cam Lâm (tỉnh Khánh Hòa)" in hint
    hint = replaced_name_hint("phường Phúc Xá")
    assert hint is not None and "phường Hồng Hà" in hint
    assert replaced_name_hint("tỉnh Khánh Hòa") is None  # still exists
    assert replaced_name_hint("phường Bắc Nha Trang") is None


def test_not_found_mentions_legacy_hint(reg: UnitRegistry) -> None:
    with pytest.raises(UnitNotFoundError) as err:
        reg.find("tỉnh Bình Dương")
    assert "nhập vào Thành phố Hồ Chí Minh" in str(err.value)


# -- user-supplied files ---------------------------------------------------------------------


def _mini(**changes: object) -> dict:
    data = {
        "format": 1,
        "era": "2025",
        "source": {"package": "test"},
        "provinces": [{"code": "56", "name": "Khánh Hòa", "type": "tỉnh"}],
        "communes": [{"code": "22333", "name": "Bắc Nha Trang", "type": "phường", "province": "56"}],
    }
    data.update(changes)
    return data


def test_user_supplied_file_replaces_the_current_era(tmp_path: Path) -> None:
    path = tmp_path / "units.json"
    path.write_text(json.dumps(_mini(), ensure_ascii=False), encoding="utf-8")
    reg = UnitRegistry.load(path)
    assert len(reg.provinces()) == 1 and reg.find("bac nha trang").code == "22333"
    assert len(reg.provinces(legacy=True)) == 63  # legacy from the bundle


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_mini(communes=[{"code": "1", "name": "X", "type": "thị trấn", "province": "56"}]), "communes[0] (mã 1).type"),
        (_mini(communes=[{"code": "1", "type": "xã", "province": "56"}]), "communes[0].name"),
        (_mini(communes=[{"code": "1", "name": "X", "type": "xã", "province": "99"}]), "communes[0] (mã 1).province"),
        (_mini(era="2030"), "era"),
        (_mini(provinces="none"), "provinces"),
    ],
)
def test_malformed_user_file_names_file_and_entry(tmp_path: Path, data: dict, field: str) -> None:
    path = tmp_path / "hong.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as err:
        UnitRegistry.load(path)
    message = str(err.value)
    assert str(path) in message
    assert err.value.location.field == field
    assert field in message


def test_user_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "hong.json"
    path.write_text('{"format": 1,\n "era": ', encoding="utf-8")
    with pytest.raises(InputError) as err:
        UnitRegistry.load(path)
    assert str(path) in str(err.value) and err.value.location.line == 2


def test_duplicate_codes_are_rejected(tmp_path: Path) -> None:
    entry = {"code": "1", "name": "X", "type": "xã", "province": "56"}
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(_mini(communes=[entry, entry]), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="bị trùng"):
        UnitRegistry.load(path)


# -- the bundled files ------------------------------------------------------------------------


def test_default_load_is_cached() -> None:
    assert UnitRegistry.load() is UnitRegistry.load()


@pytest.mark.parametrize("name", SNAPSHOT_FILES)
def test_provenance_and_encoding(name: str) -> None:
    raw = (default_dir() / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    data = json.loads(raw)
    source = data["source"]
    assert source["package"] == "vietnamadminunits"
    assert source["version"] and source["generated"]
    assert source["licence"] == "MIT"
    assert "source" in list(data)[:4]  # provenance at the top
    assert data["format"] == 1 and data["era"] in ("2025", "truoc-2025")
    assert (default_dir() / name).stat().st_size < 2_000_000
    # one unit per line
    assert raw.count("\n") > len(data["provinces"]) + len(data["communes"])


def test_registry_reports_provenance(reg: UnitRegistry) -> None:
    assert reg.source()["package"] == "vietnamadminunits"
    assert reg.source(legacy=True)["licence"] == "MIT"


def test_snapshot_script_is_deterministic(tmp_path: Path) -> None:
    if importlib.util.find_spec("vietnamadminunits") is None:
        pytest.skip("vietnamadminunits is not installed (build-time only tool, not a runtime dependency)")
    committed = json.loads((default_dir() / SNAPSHOT_FILES[0]).read_text(encoding="utf-8"))["source"]
    installed = importlib.metadata.version("vietnamadminunits")
    if installed != committed["version"]:
        pytest.skip(f"snapshot made from vietnamadminunits {committed['version']}, installed {installed}")
    script = REPO / "tools" / "make_units_snapshot.py"
    for _ in range(2):
        subprocess.run(
            [sys.executable, str(script), "--out", str(tmp_path), "--generated", committed["generated"]],
            check=True,
            capture_output=True,
        )
        for name in SNAPSHOT_FILES:
            assert (tmp_path / name).read_bytes() == (default_dir() / name).read_bytes(), name
