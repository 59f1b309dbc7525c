"""Step 8: the review screen (a summary that fits 80 columns, the edition's changes) and the
"edit the full text" action in the user's editor."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from drafter.errors import InputError
from drafter.fileio import write_atomic
from drafter.plan.layout import basis_text
from drafter.plan.model import Plan
from drafter.wizard import ask
from drafter.wizard.say import say, short
from drafter.wizard.state import State
from drafter.wizard.tasks import find_tasks, lead_role

WRITE, EDITOR, RENAME, SAVE, QUIT = "ghi", "soan-thao", "doi-ten", "luu", "thoat"
EDITING_LABEL = "tệp đang sửa"


def summary(st: State, plan: Plan, answers: Path) -> list[str]:
    sign = plan.chu_ky
    form = {"chu_tich": "Chủ tịch", "ky_thay": "Phó Chủ tịch (KT. Chủ tịch)", "quyen": "Quyền Chủ tịch"}[sign.hinh_thuc]
    date = plan.ngay.strftime("%d/%m/%Y") if plan.ngay else (f"tháng {plan.thang}/{plan.year}" if plan.thang else f"năm {plan.year}")
    tasks = find_tasks(st.ke_hoach["noi_dung"])
    lines = ["", "=== TỔNG HỢP KẾ HOẠCH ===",
             short("Tên: Kế hoạch " + " ".join(plan.trich_yeu), 78),
             f"Đơn vị ban hành: Ủy ban nhân dân {plan.co_quan.unit_name}",
             f"Số: {plan.so or '(để trống)'}/{plan.ky_hieu}; ngày: {date}",
             f"Căn cứ ({len(plan.can_cu)}):"]
    lines += ["  " + short(basis_text(b), 76) for b in plan.can_cu]
    lines.append(f"Nhiệm vụ ({len(tasks)}):")
    lines += ["  " + short(f"{n}. {t.title} — {_lead(t.block)}", 76) for n, t in enumerate(tasks, 1)]
    lines.append(f"Người ký: {form} — {sign.nguoi_ky or '(chưa có tên)'}")
    lines.append(f"Nơi nhận ({len(plan.noi_nhan)}): " + short("; ".join(plan.noi_nhan), 60))
    if st.thay_doi:
        lines.append(f"Thay đổi so với bản năm trước ({len(st.thay_doi)}):")
        lines += ["  - " + change for change in st.thay_doi]
    lines += [f"Sẽ ghi tệp trả lời: {answers}", f"         và văn bản: {answers.with_suffix('.docx')}"]
    return lines


def _lead(block: dict) -> str:
    value = block.get(lead_role(block)) or "(chưa giao)"
    return "; ".join(value) if isinstance(value, list) else value


def review(st: State, plan: Plan, answers: Path, titles: dict[int, str]) -> str | int:
    for line in summary(st, plan, answers):
        say(line)
    choices = [("Ghi tệp trả lời, dựng văn bản Word và kiểm tra thể thức", WRITE),
               ("Sửa toàn văn trong trình soạn thảo", EDITOR)]
    choices += [(f"Sửa bước {n}. {title}", n) for n, title in titles.items()]
    choices += [("Đổi tên tệp ghi ra", RENAME), ("Lưu để làm tiếp sau", SAVE), ("Thoát, không ghi gì", QUIT)]
    return ask.select("Bạn muốn:", choices, default=WRITE)


def editor_command() -> str:
    """$VISUAL, $EDITOR, else nano or vi (notepad on Windows)."""
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return os.environ[name]
    for name in ("nano", "vi", "notepad"):
        if shutil.which(name):
            return name
    return "vi"


def edit_full_text(st: State, keep: Path) -> None:
    """Open the answers text in the editor until it is valid or the user gives up; a text that
    is given up is written to `keep` (a new file), never thrown away."""
    import click

    from drafter.answers import dump_plan
    from drafter.yamlio import load_yaml, validate

    text = dump_plan(st.plan())
    while True:
        edited = click.edit(text, editor=editor_command(), extension=".yaml", require_save=False)
        text = text if edited is None else edited
        try:
            data = load_yaml(EDITING_LABEL, text=text)
            plan = validate(Plan, data, EDITING_LABEL)
        except InputError as error:
            say(f"Lỗi: {error}")
            if ask.select("Tệp chưa hợp lệ:", [("Mở lại trình soạn thảo để sửa", True),
                                               ("Thôi, giữ kế hoạch như trước khi sửa", False)]):
                continue
            write_atomic(keep, text.encode("utf-8"))
            say(f"Bản đang sửa được lưu ở {keep}.")
            return
        st.set_plan(plan)
        say("Đã nhận bản sửa.")
        return
