"""Fuzz the render path with generated answers files and print what happened to each.

Each case is an answers file with Vietnamese text, markup characters (& < > quotes braces,
docxtpl's {_{ … }_}), control characters, tabs and line breaks, a body nested up to beyond the
depth limit, YAML anchors and aliases (up to alias bombs) and random bytes spliced into the YAML.
Every case must end in one of two ways:
  rendered  the document holds every value exactly (NFC, line breaks as paragraphs), or
  refused   a DrafterError with exit code 1 or 2 whose message is Vietnamese and has no
            traceback or Python words.
Anything else is counted as a crash (another exception, a bad message, a lost value) or a hang
(more than TIMEOUT seconds).

    python tools/fuzz_answers.py [CASES] [SEED] [MESSAGES]   # default 1000 cases, seed 0

MESSAGES, if given, is a file that receives every refusal message (then: grep -n Traceback MESSAGES).

The test suite runs the same generator under hypothesis (tests/test_fuzz.py).
"""

from __future__ import annotations

import io
import random
import signal
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VIET = VIET + VIET.upper() + "0123456789"
MARKUP = ["&", "<", ">", '"', "'", "{", "}", "%", "#", "*", "_", "\\", "{{", "}}", "{_{", "}_}", "{_%", "%_}",
          "{%", "%}", "<w:t>", "&amp;", "]]>", ": ", " #", "- ", "|", ">-", "!", "@", "`"]
SPACES = [" ", "  ", "\t", "\n", "\r\n", "\u00a0"]
# (U+0085 is left out: YAML itself reads it as a line break, before drafter sees the value.)
BAD = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff", "\ud800", "\udfff"]
PYTHON_WORDS = ("Traceback", "function-after", "list[", "Input should", "Errno", "_non_empty", "value_error",
                "NoneType", "object has no attribute", "ValidationError", "KeyError")
TIMEOUT = 10

MINIMAL_HEAD = {
    "co_quan": {"cap": "xa", "loai": "phường", "ten": "Bắc Nha Trang"},
    "ngay": "2025-09-05",
}


def text(rng: random.Random, bad: bool) -> str:
    pieces = ["".join(rng.choice(VIET) for _ in range(rng.randint(1, 6)))] if rng.random() < 0.8 else []
    for _ in range(rng.randint(1, 8)):
        roll = rng.random()
        if roll < 0.5:
            pieces.append("".join(rng.choice(VIET) for _ in range(rng.randint(1, 10))))
        elif roll < 0.75:
            pieces.append(rng.choice(MARKUP))
        elif roll < 0.95 or not bad:
            pieces.append(rng.choice(SPACES))
        else:
            pieces.append(rng.choice(BAD))
    return "".join(pieces)


def _upper(value: str) -> str:
    from drafter.vn import upper

    return upper(value)


def body(rng: random.Random, depth: int, values: list[str], bad: bool) -> list:
    nodes = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["khoan", "diem", "y", "doan", "muc"])
        value = text(rng, bad)
        values.append(_upper(value) if kind == "muc" else value)  # ND30: a Mục title is in capitals
        node: dict = {kind: value}
        if kind != "doan" and depth > 0 and rng.random() < 0.6:
            node["noi_dung"] = body(rng, depth - 1, values, bad)
        nodes.append(node)
    return nodes


def deep_body(depth: int) -> list:
    node: dict = {"khoan": "lá"}
    for _ in range(depth):
        node = {"khoan": "cành", "noi_dung": [node]}
    return [node]


@dataclass
class Case:
    yaml: str
    values: list[str] = field(default_factory=list)  # must appear in a rendered document


def make_case(rng: random.Random) -> Case:
    from drafter.yamlio import dump_yaml

    bad = rng.random() < 0.3
    values: list[str] = []
    data = dict(MINIMAL_HEAD)
    data["trich_yeu"] = text(rng, bad)
    values.append(data["trich_yeu"])
    roll = rng.random()
    if roll < 0.1:
        data["noi_dung"] = deep_body(rng.randint(10, 40))
    else:
        data["noi_dung"] = body(rng, rng.randint(0, 4), values, bad) + [{"diem": "Cuối."}]
    data["noi_nhan"] = ["UBND tỉnh"]
    data["chu_ky"] = {"nguoi_ky": text(rng, bad)}
    values.append(data["chu_ky"]["nguoi_ky"])
    yaml = dump_yaml(data)
    roll = rng.random()
    if roll < 0.1:  # an alias bomb, or a small alias in a wrong place
        levels = rng.randint(1, 12)
        lines = ['z0: &z0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
        lines += [f"z{i}: &z{i} [" + ",".join([f"*z{i - 1}"] * 9) + "]" for i in range(1, levels)]
        yaml += "\n".join(lines) + "\n"
    elif roll < 0.2:  # a valid alias: the signature block reused
        yaml = yaml.replace("chu_ky:", "chu_ky: &ky", 1) + "x_lap: *ky\n"
    elif roll < 0.35:  # random damage to the YAML text
        chars = list(yaml)
        for _ in range(rng.randint(1, 5)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(MARKUP + SPACES + BAD + list(VIET)))
        yaml = "".join(chars)
        values = []  # the damage may have changed any value; only the outcome is judged
    return Case(yaml, values)


def _expected_lines(value: str) -> list[str]:
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    return value.split("\n")


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def run_case(case: Case, folder: Path) -> tuple[str, str]:
    """("rendered" | "refused" | "crash" | "hang", detail)."""
    import docx

    from drafter.answers import load_plan
    from drafter.document.render import render_docx
    from drafter.errors import DrafterError
    from drafter.fileio import write_atomic

    spec = folder / "ke-hoach.yaml"
    out = folder / "ke-hoach.docx"
    try:
        spec.write_bytes(case.yaml.encode("utf-8", "surrogatepass"))
    except OSError as exc:
        return "crash", f"cannot write the case: {exc}"
    out.unlink(missing_ok=True)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        plan = load_plan(spec)
        data = render_docx(plan)
        write_atomic(out, data, force=True)
        paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
        for table in docx.Document(io.BytesIO(data)).tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(p.text for p in cell.paragraphs)
        everything = "\n".join(paragraphs)
        lost = [line for v in case.values for line in _expected_lines(v) if line and line not in everything]
        if lost:
            return "crash", f"lost or changed: {lost[:3]!r}"
        return "rendered", ""
    except _Hang:
        return "hang", case.yaml[:200]
    except DrafterError as error:
        message = str(error)
        try:
            message.encode("utf-8")
        except UnicodeEncodeError:
            return "crash", f"unprintable message: {message!r}"[:300]
        words = [w for w in PYTHON_WORDS if w in message]
        if error.exit_code not in (1, 2) or words or not message.strip():
            return "crash", f"bad message ({error.exit_code}, {words}): {message[:300]}"
        return "refused", message
    except Exception as exc:  # noqa: BLE001 - counting crashes is the point
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        signal.alarm(0)


def main(cases: int = 1000, seed: int = 0, messages: str | None = None) -> int:
    log = open(messages, "w", encoding="utf-8") if messages else None  # noqa: SIM115
    counts = {"rendered": 0, "refused": 0, "crash": 0, "hang": 0}
    examples: list[str] = []
    tracebacks = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for n in range(cases):
            case = make_case(random.Random(seed * 1_000_003 + n))
            outcome, detail = run_case(case, Path(folder))
            counts[outcome] += 1
            tracebacks += "Traceback" in detail
            if log is not None and outcome == "refused":
                log.write(f"#{n}\n{detail}\n")
            if outcome in ("crash", "hang") and len(examples) < 10:
                examples.append(f"  #{n} {outcome}: {detail}")
    took = time.perf_counter() - start
    if log is not None:
        log.close()
    print(f"{cases} tệp trả lời sinh ngẫu nhiên (seed {seed}), {took:.1f} s:")
    print(f"  rendered (đủ mọi giá trị)      {counts['rendered']}")
    print(f"  refused (thông báo tiếng Việt) {counts['refused']}")
    print(f"  crashes                        {counts['crash']}")
    print(f"  hangs (> {TIMEOUT} s)                 {counts['hang']}")
    print(f"  'Traceback' in messages        {tracebacks}")
    print("\n".join(examples))
    return 1 if counts["crash"] or counts["hang"] or tracebacks else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(*(int(a) for a in args[:2]), *args[2:3]))
