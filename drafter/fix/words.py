"""The invariant of `drafter fix`: the words of a document — letters and numbers, in order, in
every paragraph, table cell, header and footer — are the same before and after. Numbers are
compared by value, so the padding of dates and numbers ("ngày 5" → "ngày 05") is not a change
of words; punctuation and spacing are not words."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from lxml import etree

from drafter.check.package import PARSER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TOKEN = re.compile(r"[^\W_]+")
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def words_of_text(text: str) -> list[str]:
    out = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        out.append(str(int(token)) if token.isdigit() else token)
    return out


def document_words(data: bytes) -> list[str]:
    """Words of every story of a DOCX (text of w:t elements, paragraph by paragraph)."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if _PARTS.match(n)):
            root = etree.fromstring(archive.read(name), PARSER)
            for p in root.iter(W + "p"):
                out.extend(words_of_text("".join(t.text or "" for t in p.iter(W + "t"))))
    return out


def word_differences(before: bytes, after: bytes, limit: int = 5) -> list[str]:
    """Where the words differ (empty when they are the same)."""
    a, b = document_words(before), document_words(after)
    if a == b:
        return []
    import difflib

    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(f"«{' '.join(a[i1:i2])}» → «{' '.join(b[j1:j2])}»")
        if len(out) >= limit:
            break
    return out
