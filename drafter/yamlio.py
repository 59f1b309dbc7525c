"""YAML files that users edit (answers files, presets): load with positions, validate with a
pydantic model, and report every problem in Vietnamese with file, line, column and field."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from drafter.errors import InputError, Location, MultiInputError

M = TypeVar("M", bound=BaseModel)

# pydantic error type → Vietnamese explanation (what is expected).
_MESSAGES: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được hỗ trợ (có thể gõ sai tên trường)",
    "string_type": "cần một chuỗi chữ",
    "string_too_short": "không được để trống",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "float_parsing": "cần một số",
    "float_type": "cần một số",
    "bool_type": "cần giá trị true hoặc false",
    "bool_parsing": "cần giá trị true hoặc false",
    "list_type": "cần một danh sách (mỗi mục bắt đầu bằng «- »)",
    "dict_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "model_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "model_attributes_type": "cần một nhóm trường (dạng «khóa: giá trị»)",
    "date_type": "cần một ngày dạng NNNN-TT-NN, ví dụ 2025-10-31",
    "date_parsing": "cần một ngày dạng NNNN-TT-NN, ví dụ 2025-10-31",
    "date_from_datetime_parsing": "cần một ngày dạng NNNN-TT-NN, ví dụ 2025-10-31",
    "literal_error": "giá trị không hợp lệ",
    "enum": "giá trị không hợp lệ",
    "greater_than_equal": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "greater_than": "giá trị quá nhỏ",
    "less_than": "giá trị quá lớn",
    "too_short": "danh sách quá ngắn",
    "union_tag_invalid": "loại mục không hợp lệ",
    "union_tag_not_found": "không nhận ra loại mục",
}


def nfc_tree(value: Any) -> Any:
    """NFC-normalise every string of a loaded YAML tree, keeping ruamel's position info."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, CommentedMap):
        for key in list(value.keys()):
            value[key] = nfc_tree(value[key])
        return value
    if isinstance(value, CommentedSeq):
        for i, item in enumerate(value):
            value[i] = nfc_tree(item)
        return value
    if isinstance(value, dict):
        return {k: nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_tree(v) for v in value]
    return value


def _timestamp_as_text(constructor, node):
    # Dates stay text so that pydantic validates them and reports the field and line of a bad one.
    return constructor.construct_scalar(node)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return yaml


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Parse a YAML file; a syntax error becomes an InputError with line and column."""
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("không tìm thấy tệp", Location(file=path)) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})", Location(file=path),
                hint="lưu lại tệp với bảng mã UTF-8",
            ) from None
    try:
        data = _yaml().load(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cú pháp không hợp lệ"
        if "duplicate" in str(problem) or "found duplicate key" in str(exc):
            problem = "khóa bị lặp lại"
        raise InputError(
            f"lỗi cú pháp YAML ({problem})",
            Location(file=path, line=mark.line + 1 if mark else None,
                     column=mark.column + 1 if mark else None),
            hint="kiểm tra thụt lề (dùng dấu cách, không dùng tab) và dấu «:» sau mỗi khóa",
        ) from None
    except YAMLError as exc:
        raise InputError(f"lỗi cú pháp YAML ({exc})", Location(file=path)) from None
    return nfc_tree(data)


def _without_tags(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the tag steps that pydantic adds to the loc of a tagged union (`noi_dung[0].muc.…`):
    a step is a tag when the step after it is a key of the same mapping, not of its child."""
    out: list[Any] = []
    node = data
    steps = list(loc)
    for i, key in enumerate(steps):
        nxt = steps[i + 1] if i + 1 < len(steps) else None
        if isinstance(node, dict) and isinstance(key, str) and isinstance(nxt, str) and nxt in node \
                and not (isinstance(node.get(key), dict) and nxt in node[key]):
            continue  # a union tag: stay on this node
        out.append(key)
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            node = None
    return tuple(out)


def _position(data: Any, loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node of `loc` that exists in `data`."""
    line = col = None
    node = data
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[key]
        elif isinstance(node, (CommentedMap, CommentedSeq)):
            # a missing key or a tagged-union step: point at the containing node
            continue
        else:
            break
    return line, col


def field_path(loc: tuple[Any, ...]) -> str:
    """`noi_dung[1].noi_dung[0].khoan` from pydantic's loc, dropping union tags."""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        elif isinstance(key, str) and not key.startswith("__tag__"):
            out += f".{key}" if out else key
    return out or "(gốc)"


def _explain(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind in ("value_error", "assertion_error"):
        return str(err.get("ctx", {}).get("error", err["msg"]))
    base = _MESSAGES.get(kind, err["msg"])
    ctx = err.get("ctx") or {}
    if kind == "literal_error" and "expected" in ctx:
        base += f"; chấp nhận: {ctx['expected']}"
    elif kind in ("greater_than_equal", "greater_than") and ("ge" in ctx or "gt" in ctx):
        base += f" (tối thiểu {ctx.get('ge', ctx.get('gt'))})"
    elif kind in ("less_than_equal", "less_than") and ("le" in ctx or "lt" in ctx):
        base += f" (tối đa {ctx.get('le', ctx.get('lt'))})"
    elif kind == "union_tag_invalid" and "expected_tags" in ctx:
        base += f"; chấp nhận: {ctx['expected_tags']}"
    if "input" in err and kind not in ("missing",) and not isinstance(err["input"], (dict, list)):
        shown = str(err["input"])
        if len(shown) > 60:
            shown = shown[:57] + "…"
        base += f" (đã nhập: «{shown}»)"
    return base


def validation_errors(exc: ValidationError, data: Any, path: Path | str | None) -> InputError:
    errors: list[InputError] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        loc = _without_tags(data, tuple(err["loc"]))
        field = field_path(loc)
        message = _explain(err)
        if (field, message) in seen:
            continue
        seen.add((field, message))
        line, col = _position(data, loc)
        errors.append(InputError(message, Location(file=path, line=line, column=col, field=field)))
    return errors[0] if len(errors) == 1 else MultiInputError(errors)


def validate(model: type[M], data: Any, path: Path | str | None = None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_errors(exc, data, path) from None


def load_model(model: type[M], path: Path | str) -> M:
    """Load a YAML file and validate it against `model`, with Vietnamese errors."""
    data = load_yaml(path)
    if data is None:
        raise InputError("tệp rỗng", Location(file=path))
    return validate(model, data, path)


def dump_yaml(data: Any, header: str | None = None) -> str:
    """Serialise plain data as readable YAML (UTF-8, no line folding of long Vietnamese text)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buf = io.StringIO()
    if header:
        buf.write("".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()))
    yaml.dump(data, buf)
    return buf.getvalue()
