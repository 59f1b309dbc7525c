"""Drive the wizard through prompt_toolkit pipe input: all keys are sent up front (prompt_toolkit
keeps type-ahead between prompts) and the screen is captured as plain text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from drafter.wizard.env import Env
from drafter.wizard.flow import Wizard
from drafter.wizard.start import initial_state

ENTER, DOWN, UP, SPACE, CTRL_C, CTRL_U = "\r", "\x1b[B", "\x1b[A", " ", "\x03", "\x15"
TODAY = dt.date(2026, 12, 1)


class Run:
    def __init__(self, code: int, screen: str):
        self.code, self.screen = code, screen


def drive(keys: str, state=None, *, resume_file: Path | None = None, force: bool = False,
          template: Path | None = None, pdf: bool = False, **args) -> Run:
    """Run the wizard on `keys`; `args` are the command-line answers of initial_state."""
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=PlainTextOutput(screen)):
            if state is None:
                given = {"kind": None, "unit": None, "year": None, "output": None, "signer": None,
                         "source": None, "resume_file": resume_file, **args}
                state = initial_state(**given)
            code = Wizard(state, Env(today=TODAY), force=force, resume_file=resume_file,
                          template=template, pdf=pdf).run()
    return Run(code, screen.getvalue())


def docx_text(path_or_bytes) -> list[str]:
    """Every paragraph of the body, header table included, in document order."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    body = Document(source).element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in body.iter(f"{ns}p")]

