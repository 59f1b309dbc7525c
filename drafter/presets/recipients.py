"""Nơi nhận derivation (reference §6): the level above, Party and council standing bodies,
Mặt trận, leadership, every agency given a task in the plan, the lower level, media, office
units — in that order — and `Lưu: VT, <office abbreviation>`."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from drafter.plan.body import Diem, Item, Khoan, Muc, Task
from drafter.plan.model import Plan
from drafter.presets.agencies import Agency, Catalogue


def task_texts(nodes) -> list[str]:
    """Every text of the nhiem_vu blocks of a body tree."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Task):
            for _, value in node.nhiem_vu.roles():
                out.extend(value if isinstance(value, list) else [value])
        elif isinstance(node, (Muc, Khoan, Diem, Item)):
            out.extend(task_texts(node.noi_dung))
    return out


def tasked_agencies(plan: Plan, catalogue: Catalogue, values: dict[str, str],
                    on: dt.date | None = None) -> list[Agency]:
    """Catalogue agencies named in the plan's nhiem_vu blocks (case-insensitive)."""
    text = "\n".join(task_texts(plan.noi_dung)).casefold()
    return [a for a in catalogue.co_quan if a.valid_on(on) and a.name(values).casefold() in text]


def derive(plan: Plan, catalogue: Catalogue, values: dict[str, str], on: dt.date | None = None,
           extra: Iterable[str] = ()) -> tuple[list[str], str]:
    """(Nơi nhận lines without "- " and ";", the `luu` value)."""
    chosen: dict[str, Agency] = {a.id: a for a in catalogue.co_quan if a.mac_dinh and a.valid_on(on)}
    for agency in tasked_agencies(plan, catalogue, values, on):
        chosen[agency.id] = agency
    for ref in extra:
        agency = catalogue.resolve(ref, on)
        if agency is not None:
            chosen[agency.id] = agency
    ordered = sorted(chosen.values(), key=catalogue.order)
    lines: list[str] = []
    for agency in ordered:
        line = agency.recipient(values)
        if line not in lines:
            lines.append(line)
    office = catalogue.office()
    return lines, f"VT, {office.viet_tat or office.id}"
