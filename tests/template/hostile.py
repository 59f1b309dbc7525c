"""Run as a child process by test_sandbox.py: render each template given on the command line
with a real plan and print, per template, the seconds it took and the message it ended with;
last, the peak resident memory of the whole process. A child with an address-space limit is
the honest way to measure an attack: a budget that fails cannot take the test runner down."""

from __future__ import annotations

import json
import resource
import sys
import time

from drafter.answers import load_plan
from drafter.document.render import render_docx
from drafter.errors import DrafterError
from drafter.paths import PRESETS

plan = load_plan(PRESETS / "examples" / "000-binh-duong-trien-khai-luat.yaml")
for path in sys.argv[1:]:
    start = time.monotonic()
    try:
        render_docx(plan, path)
        outcome = {"ok": True, "message": ""}
    except DrafterError as exc:
        outcome = {"ok": False, "message": str(exc), "exit": exc.exit_code}
    outcome.update(path=path, seconds=time.monotonic() - start)
    print(json.dumps(outcome, ensure_ascii=False), flush=True)


def peak_mb() -> float:
    """This process's own peak: VmHWM starts afresh at exec, whereas ru_maxrss on Linux keeps the
    forking parent's peak (a test runner that has grown would be measured, not the attacks)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


print(json.dumps({"peak_mb": peak_mb()}), flush=True)
