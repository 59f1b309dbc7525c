"""Steps 2–3: issuing unit, number and date. When they are answered the plan
is built from the kind (or, for `--from`, kept from the file and adjusted)."""

from __future__ import annotations

import datetime as dt

from drafter.errors import InputError
from drafter.presets.kinds import all_kinds
from drafter.units.model import COMMUNE, PROVINCE, Unit
from drafter.wizard import ask
from drafter.wizard.dates import DateProblem, parse
from drafter.wizard.env import Env
from drafter.wizard.say import say
from drafter.wizard.state import State
from drafter.wizard.steps_kind import given, rebuild_ok

LEVELS = {"tinh": "Ủy ban nhân dân cấp tỉnh (tỉnh, thành phố)",
          "xa": "Ủy ban nhân dân cấp xã (xã, phường, đặc khu; trước 7/2025 có thị trấn)"}


def _unit_ok(find):
    def check(text: str) -> bool | str:
        if not text.strip():
            return "chưa nhập tên"
        try:
            find(text)
        except InputError as error:
            return str(error).replace("\n  Gợi ý: ", " — ")
        return True
    return check


def step_unit(st: State, env: Env) -> None:
    reg = env.units
    if given(st, "don_vi"):
        return
    if st.tu_tep and st.don_vi is None:
        say("Đơn vị ban hành trong tệp không có trong danh mục đơn vị hành chính của drafter.")
        if ask.confirm(f"Giữ nguyên «Ủy ban nhân dân {st.plan().co_quan.unit_name}»?", default=True):
            return
    if st.nam == 2025:
        st.truoc_sap_xep = ask.select(
            "Kế hoạch năm 2025 ban hành:",
            [("từ ngày 01/7/2025 (chính quyền địa phương hai cấp)", False), ("trước ngày 01/7/2025", True)],
            default=bool(st.truoc_sap_xep))
    legacy = st.legacy
    levels = _levels(st)
    level = ask.select("Cấp ban hành:", [(LEVELS[lv], lv) for lv in levels],
                       default=st.cap if st.cap in levels else levels[0])
    current, province_now = st.unit(reg), st.province(reg)
    provinces = reg.provinces(legacy=legacy)
    find_province = lambda name: reg.find(name, level=PROVINCE, legacy=legacy)  # noqa: E731
    say("Gõ vài chữ của tên (không dấu cũng được), Tab để chọn trong danh sách gợi ý.")
    name = ask.text("Tỉnh, thành phố:",
                    province_now.full_name if province_now else "", validate=_unit_ok(find_province),
                    completer=ask.LooseCompleter(p.full_name for p in provinces))
    province = find_province(name)
    unit: Unit = province
    if level == "xa":
        communes = reg.communes(province, legacy=legacy)
        find_commune = lambda name: reg.find(name, level=COMMUNE, province=province, legacy=legacy)  # noqa: E731
        default = current.full_name if current and current.province_code == province.code and current.level == COMMUNE else ""
        name = ask.text(f"Xã, phường thuộc {province.full_name}:", default, validate=_unit_ok(find_commune),
                        completer=ask.LooseCompleter(_commune_label(reg, c) for c in communes))
        unit = find_commune(name)
    if unit.code == st.don_vi and level == st.cap and st.don_vi_cu == legacy:
        return
    if st.tu_tep and st.ke_hoach is not None:
        data = dict(st.ke_hoach)
        data["co_quan"] = {**data["co_quan"], "cap": level, "loai": unit.type_word, "ten": unit.name, "ma": unit.code}
        data["co_quan"].pop("dia_danh", None)
        st.ke_hoach = data
        st.plan()  # the era and type of the new unit must fit the plan's date
        from drafter.wizard.edition import ISSUER_PART

        st.thay_doi = [c for c in st.thay_doi if not c.startswith(f"{ISSUER_PART}:")]  # chosen anew: settled
        say(f"Đã đổi đơn vị ban hành thành {unit.full_name}; lời văn trong kế hoạch giữ nguyên.")
    elif st.ke_hoach is not None and not rebuild_ok():
        return
    else:
        st.ke_hoach = None
    st.set_unit(level, province, unit, legacy)


def _levels(st: State) -> list[str]:
    if st.loai:
        return [lv for lv in ("tinh", "xa") if lv in all_kinds()[st.loai].cap]
    return ["tinh", "xa"]


def _commune_label(reg, unit: Unit) -> str:
    """Before 2025 a commune name can repeat in a province: name its district too."""
    if unit.district_code:
        district = reg.get(unit.district_code, legacy=True)
        if district:
            return f"{unit.full_name}, {district.full_name}"
    return unit.full_name


def _number_ok(text: str) -> bool | str:
    if not text.strip() or (text.strip().isdigit() and int(text) >= 1):
        return True
    return "số văn bản là một số nguyên dương, hoặc để trống cho văn thư ghi"


def step_number_date(st: State, env: Env) -> None:
    say("Số và ngày có thể để trống để văn thư ghi khi ban hành.")
    number = ask.text("Số văn bản:", str(st.so or ""), validate=_number_ok)
    st.so = int(number) if number else None
    legacy, year = st.legacy, st.nam

    def date_ok(text: str) -> bool | str:
        try:
            parse(text, year, legacy)
        except DateProblem as problem:
            return str(problem)
        return True

    say(f"Ngày: ngày/tháng/năm (31/10/{year}), hoặc tháng/năm (10/{year}) nếu chưa có ngày.")
    st.ngay = ask.text("Ngày ban hành:", st.ngay or "", validate=date_ok)
    if st.ke_hoach is None:
        build(st, env)
    else:
        apply_number_date(st)


def apply_number_date(st: State) -> None:
    data = {k: v for k, v in st.ke_hoach.items() if k not in ("so", "ngay", "nam", "thang")}
    if st.so:
        data["so"] = st.so
    data.update(parse(st.ngay or "", st.nam, st.legacy).fields(st.nam))
    st.ke_hoach = data
    st.plan()


def build(st: State, env: Env) -> None:
    """The plan of the chosen kind for the chosen unit and date, from the presets."""
    from drafter.plan.levels import REFORM_DATE
    from drafter.presets import scaffold
    from drafter.vn import date_numeric
    from drafter.wizard.context import plan_context

    date = parse(st.ngay or "", st.nam, st.legacy)
    ref = date.day or (dt.date(st.nam, date.month, 1) if date.month else None)
    if ref is None and st.nam == REFORM_DATE.year and st.legacy:
        ref = REFORM_DATE - dt.timedelta(days=1)  # decides the era of a 2025 draft issued before the reform
    unit = st.unit(env.units)
    if unit is None or unit.level not in (PROVINCE, COMMUNE):
        raise InputError(f"đơn vị đã chọn không có trong danh mục {'trước' if st.legacy else 'từ'} ngày "
                         f"{date_numeric(REFORM_DATE)} "
                         f"ở cấp tỉnh hoặc cấp xã; chọn lại năm và đơn vị")
    plan = scaffold(st.loai, unit, st.nam, st.nguoi_ky, date=ref, units=env.units, bases=env.bases)
    st.set_plan(plan)
    apply_number_date(st)
    ctx = plan_context(st.plan(), env.units)
    st.noi_nhan_goc = ctx.derived_recipients(st.plan()) if ctx else list(plan.noi_nhan)
