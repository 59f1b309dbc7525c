"""Is this a plan at all? A file with none of the elements that every Kế hoạch has — the
Quốc hiệu, the Số line, the title KẾ HOẠCH, the Nơi nhận, a Mục heading (I., II.) — is not
checked rule by rule (an empty file, an English letter or mojibake would otherwise pass with "no
errors"): it gets one finding, an error, saying that no plan structure was found. A Mục heading
is enough because text taken from a PDF often loses the header table and the signature."""

from __future__ import annotations

from drafter.check.anatomy import Anatomy, is_muc
from drafter.check.finding import Finding
from drafter.check.ruleset import ruleset

RULE = "ND30-X0"


def not_a_plan(anatomy: Anatomy) -> list[Finding] | None:
    """[the finding] when `anatomy` shows no plan structure, else None."""
    if any(i is not None for i in (anatomy.title, anatomy.quoc_hieu, anatomy.so, anatomy.recipients_label)):
        return None
    if any(is_muc(u.text) for u in anatomy.units):
        return None
    words = sum(len(u.text.split()) for u in anatomy.units)
    found = "tệp rỗng" if not words else f"{words} từ, không có Quốc hiệu, số, ký hiệu, tên loại «KẾ HOẠCH», mục La Mã hay «Nơi nhận»"
    return [ruleset().make(RULE, "văn bản", found, "một Kế hoạch có đủ các thành phần thể thức")]
