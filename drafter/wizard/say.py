"""Plain output for the wizard, through the current prompt_toolkit session (so tests can
capture it with a PlainTextOutput and a real terminal shows it between prompts)."""

from __future__ import annotations

from prompt_toolkit import print_formatted_text


def say(text: str = "") -> None:
    print_formatted_text(text)


def short(text: str, width: int = 72) -> str:
    """One line that fits an 80-column terminal with the prompt's pointer and ticks."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
