"""Step 4: legal bases. A checklist of the plan's bases and of the registry, with each text's
validity on the plan's date; "add another" asks each part of a citation; then the
«Thực hiện …» and «Theo đề nghị của …» lines."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from drafter.plan.citation import LAW_TYPES, Citation
from drafter.plan.layout import basis_text
from drafter.plan.model import Basis
from drafter.units.normalize import tone_key
from drafter.wizard import ask
from drafter.wizard.context import reference_date
from drafter.wizard.env import Env
from drafter.wizard.say import say, short
from drafter.wizard.state import State

DOC_TYPES = ("Luật", "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch", "Công văn")
_FREE_LINES = (("thuc_hien", "Dòng «Thực hiện …» (để trống nếu không có):"),
               ("theo_de_nghi", "Dòng «Theo đề nghị của …» (để trống nếu không có):"))


def _mark(reg, ref, on: dt.date) -> str:
    text = reg.find(ref)
    if text is None:
        return ""
    if text.ngay > on:
        return "[chưa ban hành] "
    replaced = reg.replaced_on(text)
    if replaced and replaced[1] <= on:
        return "[đã bị thay thế] "
    return ""


def step_bases(st: State, env: Env) -> None:
    plan = st.plan()
    on = reference_date(plan)
    reg = env.bases
    items = list(st.ke_hoach.get("can_cu", []))
    free = {key: i for i, item in enumerate(items) for key in item
            if key in dict(_FREE_LINES) and isinstance(item[key], str)}
    choices = []
    cited = set()
    for i, basis in enumerate(plan.can_cu):
        if i in free.values():
            continue  # asked as a line of its own below
        found = reg.find(basis.body)
        if found:
            cited.add(found.id)
        mark = _mark(reg, basis.citation, on) if basis.citation else ""
        choices.append((short(mark + basis_text(basis)), ("plan", i), not mark))
    province = st.province(env.units)
    for text in reg.texts:
        if text.id in cited or (text.tinh and (province is None or tone_key(text.tinh) != tone_key(province.name))):
            continue
        label = basis_text(Basis.model_validate(text.basis()))
        choices.append((short(_mark(reg, text.id, on) + label), ("reg", text.id), False))
    say("Văn bản [đã bị thay thế], [chưa ban hành] không dùng được vào ngày kế hoạch.")
    picked = ask.checkbox("Chọn các căn cứ:", choices)
    kept = {i for kind, i in picked if kind == "plan"}
    new = [reg.get(ref).basis() for kind, ref in picked if kind == "reg"]
    while ask.confirm("Thêm một căn cứ khác?", default=False):
        added = _new_basis()
        if added:
            new.append(added)
    lines = {key: ask.text(question, items[free[key]][key] if key in free else "") for key, question in _FREE_LINES}
    out: list[dict] = []
    for i, item in enumerate(items):  # the plan's own order stays; a free line keeps its place
        key = next(iter(item))
        if free.get(key) == i:
            line = lines.pop(key)
            if line:
                out.append({key: line})
        elif i in kept:
            out.append(item)
    last = max((n + 1 for n, item in enumerate(out) if "can_cu" in item), default=0)
    out[last:last] = new  # new «Căn cứ» lines after the existing ones (reference §3)
    out += [{key: line} for key, line in lines.items() if line]
    _store(st, out)


def _store(st: State, bases: list[dict]) -> None:
    data = dict(st.ke_hoach)
    data["can_cu"] = bases
    if not bases:
        del data["can_cu"]
        data.pop("dan_nhap_noi_tiep", None)
    st.ke_hoach = data
    st.plan()


def _date_ok(text: str) -> bool | str:
    try:
        _date(text)
    except ValueError:
        return "ghi ngày dạng ngày/tháng/năm, ví dụ 14/8/2023 (ngày phải có trong lịch)"
    return True


def _date(text: str) -> dt.date:
    day, month, year = (int(p) for p in text.strip().replace(".", "/").replace("-", "/").split("/"))
    return dt.date(year, month, day)


def _not_blank(text: str) -> bool | str:
    return True if text.strip() else "không được để trống"


def _new_basis() -> dict | None:
    """One citation, each part asked and validated; the citation as a whole is validated too."""
    key = ask.select("Dòng mở đầu:", [("Căn cứ …", "can_cu"), ("Thực hiện … (văn bản của Đảng, cấp trên)", "thuc_hien")])
    kind = ask.select("Loại văn bản:", [(t, t) for t in DOC_TYPES])
    law = kind in LAW_TYPES
    data: dict = {"loai": kind}
    if law:
        data["ten"] = ask.text("Tên luật (không có chữ «Luật»), ví dụ «Thực hiện dân chủ ở cơ sở»:", validate=_not_blank)
    else:
        data["so"] = ask.text("Số, ký hiệu, ví dụ 59/2023/NĐ-CP:", validate=_not_blank)
    data["ngay"] = _date(ask.text("Ngày ký (ngày/tháng/năm):", validate=_date_ok)).isoformat()
    if not law:
        data["co_quan"] = ask.text("Cơ quan ban hành, ví dụ «Chính phủ»:", validate=_not_blank)
        data["trich_yeu"] = ask.text("Trích yếu, ví dụ «quy định chi tiết một số điều của Luật …»:", validate=_not_blank)
    try:
        citation = Citation.model_validate(data)
    except ValidationError as exc:
        say("Căn cứ chưa hợp lệ: " + "; ".join(str(e.get("ctx", {}).get("error", e["msg"])) for e in exc.errors()))
        return None
    item = {key: citation.model_dump(mode="json", exclude_none=True, exclude_defaults=True)}
    say("Đã thêm: " + basis_text(Basis.model_validate(item)))
    return item
