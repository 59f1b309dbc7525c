"""Text fields of a plan. A value is kept exactly as written — spaces and tabs included, at
either end too — apart from NFC normalisation and line breaks (CR LF and CR become LF, and the
line breaks that end a value, as YAML's `|` block adds, are dropped); each remaining line break
starts a new paragraph. A character that a Word document cannot hold or would hide is refused
with its code, never silently dropped."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

# C0 controls except tab and line breaks, DEL and C1 controls (invisible, usually pasted from a
# PDF), lone surrogates (not text at all) and the non-characters U+FFFE/U+FFFF (not allowed in XML).
_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def refused_character(value: str) -> str | None:
    """The Vietnamese reason why `value` cannot go into a document, or None."""
    bad = _REFUSED.search(value)
    if bad is None:
        return None
    code = f"U+{ord(bad.group()):04X}"
    if "\ud800" <= bad.group() <= "\udfff":
        kind = "nửa cặp mã UTF-16 đứng lẻ, không phải ký tự"
    elif bad.group() in "\ufffe\uffff":
        kind = "mã không phải ký tự, Word không chứa được"
    else:
        kind = "ký tự điều khiển không in được"
    return f"có {kind} (mã {code}) ở vị trí {bad.start() + 1}; hãy xóa ký tự đó (thường do dán từ PDF)"


def clean_text(value: str) -> str:
    reason = refused_character(value)
    if reason:
        raise ValueError(reason)
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return value.rstrip("\n")


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("không được để trống")
    return value


Text = Annotated[str, AfterValidator(clean_text)]
Line = Annotated[str, AfterValidator(clean_text), AfterValidator(_non_empty)]


class Strict(BaseModel):
    """Base of every model read from a user's file: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
