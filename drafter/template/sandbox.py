"""The only Jinja environment a Word template is rendered in: sandboxed, autoescaping, strict,
and with budgets, because templates come from people, not from us.

The sandbox alone stops attribute escapes (`''.__class__`), but not work: `'A' * 10**9`,
`9**(9**8)`, nested `range` loops or `lipsum(200000)` would take gigabytes or never end. Every
budget below is charged as the template runs and a breach raises `BudgetError` (a jinja2
SecurityError, so callers that already catch those keep working) with a Vietnamese message.
`{% include %}`, `{% import %}` and `{% extends %}` are refused while parsing: a template is one
Word file and may read nothing else."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from numbers import Integral
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from drafter.document import runs
from drafter.document.values import docx_value
from drafter.template.variables import FILTERS

# Budgets. A real plan renders a few hundred kB of XML with a few thousand loop iterations;
# these leave two orders of magnitude of room and stop a hostile template in well under a second.
MAX_OUTPUT_CHARS = 30_000_000  # all parts of one render together
MAX_STRING_CHARS = 1_000_000  # one string or list built by an expression
MAX_ITERATIONS = 100_000  # loop iterations of one render together (a 3,321-row table needs ~20,000)
MAX_CALLS = 20_000  # function, macro and method calls of one render (each costs far more than an iteration)
MAX_INT_BITS = 4096  # about 1,233 decimal digits
MAX_INT_ARGUMENT = 100_000  # an integer passed to a filter or method (widths, counts)
MAX_RANGE = 10_000
MAX_LIPSUM_PARAGRAPHS = 20
MAX_SECONDS = 10.0  # backstop for whatever the counted budgets miss

_FORBIDDEN_NODES = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}",
}
_FORMAT_WIDTH = re.compile(r"\d{6,}")  # a width/precision of 100000 or more in a format string
_XML_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_LOOP_FILTER = "_drafter_dem_vong_lap"
_SIZE_FILTER = "_drafter_do_dai"


class BudgetError(SecurityError):
    """A template asked for more work than any plan needs."""


def _finalize(value: Any) -> Any:
    """Every printed value: NFC, escaped, line breaks as new paragraphs, braces kept literal
    (drafter.document.values). Values already made safe (RichText, Markup) pass unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return docx_value(value)
    return value


def _size(value: Any, depth: int = 3) -> int:
    """Characters a value prints as, roughly. A list of many references to one long string is
    small in memory but huge when joined or printed, so items count, a few levels deep."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, dict)) and depth:
        items = value.values() if isinstance(value, dict) else value
        if len(items) > MAX_STRING_CHARS:
            return len(items)
        return len(items) + sum(_size(item, depth - 1) for item in items)
    try:
        return len(value)
    except TypeError:
        return 0


class BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment (no `list.append` games either) with per-render budgets.

    The counters live on the instance: one render per environment, or `new_render()` before each
    render when a prepared template compiles once and renders many plans (`drafter batch`)."""

    intercepted_binops = frozenset(["*", "**", "+", "%", "//"])

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=self._finalize)
        self._safe: dict[tuple[type, str], bool] = {}
        self.new_render()
        # Only the documented filters: fewer tools, fewer ways to hurt (`safe` would let raw XML
        # past the escaping, `random` would make two renders differ).
        allowed = {f.name for f in FILTERS}
        self.filters = {name: self._guard_filter(name, f) for name, f in self.filters.items() if name in allowed}
        # drafter's own filter: a body paragraph with its **bold** / *italic* runs
        self.filters[runs.FILTER] = self._guard_filter(runs.FILTER, runs.rich_text)
        self.filters[_LOOP_FILTER] = self._count
        self.filters[_SIZE_FILTER] = self._sized
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum

    def new_render(self) -> None:
        """Every budget afresh: each render gets the whole of each one."""
        self.iterations = 0
        self.calls = 0
        self.output_chars = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    # -- parsing: one Word file, nothing else
    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        for node_type, tag in _FORBIDDEN_NODES.items():
            for node in tree.find_all(node_type):
                raise TemplateSyntaxError(
                    f"mẫu không được dùng thẻ {tag}: mẫu là một tệp Word, không được đọc tệp khác",
                    node.lineno, name, filename)
        for loop in tree.find_all(nodes.For):  # every loop pays for each item it takes
            loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None, lineno=loop.lineno)
        # `a ~ b` is not an intercepted operator: measure what it builds
        for parent in list(tree.find_all(nodes.Node)):
            for field in parent.fields:
                child = getattr(parent, field, None)
                if isinstance(child, nodes.Concat):
                    setattr(parent, field, nodes.Filter(child, _SIZE_FILTER, [], [], None, None, lineno=child.lineno))
                elif isinstance(child, list):
                    child[:] = [nodes.Filter(c, _SIZE_FILTER, [], [], None, None, lineno=c.lineno)
                                if isinstance(c, nodes.Concat) else c for c in child]
        return tree

    # -- budgets
    def _tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetError(f"mẫu chạy quá {MAX_SECONDS:g} giây")

    def _count(self, iterable: Iterable) -> Iterator:
        for item in iterable:
            self.iterations += 1
            if self.iterations > MAX_ITERATIONS:
                raise BudgetError(f"vòng lặp trong mẫu chạy quá {_number(MAX_ITERATIONS)} lần")
            if not self.iterations % 1000:
                self._tick()
            yield item

    def _sized(self, value: Any) -> Any:
        self._check_size(_size(value))
        return value

    def _finalize(self, value: Any) -> Any:
        value = _finalize(value)
        self._check_size(_size(value))
        return value

    def _range(self, *args: int) -> range:
        for arg in args:
            self._check_int_argument(arg)
        rng = range(*args)
        if len(rng) > MAX_RANGE:
            raise BudgetError(f"range() trong mẫu quá {_number(MAX_RANGE)} phần tử")
        return rng

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        for arg in (n, min, max):
            self._check_int_argument(arg)
        if n > MAX_LIPSUM_PARAGRAPHS or max > 1000:
            raise BudgetError(f"lipsum() trong mẫu quá {MAX_LIPSUM_PARAGRAPHS} đoạn")
        return generate_lorem_ipsum(n, html, min, max)

    @staticmethod
    def _check_int_argument(value: Any) -> None:
        if isinstance(value, Integral) and not isinstance(value, bool) and abs(value) > MAX_INT_ARGUMENT:
            raise BudgetError(f"mẫu dùng một số quá lớn ({_digits(value)}) làm tham số")

    @staticmethod
    def _check_size(n: int) -> None:
        if n > MAX_STRING_CHARS:
            raise BudgetError(f"mẫu tạo một chuỗi hoặc danh sách quá {_number(MAX_STRING_CHARS)} phần tử")

    @staticmethod
    def _check_bits(bits: int) -> None:
        if bits > MAX_INT_BITS:
            raise BudgetError(f"mẫu tạo một số nguyên quá lớn (quá {MAX_INT_BITS} bit)")

    def _check_format(self, text: Any) -> None:
        if isinstance(text, str) and _FORMAT_WIDTH.search(text):
            raise BudgetError("chuỗi định dạng trong mẫu có độ rộng quá lớn")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Whether an attribute is safe depends on the object's type and the name alone (jinja's
        # rules: internal names, mutating methods of known mutable types); a prepared template
        # asks the same few questions for every plan, so each answer is kept per type and name.
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return known

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self._tick()
        ints = isinstance(left, Integral) and isinstance(right, Integral)
        if operator == "**" and ints:
            if abs(left) > 1 and right > 0:
                self._check_bits(int(right) * int(abs(left)).bit_length())
        elif operator == "*":
            if ints:
                self._check_bits(int(abs(left)).bit_length() + int(abs(right)).bit_length())
            elif isinstance(right, Integral):
                self._check_size(_size(left) * max(int(right), 0))
            elif isinstance(left, Integral):
                self._check_size(_size(right) * max(int(left), 0))
        elif operator == "+" and not ints:
            self._check_size(_size(left) + _size(right))
        elif operator == "%":
            self._check_format(left)
            self._check_size(_size(right))
            for value in right if isinstance(right, tuple) else (right,):
                self._check_int_argument(value)
        return super().call_binop(context, operator, left, right)

    def _check_arguments(self, values: tuple) -> None:
        """Refuse huge integers, and estimate what a call could build before it builds it: a
        string method or filter given a width or a replacement (`center`, `indent`, `replace`,
        `ljust`) makes at most (longest string) × (next longest string or largest number)."""
        lengths, largest = [0, 0], 1
        for value in values:
            self._check_int_argument(value)
            if isinstance(value, str):
                lengths.append(len(value))
                if "%" in value or "{" in value:
                    self._check_format(value)
            elif isinstance(value, (list, tuple, dict)):  # joined or printed whole
                lengths.append(_size(value))
            elif isinstance(value, Integral) and not isinstance(value, bool):
                largest = max(largest, abs(int(value)))
        first, second = sorted(lengths)[-2:][::-1]
        if first * max(second, largest) > 10 * MAX_STRING_CHARS:
            raise BudgetError(f"mẫu tạo một chuỗi quá {_number(MAX_STRING_CHARS)} ký tự")

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
        __self.calls += 1
        if __self.calls > MAX_CALLS:
            raise BudgetError(f"mẫu gọi hàm hoặc macro quá {_number(MAX_CALLS)} lần")
        __self._tick()
        # the sandbox hands out str.format wrapped; the wrapper keeps the bound method
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        __self._check_arguments((owner, *args, *kwargs.values()) if isinstance(owner, str) else (*args, *kwargs.values()))
        return super().call(__context, __obj, *args, **kwargs)

    def _guard_filter(self, name: str, func):
        """Filters are called directly by compiled templates, past `call`: check them here."""
        def guarded(*args, **kwargs):
            self._tick()
            self._check_arguments((*args, *kwargs.values()))
            result = func(*args, **kwargs)
            if isinstance(result, str):
                self._check_size(len(result))
            return result

        for attr in ("jinja_pass_arg",):  # keep jinja's context/env/eval-context passing
            if hasattr(func, attr):
                setattr(guarded, attr, getattr(func, attr))
        return guarded

    def concat(self, chunks: Iterable[str]) -> str:  # type: ignore[override]
        parts: list[str] = []
        for chunk in chunks:
            self.output_chars += len(chunk)
            if self.output_chars > MAX_OUTPUT_CHARS:
                raise BudgetError(f"mẫu sinh ra quá {MAX_OUTPUT_CHARS // 1_000_000} triệu ký tự")
            parts.append(chunk)
        text = "".join(parts)
        if _XML_DECLARATION.search(text):
            raise BudgetError("mẫu sinh ra khai báo DOCTYPE/ENTITY")
        return text


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Vietnamese thousands separator


def _digits(value: int) -> str:
    bits = int(abs(value)).bit_length()
    return f"khoảng {int(bits * 0.30103) + 1} chữ số" if bits > 64 else str(value)


def environment() -> BudgetedEnvironment:
    """A fresh environment for one render."""
    return BudgetedEnvironment()
