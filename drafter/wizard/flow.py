"""The wizard's flow: steps 1–7 in order (skipping what the command line gave), the review
screen, and the end: the answers file and the DOCX beside it, checked. Ctrl-C at any prompt
offers to save the answers so far for `drafter new --resume`."""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

from drafter.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DrafterError
from drafter.fileio import write_atomic
from drafter.wizard import ask, naming, state as resume
from drafter.wizard.env import Env
from drafter.wizard.say import say
from drafter.wizard.state import State

# Step modules are imported when first reached (and in the background from the first prompt
# on): the first question must show without waiting for the plan model and the presets.
STEPS = {1: ("Loại kế hoạch, năm", "steps_kind:step_kind"), 2: ("Đơn vị ban hành", "steps_basic:step_unit"),
         3: ("Số và ngày", "steps_basic:step_number_date"), 4: ("Căn cứ", "steps_bases:step_bases"),
         5: ("Nhiệm vụ", "steps_tasks:step_tasks"), 6: ("Người ký", "steps_sign:step_signer"),
         7: ("Nơi nhận", "steps_sign:step_recipients")}
REVIEW = 8


def _step(ref: str):
    module, name = ref.split(":")
    return getattr(importlib.import_module(f"drafter.wizard.{module}"), name)


def preload(env: Env) -> None:
    """Import the steps and load the registries while the user reads the first question."""
    for _, ref in STEPS.values():
        _step(ref)
    importlib.import_module("drafter.wizard.review")
    env.units.provinces()
    env.bases


def _all_given(st: State) -> bool:
    """Steps 1 and 2 have nothing to ask when the command line answered them."""
    if st.quay_lai:
        return False
    if st.buoc == 1:
        return bool(st.tu_tep or "loai" in st.da_cho) and "nam" in st.da_cho
    return st.buoc == 2 and "don_vi" in st.da_cho


class Wizard:
    def __init__(self, st: State, env: Env | None = None, *, force: bool = False, resume_file: Path | None = None,
                 template: Path | None = None, pdf: bool = False):
        self.st, self.env, self.force, self.resume_file = st, env or Env(), force, resume_file
        self.template, self.pdf = template, pdf

    def run(self) -> int:
        ask.when_on_screen(lambda: threading.Thread(target=preload, args=(self.env,), daemon=True).start())
        while True:
            try:
                result = self._advance()
            except KeyboardInterrupt:
                return self._interrupted()
            except DrafterError as error:
                # The answers so far stay; the step is asked again (or, when the kind, year and
                # unit cannot make a plan, the first step).
                say(f"Lỗi: {error}")
                if self.st.ke_hoach is None and self.st.buoc == 3:
                    self.st.buoc, self.st.da_cho = 1, []  # ask again what the command line gave
                result = None
            if result is not None:
                return result

    def _advance(self) -> int | None:
        st = self.st
        if st.buoc in STEPS:
            title, step = STEPS[st.buoc]
            if not _all_given(st):
                say(f"\n--- Bước {st.buoc}/7: {title} ---")
            _step(step)(st, self.env)
            if st.ke_hoach is None:  # kind, year or unit changed: the plan is built at step 3
                st.buoc += 1
            else:
                st.buoc = REVIEW if st.quay_lai else st.buoc + 1
            return None
        from drafter.wizard.review import EDITOR, QUIT, RENAME, SAVE, WRITE, edit_full_text, review

        action = review(st, st.plan(), self.answers_path(), {n: t for n, (t, _) in STEPS.items()})
        if action == WRITE:
            return self._finish()
        if action == EDITOR:
            edit_full_text(st, naming.free_name(self.answers_path().with_suffix(".sua-do.yaml")))
        elif action == RENAME:
            st.tep_ra = ask.text("Tên tệp trả lời (tệp Word cùng tên, đuôi .docx):", str(self.answers_path()),
                                 validate=lambda t: True if t.strip() else "chưa nhập tên tệp")
        elif action == SAVE:
            self._save()
            return EXIT_OK
        elif action == QUIT:
            if ask.confirm("Thoát mà không ghi gì?", default=False):
                return EXIT_USAGE
        else:
            st.buoc, st.quay_lai = action, True
        return None

    def answers_path(self) -> Path:
        st = self.st
        if st.tep_ra:
            return naming.outputs(Path(st.tep_ra))[0]
        unit = st.unit(self.env.units)
        plan = st.plan() if st.ke_hoach is not None else None
        name = unit.full_name if unit else plan.co_quan.unit_name if plan else ""
        return naming.suggest(st.loai, name, st.nam or (plan.year if plan else self.env.today.year), st.tu_tep,
                              st.nam_goc)

    def _outputs(self) -> tuple[Path, Path, bool]:
        """The two files to write, and whether replacing existing ones was confirmed."""
        answers = self.answers_path()
        while True:
            answers, docx = naming.outputs(answers)
            taken = [p for p in (answers, docx) if p.exists()]
            if not taken or self.force:
                return answers, docx, self.force
            if ask.confirm(f"Đã có {', '.join(map(str, taken))}. Ghi đè?", default=False):
                return answers, docx, True
            answers = Path(ask.text("Tên tệp trả lời mới (.yaml):", str(naming.free_name(answers)),
                                    validate=lambda t: True if t.strip() else "chưa nhập tên tệp"))

    def _finish(self) -> int:
        from drafter.answers import dump_plan
        from drafter.check import check_file
        from drafter.check.report import format_findings
        from drafter.document.render import render_docx

        plan = self.st.plan()
        answers, docx, force = self._outputs()
        self.st.tep_ra = str(answers)
        write_atomic(answers, dump_plan(plan).encode("utf-8"), force=force)
        write_atomic(docx, render_docx(plan, self.template), force=force)
        say(f"Đã ghi {answers} và {docx}.")
        if self.pdf:
            from drafter.office import convert_to_pdf

            try:
                say(f"Đã ghi {', '.join(map(str, convert_to_pdf([docx], force=force)))}.")
            except DrafterError as error:  # the plan is written: say why the PDF is not, and go on
                say(f"Chưa xuất được PDF: {error}")
        findings = check_file(docx)
        say(format_findings(docx, findings))
        say(f"Dựng lại văn bản từ tệp trả lời:\n  drafter render {answers} -o {docx}")
        if self.resume_file and self.resume_file.exists():
            self.resume_file.unlink()  # the wizard's own scratch file: the answers file replaces it
        return EXIT_INVALID if any(f.is_error for f in findings) else EXIT_OK

    def _save(self) -> Path:
        if self.resume_file:
            path = resume.save(self.st, self.resume_file, force=True)
        else:
            base = self.answers_path()
            path = resume.save(self.st, naming.free_name(base.with_name(base.stem + resume.RESUME_SUFFIX)))
        say(f"Đã lưu câu trả lời vào {path}. Làm tiếp: drafter new --resume {path}")
        return path

    def _interrupted(self) -> int:
        say("\nĐã dừng.")
        try:
            keep = ask.confirm("Lưu các câu trả lời đến giờ để làm tiếp sau?", default=True)
        except KeyboardInterrupt:
            keep = False
        if keep:
            self._save()
        else:
            say("Không lưu gì; các tệp đã có không bị đổi.")
        return EXIT_USAGE
