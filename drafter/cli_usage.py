"""Command-line mistakes (an unknown option, a missing one, a year that is not a number) told in
Vietnamese. Click, under typer, parses the command line and words these in English; drafter runs it
in non-standalone mode and turns each click exception into a UsageError naming the option."""

from __future__ import annotations

import sys

import typer

from drafter.errors import EXIT_USAGE, Location, UsageError

# Click's exceptions, wherever this typer takes them from (click itself, or its vendored copy).
click = sys.modules[typer.BadParameter.__module__]

# What a value must look like, by pydantic's error type prefix (click's type names map onto these).
TYPE_WORDS = {"int": "một số nguyên, ví dụ 2026", "float": "một số", "bool": "có hoặc không (true/false)"}
CLICK_TYPES = {"integer": "int", "float": "float", "boolean": "bool"}


def _is_option(param) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _name(param) -> str:
    if param is None:
        return "?"
    if _is_option(param):
        return max(param.opts, key=len)  # "--output" rather than "-o"
    return (getattr(param, "name", None) or "?").upper()


def _expected(exc) -> str:
    """Newer typer converts values with pydantic (the cause says which type failed); older ones with
    click's parameter types."""
    errors = getattr(exc.__cause__, "errors", None)
    if callable(errors):
        kinds = {e.get("type", "").split("_")[0] for e in errors()}
        for name in ("int", "float", "bool"):
            if name in kinds:
                return TYPE_WORDS[name]
        return "một giá trị hợp lệ"
    kind = getattr(exc.param, "type", None)
    if getattr(kind, "choices", None):
        return "một trong: " + ", ".join(map(str, kind.choices))
    return TYPE_WORDS.get(CLICK_TYPES.get(getattr(kind, "name", ""), ""), "một giá trị hợp lệ")


def usage_error(exc) -> UsageError:
    """The Vietnamese UsageError for a click exception; the hint points to the command's --help."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "drafter"
    hint = f"xem cách gọi: {command} --help"
    if isinstance(exc, click.NoSuchOption):
        near = sorted(exc.possibilities or ())
        return UsageError(f"lệnh «{command}» không có tùy chọn này", Location(field=exc.option_name),
                          hint=f"có phải {', '.join(near)}?" if near else hint)
    if isinstance(exc, click.MissingParameter):
        name = _name(exc.param)
        what = "tùy chọn" if _is_option(exc.param) else "đối số"
        return UsageError(f"lệnh «{command}» cần {what} này", Location(field=name), hint=hint)
    if isinstance(exc, click.BadParameter):
        name = _name(exc.param)
        return UsageError(f"giá trị không hợp lệ: cần {_expected(exc)}", Location(field=name),
                          hint=hint)
    if isinstance(exc, click.BadOptionUsage):
        return UsageError("tùy chọn này cần một giá trị", Location(field=exc.option_name), hint=hint)
    if isinstance(exc, click.UsageError):
        words = exc.message.split("'")
        if exc.message.startswith("No such command") and len(words) > 1:
            return UsageError(f"lệnh «{command}» không có lệnh con «{words[1]}»", hint=hint)
        if exc.message.startswith("Got unexpected extra argument"):
            extra = exc.message[exc.message.rfind("(") + 1:exc.message.rfind(")")]
            return UsageError(f"lệnh «{command}» không nhận thêm đối số «{extra}»", hint=hint)
        return UsageError(f"gọi lệnh «{command}» không đúng", hint=hint)
    error = UsageError("không thực hiện được lệnh", hint=hint)
    error.exit_code = exc.exit_code if exc.exit_code else EXIT_USAGE
    return error


def check_year(year: int | None) -> int | None:
    """`--year` within the years a plan may carry (the model's bounds), before any date is built."""
    if year is not None:
        from drafter.plan.model import YEAR_MAX, YEAR_MIN

        if not YEAR_MIN <= year <= YEAR_MAX:
            raise UsageError(f"năm {year} không hợp lệ; chấp nhận từ {YEAR_MIN} đến {YEAR_MAX}", Location(field="--year"))
    return year
