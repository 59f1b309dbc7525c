"""Output names suggested from kind, unit and year, and names that never clobber."""

from __future__ import annotations

from pathlib import Path

from drafter.units.normalize import spaced_plain


def slug(text: str) -> str:
    return "-".join(spaced_plain(text).split())


def suggest(kind: str | None, unit_name: str, year: int, source: str | None = None) -> Path:
    """`ke-hoach-hang-nam-phuong-bac-nha-trang-2026.yaml`; from a file: `<its name>-2026.yaml`."""
    if source:
        stem = Path(source).stem
        return Path(f"{stem}-{year}.yaml" if str(year) not in stem else f"{stem}-moi.yaml")
    return Path("-".join(p for p in ("ke-hoach", kind, slug(unit_name), str(year)) if p) + ".yaml")


def outputs(answers: Path) -> tuple[Path, Path]:
    """The answers file and the DOCX beside it: `x.yaml` and `x.docx`."""
    answers = answers if answers.suffix.lower() in (".yaml", ".yml") else answers.with_suffix(".yaml")
    return answers, answers.with_suffix(".docx")


def free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`… if it is taken."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
