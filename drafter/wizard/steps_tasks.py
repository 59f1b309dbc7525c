"""Step 5: the plan's tasks. A menu of the tasks with their lead agency; each can be edited
(lead and partner agencies from the level's catalogue or typed, form, timing), and tasks can
be added, dropped and moved."""

from __future__ import annotations

from drafter.wizard import ask
from drafter.wizard.context import plan_context
from drafter.wizard.env import Env
from drafter.wizard.say import say, short
from drafter.wizard.state import State
from drafter.wizard.tasks import ROLES, default_section, drop, find_tasks, lead_role, move, sections

DONE, ADD, DROP, MOVE = "xong", "them", "bo", "doi-cho"


def _shown(value) -> str:
    return "; ".join(value) if isinstance(value, list) else (value or "")


def step_tasks(st: State, env: Env) -> None:
    ctx = plan_context(st.plan(), env.units)
    completer = ask.LooseCompleter(ctx.agency_names()) if ctx else None
    data = dict(st.ke_hoach)
    body = data["noi_dung"]
    while True:
        tasks = find_tasks(body)
        choices = [("Xong, sang bước sau", DONE), ("Thêm nhiệm vụ", ADD)]
        if tasks:
            choices += [("Bỏ một nhiệm vụ", DROP), ("Đổi thứ tự nhiệm vụ", MOVE)]
        choices += [(short(f"{n}. {t.title} — {_shown(t.block.get(lead_role(t.block)))}", 74), n - 1)
                    for n, t in enumerate(tasks, 1)]
        action = ask.select(f"Nhiệm vụ ({len(tasks)}), chọn để sửa:", choices, default=DONE)
        if action == DONE:
            break
        if action == ADD:
            _add(body, completer)
        elif action == DROP:
            ref = _pick(tasks, "Bỏ nhiệm vụ nào?")
            if ref is not None and ask.confirm(f"Bỏ nhiệm vụ «{short(ref.title, 50)}»?", default=False):
                drop(ref)
        elif action == MOVE:
            ref = _pick(tasks, "Chuyển nhiệm vụ nào?")
            if ref is not None:
                step = ask.select("Chuyển:", [("lên trên", -1), ("xuống dưới", 1)])
                if not move(ref, step):
                    say("Nhiệm vụ đã ở đầu hoặc cuối phần của nó.")
        else:
            edit_block(tasks[action].block, completer)
        st.ke_hoach = data  # kept as it goes: Ctrl-C inside this step keeps what was answered
    st.ke_hoach = data
    st.plan()


def _pick(tasks, question: str):
    choices = [(short(f"{n}. {t.title}", 74), n - 1) for n, t in enumerate(tasks, 1)] + [("(thôi)", None)]
    index = ask.select(question, choices)
    return None if index is None else tasks[index]


def edit_block(block: dict, completer) -> None:
    """Ask each role of a task block; Enter keeps the value (a list stays a list)."""
    lead = lead_role(block)
    for role, label in ROLES:
        if role in ("chu_tri", "thuc_hien") and role != lead:
            continue
        old = _shown(block.get(role))
        agency = role in ("chu_tri", "thuc_hien", "phoi_hop")
        answer = ask.text(f"{label}:", old, completer=completer if agency else None,
                          instruction="(Tab: gợi ý tên cơ quan)" if agency and completer else None)
        if answer == old:
            continue
        if answer:
            block[role] = answer
        else:
            block.pop(role, None)


def _add(body: list, completer) -> None:
    parts = sections(body)
    if not parts:
        say("Kế hoạch không có mục La Mã nào để thêm nhiệm vụ.")
        return
    title = ask.text("Tên nhiệm vụ mới:", validate=lambda t: True if t.strip() else "không được để trống")
    where = ask.select("Thuộc mục:", [(short(name, 70), i) for i, (name, _) in enumerate(parts)],
                       default=default_section(body))
    block: dict = {}
    edit_block(block, completer)
    node = {"khoan": title}
    if block:
        node["noi_dung"] = [{"nhiem_vu": block}]
    parts[where][1].append(node)
