"""Text keys for a forgiving lookup of Vietnamese unit names.

Two keys per name, both case-, space- and punctuation-insensitive:

* `tone_key` keeps every diacritic but not *where* the tone mark sits, so "Hòa"/"Hoà",
  "Thủy"/"Thuỷ" and NFC/NFD input give the same key;
* `plain_key` drops all diacritics ("bac nha trang"), đ → d.

`interpretations` splits an optional leading type word ("phường", "P.", "TP", "huyện"...)
from a query.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

# Combining tone marks -> a marker appended to the syllable (placement-free).
_TONES = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}
_WORD = re.compile(r"[^\W_]+")

# Plain (diacritic-free) spelling of a leading type word -> the official type word.
_TYPE_WORDS: dict[tuple[str, ...], str] = {
    ("thanh", "pho"): "thành phố",
    ("thi", "tran"): "thị trấn",
    ("thi", "xa"): "thị xã",
    ("dac", "khu"): "đặc khu",
    ("tinh",): "tỉnh",
    ("phuong",): "phường",
    ("xa",): "xã",
    ("huyen",): "huyện",
    ("quan",): "quận",
    ("tp",): "thành phố",
    ("tt",): "thị trấn",
    ("tx",): "thị xã",
    ("dk",): "đặc khu",
    ("p",): "phường",
    ("q",): "quận",
    ("h",): "huyện",
    ("x",): "xã",
}
# "P3", "Q1", "TX2": an abbreviation glued to a number.
_GLUED_NUMBER = re.compile(r"^(p|q|tp|tx|tt)(\d+)$")


def clean(text: str) -> str:
    """NFC, single spaces, no leading or trailing space."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


@functools.lru_cache(maxsize=8192)
def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


def words(text: str) -> list[str]:
    """Lower-case NFC words, punctuation and apostrophes dropped ("Ea H'Leo" → ea, h, leo)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


@functools.lru_cache(maxsize=8192)
def _tone_word(word: str) -> str:
    tone = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


def tone_key(text: str) -> str:
    """Diacritic-preserving key, blind to tone-mark placement: "Khánh Hoà" == "khánh hòa"."""
    return "".join(_tone_word(w) for w in words(text))


def plain_key(text: str) -> str:
    """Diacritic-free key: "Bắc Nha Trang" → "bacnhatrang"."""
    return "".join(_strip_marks(w) for w in words(text))


def spaced_plain(text: str) -> str:
    """Diacritic-free words joined by spaces, for similarity scores."""
    return " ".join(_strip_marks(w) for w in words(text))


def _split_tone(word: str) -> tuple[str, str]:
    toned = _tone_word(word)
    if toned and toned[-1] in _TONES.values():
        return toned[:-1], toned[-1]
    return toned, ""


def compatible(query: str, name: str) -> bool:
    """Whether the diacritics the query does have agree with the name.

    For names whose plain keys are equal: "Khanh Hòa" fits "Khánh Hòa", "Tân Định" does not
    fit "Tân Dĩnh". A query without any diacritic fits every such name.
    """
    q_words, n_words = words(query), words(name)
    if len(q_words) != len(n_words):
        return plain_key(query) == "".join(words(query))
    for q_word, n_word in zip(q_words, n_words, strict=True):
        q_base, q_tone = _split_tone(q_word)
        n_base, n_tone = _split_tone(n_word)
        if q_tone and q_tone != n_tone:
            return False
        if len(q_base) != len(n_base):
            return False
        for q_ch, n_ch in zip(q_base, n_base, strict=True):
            if q_ch != n_ch and q_ch != _strip_marks(q_ch):
                return False
    return True


class Interpretation(NamedTuple):
    type_word: str | None
    name: str  # the rest of the query, original spelling


def interpretations(query: str) -> list[Interpretation]:
    """The query read as a bare name, and, if it starts with a type word, as type + name.

    Both readings are returned because a name may itself start like a type word
    ("Xà Phìn" vs "xã ...").
    """
    text = clean(query)
    found = [Interpretation(None, text)]
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return found
    first = _strip_marks(tokens[0].group().lower())
    glued = _GLUED_NUMBER.match(first)
    if glued:
        rest = glued.group(2) + text[tokens[0].end() :]
        found.append(Interpretation(_TYPE_WORDS[(glued.group(1),)], clean(rest)))
        return found
    for size in (2, 1):
        if len(tokens) <= size:
            continue
        head = tuple(_strip_marks(t.group().lower()) for t in tokens[:size])
        if head in _TYPE_WORDS:
            found.append(Interpretation(_TYPE_WORDS[head], clean(text[tokens[size].start() :])))
            break
    return found


def is_number(name: str) -> bool:
    """A numbered unit ("Phường 3", "Quận 1") is only found together with its type word."""
    return name.strip().isdigit()
