"""Inline emphasis inside any body text: `**bold**` and `*italic*` become runs; `\\*` is a
literal asterisk. Parsed by markdown-it with every rule off except emphasis and backslash
escapes, so nothing else a user types (`#`, `1.`, `<`, `&`, braces, underscores) changes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

_LONE_BACKSLASH = re.compile(r"\\(?!\*)")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "escape"])


def _protect(text: str) -> str:
    # Underscores stay literal ("Số: ____"): only asterisks mark emphasis. A backslash is kept
    # as typed unless it escapes an asterisk ("\\*"), so "a\\-b" or a path stays as it is.
    return _LONE_BACKSLASH.sub(r"\\\\", text).replace("_", "\\_")


@lru_cache(maxsize=4096)
def spans(text: str) -> tuple[Span, ...]:
    """The text as runs with their emphasis, in order; markers removed."""
    if "*" not in text and "\\" not in text:
        return (Span(text),) if text else ()
    out: list[Span] = []
    bold = italic = 0
    for block in _parser().parseInline(_protect(text)):
        for token in block.children or []:
            if token.type == "strong_open":
                bold += 1
            elif token.type == "strong_close":
                bold -= 1
            elif token.type == "em_open":
                italic += 1
            elif token.type == "em_close":
                italic -= 1
            elif token.content:
                out.append(Span(token.content, bold > 0, italic > 0))
    return merge(out)


def merge(parts) -> tuple[Span, ...]:
    """Adjacent spans of the same emphasis as one (one run per change of emphasis)."""
    merged: list[Span] = []
    for span in parts:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return tuple(merged)


def plain(text: str) -> str:
    """The text as a reader sees it: markers removed, escapes resolved."""
    return "".join(span.text for span in spans(text))
