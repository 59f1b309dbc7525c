"""Step 1: kind and year. Kept light (the kind menu is read from the kind files' titles, the
models load in the background), because it is the first prompt a user waits for."""

from __future__ import annotations

from drafter.paths import PRESETS
from drafter.wizard import ask
from drafter.wizard.env import Env
from drafter.wizard.say import say, short
from drafter.wizard.state import State

BLANK = "trong"


def given(st: State, answer: str) -> bool:
    """Given on the command line: not asked, unless the step is reopened from the review."""
    return answer in st.da_cho and not st.quay_lai


def _year_ok(text: str) -> bool | str:
    from drafter.plan.model import YEAR_MAX, YEAR_MIN  # the years a plan may carry

    if text.strip().isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX:
        return True
    return f"ghi năm bằng bốn chữ số, từ {YEAR_MIN} đến {YEAR_MAX}, ví dụ 2026"


def kind_menu() -> list[tuple[str, str]]:
    """(title, id) of every plan kind, the blank skeleton last. Only the titles are read here; the
    chosen kind is validated in full when the plan is built."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    menu = []
    for path in sorted((PRESETS / "loai-ke-hoach").glob("*.yaml")):
        # The title sits above the per-level skeletons («cap:»); parsing only that head keeps
        # the menu quick.
        head = path.read_text(encoding="utf-8").split("\ncap:", 1)[0]
        data = yaml.load(head) or {}
        menu.append((short(str(data.get("ten") or path.stem), 74), path.stem))
    return sorted(menu, key=lambda item: item[1] == BLANK)


def step_kind(st: State, env: Env) -> None:
    if st.tu_tep:
        say(f"Kế hoạch dựng từ tệp {st.tu_tep}: nội dung giữ nguyên, các bước sau sửa từng phần.")
    elif not given(st, "loai"):
        choices = kind_menu()
        kind = ask.select("Loại kế hoạch:", choices, default=st.loai or choices[0][1])
        if kind != st.loai and st.ke_hoach is not None and not rebuild_ok():
            kind = st.loai
        if kind != st.loai:
            st.loai, st.ke_hoach = kind, None
    if given(st, "nam"):
        return
    year = int(ask.text("Năm ban hành:", str(st.nam or env.today.year), validate=_year_ok))
    if year == st.nam:
        return
    if st.tu_tep and st.ke_hoach is not None:
        _edition(st, year)
    elif st.ke_hoach is not None and not rebuild_ok():
        return
    else:
        st.ke_hoach = None
        st.ngay = ""
    st.nam = year


def rebuild_ok() -> bool:
    return ask.confirm("Đổi loại, năm hoặc đơn vị sẽ dựng lại nội dung từ mẫu (các sửa đổi ở bước 4–7 "
                       "không còn). Tiếp tục?", default=False)


def _edition(st: State, year: int) -> None:
    from drafter.wizard.dates import shown
    from drafter.wizard.edition import next_edition

    plan, changes = next_edition(st.plan(), year)
    st.set_plan(plan)
    st.ngay = shown(st.ke_hoach)
    st.thay_doi += [c.describe() for c in changes]
    say(f"Đã chuyển kế hoạch sang năm {year}: {len(changes)} thay đổi (xem ở màn hình tổng hợp).")
