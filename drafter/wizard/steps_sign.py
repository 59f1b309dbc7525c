"""Steps 6 and 7: who signs (the TM./KT. lines follow from the form), and Nơi nhận as a
checklist: the plan's lines ticked, lines the presets now derive (a newly tasked agency)
ticked, with additions typed."""

from __future__ import annotations

from drafter.wizard import ask
from drafter.wizard.context import plan_context
from drafter.wizard.env import Env
from drafter.wizard.say import say, short
from drafter.wizard.state import State
from drafter.wizard.steps_kind import given

FORMS = [("Chủ tịch ký (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)", "chu_tich"),
         ("Phó Chủ tịch ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)", "ky_thay"),
         ("Quyền Chủ tịch ký (TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH)", "quyen")]


def step_signer(st: State, env: Env) -> None:
    data = dict(st.ke_hoach)
    sign = dict(data.get("chu_ky") or {})
    form = ask.select("Người ký:", FORMS, default=sign.get("hinh_thuc", "chu_tich"))
    if form != sign.get("hinh_thuc", "chu_tich"):
        sign["hinh_thuc"] = form
        sign.pop("chuc_vu", None)  # a title override belongs to the former form
    name = st.nguoi_ky if given(st, "nguoi_ky") else sign.get("nguoi_ky", "")
    if not given(st, "nguoi_ky"):
        name = ask.text("Họ và tên người ký (để trống nếu chưa biết):", name)
    sign["nguoi_ky"] = name
    st.nguoi_ky = name or None
    data["chu_ky"] = sign
    st.ke_hoach = data
    st.plan()


def step_recipients(st: State, env: Env) -> None:
    plan = st.plan()
    ctx = plan_context(plan, env.units)
    current = list(plan.noi_nhan)
    derived = ctx.derived_recipients(plan) if ctx else []
    baseline = st.noi_nhan_goc if st.noi_nhan_goc is not None else derived
    choices = [(short(line), line, True) for line in current]
    # A line the presets derive now but did not when the plan came in: a newly tasked agency.
    choices += [(short(line), line, line not in baseline) for line in derived if line not in current]
    say("Cơ quan cấp trên có «(b/c)»; cơ quan được giao nhiệm vụ đã được chọn sẵn.")
    picked = ask.checkbox("Chọn nơi nhận:", choices)
    while True:
        extra = ask.text("Thêm nơi nhận (Enter để xong):")
        if not extra:
            break
        picked.append(extra)
    data = dict(st.ke_hoach)
    data["noi_nhan"] = in_derived_order(picked, current, derived)
    st.ke_hoach = data
    st.plan()


def in_derived_order(picked: list[str], current: list[str], derived: list[str]) -> list[str]:
    """The plan's lines keep their order; a derived line joins after the derived line before it
    (Nơi nhận order, reference §6); typed lines go last."""
    out = [line for line in picked if line in current]
    for line in [p for p in picked if p in derived and p not in current]:
        before = [out.index(d) for d in derived[: derived.index(line)] if d in out]
        out.insert(max(before) + 1 if before else 0, line)
    return out + [line for line in picked if line not in out]
