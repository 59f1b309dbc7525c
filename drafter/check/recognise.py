"""Is this a plan at all? A file with none of the elements that every Kế hoạch has — the
Quốc hiệu, the Số line, the title KẾ HOẠCH, the Nơi nhận, a Mục heading (I., II.) — is not
checked rule by rule (an empty file, an English letter or mojibake would otherwise pass with "no
errors"): it gets one finding, an error, saying that no plan structure was found. A Mục heading
is enough because text taken from a PDF often loses the header table and the signature.

Text whose Vietnamese was decoded with the wrong code page ("Káº¾ HOáº CH", mojibake) is not
a plan either, even when its numbering survived: every word would be checked as nonsense."""

from __future__ import annotations

import ftfy.badness

from drafter.check.anatomy import Anatomy, is_muc
from drafter.check.finding import Finding
from drafter.check.ruleset import ruleset
from drafter.labels import labels
from drafter.rules import rules

RULE = "ND30-X0"
MOJIBAKE_SAMPLE = 20_000  # characters looked at; mojibake is uniform across a file


def mojibake(text: str) -> bool:
    """Does `text` look like UTF-8 decoded with a wrong code page? (ftfy's detector: sequences
    such as "áº", "Ã‚" that real Vietnamese text never has)."""
    sample = text[:MOJIBAKE_SAMPLE]
    return not sample.isascii() and ftfy.badness.is_bad(sample)


def not_a_plan(anatomy: Anatomy) -> list[Finding] | None:
    """[the finding] when `anatomy` shows no plan structure, else None."""
    if mojibake(" ".join(u.text for u in anatomy.units[:200])):
        found = "chữ bị lỗi bảng mã (văn bản UTF-8 đã bị đọc sai bảng mã, ví dụ «Káº¾ HOáº CH»)"
        return [ruleset().make(RULE, "văn bản", found, "một Kế hoạch tiếng Việt lưu bằng bảng mã UTF-8")]
    if any(i is not None for i in (anatomy.title, anatomy.quoc_hieu, anatomy.so, anatomy.recipients_label)):
        return None
    if any(is_muc(u.text) for u in anatomy.units):
        return None
    words = sum(len(u.text.split()) for u in anatomy.units)
    recipients = rules().thanh_phan.noi_nhan_nhan.van_ban or ""
    found = "tệp rỗng" if not words else (f"{words} từ, không có Quốc hiệu, số, ký hiệu, tên loại «{labels().ten_loai}», "
                                          f"mục La Mã hay «{recipients.rstrip(':')}»")
    return [ruleset().make(RULE, "văn bản", found, "một Kế hoạch có đủ các thành phần thể thức")]
