"""Where the bundled data lives: `templates/` and `presets/` at the repository root, or
under `drafter/_data/` in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    bundled = _PACKAGE / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name


TEMPLATES = _data_dir("templates")
PRESETS = _data_dir("presets")
DEFAULT_TEMPLATE = TEMPLATES / "ke-hoach.docx"
