"""Text fields of a plan: NFC, line breaks normalised, no invisible control characters."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(value)
    if bad:
        raise ValueError(
            f"có ký tự điều khiển không in được (mã U+{ord(bad.group()):04X}) ở vị trí {bad.start() + 1}; "
            "hãy xóa ký tự đó (thường do dán từ PDF)"
        )
    return value.strip()


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("không được để trống")
    return value


Text = Annotated[str, AfterValidator(clean_text)]
Line = Annotated[str, AfterValidator(clean_text), AfterValidator(_non_empty)]


class Strict(BaseModel):
    """Base of every model read from a user's file: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
