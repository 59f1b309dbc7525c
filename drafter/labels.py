"""Fixed wording of a plan (`presets/nhan.yaml`): basis prefixes, task labels, signature words."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from drafter.paths import PRESETS
from drafter.yamlio import load_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BasisWords(_Strict):
    can_cu: str
    thuc_hien: str
    theo_de_nghi: str


class TaskWords(_Strict):
    chu_tri: str
    thuc_hien: str
    phoi_hop: str
    hinh_thuc: str
    thoi_gian: str


class SignatureWords(_Strict):
    thay_mat: str
    ky_thay: str
    quyen: str
    chu_tich: str
    pho_chu_tich: str


class AppendixWords(_Strict):
    kem_theo: str
    bang_phan_cong: str
    stt: str
    nhiem_vu: str
    tong: str


class Labels(_Strict):
    ten_loai: str
    ten_co_quan: str
    can_cu: BasisWords
    nhiem_vu: TaskWords
    gach_dau_dong: list[str]
    chu_ky: SignatureWords
    luu: str
    phu_luc: AppendixWords


@lru_cache(maxsize=4)
def load_labels(path: Path = PRESETS / "nhan.yaml") -> Labels:
    return load_model(Labels, path)


def labels() -> Labels:
    return load_labels()
