"""The prompts of the wizard: questionary, in Vietnamese, keyboard-only, readable without colour.

Every question is asked with `unsafe_ask`, so Ctrl-C reaches the flow as KeyboardInterrupt (it
offers to save the answers so far) instead of being turned into a silent None. A validator
returns True or a Vietnamese message; the prompt stays open until the answer is valid.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

import questionary
from prompt_toolkit.completion import Completer, Completion
from questionary import Choice, Separator

from drafter.wizard.say import say


# No colour is needed to understand a prompt: the pointer and the ticks carry the meaning.
STYLE = questionary.Style([("qmark", "bold"), ("question", "bold"), ("pointer", "bold"),
                           ("highlighted", "reverse"), ("answer", "bold")])
QMARK = "?"
SELECT_HINT = "(↑↓ chọn, Enter xác nhận)"
CHECK_HINT = "(↑↓ di chuyển, phím cách: chọn/bỏ, Enter: xong)"

Validator = Callable[[str], "bool | str"]


_on_screen: list[Callable[[], None]] = []


def when_on_screen(callback: Callable[[], None]) -> None:
    """Run `callback` once the next prompt is running (used to load the presets while the user
    reads the first question, instead of before it)."""
    _on_screen.append(callback)


def _ask(question) -> Any:
    while _on_screen:
        question.application.pre_run_callables.append(_on_screen.pop())
    return question.unsafe_ask()


def _kw() -> dict[str, Any]:
    return {"style": STYLE, "qmark": QMARK}


def select(message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
    """One of `choices` (label, value); the pointer starts on `default`."""
    items = [Separator(label) if value is Separator else Choice(label, value) for label, value in choices]
    start = next((c for c in items if isinstance(c, Choice) and c.value == default), None)
    return _ask(questionary.select(message, items, default=start, instruction=SELECT_HINT,
                              use_shortcuts=False, use_indicator=False, **_kw()))


def checkbox(message: str, choices: Sequence[tuple[str, Any, bool]]) -> list[Any]:
    """The values ticked among (label, value, ticked)."""
    items = [Choice(label, value, checked=ticked) for label, value, ticked in choices]
    if not items:
        return []
    question = questionary.checkbox(message, items, instruction=CHECK_HINT, **_kw())
    # questionary's own summary line is English ("done (5 selections)"): erase it, say it in Vietnamese.
    question.application.erase_when_done = True
    picked = _ask(question)
    say(f"{QMARK} {message} đã chọn {len(picked)}/{len(items)}")
    return picked


def text(message: str, default: str = "", validate: Validator | None = None,
         completer: Completer | None = None, instruction: str | None = None) -> str:
    """Free text, pre-filled with `default` (Enter keeps it; Ctrl-U clears it)."""
    # Validate on Enter only: a message about a half-typed name would only distract.
    kwargs: dict[str, Any] = {"default": default, "instruction": instruction, "validate_while_typing": False, **_kw()}
    if validate is not None:
        kwargs["validate"] = validate
    if completer is not None:
        kwargs["completer"] = completer
        kwargs["complete_style"] = _complete_style()
    return _ask(questionary.text(message, **kwargs)).strip()


def confirm(message: str, default: bool = True) -> bool:
    """Yes or no, as a two-line choice: Vietnamese words instead of questionary's Yes/No."""
    return bool(select(message, [("Có", True), ("Không", False)], default=default))


def _complete_style():
    from prompt_toolkit.shortcuts import CompleteStyle

    return CompleteStyle.COLUMN


class LooseCompleter(Completer):
    """Type-ahead over names that forgives missing diacritics: "khanh hoa" finds "Khánh Hòa",
    "nha trang" finds "Bắc Nha Trang" (a match anywhere in the name)."""

    def __init__(self, names: Iterable[str], limit: int = 12):
        from drafter.units.normalize import plain_key

        self.names = list(dict.fromkeys(names))
        self.keys = [plain_key(n) for n in self.names]
        self.limit = limit

    def matches(self, typed: str) -> list[str]:
        from drafter.units.normalize import plain_key

        key = plain_key(typed)
        starts = [n for n, k in zip(self.names, self.keys) if k.startswith(key)]
        inside = [n for n, k in zip(self.names, self.keys) if key in k and not k.startswith(key)]
        return (starts + inside)[: self.limit]

    def get_completions(self, document, complete_event):
        typed = document.text_before_cursor
        if not typed.strip():
            return
        for name in self.matches(typed):
            yield Completion(name, start_position=-len(typed))
