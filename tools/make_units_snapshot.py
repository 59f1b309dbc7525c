"""Write the bundled snapshot of Vietnamese administrative units.

Reads the data files of the installed `vietnamadminunits` package (MIT licence, official
GSO codes) without importing it (its import pulls in geopy and shapely), and writes:

  presets/don-vi-hanh-chinh/don-vi-2025.json         34 provinces, 3,321 communes (from 1/7/2025)
  presets/don-vi-hanh-chinh/don-vi-truoc-2025.json   63 provinces, 696 districts, their communes,
                                                       and where each went on 1/7/2025

Usage (the package is a build-time tool only, never a runtime dependency):

  pip install vietnamadminunits
  python tools/make_units_snapshot.py [--out DIR] [--generated YYYY-MM-DD]

Output is deterministic for a given source version and --generated date: entries are sorted
by code, strings are NFC, one unit per line so that diffs stay readable.

Where the source's type column disagrees with the type word that starts the full official
name, the full name wins (the source's own lookup keys are built from the full name); each
such case is reported on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path
from typing import Any

SOURCE_PACKAGE = "vietnamadminunits"
SOURCE_URL = "https://github.com/tranngocminhhieu/vietnamadminunits"
FORMAT = 1
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "presets" / "don-vi-hanh-chinh"
FILE_2025 = "don-vi-2025.json"
FILE_LEGACY = "don-vi-truoc-2025.json"

# Type words, longest first so that "thị xã" is tried before "xã".
TYPE_WORDS = ("thành phố", "thị trấn", "đặc khu", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
PROVINCE_TYPES = {"tỉnh", "thành phố"}
DISTRICT_TYPES = {"huyện", "quận", "thị xã", "thành phố"}
COMMUNE_TYPES_2025 = {"xã", "phường", "đặc khu"}
COMMUNE_TYPES_LEGACY = {"xã", "phường", "thị trấn"}

NOTES = [
    "Tên theo cách viết của nguồn: dấu thanh đặt theo kiểu cũ (Hòa, Thủy, Khánh Hòa), giữ nguyên chữ hoa và dấu nháy (Ea H'Leo).",
    "Loại đơn vị lấy theo tiền tố của tên đầy đủ chính thức khi cột loại của nguồn ghi khác.",
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def split_type(full: str, source_type: str | None, allowed: set[str], where: str) -> tuple[str, str]:
    """Split "Phường Bắc Nha Trang" into ("phường", "Bắc Nha Trang")."""
    full = nfc(full)
    lower = full.lower()
    for word in TYPE_WORDS:
        if word in allowed and lower.startswith(word + " "):
            name = full[len(word) + 1 :].strip()
            if source_type is not None and nfc(source_type).lower() != word:
                print(f"warning: {where}: type column {source_type!r} but full name {full!r}; using {word!r}", file=sys.stderr)
            return word, name
    raise SystemExit(f"error: {where}: full name {full!r} does not start with one of {sorted(allowed)}")


def source_dir() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"error: {SOURCE_PACKAGE} is not installed (pip install {SOURCE_PACKAGE})")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def provenance(generated: str) -> dict[str, Any]:
    dist = importlib.metadata.distribution(SOURCE_PACKAGE)
    licence = "MIT" if "License :: OSI Approved :: MIT License" in (dist.metadata.get_all("Classifier") or []) else "?"
    copyright_line = ""
    for file in dist.files or []:
        if file.name.upper().startswith("LICENSE"):
            text = Path(file.locate()).read_text(encoding="utf-8")
            copyright_line = next((ln.strip() for ln in text.splitlines() if ln.strip().lower().startswith("copyright")), "")
            if text.lstrip().startswith("MIT License"):
                licence = "MIT"
            break
    return {
        "package": SOURCE_PACKAGE,
        "version": dist.version,
        "licence": licence,
        "copyright": copyright_line,
        "url": SOURCE_URL,
        "generated": generated,
    }


def rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute(f"SELECT * FROM [{table}]")]


def aliases(raw: str | None) -> list[str]:
    return sorted(nfc(a) for a in json.loads(raw)) if raw else []


def build_2025(new_rows: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    provinces: dict[str, dict] = {}
    communes: dict[str, dict] = {}
    for r in new_rows:
        pcode = r["provinceCode"]
        if pcode not in provinces:
            ptype, pname = split_type(r["province"], None, PROVINCE_TYPES, f"province {pcode}")
            entry = {"code": pcode, "name": pname, "type": ptype}
            if al := aliases(r["provinceAlias"]):
                entry["aliases"] = al
            provinces[pcode] = entry
        code = r["wardCode"]
        ctype, cname = split_type(r["ward"], r["wardType"], COMMUNE_TYPES_2025, f"commune {code}")
        if code in communes:
            raise SystemExit(f"error: duplicate commune code {code}")
        communes[code] = {"code": code, "name": cname, "type": ctype, "province": pcode}
    return [provinces[k] for k in sorted(provinces)], [communes[k] for k in sorted(communes)]


def successor_maps(data_dir: Path, new_rows: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Old province key -> new province code; "prov_dist_ward" key -> new commune codes, default first."""
    conv = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    new_province = {r["provinceKey"]: r["provinceCode"] for r in new_rows}
    new_ward = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in new_rows}
    province_map = {old: new_province[new] for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
    ward_map: dict[str, list[str]] = {}
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, olds in wards.items():
            for old in olds:
                ward_map.setdefault(old, []).append(new_ward[(pkey, new_key)])
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            ordered = sorted(parts, key=lambda p: (not p["isDefaultNewWard"], new_ward[(pkey, p["newWardKey"])]))
            ward_map.setdefault(old, []).extend(new_ward[(pkey, p["newWardKey"])] for p in ordered)
    return province_map, ward_map


def build_legacy(old_rows: list[dict[str, Any]], province_map: dict[str, str], ward_map: dict[str, list[str]]):
    provinces: dict[str, dict] = {}
    districts: dict[str, dict] = {}
    communes: dict[str, dict] = {}
    for r in old_rows:
        pcode, dcode = r["provinceCode"], r["districtCode"]
        if pcode not in provinces:
            ptype, pname = split_type(r["province"], None, PROVINCE_TYPES, f"legacy province {pcode}")
            entry: dict[str, Any] = {"code": pcode, "name": pname, "type": ptype}
            if al := aliases(r["provinceAlias"]):
                entry["aliases"] = al
            entry["new"] = province_map[r["provinceKey"]]
            provinces[pcode] = entry
        if dcode not in districts:
            dtype, dname = split_type(r["district"], r["districtType"], DISTRICT_TYPES, f"legacy district {dcode}")
            districts[dcode] = {"code": dcode, "name": dname, "type": dtype, "province": pcode}
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
        new = list(dict.fromkeys(ward_map.get(key, [])))
        if not r["wardCode"]:
            # A district without communes (island districts): it maps straight to a new unit.
            if new:
                districts[dcode]["new"] = new
            continue
        code = r["wardCode"]
        ctype, cname = split_type(r["ward"], r["wardType"], COMMUNE_TYPES_LEGACY, f"legacy commune {code}")
        entry = {"code": code, "name": cname, "type": ctype, "district": dcode, "province": pcode}
        if new:
            entry["new"] = new
        else:
            print(f"warning: legacy commune {code} has no successor in the source", file=sys.stderr)
        communes[code] = entry
    return (
        [provinces[k] for k in sorted(provinces)],
        [districts[k] for k in sorted(districts)],
        [communes[k] for k in sorted(communes)],
    )


def dump(header: dict[str, Any], sections: dict[str, list[dict]]) -> str:
    """JSON with the header fields first, then one unit per line."""

    def enc(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    items = [f"{enc(k)}:{enc(v)}" for k, v in header.items()]
    for name, entries in sections.items():
        body = ",\n".join(enc(e) for e in entries)
        items.append(f"{enc(name)}:[\n{body}\n]")
    lines.append(",\n".join(items))
    lines.append("}")
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--generated", default=dt.date.today().isoformat(), help="date recorded as generated (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    dt.date.fromisoformat(args.generated)

    data_dir = source_dir()
    with sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True) as db:
        new_rows = rows(db, "admin_units")
        old_rows = rows(db, "admin_units_legacy")
    source = provenance(args.generated)

    provinces, communes = build_2025(new_rows)
    province_map, ward_map = successor_maps(data_dir, new_rows)
    old_provinces, old_districts, old_communes = build_legacy(old_rows, province_map, ward_map)

    args.out.mkdir(parents=True, exist_ok=True)
    common = {"format": FORMAT}
    (args.out / FILE_2025).write_text(
        dump(
            {**common, "era": "2025", "effective": "2025-07-01", "source": source, "notes": NOTES},
            {"provinces": provinces, "communes": communes},
        ),
        encoding="utf-8",
        newline="\n",
    )
    (args.out / FILE_LEGACY).write_text(
        dump(
            {
                **common,
                "era": "truoc-2025",
                "until": "2025-06-30",
                "source": source,
                "notes": NOTES + ["«new»: mã đơn vị hiện hành (từ 01/7/2025) đã tiếp nhận đơn vị này; nếu có nhiều mã, mã đầu là phần chính theo nguồn."],
            },
            {"provinces": old_provinces, "districts": old_districts, "communes": old_communes},
        ),
        encoding="utf-8",
        newline="\n",
    )
    print(
        f"{len(provinces)} provinces, {len(communes)} communes (2025); "
        f"{len(old_provinces)} provinces, {len(old_districts)} districts, {len(old_communes)} communes (legacy) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
