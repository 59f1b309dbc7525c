"""Word recall and precision between two texts: the share of the source's words that the
reproduction has, and the share of the reproduction's words that the source has (multisets,
case and punctuation kept apart from the words, markdown marks ignored)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"\w+(?:[/.\-–]\w+)*", re.UNICODE)


def words(text: str) -> Counter:
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text)))


def recall_precision(source: str, reproduction: str) -> tuple[float, float]:
    a, b = words(source), words(reproduction)
    common = sum((a & b).values())
    return common / max(1, sum(a.values())), common / max(1, sum(b.values()))
