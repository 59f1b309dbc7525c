"""Output names suggested from kind, unit and year, and names that never clobber."""

from __future__ import annotations

from pathlib import Path

def slug(text: str) -> str:
    from drafter.units.normalize import spaced_plain

    return "-".join(spaced_plain(text).split())


def suggest(kind: str | None, unit_name: str, year: int, source: str | None = None,
            source_year: int | None = None) -> Path:
    """`kh-hang-nam-phuong-bac-nha-trang-2026.yaml`; from `kh-2025.yaml`: `kh-2026.yaml`
    for next year's edition, `kh-2025-moi.yaml` for the same year."""
    if source:
        stem = Path(source).stem
        if source_year is None or year == source_year:
            return Path(f"{stem}-moi.yaml")
        old = str(source_year)
        return Path(f"{stem.replace(old, str(year))}.yaml" if old in stem else f"{stem}-{year}.yaml")
    return Path("-".join(p for p in ("kh", kind, slug(unit_name), str(year)) if p) + ".yaml")


def outputs(answers: Path) -> tuple[Path, Path]:
    """The answers file and the DOCX beside it: `x.yaml` and `x.docx`."""
    answers = answers if answers.suffix.lower() in (".yaml", ".yml") else answers.with_suffix(".yaml")
    return answers, answers.with_suffix(".docx")


def written(answers: Path | str) -> str:
    """What `new --no-input` and `import` print once the answers file is written: the next command."""
    return f"Đã ghi {answers}; dựng văn bản: drafter render {answers} -o {Path(answers).with_suffix('.docx')}"


def free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`… if it is taken."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
